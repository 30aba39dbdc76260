import { describe, expect, it } from 'vitest';
import { decodeEscapes } from './decode-escapes.ts';

const decode = (text: string) => decodeEscapes(Buffer.from(text, 'utf8').toString('latin1'));
const asText = (view: string): string => Buffer.from(view, 'latin1').toString('utf8');

describe('decoding escaped text', () => {
  it('returns null when nothing is escaped', () => {
    expect(decode('<p>张三 1234</p>')).toBeNull();
  });

  it('decodes entities, JavaScript escapes, percent-encoding and full-width digits', () => {
    const decoded = decode(
      'a&#x5F20;&#26195&#128512;|\\u5a13\\u{1F600}\\ud83d\\ude00\\x41|%E5%BC%A0%31|１２Ｘ',
    );
    expect(asText(decoded!.view)).toBe('a张晓😀|娓😀😀A|张1|12X');
  });

  // Regression: Pagefind's fragments separate Chinese words with zero-width spaces, hiding names.
  it('drops invisible characters, raw or escaped, keeping the offsets of what remains', () => {
    const source = '\uFEFF张\u200B晓\u200C娓\u200D|\\u200b李\u2060雷&#x200B;|1\u00AD3';
    const decoded = decode(source)!;
    expect(asText(decoded.view)).toBe('张晓娓|李雷|13');
    const bytes = Buffer.from(source, 'utf8');
    expect(decoded.offsets[0]).toBe(bytes.indexOf(Buffer.from('张')));
    expect(decoded.offsets[3]).toBe(bytes.indexOf(Buffer.from('晓')));
  });

  it('maps every decoded byte back to where its encoded run starts', () => {
    const source = 'ab\\u5f20c%31';
    const decoded = decode(source)!;
    expect([...decoded.offsets]).toEqual([0, 1, 2, 2, 2, 8, 9]);
  });

  it('leaves malformed escapes as they are', () => {
    const source = '&#xZZ; \\u12 %G1 &#; \\ud800x';
    expect(asText(decode(`${source} %41`)!.view)).toBe(`${source} A`);
  });
});
