import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  addAssociation,
  csv,
  type ImportFixture,
  importFile,
  importFixture,
  newResidentId,
} from '../imports/import-test-fixtures.ts';
import { EXPORT_DEFINITIONS, EXPORT_LISTS } from './export-lists.ts';

const ACTIVITY_HEADER = [
  '协会代码',
  '活动日期',
  '活动类型',
  '活动名称',
  '参与人数',
  '宣传品份数',
  '义诊人次',
  '筛查人数',
];
const FORMULA_TITLES = ['=HYPERLINK("http://example.com/x","点这里")', '+1 会员活动', '-2 培训', '@SUM(A1)'];

let t: TestApi;
let f: ImportFixture;
let clerkA: string;
let township: string;
let associationA: string;
const residentIds: string[] = [];

beforeAll(async () => {
  t = await startTestApi();
  f = await importFixture(t);
  [clerkA, township] = await Promise.all([t.signIn(f.villageA.clerk), t.signIn(f.townshipAdmin)]);
  associationA = await addAssociation(t, f.villageA, 'EXP');
  await importFile(
    t,
    clerkA,
    'ACTIVITIES',
    csv([
      ACTIVITY_HEADER,
      ...FORMULA_TITLES.map((title, i) => [
        associationA,
        `2025-0${i + 1}-15`,
        '培训',
        title,
        `${10 + i}`,
        '',
        '',
        '',
      ]),
      [associationA, '2025-06-01', '集市宣传', '集市宣传：生育关怀政策', '35', '500', '12', '0'],
    ]),
  );
  const rows = [0, 1].map((i) => {
    const id = newResidentId();
    residentIds.push(id);
    return [`导出${'甲乙'[i]}`, id, `1390000000${i}`, f.villageA.code];
  });
  await importFile(t, clerkA, 'PERSONS', csv([['姓名', '身份证号', '手机号', '户籍地区划代码'], ...rows]));
});
afterAll(async () => {
  await t?.close();
});

async function download(
  path: string,
  cookie: string,
): Promise<{ status: number; type: string | null; body: Buffer }> {
  const response = await t.fetch(path, { headers: { cookie } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

function csvRows(body: Buffer): string[][] {
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(body.subarray(3).toString('utf8')) as string[][];
}

async function xlsxRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('list exports', () => {
  it('escapes cells that start like a formula, in CSV and XLSX, and the export imports back unchanged', async () => {
    const asCsv = await download(`/exports/activities.csv?associationCode=${associationA}`, clerkA);
    expect(asCsv.status).toBe(200);
    expect(asCsv.type).toContain('text/csv');
    const rows = csvRows(asCsv.body);
    expect(rows[0]).toEqual([...EXPORT_DEFINITIONS.activities.headers]);
    const titles = rows.slice(1).map((row) => row[3]);
    for (const title of FORMULA_TITLES) expect(titles).toContain(`'${title}`);
    expect(titles).toContain('集市宣传：生育关怀政策');
    expect(rows.find((row) => row[3] === '集市宣传：生育关怀政策')).toEqual([
      associationA,
      '2025-06-01',
      '集市宣传',
      '集市宣传：生育关怀政策',
      '35',
      '500',
      '12',
      '0',
      expect.stringContaining('计生协'),
    ]);

    const asXlsx = await download(`/exports/activities.xlsx?associationCode=${associationA}`, clerkA);
    expect(asXlsx.type).toContain('spreadsheetml');
    const sheet = await xlsxRows(asXlsx.body);
    expect(sheet[0]).toEqual([...EXPORT_DEFINITIONS.activities.headers]);
    const xlsxTitles = sheet.slice(1).map((row) => row[3]);
    for (const title of FORMULA_TITLES) expect(xlsxTitles).toContain(`'${title}`);
    // Figures stay numbers in the workbook.
    expect(sheet.find((row) => row[3] === '集市宣传：生育关怀政策')?.[5]).toBe(500);

    const fromCsv = await importFile(t, clerkA, 'ACTIVITIES', asCsv.body, 'activities.csv');
    expect(fromCsv).toMatchObject({ rowsParsed: 5, rowsChanged: 0 });
    const fromXlsx = await importFile(t, clerkA, 'ACTIVITIES', asXlsx.body, 'activities.xlsx');
    expect(fromXlsx).toMatchObject({ rowsParsed: 5, rowsChanged: 0 });
  });

  it('exports a clerk’s own village only, with ID numbers and phones masked', async () => {
    const asCsv = await download('/exports/persons.csv', clerkA);
    const rows = csvRows(asCsv.body);
    expect(rows[0]).toEqual([...EXPORT_DEFINITIONS.persons.headers]);
    const [{ n }] = (await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from person where region_path <@ $1::ltree',
      [f.villageA.path],
    )) as [{ n: number }];
    expect(rows.length - 1).toBe(n);
    for (const row of rows.slice(1)) {
      expect(row[5]!.startsWith(f.villageA.code)).toBe(true);
      expect(row[1]).toMatch(/^[0-9]{4}\*{10}[0-9X]{4}$/);
      if (row[4]) expect(row[4]).toMatch(/^1[0-9]{2}\*{4}[0-9]{4}$/);
    }
    const text = asCsv.body.toString('utf8');
    for (const id of residentIds) expect(text).not.toContain(id);
    expect(text).not.toContain('13900000000');
    expect(rows.some((row) => row[0] === '导出甲')).toBe(true);

    const other = await download(`/exports/persons.csv?regionCode=${f.villageB.code}`, clerkA);
    expect(other.status).toBe(404);
    expect(JSON.parse(other.body.toString('utf8')).errors[0].extensions.code).toBe('NOT_FOUND');
    const byTownship = csvRows(
      (await download(`/exports/persons.csv?regionCode=${f.villageB.code}`, township)).body,
    );
    expect(byTownship.length).toBeGreaterThan(1);
    for (const row of byTownship.slice(1)) expect(row[5]!.startsWith(f.villageB.code)).toBe(true);
  });

  it('exports every list as CSV and XLSX, and refuses strangers and unknown lists', async () => {
    for (const list of EXPORT_LISTS) {
      for (const format of ['csv', 'xlsx']) {
        const response = await download(`/exports/${list}.${format}`, township);
        expect(response.status, `${list}.${format}`).toBe(200);
        const header = format === 'csv' ? csvRows(response.body)[0] : (await xlsxRows(response.body))[0];
        expect(header).toEqual([...EXPORT_DEFINITIONS[list].headers]);
      }
    }
    expect((await t.fetch('/exports/persons.csv')).status).toBe(401);
    expect((await download('/exports/passwords.csv', township)).status).toBe(404);
    expect((await download('/exports/persons.pdf', township)).status).toBe(404);
    expect((await download('/exports/activities.csv?kind=DANCING', township)).status).toBe(400);
    expect((await download('/exports/activities.csv?from=2025-02-30', township)).status).toBe(400);
  });
});
