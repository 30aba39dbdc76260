import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanBytes } from '../scan-for-leaks.ts';
import { findIdentifierLeaks } from './find-identifier-leaks.ts';
import { pagefindCborView } from './pagefind-view.ts';
import { compileProtectedNames } from './protected-names.ts';
import { MOBILE, NAME, RESIDENT_ID } from './test-values.ts';

// Minimal CBOR writer for definite-length text strings and arrays, as Pagefind writes its index.
function head(major: number, value: number): number[] {
  if (value < 24) return [(major << 5) | value];
  if (value < 256) return [(major << 5) | 24, value];
  return [(major << 5) | 25, value >> 8, value & 0xff];
}
const text = (value: string): number[] => {
  const bytes = [...Buffer.from(value, 'utf8')];
  return [...head(3, bytes.length), ...bytes];
};
const array = (...items: number[][]): number[] => [...head(4, items.length), ...items.flat()];
const pagefindFile = (cbor: number[]): Buffer =>
  Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(cbor)]);
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('the Pagefind CBOR view', () => {
  // 50 bytes: the length header is 0x78 then 0x32, the ASCII digit 2, right before the mobile number.
  const word = `${MOBILE}${'z'.repeat(50 - MOBILE.length)}`;
  const file = pagefindFile(array(text('何一'), array(text(word), [0x01], [0x18, 0x30]), text(NAME)));

  it('finds a value the length header hides from the raw view, at its offset in the stream', () => {
    const offset = file.indexOf(MOBILE);
    expect(file[offset - 1]).toBe(0x32);
    expect(findIdentifierLeaks(latin1(file))).toEqual([]);
    const view = pagefindCborView(file);
    expect(view).not.toBeNull();
    expect(view!.length).toBe(file.length);
    expect(findIdentifierLeaks(view!)).toEqual([{ index: offset, kind: 'MOBILE' }]);
  });

  it('keeps names of three or more characters but never makes an index word a stand-alone two-character name', () => {
    const names = compileProtectedNames(['何一', NAME]);
    expect(names.find(pagefindCborView(file)!)).toEqual([file.indexOf(NAME)]);
    const hits = scanBytes(file, names);
    expect(hits).toContainEqual({ offset: file.indexOf(MOBILE), kind: 'MOBILE' });
    expect(hits.filter((hit) => hit.kind === 'NAME')).toEqual([{ offset: file.indexOf(NAME), kind: 'NAME' }]);
  });

  it('is null for Pagefind JSON fragments, WebAssembly, broken CBOR and other files', () => {
    const fragment = Buffer.from(`pagefind_dcd{"url":"/a/","content":"${RESIDENT_ID}"}`);
    expect(pagefindCborView(fragment)).toBeNull();
    expect(pagefindCborView(Buffer.from('pagefind_dcd\0asm\x01\0\0\0', 'latin1'))).toBeNull();
    expect(pagefindCborView(pagefindFile(array(text('abc')).slice(0, -1)))).toBeNull();
    expect(pagefindCborView(pagefindFile([...array(text('abc')), 0x00]))).toBeNull();
    expect(pagefindCborView(Buffer.from(`<p>${RESIDENT_ID}</p>`))).toBeNull();
    // Still found by the raw view, as JSON text.
    expect(scanBytes(fragment, compileProtectedNames([]))).toEqual([
      { offset: fragment.indexOf(RESIDENT_ID), kind: 'RESIDENT_ID' },
    ]);
  });

  it('reads indefinite-length strings, maps, tags and floats', () => {
    const cbor = [
      0xbf, // indefinite map
      ...text('k'),
      0x7f, // indefinite text: two chunks
      ...text('13'),
      ...text(MOBILE.slice(2)),
      0xff,
      ...text('t'),
      0xc1, // tag 1
      0xfb,
      ...new Array(8).fill(0), // float64
      0xff,
    ];
    const view = pagefindCborView(pagefindFile(cbor));
    expect(view).not.toBeNull();
    // Chunks of one string are cut apart too: each is checked on its own, like any two strings.
    expect(findIdentifierLeaks(view!)).toEqual([]);
    expect(gzipSync(pagefindFile(cbor)).length).toBeGreaterThan(0);
  });
});
