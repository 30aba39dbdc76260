/**
 * Side-by-side benchmark: the admin `policies(first: 50)` GraphQL query against one hand-written SQL
 * query returning the same 50 policies as JSON, both over HTTP from this process, both as the app
 * role under row-level security. See bench/README.md for what the figures mean.
 *
 * Run from the repository root: `node bench/run.ts [--requests N] [--warmup N]` (or `npm run bench`).
 */
import { parseArgs } from 'node:util';
import type { SessionUser } from '../services/api/src/modules/identity/session-user.ts';
import { signInOverHttp } from '../services/api/test/sign-in-over-http.ts';
import {
  acceptReply,
  analyze,
  columns,
  DEMO_PASSWORD,
  findUser,
  httpSide,
  interleave,
  log,
  mountSqlRoute,
  ownerTransaction,
  positiveInt,
  printLatencyTable,
  type Reply,
  round,
  runBenchmark,
  type Summary,
  startBenchApi,
  startBenchDatabase,
  summarize,
  warnUnexpected,
  writeResults,
} from './bench-kit.ts';

const PAGE_SIZE = 50;
const MIN_POLICIES = 200;
const ADMIN = 'county.admin';

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

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '200' },
  },
});
const requests = positiveInt(args.requests, '--requests');
const warmup = positiveInt(args.warmup, '--warmup');

await runBenchmark(main);

async function main(): Promise<void> {
  const t0 = performance.now();
  const db = await startBenchDatabase('sunshine_bench');
  const admin = await findUser(db.ownerUrl, ADMIN);
  const { inserted, total } = await topUpPolicies(db.ownerUrl, admin, MIN_POLICIES);
  log(
    `demo county: ${db.demo.policies} policies; inserted ${inserted} more (total ${total}); ${db.serverVersion}`,
  );

  const api = await startBenchApi(db, (app, orm) =>
    mountSqlRoute(app, orm, { path: '/bench/policies', user: admin, sql: POLICIES_SQL, params: [PAGE_SIZE] }),
  );
  const cookie = await signInOverHttp(api.url, ADMIN, DEMO_PASSWORD);
  const graphql = httpSide('GraphQL', `${api.url}/graphql`, {
    method: 'POST',
    body: JSON.stringify({ query: POLICIES_QUERY, variables: { first: PAGE_SIZE } }),
    headers: { 'content-type': 'application/json', cookie },
  });
  const sql = httpSide('SQL', `${api.url}/bench/policies`);

  // Correctness first: both sides must list the same policies in the same order.
  const graphqlReply = await graphql.send();
  const sqlReply = await sql.send();
  const graphqlNodes = parseGraphQL(graphqlReply);
  const sqlNodes = parseSql(sqlReply);
  acceptReply(graphql, graphqlReply);
  acceptReply(sql, sqlReply);
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
  printLatencyTable(rows, ratios);
  warnUnexpected(rows);

  const file = await writeResults('policies-list', db.serverVersion, {
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
  });
  log(`wrote ${file} (total run ${round((performance.now() - t0) / 1000)} s)`);
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

/**
 * The demo county has about 30 policies: too few for a 50-row page. Adds published copies of them
 * (new titles, distinct 文号 numbered from 1001, issue dates spread over 2020–2024 so they mix with
 * the demo's in the sort) until there are `minimum`, authored by the admin.
 */
async function topUpPolicies(
  ownerUrl: string,
  admin: SessionUser,
  minimum: number,
): Promise<{ inserted: number; total: number }> {
  const result = await ownerTransaction(ownerUrl, admin, async (client) => {
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
    return { inserted: total - before, total };
  });
  // Fresh statistics, so neither side runs on a plan made for a 30-row table.
  await analyze(ownerUrl, ['policy']);
  return result;
}
