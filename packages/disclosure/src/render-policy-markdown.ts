import { defineMdastPlugin, markdownToHtml } from 'satteri';

const SAFE_URL = /^(https?:|mailto:|tel:|#|\/(?!\/))/i;

/**
 * Policy bodies are written by admins and published to everyone, so raw HTML never reaches the page:
 * it is shown as the text the admin typed. Links keep only safe schemes, and images become their alt
 * text, because the portal loads nothing from other hosts (a resident's visit must not be observable).
 */
const plainTextOnly = defineMdastPlugin({
  name: 'sunshine-policy-plain-text',
  html(node, ctx) {
    const inParagraph = ctx.parent(node)?.type !== 'root';
    const text = { type: 'text' as const, value: node.value };
    ctx.replaceNode(node, inParagraph ? text : { type: 'paragraph', children: [text] });
  },
  link(node, ctx) {
    if (!SAFE_URL.test(node.url.trim())) ctx.replaceNode(node, [...node.children]);
  },
  image(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.alt ? `［图：${node.alt}］` : '' });
  },
});

/** The only tags Markdown itself produces (GFM tables, task lists, footnotes included). */
const ALLOWED_TAGS = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong del s a table thead tbody tr th td hr br sup sub section input'.split(
    ' ',
  ),
);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

/** Returns why the HTML is unsafe, or undefined when every tag and attribute is one Markdown makes. */
export function findUnsafeMarkup(html: string): string | undefined {
  for (const [tag, name = '', attributes = ''] of html.matchAll(TAG)) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) return tag;
    for (const [, attribute = '', quoted = ''] of attributes.matchAll(ATTRIBUTE)) {
      const key = attribute.toLowerCase();
      if (key.startsWith('on') || key === 'style' || key === 'src' || key === 'srcdoc') return tag;
      const value = quoted.replace(/^["']|["']$/g, '').trim();
      if (key === 'href' && !SAFE_URL.test(value)) return tag;
    }
  }
  return undefined;
}

export class UnsafeMarkdownError extends Error {
  override readonly name = 'UnsafeMarkdownError';
}

export function renderPolicyMarkdown(markdown: string): string {
  const { html } = markdownToHtml(markdown, {
    mdastPlugins: [plainTextOnly],
    features: { gfm: true, smartPunctuation: false },
  });
  // A second line of defence: if an engine upgrade ever lets markup through, the build fails
  // instead of publishing it.
  const unsafe = findUnsafeMarkup(html);
  if (unsafe)
    throw new UnsafeMarkdownError(`rendered policy body contains markup that is not allowed: ${unsafe}`);
  return html;
}

/** A short plain-text summary for the feed and lists: no Markdown syntax, no angle brackets. */
export function toPlainExcerpt(markdown: string, maxLength = 120): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]/g, '')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= maxLength ? text : `${chars.slice(0, maxLength).join('').trimEnd()}…`;
}
