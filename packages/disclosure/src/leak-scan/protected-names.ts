// Exact matching of protected full names (people who did not consent to publication) in a byte view of a
// file (one character per byte, see find-identifier-leaks.ts). Names are compared as their UTF-8 bytes, so a
// hit's index is its byte offset.
//
// Rules: a name is matched wherever its exact characters occur, also inside longer text (Chinese has no
// word boundaries, and a leak inside a sentence is still a leak). Names shorter than two characters are
// ignored. A masked form such as 张*娓 never matches, because the mask character is not part of the name.
// At one position only the longest matching name is reported.
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

export function compileProtectedNames(names: Iterable<string>): ProtectedNames {
  const byBytes = new Set<string>();
  const lengths = new Set<number>();
  const firstKeys = new Uint8Array((1 << KEY_BITS) >>> 3);
  const firstBytes = new Uint8Array(256);
  for (const raw of names) {
    const name = raw.normalize('NFC').trim();
    if ([...name].length < 2) continue;
    const bytes = Buffer.from(name, 'utf8');
    if (bytes.length < 3) continue;
    byBytes.add(bytes.toString('latin1'));
    lengths.add(bytes.length);
    const key = (bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!;
    firstKeys[key >>> 3]! |= 1 << (key & 7);
    firstBytes[bytes[0]!] = 1;
  }
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
          if (i + length <= view.length && byBytes.has(view.slice(i, i + length))) {
            found.push(i);
            break;
          }
        }
      }
      return found;
    },
  };
}
