/**
 * Side-by-side benchmark: the admin `policies(first: 50)` GraphQL query against one hand-written SQL
 * query returning the same 50 policies as JSON, both over HTTP from this process, both as the app
 * role under row-level security. See bench/README.md for what the figures mean.
 *
 * Run from the repository root: `node bench/run.ts [--requests N] [--warmup N]` (or `npm run bench`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { register } from 'tsx/esm/api';
import type { SessionUser } from '../services/api/src/modules/identity/session-user.ts';
import { signInOverHttp } from '../services/api/test/sign-in-over-http.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');

// Node strips types itself but cannot compile the API's legacy decorators (type-graphql): tsx does,
// provided it reads the API's tsconfig (experimentalDecorators); the root has no tsconfig.json. A
// namespace keeps this working when we run under the tsx CLI too (`tsx bench/run.ts`), whose own
// hooks, configured from the root, would otherwise compile the API without that option.
const tsx = register({
  namespace: 'sunshine-bench',
  tsconfig: path.join(REPO_ROOT, 'services/api/tsconfig.json'),
});
function load<T>(specifier: string): Promise<T> {
  return tsx.import(specifier, import.meta.url) as Promise<T>;
}

const { startTestCluster, createDatabase, dropDatabase } = await load<
  typeof import('../packages/devdb/src/test-cluster.ts')
>('../packages/devdb/src/test-cluster.ts');
const { APP_ROLE, DEFAULT_APP_PASSWORD, withCredentials, redactUrl } = await load<
  typeof import('../packages/devdb/src/database-urls.ts')
>('../packages/devdb/src/database-urls.ts');
const { provisionDatabase } = await load<typeof import('../services/api/src/db/provision-database.ts')>(
  '../services/api/src/db/provision-database.ts',
);
const { loadDemoCounty } = await load<
  typeof import('../services/api/src/modules/demo-data/load-demo-county.ts')
>('../services/api/src/modules/demo-data/load-demo-county.ts');
const { DEMO_PASSWORD } = await load<typeof import('../services/api/src/modules/demo-data/demo-county.ts')>(
  '../services/api/src/modules/demo-data/demo-county.ts',
);
const { startApi } = await load<typeof import('../services/api/src/server.ts')>(
  '../services/api/src/server.ts',
);
const { createLogger } = await load<typeof import('../services/api/src/logger.ts')>(
  '../services/api/src/logger.ts',
);
const { withScope } = await load<typeof import('../services/api/src/db/scoped-transaction.ts')>(
  '../services/api/src/db/scoped-transaction.ts',
);

const PAGE_SIZE = 50;
const MIN_POLICIES = 200;
const ADMIN = 'county.admin';
const HMAC_KEY = 'bench-hmac-key';

/** The fields a list page shows; the SQL side returns exactly these, in the same shapes. */
const POLICIES_QUERY = `query Policies($first: Int!) {
  policies(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id title documentNumber issuingBody category status issueDate publishedAt version
        region { code name }
      }
    }
  }
}`;

/**
 * The same page in one statement. Sort key and tie-breaker match PolicyService.list's default
 * (issue date, then id, both descending); dates are rendered as the GraphQL scalars render them,
 * so the two payloads can be compared field by field. row_to_json writes compact JSON (unlike
 * json_build_object's "key" : value), and `::text` hands pg the JSON unparsed: the endpoint writes
 * it out as it comes.
 */
const POLICIES_SQL = `
  select coalesce(json_agg(t.doc order by t.issue_date desc, t.id desc), '[]')::text as body
    from (select p.id, p.issue_date,
                 (select row_to_json(d) from (
                    select p.id, p.title, p.document_number as "documentNumber", p.issuing_body as "issuingBody",
                           p.category, p.status, to_char(p.issue_date, 'YYYY-MM-DD') as "issueDate",
                           to_char(p.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "publishedAt",
                           p.version, (select row_to_json(x) from (select r.code, r.name) x) as region
                  ) d) as doc
            from policy p join region r on r.id = p.region_id
           order by p.issue_date desc, p.id desc
           limit ?) t`;

interface PolicyNode {
  id: string;
  [field: string]: unknown;
}

interface Side {
  name: 'GraphQL' | 'SQL';
  send: () => Promise<Reply>;
  samples: number[];
  bytes: number;
  mismatches: number;
}

interface Reply {
  status: number;
  body: string;
  ms: number;
}

interface Summary {
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
  /** Replies whose status or size differed from the verified warm-up reply (should be 0). */
  unexpectedReplies: number;
}

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '200' },
  },
});
const requests = positiveInt(args.requests, '--requests');
const warmup = positiveInt(args.warmup, '--warmup');

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
/** Runs the cleanups once, last registered first, whatever fails along the way. */
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

async function main(): Promise<void> {
  const t0 = performance.now();
  log(`Node ${process.version}, ${cpus().length} CPU(s): ${cpus()[0]?.model ?? 'unknown'}`);

  const cluster = await startTestCluster();
  cleanups.push(() => cluster.stop());
  log(
    process.env.DATABASE_URL
      ? `PostgreSQL: DATABASE_URL (${redactUrl(cluster.adminUrl)})`
      : 'PostgreSQL: embedded',
  );

  const ownerUrl = await createDatabase(cluster.adminUrl, { prefix: 'sunshine_bench' });
  cleanups.push(() => dropDatabase(cluster.adminUrl, ownerUrl));
  const { appDatabaseUrl } = await provisionDatabase(ownerUrl, {});
  const scratch = await mkdtemp(path.join(tmpdir(), 'sunshine-bench-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));

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
  const admin = await findUser(ownerUrl, ADMIN);
  const { inserted, total, serverVersion } = await topUpPolicies(ownerUrl, admin, MIN_POLICIES);
  log(`demo county: ${demo.policies} policies; inserted ${inserted} more (total ${total}); ${serverVersion}`);

  const api = await startApi({
    ownerDatabaseUrl: ownerUrl,
    appDatabaseUrl: withCredentials(ownerUrl, APP_ROLE, DEFAULT_APP_PASSWORD),
    env: {},
    overrides: { port: 0, publicationsDir: path.join(scratch, 'publications'), residentIdHmacKey: HMAC_KEY },
    // Per-request logging would be part of what we measure; warnings and errors still show.
    logger: createLogger('warn'),
  });
  cleanups.push(() => api.close());

  const orm = apiOrm(api.services);
  const sqlServer = await startSqlServer(orm, admin);
  cleanups.push(() => closeServer(sqlServer.server));

  const cookie = await signInOverHttp(api.url, ADMIN, DEMO_PASSWORD);
  const graphqlBody = JSON.stringify({ query: POLICIES_QUERY, variables: { first: PAGE_SIZE } });
  const graphqlAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const sqlAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  cleanups.push(async () => {
    graphqlAgent.destroy();
    sqlAgent.destroy();
  });
  const graphql: Side = {
    name: 'GraphQL',
    send: () =>
      send(graphqlAgent, `${api.url}/graphql`, 'POST', graphqlBody, {
        'content-type': 'application/json',
        cookie,
      }),
    samples: [],
    bytes: 0,
    mismatches: 0,
  };
  const sql: Side = {
    name: 'SQL',
    send: () => send(sqlAgent, `${sqlServer.url}/policies`, 'GET'),
    samples: [],
    bytes: 0,
    mismatches: 0,
  };

  // Correctness first: both sides must list the same policies in the same order.
  const graphqlNodes = parseGraphQL(await graphql.send());
  const sqlNodes = parseSql(await sql.send());
  verifySamePage(graphqlNodes, sqlNodes);
  const fieldDiffs = compareFields(graphqlNodes, sqlNodes);
  log(
    `verified: both return the same ${PAGE_SIZE} ids in the same order` +
      (fieldDiffs.length === 0 ? '; every field equal' : `; field differences: ${fieldDiffs.join(', ')}`),
  );

  log(`warm-up: ${warmup} requests each, interleaved`);
  await interleave([graphql, sql], warmup, true);
  log(`measuring: ${requests} requests each, interleaved GraphQL/SQL, one at a time, keep-alive`);
  const measureStart = performance.now();
  await interleave([graphql, sql], requests, false);
  const measureSeconds = (performance.now() - measureStart) / 1000;

  const rows = [summarize(graphql), summarize(sql)];
  const [g, s] = rows as [Summary, Summary];
  const ratios = { p50: g.p50Ms / s.p50Ms, p99: g.p99Ms / s.p99Ms, mean: g.meanMs / s.meanMs };
  printTable(rows, ratios);
  for (const row of rows) {
    if (row.unexpectedReplies > 0)
      log(`warning: ${row.name} had ${row.unexpectedReplies} unexpected replies`);
  }

  const date = new Date().toISOString().slice(0, 10);
  const resultsDir = path.join(BENCH_DIR, 'results');
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `policies-list-${date}.json`);
  const result = {
    benchmark: 'policies-list',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    postgres: { server: serverVersion, source: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded' },
    setup: {
      pageSize: PAGE_SIZE,
      policiesInDatabase: total,
      requestsPerSide: requests,
      warmupPerSide: warmup,
      concurrency: 1,
      order: 'interleaved GraphQL, SQL, GraphQL, SQL, ...',
      fieldDifferences: fieldDiffs,
      measuredSeconds: round(measureSeconds),
    },
    results: rows,
    ratiosGraphQLOverSql: { p50: round(ratios.p50), p99: round(ratios.p99), mean: round(ratios.mean) },
  };
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(REPO_ROOT, file)} (total run ${round((performance.now() - t0) / 1000)} s)`);
}

/** The API's own MikroORM instance (and so its pool), which the API does not export. */
function apiOrm(services: object): MikroORM {
  // PolicyService keeps the ORM in a TypeScript-private field, which is a plain property at run
  // time. Sharing it means both sides draw connections from one pool with one configuration.
  const orm = (services as { policies?: { orm?: MikroORM } }).policies?.orm;
  if (!orm?.em) throw new Error('services.policies.orm is gone: update bench/run.ts to reach the API pool');
  return orm;
}

/**
 * A tiny HTTP server in this process for the SQL side: one query, through the API's pool, in the
 * same kind of scoped transaction the API opens (withScope), so both sides pay for row-level
 * security. Scope comes from the admin resolved once at start: it has no session to look up.
 */
async function startSqlServer(orm: MikroORM, user: SessionUser): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/policies') {
      res.writeHead(404).end();
      return;
    }
    withScope(orm, user, (em) => em.execute(POLICIES_SQL, [PAGE_SIZE]))
      .then((rows) => {
        const body = String((rows as { body: string }[])[0]?.body ?? '[]');
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      })
      .catch((error: unknown) => {
        console.error('SQL endpoint failed:', error);
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** One request over the side's keep-alive agent, timed from the call to the last byte of the body. */
function send(
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

/**
 * A, B, A, B, ...: whatever drifts during the run (GC, caches, the other tenant of the machine)
 * lands on both sides alike. Each reply must match the verified one's status and size; a mismatch
 * is counted, not thrown, so a run always finishes with its figures.
 */
async function interleave(sides: Side[], count: number, isWarmup: boolean): Promise<void> {
  for (let i = 0; i < count; i++) {
    for (const side of sides) {
      const reply = await side.send();
      if (isWarmup) {
        if (reply.status !== 200)
          throw new Error(`${side.name} warm-up answered ${reply.status}: ${reply.body}`);
        side.bytes ||= Buffer.byteLength(reply.body);
        continue;
      }
      side.samples.push(reply.ms);
      if (reply.status !== 200 || Buffer.byteLength(reply.body) !== side.bytes) side.mismatches++;
    }
  }
}

function summarize(side: Side): Summary {
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

function printTable(rows: Summary[], ratios: { p50: number; p99: number; mean: number }): void {
  const header = [
    'side',
    'requests',
    'p50 ms',
    'p99 ms',
    'mean ms',
    'min ms',
    'max ms',
    'req/s (serial)',
    'bytes',
  ];
  const lines = rows.map((r) => [
    r.name,
    String(r.requests),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    r.meanMs.toFixed(2),
    r.minMs.toFixed(2),
    r.maxMs.toFixed(2),
    r.serialThroughputRps.toFixed(0),
    String(r.responseBytes),
  ]);
  lines.push([
    'GraphQL/SQL',
    '',
    `${ratios.p50.toFixed(2)}x`,
    `${ratios.p99.toFixed(2)}x`,
    `${ratios.mean.toFixed(2)}x`,
    '',
    '',
    '',
    '',
  ]);
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

function parseGraphQL(reply: Reply): PolicyNode[] {
  const parsed = JSON.parse(reply.body) as {
    data?: { policies?: { edges: { node: PolicyNode }[] } };
    errors?: unknown[];
  };
  if (reply.status !== 200 || parsed.errors || !parsed.data?.policies) {
    throw new Error(`GraphQL answered ${reply.status}: ${reply.body.slice(0, 500)}`);
  }
  return parsed.data.policies.edges.map((edge) => edge.node);
}

function parseSql(reply: Reply): PolicyNode[] {
  if (reply.status !== 200) throw new Error(`SQL endpoint answered ${reply.status}`);
  return JSON.parse(reply.body) as PolicyNode[];
}

function verifySamePage(graphqlNodes: PolicyNode[], sqlNodes: PolicyNode[]): void {
  const a = graphqlNodes.map((node) => node.id);
  const b = sqlNodes.map((node) => node.id);
  if (a.length !== PAGE_SIZE || b.length !== PAGE_SIZE || a.some((id, i) => id !== b[i])) {
    throw new Error(
      `the two sides disagree (GraphQL ${a.length} ids, SQL ${b.length} ids);\n` +
        `GraphQL: ${a.slice(0, 5).join(', ')}...\nSQL:     ${b.slice(0, 5).join(', ')}...`,
    );
  }
}

/** Names of the fields whose values differ between the sides: informative, not fatal. */
function compareFields(graphqlNodes: PolicyNode[], sqlNodes: PolicyNode[]): string[] {
  const differing = new Set<string>();
  graphqlNodes.forEach((node, i) => {
    const other = sqlNodes[i] ?? { id: '' };
    for (const key of new Set([...Object.keys(node), ...Object.keys(other)])) {
      if (JSON.stringify(node[key]) !== JSON.stringify(other[key])) differing.add(key);
    }
  });
  return [...differing];
}

async function findUser(ownerUrl: string, username: string): Promise<SessionUser> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
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
  } finally {
    await client.end();
  }
}

/**
 * The demo county has about 30 policies: too few for a 50-row page. Adds published copies of them
 * (new titles, distinct 文号 numbered from 1001, issue dates spread over 2020–2024 so they mix with
 * the demo's in the sort) until there are `minimum`, authored by the admin.
 */
async function topUpPolicies(
  ownerUrl: string,
  admin: SessionUser,
  minimum: number,
): Promise<{ inserted: number; total: number; serverVersion: string }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    // policy has FORCE ROW LEVEL SECURITY: an owner that is not a superuser (DATABASE_URL) is
    // held to it, so the insert runs with the admin's scope, as the API would.
    await client.query(
      `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
              set_config('app.scope_path', $3, true)`,
      [admin.id, admin.role, admin.regionPath],
    );
    const count = async () =>
      (await client.query<{ n: number }>('select count(*)::int as n from policy')).rows[0]?.n ?? 0;
    const before = await count();
    const missing = Math.max(0, minimum - before);
    if (missing > 0) {
      const { rows: templates } = await client.query<{
        region_id: string;
        title: string;
        document_number: string;
        issuing_body: string;
        category: string;
        body_markdown: string;
      }>(
        `select region_id, title, document_number, issuing_body, category, body_markdown
           from policy order by document_number, id`,
      );
      if (templates.length === 0) throw new Error('the demo county has no policy to copy');
      const rows = Array.from({ length: missing }, (_, i) => {
        const template = templates[i % templates.length]!;
        const issueDate = new Date(Date.UTC(2020, 0, 1) + ((i * 9) % 1826) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const prefix = template.document_number.split('〔')[0] || '青计协';
        return [
          template.region_id,
          `${template.title.slice(0, 180)}（补充${i + 1}）`,
          `${prefix}〔${issueDate.slice(0, 4)}〕${1001 + i}号`,
          template.issuing_body,
          template.category,
          issueDate,
          template.body_markdown,
          `${issueDate}T09:00:00+08:00`,
        ];
      });
      await client.query(
        `insert into policy (region_id, title, document_number, issuing_body, category, issue_date,
                             body_markdown, status, created_by, updated_by, published_at, created_at, updated_at)
         select region_id, title, num, body_org, category, issue_date, body, 'PUBLISHED', $9, $9,
                published_at, published_at, published_at
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[],
                       $8::timestamptz[])
                as t(region_id, title, num, body_org, category, issue_date, body, published_at)`,
        [...columns(rows, 8), admin.id],
      );
    }
    const total = await count();
    await client.query('commit');
    // Fresh statistics, so neither side runs on a plan made for a 30-row table.
    await client.query('analyze policy');
    const serverVersion =
      (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?';
    return { inserted: total - before, total, serverVersion: `PostgreSQL ${serverVersion}` };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Row-major rows to the column arrays `unnest` takes. */
function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}

function positiveInt(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${value}`);
  return n;
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function log(line: string): void {
  console.log(`[bench] ${line}`);
}
