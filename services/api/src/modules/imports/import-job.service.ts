import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import {
  decodeCursor,
  encodeCursor,
  type Page,
  type PageRequest,
  pageSize,
} from '../../graphql/relay-cursor.ts';
import { isUuid } from '../../validation/field-checks.ts';
import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import { ImportFileError, type ImportRowError } from './import-errors.ts';
import { IMPORT_KINDS, type ImportKind } from './import-kind.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { detectFormat, type ImportFormat } from './read-table-rows.ts';
import { fileSha256, receiveUpload } from './receive-upload.ts';
import { type ImportOutcome, type ImportProgress, runImport } from './run-import.ts';

export type ImportStatus =
  | 'UPLOADED'
  | 'VALIDATING'
  | 'VALID'
  | 'INVALID'
  | 'COMMITTING'
  | 'COMMITTED'
  | 'FAILED';

export interface ImportJobView {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  format: ImportFormat;
  status: ImportStatus;
  rowsParsed: number;
  rowsValidated: number;
  rowsCommitted: number;
  /** Committed: rows inserted or updated. Valid: rows a commit would insert or update. */
  rowsChanged: number;
  errorCount: number;
  failureCode: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  regionId: string;
  createdBy: string;
}

export interface ImportErrorPage {
  nodes: ImportRowError[];
  /** Errors found, including those beyond what is kept. */
  totalCount: number;
  /** Errors kept with the job (at most the limit). */
  storedCount: number;
}

export interface ImportSettings {
  hmacKey: string;
  /** Where uploads wait between the check and the commit. */
  filesDir: string;
  limits?: ImportLimits;
  /** Imports checked or committed at once; the others wait their turn. */
  maxConcurrent?: number;
}

const IMPORT_JOB = { zh: '导入任务', en: 'Import job' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

const SELECT_JOB = `
  select j.id, j.kind, j.file_name, j.file_sha256, j.file_bytes::int as file_bytes, j.format, j.status,
         j.rows_parsed, j.rows_validated, j.rows_committed, j.rows_changed, j.error_count, j.failure_code,
         j.created_at, j.finished_at, j.region_id, j.region_path::text as region_path, j.created_by`;

interface JobRow {
  id: string;
  kind: ImportKind;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  format: ImportFormat;
  status: ImportStatus;
  rows_parsed: number;
  rows_validated: number;
  rows_committed: number;
  rows_changed: number;
  error_count: number;
  failure_code: string | null;
  created_at: Date;
  finished_at: Date | null;
  region_id: string;
  region_path: string;
  created_by: string;
}

/**
 * Import jobs: an upload is stored and checked in the background (a dry run that rolls back), the
 * caller follows its progress and reads every bad row; a commit re-reads the same file (its sha256
 * must match), checks it again and writes it in one transaction, or not at all.
 */
export class ImportService {
  private readonly limits: ImportLimits;
  private readonly progress = new Map<string, ImportProgress>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private logError: (error: unknown, jobId: string) => void = () => {};

  constructor(
    private readonly orm: MikroORM,
    private readonly pool: pg.Pool,
    private readonly settings: ImportSettings,
  ) {
    this.limits = settings.limits ?? DEFAULT_IMPORT_LIMITS;
  }

  get fileLimits(): ImportLimits {
    return this.limits;
  }

  /** Where background failures are reported (the HTTP layer passes its logger). */
  onBackgroundError(log: (error: unknown, jobId: string) => void): void {
    this.logError = log;
  }

  /**
   * Stores an upload and starts checking it. File-level problems found on arrival (too large,
   * empty, an old .xls) are thrown as `ImportFileError` and no job is made. The body is opened only
   * once the caller, the kind and the file name have been accepted.
   */
  async upload(
    actor: Actor,
    input: { kind: string; fileName: string; body: () => Readable },
  ): Promise<ImportJobView> {
    requireRole(actor, WRITER_ROLES);
    const kind = parseKind(input.kind);
    const fileName = cleanFileName(input.fileName);
    const received = await receiveUpload(input.body(), this.settings.filesDir, this.limits);
    let format: ImportFormat;
    try {
      format = await detectFormat(received.path);
    } catch (error) {
      await rm(received.path, { force: true });
      throw error;
    }
    const id = await withScope(this.orm, actor.user, async (em) => {
      const [row] = (await em.execute(
        `insert into import_job (region_id, kind, file_name, file_sha256, file_bytes, format, status, created_by)
         values (?, ?, ?, ?, ?, ?, 'VALIDATING', ?) returning id`,
        [actor.user.regionId, kind, fileName, received.sha256, received.bytes, format, actor.user.id],
      )) as { id: string }[];
      return row?.id ?? '';
    });
    await rename(received.path, this.filePath(id));
    this.progress.set(id, { rowsParsed: 0, rowsValidated: 0, rowsCommitted: 0 });
    this.schedule(id, () => this.check(actor, id, kind, format));
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ImportJobView> {
    return withScope(this.orm, actor.user, async (em) => this.toView(await this.load(em, id)));
  }

  async list(actor: Actor, page: PageRequest): Promise<Page<ImportJobView>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const [count] = (await em.execute('select count(*)::int as total from import_job')) as {
        total: number;
      }[];
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (page.after) {
        const cursor = decodeCursor(page.after);
        where.push(
          `(to_char(j.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), j.id) < (?, ?::uuid)`,
        );
        params.push(cursor.sortValue, cursor.id);
      }
      const rows = (await em.execute(
        `${SELECT_JOB}, to_char(j.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as sort_value
           from import_job j where ${where.join(' and ')}
          order by j.created_at desc, j.id desc limit ?`,
        [...params, size + 1],
      )) as (JobRow & { sort_value: string })[];
      const pageRows = rows.slice(0, size);
      return {
        nodes: pageRows.map((row) => this.toView(row)),
        cursors: pageRows.map((row) => encodeCursor(row.sort_value, row.id)),
        hasNextPage: rows.length > size,
        totalCount: count?.total ?? 0,
      };
    });
  }

  /** A page of each job's stored errors, for many jobs in one statement (the list's nested field). */
  async errorPages(
    actor: Actor,
    ids: readonly string[],
    page: { offset: number; first: number },
  ): Promise<ImportErrorPage[]> {
    if (!Number.isInteger(page.offset) || page.offset < 0) {
      throw badInput('offset', '偏移量不能为负数', 'offset must not be negative');
    }
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > 1000) {
      throw badInput('first', '每页条数应为 1–1000', 'first must be between 1 and 1000');
    }
    const valid = ids.filter((id) => isUuid(id));
    const rows = await withScope(
      this.orm,
      actor.user,
      async (em) =>
        (await em.execute(
          `select j.id, j.error_count, jsonb_array_length(j.errors) as stored,
                  coalesce((select jsonb_agg(e order by n) from jsonb_array_elements(j.errors) with ordinality t(e, n)
                             where n > ? and n <= ?), '[]'::jsonb) as page
             from import_job j where j.id = any(?::uuid[])`,
          [page.offset, page.offset + page.first, sqlArray(valid)],
        )) as { id: string; error_count: number; stored: number; page: ImportRowError[] }[],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return { nodes: row?.page ?? [], totalCount: row?.error_count ?? 0, storedCount: row?.stored ?? 0 };
    });
  }

  /** Every stored error of one job, for the downloadable report. */
  async errorReport(actor: Actor, id: string): Promise<{ job: ImportJobView; errors: ImportRowError[] }> {
    return withScope(this.orm, actor.user, async (em) => {
      const job = this.toView(await this.load(em, id));
      const [row] = (await em.execute('select errors from import_job where id = ?', [id])) as {
        errors: ImportRowError[];
      }[];
      return { job, errors: row?.errors ?? [] };
    });
  }

  /**
   * Starts writing a checked import. Only the admin who uploaded it may commit it (the database's
   * own rule for import jobs), and only once: the job moves to COMMITTING before the work starts.
   */
  async commit(actor: Actor, id: string): Promise<ImportJobView> {
    requireRole(actor, WRITER_ROLES);
    const job = await withScope(this.orm, actor.user, async (em) => {
      const current = await this.load(em, id);
      if (current.created_by !== actor.user.id) {
        throw new DomainError({
          code: 'FORBIDDEN',
          messageZh: '只有上传该文件的管理员可以确认导入',
          messageEn: 'Only the admin who uploaded the file may commit it',
        });
      }
      const [claimed] = (await em.execute(
        `update import_job set status = 'COMMITTING', rows_committed = 0
          where id = ? and status = 'VALID' returning id`,
        [id],
      )) as { id: string }[];
      if (!claimed) {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '只有检查通过（VALID）的导入可以确认',
          messageEn: 'Only an import that passed its check (VALID) can be committed',
        });
      }
      return current;
    });
    this.progress.set(id, { rowsParsed: 0, rowsValidated: 0, rowsCommitted: 0 });
    this.schedule(id, () => this.write(actor, job));
    return this.get(actor, id);
  }

  /** Resolves when no check or commit is running (tests, orderly shutdown). */
  async whenIdle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  async close(): Promise<void> {
    await this.whenIdle();
    await this.pool.end();
  }

  // ---- background work ---------------------------------------------------------------------

  private schedule(id: string, work: () => Promise<void>): void {
    const task = (async () => {
      if (this.running >= (this.settings.maxConcurrent ?? 2)) {
        await new Promise<void>((resolve) => this.queue.push(resolve));
      }
      this.running++;
      try {
        await work();
      } catch (error) {
        this.logError(error, id);
      } finally {
        this.running--;
        this.progress.delete(id);
        this.queue.shift()?.();
      }
    })();
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  private async check(actor: Actor, id: string, kind: ImportKind, format: ImportFormat): Promise<void> {
    try {
      const outcome = await runImport({
        pool: this.pool,
        user: actor.user,
        kind,
        filePath: this.filePath(id),
        format,
        hmacKey: this.settings.hmacKey,
        mode: 'validate',
        limits: this.limits,
        onProgress: (progress) => this.progress.set(id, progress),
      });
      await this.record(actor, id, outcome);
      if (outcome.status !== 'VALID') await rm(this.filePath(id), { force: true });
    } catch (error) {
      await this.fail(actor, id);
      throw error;
    }
  }

  private async write(actor: Actor, job: JobRow): Promise<void> {
    const filePath = this.filePath(job.id);
    try {
      const problem = await this.fileProblem(filePath, job.file_sha256);
      if (problem) {
        await this.record(actor, job.id, failedOutcome(problem));
        return;
      }
      const outcome = await runImport({
        pool: this.pool,
        user: actor.user,
        kind: job.kind,
        filePath,
        format: job.format,
        hmacKey: this.settings.hmacKey,
        mode: 'commit',
        limits: this.limits,
        onProgress: (progress) => this.progress.set(job.id, progress),
        job: {
          id: job.id,
          fileSha256: job.file_sha256,
          regionPath: job.region_path,
          requestId: actor.requestId,
        },
      });
      // A committed job was marked in the import's own transaction; an invalid one (the data
      // changed since the check) is recorded here, with nothing written.
      if (outcome.status !== 'COMMITTED') await this.record(actor, job.id, outcome);
      await rm(filePath, { force: true });
    } catch (error) {
      await this.fail(actor, job.id);
      throw error;
    }
  }

  private async fileProblem(filePath: string, sha256: string): Promise<ImportFileError | null> {
    const exists = await stat(filePath).then(
      () => true,
      () => false,
    );
    if (!exists) return new ImportFileError('FILE_GONE');
    if ((await fileSha256(filePath)) !== sha256) return new ImportFileError('FILE_CHANGED');
    return null;
  }

  private async record(actor: Actor, id: string, outcome: ImportOutcome): Promise<void> {
    await withScope(this.orm, actor.user, (em) =>
      em.execute(
        `update import_job
            set status = ?, rows_parsed = ?, rows_validated = ?, rows_changed = ?, error_count = ?,
                errors = ?::jsonb, finished_at = case when ? in ('INVALID', 'COMMITTED') then now() end
          where id = ?`,
        [
          outcome.status,
          outcome.rows,
          outcome.rowsValidated,
          outcome.rowsChanged,
          outcome.errorCount,
          JSON.stringify(outcome.errors),
          outcome.status,
          id,
        ],
      ),
    );
  }

  private async fail(actor: Actor, id: string): Promise<void> {
    await rm(this.filePath(id), { force: true });
    await withScope(this.orm, actor.user, (em) =>
      em.execute(
        `update import_job set status = 'FAILED', failure_code = 'INTERNAL_ERROR', finished_at = now() where id = ?`,
        [id],
      ),
    ).catch(() => {});
  }

  // ---- reading -------------------------------------------------------------------------------

  private filePath(id: string): string {
    return path.join(this.settings.filesDir, `${id}.upload`);
  }

  private async load(em: EntityManager, id: string): Promise<JobRow> {
    if (!isUuid(id)) throw notFound(IMPORT_JOB);
    const [row] = (await em.execute(`${SELECT_JOB} from import_job j where j.id = ?`, [id])) as JobRow[];
    if (!row) throw notFound(IMPORT_JOB);
    return row;
  }

  private toView(row: JobRow): ImportJobView {
    // While a check or commit runs, its counts live here; the row has them once it ends.
    const live = this.progress.get(row.id);
    return {
      id: row.id,
      kind: row.kind,
      fileName: row.file_name,
      fileSha256: row.file_sha256,
      fileBytes: row.file_bytes,
      format: row.format,
      status: row.status,
      rowsParsed: live?.rowsParsed ?? row.rows_parsed,
      rowsValidated: live?.rowsValidated ?? row.rows_validated,
      rowsCommitted: live?.rowsCommitted ?? row.rows_committed,
      rowsChanged: row.rows_changed,
      errorCount: row.error_count,
      failureCode: row.failure_code,
      createdAt: new Date(row.created_at),
      finishedAt: row.finished_at ? new Date(row.finished_at) : null,
      regionId: row.region_id,
      createdBy: row.created_by,
    };
  }
}

function failedOutcome(error: ImportFileError): ImportOutcome {
  return {
    status: 'INVALID',
    rows: 0,
    rowsValidated: 0,
    errorCount: 1,
    errors: [error.error],
    rowsChanged: 0,
    changes: {},
    timings: { parseMs: 0, checkMs: 0, writeMs: 0, totalMs: 0 },
  };
}

export function parseKind(kind: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw badInput(
      'kind',
      `导入类型应为 ${IMPORT_KINDS.join('、')} 之一`,
      `kind must be one of ${IMPORT_KINDS.join(', ')}`,
    );
  }
  return kind as ImportKind;
}

/** The name as the admin's computer called it, without any folder part. */
function cleanFileName(raw: string): string {
  const name = path.basename(raw.replaceAll('\\', '/')).trim();
  if (name.length < 1 || name.length > 255 || CONTROL.test(name)) {
    throw badInput('fileName', '文件名应为 1–255 个字符', 'fileName must be 1–255 characters');
  }
  return name;
}
