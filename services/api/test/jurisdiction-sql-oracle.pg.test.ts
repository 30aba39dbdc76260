import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOracleWorld, type OracleWorld } from './jurisdiction-oracle/oracle-fixture.ts';
import { expected, type Triple, tableOf } from './jurisdiction-oracle/oracle-rules.ts';
import {
  actAs,
  describeTriple,
  generateTriples,
  type Outcome,
  runTriple,
} from './jurisdiction-oracle/oracle-sql.ts';
import { cloneDatabase, type TestDatabase } from './test-api.ts';

/**
 * The randomized jurisdiction oracle, as raw SQL with the app role: 12,000 generated (admin, row,
 * operation) triples over every registry table, each compared with the region-path rule written
 * independently in oracle-rules.ts. Then every row-level policy is loosened to `true`, one at a
 * time, in this scratch database: each loosening must make some triple disagree, or the policy is
 * either redundant or untested.
 */
const TRIPLES = 12_000;
const SEED = 20261122;
const REGISTRY_TABLES = [
  'region',
  'association',
  'member_group',
  'person',
  'household',
  'household_sensitive_status',
  'person_duplicate_flag',
  'member',
  'contact_household',
  'activity',
  'project',
  'evaluation',
  'import_job',
];

let db: TestDatabase;
let owner: pg.Client;
let world: OracleWorld;
let triples: Triple[];
beforeAll(async () => {
  db = await cloneDatabase('demo');
  owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  world = await buildOracleWorld(owner);
  triples = generateTriples(world, TRIPLES, SEED);
});
afterAll(async () => {
  await owner?.end();
  await db?.drop();
});

interface Verdict {
  mismatches: string[];
  invalid: string[];
  outcomes: Map<string, Set<string>>;
}

/** Runs the triples in one transaction (rolled back), admin by admin, on a client already acting as the app role. */
async function judge(client: pg.ClientBase, selected: Triple[]): Promise<Verdict> {
  const verdict: Verdict = { mismatches: [], invalid: [], outcomes: new Map() };
  const byAdmin = new Map<string, Triple[]>();
  for (const triple of selected) {
    const group = byAdmin.get(triple.admin.username) ?? [];
    group.push(triple);
    byAdmin.set(triple.admin.username, group);
  }
  for (const group of byAdmin.values()) {
    await actAs(client, group[0]?.admin as Triple['admin']);
    for (const triple of group) {
      const outcome: Outcome = await runTriple(client, triple);
      if (typeof outcome === 'object') {
        verdict.invalid.push(`${describeTriple(triple)}: ${outcome.invalid}`);
        continue;
      }
      const kind = `${tableOf(triple)} ${triple.operation}`;
      verdict.outcomes.set(kind, (verdict.outcomes.get(kind) ?? new Set()).add(outcome));
      if ((outcome === 'allowed') !== expected(triple)) {
        verdict.mismatches.push(
          `${describeTriple(triple)}: ${outcome}, rule says ${expected(triple) ? 'allowed' : 'refused'}`,
        );
      }
    }
  }
  return verdict;
}

describe('the jurisdiction oracle, as raw SQL with the app role', () => {
  it(`agrees with the region-path rule on ${TRIPLES.toLocaleString('en')} generated triples`, async () => {
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await app.query('begin');
      const verdict = await judge(app, triples);
      await app.query('rollback');
      expect(verdict.invalid.slice(0, 5)).toEqual([]);
      expect(verdict.mismatches.slice(0, 10)).toEqual([]);
      // Not vacuous: every table is read and changed both successfully and in vain.
      for (const table of REGISTRY_TABLES.filter((t) => t !== 'region')) {
        for (const operation of ['read', 'update', 'insert']) {
          const seen = verdict.outcomes.get(`${table} ${operation}`);
          if (table === 'evaluation' && operation === 'update') expect(seen).toEqual(new Set(['refused']));
          else if (table === 'person_duplicate_flag' && operation === 'insert')
            expect(seen).toEqual(new Set(['refused']));
          else
            expect({ table, operation, seen }).toEqual({
              table,
              operation,
              seen: new Set(['allowed', 'refused']),
            });
        }
      }
    } finally {
      await app.end();
    }
  });

  it('catches every row-level policy loosened to true', async () => {
    const policies = (
      await owner.query<{
        tablename: string;
        policyname: string;
        qual: string | null;
        with_check: string | null;
      }>(
        `select tablename, policyname, qual, with_check from pg_policies
          where schemaname = 'public' and tablename = any ($1) order by tablename, policyname`,
        [REGISTRY_TABLES],
      )
    ).rows;
    expect(policies.length).toBeGreaterThan(25);
    const undetected: string[] = [];
    for (const policy of policies) {
      const loosen = [
        policy.qual === null ? '' : 'using (true)',
        policy.with_check === null ? '' : 'with check (true)',
      ].join(' ');
      await owner.query('begin');
      try {
        await owner.query(`alter policy ${policy.policyname} on ${policy.tablename} ${loosen}`);
        await owner.query('set local role sunshine_app');
        const verdict = await judge(
          owner,
          triples.filter((triple) => tableOf(triple) === policy.tablename || policy.tablename === 'region'),
        );
        expect(verdict.invalid.slice(0, 5)).toEqual([]);
        if (verdict.mismatches.length === 0) undetected.push(`${policy.tablename}.${policy.policyname}`);
      } finally {
        await owner.query('rollback');
      }
    }
    expect(undetected).toEqual([]);
  });
});
