import { isMobilePhone, normalizeMobilePhone } from '@sunshine/identifiers/mobile-phone';
import { normalizeResidentId, parseResidentId, type ResidentId } from '@sunshine/identifiers/resident-id';
import type { RowErrorCode } from './import-errors.ts';
import type { Cell } from './read-table-rows.ts';

/** A parsed cell, or the reason it could not be parsed (never the cell's content). */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; code: RowErrorCode; min?: number; max?: number };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: RowErrorCode, range?: { min?: number; max?: number }): Parsed<T> => ({
  ok: false,
  code,
  ...range,
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Our exports put a quote before a cell that starts like a formula (= + - @ tab CR) so that no
 * spreadsheet runs it; an import takes the quote off again, so an exported list re-imports as it was.
 */
export function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDate(date: Date): string {
  // Spreadsheet dates carry no zone: ExcelJS gives them as UTC midnight.
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The cell as trimmed text, or null when empty. Numbers are written without exponent where exact. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const text = unescapeFormula(cell.trim()).trim();
    return text === '' ? null : text;
  }
  if (typeof cell === 'number') {
    return Number.isSafeInteger(cell) ? cell.toFixed(0) : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return isoDate(cell);
}

export function parseText(cell: Cell, limits: { min: number; max: number }): Parsed<string | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  if (CONTROL.test(text)) return fail('CONTROL_CHARACTERS');
  const length = [...text].length;
  if (length < limits.min || length > limits.max) return fail('TEXT_LENGTH', limits);
  return ok(text);
}

const SCIENTIFIC = /^[0-9](?:\.[0-9]+)?e\+?[0-9]+$/i;

/**
 * A resident ID number typed as text. Excel turns an 18-digit number into a floating-point one and
 * keeps 15 significant digits: the cell then holds a number, or text like 3.30199E+17 once saved as
 * CSV, or 15-16 digits, or 18 digits ending 000 whose check character fails. All of these are refused
 * with the advice to format the column as text; none is "repaired", since the lost digits are gone.
 */
export function parseResidentIdCell(cell: Cell): Parsed<ResidentId | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return fail('ID_NUMBER_NOT_TEXT');
  if (typeof cell !== 'string') return fail('ID_INVALID_CHARACTERS');
  const raw = cell.trim();
  if (raw === '') return ok(null);
  const number = normalizeResidentId(raw);
  if (SCIENTIFIC.test(number) || /^[0-9]{15,16}$/.test(number)) return fail('ID_NUMBER_NOT_TEXT');
  const parsed = parseResidentId(number);
  if (parsed.ok) return ok(parsed.value);
  if (parsed.reason === 'CHECKSUM' && number.endsWith('000')) return fail('ID_NUMBER_NOT_TEXT');
  const codes = {
    LENGTH: 'ID_INVALID_LENGTH',
    CHARACTERS: 'ID_INVALID_CHARACTERS',
    BIRTH_DATE: 'ID_INVALID_BIRTH_DATE',
    CHECKSUM: 'ID_INVALID_CHECKSUM',
  } as const;
  return fail(codes[parsed.reason]);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD, also YYYY/M/D, YYYY.M.D, YYYYMMDD, YYYY年M月D日, and spreadsheet date cells. */
export function parseDateCell(cell: Cell, range: { min: string; max: string }): Parsed<string | null> {
  if (cell === null) return ok(null);
  let iso: string | null = null;
  if (cell instanceof Date) {
    iso = Number.isNaN(cell.getTime()) ? null : isoDate(cell);
  } else if (typeof cell === 'number') {
    // A date cell without a date format arrives as its serial day number.
    iso =
      Number.isInteger(cell) && cell > 0 && cell < 100_000
        ? isoDate(new Date(EXCEL_EPOCH + cell * 86_400_000))
        : null;
  } else if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return ok(null);
    const match =
      /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
      /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text) ??
      /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
        iso = isoDate(date);
      }
    }
  }
  if (iso === null || iso < range.min || iso > range.max) return fail('INVALID_DATE');
  return ok(iso);
}

export function parsePhoneCell(cell: Cell): Parsed<string | null> {
  const text = cellText(cell);
  if (text === null) return ok(null);
  return isMobilePhone(text) ? ok(normalizeMobilePhone(text)) : fail('INVALID_PHONE');
}

export function parseIntegerCell(cell: Cell, range: { min: number; max: number }): Parsed<number | null> {
  if (cell === null) return ok(null);
  let value: number;
  if (typeof cell === 'number') {
    value = cell;
  } else if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return ok(null);
    if (!/^[0-9]+$/.test(text)) return fail('INVALID_INTEGER');
    value = Number(text);
  } else {
    return fail('INVALID_INTEGER');
  }
  if (!Number.isInteger(value)) return fail('INVALID_INTEGER');
  if (value < range.min || value > range.max) return fail('OUT_OF_RANGE', range);
  return ok(value);
}

/** Normalises a label for comparison: no spaces, lower case, full-width letters made ASCII. */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s_\-·・]/g, '')
    .toLowerCase();
}

export interface Choice<V extends string> {
  value: V;
  zh: string;
  /** Other words people write for it. */
  aliases?: readonly string[];
}

export interface ChoiceSet<V extends string> {
  parse(cell: Cell): Parsed<V | null>;
  /** The Chinese labels, for messages and templates. */
  labels: readonly string[];
  label(value: string): string;
}

/** A closed list, matched on the Chinese label, the English value or an alias. */
export function choiceSet<V extends string>(choices: readonly Choice<V>[]): ChoiceSet<V> {
  const byKey = new Map<string, V>();
  for (const choice of choices) {
    for (const word of [choice.zh, choice.value, ...(choice.aliases ?? [])])
      byKey.set(labelKey(word), choice.value);
  }
  const labels = choices.map((choice) => choice.zh);
  return {
    labels,
    label: (value) => choices.find((choice) => choice.value === value)?.zh ?? value,
    parse(cell) {
      const text = cellText(cell);
      if (text === null) return ok(null);
      const value = byKey.get(labelKey(text));
      return value === undefined ? fail('INVALID_CHOICE') : ok(value);
    },
  };
}

export const YES_NO = choiceSet<'YES' | 'NO'>([
  { value: 'YES', zh: '是', aliases: ['y', 'true', '1', '√'] },
  { value: 'NO', zh: '否', aliases: ['n', 'false', '0', '×'] },
]);

export const SEX = choiceSet<'MALE' | 'FEMALE'>([
  { value: 'MALE', zh: '男', aliases: ['m'] },
  { value: 'FEMALE', zh: '女', aliases: ['f'] },
]);

export const REGION_CODE = /^[0-9]{12}(?:-[0-9]{2})?$/;
export const HOUSEHOLD_CODE = /^[0-9]{12}-[0-9]{4}$/;
export const ASSOCIATION_CODE = /^[0-9]{12}-[A-Z0-9]{1,8}$/;

/** A code checked against its pattern, upper-cased (codes carry no lower-case letters). */
export function parseCodeCell(cell: Cell, pattern: RegExp, invalid: RowErrorCode): Parsed<string | null> {
  const text = cellText(cell)?.toUpperCase() ?? null;
  if (text === null) return ok(null);
  return pattern.test(text) ? ok(text) : fail(invalid);
}
