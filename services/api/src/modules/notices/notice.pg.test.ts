import { APP_ROLE } from '@sunshine/devdb/database-urls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { chinaDay } from '../activities/work-record-test-fixtures.ts';
import {
  APPROVE,
  auditActions,
  countRows,
  type EnrollmentNode,
  expectRefusal,
  ok,
  REVIEW,
  REWARD_NEW_EVIDENCE,
  ROLL_YEAR,
  type RollWorld,
  rollWorld,
  SPECIAL_NEW_EVIDENCE,
  SUBMIT,
} from '../enrollments/roll-test-fixtures.ts';

const NOTICE_FIELDS = `id programId year startsOn endsOn objectionOffice objectionPhone status daysLeft version
  region { code } objectionCount openObjectionCount
  enrollments { id status objectionToken personName }
  objections { id enrollmentId objectionToken status resolution receivedOn channel version }`;
const OPEN = `mutation($input: OpenNoticeInput!) { openNotice(input: $input) { ${NOTICE_FIELDS} } }`;
const CONFIRM = `mutation($id: ID!, $v: Int!) { confirmNotice(id: $id, expectedVersion: $v) { ${NOTICE_FIELDS} } }`;
const ONE = `query($id: ID!) { notice(id: $id) { ${NOTICE_FIELDS} } }`;
const LIST = `query($filter: NoticeFilter) { notices(first: 20, filter: $filter) {
  totalCount edges { node { id status program { code } enrollments { id } } } } }`;
const RECORD = `mutation($input: RecordObjectionInput!) {
  recordObjection(input: $input) { id enrollmentId objectionToken status receivedOn channel summary version } }`;
const RESOLVE = `mutation($id: ID!, $v: Int!, $outcome: ObjectionOutcome!, $resolution: String!) {
  resolveObjection(id: $id, expectedVersion: $v, outcome: $outcome, resolution: $resolution) {
    id status resolution version } }`;
const STATUS = `query($id: ID!) { enrollment(id: $id) { id status rejectionReason noticeId version } }`;

interface NoticeNode {
  id: string;
  programId: string;
  year: number;
  startsOn: string;
  endsOn: string;
  objectionOffice: string;
  objectionPhone: string;
  status: string;
  daysLeft: number;
  version: number;
  region: { code: string };
  objectionCount: number;
  openObjectionCount: number;
  enrollments: { id: string; status: string; objectionToken: string; personName: string }[];
  objections: { id: string; enrollmentId: string; status: string; version: number }[];
}

interface ObjectionNode {
  id: string;
  enrollmentId: string;
  objectionToken: string;
  status: string;
  version: number;
}

// Statements the API sends as the app role, counted at the driver (as in members/nested-read.pg.test.ts).
const sent: string[] = [];
let counting = false;
const driverQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]): unknown {
  if (counting && (this as pg.Client & { user?: string }).user === APP_ROLE) {
    const query = args[0];
    sent.push(typeof query === 'string' ? query : String((query as { text?: string } | null)?.text ?? ''));
  }
  return (driverQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** The statements that read data (not transaction bookkeeping, not the scope settings). */
async function readsFor(run: () => Promise<unknown>): Promise<number> {
  sent.length = 0;
  counting = true;
  try {
    await run();
  } finally {
    counting = false;
  }
  return sent
    .map((sql) => sql.replace(/^\s*select set_config\([^;]*;\s*/i, ''))
    .filter(
      (sql) =>
        sql !== '' &&
        !/^\s*(begin|commit|rollback|start transaction|savepoint|release)\b/i.test(sql) &&
        !/set_config\(/.test(sql),
    ).length;
}

const NESTED = `query($first: Int!) { notices(first: $first) { edges { node {
  id status daysLeft objectionCount openObjectionCount region { code }
  program { code standards { amountFen } }
  objections { id status }
  enrollments { id personName program { code } region { code } person { residentIdMasked } } } } } }`;

let t: TestApi;
let world: RollWorld;
const cookies: Record<string, string> = {};

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

/** Submitted by the village clerk (or `submitter`), reviewed by the township, approved by the county. */
async function approved(
  programCode: string,
  person: { id: string; clerk: string },
  township: string,
  submitter = person.clerk,
  evidence = REWARD_NEW_EVIDENCE,
): Promise<EnrollmentNode> {
  const input = {
    programId: world.programs[programCode],
    personId: person.id,
    year: ROLL_YEAR,
    kind: 'NEW',
    evidence,
  };
  const submitted = await ok(
    t.graphql<Record<string, EnrollmentNode>>(SUBMIT, { input }, await as(submitter)),
    'submitEnrollment',
  );
  const reviewer = submitter === township ? world.townshipA2 : township;
  const reviewed = await ok(
    t.graphql<Record<string, EnrollmentNode>>(REVIEW, { id: submitted.id, v: 1 }, await as(reviewer)),
    'reviewEnrollment',
  );
  return ok(
    t.graphql<Record<string, EnrollmentNode>>(APPROVE, { id: reviewed.id, v: 2 }, await as('county.admin')),
    'approveEnrollment',
  );
}

/** An openNotice input for this year's roll of one of the world's programs. */
function noticeInput(
  programCode: string,
  regionCode: string,
  startsOn: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { programId: world.programs[programCode], year: ROLL_YEAR, regionCode, startsOn, ...extra };
}

async function tryOpen(username: string, input: Record<string, unknown>) {
  return t.graphql<Record<string, NoticeNode>>(OPEN, { input }, await as(username));
}

async function open(username: string, input: Record<string, unknown>): Promise<NoticeNode> {
  return ok(tryOpen(username, input), 'openNotice');
}

async function tryConfirm(username: string, notice: { id: string; version: number }) {
  return t.graphql<Record<string, NoticeNode>>(
    CONFIRM,
    { id: notice.id, v: notice.version },
    await as(username),
  );
}

async function tryResolve(
  username: string,
  objection: { id: string; version: number },
  outcome: 'UPHELD' | 'DISMISSED',
  resolution: string,
) {
  return t.graphql<Record<string, ObjectionNode>>(
    RESOLVE,
    { id: objection.id, v: objection.version, outcome, resolution },
    await as(username),
  );
}

async function record(
  username: string,
  token: string,
  receivedOn: string,
  summary = '反映其子女并非独生，请核实',
) {
  return t.graphql<{ recordObjection: ObjectionNode }>(
    RECORD,
    { input: { token, receivedOn, channel: 'PHONE', summary } },
    await as(username),
  );
}

async function noticeEnd(start: string, days: number, kind: string): Promise<string> {
  const [row] = await t.ownerSql<{ end: string }>('select notice_end($1::date, $2, $3)::text as end', [
    start,
    days,
    kind,
  ]);
  return row?.end ?? '';
}

beforeAll(async () => {
  t = await startTestApi();
  world = await rollWorld(t, as);
});
afterAll(async () => t?.close());

describe('public notices and objections', () => {
  it('takes the roll from approval through notice, objections and confirmation; an upheld objection strikes off', async () => {
    const { townshipA } = world;
    const audits = await auditActions(t);
    const [first, second, third] = townshipA.rewardEligible.slice(0, 3);
    if (!first || !second || !third) throw new Error('three eligible persons needed');
    const kept = await approved('REWARD-NATIONAL', first, townshipA.admin);
    const struck = await approved('REWARD-NATIONAL', second, townshipA.admin);
    const cleared = await approved('REWARD-NATIONAL', third, townshipA.admin);

    // Posted 30 days ago for 7 calendar days: over now, so it can be confirmed today.
    const startsOn = chinaDay(-30);
    const before = await countRows(t, 'notice');
    expectRefusal(
      await tryOpen(first.clerk, noticeInput('REWARD-NATIONAL', townshipA.code, startsOn)),
      'FORBIDDEN',
    );
    expectRefusal(
      await tryOpen(townshipA.admin, noticeInput('REWARD-NATIONAL', townshipA.code, chinaDay(-31))),
      'BAD_INPUT',
      'input.startsOn',
    );
    expect(await countRows(t, 'notice')).toBe(before);
    const notice = await open(
      townshipA.admin,
      noticeInput('REWARD-NATIONAL', townshipA.code, startsOn, { objectionPhone: '0571-86001234' }),
    );
    expect(notice).toMatchObject({
      startsOn,
      endsOn: chinaDay(-24),
      status: 'CLOSED',
      daysLeft: 0,
      objectionPhone: '0571-86001234',
      objectionOffice: expect.stringMatching(/卫生健康局$/),
      region: { code: townshipA.code },
      objectionCount: 0,
    });
    expect(notice.enrollments.map((e) => e.id).sort()).toEqual([kept.id, struck.id, cleared.id].sort());
    expect(notice.enrollments.every((e) => e.status === 'IN_NOTICE')).toBe(true);

    // Nothing left to post: a second notice is refused.
    expectRefusal(
      await tryOpen(townshipA.admin, noticeInput('REWARD-NATIONAL', townshipA.code, startsOn)),
      'INVALID_STATE',
      'input.regionCode',
    );

    // Objections name the token printed on the list, received within the notice.
    const token = (id: string) => notice.enrollments.find((e) => e.id === id)?.objectionToken as string;
    expectRefusal(
      await record(second.clerk, token(struck.id), chinaDay(-20)),
      'BAD_INPUT',
      'input.receivedOn',
    );
    const upheld = (await record(second.clerk, token(struck.id), chinaDay(-28))).data
      ?.recordObjection as ObjectionNode;
    expect(upheld).toMatchObject({
      status: 'OPEN',
      enrollmentId: struck.id,
      objectionToken: token(struck.id),
    });
    const dismissed = await ok(
      t.graphql<Record<string, ObjectionNode>>(
        RECORD,
        {
          input: {
            token: token(cleared.id).toUpperCase(),
            receivedOn: chinaDay(-27),
            channel: 'VISIT',
            summary: '来访反映',
          },
        },
        await as(townshipA.admin),
      ),
      'recordObjection',
    );

    // Not confirmed while an objection is open; the message says how many.
    const refused = await tryConfirm(townshipA.admin, notice);
    expectRefusal(refused, 'INVALID_STATE');
    expect(refused.errors?.[0]?.extensions?.messageZh).toContain('2 条异议未处理');

    // Only a township or county admin resolves; a clerk cannot.
    expectRefusal(await tryResolve(second.clerk, upheld, 'UPHELD', '经核实属实'), 'FORBIDDEN');
    await ok(
      tryResolve(townshipA.admin, upheld, 'UPHELD', '经入户核实，该户另有一子，不符合条件'),
      'resolveObjection',
    );
    expectRefusal(
      await tryResolve(townshipA.admin, { id: upheld.id, version: 2 }, 'DISMISSED', '改判'),
      'INVALID_STATE',
    );
    const stillOpen = await t.graphql<{ notice: NoticeNode }>(
      ONE,
      { id: notice.id },
      await as(townshipA.admin),
    );
    expect(stillOpen.data?.notice).toMatchObject({ objectionCount: 2, openObjectionCount: 1 });
    expectRefusal(await tryConfirm(townshipA.admin, notice), 'INVALID_STATE');
    await ok(
      tryResolve('county.admin', dismissed, 'DISMISSED', '经核实，反映情况与事实不符'),
      'resolveObjection',
    );

    const confirmed = await ok(tryConfirm(townshipA.admin, notice), 'confirmNotice');
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', daysLeft: 0, openObjectionCount: 0 });
    const status = async (id: string) =>
      (
        await t.graphql<{ enrollment: { status: string; rejectionReason: string | null } }>(
          STATUS,
          { id },
          await as(townshipA.admin),
        )
      ).data?.enrollment;
    expect(await status(kept.id)).toMatchObject({ status: 'CONFIRMED', rejectionReason: null });
    expect(await status(cleared.id)).toMatchObject({ status: 'CONFIRMED' });
    expect(await status(struck.id)).toMatchObject({
      status: 'REJECTED',
      rejectionReason: '异议成立：经入户核实，该户另有一子，不符合条件',
    });
    expectRefusal(await tryConfirm(townshipA.admin, confirmed), 'INVALID_STATE');
    // After confirmation the token answers nothing.
    expectRefusal(await record(townshipA.admin, token(kept.id), chinaDay(-26)), 'NOT_FOUND', 'input.token');

    const after = await auditActions(t);
    const expected: Record<string, number> = {
      'enrollment.submit': 3,
      'enrollment.review': 3,
      'enrollment.approve': 3,
      'notice.open': 1,
      'objection.record': 2,
      'objection.resolve': 2,
      'notice.confirm': 1,
    };
    for (const [action, count] of Object.entries(expected)) {
      expect(after[action], action).toBe((audits[action] ?? 0) + count);
    }
  });

  it('refuses to confirm before the notice ends, and counts the days left', async () => {
    const { townshipB } = world;
    const person = townshipB.rewardEligible[0]!;
    const enrollment = await approved('REWARD-NATIONAL', person, townshipB.admin);
    const notice = await open(townshipB.admin, noticeInput('REWARD-NATIONAL', townshipB.code, chinaDay(0)));
    expect(notice).toMatchObject({ status: 'OPEN', endsOn: chinaDay(6), daysLeft: 7 });
    const refused = await tryConfirm(townshipB.admin, notice);
    expectRefusal(refused, 'INVALID_STATE');
    expect(refused.errors?.[0]?.extensions?.messageZh).toContain(`公示期至 ${chinaDay(6)} 结束`);
    const [row] = await t.ownerSql<{ status: string }>('select status from enrollment where id = $1', [
      enrollment.id,
    ]);
    expect(row?.status).toBe('IN_NOTICE');

    // An objection received in the future is refused; today is fine. The token answers only within
    // its jurisdiction: township A's admin gets the same NOT_FOUND as for a token that does not exist.
    const token = notice.enrollments[0]?.objectionToken as string;
    expectRefusal(await record(townshipB.admin, token, chinaDay(1)), 'BAD_INPUT', 'input.receivedOn');
    const elsewhere = await record(world.townshipA.admin, token, chinaDay(0));
    const unknown = await record(world.townshipA.admin, 'f'.repeat(32), chinaDay(0));
    const malformed = await record(world.townshipA.admin, 'not-a-token', chinaDay(0));
    for (const res of [elsewhere, unknown, malformed]) expectRefusal(res, 'NOT_FOUND', 'input.token');
    expect(elsewhere.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(malformed.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    const objection = await record(person.clerk, token, chinaDay(0));
    expect(objection.errors).toBeUndefined();

    // A village clerk sees the notice and the people of their own village on it.
    const seen = await t.graphql<{ notice: NoticeNode }>(ONE, { id: notice.id }, await as(person.clerk));
    expect(seen.errors, JSON.stringify(seen.errors)).toBeUndefined();
    expect(seen.data?.notice.enrollments.map((e) => e.id)).toEqual([enrollment.id]);
    const list = await t.graphql<{
      notices: { totalCount: number; edges: { node: { id: string; status: string } }[] };
    }>(LIST, { filter: { year: ROLL_YEAR, status: 'OPEN' } }, await as('county.admin'));
    expect(list.errors, JSON.stringify(list.errors)).toBeUndefined();
    expect(list.data?.notices.edges.map((edge) => edge.node.id)).toContain(notice.id);
    expect(list.data?.notices.edges.every((edge) => edge.node.status === 'OPEN')).toBe(true);
  });

  it('counts a working-day notice past the National Day holidays, in the database and through the API', async () => {
    // 2026-09-30 is a Wednesday; 1–7 October are holidays and Saturday 10 October is worked.
    expect(await noticeEnd('2026-09-30', 7, 'WORKING')).toBe('2026-10-14');
    expect(await noticeEnd('2026-09-30', 7, 'CALENDAR')).toBe('2026-10-06');

    // Special assistance is posted for 7 working days: the township of the families posts it.
    const { townshipA } = world;
    const person = townshipA.specialEligible[0]!;
    await approved('SPECIAL-ASSISTANCE', person, townshipA.admin, townshipA.admin, SPECIAL_NEW_EVIDENCE);
    const startsOn = chinaDay(-10);
    const notice = await open(townshipA.admin, noticeInput('SPECIAL-ASSISTANCE', townshipA.code, startsOn));
    expect(notice.endsOn).toBe(await noticeEnd(startsOn, 7, 'WORKING'));
    // Hidden from the village, whose clerk cannot even record an objection against it.
    expectRefusal(await t.graphql(ONE, { id: notice.id }, await as(person.clerk)), 'NOT_FOUND');
    const token = notice.enrollments[0]?.objectionToken as string;
    expectRefusal(await record(person.clerk, token, chinaDay(-9)), 'NOT_FOUND', 'input.token');
    const [audit] = await t.ownerSql<{ sensitive: boolean }>(
      `select sensitive from audit_event where entity = 'notice' and entity_id = $1`,
      [notice.id],
    );
    expect(audit?.sensitive).toBe(true);
  });

  it('posts a notice for a township or the county only, of approved rows in the region', async () => {
    const { townshipA } = world;
    const village = townshipA.rewardEligible[3]!.villageCode;
    expectRefusal(
      await tryOpen(townshipA.admin, noticeInput('ONLY-CHILD-REWARD', village, chinaDay(0))),
      'BAD_INPUT',
      'input.regionCode',
    );
    expectRefusal(
      await tryOpen(townshipA.admin, noticeInput('ONLY-CHILD-REWARD', world.townshipB.code, chinaDay(0))),
      'NOT_FOUND',
      'input.regionCode',
    );
    expectRefusal(
      await tryOpen(
        townshipA.admin,
        noticeInput('ONLY-CHILD-REWARD', townshipA.code, chinaDay(0), { objectionPhone: '12' }),
      ),
      'BAD_INPUT',
      'input.objectionPhone',
    );
  });

  it('reads notices with their programs, standards, people and objections in the same statements for one or many', async () => {
    const cookie = await as('county.admin');
    const run = (first: number) => async () => {
      const res = await t.graphql<{ notices: { edges: { node: { enrollments: unknown[] } }[] } }>(
        NESTED,
        { first },
        cookie,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data?.notices.edges.length ?? 0;
    };
    const [total] = await t.ownerSql<{ n: number }>('select count(*)::int as n from notice');
    expect(total?.n).toBeGreaterThanOrEqual(4);
    const one = await readsFor(run(1));
    const many = await readsFor(run(Math.min(total?.n ?? 4, 50)));
    expect(many).toBe(one);
    expect(one).toBeLessThanOrEqual(12);
  });
});
