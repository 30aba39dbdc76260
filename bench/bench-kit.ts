/**
 * What every benchmark here shares: loading the API under tsx, a throw-away database with the demo
 * county, the API on it, timed HTTP requests, interleaved and saturated measurement, the summary
 * table and the results file. See bench/README.md.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import pg from 'pg';
import { register } from 'tsx/esm/api';
import type { SessionUser } from '../services/api/src/modules/identity/session-user.ts';
import type { RunningApi } from '../services/api/src/server.ts';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const HMAC_KEY = 'bench-hmac-key';

// Node strips types itself but cannot compile the API's legacy decorators (type-graphql): tsx does,
// provided it reads the API's tsconfig (experimentalDecorators); the root has no tsconfig.json. A
// namespace keeps this working when we run under the tsx CLI too (`tsx bench/run.ts`), whose own
// hooks, configured from the root, would otherwise compile the API without that option.
const tsx = register({
  namespace: 'sunshine-bench',
  tsconfig: path.join(REPO_ROOT, 'services/api/tsconfig.json'),
});
/** Imports an API module (relative to this folder) through tsx. */
export function load<T>(specifier: string): Promise<T> {
  return tsx.import(specifier, import.meta.url) as Promise<T>;
}

const { startTestCluster, createDatabase, dropDatabase } = await load<
  typeof import('../packages/devdb/src/test-cluster.ts')
>('../packages/devdb/src/test-cluster.ts');
const { APP_ROLE, DEFAULT_APP_PASSWORD, databaseName, withCredentials, withDatabase, redactUrl } = await load<
  typeof import('../packages/devdb/src/database-urls.ts')
>('../packages/devdb/src/database-urls.ts');
const { provisionDatabase } = await load<typeof import('../services/api/src/db/provision-database.ts')>(
  '../services/api/src/db/provision-database.ts',
);
const { loadDemoCounty } = await load<
  typeof import('../services/api/src/modules/demo-data/load-demo-county.ts')
>('../services/api/src/modules/demo-data/load-demo-county.ts');
const { startApi } = await load<typeof import('../services/api/src/server.ts')>(
  '../services/api/src/server.ts',
);
const { createLogger } = await load<typeof import('../services/api/src/logger.ts')>(
  '../services/api/src/logger.ts',
);
const { withScope } = await load<typeof import('../services/api/src/db/scoped-transaction.ts')>(
  '../services/api/src/db/scoped-transaction.ts',
);
export const { DEMO_PASSWORD } = await load<
  typeof import('../services/api/src/modules/demo-data/demo-county.ts')
>('../services/api/src/modules/demo-data/demo-county.ts');

// ---- lifecycle ---------------------------------------------------------------------------------

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;

/** Registers what to undo at the end (last registered, first run), whatever fails on the way. */
export function onCleanup(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  })();
  return cleaning;
}

/** Runs a benchmark's main, then the cleanups; Ctrl-C cleans up too. */
export async function runBenchmark(main: () => Promise<void>): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: shutting down`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  try {
    await main();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

export interface BenchDatabase {
  ownerUrl: string;
  /** A scratch folder, removed at the end. */
  scratch: string;
  demo: { policies: number; persons: number };
  serverVersion: string;
}

/**
 * An embedded PostgreSQL 18 (or DATABASE_URL's server), a fresh database with the migrations and
 * the demo county (seed 2026, county scale); all of it is dropped at the end.
 */
export async function startBenchDatabase(prefix: string): Promise<BenchDatabase> {
  log(`Node ${process.version}, ${cpus().length} CPU(s): ${cpus()[0]?.model ?? 'unknown'}`);
  const cluster = await startTestCluster();
  onCleanup(() => cluster.stop());
  log(
    process.env.DATABASE_URL
      ? `PostgreSQL: DATABASE_URL (${redactUrl(cluster.adminUrl)})`
      : 'PostgreSQL: embedded',
  );
  const ownerUrl = await createDatabase(cluster.adminUrl, { prefix });
  onCleanup(() => dropDatabase(cluster.adminUrl, ownerUrl));
  const { appDatabaseUrl } = await provisionDatabase(ownerUrl, {});
  const scratch = await mkdtemp(path.join(tmpdir(), 'sunshine-bench-'));
  onCleanup(() => rm(scratch, { recursive: true, force: true }));
  const demo = await loadDemoCounty({
    ownerDatabaseUrl: ownerUrl,
    appDatabaseUrl,
    seed: 2026,
    scale: 'county',
    config: {
      residentIdHmacKey: HMAC_KEY,
      publicationsDir: path.join(scratch, 'demo-publications'),
      sessionIdleMinutes: 60,
      sessionMaxHours: 12,
    },
  });
  const serverVersion = await withOwner(ownerUrl, async (client) => {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return `PostgreSQL ${rows[0]?.v ?? '?'}`;
  });
  return { ownerUrl, scratch, demo, serverVersion };
}

/**
 * Runs `work` on a fresh `create database … template` copy of the bench database (checkpointed, so
 * no side pays for the other's dirty pages), dropped afterwards: every side of every run starts from
 * the same state.
 */
export function freshCopies(db: BenchDatabase, prefix: string) {
  const template = databaseName(db.ownerUrl);
  const maintenanceUrl = withDatabase(db.ownerUrl, 'postgres');
  return async <T>(work: (url: string) => Promise<T>): Promise<T> => {
    const url = await createDatabase(maintenanceUrl, { template, prefix });
    try {
      await withOwner(url, (client) => client.query('checkpoint')).catch(() => {
        // Not a superuser (DATABASE_URL): go on without.
      });
      return await work(url);
    } finally {
      await dropDatabase(maintenanceUrl, url);
    }
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The API on the bench database, as the app role; `extraRoutes` mounts the SQL side's endpoints. */
export async function startBenchApi(
  db: BenchDatabase,
  extraRoutes?: (app: Express, orm: MikroORM) => void,
): Promise<RunningApi> {
  const api = await startApi({
    ownerDatabaseUrl: db.ownerUrl,
    appDatabaseUrl: withCredentials(db.ownerUrl, APP_ROLE, DEFAULT_APP_PASSWORD),
    env: {},
    overrides: {
      port: 0,
      publicationsDir: path.join(db.scratch, 'publications'),
      residentIdHmacKey: HMAC_KEY,
    },
    // Per-request logging would be part of what we measure; warnings and errors still show.
    logger: createLogger('warn'),
    extraRoutes,
  });
  onCleanup(() => api.close());
  return api;
}

/**
 * A GET route answering with the text of one SQL statement's single `body` column, run through
 * the API's pool in the same kind of scoped transaction the API opens (withScope), as `user`
 * (resolved once at start: this side has no session to look up).
 */
export function mountSqlRoute(
  app: Express,
  orm: MikroORM,
  route: { path: string; user: SessionUser; sql: string; params: unknown[] },
): void {
  app.get(route.path, (_req, res) => {
    withScope(orm, route.user, (em) => em.execute(route.sql, route.params))
      .then((rows) => {
        const body = String((rows as { body: string }[])[0]?.body ?? 'null');
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      })
      .catch((error: unknown) => {
        console.error(`SQL endpoint ${route.path} failed:`, error);
        res.writeHead(500).end();
      });
  });
}

/** A connection as the database owner (no row-level security), for fixtures and look-ups. */
export async function withOwner<T>(ownerUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * One owner transaction in `user`'s row-level security scope: a table with FORCE ROW LEVEL
 * SECURITY holds an owner that is not a superuser (DATABASE_URL) to its policies, so fixtures are
 * written as that user would write them. Rolled back if `work` throws.
 */
export function ownerTransaction<T>(
  ownerUrl: string,
  user: SessionUser,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  return withOwner(ownerUrl, async (client) => {
    await client.query('begin');
    try {
      await client.query(
        `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
                set_config('app.scope_path', $3, true)`,
        [user.id, user.role, user.regionPath],
      );
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    }
  });
}

/** Fresh statistics, so that no side runs on a plan made for the tables before the fixtures. */
export function analyze(ownerUrl: string, tables: string[]): Promise<void> {
  return withOwner(ownerUrl, async (client) => {
    await client.query(`analyze ${tables.join(', ')}`);
  });
}

export function findUser(ownerUrl: string, username: string): Promise<SessionUser> {
  return withOwner(ownerUrl, async (client) => {
    const { rows } = await client.query<SessionUser>(
      `select u.id, u.username, u.display_name as "displayName", u.role, r.id as "regionId",
              r.path::text as "regionPath", r.code as "regionCode", r.name as "regionName",
              r.level as "regionLevel"
         from app_user u join region r on r.id = u.region_id
        where u.username = $1`,
      [username],
    );
    const user = rows[0];
    if (!user) throw new Error(`no user ${username} in the demo county`);
    return user;
  });
}

// ---- requests ----------------------------------------------------------------------------------

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

/** One side of a comparison: how to send its request, and what its replies measured. */
export interface Side {
  name: string;
  send: () => Promise<Reply>;
  samples: number[];
  /** Size of the verified reply; later replies of another size are counted as unexpected. */
  bytes: number;
  mismatches: number;
}

/**
 * A side over its own keep-alive agent with up to `sockets` connections (one per concurrent
 * client), closed at the end.
 */
export function httpSide(
  name: string,
  url: string,
  options: {
    method?: 'GET' | 'POST';
    body?: string;
    headers?: Record<string, string>;
    sockets?: number;
  } = {},
): Side {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets ?? 1 });
  onCleanup(async () => agent.destroy());
  return {
    name,
    send: () => send(agent, url, options.method ?? 'GET', options.body, options.headers),
    samples: [],
    bytes: 0,
    mismatches: 0,
  };
}

/** One request over a keep-alive agent, timed from the call to the last byte of the body. */
export function send(
  agent: Agent,
  url: string,
  method: 'GET' | 'POST',
  body?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - start;
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The verified reply fixes the size later replies must have. */
export function acceptReply(side: Side, reply: Reply): void {
  if (reply.status !== 200)
    throw new Error(`${side.name} answered ${reply.status}: ${reply.body.slice(0, 500)}`);
  side.bytes = Buffer.byteLength(reply.body);
}

function isExpected(side: Side, reply: Reply): boolean {
  return reply.status === 200 && Buffer.byteLength(reply.body) === side.bytes;
}

/**
 * A, B, A, B, ...: whatever drifts during the run (GC, caches, the other tenant of the machine)
 * lands on both sides alike. Each reply must match the verified one's status and size; a mismatch
 * is counted, not thrown, so a run always finishes with its figures.
 */
export async function interleave(sides: Side[], count: number, isWarmup: boolean): Promise<void> {
  for (let i = 0; i < count; i++) {
    for (const side of sides) {
      const reply = await side.send();
      if (isWarmup) {
        if (reply.status !== 200)
          throw new Error(`${side.name} warm-up answered ${reply.status}: ${reply.body.slice(0, 500)}`);
        continue;
      }
      side.samples.push(reply.ms);
      if (!isExpected(side, reply)) side.mismatches++;
    }
  }
}

export interface Saturation {
  name: string;
  clients: number;
  seconds: number;
  requests: number;
  throughputRps: number;
  p50Ms: number;
  p99Ms: number;
  unexpectedReplies: number;
}

/**
 * Saturated throughput: `clients` concurrent clients send back to back for `seconds`, each side in
 * turn, in `rounds` alternating slices (A B B A ...), so drift hits both sides alike.
 */
export async function saturate(
  sides: Side[],
  options: { clients: number; seconds: number; rounds: number },
): Promise<Saturation[]> {
  const results = new Map(
    sides.map((side) => [side.name, { samples: [] as number[], ms: 0, unexpected: 0 }]),
  );
  const slice = (options.seconds * 1000) / options.rounds;
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const result = results.get(side.name)!;
      const start = performance.now();
      const deadline = start + slice;
      await Promise.all(
        Array.from({ length: options.clients }, async () => {
          while (performance.now() < deadline) {
            const reply = await side.send();
            result.samples.push(reply.ms);
            if (!isExpected(side, reply)) result.unexpected++;
          }
        }),
      );
      result.ms += performance.now() - start;
    }
  }
  return sides.map((side) => {
    const result = results.get(side.name)!;
    const sorted = result.samples.sort((a, b) => a - b);
    return {
      name: side.name,
      clients: options.clients,
      seconds: round(result.ms / 1000),
      requests: sorted.length,
      throughputRps: round(sorted.length / (result.ms / 1000), 1),
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      unexpectedReplies: result.unexpected,
    };
  });
}

// ---- figures -----------------------------------------------------------------------------------

export interface Summary {
  name: string;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** Requests per second one client achieves back to back: requests / time spent in them. */
  serialThroughputRps: number;
  responseBytes: number;
  /** Replies whose status or size differed from the verified reply (should be 0). */
  unexpectedReplies: number;
}

export function summarize(side: Side): Summary {
  const sorted = [...side.samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    name: side.name,
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(total / sorted.length),
    minMs: round(sorted[0] ?? 0),
    maxMs: round(sorted.at(-1) ?? 0),
    serialThroughputRps: round(sorted.length / (total / 1000), 1),
    responseBytes: side.bytes,
    unexpectedReplies: side.mismatches,
  };
}

/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Prints rows of cells under a header, the first column left-aligned, the others right-aligned. */
export function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log();
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  console.log();
}

/** The latency table of a GraphQL/SQL pair, with the ratio row under it. */
export function printLatencyTable(rows: Summary[], ratios: Record<string, number>): void {
  printTable(
    ['side', 'requests', 'p50 ms', 'p99 ms', 'mean ms', 'min ms', 'max ms', 'req/s (serial)', 'bytes'],
    [
      ...rows.map((r) => [
        r.name,
        String(r.requests),
        r.p50Ms.toFixed(2),
        r.p99Ms.toFixed(2),
        r.meanMs.toFixed(2),
        r.minMs.toFixed(2),
        r.maxMs.toFixed(2),
        r.serialThroughputRps.toFixed(0),
        String(r.responseBytes),
      ]),
      [
        'GraphQL/SQL',
        '',
        `${ratios.p50?.toFixed(2)}x`,
        `${ratios.p99?.toFixed(2)}x`,
        `${ratios.mean?.toFixed(2)}x`,
        '',
        '',
        ratios.serialThroughput === undefined ? '' : `${ratios.serialThroughput.toFixed(2)}x`,
        '',
      ],
    ],
  );
}

export function warnUnexpected(rows: { name: string; unexpectedReplies: number }[]): void {
  for (const row of rows) {
    if (row.unexpectedReplies > 0)
      log(`warning: ${row.name} had ${row.unexpectedReplies} unexpected replies`);
  }
}

/**
 * Writes `bench/results/<name>-<date>.json` (git-ignored; a second run on the same day replaces
 * it) with the machine and server the figures came from.
 */
export async function writeResults(
  name: string,
  serverVersion: string,
  figures: Record<string, unknown>,
): Promise<string> {
  const resultsDir = path.join(BENCH_DIR, 'results');
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}-${new Date().toISOString().slice(0, 10)}.json`);
  const result = {
    benchmark: name,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    postgres: { server: serverVersion, source: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded' },
    ...figures,
  };
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return path.relative(REPO_ROOT, file);
}

// ---- small helpers -----------------------------------------------------------------------------

/** Row-major rows to the column arrays `unnest` takes. */
export function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}

export function positiveInt(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${value}`);
  return n;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function log(line: string): void {
  console.log(`[bench] ${line}`);
}
