import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { walkConnection } from '../../../test/walk-connection.ts';
import {
  auditCount,
  BILINGUAL,
  createAssociation,
  expectBadInput,
  rowCount,
  type WorkRecordWorld,
  workRecordWorld,
} from '../activities/work-record-test-fixtures.ts';

const FIELDS = `id associationId associationCode associationName kind name startOn endOn budgetFen householdsHelped
  incomeChangeFen version region { code }`;
const CREATE = `mutation($input: ProjectInput!) { createProject(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProjectInput!) {
  updateProject(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { project(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {
  projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id region { code } } } } }`;

interface ProjectNode {
  id: string;
  associationId: string;
  kind: string;
  name: string;
  startOn: string;
  endOn: string | null;
  budgetFen: string;
  householdsHelped: number;
  incomeChangeFen: string | null;
  version: number;
  region: { code: string };
}

let t: TestApi;
let world: WorkRecordWorld;
let associationA: string;
let associationB: string;
let associationTownship: string;
const cookies: Record<string, string> = {};
let serial = 0;

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

function projectInput(associationId: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    associationId,
    kind: 'FEWER_BIRTHS_FASTER_PROSPERITY',
    name: `少生快富茶叶种植帮扶第${serial}期`,
    startOn: '2023-03-01',
    endOn: '2024-02-29',
    budgetFen: '1250000',
    householdsHelped: 12,
    incomeChangeFen: '480000',
    ...overrides,
  };
}

async function create(username: string, input: Record<string, unknown>): Promise<ProjectNode> {
  const res = await t.graphql<{ createProject: ProjectNode }>(CREATE, { input }, await as(username));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.createProject as ProjectNode;
}

beforeAll(async () => {
  t = await startTestApi();
  world = await workRecordWorld(t);
  associationA = await createAssociation(t, world.villageA.code, 'TPRJ');
  associationB = await createAssociation(t, world.villageB.code, 'TPRJ');
  associationTownship = await createAssociation(t, world.township.code, 'TPRJ');
});
afterAll(async () => t?.close());

describe('projects', () => {
  it('keeps money as fen strings, exactly, including a negative income change', async () => {
    const audits = await auditCount(t, 'project');
    const project = await create(
      world.users.clerkA,
      projectInput(associationA, { budgetFen: '100000000000', incomeChangeFen: '-35000' }),
    );
    expect(project).toMatchObject({
      budgetFen: '100000000000',
      incomeChangeFen: '-35000',
      householdsHelped: 12,
      version: 1,
      region: { code: world.villageA.code },
    });
    const [stored] = await t.ownerSql<{ budget_fen: string; income_change_fen: string }>(
      'select budget_fen::text, income_change_fen::text from project where id = $1',
      [project.id],
    );
    expect(stored).toEqual({ budget_fen: '100000000000', income_change_fen: '-35000' });
    expect(await auditCount(t, 'project')).toBe(audits + 1);

    // No income change known yet, and no end date: both empty.
    const open = await create(
      world.users.clerkA,
      projectInput(associationA, { kind: 'BIRTH_CARE', endOn: null, incomeChangeFen: null, budgetFen: '0' }),
    );
    expect(open).toMatchObject({ endOn: null, incomeChangeFen: null, budgetFen: '0' });
  });

  it('refuses amounts that are not whole fen, and other bad input, naming the field and storing nothing', async () => {
    const before = await rowCount(t, 'project');
    const audits = await auditCount(t, 'project');
    const cases: [Record<string, unknown>, string][] = [
      [{ budgetFen: '12500.00' }, 'input.budgetFen'],
      [{ budgetFen: '12500.5' }, 'input.budgetFen'],
      [{ budgetFen: '1,250,000' }, 'input.budgetFen'],
      [{ budgetFen: '-1' }, 'input.budgetFen'],
      [{ budgetFen: '' }, 'input.budgetFen'],
      [{ budgetFen: ' 100' }, 'input.budgetFen'],
      [{ budgetFen: '1e6' }, 'input.budgetFen'],
      [{ budgetFen: '0100' }, 'input.budgetFen'],
      [{ budgetFen: '１２３' }, 'input.budgetFen'],
      [{ budgetFen: '100000000001' }, 'input.budgetFen'],
      [{ incomeChangeFen: '-350.00' }, 'input.incomeChangeFen'],
      [{ incomeChangeFen: '+35000' }, 'input.incomeChangeFen'],
      [{ incomeChangeFen: '-0' }, 'input.incomeChangeFen'],
      [{ incomeChangeFen: '-10000000001' }, 'input.incomeChangeFen'],
      [{ householdsHelped: -1 }, 'input.householdsHelped'],
      [{ name: 'x' }, 'input.name'],
      [{ startOn: '2023-02-29' }, 'input.startOn'],
      [{ endOn: '2023-02-28' }, 'input.endOn'],
    ];
    for (const [overrides, field] of cases) {
      const res = await t.graphql(
        CREATE,
        { input: projectInput(associationA, overrides) },
        await as(world.users.clerkA),
      );
      expectBadInput(res, field);
      // The message says what is expected without repeating what was typed.
      const value = Object.values(overrides)[0];
      if (typeof value === 'string' && value.length > 2)
        expect(res.errors?.[0]?.message).not.toContain(value);
    }
    expect(await rowCount(t, 'project')).toBe(before);
    expect(await auditCount(t, 'project')).toBe(audits);
  });

  it('a project name is unique within its association', async () => {
    const input = projectInput(associationA);
    await create(world.users.clerkA, input);
    const again = await t.graphql(CREATE, { input }, await as(world.users.clerkA));
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    expect(again.errors?.[0]?.message).toMatch(BILINGUAL);
    // The same name in another association is another project.
    await create(world.users.township, { ...input, associationId: associationB });
  });

  it('edits with the version seen, and refuses a stale one', async () => {
    const project = await create(world.users.clerkA, projectInput(associationA));
    const edited = await t.graphql<{ updateProject: ProjectNode }>(
      UPDATE,
      {
        id: project.id,
        v: 1,
        input: projectInput(associationA, {
          name: project.name,
          incomeChangeFen: '-1200',
          householdsHelped: 15,
        }),
      },
      await as(world.users.clerkA),
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.updateProject).toMatchObject({
      incomeChangeFen: '-1200',
      householdsHelped: 15,
      version: 2,
    });
    const stale = await t.graphql(
      UPDATE,
      { id: project.id, v: 1, input: projectInput(associationA) },
      await as(world.users.clerkA),
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    const events = await t.ownerSql<{ action: string }>(
      'select action from audit_event where entity_id = $1 order by id',
      [project.id],
    );
    expect(events.map((event) => event.action)).toEqual(['project.create', 'project.update']);
  });

  it('another village’s clerk sees nothing and writes nothing; the auditor only reads', async () => {
    const project = await create(
      world.users.clerkA,
      projectInput(associationA, { kind: 'HAPPINESS_PROJECT' }),
    );
    const outsider = await as(world.users.clerkB);
    expect((await t.graphql(ONE, { id: project.id }, outsider)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const list = await t.graphql<{ projects: { edges: { node: { id: string } }[] } }>(
      LIST,
      { first: 100 },
      outsider,
    );
    expect(list.data?.projects.edges.map((edge) => edge.node.id)).not.toContain(project.id);
    const write = await t.graphql(CREATE, { input: projectInput(associationA) }, outsider);
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.associationId' });
    const edit = await t.graphql(
      UPDATE,
      { id: project.id, v: 1, input: projectInput(associationB) },
      outsider,
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const seen = await t.sqlAs<{ n: number }>(
      world.users.clerkB,
      'select count(*)::int as n from project where id = $1',
      [project.id],
    );
    expect(seen[0]?.n).toBe(0);
    const changed = await t.sqlAs(
      world.users.clerkB,
      "update project set name = '越权修改' where id = $1 returning id",
      [project.id],
    );
    expect(changed).toEqual([]);

    const auditor = await as('county.auditor');
    expect((await t.graphql(ONE, { id: project.id }, auditor)).errors).toBeUndefined();
    const auditorWrite = await t.graphql(CREATE, { input: projectInput(associationA) }, auditor);
    expect(auditorWrite.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expect(
      t.sqlAs('county.auditor', "update project set name = '审计员修改' where id = $1 returning id", [
        project.id,
      ]),
    ).resolves.toEqual([]);
  });

  it('lists projects as SQL does: by kind, region, association and the day they run, in every order', async () => {
    await create(
      world.users.township,
      projectInput(associationTownship, { kind: 'YOUTH_HEALTH', startOn: '2024-09-01', endOn: null }),
    );
    await create(
      world.users.township,
      projectInput(associationB, { kind: 'THREE_COMBINATIONS', startOn: '2021-01-01', endOn: '2021-12-31' }),
    );
    const township = await as(world.users.township);
    async function walk(filter: Record<string, unknown> | null, orderBy: Record<string, unknown> | null) {
      return walkConnection(
        t,
        { document: LIST, field: 'projects', first: 2 },
        { filter, orderBy },
        township,
      );
    }

    async function sqlIds(where: string, params: unknown[], order = 'p.start_on desc, p.id desc') {
      const rows = await t.ownerSql<{ id: string }>(
        `select p.id from project p where ${where} order by ${order}`,
        params,
      );
      return rows.map((row) => row.id);
    }
    const scope = 'p.region_path <@ $1::ltree';
    for (const [field, column] of [
      ['START_ON', 'p.start_on'],
      ['NAME', 'p.name'],
      ['CREATED', 'p.created_at'],
    ] as const) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const expected = await sqlIds(
          scope,
          [world.township.path],
          `${column} ${direction}, p.id ${direction}`,
        );
        expect(expected.length).toBeGreaterThan(5);
        expect((await walk(null, { field, direction })).ids).toEqual(expected);
      }
    }
    const cases: { filter: Record<string, unknown>; where: string; params: unknown[] }[] = [
      {
        filter: { kind: 'YOUTH_HEALTH' },
        where: `${scope} and p.kind = 'YOUTH_HEALTH'`,
        params: [world.township.path],
      },
      { filter: { associationId: associationB }, where: 'p.association_id = $1', params: [associationB] },
      { filter: { regionCode: world.villageA.code }, where: scope, params: [world.villageA.path] },
      {
        filter: { activeOn: '2023-06-30' },
        where: `${scope} and p.start_on <= '2023-06-30' and (p.end_on is null or p.end_on >= '2023-06-30')`,
        params: [world.township.path],
      },
      {
        filter: { activeOn: '2021-06-30', kind: 'THREE_COMBINATIONS' },
        where: `${scope} and p.kind = 'THREE_COMBINATIONS' and p.start_on <= '2021-06-30' and (p.end_on is null or p.end_on >= '2021-06-30')`,
        params: [world.township.path],
      },
    ];
    for (const { filter, where, params } of cases) {
      const expected = await sqlIds(where, params);
      expect(expected.length).toBeGreaterThan(0);
      const { ids, totalCount } = await walk(filter, null);
      expect({ filter, ids }).toEqual({ filter, ids: expected });
      expect(totalCount).toBe(expected.length);
    }
    expectBadInput(
      await t.graphql(LIST, { filter: { activeOn: '2023-02-29' } }, township),
      'filter.activeOn',
    );
  });
});
