import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName } from './mask-name.ts';

describe('maskName', () => {
  it.each([
    ['张三娓', '张*娓'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['张', '*'],
    ['  李小龙 ', '李*龙'],
    ['Ali', 'A*i'],
    ['阿里·买买提', '阿****提'],
    ['𠀋三娓', '𠀋*娓'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([[''], ['   ']])('refuses an empty name %j', (name) => {
    expect(() => maskName(name)).toThrow(/姓名不能为空/);
  });

  // CJK, Latin, the middle dot, a character outside the BMP, and inner spaces; never '*'.
  const nameChar = fc.oneof(
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp)),
    fc.constantFrom('A', 'l', 'i', '·', '𠀋', ' ', 'é'),
  );
  const name = fc
    .array(nameChar, { minLength: 1, maxLength: 8 })
    .map((chars) => chars.join(''))
    .filter((s) => s.trim() === s && s.length > 0);

  it('keeps the length in characters, the first and (from three characters) the last character', () => {
    fc.assert(
      fc.property(name, (n) => {
        const chars = Array.from(n);
        const masked = Array.from(maskName(n));
        expect(masked).toHaveLength(chars.length);
        if (chars.length >= 2) expect(masked[0]).toBe(chars[0]);
        if (chars.length >= 3) expect(masked.at(-1)).toBe(chars.at(-1));
        const hidden = chars.length >= 3 ? masked.slice(1, -1) : masked.slice(chars.length - 1);
        expect(hidden.every((c) => c === '*')).toBe(true);
      }),
    );
  });

  it('never returns the name itself for two or more characters', () => {
    fc.assert(
      fc.property(
        name.filter((n) => Array.from(n).length >= 2),
        (n) => {
          expect(maskName(n)).not.toBe(n);
        },
      ),
    );
  });
});
