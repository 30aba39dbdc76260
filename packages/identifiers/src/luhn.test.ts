import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, withLuhnCheckDigit } from './luhn.ts';

// An independent formulation (sum of digits of each doubled value) to check against.
function luhnCheckDigit(body: string): string {
  const sum = [...body]
    .reverse()
    .map(Number)
    .reduce((acc, d, i) => {
      const v = i % 2 === 0 ? d * 2 : d;
      return acc + Math.floor(v / 10) + (v % 10);
    }, 0);
  return String((10 - (sum % 10)) % 10);
}

describe('withLuhnCheckDigit', () => {
  it('appends the check digit the independent formulation computes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11,18}$/), (body) => {
        expect(withLuhnCheckDigit(body)).toBe(body + luhnCheckDigit(body));
        expect(isLuhnValid(withLuhnCheckDigit(body))).toBe(true);
      }),
    );
  });

  it('refuses a body that is not digits', () => {
    expect(() => withLuhnCheckDigit('62 28')).toThrow(RangeError);
  });
});

describe('isLuhnValid', () => {
  it('accepts well-known test card numbers', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('5555555555554444')).toBe(true);
    expect(isLuhnValid('6011111111111117')).toBe(true);
  });

  it.each([
    ['a wrong check digit', '4111111111111112'],
    ['11 digits, even with a right check digit', '79927398713'],
    ['20 digits', `1234567890123456789${luhnCheckDigit('1234567890123456789')}`],
    ['spaces', '4111 1111 1111 1111'],
    ['letters', '411111111111111a'],
    ['empty', ''],
  ])('rejects %s', (_label, digits) => {
    expect(isLuhnValid(digits)).toBe(false);
  });

  it('accepts every 12-19 digit number with the right check digit and no single-digit change of it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,18}$/), (body) => {
        const number = body + luhnCheckDigit(body);
        expect(isLuhnValid(number)).toBe(true);
        for (let i = 0; i < number.length; i++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === number[i]) continue;
            expect(isLuhnValid(number.slice(0, i) + d + number.slice(i + 1))).toBe(false);
          }
        }
      }),
    );
  });
});
