import { generateResidentId } from '@sunshine/identifiers/resident-id';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TestApi } from '../../../test/test-api.ts';
import { UPLOAD_HEADER } from './import-routes.ts';

/** Files, uploads and fixtures for the import and export tests. */

export const IMPORT_JOB_FIELDS = `id kind fileName fileSha256 fileBytes format status rowsParsed rowsValidated
  rowsCommitted rowsChanged errorCount failureCode errorReportUrl createdAt finishedAt
  errors(first: 500) { totalCount storedCount nodes { row column code messageZh messageEn } }`;
export const IMPORT_JOB = `query($id: ID!) { importJob(id: $id) { ${IMPORT_JOB_FIELDS} } }`;
export const COMMIT_IMPORT = `mutation($id: ID!) { commitImport(id: $id) { ${IMPORT_JOB_FIELDS} } }`;

export interface ImportRowErrorNode {
  row: number | null;
  column: string | null;
  code: string;
  messageZh: string;
  messageEn: string;
}

export interface ImportJobNode {
  id: string;
  kind: string;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  format: string;
  status: string;
  rowsParsed: number;
  rowsValidated: number;
  rowsCommitted: number;
  rowsChanged: number;
  errorCount: number;
  failureCode: string | null;
  errorReportUrl: string;
  errors: { totalCount: number; storedCount: number; nodes: ImportRowErrorNode[] };
}

export interface VillageFixture {
  id: string;
  code: string;
  name: string;
  path: string;
  clerk: string;
  /** A villager group of the village, when it has one. */
  groupCode: string | null;
}

/** Two villages of one township with their clerks, and the township's admin. */
export interface ImportFixture {
  townshipAdmin: string;
  villageA: VillageFixture;
  villageB: VillageFixture;
}

export async function importFixture(t: TestApi): Promise<ImportFixture> {
  const rows = await t.ownerSql<{
    username: string;
    id: string;
    code: string;
    name: string;
    path: string;
    township_admin: string;
    group_code: string | null;
  }>(
    `select u.username, r.id, r.code, r.name, r.path::text as path, a.username as township_admin,
            (select g.code from region g where g.parent_id = r.id order by g.code limit 1) as group_code
       from app_user u
       join region r on r.id = u.region_id
       join app_user a on a.role = 'TOWNSHIP_ADMIN' and a.region_id = r.parent_id
      where u.role = 'VILLAGE_CLERK' and r.level = 'VILLAGE'
      order by r.parent_id, r.code`,
  );
  const first = rows[0];
  const second = rows.find((row) => row.township_admin === first?.township_admin && row.code !== first?.code);
  if (!first || !second) throw new Error('the demo county has no township with two villages and clerks');
  const village = (row: typeof first): VillageFixture => ({
    id: row.id,
    code: row.code,
    name: row.name,
    path: row.path,
    clerk: row.username,
    groupCode: row.group_code,
  });
  return { townshipAdmin: first.township_admin, villageA: village(first), villageB: village(second) };
}

let serial = 0;
/**
 * A valid ID number no demo person has: born before 1930 (the demo county's oldest are born in
 * 1931), each with its own birth day and order code.
 */
export function newResidentId(sex: 'MALE' | 'FEMALE' = serial % 2 === 0 ? 'FEMALE' : 'MALE'): string {
  serial += 1;
  const day = new Date(Date.UTC(1901, 0, 1) + (serial % 10_900) * 86_400_000).toISOString().slice(0, 10);
  return generateResidentId({
    regionCode: '330199',
    birthDate: day,
    sex,
    // Order codes from 002: a number ending 000 reads as an Excel-truncated one.
    sequence: (Math.floor(serial / 10_900) % 499) + 1,
  });
}

export function birthDateOf(residentId: string): string {
  return `${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`;
}

export function csv(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][]);
}

/** Rows as an XLSX workbook written by ExcelJS, each cell as given (a number stays a number). */
export async function xlsx(rows: readonly (readonly (string | number | Date | null)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function upload(
  t: TestApi,
  cookie: string,
  kind: string,
  body: Buffer | string,
  fileName = 'upload.csv',
): Promise<Response> {
  return t.fetch(`/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { cookie, [UPLOAD_HEADER]: '1', 'content-type': 'application/octet-stream' },
    // A plain Uint8Array copy: fetch's body type (DOM lib) refuses a Buffer that may sit on shared memory.
    body: new Uint8Array(typeof body === 'string' ? Buffer.from(body, 'utf8') : body),
  });
}

/** Reads a job until its check or commit has ended. */
export async function settledJob(t: TestApi, cookie: string, id: string): Promise<ImportJobNode> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const result = await t.graphql<{ importJob: ImportJobNode }>(IMPORT_JOB, { id }, cookie);
    expect(result.errors).toBeUndefined();
    const job = result.data!.importJob;
    if (job.status !== 'VALIDATING' && job.status !== 'COMMITTING' && job.status !== 'UPLOADED') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not settle');
}

/** Uploads a file and waits for its check. */
export async function check(
  t: TestApi,
  cookie: string,
  kind: string,
  body: Buffer | string,
  fileName?: string,
): Promise<ImportJobNode> {
  const response = await upload(t, cookie, kind, body, fileName);
  const text = await response.text();
  expect(response.status, text).toBe(202);
  return settledJob(t, cookie, (JSON.parse(text) as { id: string }).id);
}

export async function commit(t: TestApi, cookie: string, id: string): Promise<ImportJobNode> {
  const result = await t.graphql<{ commitImport: ImportJobNode }>(COMMIT_IMPORT, { id }, cookie);
  expect(result.errors).toBeUndefined();
  return settledJob(t, cookie, id);
}

/** Checks, expects VALID, commits, expects COMMITTED. */
export async function importFile(
  t: TestApi,
  cookie: string,
  kind: string,
  body: Buffer | string,
  fileName?: string,
): Promise<ImportJobNode> {
  const checked = await check(t, cookie, kind, body, fileName);
  expect(checked.errors.nodes, JSON.stringify(checked.errors.nodes.slice(0, 5))).toEqual([]);
  expect(checked.status).toBe('VALID');
  const committed = await commit(t, cookie, checked.id);
  expect(committed.status).toBe('COMMITTED');
  return committed;
}

/** What is stored, all jurisdictions together (owner connection, no row-level security). */
export async function registryCounts(t: TestApi): Promise<Record<string, number>> {
  const [row] = await t.ownerSql<Record<string, number>>(
    `select (select count(*) from person)::int as person, (select count(*) from household)::int as household,
            (select count(*) from member)::int as member, (select count(*) from member_group)::int as member_group,
            (select count(*) from contact_household)::int as contact_household,
            (select count(*) from activity)::int as activity,
            (select count(*) from audit_event where entity = 'import_job')::int as audit`,
  );
  return row ?? {};
}

/** An association of a village, created directly (the demo county may have none). */
export async function addAssociation(t: TestApi, village: VillageFixture, suffix: string): Promise<string> {
  const code = `${village.code}-${suffix}`;
  await t.ownerSql(
    `insert into association (region_id, code, name, level, kind)
     values ($1, $2, $3, 'VILLAGE', 'VILLAGE') on conflict (code) do nothing`,
    [village.id, code, `${village.name}计生协${suffix}`],
  );
  return code;
}
