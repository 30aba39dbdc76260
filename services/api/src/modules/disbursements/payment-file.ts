import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from '../exports/escape-formula.ts';

export const PAYMENT_FILE_HEADER = [
  '序号',
  '付款编号',
  '收款人',
  '账号',
  '开户行',
  '金额（元）',
  '摘要',
] as const;

export interface PaymentFileLine {
  lineNumber: number;
  paymentId: string;
  payeeName: string;
  /** In full: the file is what the bank pays from. */
  accountNumber: string;
  bank: string;
  amountFen: string;
  entry: 'PAYMENT' | 'REISSUE';
}

export interface PaymentFile {
  bytes: Buffer;
  sha256: string;
}

/** Yuan with two decimals from a whole number of fen, by integer arithmetic: "72000" → "720.00". */
export function formatYuan(fen: string): string {
  const amount = BigInt(fen);
  const sign = amount < 0n ? '-' : '';
  const magnitude = amount < 0n ? -amount : amount;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

/**
 * The file a batch is paid from (代发文件): UTF-8 with a byte-order mark (so Excel and WPS read the
 * Chinese), CRLF line ends, a Chinese header row, one row per line in line order. Built only from
 * its arguments, so the same batch always gives the same bytes; its sha256 is stored with it and a
 * second export hands back these stored bytes, never a rebuilt file.
 */
export function buildPaymentFile(
  summary: { programName: string; period: string },
  lines: readonly PaymentFileLine[],
): PaymentFile {
  const rows = lines.map((line) => [
    String(line.lineNumber),
    line.paymentId,
    escapeFormula(line.payeeName),
    line.accountNumber,
    escapeFormula(line.bank),
    formatYuan(line.amountFen),
    escapeFormula(`${summary.programName} ${summary.period}${line.entry === 'REISSUE' ? ' 补发' : ''}`),
  ]);
  const text = stringify([[...PAYMENT_FILE_HEADER], ...rows], { record_delimiter: '\r\n' });
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
