import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ImportFileError } from './import-errors.ts';
import type { ImportLimits } from './import-limits.ts';
import { inspectXlsxZip, looksLikeZip } from './inspect-xlsx-zip.ts';

export type ImportFormat = 'CSV' | 'XLSX';

/**
 * A cell as the file stored it. Text stays text; an XLSX number stays a number, so an ID number that
 * Excel turned into a number (and so rounded to 15 digits) can be told apart from one typed as text.
 */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number a spreadsheet program shows (1-based). */
  row: number;
  cells: Cell[];
}

export async function detectFormat(filePath: string): Promise<ImportFormat> {
  const file = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await file.read(head, 0, 8, 0);
    if (bytesRead === 0) throw new ImportFileError('FILE_EMPTY');
    // The compound-file signature of Excel 97-2003 workbooks.
    if (head.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) {
      throw new ImportFileError('XLS_UNSUPPORTED');
    }
    return looksLikeZip(head.subarray(0, bytesRead)) ? 'XLSX' : 'CSV';
  } finally {
    await file.close();
  }
}

/**
 * The rows of a CSV file or of an XLSX file's first worksheet, streamed, blank rows skipped. The first
 * row yielded is the header. Stops with a clear error as soon as a limit is crossed, so a
 * million-row file is refused after 200,000 rows, not parsed to its end.
 */
export async function* readTableRows(
  filePath: string,
  format: ImportFormat,
  limits: ImportLimits,
): AsyncGenerator<TableRow> {
  const source = format === 'XLSX' ? readXlsxRows(filePath, limits) : readCsvRows(filePath, limits);
  let seen = 0;
  let data = -1;
  let width = 0;
  for await (const row of source) {
    seen++;
    // Blank rows count too, or a file of a million empty lines would be read to its end.
    if (seen > limits.maxRows * 2 + 1000) throw new ImportFileError('TOO_MANY_ROWS', { limits });
    if (isBlank(row.cells)) continue;
    data++;
    if (data === 0) {
      if (row.cells.length > limits.maxColumns)
        throw new ImportFileError('TOO_MANY_COLUMNS', { limits }, row.row);
      width = row.cells.length;
    } else if (data > limits.maxRows) {
      throw new ImportFileError('TOO_MANY_ROWS', { limits }, row.row);
    }
    // A stray value far right of the header belongs to no column.
    yield row.cells.length > width ? { row: row.row, cells: row.cells.slice(0, width) } : row;
  }
}

function isBlank(cells: Cell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

// ---- CSV ---------------------------------------------------------------------------------------

interface CsvShape {
  encoding: 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
  bomLength: number;
  delimiter: string;
}

/**
 * Encoding: a byte-order mark decides; otherwise a file that is valid UTF-8 is UTF-8, and anything
 * else is taken for GB18030, the superset of GBK and GB2312 that Excel on Chinese Windows writes.
 */
async function sniffCsv(filePath: string): Promise<CsvShape> {
  const file = await open(filePath, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  let encoding: CsvShape['encoding'];
  let bomLength = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = 'utf8';
    bomLength = 3;
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = 'utf16le';
    bomLength = 2;
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    encoding = 'utf16be';
    bomLength = 2;
  } else {
    encoding = (await isUtf8File(filePath)) ? 'utf8' : 'gb18030';
  }
  const firstLine = iconv.decode(head.subarray(bomLength), encoding).split(/\r?\n/, 1)[0] ?? '';
  return { encoding, bomLength, delimiter: guessDelimiter(firstLine) };
}

async function isUtf8File(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Comma, unless the header line has more tabs (Excel's "Unicode text") or semicolons. */
function guessDelimiter(headerLine: string): string {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';']) {
    const count = outsideQuotes.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

async function* readCsvRows(filePath: string, limits: ImportLimits): AsyncGenerator<TableRow> {
  const shape = await sniffCsv(filePath);
  const input = createReadStream(filePath, { start: shape.bomLength, highWaterMark: 256 * 1024 });
  const decoder = iconv.decodeStream(shape.encoding);
  const parser = parse({
    delimiter: shape.delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: limits.maxCellChars * limits.maxColumns,
  });
  input.on('error', (error) => parser.destroy(error));
  decoder.on('error', (error: Error) => parser.destroy(error));
  input.pipe(decoder).pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError('CSV_MALFORMED', {}, row + 1);
    throw error;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

// ---- XLSX --------------------------------------------------------------------------------------

async function* readXlsxRows(filePath: string, limits: ImportLimits): AsyncGenerator<TableRow> {
  await inspectXlsxZip(filePath, limits);
  const input = createReadStream(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let column = 1; column < values.length; column++) cells.push(xlsxCell(values[column]));
        yield { row: row.number, cells };
      }
      // The first worksheet only: the template has one, and a second is someone's notes.
      return;
    }
    throw new ImportFileError('NO_WORKSHEET');
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('XLSX_INVALID');
  } finally {
    input.destroy();
  }
}

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as {
      richText?: { text?: string }[];
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text ?? '').join('');
    if ('formula' in object || 'sharedFormula' in object) return xlsxCell(object.result);
    if ('text' in object) return xlsxCell(object.text);
    if (typeof object.error === 'string') return object.error;
  }
  return null;
}
