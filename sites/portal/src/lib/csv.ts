import type { Dataset } from '@sunshine/disclosure/dataset';

/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, fields quoted when they hold a quote, comma or
 * line break, quotes doubled, and a UTF-8 byte order mark so Excel reads Chinese correctly.
 *
 * A cell that starts with = + - @, a tab or a carriage return would be run as a formula by Excel,
 * LibreOffice or Numbers ("CSV injection"); such a cell gets a leading apostrophe, which the
 * spreadsheet shows as text. The JSON download keeps every value exactly as published.
 */
export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A value as text for a cell: lists joined with "；", objects as JSON, null and undefined empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('；');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The value at a dotted column path (`region.name`); through a list it collects every element's
 * value (`attachments.fileName` of a policy lists all its attachments' names).
 */
export function valueAtPath(row: unknown, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) value = value.map((item) => valueAtPath(item, part));
    else if (value !== null && typeof value === 'object' && Object.hasOwn(value, part)) {
      value = (value as Record<string, unknown>)[part];
    } else return undefined;
  }
  return value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map(escapeCsvCell).join(',');
  return `${CSV_BOM}${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

/** A dataset as CSV: one column per declared column (its name as the header), one line per row. */
export function datasetToCsv(dataset: Pick<Dataset, 'columns' | 'rows'>): string {
  const names = dataset.columns.map((c) => c.name);
  return toCsv(
    names,
    dataset.rows.map((row) => names.map((name) => cellText(valueAtPath(row, name)))),
  );
}
