import { APP_ROLE } from '@sunshine/devdb/database-urls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';

/**
 * The "no N+1" rule: township → villages → associations → members → contact households →
 * household costs the same number of SQL statements whatever the page size.
 *
 * Statements are counted where they leave for PostgreSQL: every query the `pg` driver sends on a
 * connection of the app role (the API's only role; the test's own owner connections are left out).
 * MikroORM formats parameters into the text, so one driver query is one statement on the server.
 */
const sent: string[] = [];
let counting = false;
const driverQuery = pg.Client.prototype.query;

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  return String((query as { text?: string } | null)?.text ?? '');
}

function countingQuery(this: pg.Client, ...args: unknown[]): unknown {
  if (counting && (this as pg.Client & { user?: string }).user === APP_ROLE) sent.push(textOf(args[0]));
  return (driverQuery as (...a: unknown[]) => unknown).apply(this, args);
}

/** What a read costs: every statement, and those that are not transaction bookkeeping. */
async function statementsFor<T>(
  run: () => Promise<T>,
): Promise<{ result: T; all: string[]; reads: string[] }> {
  sent.length = 0;
  counting = true;
  try {
    const result = await run();
    const all = [...sent];
    // A read may carry its scope in the same message (scoped-read.ts): it counts as a read.
    const reads = all
      .map((sql) => sql.replace(/^\s*select set_config\([^;]*;\s*/i, ''))
      .filter(
        (sql) =>
          sql !== '' &&
          !/^\s*(begin|commit|rollback|start transaction|savepoint|release)\b/i.test(sql) &&
          !/set_config\(/.test(sql),
      );
    return { result, all, reads };
  } finally {
    counting = false;
  }
}

const NESTED = `query($code: String!, $n: Int!) {
  region(code: $code) {
    code name
    children {
      code name
      associations {
        code name memberCount
        members(first: $n) {
          totalCount
          pageInfo { hasNextPage }
          edges { node { id role cardNumber person { name } contactHouseholds { since household { code } } } }
        }
      }
    }
  }
}`;

interface Nested {
  region: {
    code: string;
    children: {
      code: string;
      associations: {
        code: string;
        memberCount: number;
        members: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean };
          edges: {
            node: {
              person: { name: string } | null;
              contactHouseholds: { since: string | null; household: { code: string } | null }[];
            };
          }[];
        };
      }[];
    }[];
  };
}

let t: TestApi;
let townshipCode: string;
let townshipAdmin: string;
/** The members of each association this file adds, by association code, counted by the owner. */
let fixtureMembers: Map<string, number>;

beforeAll(async () => {
  t = await startTestApi();
  // The township with a login of its own and the fewest villages (at least two), to keep the set-up
  // short: each of its villages gets an association below, next to the demo county's own.
  const [township] = await t.ownerSql<{ id: string; code: string }>(
    `select tw.id, tw.code
       from region tw
       cross join lateral (select count(*)::int as n from region v
                            where v.parent_id = tw.id and v.level = 'VILLAGE') villages
      where tw.level = 'TOWNSHIP' and villages.n >= 2
        and exists (select from app_user u where u.username = 'township.' || substr(tw.code, 7, 3))
      order by villages.n, tw.code limit 1`,
  );
  if (!township) throw new Error('the demo county has no township');
  townshipCode = township.code;
  // Fixtures as the owner, in bulk: every village of the township gets an association whose members
  // are 150 of the township's people (more than a page of 100), each in contact with two households
  // of the village.
  await t.ownerSql(
    `insert into association (region_id, code, name, level, kind)
     select v.id, v.code || '-NR1', left(v.name, 80) || '计生协会', 'VILLAGE', 'VILLAGE'
       from region v where v.parent_id = $1 and v.level = 'VILLAGE'`,
    [township.id],
  );
  await t.ownerSql(
    `insert into member (association_id, region_id, person_id, role, card_number, joined_on)
     select a.id, a.region_id, p.id, 'MEMBER', 'NR-' || substr(a.code, 10, 3) || '-' || row_number() over (), date '2020-01-01'
       from association a join region v on v.id = a.region_id
       cross join (select p.id from person p
                    where p.region_path <@ (select path from region where id = $1)
                    order by p.id limit 150) p
      where v.parent_id = $1 and a.code like '%-NR1'`,
    [township.id],
  );
  await t.ownerSql(
    `insert into household (region_id, code)
     select v.id, v.code || '-' || g from region v, generate_series(8801, 8802) g
      where v.parent_id = $1 and v.level = 'VILLAGE'`,
    [township.id],
  );
  await t.ownerSql(
    `insert into contact_household (member_id, household_id, region_id, since)
     select m.id, h.id, m.region_id, date '2021-06-01'
       from member m join association a on a.id = m.association_id and a.code like '%-NR1'
       join household h on h.region_id = m.region_id and h.code ~ '-88\\d\\d$'`,
  );
  // The demo county's own associations are in the township too, with their members: the assertions
  // on content look at this file's associations only (the statement counts cover the whole read).
  const counts = await t.ownerSql<{ code: string; n: number }>(
    `select a.code, count(m.id)::int as n
       from association a join region v on v.id = a.region_id left join member m on m.association_id = a.id
      where v.parent_id = $1 and a.code like '%-NR1'
      group by a.code`,
    [township.id],
  );
  fixtureMembers = new Map(counts.map((row) => [row.code, row.n]));
  townshipAdmin = await t.signIn(`township.${townshipCode.slice(6, 9)}`);
  pg.Client.prototype.query = countingQuery as typeof pg.Client.prototype.query;
});
afterAll(async () => {
  pg.Client.prototype.query = driverQuery;
  await t?.close();
});

describe('nested read', () => {
  it('costs the same bounded number of SQL statements for a page of 5 and a page of 100', async () => {
    const read = (n: number) =>
      statementsFor(() => t.graphql<Nested>(NESTED, { code: townshipCode, n }, townshipAdmin));
    // Warm up once (the first request of a process compiles the query and opens connections).
    await read(5);
    const small = await read(5);
    const large = await read(100);
    for (const { result } of [small, large]) expect(result.errors).toBeUndefined();

    const ownAssociations = (result: Nested | null | undefined) =>
      (result?.region.children ?? [])
        .flatMap((village) => village.associations)
        .filter((association) => fixtureMembers.has(association.code));
    const associations = ownAssociations(large.result.data);
    expect(associations.length).toBeGreaterThanOrEqual(2);
    expect(associations).toHaveLength(fixtureMembers.size);
    let rows = 0;
    for (const association of associations) {
      const members = fixtureMembers.get(association.code)!;
      expect(members).toBeGreaterThan(100);
      expect(association.members.totalCount).toBe(members);
      expect(association.memberCount).toBe(members);
      expect(association.members.edges).toHaveLength(100);
      expect(association.members.pageInfo.hasNextPage).toBe(true);
      rows += association.members.edges.length;
      for (const { node } of association.members.edges) {
        expect(node.person?.name).toBeTruthy();
        expect(node.contactHouseholds).toHaveLength(2);
        expect(node.contactHouseholds[0]?.household?.code).toMatch(/^\d{12}-88\d\d$/);
      }
    }
    const smallAssociations = ownAssociations(small.result.data);
    expect(smallAssociations).toHaveLength(fixtureMembers.size);
    for (const association of smallAssociations) {
      expect(association.members.edges).toHaveLength(5);
    }
    expect(rows).toBeGreaterThan(100);
    // Members on the page of 100, the demo's associations included: far more than the small page.
    const pageRows = (large.result.data?.region.children ?? [])
      .flatMap((village) => village.associations)
      .reduce((sum, association) => sum + association.members.edges.length, 0);
    expect(pageRows).toBeGreaterThan(1000);

    // The counter saw the API's statements, and the page size changes none of them.
    expect(small.reads.length).toBeGreaterThan(0);
    expect(large.all.length).toBe(small.all.length);
    expect(large.reads.length).toBe(small.reads.length);
    // Session, region, villages, associations, member counts, members, contact households: one
    // statement each (plus each batch's begin, scope and commit).
    expect(large.reads.length, large.reads.join('\n---\n')).toBeLessThanOrEqual(8);
    expect(large.all.length, large.all.join('\n---\n')).toBeLessThanOrEqual(8 + 3 * 7);
  });
});
