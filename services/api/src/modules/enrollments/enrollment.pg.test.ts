import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  APPROVE,
  auditActions,
  countRows,
  ENROLLMENTS,
  type EnrollmentNode,
  evidence,
  expectRefusal,
  ONE_ENROLLMENT,
  ok,
  REJECT,
  RESUBMIT,
  REVIEW,
  REWARD_NEW_EVIDENCE,
  ROLL_YEAR,
  type RollWorld,
  rollWorld,
  SPECIAL_NEW_EVIDENCE,
  SUBMIT,
} from './roll-test-fixtures.ts';

let t: TestApi;
let world: RollWorld;
const cookies: Record<string, string> = {};

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

function rewardInput(personId: string, overrides: Record<string, unknown> = {}) {
  return {
    programId: world.programs['REWARD-NATIONAL'],
    personId,
    year: ROLL_YEAR,
    kind: 'NEW',
    evidence: REWARD_NEW_EVIDENCE,
    ...overrides,
  };
}

async function submit(username: string, input: Record<string, unknown>): Promise<EnrollmentNode> {
  return ok(
    t.graphql<Record<string, EnrollmentNode>>(SUBMIT, { input }, await as(username)),
    'submitEnrollment',
  );
}

async function step(document: string, field: string, username: string, node: EnrollmentNode, extra = {}) {
  return ok(
    t.graphql<Record<string, EnrollmentNode>>(
      document,
      { id: node.id, v: node.version, ...extra },
      await as(username),
    ),
    field,
  );
}

beforeAll(async () => {
  t = await startTestApi();
  world = await rollWorld(t, as);
});
afterAll(async () => t?.close());

describe('enrollments', () => {
  it('a village submits with complete evidence, the township reviews, the county approves: three people, each audited', async () => {
    const { townshipA } = world;
    const person = townshipA.rewardEligible[0]!;
    const audits = await auditActions(t);
    const submitted = await submit(person.clerk, rewardInput(person.id));
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      kind: 'NEW',
      variant: 'DEFAULT',
      year: ROLL_YEAR,
      region: { code: expect.stringMatching(new RegExp(`^${person.villageCode.slice(0, 9)}`)) },
      reviewedBy: null,
      version: 1,
    });
    expect(submitted.personName.length).toBeGreaterThan(0);
    expect(submitted.person?.residentIdMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(submitted.objectionToken).toMatch(/^[a-p]{32}$/);
    expect(submitted.evidence.map((item) => item.labelZh)).toEqual([
      '户口簿',
      '居民身份证',
      '生育情况证明',
      '村（居）委会证明',
    ]);

    const reviewed = await step(REVIEW, 'reviewEnrollment', townshipA.admin, submitted);
    expect(reviewed).toMatchObject({ status: 'REVIEWED', version: 2 });
    const approved = await step(APPROVE, 'approveEnrollment', 'county.admin', reviewed);
    expect(approved).toMatchObject({ status: 'APPROVED', version: 3 });
    expect(new Set([approved.submittedBy, approved.reviewedBy, approved.approvedBy]).size).toBe(3);

    const after = await auditActions(t);
    for (const action of ['enrollment.submit', 'enrollment.review', 'enrollment.approve']) {
      expect(after[action], action).toBe((audits[action] ?? 0) + 1);
    }
    // The audit rows hold digests, never the evidence or the person's name.
    const rows = await t.ownerSql<{ before_sha256: string | null; after_sha256: string }>(
      `select before_sha256, after_sha256 from audit_event where entity = 'enrollment' and entity_id = $1`,
      [submitted.id],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.after_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('each step is taken by a different person with the authority for it', async () => {
    const { townshipA } = world;
    const [clerkCase, townshipCase, countyCase] = townshipA.rewardEligible.slice(1, 4);
    if (!clerkCase || !townshipCase || !countyCase) throw new Error('three eligible persons needed');

    // A clerk neither reviews nor approves, even a submission of someone else.
    const byClerk = await submit(clerkCase.clerk, rewardInput(clerkCase.id));
    expectRefusal(await t.graphql(REVIEW, { id: byClerk.id, v: 1 }, await as(clerkCase.clerk)), 'FORBIDDEN');
    expectRefusal(await t.graphql(APPROVE, { id: byClerk.id, v: 1 }, await as(clerkCase.clerk)), 'FORBIDDEN');
    const reviewed = await step(REVIEW, 'reviewEnrollment', townshipA.admin, byClerk);
    // A township admin does not approve.
    expectRefusal(
      await t.graphql(APPROVE, { id: reviewed.id, v: 2 }, await as(townshipA.admin)),
      'FORBIDDEN',
    );

    // The submitter never reviews their own submission.
    const byTownship = await submit(townshipA.admin, rewardInput(townshipCase.id));
    const ownReview = await t.graphql(REVIEW, { id: byTownship.id, v: 1 }, await as(townshipA.admin));
    expectRefusal(ownReview, 'FOUR_EYES');
    expect(ownReview.errors?.[0]?.extensions?.messageZh).toContain('须由不同人员');
    expect(ownReview.errors?.[0]?.extensions?.messageEn).toContain('different person');

    // A county admin who reviewed does not approve; neither does one who submitted.
    const reviewedByCounty = await step(REVIEW, 'reviewEnrollment', 'county.admin', byTownship);
    expectRefusal(
      await t.graphql(APPROVE, { id: reviewedByCounty.id, v: 2 }, await as('county.admin')),
      'FOUR_EYES',
    );
    const byCounty = await submit('county.admin', rewardInput(countyCase.id));
    const reviewedByTownship = await step(REVIEW, 'reviewEnrollment', townshipA.admin, byCounty);
    expectRefusal(
      await t.graphql(APPROVE, { id: reviewedByTownship.id, v: 2 }, await as('county.admin')),
      'FOUR_EYES',
    );
    const approved = await step(APPROVE, 'approveEnrollment', 'county.approver', reviewedByTownship);
    expect(approved.status).toBe('APPROVED');

    // Nothing moved on the refusals: statuses are where the permitted steps left them.
    const statuses = await t.ownerSql<{ id: string; status: string }>(
      'select id, status from enrollment where id = any($1::uuid[]) order by id',
      [[byClerk.id, byTownship.id, byCounty.id]],
    );
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [byClerk.id]: 'REVIEWED',
      [byTownship.id]: 'REVIEWED',
      [byCounty.id]: 'APPROVED',
    });
  });

  it('refuses an incomplete submission, naming the missing evidence, and writes nothing', async () => {
    const person = world.townshipA.rewardEligible[4]!;
    const before = await countRows(t, 'enrollment');
    const audits = await auditActions(t);
    const res = await t.graphql(
      SUBMIT,
      { input: rewardInput(person.id, { evidence: evidence('HOUSEHOLD_REGISTER', 'RESIDENT_ID_CARD') }) },
      await as(person.clerk),
    );
    expectRefusal(res, 'BAD_INPUT', 'input.evidence');
    expect(res.errors?.[0]?.extensions?.messageZh).toContain('生育情况证明、村（居）委会证明');
    expect(res.errors?.[0]?.extensions?.messageEn).toContain(
      "record of births, village committee's certification",
    );
    expect(await countRows(t, 'enrollment')).toBe(before);
    expect(await auditActions(t)).toEqual(audits);
  });

  it('refuses a person the rules exclude, saying which rule', async () => {
    const young = world.townshipA.tooYoung;
    const before = await countRows(t, 'enrollment');
    const res = await t.graphql(SUBMIT, { input: rewardInput(young.id) }, await as(young.clerk));
    expectRefusal(res, 'BAD_INPUT', 'input.personId');
    expect(res.errors?.[0]?.extensions?.messageZh).toContain('须在该年度年满 60 周岁');
    expect(await countRows(t, 'enrollment')).toBe(before);
  });

  it('refuses a second enrollment of the same person in the same program and year', async () => {
    const person = world.townshipA.rewardEligible[5]!;
    await submit(person.clerk, rewardInput(person.id));
    const before = await countRows(t, 'enrollment');
    const again = await t.graphql(SUBMIT, { input: rewardInput(person.id) }, await as(world.townshipA.admin));
    expectRefusal(again, 'CONFLICT', 'input.personId');
    expect(await countRows(t, 'enrollment')).toBe(before);
  });

  it('keeps ID and phone numbers out of evidence, and checks every evidence field', async () => {
    const person = world.townshipA.rewardEligible[6]!;
    const withNumber = (documentNumber: string) =>
      rewardInput(person.id, {
        evidence: REWARD_NEW_EVIDENCE.map((item, index) =>
          index === 1 ? { ...item, documentNumber } : item,
        ),
      });
    const cases: [Record<string, unknown>, string][] = [
      [withNumber('33019919600101123X'), 'input.evidence[1].documentNumber'],
      [withNumber('身份证 3301 9919 6001 0112 3X'), 'input.evidence[1].documentNumber'],
      [withNumber('13912345678'), 'input.evidence[1].documentNumber'],
      [withNumber('１３９１２３４５６７８'), 'input.evidence[1].documentNumber'],
      [withNumber(''), 'input.evidence[1].documentNumber'],
      [
        rewardInput(person.id, { evidence: [...REWARD_NEW_EVIDENCE, REWARD_NEW_EVIDENCE[0]] }),
        'input.evidence[4].kind',
      ],
      [
        rewardInput(person.id, {
          evidence: REWARD_NEW_EVIDENCE.map((item) => ({ ...item, issuedOn: '2999-01-01' })),
        }),
        'input.evidence[0].issuedOn',
      ],
      [rewardInput(person.id, { year: 1999 }), 'input.year'],
      [rewardInput(person.id, { kind: 'EXITED' }), 'input.exitReason'],
      [rewardInput(person.id, { exitReason: 'DEATH' }), 'input.exitReason'],
    ];
    const before = await countRows(t, 'enrollment');
    for (const [input, field] of cases) {
      const res = await t.graphql(SUBMIT, { input }, await as(person.clerk));
      expectRefusal(res, 'BAD_INPUT', field);
      expect(res.errors?.[0]?.message).not.toContain('13912345678');
    }
    expect(await countRows(t, 'enrollment')).toBe(before);
    // A certificate number with a few digits is fine.
    const fine = await submit(person.clerk, withNumber('尾号123X'));
    expect(fine.evidence[1]?.documentNumber).toBe('尾号123X');
  });

  it('sends back with a reason, and takes a corrected resubmission', async () => {
    const { townshipA } = world;
    const person = townshipA.rewardEligible[7]!;
    const submitted = await submit(person.clerk, rewardInput(person.id));
    expectRefusal(
      await t.graphql(REJECT, { id: submitted.id, v: 1, reason: 'x' }, await as(townshipA.admin)),
      'BAD_INPUT',
      'reason',
    );
    // The submitter does not send back their own; a stale version is refused.
    const bySelf = await submit(townshipA.admin, rewardInput(townshipA.rewardEligible[8]!.id));
    expectRefusal(
      await t.graphql(REJECT, { id: bySelf.id, v: 1, reason: '材料待补充' }, await as(townshipA.admin)),
      'FOUR_EYES',
    );
    expectRefusal(
      await t.graphql(REJECT, { id: submitted.id, v: 7, reason: '材料待补充' }, await as(townshipA.admin)),
      'CONFLICT',
      'expectedVersion',
    );
    const rejected = await step(REJECT, 'rejectEnrollment', townshipA.admin, submitted, {
      reason: '生育情况证明的出具单位不清晰，请补充',
    });
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectionReason: '生育情况证明的出具单位不清晰，请补充',
    });
    expectRefusal(
      await t.graphql(REVIEW, { id: rejected.id, v: rejected.version }, await as(townshipA.admin)),
      'INVALID_STATE',
    );

    // Another person, program or year is a new submission, not a resubmission.
    const other = await t.graphql(
      RESUBMIT,
      { id: rejected.id, v: rejected.version, input: rewardInput(townshipA.rewardEligible[9]!.id) },
      await as(person.clerk),
    );
    expectRefusal(other, 'BAD_INPUT', 'input.personId');
    const resubmitted = await step(RESUBMIT, 'resubmitEnrollment', person.clerk, rejected, {
      input: rewardInput(person.id, {
        evidence: REWARD_NEW_EVIDENCE.map((item) =>
          item.kind === 'BIRTH_RECORD' ? { ...item, documentNumber: '镇卫健办证明第0088号' } : item,
        ),
      }),
    });
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', rejectionReason: null, rejectedBy: null });
    expect(resubmitted.evidence.find((item) => item.kind === 'BIRTH_RECORD')?.documentNumber).toBe(
      '镇卫健办证明第0088号',
    );
    const audits = await t.ownerSql<{ action: string }>(
      `select action from audit_event where entity_id = $1 order by id`,
      [submitted.id],
    );
    expect(audits.map((row) => row.action)).toEqual([
      'enrollment.submit',
      'enrollment.reject',
      'enrollment.resubmit',
    ]);
  });

  it('special assistance is submitted by the township, reviewed by another, and hidden from villages', async () => {
    const { townshipA, townshipA2 } = world;
    const person = townshipA.specialEligible[0]!;
    const input = {
      programId: world.programs['SPECIAL-ASSISTANCE'],
      personId: person.id,
      year: ROLL_YEAR,
      kind: 'NEW',
      evidence: SPECIAL_NEW_EVIDENCE,
    };
    const before = await countRows(t, 'enrollment');
    const byClerk = await t.graphql(SUBMIT, { input }, await as(person.clerk));
    expectRefusal(byClerk, 'FORBIDDEN', 'input.programId');
    expect(await countRows(t, 'enrollment')).toBe(before);

    const submitted = await submit(townshipA.admin, input);
    expect(submitted.variant).toMatch(/^(DIED|DISABLED)_(URBAN|RURAL)$/);
    expectRefusal(
      await t.graphql(REVIEW, { id: submitted.id, v: 1 }, await as(townshipA.admin)),
      'FOUR_EYES',
    );
    const reviewed = await step(REVIEW, 'reviewEnrollment', townshipA2, submitted);
    const approved = await step(APPROVE, 'approveEnrollment', 'county.admin', reviewed);
    expect(approved.status).toBe('APPROVED');

    // The village clerk sees neither the row nor that it exists; the township and county do.
    expectRefusal(await t.graphql(ONE_ENROLLMENT, { id: submitted.id }, await as(person.clerk)), 'NOT_FOUND');
    const clerkList = await t.graphql<{ enrollments: { edges: { node: { id: string } }[] } }>(
      ENROLLMENTS,
      { first: 100, filter: { year: ROLL_YEAR } },
      await as(person.clerk),
    );
    expect(clerkList.errors).toBeUndefined();
    expect(clerkList.data?.enrollments.edges.map((edge) => edge.node.id)).not.toContain(submitted.id);
    const townshipList = await t.graphql<{ enrollments: { edges: { node: { id: string } }[] } }>(
      ENROLLMENTS,
      { first: 100, filter: { programId: world.programs['SPECIAL-ASSISTANCE'], year: ROLL_YEAR } },
      await as(townshipA.admin),
    );
    expect(townshipList.data?.enrollments.edges.map((edge) => edge.node.id)).toContain(submitted.id);
    // Its audit rows are as sensitive as the fact.
    const [audit] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from audit_event where entity_id = $1 and sensitive`,
      [submitted.id],
    );
    expect(audit?.n).toBe(3);
    // The care payment asks for the same statuses: a clerk cannot submit it either.
    const care = await t.graphql(
      SUBMIT,
      {
        input: {
          programId: world.programs['CARE-PAYMENT'],
          personId: person.id,
          year: ROLL_YEAR,
          kind: 'NEW',
          evidence: evidence('HOUSEHOLD_REGISTER', 'VILLAGE_CERTIFICATION'),
        },
      },
      await as(person.clerk),
    );
    expectRefusal(care, 'FORBIDDEN', 'input.programId');
  });

  it('lists by program, year, status and region, a page at a time, with names and no ID numbers', async () => {
    const { townshipA } = world;
    const filter = {
      programId: world.programs['REWARD-NATIONAL'],
      year: ROLL_YEAR,
      regionCode: townshipA.code,
    };
    const first = await t.graphql<{
      enrollments: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; personName: string; status: string } }[];
      };
    }>(ENROLLMENTS, { first: 2, filter }, await as(townshipA.admin));
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    const total = first.data?.enrollments.totalCount ?? 0;
    expect(total).toBeGreaterThanOrEqual(6);
    expect(first.data?.enrollments.pageInfo.hasNextPage).toBe(true);
    const second = await t.graphql<{ enrollments: { edges: { node: { id: string } }[] } }>(
      ENROLLMENTS,
      { first: 2, after: first.data?.enrollments.pageInfo.endCursor, filter },
      await as(townshipA.admin),
    );
    const ids = [...(first.data?.enrollments.edges ?? []), ...(second.data?.enrollments.edges ?? [])].map(
      (edge) => edge.node.id,
    );
    expect(new Set(ids).size).toBe(4);
    const approved = await t.graphql<{ enrollments: { totalCount: number } }>(
      ENROLLMENTS,
      { first: 1, filter: { ...filter, status: 'APPROVED' } },
      await as('county.auditor'),
    );
    expect(approved.data?.enrollments.totalCount).toBe(2);
    // The other township's admin sees none of township A's.
    const other = await t.graphql<{ enrollments: { totalCount: number } }>(
      ENROLLMENTS,
      { first: 1, filter: { year: ROLL_YEAR } },
      await as(world.townshipB.admin),
    );
    expect(other.data?.enrollments.totalCount).toBe(0);
    expectRefusal(
      await t.graphql(
        ENROLLMENTS,
        { first: 1, filter: { regionCode: townshipA.code } },
        await as(world.townshipB.admin),
      ),
      'NOT_FOUND',
      'filter.regionCode',
    );
    const body = JSON.stringify(first.data);
    expect(body).not.toMatch(/\d{17}[\dX]/);
  });

  it('an auditor reads but never submits', async () => {
    const person = world.townshipB.rewardEligible[0]!;
    expectRefusal(
      await t.graphql(SUBMIT, { input: rewardInput(person.id) }, await as('county.auditor')),
      'FORBIDDEN',
    );
  });

  it('the database refuses the same steps taken as the app role directly', async () => {
    const { townshipB } = world;
    const person = townshipB.rewardEligible[1]!;
    const submitted = await submit(townshipB.admin, rewardInput(person.id));
    const [admin] = await t.ownerSql<{ id: string }>('select id from app_user where username = $1', [
      townshipB.admin,
    ]);
    const [clerk] = await t.ownerSql<{ id: string }>('select id from app_user where username = $1', [
      person.clerk,
    ]);
    // The submitter reviewing their own submission.
    await expect(
      t.sqlAs(townshipB.admin, `update enrollment set status = 'REVIEWED', reviewed_by = $1 where id = $2`, [
        admin?.id,
        submitted.id,
      ]),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|23514)$/) });
    // A clerk reviewing someone else's.
    await expect(
      t.sqlAs(person.clerk, `update enrollment set status = 'REVIEWED', reviewed_by = $1 where id = $2`, [
        clerk?.id,
        submitted.id,
      ]),
    ).rejects.toMatchObject({ code: '42501' });
    const [row] = await t.ownerSql<{ status: string }>('select status from enrollment where id = $1', [
      submitted.id,
    ]);
    expect(row?.status).toBe('SUBMITTED');
  });
});
