import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { walkConnection } from '../../../test/walk-connection.ts';
import {
  auditCount,
  BILINGUAL,
  chinaDay,
  createAssociation,
  expectBadInput,
  rowCount,
  type WorkRecordWorld,
  workRecordWorld,
} from './work-record-test-fixtures.ts';

const FIELDS = `id associationId associationCode associationName kind heldOn title participants leaflets
  consultations peopleScreened version region { code level }`;
const RECORD = `mutation($input: ActivityInput!) { recordActivity(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ActivityInput!) {
  updateActivity(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $v: Int!) { deleteActivity(id: $id, expectedVersion: $v) }';
const ONE = `query($id: ID!) { activity(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $filter: ActivityFilter, $orderBy: ActivityOrder) {
  activities(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id region { code } } } } }`;
const TOTALS = `query($regionCode: String, $from: String, $to: String) {
  activityTotals(regionCode: $regionCode, from: $from, to: $to) {
    kind activities participants leaflets consultations peopleScreened } }`;

interface ActivityNode {
  id: string;
  associationId: string;
  associationCode: string;
  kind: string;
  heldOn: string;
  title: string;
  participants: number;
  leaflets: number;
  consultations: number;
  peopleScreened: number;
  version: number;
  region: { code: string; level: string };
}

let t: TestApi;
let world: WorkRecordWorld;
let associationA: string;
let associationB: string;
let associationOther: string;
let associationTownship: string;
const cookies: Record<string, string> = {};
let serial = 0;

function activityInput(associationId: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    associationId,
    kind: 'MEMBER_DAY',
    heldOn: '2024-05-29',
    title: `“5·29”会员活动日宣传服务第${serial}场`,
    participants: 120,
    leaflets: 800,
    consultations: 35,
    peopleScreened: 0,
    ...overrides,
  };
}

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

async function record(username: string, input: Record<string, unknown>): Promise<ActivityNode> {
  const res = await t.graphql<{ recordActivity: ActivityNode }>(RECORD, { input }, await as(username));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.recordActivity as ActivityNode;
}

beforeAll(async () => {
  t = await startTestApi();
  world = await workRecordWorld(t);
  associationA = await createAssociation(t, world.villageA.code, 'TACT');
  associationB = await createAssociation(t, world.villageB.code, 'TACT');
  associationOther = await createAssociation(t, world.otherVillage.code, 'TACT');
  associationTownship = await createAssociation(t, world.township.code, 'TACT');
});
afterAll(async () => t?.close());

describe('recording activities', () => {
  it('a village clerk records, corrects and deletes an activity of their own association, each change audited', async () => {
    const audits = await auditCount(t, 'activity');
    const clerk = world.users.clerkA;
    const created = await t.graphql<{ recordActivity: ActivityNode }>(
      RECORD,
      {
        input: {
          associationId: associationA,
          kind: 'HEALTH_SCREENING',
          heldOn: '2024-03-08',
          title: '  妇女病普查  ',
        },
      },
      await as(clerk),
    );
    expect(created.errors).toBeUndefined();
    const activity = created.data?.recordActivity as ActivityNode;
    // Figures left out are zero; the title is trimmed; the region is the association's.
    expect(activity).toMatchObject({
      associationId: associationA,
      associationCode: `${world.villageA.code}-TACT`,
      kind: 'HEALTH_SCREENING',
      heldOn: '2024-03-08',
      title: '妇女病普查',
      participants: 0,
      peopleScreened: 0,
      version: 1,
      region: { code: world.villageA.code, level: 'VILLAGE' },
    });
    expect(await auditCount(t, 'activity')).toBe(audits + 1);

    const corrected = await t.graphql<{ updateActivity: ActivityNode }>(
      UPDATE,
      {
        id: activity.id,
        v: 1,
        input: activityInput(associationA, {
          kind: 'HEALTH_SCREENING',
          heldOn: '2024-03-08',
          title: '妇女病普查',
          participants: 210,
          peopleScreened: 186,
        }),
      },
      await as(clerk),
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.updateActivity).toMatchObject({
      participants: 210,
      peopleScreened: 186,
      version: 2,
    });

    // A stale version is refused, for a correction and for a deletion alike.
    const stale = await t.graphql(
      UPDATE,
      { id: activity.id, v: 1, input: activityInput(associationA, { participants: 1 }) },
      await as(clerk),
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(stale.errors?.[0]?.message).toMatch(BILINGUAL);
    const staleDelete = await t.graphql(DELETE, { id: activity.id, v: 1 }, await as(clerk));
    expect(staleDelete.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(await auditCount(t, 'activity')).toBe(audits + 2);

    const deleted = await t.graphql<{ deleteActivity: string }>(
      DELETE,
      { id: activity.id, v: 2 },
      await as(clerk),
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data?.deleteActivity).toBe(activity.id);
    const gone = await t.graphql(ONE, { id: activity.id }, await as(clerk));
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const events = await t.ownerSql<{ action: string; region_path: string; before_sha256: string | null }>(
      'select action, region_path::text, before_sha256 from audit_event where entity_id = $1 order by id',
      [activity.id],
    );
    expect(events.map((event) => event.action)).toEqual([
      'activity.record',
      'activity.update',
      'activity.delete',
    ]);
    expect(events.every((event) => event.region_path === world.villageA.path)).toBe(true);
    expect(events[2]?.before_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the audit row in the transaction of the change', async () => {
    const activity = await record(world.users.township, activityInput(associationB));
    const [row] = await t.ownerSql<{ same: boolean }>(
      `select (select xmin::text from activity where id = $1::uuid) =
              (select xmin::text from audit_event where entity_id = $2 order by id desc limit 1) as same`,
      [activity.id, activity.id],
    );
    expect(row?.same).toBe(true);
  });

  it('refuses invalid input naming the field in Chinese and English, and stores nothing', async () => {
    const before = await rowCount(t, 'activity');
    const audits = await auditCount(t, 'activity');
    const cases: [Record<string, unknown>, string][] = [
      [{ heldOn: '2024-02-30' }, 'input.heldOn'],
      [{ heldOn: '2024/05/29' }, 'input.heldOn'],
      [{ heldOn: chinaDay(2) }, 'input.heldOn'],
      [{ heldOn: '1979-12-31' }, 'input.heldOn'],
      [{ title: ' 会 ' }, 'input.title'],
      [{ title: 'x'.repeat(201) }, 'input.title'],
      [{ title: '活动\u0007名称' }, 'input.title'],
      [{ participants: -1 }, 'input.participants'],
      [{ participants: 1_000_001 }, 'input.participants'],
      [{ leaflets: 10_000_001 }, 'input.leaflets'],
      [{ consultations: -5 }, 'input.consultations'],
      [{ peopleScreened: 2_000_000 }, 'input.peopleScreened'],
    ];
    for (const [overrides, field] of cases) {
      const res = await t.graphql(
        RECORD,
        { input: activityInput(associationA, overrides) },
        await as(world.users.clerkA),
      );
      expectBadInput(res, field);
    }
    // A figure that is no integer never reaches the service: GraphQL's Int refuses it.
    const fraction = await t.graphql(
      RECORD,
      { input: activityInput(associationA, { participants: 1.5 }) },
      await as(world.users.clerkA),
    );
    expect(fraction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCount(t, 'activity')).toBe(before);
    expect(await auditCount(t, 'activity')).toBe(audits);

    // Today itself is fine.
    await record(world.users.clerkA, activityInput(associationA, { heldOn: chinaDay(0) }));
  });

  it('refuses the same activity twice (association, day, kind and title) as a conflict on the title', async () => {
    const input = activityInput(associationA, { kind: 'POPULATION_DAY', heldOn: '2024-07-11' });
    await record(world.users.clerkA, input);
    const again = await t.graphql(RECORD, { input }, await as(world.users.clerkA));
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.title' });
    expect(again.errors?.[0]?.message).toMatch(BILINGUAL);
  });
});

describe('jurisdiction', () => {
  it('another village’s clerk sees nothing of it, through the API or by raw SQL, and cannot record for it', async () => {
    const activity = await record(
      world.users.clerkA,
      activityInput(associationA, { title: '入户走访独居老人' }),
    );
    const outsider = await as(world.users.clerkB);

    const one = await t.graphql(ONE, { id: activity.id }, outsider);
    expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await t.graphql<{ activities: { edges: { node: { id: string } }[] } }>(
      LIST,
      { first: 100 },
      outsider,
    );
    expect(list.data?.activities.edges.map((edge) => edge.node.id)).not.toContain(activity.id);
    const byAssociation = await t.graphql(LIST, { filter: { associationId: associationA } }, outsider);
    expect(byAssociation.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'filter.associationId',
    });
    const write = await t.graphql(RECORD, { input: activityInput(associationA) }, outsider);
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.associationId' });
    const correct = await t.graphql(
      UPDATE,
      { id: activity.id, v: 1, input: activityInput(associationB) },
      outsider,
    );
    expect(correct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await t.graphql(DELETE, { id: activity.id, v: 1 }, outsider);
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The database itself: as the app role with that clerk's scope, the row does not exist.
    const seen = await t.sqlAs<{ n: number }>(
      world.users.clerkB,
      'select count(*)::int as n from activity where association_id = $1',
      [associationA],
    );
    expect(seen[0]?.n).toBe(0);
    await expect(
      t.sqlAs(
        world.users.clerkB,
        `insert into activity (association_id, region_id, kind, held_on, title)
         select id, region_id, 'OTHER', date '2024-01-02', '越权写入' from association where id = $1`,
        [associationA],
      ),
    ).resolves.toEqual([]); // the association is invisible, so nothing is selected to insert
    const forced = t.sqlAs(
      world.users.clerkB,
      `insert into activity (association_id, region_id, kind, held_on, title)
       values ($1, (select id from region where code = $2), 'OTHER', date '2024-01-02', '越权写入')`,
      [associationA, world.villageA.code],
    );
    await expect(forced).rejects.toThrow();

    // The township above sees it; the neighbouring township does not.
    const township = await t.graphql(ONE, { id: activity.id }, await as(world.users.township));
    expect(township.errors).toBeUndefined();
    const neighbour = await t.graphql(ONE, { id: activity.id }, await as(world.users.otherTownship));
    expect(neighbour.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the auditor reads every activity but writes none', async () => {
    const activity = await record(
      world.users.township,
      activityInput(associationTownship, { kind: 'TRAINING' }),
    );
    const auditor = await as('county.auditor');
    const read = await t.graphql(ONE, { id: activity.id }, auditor);
    expect(read.errors).toBeUndefined();
    const write = await t.graphql(RECORD, { input: activityInput(associationTownship) }, auditor);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.message).toMatch(BILINGUAL);
    const remove = await t.graphql(DELETE, { id: activity.id, v: 1 }, auditor);
    expect(remove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await t.ownerSql<{ version: number }>('select version from activity where id = $1', [
      activity.id,
    ]);
    expect(row?.version).toBe(1);
  });
});

describe('activity totals', () => {
  interface Totals {
    kind: string;
    activities: number;
    participants: number;
    leaflets: number;
    consultations: number;
    peopleScreened: number;
  }

  async function sqlTotals(path: string, from: string | null, to: string | null): Promise<Totals[]> {
    return t.ownerSql<Totals>(
      `select k.kind, count(a.id)::int as activities, coalesce(sum(a.participants), 0)::float8 as participants,
              coalesce(sum(a.leaflets), 0)::float8 as leaflets,
              coalesce(sum(a.consultations), 0)::float8 as consultations,
              coalesce(sum(a.people_screened), 0)::float8 as "peopleScreened"
         from unnest(array['MEMBER_DAY', 'POPULATION_DAY', 'HEALTH_SCREENING', 'TRAINING', 'HOME_VISIT',
                           'MARKET_FAIR', 'OTHER']) with ordinality k (kind, n)
         left join activity a on a.kind = k.kind and a.region_path <@ $1::ltree
              and ($2::date is null or a.held_on >= $2::date) and ($3::date is null or a.held_on <= $3::date)
        group by k.kind, k.n order by k.n`,
      [path, from, to],
    );
  }

  it('counts and sums the four figures per kind, as SQL does, within a subtree and dates', async () => {
    const spread: [string, Record<string, unknown>][] = [
      [
        associationA,
        { kind: 'HEALTH_SCREENING', heldOn: '2023-04-12', participants: 90, peopleScreened: 84 },
      ],
      [
        associationA,
        { kind: 'HEALTH_SCREENING', heldOn: '2023-10-20', participants: 70, peopleScreened: 66 },
      ],
      [associationA, { kind: 'MARKET_FAIR', heldOn: '2023-06-02', leaflets: 1500, consultations: 60 }],
      [associationB, { kind: 'MEMBER_DAY', heldOn: '2023-05-29', participants: 300, leaflets: 2000 }],
      [
        associationB,
        { kind: 'HEALTH_SCREENING', heldOn: '2022-12-30', participants: 40, peopleScreened: 40 },
      ],
      [
        associationOther,
        { kind: 'HEALTH_SCREENING', heldOn: '2023-05-10', participants: 55, peopleScreened: 50 },
      ],
      [associationTownship, { kind: 'TRAINING', heldOn: '2023-09-01', participants: 45 }],
    ];
    for (const [association, overrides] of spread) {
      await record(
        'county.admin',
        activityInput(association, { participants: 0, leaflets: 0, consultations: 0, ...overrides }),
      );
    }

    const township = await as(world.users.township);
    const cases: {
      cookie: string;
      args: Record<string, unknown>;
      path: string;
      from: string | null;
      to: string | null;
    }[] = [
      // Default: the caller's jurisdiction.
      { cookie: township, args: {}, path: world.township.path, from: null, to: null },
      {
        cookie: township,
        args: { from: '2023-01-01', to: '2023-12-31' },
        path: world.township.path,
        from: '2023-01-01',
        to: '2023-12-31',
      },
      {
        cookie: township,
        args: { regionCode: world.villageA.code, from: '2023-01-01' },
        path: world.villageA.path,
        from: '2023-01-01',
        to: null,
      },
      {
        cookie: await as('county.auditor'),
        args: { to: '2023-12-31' },
        path: world.county.path,
        from: null,
        to: '2023-12-31',
      },
    ];
    for (const { cookie, args, path, from, to } of cases) {
      const res = await t.graphql<{ activityTotals: Totals[] }>(TOTALS, args, cookie);
      expect(res.errors).toBeUndefined();
      expect(res.data?.activityTotals).toEqual(await sqlTotals(path, from, to));
    }

    // Spot-check one cell by hand: village A's screenings in 2023.
    const villageA = await t.graphql<{ activityTotals: Totals[] }>(
      TOTALS,
      { regionCode: world.villageA.code, from: '2023-01-01', to: '2023-12-31' },
      township,
    );
    expect(villageA.data?.activityTotals.find((row) => row.kind === 'HEALTH_SCREENING')).toMatchObject({
      activities: 2,
      participants: 160,
      peopleScreened: 150,
    });
    expect(villageA.data?.activityTotals).toHaveLength(7);

    const foreign = await t.graphql(TOTALS, { regionCode: world.otherTownship.code }, township);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'regionCode' });
    const backwards = await t.graphql(TOTALS, { from: '2023-12-31', to: '2023-01-01' }, township);
    expectBadInput(backwards, 'to');
    expectBadInput(await t.graphql(TOTALS, { from: '2023-13-01' }, township), 'from');
  });
});

describe('activities connection', () => {
  async function walk(
    cookie: string,
    filter: Record<string, unknown> | null,
    orderBy: Record<string, unknown> | null,
  ) {
    return walkConnection(t, { document: LIST, field: 'activities', first: 3 }, { filter, orderBy }, cookie);
  }

  async function sqlIds(where: string, params: unknown[], order: string): Promise<string[]> {
    const rows = await t.ownerSql<{ id: string }>(
      `select a.id from activity a where ${where} order by ${order}`,
      params,
    );
    return rows.map((row) => row.id);
  }

  it('walks every row once, in SQL order, for each sort and filter', async () => {
    // Several activities on one day, so the keyset must break ties by id.
    for (let i = 0; i < 4; i++) {
      await record(
        world.users.clerkB,
        activityInput(associationB, { heldOn: '2024-01-15', kind: 'HOME_VISIT' }),
      );
    }
    const township = await as(world.users.township);
    const scope = 'a.region_path <@ $1::ltree';
    for (const [field, column] of [
      ['HELD_ON', 'a.held_on'],
      ['CREATED', 'a.created_at'],
    ] as const) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const { ids, totalCount } = await walk(township, null, { field, direction });
        const expected = await sqlIds(
          scope,
          [world.township.path],
          `${column} ${direction}, a.id ${direction}`,
        );
        expect(ids).toEqual(expected);
        expect(totalCount).toBe(expected.length);
      }
    }
    const cases: { filter: Record<string, unknown>; where: string; params: unknown[] }[] = [
      {
        filter: { kind: 'HOME_VISIT' },
        where: `${scope} and a.kind = 'HOME_VISIT'`,
        params: [world.township.path],
      },
      { filter: { associationId: associationB }, where: 'a.association_id = $1', params: [associationB] },
      { filter: { regionCode: world.villageA.code }, where: scope, params: [world.villageA.path] },
      {
        filter: { from: '2023-05-01', to: '2023-12-31' },
        where: `${scope} and a.held_on between '2023-05-01' and '2023-12-31'`,
        params: [world.township.path],
      },
      {
        filter: { search: '普查' },
        where: `${scope} and a.title like '%普查%'`,
        params: [world.township.path],
      },
      {
        filter: { search: '%' },
        where: `${scope} and strpos(a.title, '%') > 0`,
        params: [world.township.path],
      },
    ];
    for (const { filter, where, params } of cases) {
      const expected = await sqlIds(where, params, 'a.held_on desc, a.id desc');
      const { ids, totalCount } = await walk(township, filter, null);
      expect({ filter, ids }).toEqual({ filter, ids: expected });
      expect(totalCount).toBe(expected.length);
    }
  });

  it('resolves the regions of a whole page in one batch', async () => {
    const services = t.api.services;
    const original = services.regions.byIds.bind(services.regions);
    let calls = 0;
    services.regions.byIds = (actor, ids) => {
      calls += 1;
      return original(actor, ids);
    };
    try {
      const res = await t.graphql<{ activities: { edges: { node: { region: { code: string } } }[] } }>(
        LIST,
        { first: 100 },
        await as('county.admin'),
      );
      expect(res.errors).toBeUndefined();
      const codes = new Set(res.data?.activities.edges.map((edge) => edge.node.region.code));
      expect(codes.size).toBeGreaterThan(2);
      expect(calls).toBe(1);
    } finally {
      Reflect.deleteProperty(services.regions, 'byIds');
    }
  });

  it('refuses oversized pages, bad filter dates and forged cursors as bad input', async () => {
    const township = await as(world.users.township);
    expectBadInput(await t.graphql(LIST, { first: 101 }, township), 'first');
    expectBadInput(await t.graphql(LIST, { filter: { from: '2023-02-29' } }, township), 'filter.from');
    for (const after of [
      'garbage',
      Buffer.from(JSON.stringify(['not-a-date', '00000000-0000-0000-0000-000000000000'])).toString(
        'base64url',
      ),
    ]) {
      expectBadInput(await t.graphql(LIST, { after }, township), 'after');
    }
    const createdCursor = Buffer.from(
      JSON.stringify(['2024-13-01T00:00:00.000000', '00000000-0000-0000-0000-000000000000']),
    ).toString('base64url');
    expectBadInput(
      await t.graphql(
        LIST,
        { after: createdCursor, orderBy: { field: 'CREATED', direction: 'DESC' } },
        township,
      ),
      'after',
    );
  });
});
