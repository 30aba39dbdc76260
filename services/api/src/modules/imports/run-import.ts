import type pg from 'pg';
import { canonicalSha256 } from '../../canonical-json.ts';
import { withScopedClient, withScopedDryRun } from '../../db/scoped-client.ts';
import type { ScopeUser } from '../../db/scoped-transaction.ts';
import { ACTIVITY_IMPORT } from './activity-import.ts';
import { CopyWriter } from './copy-writer.ts';
import { type HeaderMap, matchHeader } from './import-columns.ts';
import { ImportFileError, type ImportRowError } from './import-errors.ts';
import type { ImportKind, ImportKindDefinition, StageContext } from './import-kind.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { MEMBER_IMPORT } from './member-import.ts';
import { PERSON_IMPORT } from './person-import.ts';
import { type ImportFormat, readTableRows } from './read-table-rows.ts';

export const IMPORT_DEFINITIONS: Record<ImportKind, ImportKindDefinition> = {
  PERSONS: PERSON_IMPORT,
  MEMBERS: MEMBER_IMPORT,
  ACTIVITIES: ACTIVITY_IMPORT,
};

export interface ImportProgress {
  rowsParsed: number;
  rowsValidated: number;
  rowsCommitted: number;
}

export interface ImportOutcome {
  /** VALID and INVALID after a dry run; COMMITTED or INVALID after a commit. */
  status: 'VALID' | 'INVALID' | 'COMMITTED';
  rows: number;
  /** Rows that went through every check (0 when the file as a whole was refused). */
  rowsValidated: number;
  errorCount: number;
  /** The first errors by row, at most `limits.maxStoredErrors`. */
  errors: ImportRowError[];
  /** Rows inserted or updated (or that would be, after a dry run), all tables together. */
  rowsChanged: number;
  changes: Record<string, number>;
  timings: { parseMs: number; checkMs: number; writeMs: number; totalMs: number };
}

export interface RunImportOptions {
  pool: pg.Pool;
  user: ScopeUser;
  kind: ImportKind;
  filePath: string;
  format: ImportFormat;
  hmacKey: string;
  /**
   * `validate` parses, stages, checks and even writes, then rolls everything back: what it reports
   * is what a commit would do. `commit` does the same and commits, all in one transaction.
   */
  mode: 'validate' | 'commit';
  limits?: ImportLimits;
  onProgress?: (progress: ImportProgress) => void;
  /** On commit, the job marked COMMITTED and audited in the same transaction as the rows. */
  job?: { id: string; fileSha256: string; regionPath: string; requestId?: string };
}

const PROGRESS_EVERY = 2_000;

/**
 * Imports one file: rows stream from the parser through row-by-row checks into a temporary staging
 * table by COPY, set-based checks run in SQL, and only when no row has an error does each target
 * table get one INSERT … SELECT … ON CONFLICT. Any error leaves the database as it was.
 */
export async function runImport(options: RunImportOptions): Promise<ImportOutcome> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const definition = IMPORT_DEFINITIONS[options.kind];
  const started = performance.now();
  const progress: ImportProgress = { rowsParsed: 0, rowsValidated: 0, rowsCommitted: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const context: StageContext = { hmacKey: options.hmacKey, userId: options.user.id };

  const work = async (client: pg.PoolClient): Promise<ImportOutcome> => {
    await client.query(definition.stageDdl);
    const errors: ImportRowError[] = [];
    let errorCount = 0;
    const keep = (found: readonly ImportRowError[]) => {
      errorCount += found.length;
      for (const error of found) if (errors.length < limits.maxStoredErrors) errors.push(error);
    };

    let header: HeaderMap | null = null;
    let rows = 0;
    const copy = new CopyWriter(client, definition.stageTable, definition.stageColumns);
    try {
      for await (const row of readTableRows(options.filePath, options.format, limits)) {
        if (header === null) {
          header = matchHeader(definition.columns, row.cells, row.row);
          continue;
        }
        rows++;
        const staged = definition.stageRow(row.row, row.cells, header, context);
        if (staged.errors.length > 0) keep(staged.errors);
        await copy.write(staged.values);
        if (rows % PROGRESS_EVERY === 0) {
          progress.rowsParsed = rows;
          report();
        }
      }
      await copy.end();
    } catch (error) {
      await copy.abort();
      throw error;
    }
    progress.rowsParsed = rows;
    report();
    const columns = header;
    if (columns === null) throw new ImportFileError('FILE_EMPTY');
    if (rows === 0) throw new ImportFileError('NO_DATA_ROWS');
    const parsed = performance.now();

    await client.query(`analyze ${definition.stageTable}`);
    const checked = await definition.check(client, columns, limits.maxStoredErrors);
    errorCount += checked.total;
    const merged = [...errors, ...checked.errors].sort(byPosition(definition, columns));
    errors.splice(0, errors.length, ...merged.slice(0, limits.maxStoredErrors));
    progress.rowsValidated = rows;
    report();
    const checkedAt = performance.now();

    const timings = (written: number) => ({
      parseMs: Math.round(parsed - started),
      checkMs: Math.round(checkedAt - parsed),
      writeMs: Math.round(written - checkedAt),
      totalMs: Math.round(performance.now() - started),
    });
    if (errorCount > 0) {
      return {
        status: 'INVALID',
        rows,
        rowsValidated: rows,
        errorCount,
        errors,
        rowsChanged: 0,
        changes: {},
        timings: timings(checkedAt),
      };
    }

    const changes = await writeOrExplain(() => definition.write(client, columns, context));
    const rowsChanged = Object.values(changes).reduce((sum, n) => sum + n, 0);
    if (options.mode === 'commit' && options.job) {
      await markCommitted(client, options.user, options.job, {
        kind: options.kind,
        rows,
        rowsChanged,
        changes,
      });
    }
    return {
      status: options.mode === 'commit' ? 'COMMITTED' : 'VALID',
      rows,
      rowsValidated: rows,
      errorCount: 0,
      errors: [],
      rowsChanged,
      changes,
      timings: timings(performance.now()),
    };
  };

  try {
    if (options.mode === 'validate') return await withScopedDryRun(options.pool, options.user, work);
    const outcome = await withScopedClient(options.pool, options.user, work);
    // Committed means the COMMIT has returned, not that the last statement ran.
    if (outcome.status === 'COMMITTED') {
      progress.rowsCommitted = outcome.rows;
      report();
    }
    return outcome;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const elapsed = Math.round(performance.now() - started);
    return {
      status: 'INVALID',
      rows: progress.rowsParsed,
      rowsValidated: 0,
      errorCount: 1,
      errors: [error.error],
      rowsChanged: 0,
      changes: {},
      timings: { parseMs: elapsed, checkMs: 0, writeMs: 0, totalMs: elapsed },
    };
  }
}

/** Errors in row order, and within a row in the order of the kind's columns. */
function byPosition(definition: ImportKindDefinition, header: HeaderMap) {
  const order = new Map(definition.columns.map((spec, index) => [header.headerOf(spec.key), index]));
  return (a: ImportRowError, b: ImportRowError) =>
    (a.row ?? 0) - (b.row ?? 0) ||
    (order.get(a.column ?? '') ?? 99) - (order.get(b.column ?? '') ?? 99) ||
    a.code.localeCompare(b.code);
}

/**
 * The checks cannot see everything: a member card number held in another jurisdiction is invisible
 * to the caller and shows only as the unique index refusing it. That becomes a file-level error.
 */
async function writeOrExplain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'member_card_number_key') {
      throw new ImportFileError('CARD_NUMBER_TAKEN_ELSEWHERE');
    }
    throw error;
  }
}

async function markCommitted(
  client: pg.PoolClient,
  user: ScopeUser,
  job: NonNullable<RunImportOptions['job']>,
  counts: { kind: ImportKind; rows: number; rowsChanged: number; changes: Record<string, number> },
): Promise<void> {
  await client.query(
    `update import_job
        set status = 'COMMITTED', rows_parsed = $2, rows_validated = $2, rows_committed = $2, rows_changed = $3,
            error_count = 0, errors = '[]', failure_code = null, finished_at = now()
      where id = $1`,
    [job.id, counts.rows, counts.rowsChanged],
  );
  // The audit row holds digests only: the counts and the file's sha256 prove what was imported.
  await client.query(
    `insert into audit_event (user_id, user_role, region_path, action, entity, entity_id, before_sha256,
                              after_sha256, request_id)
     values ($1, $2, $3::ltree, 'import.commit', 'import_job', $4, null, $5, $6)`,
    [
      user.id,
      user.role,
      job.regionPath,
      job.id,
      canonicalSha256({ ...counts, fileSha256: job.fileSha256 }),
      job.requestId ?? null,
    ],
  );
}
