import { generateResidentId } from '@sunshine/identifiers/resident-id';
import { describe, expect, it } from 'vitest';
import { cellText, parseDateCell, parseResidentIdCell, unescapeFormula } from './cell-values.ts';

const ID = generateResidentId({ regionCode: '330199', birthDate: '1925-03-04', sex: 'FEMALE', sequence: 7 });
const code = (parsed: { ok: boolean; code?: string }) => (parsed.ok ? 'OK' : parsed.code);

describe('parseResidentIdCell', () => {
  it('reads an ID number typed as text, also with full-width digits or a small x', () => {
    const parsed = parseResidentIdCell(` ${ID} `);
    expect(parsed).toEqual({
      ok: true,
      value: { number: ID, regionCode: '330199', birthDate: '1925-03-04', sex: 'FEMALE' },
    });
    const fullWidth = ID.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(code(parseResidentIdCell(fullWidth))).toBe('OK');
  });

  it('refuses ID numbers Excel turned into numbers, whatever shape they reached us in', () => {
    // What an XLSX number cell holds: the ID as a double, its last digits already gone.
    expect(code(parseResidentIdCell(Number(ID)))).toBe('ID_NUMBER_NOT_TEXT');
    expect(code(parseResidentIdCell('3.30199E+17'))).toBe('ID_NUMBER_NOT_TEXT');
    expect(code(parseResidentIdCell('3.30199192503e17'))).toBe('ID_NUMBER_NOT_TEXT');
    expect(code(parseResidentIdCell(ID.slice(0, 15)))).toBe('ID_NUMBER_NOT_TEXT');
    expect(code(parseResidentIdCell(ID.slice(0, 16)))).toBe('ID_NUMBER_NOT_TEXT');
    // 15 significant digits kept, the last three zeroed: the check character no longer fits.
    const truncated = `${ID.slice(0, 15)}000`;
    expect(code(parseResidentIdCell(truncated))).toBe('ID_NUMBER_NOT_TEXT');
  });

  it('names what is wrong with an ID number typed as text', () => {
    expect(code(parseResidentIdCell(`${ID}1`))).toBe('ID_INVALID_LENGTH');
    expect(code(parseResidentIdCell(`${ID.slice(0, 10)}AB${ID.slice(12)}`))).toBe('ID_INVALID_CHARACTERS');
    expect(code(parseResidentIdCell(`${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}`))).toBe(
      'ID_INVALID_CHECKSUM',
    );
    expect(code(parseResidentIdCell(`${ID.slice(0, 10)}13${ID.slice(12)}`))).toBe('ID_INVALID_BIRTH_DATE');
    expect(parseResidentIdCell('')).toEqual({ ok: true, value: null });
  });
});

describe('parseDateCell', () => {
  const range = { min: '1900-01-01', max: '2100-12-31' };
  it('reads the ways people write dates, and spreadsheet date cells', () => {
    for (const text of ['2024-05-29', '2024/5/29', '2024.05.29', '20240529', '2024年5月29日']) {
      expect(parseDateCell(text, range)).toEqual({ ok: true, value: '2024-05-29' });
    }
    expect(parseDateCell(new Date(Date.UTC(2024, 4, 29)), range)).toEqual({ ok: true, value: '2024-05-29' });
    expect(parseDateCell(45441, range)).toEqual({ ok: true, value: '2024-05-29' });
  });

  it('refuses days that do not exist and days out of range', () => {
    expect(code(parseDateCell('2023-02-29', range))).toBe('INVALID_DATE');
    expect(code(parseDateCell('1899-12-31', range))).toBe('INVALID_DATE');
    expect(code(parseDateCell('29/05/2024', range))).toBe('INVALID_DATE');
  });
});

describe('cells that start like formulas', () => {
  it('lose the quote our exports put before them', () => {
    expect(unescapeFormula('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(unescapeFormula("'+1 会员活动")).toBe('+1 会员活动');
    expect(unescapeFormula("'quoted")).toBe("'quoted");
    expect(cellText("'-5 宣传")).toBe('-5 宣传');
  });
});
