import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_HMAC_KEY } from '../../../test/global-setup.ts';
import { cloneDatabase, type TestDatabase } from '../../../test/test-api.ts';
import { residentIdHmac } from '../persons/resident-id-hmac.ts';
import { generateDemoCounty } from './demo-county.ts';
import { loadDemoCounty } from './load-demo-county.ts';

// The template every test file clones was loaded by test/global-setup.ts with seed 2026 at county
// scale; the generator is pure, so the same call here says what the database must hold.
const demo = generateDemoCounty({ seed: 2026, scale: 'county' });
const [part] = demo.parts();
const registry = part!.registry();

let db: TestDatabase;
let owner: pg.Client;

beforeAll(async () => {
  db = await cloneDatabase('demo');
  owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
});

afterAll(async () => {
  await owner?.end();
  await db?.drop();
});

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  return (await owner.query(sql, params)).rows[0] as T;
}

describe('loadDemoCounty at county scale', () => {
  it('holds every generated row: 140,000 persons, about 49,000 members, 53,000 contacts', async () => {
    const counts = await one<Record<string, number>>(`
      select (select count(*)::int from region) as regions,
             (select count(*)::int from app_user) as users,
             (select count(*)::int from policy) as policies,
             (select count(*)::int from household) as households,
             (select count(*)::int from household_sensitive_status) as "sensitiveHouseholds",
             (select count(*)::int from person) as persons,
             (select count(*)::int from association) as associations,
             (select count(*)::int from member_group) as "memberGroups",
             (select count(*)::int from member) as members,
             (select count(*)::int from contact_household) as "contactHouseholds",
             (select count(*)::int from activity) as activities,
             (select count(*)::int from project) as projects,
             (select count(*)::int from evaluation) as evaluations,
             (select count(*)::int from import_job) as "importJobs"`);
    expect(counts).toEqual({
      regions: part!.regions.length,
      users: part!.users.length,
      policies: part!.policies.length,
      households: registry.households.length,
      sensitiveHouseholds: registry.households.filter((h) => h.sensitive !== null).length,
      persons: registry.persons.length,
      associations: registry.associations.length,
      memberGroups: registry.associations.reduce((n, a) => n + a.groups.length, 0),
      members: registry.members.length,
      contactHouseholds: registry.members.reduce((n, m) => n + m.contacts.length, 0),
      activities: registry.activities.length,
      projects: registry.projects.length,
      evaluations: registry.evaluations.length,
      importJobs: registry.importJobs.length,
    });
    expect(counts.persons).toBe(140_000);
    expect(counts.members).toBeGreaterThan(45_000);
    expect(counts.contactHouseholds).toBeGreaterThan(50_000);
  });

  it('registers persons in their household’s village and keys their ID numbers with the configured HMAC', async () => {
    // Households are filed under a villager group (or the community); their people under the village.
    const misfiled = await one<{ n: number }>(
      `select count(*)::int as n from person p join household h on h.id = p.household_id
        where p.region_path <> subpath(h.region_path, 0, 3)`,
    );
    expect(misfiled.n).toBe(0);
    const sample = registry.persons[12_345]!;
    const stored = await one<{ hmac: Buffer; sex: string; birth: string }>(
      `select resident_id_hmac as hmac, sex, to_char(birth_date, 'YYYY-MM-DD') as birth
         from person where resident_id = $1`,
      [sample.residentId],
    );
    expect(stored.hmac.equals(residentIdHmac(TEST_HMAC_KEY, sample.residentId))).toBe(true);
    expect([stored.sex, stored.birth]).toEqual([sample.sex, sample.birthDate]);
  });

  it('files members under their association’s region and a village clerk sees only her village', async () => {
    const clerk = part!.users.find((u) => u.role === 'VILLAGE_CLERK')!;
    // The app role cannot read app_user: take the clerk's id and scope as the owner, as the API does.
    const scope = await one<{ id: string; path: string }>(
      `select u.id, r.path::text as path from app_user u join region r on r.id = u.region_id where u.username = $1`,
      [clerk.username],
    );
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await app.query('begin');
      await app.query(
        `select set_config('app.user_id', $1, true), set_config('app.user_role', 'VILLAGE_CLERK', true),
                set_config('app.scope_path', $2, true)`,
        [scope.id, scope.path],
      );
      const seen = (
        await app.query<{ persons: number; members: number }>(
          `select (select count(*)::int from person) as persons, (select count(*)::int from member) as members`,
        )
      ).rows[0]!;
      await app.query('rollback');
      const village = clerk.regionCode;
      expect(seen).toEqual({
        persons: registry.persons.filter((p) => p.householdCode.startsWith(village)).length,
        members: registry.members.filter((m) => m.associationCode.startsWith(village)).length,
      });
      expect(seen.persons).toBeGreaterThan(0);
    } finally {
      await app.end();
    }
  });

  it('flags the planted near-duplicates, and every other same-name same-birth-date pair, for the county', async () => {
    const flags = (
      await owner.query<{ a: string; b: string; status: string; region: string }>(
        `select pa.resident_id as a, pb.resident_id as b, f.status, r.code as region
           from person_duplicate_flag f
           join person pa on pa.id = f.person_a_id
           join person pb on pb.id = f.person_b_id
           join region r on r.id = f.region_id`,
      )
    ).rows;
    const pairs = new Set(flags.map((f) => [f.a, f.b].sort().join('|')));
    for (const [original, duplicate] of registry.planted.nearDuplicates) {
      expect(pairs.has([original, duplicate].sort().join('|'))).toBe(true);
    }
    // Real registers also hold different people who share a name and a birthday: they are flagged too.
    const sameNameAndBirth = new Map<string, number>();
    for (const p of registry.persons) {
      const key = `${p.name}|${p.birthDate}`;
      sameNameAndBirth.set(key, (sameNameAndBirth.get(key) ?? 0) + 1);
    }
    const expected = [...sameNameAndBirth.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0);
    expect(flags).toHaveLength(expected);
    expect(new Set(flags.map((f) => `${f.status} ${f.region}`))).toEqual(new Set(['OPEN 330199000000']));
  });

  it('keeps the planted data-quality problems for the report to find', async () => {
    const onlyChildWithTwo = (
      await owner.query<{ code: string }>(
        `select h.code from household h
          where h.planning_status = 'ONLY_CHILD'
            and (select count(*) from person c where c.household_id = h.id and c.relation = 'CHILD') >= 2
          order by h.code`,
      )
    ).rows.map((r) => r.code);
    expect(onlyChildWithTwo).toEqual([...registry.planted.onlyChildWithTwoChildren].sort());
    const movedAway = await one<{ n: number }>(
      `select count(*)::int as n from person
        where moved_away_on < date '2020-01-01' and household_id is not null`,
    );
    expect(movedAway.n).toBe(registry.planted.movedAwayLongAgo.length);
    const withoutContact = await one<{ n: number }>(
      `select count(*)::int as n from member m
        where m.left_on is null and not exists (select from contact_household c where c.member_id = m.id)`,
    );
    expect(withoutContact.n).toBe(registry.planted.membersWithoutContact.length);
    const silent = (
      await owner.query<{ code: string }>(
        `select a.code from association a
          where not exists (select from activity x where x.association_id = a.id
                              and x.held_on between date '2025-04-01' and date '2025-06-30')
          order by a.code`,
      )
    ).rows.map((r) => `${r.code}/2025Q2`);
    expect(silent).toEqual(registry.planted.skippedQuarters.filter((q) => q.endsWith('/2025Q2')).sort());
  });

  it('keeps sensitive statuses for only-child households and evaluations whose verdict follows their items', async () => {
    const sensitive = await one<{ wrong: number; recorder: string }>(
      `select count(*) filter (where h.planning_status <> 'ONLY_CHILD' or s.region_id <> h.region_id)::int as wrong,
              min(u.username) as recorder
         from household_sensitive_status s join household h on h.id = s.household_id
         join app_user u on u.id = s.recorded_by`,
    );
    expect(sensitive).toEqual({ wrong: 0, recorder: 'county.admin' });
    const failed = await one<{ n: number; reEvaluations: number }>(
      `select count(*) filter (where not passed)::int as n,
              count(re_evaluation_of)::int as "reEvaluations" from evaluation`,
    );
    expect(failed).toEqual({
      n: registry.evaluations.filter((e) => e.items.some((i) => !i.passed)).length,
      reEvaluations: registry.evaluations.filter((e) => e.reEvaluationOf !== null).length,
    });
  });

  it('refuses to load into a database that already holds data, and changes nothing', async () => {
    const before = await one<{ n: number }>('select count(*)::int as n from person');
    const result = await loadDemoCounty({
      ownerDatabaseUrl: db.ownerUrl,
      appDatabaseUrl: db.appUrl,
      seed: 2026,
      scale: 'county',
      config: {
        residentIdHmacKey: TEST_HMAC_KEY,
        publicationsDir: '/nonexistent',
        sessionIdleMinutes: 60,
        sessionMaxHours: 12,
      },
    });
    expect(result.loaded).toBe(false);
    expect(result.persons).toBe(0);
    expect((await one<{ n: number }>('select count(*)::int as n from person')).n).toBe(before.n);
  });
});
