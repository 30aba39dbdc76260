import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  ASSOCIATION,
  ASSOCIATIONS,
  type AssociationNode,
  CREATE_ASSOCIATION,
  CREATE_MEMBER_GROUP,
  expectRefusal,
  pickTownship,
  RENAME_MEMBER_GROUP,
  storedCounts,
  type TownshipFixture,
  UPDATE_ASSOCIATION,
} from './registry-test-fixtures.ts';

const FIVE_HAVES = ['VENUE', 'RULES', 'VOLUNTEER_TEAM', 'EQUIPMENT', 'PLAN_AND_RECORDS'];

let t: TestApi;
let township: TownshipFixture;
let villageA: { id: string; code: string; clerk: string };
let villageB: { id: string; code: string; clerk: string };
let clerkA: string;
let clerkB: string;
let townshipAdmin: string;
let auditor: string;
let countyAdmin: string;

beforeAll(async () => {
  t = await startTestApi();
  township = await pickTownship(t);
  [villageA, villageB] = township.villages as [typeof villageA, typeof villageB];
  [clerkA, clerkB, townshipAdmin, auditor, countyAdmin] = await Promise.all([
    t.signIn(villageA.clerk),
    t.signIn(villageB.clerk),
    t.signIn(township.admin),
    t.signIn('county.auditor'),
    t.signIn('county.admin'),
  ]);
});
afterAll(async () => t?.close());

let serial = 0;
function associationInput(regionCode: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    regionCode,
    code: `${regionCode}-T${serial}`,
    name: `测试计生协会${serial}`,
    kind: 'VILLAGE',
    standing: 'ORDINARY',
    memberHomeFacilities: [],
    foundedOn: '2015-05-29',
    ...overrides,
  };
}

async function create(cookie: string, input: Record<string, unknown>): Promise<AssociationNode> {
  const response = await t.graphql<{ createAssociation: AssociationNode }>(
    CREATE_ASSOCIATION,
    { input },
    cookie,
  );
  expect(response.errors).toBeUndefined();
  return response.data?.createAssociation as AssociationNode;
}

describe('associations in a village', () => {
  let association: AssociationNode;

  it('a clerk creates an association in their village and edits it, one audit row per change', async () => {
    const before = await storedCounts(t, 'association');
    association = await create(
      clerkA,
      associationInput(villageA.code, {
        memberHomeFacilities: ['RULES', 'VENUE'],
        code: `${villageA.code}-a1`,
      }),
    );
    expect(association).toMatchObject({
      code: `${villageA.code}-A1`,
      level: 'VILLAGE',
      kind: 'VILLAGE',
      standing: 'ORDINARY',
      memberHomeFacilities: ['VENUE', 'RULES'],
      hasMemberHome: false,
      foundedOn: '2015-05-29',
      version: 1,
      region: { code: villageA.code, level: 'VILLAGE' },
    });

    const updated = await t.graphql<{ updateAssociation: AssociationNode }>(
      UPDATE_ASSOCIATION,
      {
        id: association.id,
        v: 1,
        input: {
          name: '示范村计生协会',
          standing: 'MODEL',
          memberHomeFacilities: FIVE_HAVES,
          foundedOn: null,
        },
      },
      clerkA,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateAssociation).toMatchObject({
      name: '示范村计生协会',
      standing: 'MODEL',
      hasMemberHome: true,
      foundedOn: null,
      version: 2,
    });
    association = updated.data?.updateAssociation as AssociationNode;
    expect(await storedCounts(t, 'association')).toEqual({ rows: before.rows + 1, audit: before.audit + 2 });

    // Someone else's edit is not overwritten: version 1 is stale now.
    const stale = await t.graphql(
      UPDATE_ASSOCIATION,
      { id: association.id, v: 1, input: { name: '旧版本' } },
      clerkA,
    );
    expectRefusal(stale, 'CONFLICT', 'expectedVersion');
    const [stored] = await t.ownerSql<{ name: string; version: number; created_by: string }>(
      'select name, version, created_by from association where id = $1',
      [association.id],
    );
    expect(stored).toMatchObject({ name: '示范村计生协会', version: 2 });
  });

  it('a clerk of another village can neither see nor change it, by the API or by SQL', async () => {
    expectRefusal(await t.graphql(ASSOCIATION, { id: association.id }, clerkB), 'NOT_FOUND');
    const list = await t.graphql<{ associations: { totalCount: number } }>(
      ASSOCIATIONS,
      { filter: { search: villageA.code } },
      clerkB,
    );
    expect(list.data?.associations.totalCount).toBe(0);
    expectRefusal(
      await t.graphql(
        UPDATE_ASSOCIATION,
        { id: association.id, v: association.version, input: { name: '越权修改', kind: 'VILLAGE' } },
        clerkB,
      ),
      'NOT_FOUND',
      'id',
    );
    expectRefusal(
      await t.graphql(CREATE_ASSOCIATION, { input: associationInput(villageA.code) }, clerkB),
      'NOT_FOUND',
      'input.regionCode',
    );
    expectRefusal(
      await t.graphql(CREATE_MEMBER_GROUP, { associationId: association.id, name: '第一小组' }, clerkB),
      'NOT_FOUND',
      'associationId',
    );

    // Row-level security holds even for a forgotten `where`.
    expect(
      await t.sqlAs(villageB.clerk, 'select id from association where id = $1', [association.id]),
    ).toEqual([]);
    expect(
      await t.sqlAs(villageB.clerk, `update association set name = '越权修改' where id = $1 returning id`, [
        association.id,
      ]),
    ).toEqual([]);
    await expect(
      t.sqlAs(
        villageB.clerk,
        `insert into association (region_id, code, name, level, kind) values ($1, $2, '越权协会', 'VILLAGE', 'VILLAGE')`,
        [villageA.id, `${villageA.code}-X9`],
      ),
    ).rejects.toThrow(/row-level security|null value/);
    const [stored] = await t.ownerSql<{ name: string }>('select name from association where id = $1', [
      association.id,
    ]);
    expect(stored?.name).toBe('示范村计生协会');
  });

  it('the township sees its villages; the auditor reads but cannot write', async () => {
    const other = await create(clerkB, associationInput(villageB.code, { kind: 'COMMUNITY' }));
    const seen = await t.graphql<{ associations: { edges: { node: { id: string } }[] } }>(
      ASSOCIATIONS,
      { first: 100, filter: { regionCode: township.code } },
      townshipAdmin,
    );
    expect(seen.errors).toBeUndefined();
    const ids = seen.data?.associations.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([association.id, other.id]));

    const read = await t.graphql<{ association: AssociationNode }>(ASSOCIATION, { id: other.id }, auditor);
    expect(read.data?.association.code).toBe(other.code);
    const before = await storedCounts(t, 'association');
    expectRefusal(
      await t.graphql(CREATE_ASSOCIATION, { input: associationInput(villageA.code) }, auditor),
      'FORBIDDEN',
    );
    expectRefusal(
      await t.graphql(
        UPDATE_ASSOCIATION,
        { id: other.id, v: other.version, input: { name: '审计修改', kind: 'COMMUNITY' } },
        auditor,
      ),
      'FORBIDDEN',
    );
    expectRefusal(
      await t.graphql(CREATE_MEMBER_GROUP, { associationId: other.id, name: '一组' }, auditor),
      'FORBIDDEN',
    );
    expect(
      await t.sqlAs('county.auditor', `update association set name = '审计修改' where id = $1 returning id`, [
        other.id,
      ]),
    ).toEqual([]);
    expect(await storedCounts(t, 'association')).toEqual(before);
  });

  it('member groups: created, renamed, unique by name within the association', async () => {
    const created = await t.graphql<{ createMemberGroup: { id: string; name: string } }>(
      CREATE_MEMBER_GROUP,
      { associationId: association.id, name: ' 第一小组 ' },
      clerkA,
    );
    expect(created.data?.createMemberGroup.name).toBe('第一小组');
    const group = created.data?.createMemberGroup as { id: string };
    await t.graphql(CREATE_MEMBER_GROUP, { associationId: association.id, name: '第二小组' }, clerkA);
    expectRefusal(
      await t.graphql(CREATE_MEMBER_GROUP, { associationId: association.id, name: '第二小组' }, clerkA),
      'CONFLICT',
      'name',
    );
    expectRefusal(
      await t.graphql(RENAME_MEMBER_GROUP, { id: group.id, name: '第二小组' }, clerkA),
      'CONFLICT',
      'name',
    );
    expectRefusal(
      await t.graphql(RENAME_MEMBER_GROUP, { id: group.id, name: '' }, clerkA),
      'BAD_INPUT',
      'name',
    );
    expectRefusal(
      await t.graphql(RENAME_MEMBER_GROUP, { id: group.id, name: '越权' }, clerkB),
      'NOT_FOUND',
      'id',
    );
    const renamed = await t.graphql<{ renameMemberGroup: { name: string } }>(
      RENAME_MEMBER_GROUP,
      { id: group.id, name: '东片小组' },
      clerkA,
    );
    expect(renamed.data?.renameMemberGroup.name).toBe('东片小组');
    const groups = await t.graphql<{ association: { memberGroups: { name: string }[] } }>(
      'query($id: ID!) { association(id: $id) { memberGroups { name } } }',
      { id: association.id },
      clerkA,
    );
    expect(groups.data?.association.memberGroups.map((g) => g.name)).toEqual(['东片小组', '第二小组'].sort());
  });
});

describe('validation', () => {
  it('refuses bad input naming the field in Chinese and English, and changes nothing', async () => {
    const before = await storedCounts(t, 'association');
    const [group] = await t.ownerSql<{ code: string }>(
      "select code from region where level = 'GROUP' and parent_id = $1 limit 1",
      [villageA.id],
    );
    const taken = await create(clerkA, associationInput(villageA.code));
    const cases: [Record<string, unknown>, string, string][] = [
      [associationInput(villageA.code, { code: 'A1' }), 'BAD_INPUT', 'input.code'],
      [associationInput(villageA.code, { code: `${villageA.code}-TOOLONG123` }), 'BAD_INPUT', 'input.code'],
      [associationInput(villageA.code, { code: `${villageB.code}-A1` }), 'BAD_INPUT', 'input.code'],
      [associationInput(villageA.code, { code: taken.code }), 'CONFLICT', 'input.code'],
      [associationInput(villageA.code, { name: '协' }), 'BAD_INPUT', 'input.name'],
      [associationInput(villageA.code, { name: '协会\u0000名' }), 'BAD_INPUT', 'input.name'],
      [associationInput(villageA.code, { kind: 'REGIONAL' }), 'BAD_INPUT', 'input.kind'],
      [associationInput(villageA.code, { foundedOn: '2024-02-30' }), 'BAD_INPUT', 'input.foundedOn'],
      [associationInput(villageA.code, { foundedOn: '2999-01-01' }), 'BAD_INPUT', 'input.foundedOn'],
      [associationInput(villageB.code), 'NOT_FOUND', 'input.regionCode'],
    ];
    if (group) {
      cases.push([associationInput(group.code, { code: 'X' }), 'BAD_INPUT', 'input.code']);
    }
    for (const [input, code, field] of cases) {
      expectRefusal(await t.graphql(CREATE_ASSOCIATION, { input }, clerkA), code, field);
    }
    // A township association is regional, not a village one.
    expectRefusal(
      await t.graphql(
        CREATE_ASSOCIATION,
        { input: associationInput(township.code, { kind: 'VILLAGE' }) },
        townshipAdmin,
      ),
      'BAD_INPUT',
      'input.kind',
    );
    expectRefusal(
      await t.graphql(
        UPDATE_ASSOCIATION,
        { id: taken.id, v: taken.version, input: { name: '改为区域协会', kind: 'REGIONAL' } },
        clerkA,
      ),
      'BAD_INPUT',
      'input.kind',
    );
    expect(await storedCounts(t, 'association')).toEqual({ rows: before.rows + 1, audit: before.audit + 1 });
  });
});

describe('listing', () => {
  it('pages with keyset cursors in every sort order and filters by region, kind, standing, level and words', async () => {
    const created: AssociationNode[] = [];
    for (const [i, village] of [villageA, villageB].entries()) {
      for (let k = 0; k < 4; k++) {
        created.push(
          await create(
            townshipAdmin,
            associationInput(village.code, {
              code: `${village.code}-P${i}${k}`,
              name: `翻页协会${i}${k}`,
              kind: k % 2 === 0 ? 'VILLAGE' : 'ENTERPRISE',
              standing: k === 0 ? 'ADVANCED' : 'ORDINARY',
              foundedOn: k === 3 ? null : `201${k}-0${i + 1}-01`,
            }),
          ),
        );
      }
    }
    const regional = await create(
      townshipAdmin,
      associationInput(township.code, {
        code: `${township.code}-P9`,
        name: '翻页协会乡镇',
        kind: 'REGIONAL',
      }),
    );

    type Page = {
      associations: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: AssociationNode }[];
      };
    };
    async function all(orderBy: { field: string; direction: string }, filter: Record<string, unknown>) {
      const seen: AssociationNode[] = [];
      let after: string | null = null;
      for (let round = 0; round < 20; round++) {
        const response: { data?: Page | null; errors?: unknown } = await t.graphql<Page>(
          ASSOCIATIONS,
          { first: 3, after, filter, orderBy },
          townshipAdmin,
        );
        expect(response.errors).toBeUndefined();
        const page = response.data?.associations as Page['associations'];
        seen.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) {
          expect(seen).toHaveLength(page.totalCount);
          return seen;
        }
        after = page.pageInfo.endCursor;
      }
      throw new Error('paging did not end');
    }

    const filter = { search: '翻页协会' };
    const byCode = await all({ field: 'CODE', direction: 'ASC' }, filter);
    expect(byCode.map((a) => a.code)).toEqual([...created, regional].map((a) => a.code).sort());
    const byNameDesc = await all({ field: 'NAME', direction: 'DESC' }, filter);
    expect(byNameDesc.map((a) => a.name)).toEqual(
      [...created, regional].map((a) => a.name).sort((a, b) => (a < b ? 1 : -1)),
    );
    const byFounded = await all({ field: 'FOUNDED_ON', direction: 'ASC' }, filter);
    const founded = byFounded.map((a) => a.foundedOn ?? '');
    expect(founded).toEqual([...founded].sort());
    expect(new Set(byFounded.map((a) => a.id)).size).toBe(9);

    const names = async (f: Record<string, unknown>) =>
      (await all({ field: 'NAME', direction: 'ASC' }, { ...filter, ...f })).map((a) => a.name);
    expect(await names({ regionCode: villageB.code })).toEqual([
      '翻页协会10',
      '翻页协会11',
      '翻页协会12',
      '翻页协会13',
    ]);
    expect(await names({ kind: 'ENTERPRISE', regionCode: villageA.code })).toEqual([
      '翻页协会01',
      '翻页协会03',
    ]);
    expect(await names({ standing: 'ADVANCED' })).toEqual(['翻页协会00', '翻页协会10']);
    expect(await names({ level: 'TOWNSHIP' })).toEqual(['翻页协会乡镇']);
    expect(await names({ search: `${villageA.code}-P02` })).toEqual(['翻页协会02']);
    // Pattern characters are taken literally.
    expect(await names({ search: '翻页%' })).toEqual([]);

    expectRefusal(await t.graphql(ASSOCIATIONS, { first: 101 }, townshipAdmin), 'BAD_INPUT', 'first');
    expectRefusal(
      await t.graphql(ASSOCIATIONS, { after: 'not-a-cursor' }, townshipAdmin),
      'BAD_INPUT',
      'after',
    );
    expectRefusal(
      await t.graphql(ASSOCIATIONS, { filter: { regionCode: '330199999999' } }, townshipAdmin),
      'NOT_FOUND',
      'filter.regionCode',
    );
  });
});

describe('regions', () => {
  it('a region lists its child regions and the associations filed at it; regions(parentCode) still works', async () => {
    const query = `query($code: String!) { region(code: $code) {
      code children { code level associations { code level region { code } } } associations { code } } }`;
    const response = await t.graphql<{
      region: {
        code: string;
        children: { code: string; associations: { code: string; region: { code: string } }[] }[];
        associations: { code: string }[];
      };
    }>(query, { code: township.code }, townshipAdmin);
    expect(response.errors).toBeUndefined();
    const region = response.data?.region;
    expect(region?.code).toBe(township.code);
    expect(region?.children.map((child) => child.code)).toEqual(
      expect.arrayContaining(township.villages.map((v) => v.code)),
    );
    const childA = region?.children.find((child) => child.code === villageA.code);
    expect(childA?.associations.length).toBeGreaterThan(0);
    expect(childA?.associations.every((a) => a.region.code === villageA.code)).toBe(true);
    expect(region?.associations.map((a) => a.code)).toContain(`${township.code}-P9`);

    // A clerk sees their own village, not the township above it.
    expectRefusal(await t.graphql(query, { code: township.code }, clerkA), 'NOT_FOUND', 'code');
    const own = await t.graphql<{ region: { associations: { code: string }[] } }>(
      query,
      { code: villageA.code },
      clerkA,
    );
    expect(own.data?.region.associations.length).toBeGreaterThan(0);
    const children = await t.graphql<{ regions: { code: string }[] }>(
      'query($p: String) { regions(parentCode: $p) { code } }',
      { p: township.code },
      countyAdmin,
    );
    expect(children.data?.regions.map((r) => r.code)).toEqual(
      expect.arrayContaining(township.villages.map((v) => v.code)),
    );
  });
});
