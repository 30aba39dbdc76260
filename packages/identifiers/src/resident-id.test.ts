import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateResidentId,
  maskResidentId,
  normalizeResidentId,
  parseResidentId,
  type ResidentIdSex,
  residentIdCheckChar,
} from './resident-id.ts';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1900, 0, 1);
// UTC "today" is never later than China's today, so every generated date is in the past for the parser.
const DAYS_UP_TO_TODAY = Math.floor((Date.now() - EPOCH_1900) / DAY_MS);

const toIsoDate = (dayOffset: number): string =>
  new Date(EPOCH_1900 + dayOffset * DAY_MS).toISOString().slice(0, 10);

const validIdInput = fc.record({
  regionCode: fc.stringMatching(/^[1-9]\d{5}$/),
  birthDate: fc.integer({ min: 0, max: DAYS_UP_TO_TODAY }).map(toIsoDate),
  sex: fc.constantFrom<ResidentIdSex>('MALE', 'FEMALE'),
  sequence: fc.integer({ min: 0, max: 499 }),
});

const CHARS = '0123456789X';

function checksumHolds(candidate: string): boolean {
  return /^\d{17}[\dX]$/.test(candidate) && residentIdCheckChar(candidate.slice(0, 17)) === candidate[17];
}

function withCharAt(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

describe('parseResidentId on generated numbers', () => {
  it('accepts 1,000+ valid numbers and round-trips region, birth date and sex', () => {
    fc.assert(
      fc.property(validIdInput, (input) => {
        const number = generateResidentId(input);
        const parsed = parseResidentId(number);
        expect(parsed).toEqual({
          ok: true,
          value: { number, regionCode: input.regionCode, birthDate: input.birthDate, sex: input.sex },
        });
      }),
      { numRuns: 1_500 },
    );
  });

  it('rejects every single-character substitution, and the checksum alone catches each one', () => {
    fc.assert(
      fc.property(validIdInput, (input) => {
        const number = generateResidentId(input);
        for (let i = 0; i < 18; i++) {
          const alphabet = i === 17 ? CHARS : CHARS.slice(0, 10);
          for (const ch of alphabet) {
            if (ch === number[i]) continue;
            const mutant = withCharAt(number, i, ch);
            expect(parseResidentId(mutant).ok).toBe(false);
            expect(checksumHolds(mutant)).toBe(false);
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('rejects every adjacent transposition of two different characters, by checksum alone', () => {
    fc.assert(
      fc.property(validIdInput, (input) => {
        const number = generateResidentId(input);
        for (let i = 0; i < 17; i++) {
          const a = number[i]!;
          const b = number[i + 1]!;
          if (a === b) continue;
          const swapped = number.slice(0, i) + b + a + number.slice(i + 2);
          expect(parseResidentId(swapped).ok).toBe(false);
          // A swap inside the birth date can yield another real date (e.g. 0312 → 0321): the
          // check character must still catch it.
          expect(checksumHolds(swapped)).toBe(false);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('accepts full-width digits and a lower-case or full-width x, normalised to ASCII', () => {
    fc.assert(
      fc.property(validIdInput, (input) => {
        const number = generateResidentId(input);
        const fullWidth = [...number]
          .map((ch) => (ch === 'X' ? 'ｘ' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)))
          .join('');
        expect(normalizeResidentId(`  ${fullWidth}\t`)).toBe(number);
        expect(parseResidentId(fullWidth)).toMatchObject({ ok: true, value: { number } });
        expect(parseResidentId(number.toLowerCase())).toMatchObject({ ok: true, value: { number } });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseResidentId on specific numbers', () => {
  const withCheck = (first17: string): string => first17 + residentIdCheckChar(first17);
  const today = new Date('2026-03-15T12:00:00+08:00');

  it('accepts the example from GB 11643-1999, whose check character is X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(parseResidentId('11010519491231002x')).toEqual({
      ok: true,
      value: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'FEMALE' },
    });
  });

  it('reads sex from the 17th digit', () => {
    expect(parseResidentId(withCheck('33019919800101001'))).toMatchObject({ value: { sex: 'MALE' } });
    expect(parseResidentId(withCheck('33019919800101002'))).toMatchObject({ value: { sex: 'FEMALE' } });
  });

  it.each([
    ['17 characters', withCheck('33019919800101001').slice(0, 17), 'LENGTH'],
    ['19 characters', `${withCheck('33019919800101001')}1`, 'LENGTH'],
    ['empty', '', 'LENGTH'],
    ['a letter inside', withCheck('33019919800101001').replace('9', 'A'), 'CHARACTERS'],
    ['an X before the end', `3301991980010100X${residentIdCheckChar('33019919800101001')}`, 'CHARACTERS'],
    ['a space inside', '330199 98001010012', 'CHARACTERS'],
    ['February 30', withCheck('33019920000230001'), 'BIRTH_DATE'],
    ['February 29 of 1900, not a leap year', withCheck('33019919000229001'), 'BIRTH_DATE'],
    ['April 31', withCheck('33019920010431001'), 'BIRTH_DATE'],
    ['month 13', withCheck('33019920011301001'), 'BIRTH_DATE'],
    ['day 00', withCheck('33019920010100001'), 'BIRTH_DATE'],
    ['born before 1900', withCheck('33019918991231001'), 'BIRTH_DATE'],
    ['born tomorrow', withCheck('33019920260316001'), 'BIRTH_DATE'],
    ['born next year', withCheck('33019920270101001'), 'BIRTH_DATE'],
    [
      'a wrong check character',
      `33019919800101001${residentIdCheckChar('33019919800101001') === '0' ? '1' : '0'}`,
      'CHECKSUM',
    ],
  ])('rejects %s', (_label, input, reason) => {
    expect(parseResidentId(input, { today })).toEqual({ ok: false, reason });
  });

  it('accepts February 29 of a leap year and a birth today (China time)', () => {
    expect(parseResidentId(withCheck('33019920000229001'), { today }).ok).toBe(true);
    expect(parseResidentId(withCheck('33019920260315001'), { today }).ok).toBe(true);
    // 2026-03-15 23:30 in UTC is already the 16th in China.
    const lateUtc = new Date('2026-03-15T23:30:00Z');
    expect(parseResidentId(withCheck('33019920260316001'), { today: lateUtc }).ok).toBe(true);
  });
});

describe('generateResidentId', () => {
  it('gives the order code the parity of the sex', () => {
    const male = generateResidentId({
      regionCode: '330199',
      birthDate: '1990-05-01',
      sex: 'MALE',
      sequence: 7,
    });
    const female = generateResidentId({
      regionCode: '330199',
      birthDate: '1990-05-01',
      sex: 'FEMALE',
      sequence: 7,
    });
    expect(male.slice(14, 17)).toBe('015');
    expect(female.slice(14, 17)).toBe('014');
  });

  it('refuses bad input without echoing it', () => {
    const bad = [
      { regionCode: '33019', birthDate: '1990-05-01', sex: 'MALE' as const, sequence: 1 },
      { regionCode: '330199', birthDate: '1990-02-30', sex: 'MALE' as const, sequence: 1 },
      { regionCode: '330199', birthDate: '19900501', sex: 'MALE' as const, sequence: 1 },
      { regionCode: '330199', birthDate: '1990-05-01', sex: 'MALE' as const, sequence: 500 },
    ];
    for (const input of bad) {
      expect(() => generateResidentId(input)).toThrow(RangeError);
      try {
        generateResidentId(input);
      } catch (error) {
        const message = (error as Error).message;
        expect(message).not.toContain(input.regionCode);
        expect(message).not.toContain(input.birthDate);
      }
    }
  });
});

describe('maskResidentId', () => {
  it('keeps the first four and last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X');
    expect(maskResidentId('1234567')).toBe('*******');
  });
});
