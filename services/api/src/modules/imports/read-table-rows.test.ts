import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError } from './import-errors.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { type ImportFormat, readTableRows } from './read-table-rows.ts';
import { receiveUpload } from './receive-upload.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sunshine-rows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(
  content: Buffer,
  format: ImportFormat = 'CSV',
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
) {
  const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, content);
  const rows = [];
  for await (const row of readTableRows(file, format, limits)) rows.push(row);
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; row: number | null }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFileError) return { code: error.code, row: error.error.row };
    throw error;
  }
  throw new Error('expected a refusal');
}

const TEXT = '姓名,户籍地\r\n张晓燕,青山县\r\n欧阳娜娜,"白溪村, 第三组"\r\n';
const EXPECTED = [
  { row: 1, cells: ['姓名', '户籍地'] },
  { row: 2, cells: ['张晓燕', '青山县'] },
  { row: 3, cells: ['欧阳娜娜', '白溪村, 第三组'] },
];

describe('readTableRows', () => {
  it('reads the same rows from UTF-8, UTF-8 with BOM, GBK, GB18030 and UTF-16 (tab-separated) files', async () => {
    expect(await rowsOf(Buffer.from(TEXT, 'utf8'))).toEqual(EXPECTED);
    expect(await rowsOf(Buffer.from(`\uFEFF${TEXT}`, 'utf8'))).toEqual(EXPECTED);
    expect(await rowsOf(iconv.encode(TEXT, 'gbk'))).toEqual(EXPECTED);
    expect(await rowsOf(iconv.encode(TEXT, 'gb18030'))).toEqual(EXPECTED);
    const tabbed = '姓名\t户籍地\r\n张晓燕\t青山县\r\n欧阳娜娜\t白溪村, 第三组\r\n';
    expect(await rowsOf(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tabbed, 'utf16le')]))).toEqual(
      EXPECTED,
    );
  });

  it('numbers rows as a spreadsheet does: blank lines count, a quoted line break does not', async () => {
    const rows = await rowsOf(Buffer.from('a,b\n\n"x\ny",1\n,\nz,2\n', 'utf8'));
    expect(rows.map((r) => r.row)).toEqual([1, 3, 5]);
    expect(rows[1]?.cells).toEqual(['x\ny', '1']);
  });

  it('keeps XLSX numbers as numbers and text as text, with the sheet’s own row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    sheet.getCell('A1').value = '身份证号';
    sheet.getCell('B1').value = '日期';
    // Beyond the header's columns: belongs to no column, so it is dropped.
    sheet.getCell('D4').value = '备注';
    sheet.getCell('A3').value = 330199192503040000;
    sheet.getCell('A4').value = '330199192503040074';
    sheet.getCell('B4').value = new Date(Date.UTC(2024, 4, 29));
    const rows = await rowsOf(Buffer.from(await workbook.xlsx.writeBuffer()), 'XLSX');
    expect(rows).toEqual([
      { row: 1, cells: ['身份证号', '日期'] },
      { row: 3, cells: [330199192503040000] },
      { row: 4, cells: ['330199192503040074', new Date(Date.UTC(2024, 4, 29))] },
    ]);
  });

  it('stops at the row limit, at the first row beyond it', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxRows: 50 };
    const lines = ['a', ...Array.from({ length: 10_000 }, (_, i) => `r${i}`)].join('\n');
    expect(await refusal(rowsOf(Buffer.from(lines), 'CSV', limits))).toEqual({
      code: 'TOO_MANY_ROWS',
      row: 52,
    });
  });

  it('refuses malformed CSV at the row where it breaks', async () => {
    expect(await refusal(rowsOf(Buffer.from('a,b\n1,2\n"3,4\n')))).toEqual({ code: 'CSV_MALFORMED', row: 3 });
  });
});

describe('receiveUpload', () => {
  it('stores the body with its sha256, and refuses one byte over the limit without keeping any of it', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1000 };
    const body = Buffer.alloc(1000, 7);
    const received = await receiveUpload(
      Readable.from([body.subarray(0, 600), body.subarray(600)]),
      dir,
      limits,
    );
    expect(received.bytes).toBe(1000);
    expect(received.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(await readFile(received.path)).toEqual(body);

    const uploadsDir = path.join(dir, 'over');
    const over = Readable.from([body, Buffer.alloc(1)]);
    expect(await refusal(receiveUpload(over, uploadsDir, limits))).toEqual({
      code: 'FILE_TOO_LARGE',
      row: null,
    });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(uploadsDir)).toEqual([]);
  });
});
