// A view of Pagefind's binary index files for the leak scan.
//
// Pagefind 1.x (checked with 1.6.0) writes every file of its bundle gzip-compressed; decompressed, each
// starts with the ASCII signature `pagefind_dcd`, followed by
// - JSON for page fragments (`fragment/*.pf_fragment`: the page's URL, its indexed text, metadata and
//   filters), which the raw and decoded views read as they are;
// - CBOR for the word index (`index/*.pf_index`), the metadata (`*.pf_meta`) and filters (`*.pf_filter`);
// - the WebAssembly module (`wasm.*.pagefind`).
// CBOR stores each string as raw UTF-8 right after a binary length header, so the raw view already sees
// the words, but the header can glue onto a value: a string of 48 to 57 bytes has the header `x` plus one
// byte that is an ASCII digit, which would make a leading identifier one digit longer (and so not an
// identifier). This view keeps the bytes of every CBOR string where they are and replaces every other
// byte (signature, headers, integers) with `q`, a letter that is neither a digit, nor hexadecimal, nor the
// X of an id number: digit runs end at string boundaries, offsets stay those of the decompressed stream,
// and, because `q` is a letter, a string never counts as a stand-alone token for two-character names.
// That is deliberate: Pagefind splits Chinese text into one- and two-character words, so its index holds
// every pair of adjacent characters of every page, and the text those pairs come from is scanned in full
// in the page itself and in its fragment.

export const PAGEFIND_SIGNATURE = 'pagefind_dcd';
const FILLER = 0x71; // 'q'
const BREAK = 0xff;
const INDEFINITE = -1;

function startsWithSignature(bytes: Uint8Array): boolean {
  if (bytes.length <= PAGEFIND_SIGNATURE.length) return false;
  for (let i = 0; i < PAGEFIND_SIGNATURE.length; i++) {
    if (bytes[i] !== PAGEFIND_SIGNATURE.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Marks the payload bytes of every CBOR string in bytes[start..]; null unless the bytes from `start` to
 * the end are exactly one well-formed CBOR item.
 */
function markStrings(bytes: Uint8Array, start: number): Uint8Array | null {
  const keep = new Uint8Array(bytes.length);
  const remaining: number[] = [1];
  let pos = start;
  while (remaining.length > 0) {
    const top = remaining.length - 1;
    if (remaining[top] === 0) {
      remaining.pop();
      continue;
    }
    if (pos >= bytes.length) return null;
    const initial = bytes[pos++]!;
    if (initial === BREAK) {
      if (remaining[top] !== INDEFINITE) return null;
      remaining.pop();
      continue;
    }
    if (remaining[top]! > 0) remaining[top]!--;
    const major = initial >> 5;
    const info = initial & 0x1f;
    let value: number;
    if (info < 24) {
      value = info;
    } else if (info <= 27) {
      const size = 1 << (info - 24);
      if (pos + size > bytes.length) return null;
      value = 0;
      for (let i = 0; i < size; i++) value = value * 256 + bytes[pos + i]!;
      pos += size;
    } else if (info === 31 && major >= 2 && major <= 5) {
      value = INDEFINITE;
    } else {
      return null;
    }
    if (major === 2 || major === 3) {
      if (value === INDEFINITE) {
        remaining.push(INDEFINITE);
      } else {
        if (pos + value > bytes.length) return null;
        keep.fill(1, pos, pos + value);
        pos += value;
      }
    } else if (major === 4 || major === 5) {
      const items = value === INDEFINITE ? INDEFINITE : major === 5 ? value * 2 : value;
      // Every item takes at least one byte: a count beyond the bytes left is not this format.
      if (items > bytes.length - pos) return null;
      remaining.push(items);
    } else if (major === 6) {
      remaining.push(1);
    }
  }
  return pos === bytes.length ? keep : null;
}

/**
 * The CBOR view of a decompressed Pagefind file (one character per byte, like the raw view), or null when
 * the bytes are not Pagefind's signature followed by one CBOR item (JSON fragments, WebAssembly, any
 * other file).
 */
export function pagefindCborView(bytes: Uint8Array): string | null {
  if (!startsWithSignature(bytes)) return null;
  const keep = markStrings(bytes, PAGEFIND_SIGNATURE.length);
  if (keep === null) return null;
  const view = Buffer.from(bytes);
  for (let i = 0; i < view.length; i++) if (keep[i] === 0) view[i] = FILLER;
  return view.toString('latin1');
}
