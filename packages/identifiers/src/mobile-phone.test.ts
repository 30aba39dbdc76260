import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMobilePhone, normalizeMobilePhone } from './mobile-phone.ts';

describe('normalizeMobilePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['(+86) 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['0086 138 1234 5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６　１３８１２３４５６７８', '13812345678'],
    ['86123456789', '86123456789'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeMobilePhone(raw)).toBe(expected);
  });
});

describe('isMobilePhone', () => {
  it.each(['13812345678', '+86 199 0000 1111', '86-150-1234-5678', '17012345678'])('accepts %s', (raw) => {
    expect(isMobilePhone(raw)).toBe(true);
  });

  it.each([
    ['a 12x prefix', '12812345678'],
    ['a 10x prefix', '10012345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['a landline', '0571-88001234'],
    ['a Hong Kong country code', '+852 13812345678'],
    ['letters', '138abcd5678'],
    ['empty', ''],
  ])('rejects %s', (_label, raw) => {
    expect(isMobilePhone(raw)).toBe(false);
  });

  it('accepts every 1[3-9] number in any common spelling', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.constantFrom('', '+86', '86', '+86 ', '0086-'),
        fc.constantFrom('', ' ', '-'),
        (number, prefix, sep) => {
          const spelled = `${prefix}${number.slice(0, 3)}${sep}${number.slice(3, 7)}${sep}${number.slice(7)}`;
          expect(normalizeMobilePhone(spelled)).toBe(number);
          expect(isMobilePhone(spelled)).toBe(true);
        },
      ),
    );
  });
});
