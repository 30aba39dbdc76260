/**
 * The import side of bench/registry-import.ts, in a child process of its own so that its peak
 * resident memory (maxRSS) is the import's alone: this process loads only the importer, not the
 * demo loader or the API. It receives one job as its argument, runs `importPersons` and sends the
 * outcome, its time and its memory back over IPC.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { register } from 'tsx/esm/api';

export interface ImportJob {
  url: string;
  user: { id: string; role: 'COUNTY_ADMIN'; regionId: string; regionPath: string };
  filePath: string;
  hmacKey: string;
}

export interface ImportReport {
  ms: number;
  status: string;
  rows: number;
  rowsChanged: number;
  errorCount: number;
  /** The first errors' codes and rows only: never personal data. */
  firstErrors: unknown[];
  jobId: string;
  changes: Record<string, number>;
  timings: { parseMs: number; checkMs: number; writeMs: number; totalMs: number };
  /** Resident memory once the importer is loaded, before the import. */
  rssBeforeMiB: number;
  /** Peak resident memory of this process over its whole life (getrusage maxRSS). */
  peakRssMiB: number;
  /** The largest V8 heap seen by sampling every 50 ms during the import. */
  peakHeapUsedMiB: number;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = register({
  namespace: 'sunshine-bench-import',
  tsconfig: path.join(REPO_ROOT, 'services/api/tsconfig.json'),
});
const { importPersons } = (await tsx.import(
  '../services/api/src/modules/imports/import-file.ts',
  import.meta.url,
)) as typeof import('../services/api/src/modules/imports/import-file.ts');

const mib = (bytes: number) => Math.round(bytes / (1024 * 1024));

const job = JSON.parse(process.argv[2] ?? '{}') as ImportJob;
const pool = new pg.Pool({ connectionString: job.url, max: 2 });
const rssBefore = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 50);
const started = performance.now();
const outcome = await importPersons({ pool, user: job.user, filePath: job.filePath, hmacKey: job.hmacKey });
const ms = performance.now() - started;
clearInterval(sampler);
await pool.end();
const report: ImportReport = {
  ms,
  status: outcome.status,
  rows: outcome.rows,
  rowsChanged: outcome.rowsChanged,
  errorCount: outcome.errorCount,
  firstErrors: outcome.errors.slice(0, 3),
  jobId: outcome.jobId,
  changes: outcome.changes,
  timings: outcome.timings,
  rssBeforeMiB: mib(rssBefore),
  // maxRSS is in KiB.
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  peakHeapUsedMiB: mib(peakHeap),
};
process.send?.(report, () => process.exit(0));
