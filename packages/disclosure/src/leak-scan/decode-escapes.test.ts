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
