import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  BILINGUAL_MESSAGE,
  demoTownships,
  freshResidentId,
  registerPerson,
  type TownshipFixture,
} from '../../../test/registry-fixtures.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';

const HOUSEHOLD_FIELDS = `id code planningStatus inDifficulty version region { code }
  members { id name relation } sensitiveStatus sensitiveStatusSince sensitiveStatusVisible`;
const CREATE = `mutation($input: HouseholdInput!) { createHousehold(input: $input) { ${HOUSEHOLD_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: HouseholdInput!) {
  updateHousehold(id: $id, expectedVersion: $v, input: $input) { ${HOUSEHOLD_FIELDS} } }`;
const HOUSEHOLD = `query($id: ID!) { household(id: $id) { ${HOUSEHOLD_FIELDS} } }`;
const HOUSEHOLDS = `query($filter: HouseholdFilter) { households(first: 100, filter: $filter) {
  totalCount edges { node { ${HOUSEHOLD_FIELDS} } } } }`;
const MEMBERSHIP = `mutation($p: ID!, $v: Int!, $h: ID, $r: HouseholdRelation) {
  setHouseholdMembership(personId: $p, expectedVersion: $v, householdId: $h, relation: $r) {
    id version relation household { id code } } }`;
const SET_SENSITIVE = `mutation($h: ID!, $s: SensitiveHouseholdStatus, $since: String) {
  setSensitiveStatus(householdId: $h, status: $s, since: $since) { id } }`;

interface HouseholdNode {
  id: string;
  code: string;
  planningStatus: string;
  inDifficulty: boolean;
  version: number;
  region: { code: string };
  members: { id: string; name: string; relation: string }[];
  sensitiveStatus: string | null;
  sensitiveStatusSince: string | null;
  sensitiveStatusVisible: boolean;
}

let t: TestApi;
let townshipA: TownshipFixture;
let townshipB: TownshipFixture;
let county: string;
let clerk: string;
let household: HouseholdNode;

/**
 * The demo county numbers its households from `<village>-0001` up, a few hundred per village: the
 * households this file creates take numbers from 9001, which no demo household has, and its lists
 * search for those numbers so that they see the file's own households only.
 */
const FIXTURE_SEARCH = '-900';

beforeAll(async () => {
  t = await startTestApi();
  [townshipA, townshipB] = (await demoTownships(t)) as [TownshipFixture, TownshipFixture];
  county = await t.signIn('county.admin');
  clerk = await t.signIn(townshipA.villages[0]!.clerk);
});
afterAll(async () => t?.close());

/** The sensitive status rows of this file's household, as the owner sees them (the demo has its own). */
function statusesOfFixture(): Promise<unknown[]> {
  return t.ownerSql('select * from household_sensitive_status where household_id = $1', [household.id]);
}

describe('households', () => {
  it('are filed under a village with a number that starts with its code', async () => {
    const village = townshipA.villages[0]!.code;
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { regionCode: village, code: `${townshipA.villages[1]!.code}-9001` },
        'input.code',
        'BAD_INPUT',
        clerk,
      ],
      [{ regionCode: village, code: `${village}-1` }, 'input.code', 'BAD_INPUT', clerk],
      [{ regionCode: townshipA.code, code: `${village}-9001` }, 'input.regionCode', 'BAD_INPUT', county],
      [{ regionCode: townshipA.code, code: `${village}-9001` }, 'input.regionCode', 'NOT_FOUND', clerk],
      [
        { regionCode: townshipB.villages[0]!.code, code: `${townshipB.villages[0]!.code}-9001` },
        'input.regionCode',
        'NOT_FOUND',
        clerk,
      ],
    ];
    for (const [input, field, code, cookie] of cases) {
      const result = await t.graphql(CREATE, { input }, cookie);
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code, field });
      expect(result.errors?.[0]?.message).toMatch(BILINGUAL_MESSAGE);
    }

    const created = await t.graphql<{ createHousehold: HouseholdNode }>(
      CREATE,
      { input: { regionCode: village, code: `${village}-9001`, planningStatus: 'ONLY_CHILD' } },
      clerk,
    );
    expect(created.errors).toBeUndefined();
    household = created.data!.createHousehold;
    expect(household).toMatchObject({
      planningStatus: 'ONLY_CHILD',
      inDifficulty: false,
      version: 1,
      region: { code: village },
      members: [],
      sensitiveStatus: null,
      sensitiveStatusVisible: false,
    });
    const duplicate = await t.graphql(
      CREATE,
      { input: { regionCode: village, code: `${village}-9001` } },
      clerk,
    );
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });

    const updated = await t.graphql<{ updateHousehold: HouseholdNode }>(
      UPDATE,
      {
        id: household.id,
        v: 1,
        input: {
          regionCode: village,
          code: household.code,
          inDifficulty: true,
          planningStatus: 'ONLY_CHILD',
        },
      },
      clerk,
    );
    expect(updated.data?.updateHousehold).toMatchObject({ inDifficulty: true, version: 2 });
    const stale = await t.graphql(
      UPDATE,
      { id: household.id, v: 1, input: { regionCode: village, code: household.code } },
      clerk,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
  });

  it('take members with their relation, listed head first, and each person shows their household', async () => {
    const village = townshipA.villages[0]!.code;
    const head = await registerPerson(t, clerk, {
      name: '徐志勇',
      residentId: freshResidentId('1962-04-05', 'MALE'),
      registeredRegionCode: village,
    });
    const child = await registerPerson(t, clerk, {
      name: '徐晓燕',
      residentId: freshResidentId('1990-10-10', 'FEMALE'),
      registeredRegionCode: village,
      householdId: household.id,
      relation: 'CHILD',
    });
    expect(child.household).toEqual({ id: household.id, code: household.code });
    const noRelation = await t.graphql(MEMBERSHIP, { p: head.id, v: 1, h: household.id }, clerk);
    expect(noRelation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'relation' });
    const joined = await t.graphql(MEMBERSHIP, { p: head.id, v: 1, h: household.id, r: 'HEAD' }, clerk);
    expect(joined.data).toMatchObject({
      setHouseholdMembership: { version: 2, relation: 'HEAD', household: { id: household.id } },
    });

    const read = await t.graphql<{ household: HouseholdNode }>(HOUSEHOLD, { id: household.id }, clerk);
    expect(read.data?.household.members).toEqual([
      { id: head.id, name: '徐志勇', relation: 'HEAD' },
      { id: child.id, name: '徐晓燕', relation: 'CHILD' },
    ]);

    const left = await t.graphql(MEMBERSHIP, { p: child.id, v: 1, h: null, r: null }, clerk);
    expect(left.data).toMatchObject({ setHouseholdMembership: { relation: null, household: null } });
    const after = await t.graphql<{ household: HouseholdNode }>(HOUSEHOLD, { id: household.id }, clerk);
    expect(after.data?.household.members.map((member) => member.id)).toEqual([head.id]);
  });
});

describe('sensitive household statuses', () => {
  it('can be recorded by county and township admins only', async () => {
    const byClerk = await t.graphql(SET_SENSITIVE, { h: household.id, s: 'ONLY_CHILD_DIED' }, clerk);
    expect(byClerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAuditor = await t.graphql(
      SET_SENSITIVE,
      { h: household.id, s: 'ONLY_CHILD_DIED' },
      await t.signIn('county.auditor'),
    );
    expect(byAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byOtherTownship = await t.graphql(
      SET_SENSITIVE,
      { h: household.id, s: 'ONLY_CHILD_DIED' },
      await t.signIn(townshipB.admin),
    );
    expect(byOtherTownship.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The database refuses the clerk too, whatever the service says.
    await expect(
      t.sqlAs(
        townshipA.villages[0]!.clerk,
        `insert into household_sensitive_status (household_id, region_id, status)
         select id, region_id, 'ONLY_CHILD_DIED' from household where id = $1`,
        [household.id],
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await statusesOfFixture()).toEqual([]);

    const byTownship = await t.graphql(
      SET_SENSITIVE,
      { h: household.id, s: 'ONLY_CHILD_DIED', since: '2021-05-01' },
      await t.signIn(townshipA.admin),
    );
    expect(byTownship.errors).toBeUndefined();
    const [audit] = await t.ownerSql<{ region_path: string; before_sha256: null; after_sha256: null }>(
      `select region_path::text as region_path, before_sha256, after_sha256 from audit_event
        where action = 'household.setSensitiveStatus' and entity_id = $1`,
      [household.id],
    );
    expect(audit).toEqual({ region_path: townshipA.path, before_sha256: null, after_sha256: null });
  });

  it('are seen by the county and the household’s township, and by nobody else, through GraphQL and in the database', async () => {
    await addUser(t, 'township.auditor.test', 'AUDITOR', townshipA.code);
    const readers = ['county.admin', 'county.auditor', townshipA.admin];
    const others = [townshipA.villages[0]!.clerk, 'township.auditor.test'];
    for (const username of readers) {
      const result = await t.graphql<{ household: HouseholdNode }>(
        HOUSEHOLD,
        { id: household.id },
        await t.signIn(username),
      );
      expect(result.data?.household, username).toMatchObject({
        sensitiveStatus: 'ONLY_CHILD_DIED',
        sensitiveStatusSince: '2021-05-01',
        sensitiveStatusVisible: true,
      });
      expect(
        await t.sqlAs(username, 'select status from household_sensitive_status where household_id = $1', [
          household.id,
        ]),
        username,
      ).toEqual([{ status: 'ONLY_CHILD_DIED' }]);
    }
    for (const username of others) {
      const cookie = await t.signIn(username);
      const result = await t.graphql<{ household: HouseholdNode }>(HOUSEHOLD, { id: household.id }, cookie);
      expect(result.data?.household, username).toMatchObject({
        sensitiveStatus: null,
        sensitiveStatusSince: null,
        sensitiveStatusVisible: false,
      });
      expect(JSON.stringify(result)).not.toContain('ONLY_CHILD_DIED');
      expect(await t.sqlAs(username, 'select status from household_sensitive_status'), username).toEqual([]);
    }
    // Not even the audit trail tells the village clerk or a township auditor that a status was
    // recorded; the readers of the status see the audit row.
    for (const username of others) {
      expect(
        await t.sqlAs(username, `select id from audit_event where action = 'household.setSensitiveStatus'`),
        username,
      ).toEqual([]);
    }
    for (const username of readers) {
      expect(
        await t.sqlAs(
          username,
          `select id from audit_event where action = 'household.setSensitiveStatus' and entity_id = $1`,
          [household.id],
        ),
        username,
      ).toHaveLength(1);
    }
    // Another township sees neither the household nor its status.
    const otherTownship = await t.signIn(townshipB.admin);
    const hidden = await t.graphql(HOUSEHOLD, { id: household.id }, otherTownship);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const search = await t.graphql<{ households: { totalCount: number } }>(
      HOUSEHOLDS,
      { filter: { search: household.code } },
      otherTownship,
    );
    expect(search.data?.households.totalCount).toBe(0);
    // Its list holds exactly its own township's households (the demo's), none of the other's.
    const [own] = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from household where region_path <@ $1::ltree',
      [townshipB.path],
    );
    expect(own!.n).toBeGreaterThan(0);
    const list = await t.graphql<{ households: { totalCount: number } }>(HOUSEHOLDS, {}, otherTownship);
    expect(list.data?.households.totalCount).toBe(own!.n);
    expect(
      await t.sqlAs(
        townshipB.admin,
        'select status from household_sensitive_status where household_id = $1',
        [household.id],
      ),
    ).toEqual([]);

    const cleared = await t.graphql(SET_SENSITIVE, { h: household.id, s: null }, county);
    expect(cleared.errors).toBeUndefined();
    expect(await statusesOfFixture()).toEqual([]);
  });

  it('lists households with filters, the sensitive status resolved in one batch', async () => {
    const village = townshipA.villages[1]!.code;
    const township = await t.signIn(townshipA.admin);
    for (const serial of ['9001', '9002', '9003']) {
      const created = await t.graphql<{ createHousehold: HouseholdNode }>(
        CREATE,
        { input: { regionCode: village, code: `${village}-${serial}`, planningStatus: 'TWO_DAUGHTERS' } },
        township,
      );
      expect(created.errors).toBeUndefined();
      if (serial === '9002') {
        await t.graphql(
          SET_SENSITIVE,
          { h: created.data!.createHousehold.id, s: 'ONLY_CHILD_DISABLED' },
          township,
        );
      }
    }
    const list = await t.graphql<{ households: { totalCount: number; edges: { node: HouseholdNode }[] } }>(
      HOUSEHOLDS,
      { filter: { regionCode: village, planningStatus: 'TWO_DAUGHTERS', search: FIXTURE_SEARCH } },
      township,
    );
    expect(list.data?.households.totalCount).toBe(3);
    expect(
      list.data?.households.edges.map((edge) => [edge.node.code.slice(-4), edge.node.sensitiveStatus]),
    ).toEqual([
      ['9001', null],
      ['9002', 'ONLY_CHILD_DISABLED'],
      ['9003', null],
    ]);
  });
});

describe('nested reads', () => {
  it('cost one batch per level, whatever the page size', async () => {
    const village = townshipA.villages[1]!.code;
    const township = await t.signIn(townshipA.admin);
    const filter = { regionCode: village, search: FIXTURE_SEARCH };
    const listed = await t.graphql<{ households: { edges: { node: HouseholdNode }[] } }>(
      HOUSEHOLDS,
      { filter },
      township,
    );
    let serial = 0;
    for (const { node } of listed.data!.households.edges) {
      for (const relation of ['HEAD', 'CHILD']) {
        serial += 1;
        await registerPerson(t, township, {
          name: `测试成员${serial}`,
          residentId: freshResidentId(`${1950 + (serial % 50)}-01-01`, 'MALE'),
          registeredRegionCode: village,
          householdId: node.id,
          relation,
        });
      }
    }
    // The API runs in this process: count the batch calls its loaders make.
    const services = t.api.services;
    const calls: Record<string, number> = {};
    const restore: (() => void)[] = [];
    for (const [name, service, method] of [
      ['persons.byHouseholds', services.persons, 'byHouseholds'],
      ['households.byIds', services.households, 'byIds'],
      ['households.sensitiveStatuses', services.households, 'sensitiveStatuses'],
      ['regions.byIds', services.regions, 'byIds'],
    ] as const) {
      const target = service as unknown as Record<string, (...args: unknown[]) => unknown>;
      const original = target[method]!;
      target[method] = (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return original.apply(service, args);
      };
      restore.push(() => {
        target[method] = original;
      });
    }
    try {
      const nested = await t.graphql<{ households: { edges: { node: HouseholdNode }[] } }>(
        `query($filter: HouseholdFilter) { households(first: 100, filter: $filter) { edges { node {
          code region { code } sensitiveStatus
          members { name registeredRegion { code } currentRegion { code } household { code } } } } } }`,
        { filter },
        township,
      );
      expect(nested.errors).toBeUndefined();
      const edges = nested.data!.households.edges;
      expect(edges.length).toBeGreaterThanOrEqual(3);
      for (const { node } of edges) {
        expect(node.members).toHaveLength(2);
      }
      expect(calls).toMatchObject({
        'persons.byHouseholds': 1,
        'households.byIds': 1,
        'households.sensitiveStatuses': 1,
      });
      // Households' regions, then their members' regions: at most one batch per level (here the
      // members live where their households are, so the second level is answered from the first).
      expect(calls['regions.byIds']).toBeLessThanOrEqual(2);
    } finally {
      for (const undo of restore) undo();
    }
  });
});
