/**
 * Rewrites the text a person reads in an HTML document (text nodes and the few attributes meant for
 * people: alt, title, aria-label, placeholder, a meta description) and nothing else: tag names, URLs,
 * ids, data attributes, hashes, scripts and styles pass through byte for byte. Elements marked
 * `translate="no"` (the HTML attribute for "leave this as it is") keep their text too, e.g. a query
 * whose hash readers check.
 *
 * This is a tokenizer for the well-formed HTML the portal itself renders, not a general HTML parser.
 * `convert` is for Chinese script conversion: it must return text without CJK ideographs unchanged
 * (attribute values without any are not handed to it).
 */

const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'placeholder']);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea']);
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

// A comment, a doctype, or a tag whose quoted attribute values may hold `>`.
const MARKUP =
  /<!--[\s\S]*?-->|<![^>]*>|<\/?([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** CJK ideographs: what a script conversion may change; text and attributes without any are left alone. */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function rewriteAttributes(tagName: string, attributes: string, convert: (text: string) => string): string {
  // Most tags carry only classes, URLs and ids: nothing a reader reads, so nothing to convert.
  if (!HAN.test(attributes)) return attributes;
  const isDescription =
    tagName === 'meta' && /\sname\s*=\s*["']?(description|og:title|og:description)\b/i.test(attributes);
  return attributes.replace(
    ATTRIBUTE,
    (whole, space: string, name: string, equals?: string, dq?: string, sq?: string, bare?: string) => {
      const lower = name.toLowerCase();
      const value = dq ?? sq ?? bare;
      if (value === undefined || !(TEXT_ATTRIBUTES.has(lower) || (isDescription && lower === 'content'))) {
        return whole;
      }
      const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
      return `${space}${name}${equals}${quote}${convert(value)}${quote}`;
    },
  );
}

export function transformHtmlText(html: string, convert: (text: string) => string): string {
  const out: string[] = [];
  let last = 0;
  // While inside a translate="no" element: its tag name and how deep in same-named elements we are.
  let frozen: { tag: string; depth: number } | undefined;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(html); match; match = MARKUP.exec(html)) {
    const text = html.slice(last, match.index);
    out.push(frozen ? text : convert(text));
    const [tag, rawName, attributes = '', selfClosing] = match;
    last = MARKUP.lastIndex;
    if (rawName === undefined) {
      out.push(tag);
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = tag.startsWith('</');
    const rewritten = frozen || closing ? attributes : rewriteAttributes(name, attributes, convert);
    out.push(rewritten === attributes ? tag : tag.replace(attributes, rewritten));
    if (closing) {
      if (frozen?.tag === name && --frozen.depth === 0) frozen = undefined;
      continue;
    }
    const opensElement = !selfClosing && !VOID_ELEMENTS.has(name);
    if (frozen?.tag === name && opensElement) frozen.depth++;
    else if (!frozen && opensElement && /\stranslate\s*=\s*["']?no\b/i.test(attributes)) {
      frozen = { tag: name, depth: 1 };
    }
    if (RAW_TEXT_ELEMENTS.has(name) && !selfClosing) {
      // Script and style bodies are code: copy them through to their end tag.
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      const stop = end === -1 ? html.length : end;
      out.push(html.slice(last, stop));
      last = stop;
      MARKUP.lastIndex = stop;
    }
  }
  const rest = html.slice(last);
  out.push(frozen ? rest : convert(rest));
  return out.join('');
}
