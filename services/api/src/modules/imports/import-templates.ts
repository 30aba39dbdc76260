import ExcelJS from 'exceljs';
import type { ImportKind } from './import-kind.ts';
import { IMPORT_DEFINITIONS } from './run-import.ts';

const TEXT_COLUMNS = new Set([
  'residentId',
  'phone',
  'registeredRegionCode',
  'currentRegionCode',
  'householdCode',
  'cardNumber',
]);

/** A blank CSV template: the Chinese headers, UTF-8 with a byte-order mark so that Excel reads it right. */
export function csvTemplate(kind: ImportKind): Buffer {
  const headers = IMPORT_DEFINITIONS[kind].columns.map((column) => column.zh);
  return Buffer.from(`\uFEFF${headers.join(',')}\r\n`, 'utf8');
}

/**
 * A blank XLSX template: the headers on the first sheet, whose ID-number and code columns are
 * formatted as text (so Excel never turns an ID number into 3.30199E+17), and a second sheet that
 * explains each column. Only the first sheet is ever imported.
 */
export async function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  const definition = IMPORT_DEFINITIONS[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(definition.label.zh);
  sheet.addRow(definition.columns.map((column) => column.zh));
  sheet.getRow(1).font = { bold: true };
  definition.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(12, column.zh.length * 2 + 4);
    if (TEXT_COLUMNS.has(column.key)) sheetColumn.numFmt = '@';
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.addRow(['列', 'Column', '必填', '说明']);
  notes.getRow(1).font = { bold: true };
  for (const column of definition.columns) {
    notes.addRow([column.zh, column.en, column.required ? '是' : '否', column.hint]);
  }
  notes.getColumn(4).width = 50;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
