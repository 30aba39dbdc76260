// Exact matching of protected full names (people who did not consent to publication) in a byte view of a
// file (one character per byte, see find-identifier-leaks.ts). Names are compared as their UTF-8 bytes, so a
// hit's index is its byte offset.
//
// Rules: a name of three or more characters is matched wherever its exact characters occur, also inside
// longer text (Chinese has no word boundaries, and a leak inside a sentence is still a leak). A
// two-character name (张伟) is matched only as a token of its own: the characters on both sides are
// punctuation, white space, markup or the edge of the file, never a letter, a digit or a Chinese
// character. Two characters occur as a pair inside ordinary words far too often: on the demo county's
// first portal build, names such as 何一 (任何一项) and 程安 (课程安排) were "found" in policy texts, and
// Pagefind's index, which splits Chinese text into two-character words, would hold every such pair. A
// name in a table cell, a list, a JSON string, a CSV field or an attribute stands alone and is found; the
// cost is that a two-character name written straight into a sentence (村民张伟说) is not. Invisible
// characters (zero-width space and the like) join rather than separate: Pagefind's fragments put a
// zero-width space between the words of 数据许可 (data license), and 许可 is also someone's name.
// Names shorter than two characters are ignored. A masked form such as 张*娓 never matches, because the
// mask character is not part of the name. At one position only the longest matching name is reported.
//
// Speed: a bitmap of every name's first three bytes rejects almost every position with three array reads;
// only positions that start like some name are looked up in a Set, once per distinct name length.

export interface ProtectedNames {
  /** Number of distinct names compiled (after dropping names shorter than two characters). */
  readonly size: number;
  /** Byte indexes at which a protected name starts. */
  find(view: string): number[];
}

const KEY_BITS = 24;

/** Invisible characters join rather than separate: Pagefind writes a zero-width space between words. */
function isInvisible(codePoint: number): boolean {
  return (
    (codePoint >= 0x200b && codePoint <= 0x200d) ||
    codePoint === 0x2060 ||
    codePoint === 0xfeff ||
    codePoint === 0xad
  );
}

/** Code points that separate a two-character name from its neighbours (besides ASCII non-alphanumerics). */
function isSeparatorCodePoint(codePoint: number): boolean {
  if (isInvisible(codePoint)) return false;
  return (
    (codePoint >= 0x80 && codePoint <= 0xbf) || // Latin-1 punctuation and spaces: « » · ¡ ¿ NBSP
    codePoint === 0xd7 ||
    codePoint === 0xf7 ||
    (codePoint >= 0x2000 && codePoint <= 0x206f) || // general punctuation: “ ” ‘ ’ … — ‧ and spaces
    (codePoint >= 0x2190 && codePoint <= 0x21ff) || // arrows
    (codePoint >= 0x2500 && codePoint <= 0x25ff) || // box drawing, shapes: │ ■ ●
    (codePoint >= 0x3000 && codePoint <= 0x303f) || // CJK punctuation: 、 。 《 》 「 」 【 】 and the ideographic space
    (codePoint >= 0xfe10 && codePoint <= 0xfe1f) || // vertical forms
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) || // CJK compatibility forms
    (codePoint >= 0xff01 && codePoint <= 0xff0f) || // full-width ！ （ ） ， ．／ …
    (codePoint >= 0xff1a && codePoint <= 0xff20) || // ： ； ＜ ＝ ＞ ？ ＠
    (codePoint >= 0xff3b && codePoint <= 0xff40) ||
    (codePoint >= 0xff5b && codePoint <= 0xff65)
  );
}

function isAsciiSeparator(byte: number): boolean {
  return !((byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122));
}

/** The code point of the well-formed UTF-8 sequence in view[start, end), or -1. */
function decodeUtf8(view: string, start: number, end: number): number {
  const lead = view.charCodeAt(start);
  const length = end - start;
  const expected = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  if (expected !== length) return -1;
  let codePoint = lead & (0xff >> (length + 1));
  for (let i = start + 1; i < end; i++) {
    const byte = view.charCodeAt(i);
    if ((byte & 0xc0) !== 0x80) return -1;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  return codePoint;
}

/** True when the character ending just before `index` separates a token (or there is none). */
function separatesBefore(view: string, index: number): boolean {
  if (index === 0) return true;
  const last = view.charCodeAt(index - 1);
  if (last < 0x80) return isAsciiSeparator(last);
  if ((last & 0xc0) !== 0x80) return true; // a lone lead byte: binary data, not text
  for (let start = index - 2; start >= Math.max(0, index - 4); start--) {
    const byte = view.charCodeAt(start);
    if ((byte & 0xc0) === 0x80) continue;
    const codePoint = decodeUtf8(view, start, index);
    return codePoint < 0 || isSeparatorCodePoint(codePoint);
  }
  return true;
}

/** True when the character starting at `index` separates a token (or there is none). */
function separatesAfter(view: string, index: number): boolean {
  if (index >= view.length) return true;
  const first = view.charCodeAt(index);
  if (first < 0x80) return isAsciiSeparator(first);
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 0;
  if (length === 0 || index + length > view.length) return true;
  const codePoint = decodeUtf8(view, index, index + length);
  return codePoint < 0 || isSeparatorCodePoint(codePoint);
}

export function compileProtectedNames(names: Iterable<string>): ProtectedNames {
  const byBytes = new Set<string>();
  /** Names of exactly two characters, which must stand alone (see above). */
  const tokenOnly = new Set<string>();
  const lengths = new Set<number>();
  const firstKeys = new Uint8Array((1 << KEY_BITS) >>> 3);
  const firstBytes = new Uint8Array(256);
  for (const raw of names) {
    const name = raw.normalize('NFC').trim();
    const characters = [...name].length;
    if (characters < 2) continue;
    const bytes = Buffer.from(name, 'utf8');
    if (bytes.length < 3) continue;
    const key = bytes.toString('latin1');
    byBytes.add(key);
    if (characters === 2) tokenOnly.add(key);
    lengths.add(bytes.length);
    const firstKey = (bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!;
    firstKeys[firstKey >>> 3]! |= 1 << (firstKey & 7);
    firstBytes[bytes[0]!] = 1;
  }
  // A longer name that is not a token can hide a two-character one at the same position (张伟 in 张伟明):
  // lengths are tried longest first and the first name that counts is reported.
  const longestFirst = [...lengths].sort((a, b) => b - a);
  return {
    size: byBytes.size,
    find(view: string): number[] {
      const found: number[] = [];
      if (byBytes.size === 0) return found;
      const last = view.length - 3;
      for (let i = 0; i <= last; i++) {
        const b0 = view.charCodeAt(i);
        if (firstBytes[b0] === 0) continue;
        const key = (b0 << 16) | (view.charCodeAt(i + 1) << 8) | view.charCodeAt(i + 2);
        if ((firstKeys[key >>> 3]! & (1 << (key & 7))) === 0) continue;
        for (const length of longestFirst) {
          if (i + length > view.length) continue;
          const candidate = view.slice(i, i + length);
          if (!byBytes.has(candidate)) continue;
          if (tokenOnly.has(candidate) && !(separatesBefore(view, i) && separatesAfter(view, i + length))) {
            continue;
          }
          found.push(i);
          break;
        }
      }
      return found;
    },
  };
}
