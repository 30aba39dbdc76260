import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANK_RETURN_HEADER, parseBankReturnFile } from './bank-return-file.ts';

const ID_A = '0b6f7c1e-2d1a-4c3b-9a8e-1f2d3c4b5a69';
const ID_B = '1b6f7c1e-2d1a-4c3b-9a8e-1f2d3c4b5a69';
const HEADER = BANK_RETURN_HEADER.join(',');

describe('reading a bank return file', () => {
  it('reads results in Chinese or English, with or without a BOM, CRLF or LF, blank lines skipped', () => {
    for (const [bom, newline] of [
      ['\uFEFF', '\r\n'],
      ['', '\n'],
    ] as const) {
      const parsed = parseBankReturnFile(
        `${bom}${HEADER}${newline}${ID_A},成功,B001,${newline}${newline}${ID_B.toUpperCase()},returned,,户名不符${newline}`,
      );
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows).toEqual([
        { row: 2, paymentId: ID_A, result: 'PAID', bankReference: 'B001', reason: null },
        { row: 4, paymentId: ID_B, result: 'RETURNED', bankReference: null, reason: '户名不符' },
      ]);
    }
  });

  it('names row, column and code for each problem and never the cell', () => {
    const parsed = parseBankReturnFile(
      [
        HEADER,
        `${ID_A},成功,,`,
        `${ID_A},失败,,`,
        `13800138000,好,,`,
        `${ID_B},退回,,原因\u0007`,
        `${ID_B},成功,,,多余`,
        `,成功,,`,
      ].join('\n'),
    );
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '付款编号', 'DUPLICATE_IN_FILE'],
      [3, '原因', 'REASON_REQUIRED'],
      [4, '付款编号', 'INVALID_PAYMENT_ID'],
      [4, '结果', 'INVALID_RESULT'],
      [5, '原因', 'BAD_CHARACTERS'],
      [6, null, 'TOO_MANY_COLUMNS'],
      [7, '付款编号', 'REQUIRED'],
    ]);
    for (const error of parsed.errors)
      expect(`${error.messageZh} ${error.messageEn}`).not.toContain('13800138000');
  });

  it('refuses a result named after an object property (valueOf, constructor, __proto__) instead of crashing', () => {
    // Regression: results were looked up in an object literal, so `valueOf` found Object.prototype.
    for (const word of ['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const parsed = parseBankReturnFile(`${HEADER}\n${ID_A},${word},,\n`);
      expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, '结果', 'INVALID_RESULT']]);
    }
  });

  it('refuses a wrong header, an empty file and broken quoting as a whole', () => {
    expect(parseBankReturnFile('').errors[0]?.code).toBe('FILE_EMPTY');
    expect(parseBankReturnFile('\uFEFF  \r\n').errors[0]?.code).toBe('FILE_EMPTY');
    expect(parseBankReturnFile('id,result\n').errors[0]?.code).toBe('BAD_HEADER');
    expect(parseBankReturnFile(`${HEADER}\n`).errors[0]?.code).toBe('NO_DATA_ROWS');
    expect(parseBankReturnFile(`${HEADER}\n"${ID_A},成功,,\n`).errors[0]?.code).toBe('CSV_MALFORMED');
  });

  it('never throws, and either refuses with errors or returns rows with distinct payment ids', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        ID_A,
        ID_B,
        '成功',
        '失败',
        '退回',
        'SUCCESS',
        '',
        '"',
        '""',
        ',',
        '\r\n',
        '\u0000',
        '\uFFFD',
      ),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const text = fc.tuple(
      fc.boolean(),
      fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { maxLength: 8 }),
      fc.constantFrom('\r\n', '\n'),
    );
    fc.assert(
      fc.property(text, ([bom, rows, newline]) => {
        const parsed = parseBankReturnFile(
          `${bom ? '\uFEFF' : ''}${[HEADER, ...rows.map((row) => row.join(','))].join(newline)}`,
        );
        if (parsed.errors.length === 0) {
          expect(parsed.rows.length).toBeGreaterThan(0);
          expect(new Set(parsed.rows.map((row) => row.paymentId)).size).toBe(parsed.rows.length);
          for (const row of parsed.rows) {
            expect(['PAID', 'FAILED', 'RETURNED']).toContain(row.result);
            if (row.result !== 'PAID') expect(row.reason).toBeTruthy();
          }
        }
        for (const error of parsed.errors) {
          expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
          expect(error.messageEn).toMatch(/[A-Za-z]{3,}/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
