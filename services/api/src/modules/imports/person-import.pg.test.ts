import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBadChecksum } from '../../../test/registry-fixtures.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { canonicalSha256 } from '../../canonical-json.ts';
import { residentIdHmac } from '../persons/resident-id-hmac.ts';
import { repeatedSheetXml, writeZip } from './__tests__/zip-bomb/write-zip.ts';
import { importFile as importFileDirectly } from './import-file.ts';
import {
  birthDateOf,
  COMMIT_IMPORT,
  check,
  commit,
  csv,
  type ImportFixture,
  type ImportJobNode,
  importFile,
  importFixture,
  newResidentId,
  registryCounts,
  upload,
  xlsx,
} from './import-test-fixtures.ts';
import type { ImportProgress } from './run-import.ts';

const HEADER = [
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '手机号',
  '户籍地区划代码',
  '户编号',
  '与户主关系',
  '计生户类型',
];
/** Where a column sits in HEADER. */
function col(name: string): number {
  return HEADER.indexOf(name);
}

let t: TestApi;
let f: ImportFixture;
let clerkA: string;
let clerkB: string;
let dir: string;
// Above the demo county's own household numbers (a village has a few hundred at most).
let householdSerial = 5000;

beforeAll(async () => {
  t = await startTestApi();
  f = await importFixture(t);
  [clerkA, clerkB] = await Promise.all([t.signIn(f.villageA.clerk), t.signIn(f.villageB.clerk)]);
  dir = await mkdtemp(path.join(tmpdir(), 'sunshine-import-test-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const SURNAMES = [...'王李张刘陈杨黄吴周徐'];
const GIVEN = [...'晓燕建国丽娟志强秀英'];

/** `count` good rows for village A: households of two (head and spouse), every column filled. */
function goodRows(count: number, village = () => f.villageA.code): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) householdSerial++;
    const id = newResidentId();
    rows.push([
      `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}${GIVEN[(i * 7 + 1) % GIVEN.length]}`,
      id,
      Number(id[16]) % 2 === 1 ? '男' : '女',
      birthDateOf(id),
      `139${String(10_000_000 + householdSerial * 10 + i).padStart(8, '0')}`,
      village(),
      `${village()}-${String(householdSerial).padStart(4, '0')}`,
      i % 2 === 0 ? '户主' : '配偶',
      i % 2 === 0 ? '独生子女户' : '',
    ]);
  }
  return rows;
}

/** A mistake made in one cell: `column` gets `value(cell)`, and the import must report `code` there. */
interface Defect {
  code: string;
  column: string;
  value(cell: string): string;
}

const DEFECTS: Defect[] = [
  { code: 'ID_INVALID_CHECKSUM', column: '身份证号', value: (id) => withBadChecksum(id) },
  { code: 'ID_NUMBER_NOT_TEXT', column: '身份证号', value: () => '3.30199E+17' },
  { code: 'ID_NUMBER_NOT_TEXT', column: '身份证号', value: (id) => id.slice(0, 15) },
  { code: 'INVALID_PHONE', column: '手机号', value: () => '12345' },
  { code: 'BIRTH_DATE_MISMATCH', column: '出生日期', value: () => '1999-12-31' },
  { code: 'INVALID_DATE', column: '出生日期', value: () => '1999-02-30' },
  { code: 'SEX_MISMATCH', column: '性别', value: (sex) => (sex === '男' ? '女' : '男') },
  { code: 'INVALID_CHOICE', column: '与户主关系', value: () => '邻居' },
  { code: 'REQUIRED', column: '姓名', value: () => '' },
  { code: 'REGION_NOT_IN_SCOPE', column: '户籍地区划代码', value: () => f.villageB.code },
  { code: 'INVALID_HOUSEHOLD_CODE', column: '户编号', value: () => `${f.villageA.code}-12` },
];

function expectNoCellContent(job: ImportJobNode, rows: readonly string[][]): void {
  const report = JSON.stringify(job.errors.nodes);
  for (const row of rows) {
    for (const cell of [row[0], row[1], row[col('手机号')]]) {
      if (cell && cell.length >= 2) expect(report).not.toContain(cell);
    }
  }
}

describe('persons import', () => {
  it('reads the same rows from UTF-8, UTF-8 with BOM, GBK CSV and XLSX files, and commits them once', async () => {
    const rows = goodRows(6);
    const text = csv([HEADER, ...rows]);
    const files: [string, Buffer][] = [
      ['utf8.csv', Buffer.from(text, 'utf8')],
      ['bom.csv', Buffer.from(`\uFEFF${text}`, 'utf8')],
      ['gbk.csv', iconv.encode(text, 'gbk')],
      ['book.xlsx', await xlsx([HEADER, ...rows])],
    ];
    const before = await registryCounts(t);
    const checked = [];
    for (const [name, body] of files) checked.push(await check(t, clerkA, 'PERSONS', body, name));
    for (const job of checked) {
      expect(job.errors.nodes).toEqual([]);
      expect(job).toMatchObject({ status: 'VALID', rowsParsed: 6, rowsValidated: 6, rowsChanged: 9 });
    }
    expect(checked.map((job) => job.format)).toEqual(['CSV', 'CSV', 'CSV', 'XLSX']);
    expect(await registryCounts(t)).toEqual(before);

    const gbk = await commit(t, clerkA, checked[2]!.id);
    expect(gbk).toMatchObject({
      status: 'COMMITTED',
      rowsParsed: 6,
      rowsValidated: 6,
      rowsCommitted: 6,
      rowsChanged: 9,
    });
    const stored = await t.ownerSql<{ name: string; phone: string; household: string; relation: string }>(
      `select p.name, p.phone, h.code as household, p.relation from person p join household h on h.id = p.household_id
        where p.resident_id = any($1) order by p.resident_id`,
      [rows.map((row) => row[1])],
    );
    expect(stored).toEqual(
      [...rows]
        .sort((a, b) => a[1]!.localeCompare(b[1]!))
        .map((row) => ({
          name: row[0],
          phone: row[4],
          household: row[6],
          relation: row[7] === '户主' ? 'HEAD' : 'SPOUSE',
        })),
    );
    const households = await t.ownerSql<{ planning_status: string }>(
      'select planning_status from household where code = any($1)',
      [rows.map((row) => row[6])],
    );
    expect(households.map((h) => h.planning_status)).toEqual(['ONLY_CHILD', 'ONLY_CHILD', 'ONLY_CHILD']);

    // The same rows again, from the other three files: nothing changes.
    for (const job of [checked[0]!, checked[1]!, checked[3]!]) {
      const again = await check(t, clerkA, 'PERSONS', files[checked.indexOf(job)]![1], job.fileName);
      expect(again).toMatchObject({ status: 'VALID', rowsChanged: 0 });
      expect(await commit(t, clerkA, again.id)).toMatchObject({ status: 'COMMITTED', rowsChanged: 0 });
    }
    expect(await registryCounts(t)).toEqual({
      ...before,
      person: before.person! + 6,
      household: before.household! + 3,
      audit: before.audit! + 4,
    });
  });

  it('reports every bad row at random positions with its row and column, writes nothing, then commits the fixed file once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 19 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: DEFECTS.length - 1 }), { minLength: 5, maxLength: 5 }),
        async (positions, defects) => {
          const good = goodRows(20);
          const bad = good.map((row) => [...row]);
          const expected = positions.map((position, k) => {
            const defect = DEFECTS[defects[k]!]!;
            const row = bad[position]!;
            const index = col(defect.column);
            row[index] = defect.value(row[index]!);
            return { row: position + 2, column: defect.column, code: defect.code };
          });
          const before = await registryCounts(t);
          const job = await check(t, clerkA, 'PERSONS', csv([HEADER, ...bad]));
          expect(job.status).toBe('INVALID');
          for (const error of expected) {
            expect(job.errors.nodes).toContainEqual(expect.objectContaining(error));
          }
          expect(new Set(job.errors.nodes.map((error) => error.row))).toEqual(
            new Set(expected.map((e) => e.row)),
          );
          expect(job.errorCount).toBe(job.errors.nodes.length);
          for (const error of job.errors.nodes) {
            expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
            expect(error.messageEn).toMatch(/[A-Za-z]/);
          }
          expectNoCellContent(job, good);
          // An invalid job cannot be committed, and nothing was written by the check.
          const refused = await t.graphql(COMMIT_IMPORT, { id: job.id }, clerkA);
          expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
          expect(await registryCounts(t)).toEqual(before);

          const fixed = await importFile(t, clerkA, 'PERSONS', csv([HEADER, ...good]));
          expect(fixed).toMatchObject({
            rowsParsed: 20,
            rowsValidated: 20,
            rowsCommitted: 20,
            rowsChanged: 30,
          });
          const again = await importFile(t, clerkA, 'PERSONS', csv([HEADER, ...good]));
          expect(again.rowsChanged).toBe(0);
          expect(await registryCounts(t)).toEqual({
            ...before,
            person: before.person! + 20,
            household: before.household! + 10,
            audit: before.audit! + 2,
          });
        },
      ),
      { seed: 20260311, numRuns: 4 },
    );
  });

  it('reports both rows of an ID number given twice', async () => {
    const rows = goodRows(5);
    rows[3]![1] = rows[1]![1]!;
    const job = await check(t, clerkA, 'PERSONS', csv([HEADER, ...rows]));
    expect(job.errors.nodes.filter((error) => error.code === 'DUPLICATE_IN_FILE')).toEqual([
      expect.objectContaining({
        row: 3,
        column: '身份证号',
        messageEn: 'Appears more than once in the file (see also row 5)',
      }),
      expect.objectContaining({
        row: 5,
        column: '身份证号',
        messageEn: 'Appears more than once in the file (see also row 3)',
      }),
    ]);
  });

  it('tells a clerk only that an ID number is registered in another jurisdiction, never who or where', async () => {
    const inB = goodRows(2, () => f.villageB.code);
    await importFile(t, clerkB, 'PERSONS', csv([HEADER, ...inB]));
    const mine = goodRows(3);
    mine[2]![1] = inB[0]![1]!;
    mine[2]![2] = inB[0]![2]!;
    mine[2]![3] = inB[0]![3]!;
    const job = await check(t, clerkA, 'PERSONS', csv([HEADER, ...mine]));
    expect(job.status).toBe('INVALID');
    expect(job.errors.nodes).toEqual([
      {
        row: 4,
        column: '身份证号',
        code: 'REGISTERED_ELSEWHERE',
        messageZh: '已在其他辖区登记',
        messageEn: 'already registered in another jurisdiction',
      },
    ]);
    const report = JSON.stringify(job);
    for (const secret of [inB[0]![0]!, f.villageB.code, f.villageB.name, inB[0]![6]!]) {
      expect(report).not.toContain(secret);
    }
  });

  it('refuses ID numbers stored as numbers in XLSX and written in scientific notation in CSV', async () => {
    const rows = goodRows(3);
    const book = await xlsx([
      HEADER,
      rows[0]!,
      [rows[1]![0]!, Number(rows[1]![1]), ...rows[1]!.slice(2)],
      rows[2]!,
    ]);
    const fromXlsx = await check(t, clerkA, 'PERSONS', book, 'book.xlsx');
    expect(fromXlsx.errors.nodes).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号', code: 'ID_NUMBER_NOT_TEXT' }),
    ]);
    expect(fromXlsx.errors.nodes[0]!.messageZh).toContain('文本');
    rows[2]![1] = '3.30199E+17';
    const fromCsv = await check(t, clerkA, 'PERSONS', csv([HEADER, ...rows]));
    expect(fromCsv.errors.nodes).toEqual([
      expect.objectContaining({ row: 4, column: '身份证号', code: 'ID_NUMBER_NOT_TEXT' }),
    ]);
  });

  it('stops at a missing required column with one file-level error', async () => {
    const rows = goodRows(2).map((row) => row.filter((_, index) => index !== col('户籍地区划代码')));
    const header = HEADER.filter((name) => name !== '户籍地区划代码');
    const job = await check(t, clerkA, 'PERSONS', csv([header, ...rows]));
    expect(job.errors.nodes).toEqual([
      expect.objectContaining({
        row: 1,
        column: null,
        code: 'MISSING_COLUMN',
        messageZh: '缺少必需的列：户籍地区划代码 / registeredRegionCode',
      }),
    ]);
  });

  it('writes nothing when the data changed between the check and the commit', async () => {
    const rows = goodRows(4);
    const job = await check(t, clerkA, 'PERSONS', csv([HEADER, ...rows]));
    expect(job.status).toBe('VALID');
    // Meanwhile someone registers the third person in village B.
    await t.ownerSql(
      `insert into person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date)
       select r.id, r.id, '别人', $2, decode($3, 'hex'), $4, $5::date from region r where r.code = $1`,
      [
        f.villageB.code,
        rows[2]![1],
        await hmacHex(rows[2]![1]!),
        rows[2]![2] === '男' ? 'MALE' : 'FEMALE',
        rows[2]![3],
      ],
    );
    const before = await registryCounts(t);
    const committed = await commit(t, clerkA, job.id);
    expect(committed.status).toBe('INVALID');
    expect(committed.errors.nodes).toEqual([
      expect.objectContaining({ row: 4, code: 'REGISTERED_ELSEWHERE' }),
    ]);
    expect(await registryCounts(t)).toEqual(before);
  });

  it('records one audit row per committed import, with the counts and the file’s sha256', async () => {
    const job = await importFile(t, clerkA, 'PERSONS', csv([HEADER, ...goodRows(2)]));
    const audits = await t.ownerSql<{ action: string; after_sha256: string; user_role: string }>(
      `select action, after_sha256, user_role from audit_event where entity = 'import_job' and entity_id = $1`,
      [job.id],
    );
    expect(audits).toEqual([
      {
        action: 'import.commit',
        user_role: 'VILLAGE_CLERK',
        after_sha256: canonicalSha256({
          kind: 'PERSONS',
          rows: 2,
          rowsChanged: 3,
          changes: { household: 1, person: 2 },
          fileSha256: job.fileSha256,
        }),
      },
    ]);
  });

  it('shows progress that reaches the totals, and imports without HTTP', async () => {
    // Without households: five thousand rows would run past the 4-digit household numbers.
    const rows = goodRows(5000).map((row) => row.slice(0, 6));
    const file = path.join(dir, 'progress.csv');
    await writeFile(file, csv([HEADER.slice(0, 6), ...rows]));
    const [user] = await t.ownerSql<{ id: string; role: 'VILLAGE_CLERK'; region_id: string; path: string }>(
      `select u.id, u.role, u.region_id, r.path::text as path from app_user u join region r on r.id = u.region_id
        where u.username = $1`,
      [f.villageA.clerk],
    );
    const pool = new pg.Pool({ connectionString: t.db.appUrl, max: 2 });
    const seen: ImportProgress[] = [];
    try {
      const outcome = await importFileDirectly({
        pool,
        user: { id: user!.id, role: user!.role, regionId: user!.region_id, regionPath: user!.path },
        kind: 'PERSONS',
        filePath: file,
        hmacKey: 'test-hmac-key',
        onProgress: (progress) => seen.push(progress),
      });
      expect(outcome).toMatchObject({ status: 'COMMITTED', rows: 5000, rowsChanged: 5000 });
    } finally {
      await pool.end();
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.at(-1)).toEqual({ rowsParsed: 5000, rowsValidated: 5000, rowsCommitted: 5000 });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.rowsParsed).toBeGreaterThanOrEqual(seen[i - 1]!.rowsParsed);
      expect(seen[i]!.rowsValidated).toBeGreaterThanOrEqual(seen[i - 1]!.rowsValidated);
    }
    expect(seen.some((p) => p.rowsParsed > 0 && p.rowsParsed < 5000)).toBe(true);
  });
});

describe('persons import limits', () => {
  it('refuses an oversized body with 413 before reading it, and makes no job', async () => {
    const [{ n: jobsBefore }] = (await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from import_job',
    )) as [{ n: number }];
    const response = await upload(t, clerkA, 'PERSONS', Buffer.alloc(50 * 1024 * 1024 + 1, 0x41));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: Record<string, string> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'FILE_TOO_LARGE',
      messageZh: '文件超过 50 MiB，请分成几个文件导入',
      messageEn: 'The file exceeds 50 MiB; split it into several files',
    });
    const [{ n: jobsAfter }] = (await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from import_job',
    )) as [{ n: number }];
    expect(jobsAfter).toBe(jobsBefore);
  });

  it('refuses a streamed body (no Content-Length) with 413 as soon as it passes the limit', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Never more than 60 MiB, whether or not the server stops reading.
        if (sent >= 60) {
          controller.close();
          return;
        }
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await t.fetch('/imports?kind=PERSONS&fileName=big.csv', {
      method: 'POST',
      headers: { cookie: clerkA, 'x-sunshine-upload': '1' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('FILE_TOO_LARGE');
  });

  it('refuses zip bombs quickly, without inflating them', async () => {
    const honest = path.join(dir, 'honest.xlsx');
    const lying = path.join(dir, 'lying.xlsx');
    await writeZip(honest, [{ name: 'xl/worksheets/sheet1.xml', chunks: () => repeatedSheetXml(400) }]);
    await writeZip(lying, [
      {
        name: 'xl/worksheets/sheet1.xml',
        chunks: () => repeatedSheetXml(400),
        declaredSize: 2 * 1024 * 1024,
      },
    ]);
    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    const jobs = [
      await check(t, clerkA, 'PERSONS', await readFile(honest), 'honest.xlsx'),
      await check(t, clerkA, 'PERSONS', await readFile(lying), 'lying.xlsx'),
    ];
    clearInterval(sampler);
    expect(jobs.map((job) => [job.status, job.errors.nodes[0]?.code])).toEqual([
      ['INVALID', 'XLSX_TOO_LARGE_UNCOMPRESSED'],
      ['INVALID', 'XLSX_COMPRESSION_RATIO'],
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(peak - before).toBeLessThan(128 * 1024 * 1024);
  });

  it('refuses a file just over the row limit at the first row beyond it', async () => {
    const lines = ['姓名,身份证号,户籍地区划代码'];
    for (let i = 0; i < 200_001; i++) lines.push(`甲,${i},${f.villageA.code}`);
    const job = await check(t, clerkA, 'PERSONS', `${lines.join('\n')}\n`);
    expect(job.status).toBe('INVALID');
    expect(job.errors.nodes).toEqual([
      {
        row: 200_002,
        column: null,
        code: 'TOO_MANY_ROWS',
        messageZh: '文件超过 200000 行数据，请分成几个文件导入',
        messageEn: 'The file has more than 200000 data rows; split it into several files',
      },
    ]);
  });
});

describe('the upload endpoint', () => {
  it('needs a session, the upload header and a writing role', async () => {
    const body = csv([HEADER, ...goodRows(1)]);
    const anonymous = await t.fetch('/imports?kind=PERSONS&fileName=a.csv', {
      method: 'POST',
      headers: { 'x-sunshine-upload': '1' },
      body,
    });
    expect(anonymous.status).toBe(401);
    const noHeader = await t.fetch('/imports?kind=PERSONS&fileName=a.csv', {
      method: 'POST',
      headers: { cookie: clerkA },
      body,
    });
    expect(noHeader.status).toBe(400);
    const auditor = await t.signIn('county.auditor');
    expect((await upload(t, auditor, 'PERSONS', body)).status).toBe(403);
    expect((await upload(t, clerkA, 'HOUSEHOLDS', body)).status).toBe(400);
  });

  it('lets only the uploader commit, and serves the error report as CSV', async () => {
    const rows = goodRows(3);
    const valid = await check(t, clerkA, 'PERSONS', csv([HEADER, ...rows]));
    const township = await t.signIn(f.townshipAdmin);
    const other = await t.graphql(COMMIT_IMPORT, { id: valid.id }, township);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await t.graphql(COMMIT_IMPORT, { id: valid.id }, clerkB);
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    rows[1]![4] = '123';
    const invalid = await check(t, clerkA, 'PERSONS', csv([HEADER, ...rows]));
    const report = await t.fetch(invalid.errorReportUrl, { headers: { cookie: clerkA } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await report.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8');
    expect(text).toContain(
      '3,手机号,INVALID_PHONE,手机号应为 11 位大陆手机号码,Not an 11-digit mainland mobile number',
    );
    expect((await t.fetch(invalid.errorReportUrl, { headers: { cookie: clerkB } })).status).toBe(404);
  });

  it('lists a jurisdiction’s jobs newest first, each with a page of its errors', async () => {
    const rows = goodRows(4);
    rows[0]![4] = '1';
    rows[2]![4] = '2';
    rows[3]![4] = '3';
    const invalid = await check(t, clerkA, 'PERSONS', csv([HEADER, ...rows]));
    const LIST = `query($after: String) { importJobs(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id status errors(first: 2, offset: 1) { totalCount storedCount nodes { row column code } } } } } }`;
    type Page = {
      importJobs: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: {
          node: { id: string; status: string; errors: { totalCount: number; nodes: { row: number }[] } };
        }[];
      };
    };
    const first = await t.graphql<Page>(LIST, {}, clerkA);
    expect(first.errors).toBeUndefined();
    const page = first.data!.importJobs;
    expect(page.edges[0]!.node).toEqual({
      id: invalid.id,
      status: 'INVALID',
      errors: {
        totalCount: 3,
        storedCount: 3,
        nodes: [
          { row: 4, column: '手机号', code: 'INVALID_PHONE' },
          { row: 5, column: '手机号', code: 'INVALID_PHONE' },
        ],
      },
    });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await t.graphql<Page>(LIST, { after: page.pageInfo.endCursor }, clerkA);
    const seen = new Set([...page.edges, ...second.data!.importJobs.edges].map((edge) => edge.node.id));
    expect(seen.size).toBe(4);
    // Another village's clerk sees none of these.
    const other = await t.graphql<Page>(LIST, {}, clerkB);
    const theirs = new Set(other.data!.importJobs.edges.map((edge) => edge.node.id));
    for (const id of seen) expect(theirs.has(id)).toBe(false);
  });

  it('serves blank templates with the Chinese headers; the XLSX template keeps ID numbers as text', async () => {
    const csvTemplate = await t.fetch('/imports/templates/persons.csv', { headers: { cookie: clerkA } });
    const text = Buffer.from(await csvTemplate.arrayBuffer()).toString('utf8');
    expect(text).toBe(
      '\uFEFF姓名,身份证号,性别,出生日期,手机号,户籍地区划代码,现居地区划代码,户编号,与户主关系,计生户类型,困难家庭\r\n',
    );
    const xlsxTemplate = await t.fetch('/imports/templates/persons.xlsx', { headers: { cookie: clerkA } });
    const book = Buffer.from(await xlsxTemplate.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...text.slice(1).trim().split(',')]);
    expect(sheet.getColumn(2).numFmt).toBe('@');
    const empty = await check(t, clerkA, 'PERSONS', book, 't.xlsx');
    expect(empty.errors.nodes.map((error) => error.code)).toEqual(['NO_DATA_ROWS']);
  });
});

async function hmacHex(residentId: string): Promise<string> {
  return residentIdHmac('test-hmac-key', residentId).toString('hex');
}
