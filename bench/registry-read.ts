/**
 * Side-by-side benchmark of the registry's nested read (issue 3, benchmark a): a village's page
 * (its association and first 100 members with their persons and contact households) and a
 * township's heavy page (the same for every village under it, thousands of rows), each through
 * GraphQL and through one hand-written SQL statement (json_agg) answering the same JSON, both over
 * HTTP on the same API server, both as the app role under row-level security. Latency one request
 * at a time, interleaved; then saturated throughput with concurrent clients. See bench/README.md.
 *
 * Run from the repository root: `node bench/registry-read.ts [--requests N] [--warmup N]
 * [--township-requests N] [--clients N] [--seconds N]` (or `npm run bench:registry-read`).
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { SessionUser } from '../services/api/src/modules/identity/session-user.ts';
import { signInOverHttp } from '../services/api/test/sign-in-over-http.ts';
import {
  acceptReply,
  analyze,
  DEMO_PASSWORD,
  findUser,
  httpSide,
  interleave,
  log,
  mountSqlRoute,
  positiveInt,
  printLatencyTable,
  printTable,
  type Reply,
  round,
  runBenchmark,
  type Saturation,
  type Side,
  type Summary,
  saturate,
  startBenchApi,
  startBenchDatabase,
  summarize,
  warnUnexpected,
  withOwner,
  writeResults,
} from './bench-kit.ts';

/** Members per association page, as a roster screen asks (the API's maximum). */
const PAGE_SIZE = 100;
/** The township page spans this many villages (the township whose count is nearest). */
const TARGET_VILLAGES = 25;

/**
 * What a roster shows of an association, its members, their persons and contact households. Written
 * inline rather than as a fragment: graphql-armor counts a fragment spread as a level, and the
 * township page is already at the depth limit (10).
 */
const ASSOCIATION_PAGE = `id code name kind standing memberCount
  members(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id role cardNumber duesPaidYear joinedOn active
        person { id name residentIdMasked sex birthDate phoneMasked }
        contactHouseholds { since household { id code planningStatus inDifficulty } }
      }
    }
  }`;

const VILLAGE_QUERY = `query VillagePage($code: String!, $first: Int!) {
  region(code: $code) { id code name level associations { ${ASSOCIATION_PAGE} } }
}`;

const TOWNSHIP_QUERY = `query TownshipPage($code: String!, $first: Int!) {
  region(code: $code) {
    id code name level
    children { id code name level associations { ${ASSOCIATION_PAGE} } }
  }
}`;

// ---- the SQL side: one statement per page ------------------------------------------------------

/**
 * One page in one statement, set-based rather than row by row: the regions holding associations
 * (the village itself, or the township's villages), their associations, all those associations'
 * members numbered by name then id (as MemberService.pagesOf sorts them; counts as window
 * aggregates), the first PAGE_SIZE of each with their contact households, then JSON assembled
 * upwards with the GraphQL document's field names and order. row_to_json over a subquery writes
 * compact JSON; the rows never become JavaScript objects: the route sends the text as it comes.
 *
 * The CTEs are materialized on purpose: row-level security predicates make the planner expect one
 * row everywhere, and an inlined aggregate on the inner side of a nested loop would then run once
 * per outer row (seconds instead of milliseconds on the township page).
 */
function pageSql(page: 'village' | 'township'): string {
  const holders =
    page === 'village'
      ? 'select id, code, name, level from top'
      : 'select r.id, r.code, r.name, r.level from region r join top on r.parent_id = top.id';
  const region =
    page === 'village'
      ? 'select h.id, h.code, h.name, h.level, h.associations from holder_json h'
      : `select top.id, top.code, top.name, top.level,
                coalesce((select json_agg((select row_to_json(v) from (select h.id, h.code, h.name, h.level,
                                             h.associations) v) order by h.code)
                            from holder_json h), '[]') as children
           from top`;
  return `
  with top as (select r.id, r.code, r.name, r.level from region r where r.code = ?),
  holders as (${holders}),
  assoc as (
    select a.id, a.code, a.name, a.kind, a.standing, a.region_id from association a join holders h on h.id = a.region_id
  ),
  ranked as (
    select m.id, m.association_id, m.role, m.card_number, m.dues_paid_year, m.joined_on::text as joined_on,
           (m.left_on is null or m.left_on > ${TODAY}) as active,
           p.id as person_id, p.name, p.resident_id, p.sex, p.birth_date::text as birth_date, p.phone,
           coalesce(p.name, '') as sort_name,
           row_number() over w as rn,
           count(*) over (partition by m.association_id) as total,
           count(*) filter (where m.left_on is null or m.left_on > ${TODAY}) over (partition by m.association_id)
             as active_total
      from member m join assoc a on a.id = m.association_id left join person p on p.id = m.person_id
    window w as (partition by m.association_id order by coalesce(p.name, ''), m.id)
  ),
  page as materialized (select * from ranked where rn <= ${PAGE_SIZE}),
  paged as materialized (
    select page.association_id, page.rn, page.sort_name, page.id, page.role, page.card_number, page.dues_paid_year,
           page.joined_on, page.active, page.person_id, page.name, page.resident_id, page.sex, page.birth_date,
           page.phone, page.total, page.active_total,
           coalesce(json_agg((select row_to_json(o) from (
                                select c.since::text as since,
                                       (select row_to_json(hh) from (select h.id, h.code, h.planning_status as "planningStatus",
                                                                           h.in_difficulty as "inDifficulty") hh
                                         where h.id is not null) as household) o)
                             order by h.code nulls last, c.household_id) filter (where c.member_id is not null),
                    '[]') as contacts
      from page left join contact_household c on c.member_id = page.id left join household h on h.id = c.household_id
     group by page.association_id, page.rn, page.sort_name, page.id, page.role, page.card_number, page.dues_paid_year,
              page.joined_on, page.active, page.person_id, page.name, page.resident_id, page.sex, page.birth_date,
              page.phone, page.total, page.active_total
  ),
  member_pages as materialized (
    select p.association_id,
           json_agg((select row_to_json(e) from (select (select row_to_json(x) from (
                       select p.id, p.role, p.card_number as "cardNumber", p.dues_paid_year as "duesPaidYear",
                              p.joined_on as "joinedOn", p.active,
                              (select row_to_json(pp) from (
                                 select p.person_id as id, p.name,
                                        left(p.resident_id, 4) || repeat('*', length(p.resident_id) - 8)
                                          || right(p.resident_id, 4) as "residentIdMasked",
                                        p.sex, p.birth_date as "birthDate",
                                        left(p.phone, 3) || '****' || right(p.phone, 4) as "phoneMasked") pp
                                where p.person_id is not null) as person,
                              p.contacts as "contactHouseholds") x) as node) e)
                    order by p.rn) as edges,
           -- The same cursor as relay-cursor.ts's encodeCursor: base64url of the JSON [sort value, id].
           (array_agg(translate(rtrim(replace(encode(convert_to(
              to_json(array[p.sort_name, p.id::text])::text, 'UTF8'), 'base64'), E'\\n', ''), '='), '+/', '-_')
              order by p.rn desc))[1] as end_cursor,
           max(p.total) as total, max(p.active_total) as active_total
      from paged p
     group by p.association_id
  ),
  assoc_json as materialized (
    select a.region_id, a.name, a.id,
           (select row_to_json(aj) from (
              select a.id, a.code, a.name, a.kind, a.standing, coalesce(mp.active_total, 0)::int as "memberCount",
                     (select row_to_json(c) from (
                        select coalesce(mp.total, 0)::int as "totalCount",
                               (select row_to_json(i) from (select coalesce(mp.total, 0) > ${PAGE_SIZE} as "hasNextPage",
                                                                  mp.end_cursor as "endCursor") i) as "pageInfo",
                               coalesce(mp.edges, '[]') as edges) c) as members) aj) as doc
      from assoc a left join member_pages mp on mp.association_id = a.id
  ),
  holder_json as materialized (
    select h.id, h.code, h.name, h.level,
           coalesce(json_agg(aj.doc order by aj.name, aj.id) filter (where aj.id is not null), '[]') as associations
      from holders h left join assoc_json aj on aj.region_id = h.id
     group by h.id, h.code, h.name, h.level
  )
  select json_build_object('data', json_build_object('region', (select row_to_json(t) from (${region}) t)))::text
         as body`;
}

/** Today in China (UTC+8), as MemberService decides whether a member is still active. */
const TODAY = `(now() at time zone 'Asia/Shanghai')::date`;
const VILLAGE_SQL = pageSql('village');
const TOWNSHIP_SQL = pageSql('township');

// ---- run -----------------------------------------------------------------------------------------

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    'township-requests': { type: 'string', default: '200' },
    warmup: { type: 'string', default: '100' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '8' },
  },
});
const settings = {
  villageRequests: positiveInt(args.requests, '--requests'),
  townshipRequests: positiveInt(args['township-requests'], '--township-requests'),
  warmup: positiveInt(args.warmup, '--warmup'),
  clients: positiveInt(args.clients, '--clients'),
  seconds: positiveInt(args.seconds, '--seconds'),
};

interface PageResult {
  page: string;
  regionCode: string;
  signedInAs: string;
  rows: { villages: number; associations: number; members: number; contactHouseholds: number };
  latency: Summary[];
  saturated: Saturation[];
  ratios: { p50: number; p99: number; mean: number; serialThroughput: number; saturatedThroughput: number };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const db = await startBenchDatabase('sunshine_bench_registry');
  const chosen = await choosePages(db.ownerUrl);
  log(
    `demo county: township ${chosen.townshipCode} with ${chosen.villages} villages, ` +
      `${chosen.members} members, ${chosen.contacts} contact households; ${db.serverVersion}`,
  );
  const townshipAdmin = await findUser(db.ownerUrl, chosen.townshipAdmin);
  const clerk = await findUser(db.ownerUrl, chosen.clerk);
  const api = await startBenchApi(db, (app, orm) => {
    mountSqlRoute(app, orm, {
      path: '/bench/village',
      user: clerk,
      sql: VILLAGE_SQL,
      params: [chosen.villageCode],
    });
    mountSqlRoute(app, orm, {
      path: '/bench/township',
      user: townshipAdmin,
      sql: TOWNSHIP_SQL,
      params: [chosen.townshipCode],
    });
  });

  const pages = [
    {
      page: 'village',
      user: clerk,
      query: VILLAGE_QUERY,
      code: chosen.villageCode,
      requests: settings.villageRequests,
    },
    {
      page: 'township',
      user: townshipAdmin,
      query: TOWNSHIP_QUERY,
      code: chosen.townshipCode,
      requests: settings.townshipRequests,
    },
  ];
  const results: PageResult[] = [];
  for (const page of pages) {
    const cookie = await signInOverHttp(api.url, page.user.username, DEMO_PASSWORD);
    const graphql = httpSide('GraphQL', `${api.url}/graphql`, {
      method: 'POST',
      body: JSON.stringify({ query: page.query, variables: { code: page.code, first: PAGE_SIZE } }),
      headers: { 'content-type': 'application/json', cookie },
      sockets: settings.clients,
    });
    const sql = httpSide('SQL', `${api.url}/bench/${page.page}`, { sockets: settings.clients });
    results.push(await measurePage(page.page, page.code, page.user, graphql, sql, page.requests));
  }

  printTable(
    [
      'page',
      'p50 GraphQL',
      'p50 SQL',
      'p50 x',
      'p99 GraphQL',
      'p99 SQL',
      'p99 x',
      'sat. req/s GraphQL',
      'sat. req/s SQL',
      'sat. x',
    ],
    results.map((r) => {
      const [g, s] = r.latency as [Summary, Summary];
      const [gs, ss] = r.saturated as [Saturation, Saturation];
      return [
        r.page,
        g.p50Ms.toFixed(2),
        s.p50Ms.toFixed(2),
        `${r.ratios.p50.toFixed(2)}x`,
        g.p99Ms.toFixed(2),
        s.p99Ms.toFixed(2),
        `${r.ratios.p99.toFixed(2)}x`,
        gs.throughputRps.toFixed(0),
        ss.throughputRps.toFixed(0),
        `${r.ratios.saturatedThroughput.toFixed(2)}x`,
      ];
    }),
  );
  log('x = GraphQL/SQL: latency ratio; for throughput, SQL req/s over GraphQL req/s (time per request)');

  const file = await writeResults('registry-read', db.serverVersion, {
    setup: {
      pageSize: PAGE_SIZE,
      regions: chosen,
      requestsPerSide: { village: settings.villageRequests, township: settings.townshipRequests },
      warmupPerSide: settings.warmup,
      order: 'interleaved GraphQL, SQL, GraphQL, SQL, ... one at a time; then saturated, A B B A slices',
      saturation: { clients: settings.clients, secondsPerSide: settings.seconds },
    },
    pages: results,
  });
  log(`wrote ${file} (total run ${round((performance.now() - t0) / 1000)} s)`);
}

async function measurePage(
  page: string,
  code: string,
  user: SessionUser,
  graphql: Side,
  sql: Side,
  requests: number,
): Promise<PageResult> {
  log(`${page} page ${code} as ${user.username}`);
  // Correctness first: the same data, field for field.
  const graphqlReply = await graphql.send();
  const sqlReply = await sql.send();
  const graphqlData = parseGraphQL(graphqlReply);
  const sqlData = parseSql(sqlReply);
  const differences = differencesBetween(graphqlData, sqlData);
  if (differences.length > 0) {
    throw new Error(`the two sides disagree on the ${page} page:\n  ${differences.join('\n  ')}`);
  }
  acceptReply(graphql, graphqlReply);
  acceptReply(sql, sqlReply);
  const rows = countRows(graphqlData);
  log(
    `verified: identical data (${rows.villages} villages, ${rows.associations} associations, ` +
      `${rows.members} members, ${rows.contactHouseholds} contact households; ` +
      `${graphql.bytes} and ${sql.bytes} bytes)`,
  );

  log(`warm-up: ${settings.warmup} requests each, interleaved`);
  await interleave([graphql, sql], settings.warmup, true);
  log(`measuring: ${requests} requests each, interleaved GraphQL/SQL, one at a time, keep-alive`);
  await interleave([graphql, sql], requests, false);
  const latency = [summarize(graphql), summarize(sql)];
  const [g, s] = latency as [Summary, Summary];

  log(`saturating: ${settings.clients} clients, ${settings.seconds} s per side`);
  const saturated = await saturate([graphql, sql], {
    clients: settings.clients,
    seconds: settings.seconds,
    rounds: 4,
  });
  const [gs, ss] = saturated as [Saturation, Saturation];
  const ratios = {
    p50: round(g.p50Ms / s.p50Ms),
    p99: round(g.p99Ms / s.p99Ms),
    mean: round(g.meanMs / s.meanMs),
    serialThroughput: round(s.serialThroughputRps / g.serialThroughputRps),
    saturatedThroughput: round(ss.throughputRps / gs.throughputRps),
  };
  printLatencyTable(latency, ratios);
  printTable(
    ['side', 'clients', 'seconds', 'requests', 'req/s (saturated)', 'p50 ms', 'p99 ms'],
    saturated.map((r) => [
      r.name,
      String(r.clients),
      r.seconds.toFixed(1),
      String(r.requests),
      r.throughputRps.toFixed(1),
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
    ]),
  );
  warnUnexpected([...latency, ...saturated]);
  return { page, regionCode: code, signedInAs: user.username, rows, latency, saturated, ratios };
}

function parseGraphQL(reply: Reply): unknown {
  const parsed = JSON.parse(reply.body) as { data?: unknown; errors?: unknown[] };
  if (reply.status !== 200 || parsed.errors || !parsed.data) {
    throw new Error(`GraphQL answered ${reply.status}: ${reply.body.slice(0, 1000)}`);
  }
  return parsed.data;
}

function parseSql(reply: Reply): unknown {
  if (reply.status !== 200) throw new Error(`SQL endpoint answered ${reply.status}`);
  return (JSON.parse(reply.body) as { data: unknown }).data;
}

/** Paths where the two values differ (at most 20), key order aside. */
function differencesBetween(a: unknown, b: unknown, at = '$', found: string[] = []): string[] {
  if (found.length >= 20 || isDeepStrictEqual(a, b)) return found;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) found.push(`${at}: ${a.length} items in GraphQL, ${b.length} in SQL`);
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      differencesBetween(a[i], b[i], `${at}[${i}]`, found);
  } else if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differencesBetween(a[key], b[key], `${at}.${key}`, found);
    }
  } else {
    found.push(`${at}: GraphQL ${JSON.stringify(a)?.slice(0, 80)}, SQL ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface AssociationData {
  members: { edges: { node: { contactHouseholds: unknown[] } }[] };
}
interface RegionData {
  associations?: AssociationData[];
  children?: RegionData[];
}

function countRows(data: unknown): PageResult['rows'] {
  const region = (data as { region: RegionData }).region;
  const villages = region.children ?? [region];
  const associations = villages.flatMap((village) => village.associations ?? []);
  const nodes = associations.flatMap((association) => association.members.edges.map((edge) => edge.node));
  return {
    villages: villages.length,
    associations: associations.length,
    members: nodes.length,
    contactHouseholds: nodes.reduce((sum, node) => sum + node.contactHouseholds.length, 0),
  };
}

// ---- the pages ----------------------------------------------------------------------------------

interface Pages {
  townshipCode: string;
  townshipAdmin: string;
  villageCode: string;
  clerk: string;
  villages: number;
  /** Members and contact households in the township, all pages included. */
  members: number;
  contacts: number;
}

/**
 * From the demo county: the township whose number of villages is nearest TARGET_VILLAGES (25 of
 * them with seed 2026), and in it the village with the most members, with their demo users (one
 * township admin per township, one clerk per village). Then fresh statistics.
 */
async function choosePages(ownerUrl: string): Promise<Pages> {
  const pages = await withOwner(ownerUrl, async (client) => {
    const { rows: townships } = await client.query<{ id: string; code: string; path: string }>(
      `select tw.id, tw.code, tw.path::text as path
         from region tw join region v on v.parent_id = tw.id and v.level = 'VILLAGE'
        where tw.level = 'TOWNSHIP'
        group by tw.id, tw.code
        order by abs(count(v.id) - $1), tw.code`,
      [TARGET_VILLAGES],
    );
    const township = townships[0];
    if (!township) throw new Error('the demo county has no township with villages');
    const { rows: villages } = await client.query<{ code: string }>(
      `select v.code from region v left join member m on m.region_id = v.id
        where v.parent_id = $1 and v.level = 'VILLAGE'
        group by v.code
        order by count(m.id) desc, v.code`,
      [township.id],
    );
    const { rows: counts } = await client.query<{ members: number; contacts: number }>(
      `select (select count(*) from member where region_path <@ $1::ltree)::int as members,
              (select count(*) from contact_household where region_path <@ $1::ltree)::int as contacts`,
      [township.path],
    );
    const village = villages[0];
    const { members = 0, contacts = 0 } = counts[0] ?? {};
    if (!village || members === 0) {
      throw new Error(`township ${township.code} has no members: the demo county predates the registry`);
    }
    return {
      townshipCode: township.code,
      townshipAdmin: `township.${township.code.slice(6, 9)}`,
      villageCode: village.code,
      clerk: `clerk.${village.code.slice(6, 9)}.${village.code.slice(9, 12)}`,
      villages: villages.length,
      members,
      contacts,
    };
  });
  await analyze(ownerUrl, ['region', 'association', 'member', 'person', 'contact_household', 'household']);
  return pages;
}

// Last: the constants above are initialised before main runs.
await runBenchmark(main);
