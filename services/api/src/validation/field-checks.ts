import { badInput } from '../errors/domain-error.ts';

/**
 * Field checks shared by every module's input validation. Each names the field at fault in Chinese
 * and English and never repeats the submitted value.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Control characters other than tab, newline and carriage return.
export const CONTROL_CHARS = /(?![\t\n\r])\p{Cc}/u;

/** The year the first Family Planning Associations were founded: no record predates it. */
export const EARLIEST_RECORD_DATE = '1980-01-01';

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A real day of the Gregorian calendar written YYYY-MM-DD ('2024-02-30' is not), and not before
 * `notBefore` when given (policies date from 1949, persons from 1900).
 */
export function isCalendarDate(value: string, notBefore?: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    (notBefore === undefined || value >= notBefore)
  );
}

/** Today in China (UTC+8), where every record is kept, whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface Label {
  zh: string;
  en: string;
}

export function requireText(field: string, value: string, min: number, max: number, label: Label): string {
  const trimmed = value.trim().normalize('NFC');
  // Characters as PostgreSQL's length() counts them (code points), not UTF-16 units.
  const length = [...trimmed].length;
  if (length < min || length > max) {
    throw badInput(
      field,
      `${label.zh}长度应为 ${min}–${max} 个字符`,
      `${label.en} must be ${min}–${max} characters long`,
    );
  }
  if (CONTROL_CHARS.test(trimmed)) {
    throw badInput(field, `${label.zh}含有不可见的控制字符`, `${label.en} contains control characters`);
  }
  return trimmed;
}

/** An optional note: blank means none. */
export function optionalText(field: string, value: string | null | undefined, max: number, label: Label) {
  if (value == null || value.trim() === '') return null;
  return requireText(field, value, 1, max, label);
}

export function requireDate(
  field: string,
  value: string,
  label: Label,
  options: { notInFuture?: boolean; notBefore1980?: boolean } = {},
): string {
  if (!isCalendarDate(value)) {
    throw badInput(
      field,
      `${label.zh}不是有效日期（格式 YYYY-MM-DD）`,
      `${label.en} is not a valid date (YYYY-MM-DD)`,
    );
  }
  if ((options.notBefore1980 ?? true) && value < EARLIEST_RECORD_DATE) {
    throw badInput(field, `${label.zh}不能早于 1980 年`, `${label.en} cannot be before 1980`);
  }
  if (options.notInFuture && value > todayInChina()) {
    throw badInput(field, `${label.zh}不能晚于今天`, `${label.en} cannot be in the future`);
  }
  return value;
}

/** A whole number of things (people, leaflets, households) between 0 and `max`. */
export function requireCount(field: string, value: number, max: number, label: Label): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw badInput(
      field,
      `${label.zh}应为 0 到 ${max.toLocaleString('en-US')} 之间的整数`,
      `${label.en} must be a whole number from 0 to ${max.toLocaleString('en-US')}`,
    );
  }
  return value;
}

/** A filter date (from, to, activeOn): a real day, else BAD_INPUT rather than an SQL error. */
export function filterDate(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!isCalendarDate(value)) {
    throw badInput(field, '日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD');
  }
  return value;
}
