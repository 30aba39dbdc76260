import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { CONTROL_CHARS, isUuid } from '../../validation/field-checks.ts';

/** What a bank says happened to a line: paid, failed (never left the bank) or returned (came back). */
export type BankResult = 'PAID' | 'FAILED' | 'RETURNED';

export const BANK_RETURN_HEADER = ['付款编号', '结果', '银行流水号', '原因'] as const;
const [ID_COLUMN, RESULT_COLUMN, REFERENCE_COLUMN, REASON_COLUMN] = BANK_RETURN_HEADER;

export const MAX_BANK_RETURN_ROWS = 50_000;
/** Errors reported for one file: enough to fix it, not a second copy of a broken file. */
export const MAX_ROW_ERRORS = 1_000;

// A Map, not an object literal: a cell reading `valueOf` or `constructor` must not find a result
// on Object.prototype (the fuzz test found exactly that).
const RESULTS: ReadonlyMap<string, BankResult> = new Map([
  ['成功', 'PAID'],
  ['失败', 'FAILED'],
  ['退回', 'RETURNED'],
  ['SUCCESS', 'PAID'],
  ['FAILED', 'FAILED'],
  ['RETURNED', 'RETURNED'],
]);

export const RESULT_LABELS: Record<BankResult, { zh: string; en: string }> = {
  PAID: { zh: '成功', en: 'paid' },
  FAILED: { zh: '失败', en: 'failed' },
  RETURNED: { zh: '退回', en: 'returned' },
};

export type BankReturnErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'CSV_MALFORMED'
  | 'BAD_HEADER'
  | 'NO_DATA_ROWS'
  | 'TOO_MANY_ROWS'
  | 'TOO_MANY_COLUMNS'
  | 'BAD_CHARACTERS'
  | 'REQUIRED'
  | 'INVALID_PAYMENT_ID'
  | 'DUPLICATE_IN_FILE'
  | 'INVALID_RESULT'
  | 'TEXT_LENGTH'
  | 'REASON_REQUIRED'
  | 'UNKNOWN_PAYMENT'
  | 'CONFLICTING_RESULT';

/** One thing wrong with a bank return file: where (row as a spreadsheet numbers it, column) and what. */
export interface BankReturnRowError {
  /** The header is row 1; null for the whole file. */
  row: number | null;
  column: string | null;
  code: BankReturnErrorCode;
  messageZh: string;
  messageEn: string;
}

export interface BankReturnRow {
  row: number;
  paymentId: string;
  result: BankResult;
  bankReference: string | null;
  reason: string | null;
}

export interface ParsedBankReturn {
  rows: BankReturnRow[];
  errors: BankReturnRowError[];
}

// Characters no bank file holds: controls, the replacement character of undecodable bytes, and
// halves of surrogate pairs.
const BAD_CHARACTERS = new RegExp(`${CONTROL_CHARS.source}|\\uFFFD|\\p{Cs}|[\\t\\r\\n]`, 'u');

function error(
  row: number | null,
  column: string | null,
  code: BankReturnErrorCode,
  messageZh: string,
  messageEn: string,
): BankReturnRowError {
  return { row, column, code, messageZh, messageEn };
}

/**
 * Reads a bank return file (回盘文件): CSV, UTF-8 with or without a byte-order mark, header
 * 付款编号,结果,银行流水号,原因, one row per settled line. Every row is checked before anything is
 * applied; the errors name the row and column and never repeat what a cell held.
 */
export function parseBankReturnFile(text: string): ParsedBankReturn {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return { rows: [], errors: [error(null, null, 'FILE_EMPTY', '文件为空', 'The file is empty')] };
  }
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { info: { lines: number }; record: string[] }[];
  } catch (caught) {
    if (!(caught instanceof CsvError)) throw caught;
    const line = (caught as CsvError & { lines?: number }).lines ?? null;
    return {
      rows: [],
      errors: [
        error(
          line,
          null,
          'CSV_MALFORMED',
          '文件不是有效的 CSV（引号不成对或位置不对），请按模板另存后重新上传',
          'The file is not valid CSV (unbalanced or misplaced quotes); save it as CSV from the template and upload again',
        ),
      ],
    };
  }
  const [header, ...data] = records;
  const errors: BankReturnRowError[] = [];
  const headerCells = (header?.record ?? []).map((cell) => cell.trim());
  while (headerCells.length > BANK_RETURN_HEADER.length && headerCells.at(-1) === '') headerCells.pop();
  if (headerCells.join(',') !== BANK_RETURN_HEADER.join(',')) {
    return {
      rows: [],
      errors: [
        error(
          1,
          null,
          'BAD_HEADER',
          `第 1 行应为表头：${BANK_RETURN_HEADER.join(',')}`,
          `Row 1 must be the header: ${BANK_RETURN_HEADER.join(',')} (payment id, result, bank reference, reason)`,
        ),
      ],
    };
  }
  if (data.length === 0) {
    return {
      rows: [],
      errors: [error(null, null, 'NO_DATA_ROWS', '文件没有数据行', 'The file has no data rows')],
    };
  }
  if (data.length > MAX_BANK_RETURN_ROWS) {
    return {
      rows: [],
      errors: [
        error(
          null,
          null,
          'TOO_MANY_ROWS',
          `文件超过 ${MAX_BANK_RETURN_ROWS} 行`,
          `The file has more than ${MAX_BANK_RETURN_ROWS} rows`,
        ),
      ],
    };
  }

  const rows: BankReturnRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { info, record } of data) {
    const row = info.lines;
    if (record.slice(BANK_RETURN_HEADER.length).some((cell) => cell.trim() !== '')) {
      errors.push(
        error(
          row,
          null,
          'TOO_MANY_COLUMNS',
          `第 ${row} 行多于 ${BANK_RETURN_HEADER.length} 列`,
          `Row ${row} has more than ${BANK_RETURN_HEADER.length} columns`,
        ),
      );
      continue;
    }
    const cells = BANK_RETURN_HEADER.map((_, index) => (record[index] ?? '').trim());
    const badColumn = cells.findIndex((cell) => BAD_CHARACTERS.test(cell));
    if (badColumn >= 0) {
      const column = BANK_RETURN_HEADER[badColumn] as string;
      errors.push(
        error(
          row,
          column,
          'BAD_CHARACTERS',
          `第 ${row} 行“${column}”含有不可识别或不可见的字符（请以 UTF-8 保存）`,
          `Row ${row}, ${column}: unreadable or invisible characters (save the file as UTF-8)`,
        ),
      );
      continue;
    }
    const [paymentIdText, resultText, reference, reason] = cells as [string, string, string, string];
    const rowErrors: BankReturnRowError[] = [];
    const paymentId = paymentIdText.toLowerCase();
    if (paymentId === '') {
      rowErrors.push(
        error(
          row,
          ID_COLUMN,
          'REQUIRED',
          `第 ${row} 行缺少付款编号`,
          `Row ${row}: the payment id is missing`,
        ),
      );
    } else if (!isUuid(paymentId)) {
      rowErrors.push(
        error(
          row,
          ID_COLUMN,
          'INVALID_PAYMENT_ID',
          `第 ${row} 行的付款编号格式不对（应与付款文件中的一致）`,
          `Row ${row}: the payment id is malformed (copy it from the payment file)`,
        ),
      );
    } else {
      const first = firstRowOf.get(paymentId);
      if (first !== undefined) {
        rowErrors.push(
          error(
            row,
            ID_COLUMN,
            'DUPLICATE_IN_FILE',
            `第 ${row} 行与第 ${first} 行是同一笔付款`,
            `Row ${row} names the same payment as row ${first}`,
          ),
        );
      } else {
        firstRowOf.set(paymentId, row);
      }
    }
    const result = RESULTS.get(resultText) ?? RESULTS.get(resultText.toUpperCase());
    if (!result) {
      rowErrors.push(
        error(
          row,
          RESULT_COLUMN,
          'INVALID_RESULT',
          `第 ${row} 行的结果应为 成功、失败 或 退回`,
          `Row ${row}: the result must be 成功 (SUCCESS), 失败 (FAILED) or 退回 (RETURNED)`,
        ),
      );
    }
    if ([...reference].length > 60) {
      rowErrors.push(
        error(
          row,
          REFERENCE_COLUMN,
          'TEXT_LENGTH',
          `第 ${row} 行的银行流水号超过 60 个字符`,
          `Row ${row}: the bank reference is longer than 60 characters`,
        ),
      );
    }
    if (result && result !== 'PAID' && reason === '') {
      rowErrors.push(
        error(
          row,
          REASON_COLUMN,
          'REASON_REQUIRED',
          `第 ${row} 行为${RESULT_LABELS[result].zh}，须填写原因`,
          `Row ${row} is ${RESULT_LABELS[result].en}: the reason is required`,
        ),
      );
    }
    if ([...reason].length > 200) {
      rowErrors.push(
        error(
          row,
          REASON_COLUMN,
          'TEXT_LENGTH',
          `第 ${row} 行的原因超过 200 个字符`,
          `Row ${row}: the reason is longer than 200 characters`,
        ),
      );
    }
    if (rowErrors.length > 0 || !result) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      row,
      paymentId,
      result,
      bankReference: reference === '' ? null : reference,
      reason: result === 'PAID' || reason === '' ? null : reason,
    });
  }
  return { rows, errors: errors.slice(0, MAX_ROW_ERRORS) };
}
