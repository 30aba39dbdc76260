import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repeatedSheetXml, writeZip } from './__tests__/zip-bomb/write-zip.ts';
import { ImportFileError } from './import-errors.ts';
import { DEFAULT_IMPORT_LIMITS } from './import-limits.ts';
import { inspectXlsxZip } from './inspect-xlsx-zip.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sunshine-zip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(file: string): Promise<string | null> {
  try {
    await inspectXlsxZip(file, DEFAULT_IMPORT_LIMITS);
    return null;
  } catch (error) {
    if (error instanceof ImportFileError) return error.code;
    throw error;
  }
}

/** Peak resident memory while `work` runs, sampled every 10 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number; ms: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    return { result, peak, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('inspectXlsxZip', () => {
  it('accepts workbooks written by ExcelJS, whole and streamed (data descriptors)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('a').addRow(['姓名', '身份证号']);
    const whole = path.join(dir, 'whole.xlsx');
    await writeFile(whole, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await refusal(whole)).toBeNull();

    const streamed = path.join(dir, 'streamed.xlsx');
    const out = createWriteStream(streamed);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = writer.addWorksheet('a');
    for (let i = 0; i < 1000; i++) sheet.addRow([`名字${i}`, i]).commit();
    sheet.commit();
    await writer.commit();
    expect(await refusal(streamed)).toBeNull();
  });

  it('refuses a zip bomb that declares hundreds of MiB, before inflating anything', async () => {
    const bomb = path.join(dir, 'honest-bomb.xlsx');
    await writeZip(bomb, [{ name: 'xl/worksheets/sheet1.xml', chunks: () => repeatedSheetXml(300) }]);
    const { result, ms } = await peakRss(() => refusal(bomb));
    expect(result).toBe('XLSX_TOO_LARGE_UNCOMPRESSED');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a part compressed far beyond any spreadsheet, even under the size limit', async () => {
    const bomb = path.join(dir, 'ratio-bomb.xlsx');
    await writeZip(bomb, [{ name: 'xl/worksheets/sheet1.xml', chunks: () => repeatedSheetXml(150) }]);
    expect(await refusal(bomb)).toBe('XLSX_COMPRESSION_RATIO');
  });

  it('refuses a zip bomb that lies about its size, stopping as soon as a part yields more than it declared', async () => {
    const bomb = path.join(dir, 'lying-bomb.xlsx');
    await writeZip(bomb, [
      { name: 'xl/worksheets/sheet1.xml', chunks: () => repeatedSheetXml(300), declaredSize: 1024 * 1024 },
    ]);
    const before = process.memoryUsage().rss;
    const { result, peak, ms } = await peakRss(() => refusal(bomb));
    expect(result).toBe('XLSX_COMPRESSION_RATIO');
    expect(ms).toBeLessThan(2000);
    // Nothing near the 300 MiB it would inflate to is ever held.
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses what is not a zip archive at all', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    await writeFile(junk, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]));
    expect(await refusal(junk)).toBe('XLSX_INVALID');
  });
});
