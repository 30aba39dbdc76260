// A second view of a file's bytes with the common text encodings undone, so that a value hidden behind an
// encoding is found too:
// - HTML numeric character references: &#x5F20; &#24352; (the ';' may be missing);
// - JavaScript / JSON escapes: \u5f20, \u{5f20}, \xNN, with UTF-16 surrogate pairs joined;
// - URL percent-encoding: %E5%BC%A0, %31;
// - full-width digits and X (１３８…, Ｘ), which people type in Chinese text;
// - invisible characters are dropped: zero-width space, non-joiner and joiner, word joiner, the byte order
//   mark and the soft hyphen. Pagefind's Chinese word segmentation writes its fragments with a zero-width
//   space between words (张\u200B晓\u200B娓), so without this a name would never be found there.
// Each decoded character becomes its UTF-8 bytes; `offsets[i]` is the byte offset in the original file of
// the encoded run that produced decoded byte i, so a hit maps back to where its first character starts.

export interface DecodedView {
  /** One character per byte (latin1), like the raw view. */
  view: string;
  /** Original byte offset of each byte of `view`. */
  offsets: Uint32Array;
}

const ANY_ESCAPE =
  /&#[xX]?[0-9a-fA-F]|\\u[0-9a-fA-F{]|\\x[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}|\xEF\xBC[\x90-\x99\xB8]|\xEF\xBD\x98|\xE2\x80[\x8B-\x8D]|\xE2\x81\xA0|\xEF\xBB\xBF|\xC2\xAD/;
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad]);
const HTML_REFERENCE = /^&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?/;
const UNICODE_ESCAPE = /^\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})/;
const HEX_ESCAPE = /^\\x([0-9a-fA-F]{2})/;
const PERCENT = /^%([0-9a-fA-F]{2})/;
const LOOKAHEAD = 16;

/** Null when the view holds no escape at all: then the raw view already says everything. */
export function decodeEscapes(raw: string): DecodedView | null {
  if (!ANY_ESCAPE.test(raw)) return null;
  const bytes = new Uint8Array(raw.length);
  const offsets = new Uint32Array(raw.length);
  let length = 0;
  const emitByte = (byte: number, origin: number): void => {
    bytes[length] = byte;
    offsets[length] = origin;
    length++;
  };
  const emitCodePoint = (codePoint: number, origin: number): void => {
    if (INVISIBLE.has(codePoint)) return;
    if (codePoint < 0x80) {
      emitByte(codePoint, origin);
    } else if (codePoint < 0x800) {
      emitByte(0xc0 | (codePoint >> 6), origin);
      emitByte(0x80 | (codePoint & 0x3f), origin);
    } else if (codePoint < 0x10000) {
      emitByte(0xe0 | (codePoint >> 12), origin);
      emitByte(0x80 | ((codePoint >> 6) & 0x3f), origin);
      emitByte(0x80 | (codePoint & 0x3f), origin);
    } else {
      emitByte(0xf0 | (codePoint >> 18), origin);
      emitByte(0x80 | ((codePoint >> 12) & 0x3f), origin);
      emitByte(0x80 | ((codePoint >> 6) & 0x3f), origin);
      emitByte(0x80 | (codePoint & 0x3f), origin);
    }
  };
  let i = 0;
  while (i < raw.length) {
    const code = raw.charCodeAt(i);
    if (code === 38 && raw.charCodeAt(i + 1) === 35) {
      const match = HTML_REFERENCE.exec(raw.slice(i, i + LOOKAHEAD));
      const codePoint = match ? Number.parseInt(match[1] ?? match[2]!, match[1] ? 16 : 10) : -1;
      if (match && codePoint > 0 && codePoint <= 0x10ffff) {
        emitCodePoint(codePoint, i);
        i += match[0].length;
        continue;
      }
    } else if (code === 92) {
      const window = raw.slice(i, i + LOOKAHEAD);
      const unicode = UNICODE_ESCAPE.exec(window);
      if (unicode) {
        let codePoint = Number.parseInt(unicode[1] ?? unicode[2]!, 16);
        let consumed = unicode[0].length;
        if (codePoint >= 0xd800 && codePoint <= 0xdbff) {
          const low = UNICODE_ESCAPE.exec(raw.slice(i + consumed, i + consumed + LOOKAHEAD));
          const lowPoint = low?.[1] ? Number.parseInt(low[1], 16) : -1;
          if (lowPoint >= 0xdc00 && lowPoint <= 0xdfff) {
            codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (lowPoint - 0xdc00);
            consumed += low![0].length;
          }
        }
        if (codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff)) {
          emitCodePoint(codePoint, i);
          i += consumed;
          continue;
        }
      }
      const hex = HEX_ESCAPE.exec(window);
      if (hex) {
        emitCodePoint(Number.parseInt(hex[1]!, 16), i);
        i += hex[0].length;
        continue;
      }
    } else if (code === 37) {
      const percent = PERCENT.exec(raw.slice(i, i + 3));
      if (percent) {
        emitByte(Number.parseInt(percent[1]!, 16), i);
        i += 3;
        continue;
      }
    } else if (code === 0xe2) {
      const second = raw.charCodeAt(i + 1);
      const third = raw.charCodeAt(i + 2);
      if ((second === 0x80 && third >= 0x8b && third <= 0x8d) || (second === 0x81 && third === 0xa0)) {
        i += 3;
        continue;
      }
    } else if (code === 0xc2 && raw.charCodeAt(i + 1) === 0xad) {
      i += 2;
      continue;
    } else if (code === 0xef) {
      const second = raw.charCodeAt(i + 1);
      const third = raw.charCodeAt(i + 2);
      if (second === 0xbb && third === 0xbf) {
        i += 3;
        continue;
      }
      if (second === 0xbc && third >= 0x90 && third <= 0x99) {
        emitByte(third - 0x90 + 48, i);
        i += 3;
        continue;
      }
      if ((second === 0xbc && third === 0xb8) || (second === 0xbd && third === 0x98)) {
        emitByte(88, i);
        i += 3;
        continue;
      }
    }
    emitByte(code, i);
    i++;
  }
  return {
    view: Buffer.from(bytes.buffer, 0, length).toString('latin1'),
    offsets: offsets.subarray(0, length),
  };
}
