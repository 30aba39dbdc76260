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
} from '../activities/work-record-test-fixtures.ts';
import { EVALUATION_CHECKLIST } from './evaluation-checklist.ts';

const FIELDS = `id associationId associationCode associationName evaluatedOn passed score rectificationDeadline
  rectificationDue items { code labelZh labelEn passed note } region { code }
  evaluatedBy { displayName role region { code level } }
  reEvaluationOf { id passed } reEvaluation { id passed }`;
const RECORD = `mutation($input: EvaluationInput!) { recordEvaluation(input: $input) { ${FIELDS} } }`;
const RE_EVALUATE = `mutation($id: ID!, $input: ReEvaluationInput!) {
  recordReEvaluation(evaluationId: $id, input: $input) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { evaluation(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $filter: EvaluationFilter, $orderBy: EvaluationOrder) {
  evaluations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
const CHECKLIST = '{ evaluationChecklist { code labelZh labelEn } }';

interface EvaluationNode {
  id: string;
  associationId: string;
  evaluatedOn: string;
  passed: boolean;
  score: number | null;
  rectificationDeadline: string | null;
  rectificationDue: boolean;
  items: { code: string; labelZh: string; labelEn: string; passed: boolean; note: string | null }[];
  region: { code: string };
  evaluatedBy: { displayName: string; role: string; region: { code: string; level: string } } | null;
  reEvaluationOf: { id: string; passed: boolean } | null;
  reEvaluation: { id: string; passed: boolean } | null;
}

let t: TestApi;
let world: WorkRecordWorld;
let associationA: string;
let associationB: string;
let associationOther: string;
let associationTownship: string;
let associationCounty: string;
const cookies: Record<string, string> = {};

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

/** Every checklist item answered; those in `failed` did not pass. */
function answers(failed: string[] = []) {
  return EVALUATION_CHECKLIST.map((item) => ({
    code: item.code,
    passed: !failed.includes(item.code),
    note: failed.includes(item.code) ? '未见相关台账' : null,
  }));
}

function evaluationInput(associationId: string, overrides: Record<string, unknown> = {}) {
  return { associationId, evaluatedOn: '2024-03-01', items: answers(), score: 92, ...overrides };
}

async function evaluate(username: string, input: Record<string, unknown>): Promise<EvaluationNode> {
  const res = await t.graphql<{ recordEvaluation: EvaluationNode }>(RECORD, { input }, await as(username));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.recordEvaluation as EvaluationNode;
}

async function reEvaluate(username: string, id: string, input: Record<string, unknown>) {
  return t.graphql<{ recordReEvaluation: EvaluationNode }>(RE_EVALUATE, { id, input }, await as(username));
}

beforeAll(async () => {
  t = await startTestApi();
  world = await workRecordWorld(t);
  associationA = await createAssociation(t, world.villageA.code, 'TEVA');
  associationB = await createAssociation(t, world.villageB.code, 'TEVA');
  associationOther = await createAssociation(t, world.otherVillage.code, 'TEVA');
  associationTownship = await createAssociation(t, world.township.code, 'TEVA');
  associationCounty = await createAssociation(t, world.county.code, 'TEVA');
});
afterAll(async () => t?.close());

describe('the checklist', () => {
  it('is served as data, every item with a unique code and a Chinese and English label', async () => {
    const res = await t.graphql<{
      evaluationChecklist: { code: string; labelZh: string; labelEn: string }[];
    }>(CHECKLIST, {}, await as(world.users.clerkA));
    expect(res.errors).toBeUndefined();
    const items = res.data?.evaluationChecklist ?? [];
    expect(items.map((item) => item.code)).toEqual(EVALUATION_CHECKLIST.map((item) => item.code));
    expect(new Set(items.map((item) => item.code)).size).toBe(items.length);
    for (const item of items) {
      expect(item.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(item.labelZh).toMatch(/[\u4e00-\u9fff]/);
      expect(item.labelEn).toMatch(/[A-Za-z]{3,}/);
    }
    // The member home's "five haves" are items of their own.
    expect(items.filter((item) => item.code.startsWith('MEMBER_HOME_'))).toHaveLength(5);
    expect((await t.graphql(CHECKLIST, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('recording an evaluation', () => {
  it('passes only when every item passes; one failed item fails it and needs a deadline after its date', async () => {
    const township = world.users.township;
    const passed = await evaluate(township, evaluationInput(associationA));
    expect(passed).toMatchObject({
      passed: true,
      rectificationDeadline: null,
      rectificationDue: false,
      score: 92,
      region: { code: world.villageA.code },
      evaluatedBy: { role: 'TOWNSHIP_ADMIN', region: { code: world.township.code, level: 'TOWNSHIP' } },
      reEvaluationOf: null,
      reEvaluation: null,
    });
    const [evaluator] = await t.ownerSql<{ display_name: string }>(
      'select display_name from app_user where username = $1',
      [township],
    );
    expect(passed.evaluatedBy?.displayName).toBe(evaluator?.display_name);
    expect(passed.items).toHaveLength(EVALUATION_CHECKLIST.length);
    expect(passed.items[1]).toMatchObject({
      code: 'MEMBER_HOME_VENUE',
      labelZh: '会员之家有活动场所',
      passed: true,
      note: null,
    });

    const before = await rowCount(t, 'evaluation');
    const audits = await auditCount(t, 'evaluation');
    expectBadInput(
      await t.graphql(
        RECORD,
        { input: evaluationInput(associationA, { rectificationDeadline: '2024-06-30' }) },
        await as(township),
      ),
      'input.rectificationDeadline',
    );
    const failing = answers(['DUES_COLLECTED']);
    for (const rectificationDeadline of [null, '2024-03-01', '2024-02-28', '2024-06-31']) {
      expectBadInput(
        await t.graphql(
          RECORD,
          { input: evaluationInput(associationA, { items: failing, rectificationDeadline }) },
          await as(township),
        ),
        'input.rectificationDeadline',
      );
    }
    expect(await rowCount(t, 'evaluation')).toBe(before);
    expect(await auditCount(t, 'evaluation')).toBe(audits);

    const failed = await evaluate(
      township,
      evaluationInput(associationA, { items: failing, score: 88, rectificationDeadline: '2024-06-30' }),
    );
    // A high score does not save it: one failed item fails the evaluation (一条否决).
    expect(failed).toMatchObject({
      passed: false,
      score: 88,
      rectificationDeadline: '2024-06-30',
      rectificationDue: true,
    });
    expect(failed.items.find((item) => item.code === 'DUES_COLLECTED')).toMatchObject({
      passed: false,
      note: '未见相关台账',
      labelEn: 'Membership dues collected for the year',
    });
    expect(await auditCount(t, 'evaluation')).toBe(audits + 1);
    const [stored] = await t.ownerSql<{ passed: boolean; evaluated_by: string; items: unknown[] }>(
      'select passed, evaluated_by, items from evaluation where id = $1',
      [failed.id],
    );
    const [user] = await t.ownerSql<{ id: string }>('select id from app_user where username = $1', [
      township,
    ]);
    expect(stored).toMatchObject({ passed: false, evaluated_by: user?.id });
    expect(stored?.items).toHaveLength(EVALUATION_CHECKLIST.length);
  });

  it('the database keeps the same rules whatever the service does', async () => {
    const [user] = await t.ownerSql<{ id: string }>(
      "select id from app_user where username = 'county.admin'",
    );
    const items = JSON.stringify(answers(['MEMBER_GROUPS']));
    const insert = (deadline: string | null) =>
      t.ownerSql(
        `insert into evaluation (association_id, region_id, evaluated_on, items, rectification_deadline, evaluated_by)
         select id, region_id, date '2024-04-01', $2::jsonb, $3::date, $4 from association where id = $1`,
        [associationB, items, deadline, user?.id],
      );
    await expect(insert(null)).rejects.toThrow(/check constraint/);
    await expect(insert('2024-04-01')).rejects.toThrow(/check constraint/);
    // `passed` is derived from the items; nobody can write it.
    await expect(
      t.ownerSql(
        `insert into evaluation (association_id, region_id, evaluated_on, items, passed, evaluated_by)
         select id, region_id, date '2024-04-01', $2::jsonb, true, $3 from association where id = $1`,
        [associationB, items, user?.id],
      ),
    ).rejects.toThrow(/non-DEFAULT|generated/);
  });

  it('every checklist item is answered exactly once; anything else is refused naming the item', async () => {
    const township = await as(world.users.township);
    const before = await rowCount(t, 'evaluation');
    const full = answers();
    const missing = full.filter((item) => item.code !== 'CONTACT_HOUSEHOLDS');
    const res = await t.graphql(
      RECORD,
      { input: evaluationInput(associationA, { items: missing }) },
      township,
    );
    expectBadInput(res, 'input.items');
    expect(res.errors?.[0]?.extensions?.messageZh).toContain('会员联系户落实到人');
    expect(res.errors?.[0]?.extensions?.messageEn).toContain('Contact households assigned');

    const duplicate = [...full, { code: 'MEMBER_HOME_EQUIPMENT', passed: false, note: null }];
    const dup = await t.graphql(
      RECORD,
      { input: evaluationInput(associationA, { items: duplicate }) },
      township,
    );
    expectBadInput(dup, `input.items[${full.length}].code`);
    expect(dup.errors?.[0]?.extensions?.messageZh).toContain('会员之家有文体器材');

    const unknown = [...full.slice(0, 3), { code: 'FREE_LUNCH', passed: true, note: null }, ...full.slice(3)];
    expectBadInput(
      await t.graphql(RECORD, { input: evaluationInput(associationA, { items: unknown }) }, township),
      'input.items[3].code',
    );
    expectBadInput(
      await t.graphql(RECORD, { input: evaluationInput(associationA, { items: [] }) }, township),
      'input.items',
    );
    const longNote = full.map((item, i) => (i === 2 ? { ...item, note: '很'.repeat(501) } : item));
    expectBadInput(
      await t.graphql(RECORD, { input: evaluationInput(associationA, { items: longNote }) }, township),
      'input.items[2].note',
    );
    for (const score of [101, -1]) {
      expectBadInput(
        await t.graphql(RECORD, { input: evaluationInput(associationA, { score }) }, township),
        'input.score',
      );
    }
    for (const evaluatedOn of [chinaDay(1), '2024-02-30', '1979-06-01']) {
      expectBadInput(
        await t.graphql(RECORD, { input: evaluationInput(associationA, { evaluatedOn }) }, township),
        'input.evaluatedOn',
      );
    }
    expect(await rowCount(t, 'evaluation')).toBe(before);
  });
});

describe('who evaluates', () => {
  it('county and township admins evaluate associations below their own level only', async () => {
    for (const username of [world.users.clerkA, 'county.auditor']) {
      const res = await t.graphql(RECORD, { input: evaluationInput(associationA) }, await as(username));
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(BILINGUAL);
    }
    // Not one's own association: the township's is assessed by the county.
    const own = await t.graphql(
      RECORD,
      { input: evaluationInput(associationTownship) },
      await as(world.users.township),
    );
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.associationId' });
    expect(own.errors?.[0]?.message).toMatch(BILINGUAL);
    const county = await t.graphql(
      RECORD,
      { input: evaluationInput(associationCounty) },
      await as('county.admin'),
    );
    expect(county.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.associationId' });
    // Another township's village is out of sight.
    const foreign = await t.graphql(
      RECORD,
      { input: evaluationInput(associationOther) },
      await as(world.users.township),
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.associationId',
    });

    const byCounty = await evaluate('county.admin', evaluationInput(associationTownship));
    expect(byCounty.evaluatedBy).toMatchObject({ role: 'COUNTY_ADMIN', region: { level: 'COUNTY' } });
    const villageByCounty = await evaluate('county.admin', evaluationInput(associationOther));
    expect(villageByCounty.region.code).toBe(world.otherVillage.code);
  });

  it('the database lets only county and township admins insert, as themselves, and nobody change the history', async () => {
    const existing = await evaluate(world.users.township, evaluationInput(associationB));
    const items = JSON.stringify(answers());
    const insertAs = (username: string, evaluator: string) =>
      t.sqlAs(
        username,
        `insert into evaluation (association_id, region_id, evaluated_on, items, evaluated_by)
         select id, region_id, date '2024-05-01', $2::jsonb, (select u from (values ($3::uuid)) v (u))
           from association where id = $1`,
        [associationB, items, evaluator],
      );
    const ids = Object.fromEntries(
      (
        await t.ownerSql<{ username: string; id: string }>(
          'select username, id from app_user where username = any ($1)',
          [[world.users.clerkB, world.users.township, 'county.admin']],
        )
      ).map((row) => [row.username, row.id]),
    ) as Record<string, string>;
    await expect(insertAs(world.users.clerkB, ids[world.users.clerkB] as string)).rejects.toThrow(
      /row-level security/,
    );
    // An admin cannot file an evaluation under someone else's name.
    await expect(insertAs(world.users.township, ids['county.admin'] as string)).rejects.toThrow(
      /row-level security/,
    );
    for (const sql of [
      'update evaluation set score = 100 where id = $1',
      'delete from evaluation where id = $1',
    ]) {
      await expect(t.sqlAs(world.users.township, sql, [existing.id])).rejects.toThrow(/permission denied/);
    }
  });
});

describe('re-evaluation', () => {
  it('follows a failed evaluation once, later than it, and may itself fail and be followed in turn', async () => {
    const township = world.users.township;
    const passed = await evaluate(township, evaluationInput(associationB, { evaluatedOn: '2024-02-01' }));
    const notNeeded = await reEvaluate(township, passed.id, { evaluatedOn: '2024-03-01', items: answers() });
    expect(notNeeded.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'evaluationId' });

    const failed = await evaluate(
      township,
      evaluationInput(associationB, {
        evaluatedOn: '2024-02-01',
        items: answers(['QUARTERLY_ACTIVITY', 'MEMBER_HOME_EQUIPMENT']),
        rectificationDeadline: '2024-05-31',
      }),
    );
    expect(failed.rectificationDue).toBe(true);
    const sameDay = await reEvaluate(township, failed.id, { evaluatedOn: '2024-02-01', items: answers() });
    expectBadInput(sameDay, 'input.evaluatedOn');
    const byClerk = await reEvaluate(world.users.clerkB, failed.id, {
      evaluatedOn: '2024-06-01',
      items: answers(),
    });
    expect(byClerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byOutsider = await reEvaluate(world.users.otherTownship, failed.id, {
      evaluatedOn: '2024-06-01',
      items: answers(),
    });
    expect(byOutsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'evaluationId' });

    // The re-evaluation still finds one item wanting: it fails in its turn, with a new deadline.
    const second = await reEvaluate(township, failed.id, {
      evaluatedOn: '2024-06-03',
      items: answers(['MEMBER_HOME_EQUIPMENT']),
      rectificationDeadline: '2024-08-31',
    });
    expect(second.errors).toBeUndefined();
    const secondNode = second.data?.recordReEvaluation as EvaluationNode;
    expect(secondNode).toMatchObject({
      passed: false,
      rectificationDue: true,
      reEvaluationOf: { id: failed.id, passed: false },
      reEvaluation: null,
    });
    const again = await reEvaluate(township, failed.id, { evaluatedOn: '2024-06-04', items: answers() });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'evaluationId' });
    expect(again.errors?.[0]?.message).toMatch(BILINGUAL);

    const third = await reEvaluate('county.admin', secondNode.id, {
      evaluatedOn: '2024-09-02',
      items: answers(),
    });
    expect(third.errors).toBeUndefined();
    expect(third.data?.recordReEvaluation).toMatchObject({
      passed: true,
      rectificationDue: false,
      reEvaluationOf: { id: secondNode.id },
    });

    const original = await t.graphql<{ evaluation: EvaluationNode }>(
      ONE,
      { id: failed.id },
      await as(township),
    );
    expect(original.data?.evaluation).toMatchObject({
      rectificationDue: false,
      reEvaluation: { id: secondNode.id, passed: false },
    });
    const events = await t.ownerSql<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_event where entity = 'evaluation' and entity_id = any ($1) order by id`,
      [[failed.id, secondNode.id, third.data?.recordReEvaluation.id]],
    );
    expect(events.map((event) => event.action)).toEqual([
      'evaluation.record',
      'evaluation.re_evaluate',
      'evaluation.re_evaluate',
    ]);
    // The database holds the "one re-evaluation" rule too.
    const [user] = await t.ownerSql<{ id: string }>(
      "select id from app_user where username = 'county.admin'",
    );
    await expect(
      t.ownerSql(
        `insert into evaluation (association_id, region_id, evaluated_on, items, evaluated_by, re_evaluation_of)
         select association_id, region_id, date '2024-07-01', $3::jsonb, $2, $1 from evaluation where id = $1`,
        [failed.id, user?.id, JSON.stringify(answers())],
      ),
    ).rejects.toThrow(/evaluation_one_re_evaluation/);
  });
});

describe('reading evaluations', () => {
  it('another village’s clerk sees nothing, through the API or by raw SQL; the village’s own clerk sees its own', async () => {
    const evaluation = await evaluate(
      world.users.township,
      evaluationInput(associationA, {
        evaluatedOn: '2023-11-20',
        items: answers(['LEADERSHIP']),
        rectificationDeadline: '2024-01-31',
      }),
    );
    const outsider = await as(world.users.clerkB);
    expect((await t.graphql(ONE, { id: evaluation.id }, outsider)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const list = await t.graphql<{ evaluations: { edges: { node: { id: string } }[] } }>(
      LIST,
      { first: 100 },
      outsider,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.evaluations.edges.map((edge) => edge.node.id)).not.toContain(evaluation.id);
    const seen = await t.sqlAs<{ n: number }>(
      world.users.clerkB,
      'select count(*)::int as n from evaluation where association_id = $1',
      [associationA],
    );
    expect(seen[0]?.n).toBe(0);

    // The village's own clerk reads the finding, and who made it (role and region, not a name).
    const own = await t.graphql<{ evaluation: EvaluationNode }>(
      ONE,
      { id: evaluation.id },
      await as(world.users.clerkA),
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.evaluation).toMatchObject({
      passed: false,
      evaluatedBy: { role: 'TOWNSHIP_ADMIN', region: { code: world.township.code } },
    });
  });

  it('lists as SQL does: passed, rectification due, year, region and association, in both orders', async () => {
    const township = await as(world.users.township);
    async function walk(filter: Record<string, unknown> | null, orderBy: Record<string, unknown> | null) {
      return walkConnection(
        t,
        { document: LIST, field: 'evaluations', first: 2 },
        { filter, orderBy },
        township,
      );
    }

    async function sqlIds(where: string, params: unknown[], order = 'e.evaluated_on desc, e.id desc') {
      const rows = await t.ownerSql<{ id: string }>(
        `select e.id from evaluation e where ${where} order by ${order}`,
        params,
      );
      return rows.map((row) => row.id);
    }
    const scope = 'e.region_path <@ $1::ltree';
    const due = 'not e.passed and not exists (select from evaluation r where r.re_evaluation_of = e.id)';
    for (const [field, column] of [
      ['EVALUATED_ON', 'e.evaluated_on'],
      ['CREATED', 'e.created_at'],
    ] as const) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const expected = await sqlIds(
          scope,
          [world.township.path],
          `${column} ${direction}, e.id ${direction}`,
        );
        expect(expected.length).toBeGreaterThan(5);
        expect((await walk(null, { field, direction })).ids).toEqual(expected);
      }
    }
    const cases: { filter: Record<string, unknown>; where: string; params: unknown[] }[] = [
      { filter: { passed: true }, where: `${scope} and e.passed`, params: [world.township.path] },
      { filter: { passed: false }, where: `${scope} and not e.passed`, params: [world.township.path] },
      { filter: { rectificationDue: true }, where: `${scope} and ${due}`, params: [world.township.path] },
      {
        filter: { rectificationDue: false },
        where: `${scope} and not (${due})`,
        params: [world.township.path],
      },
      {
        filter: { year: 2023 },
        where: `${scope} and extract(year from e.evaluated_on) = 2023`,
        params: [world.township.path],
      },
      { filter: { regionCode: world.villageB.code }, where: scope, params: [world.villageB.path] },
      {
        filter: { associationId: associationA, passed: false },
        where: 'e.association_id = $1 and not e.passed',
        params: [associationA],
      },
    ];
    for (const { filter, where, params } of cases) {
      const expected = await sqlIds(where, params);
      expect(expected.length).toBeGreaterThan(0);
      const { ids, totalCount } = await walk(filter, null);
      expect({ filter, ids }).toEqual({ filter, ids: expected });
      expect(totalCount).toBe(expected.length);
    }
    expectBadInput(await t.graphql(LIST, { filter: { year: 1900 } }, township), 'filter.year');
  });

  it('resolves nested fields in one batch per level, whatever the page size', async () => {
    // Several chains of failed evaluations and their re-evaluations, across villages.
    for (const association of [associationA, associationB, associationOther]) {
      const failed = await evaluate(
        'county.admin',
        evaluationInput(association, {
          evaluatedOn: '2022-03-01',
          items: answers(['MEMBER_ROSTER']),
          rectificationDeadline: '2022-06-30',
        }),
      );
      const res = await reEvaluate('county.admin', failed.id, {
        evaluatedOn: '2022-07-01',
        items: answers(),
      });
      expect(res.errors).toBeUndefined();
    }
    const services = t.api.services;
    const calls = { regions: 0, byIds: 0, evaluators: 0 };
    const original = {
      regions: services.regions.byIds.bind(services.regions),
      byIds: services.evaluations.byIds.bind(services.evaluations),
      evaluators: services.evaluations.evaluators.bind(services.evaluations),
    };
    services.regions.byIds = (actor, ids) => {
      calls.regions += 1;
      return original.regions(actor, ids);
    };
    services.evaluations.byIds = (actor, ids) => {
      calls.byIds += 1;
      return original.byIds(actor, ids);
    };
    services.evaluations.evaluators = (actor, ids) => {
      calls.evaluators += 1;
      return original.evaluators(actor, ids);
    };
    // The demo county's evaluations run from 2024 and its latest have no re-evaluation yet: the page
    // is this file's 2022, where each failure above has its re-evaluation.
    const [year2022] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from evaluation where extract(year from evaluated_on) = 2022`,
    );
    try {
      const res = await t.graphql<{
        evaluations: { edges: { node: { reEvaluationOf: unknown; reEvaluation: unknown } }[] };
      }>(
        `query($filter: EvaluationFilter) { evaluations(first: 100, filter: $filter) { edges { node {
             id region { code } evaluatedBy { role }
             reEvaluationOf { id region { code } reEvaluationOf { id } }
             reEvaluation { id evaluatedBy { role } reEvaluation { id } } } } } }`,
        { filter: { year: 2022 } },
        await as('county.admin'),
      );
      expect(res.errors).toBeUndefined();
      const nodes = res.data?.evaluations.edges.map((edge) => edge.node) ?? [];
      expect(nodes).toHaveLength(year2022!.n);
      expect(nodes.length).toBeGreaterThan(5);
      expect(nodes.filter((node) => node.reEvaluationOf).length).toBeGreaterThanOrEqual(3);
      expect(nodes.filter((node) => node.reEvaluation).length).toBeGreaterThanOrEqual(3);
      // At most one batch per nesting level (two levels here), however many rows: a per-row lookup
      // would make these counts grow with the page.
      for (const count of Object.values(calls)) {
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(2);
      }
    } finally {
      // The own properties set above shadow the prototype's methods; removing them restores those.
      Reflect.deleteProperty(services.regions, 'byIds');
      Reflect.deleteProperty(services.evaluations, 'byIds');
      Reflect.deleteProperty(services.evaluations, 'evaluators');
    }
  });
});
