import { stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { withScopedClient } from '../../db/scoped-client.ts';
import type { ScopeUser } from '../../db/scoped-transaction.ts';
import type { SessionUser } from '../identity/session-user.ts';
import type { ImportKind } from './import-kind.ts';
import type { ImportLimits } from './import-limits.ts';
import { detectFormat } from './read-table-rows.ts';
import { fileSha256 } from './receive-upload.ts';
import { type ImportOutcome, type ImportProgress, runImport } from './run-import.ts';

export interface ImportFileOptions {
  pool: pg.Pool;
  user: ScopeUser & Pick<SessionUser, 'regionId'>;
  kind: ImportKind;
  filePath: string;
  hmacKey: string;
  limits?: ImportLimits;
  onProgress?: (progress: ImportProgress) => void;
  requestId?: string;
}

/**
 * Imports a file in one go, without HTTP and without a separate dry run: the job is recorded, the
 * file is checked and, when every row is good, written and committed in one transaction with its
 * audit row. For scripts and benchmarks; the admin console goes through ImportService instead.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportOutcome & { jobId: string }> {
  const [sha256, format, { size }] = await Promise.all([
    fileSha256(options.filePath),
    detectFormat(options.filePath),
    stat(options.filePath),
  ]);
  const { user } = options;
  const job = await withScopedClient(options.pool, user, async (client) => {
    const { rows } = await client.query<{ id: string; region_path: string }>(
      `insert into import_job (region_id, kind, file_name, file_sha256, file_bytes, format, status, created_by)
       values ($1, $2, $3, $4, $5, $6, 'COMMITTING', $7) returning id, region_path::text as region_path`,
      [
        user.regionId,
        options.kind,
        path.basename(options.filePath).slice(0, 255),
        sha256,
        size,
        format,
        user.id,
      ],
    );
    return rows[0]!;
  });
  const outcome = await runImport({
    pool: options.pool,
    user,
    kind: options.kind,
    filePath: options.filePath,
    format,
    hmacKey: options.hmacKey,
    mode: 'commit',
    limits: options.limits,
    onProgress: options.onProgress,
    job: { id: job.id, fileSha256: sha256, regionPath: job.region_path, requestId: options.requestId },
  });
  if (outcome.status !== 'COMMITTED') {
    await withScopedClient(options.pool, user, (client) =>
      client.query(
        `update import_job set status = 'INVALID', rows_parsed = $2, rows_validated = $3, error_count = $4,
                errors = $5::jsonb, finished_at = now() where id = $1`,
        [job.id, outcome.rows, outcome.rowsValidated, outcome.errorCount, JSON.stringify(outcome.errors)],
      ),
    );
  }
  return { ...outcome, jobId: job.id };
}

/** `importFile` for a persons file: the benchmark's entry point. */
export function importPersons(
  options: Omit<ImportFileOptions, 'kind'>,
): Promise<ImportOutcome & { jobId: string }> {
  return importFile({ ...options, kind: 'PERSONS' });
}
