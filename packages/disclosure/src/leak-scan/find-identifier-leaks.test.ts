import { generateResidentId } from '@sunshine/identifiers/resident-id';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentifierLeaks } from './find-identifier-leaks.ts';
import {
  CARD,
  CARD_IN_LONGER_RUN,
  INVALID_RESIDENT_ID,
  luhnComplete,
  MOBILE,
  RESIDENT_ID,
  RESIDENT_ID_X,
} from './test-values.ts';

const view = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const kinds = (text: string): string[] => findIdentifierLeaks(view(text)).map((leak) => leak.kind);

describe('finding identifiers in a byte view', () => {
  it('finds a valid resident id, also one ending in X or x, at its first byte', () => {
    const text = `身份证：${RESIDENT_ID}。`;
    expect(findIdentifierLeaks(view(text))).toEqual([
      { index: Buffer.byteLength('身份证：'), kind: 'RESIDENT_ID' },
    ]);
    expect(kinds(`"${RESIDENT_ID_X}"`)).toEqual(['RESIDENT_ID']);
    expect(kinds(`"${RESIDENT_ID_X.toLowerCase()}"`)).toEqual(['RESIDENT_ID']);
  });

  it('finds mobiles bare, with a country code and in the spaced 3-4-4 form', () => {
    expect(kinds(`tel:${MOBILE}`)).toEqual(['MOBILE']);
    expect(findIdentifierLeaks(view(`+86${MOBILE}`))).toEqual([{ index: 3, kind: 'MOBILE' }]);
    expect(kinds(`0086${MOBILE}`)).toEqual(['MOBILE']);
    expect(kinds('电话 139 1234 5678，')).toEqual(['MOBILE']);
    expect(kinds('电话 139-1234-5678，')).toEqual(['MOBILE']);
  });

  it('finds Luhn-valid card numbers of 13 to 19 digits', () => {
    expect(kinds(`卡号${CARD}`)).toEqual(['CARD']);
    expect(kinds(luhnComplete('621700000000000001'))).toEqual(['CARD']);
    expect(kinds(luhnComplete('490000000000'))).toEqual(['CARD']);
  });

  it('reports a valid resident id once, as an id, even when it also passes Luhn', () => {
    const ids = Array.from({ length: 200 }, (_, sequence) =>
      generateResidentId({ regionCode: '110105', birthDate: '1949-12-31', sex: 'MALE', sequence }),
    );
    for (const id of ids) expect(kinds(` ${id} `)).toEqual(['RESIDENT_ID']);
  });

  it('has no false positives on everyday numbers', () => {
    const samples = [
      '2026-11-23T08:00:00.000Z 20261123 2026年11月23日',
      '{"amountFen":"1234567","total":123456789012}',
      '550e8400-e29b-41d4-a716-446655440000 13800138-0001-4000-8000-139123456780',
      // A UUID whose groups read as a hyphenated 3-4-4 mobile (a policy id in the demo's first build).
      '678cbf7f-e153-4612-9828-fc09dfe6b36a',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'a1b2c3d4e5f60718293a4b5c6d7e8f90139123456781234567890abcdef012345',
      'region 330102001001 330102001002',
      INVALID_RESIDENT_ID,
      '3301**********1234 139****5678 6222 **** **** 1234',
      `9${RESIDENT_ID}`,
      `${MOBILE}0`,
      CARD_IN_LONGER_RUN,
      `0.${MOBILE} 3.${CARD}`,
      'ts 1763884800000 1763884800123',
      '123456789012345 is 15 digits that could be an old id: not detected',
      '9007199254740991 4294967295 18446744073709551615',
    ];
    for (const sample of samples) expect(kinds(sample), sample).toEqual([]);
  });

  it('finds a generated id, mobile or card at the right offset inside random text (property)', () => {
    const id = fc
      .record({
        region: fc.stringMatching(/^[1-6][0-9]{5}$/),
        birth: fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        sex: fc.constantFrom('MALE' as const, 'FEMALE' as const),
        sequence: fc.integer({ min: 0, max: 499 }),
      })
      .map(({ region, birth, sex, sequence }) => ({
        value: generateResidentId({
          regionCode: region,
          birthDate: birth.toISOString().slice(0, 10),
          sex,
          sequence,
        }),
        kind: 'RESIDENT_ID',
      }));
    const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/).map((value) => ({ value, kind: 'MOBILE' }));
    const card = fc
      .stringMatching(/^6[0-9]{14,17}$/)
      .map(luhnComplete)
      .filter((value) => value.length !== 18 || !/^\d{17}[\dX]$/.test(value))
      .map((value) => ({ value, kind: 'CARD' }));
    // Filler never ends or starts with a digit next to the value, so the value is a whole digit run.
    const filler = fc.string({
      unit: fc.constantFrom('a', 'z', ' ', '\n', '"', '<', '>', '=', '张', '额', '元', '。', '-', '_', ':'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(filler, fc.oneof(id, mobile, card), filler, (before, planted, after) => {
        const bytes = Buffer.from(`${before}${planted.value}${after}`, 'utf8');
        const offset = Buffer.byteLength(before);
        const leaks = findIdentifierLeaks(bytes.toString('latin1'));
        expect(leaks).toContainEqual({ index: offset, kind: planted.kind });
        expect(bytes.subarray(offset, offset + planted.value.length).toString()).toBe(planted.value);
      }),
      { numRuns: 500 },
    );
  });
});
