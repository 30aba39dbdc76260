import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPaymentFile, formatYuan, PAYMENT_FILE_HEADER } from './payment-file.ts';

describe('the payment file', () => {
  it('formats fen as yuan by integer arithmetic, to the fen', () => {
    expect(formatYuan('72000')).toBe('720.00');
    expect(formatYuan('5')).toBe('0.05');
    expect(formatYuan('-123456')).toBe('-1234.56');
    expect(formatYuan('9007199254740993')).toBe('90071992547409.93');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (fen) => {
        const [yuan, cents] = formatYuan(fen.toString()).replace('-', '').split('.') as [string, string];
        expect(cents).toHaveLength(2);
        expect((BigInt(yuan) * 100n + BigInt(cents)) * (fen < 0n ? -1n : 1n)).toBe(fen);
      }),
    );
  });

  it('is the same bytes for the same lines, UTF-8 with BOM, CRLF, formula-leading cells escaped', () => {
    const lines = [
      {
        lineNumber: 1,
        paymentId: '0b6f7c1e-2d1a-4c3b-9a8e-1f2d3c4b5a69',
        payeeName: '=HYPERLINK("http://x")',
        accountNumber: '6228480012345678901',
        bank: '中国农业银行, 示范县支行',
        amountFen: '72000',
        entry: 'PAYMENT' as const,
      },
      {
        lineNumber: 2,
        paymentId: '1b6f7c1e-2d1a-4c3b-9a8e-1f2d3c4b5a69',
        payeeName: '王秀英',
        accountNumber: '6228480012345678902',
        bank: '农村信用社',
        amountFen: '201600',
        entry: 'REISSUE' as const,
      },
    ];
    const file = buildPaymentFile({ programName: '计划生育家庭特别扶助', period: '2026' }, lines);
    expect(
      buildPaymentFile({ programName: '计划生育家庭特别扶助', period: '2026' }, lines).bytes.equals(
        file.bytes,
      ),
    ).toBe(true);
    expect(file.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(4);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...PAYMENT_FILE_HEADER]);
    expect(rows[1]).toEqual([
      '1',
      lines[0]?.paymentId,
      `'=HYPERLINK("http://x")`,
      '6228480012345678901',
      '中国农业银行, 示范县支行',
      '720.00',
      '计划生育家庭特别扶助 2026',
    ]);
    expect(rows[2]?.[5]).toBe('2016.00');
    expect(rows[2]?.[6]).toBe('计划生育家庭特别扶助 2026 补发');
  });
});
