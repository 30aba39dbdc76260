import { expect } from 'vitest';
import { addUser } from '../../../test/registry-fixtures.ts';
import type { GraphQLResponse, TestApi } from '../../../test/test-api.ts';

/**
 * Fixtures for the roll tests (programs, enrollments, notices): the catalogue loaded into the demo
 * county, two townships with persons who qualify for reward assistance and special assistance, their
 * clerks and admins, and a second admin for the first township (the demo has one per township) so
 * that a township-submitted special-assistance case can be reviewed by a different person.
 *
 * The tests work on the roll of next year: the demo county's own rolls (if any) are of past years,
 * and the standards in force now are still in force then.
 */
export const ROLL_YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;

export interface RollTownship {
  code: string;
  path: string;
  admin: string;
  /** Persons aged 60 or over in the roll year, in only-child or two-daughter households, in rural villages. */
  rewardEligible: { id: string; villageCode: string; clerk: string }[];
  /** A person in a rural village, far younger than 60. */
  tooYoung: { id: string; villageCode: string; clerk: string };
  /** Parents aged 49 or over whose only child died or is disabled. */
  specialEligible: { id: string; villageCode: string; clerk: string }[];
}

export interface RollWorld {
  programs: Record<string, string>;
  townshipA: RollTownship;
  townshipB: RollTownship;
  /** A second township admin of township A, added for the test. */
  townshipA2: string;
}

const clerkOf = (villageCode: string) => `clerk.${villageCode.slice(6, 9)}.${villageCode.slice(9, 12)}`;

export const PROGRAM_FIELDS = `id code name kind fundingTier amountUnit paymentPeriod sensitive variants
  eligibility { minAge maxAge householdPlanningStatuses householdSensitiveStatuses householdInDifficulty regionKinds
    variantBy summaryZh summaryEn }
  requiredEvidence { new continuing exited }
  noticeDays noticeDayKind objectionOffice objectionPhone minAmountFen maxAmountFen sourceDocument version
  region { code }`;

export const ENROLLMENT_FIELDS = `id programId personId personName year kind exitReason variant status submittedBy
  reviewedBy approvedBy rejectedBy rejectionReason noticeId objectionToken version
  evidence { kind labelZh documentNumber issuedOn } region { code } person { id residentIdMasked }`;

export const LOAD_CATALOGUE = `mutation { loadProgramCatalogue { ${PROGRAM_FIELDS} } }`;
export const SUBMIT = `mutation($input: EnrollmentInput!) { submitEnrollment(input: $input) { ${ENROLLMENT_FIELDS} } }`;
export const RESUBMIT = `mutation($id: ID!, $v: Int!, $input: EnrollmentInput!) {
  resubmitEnrollment(id: $id, expectedVersion: $v, input: $input) { ${ENROLLMENT_FIELDS} } }`;
export const REVIEW = `mutation($id: ID!, $v: Int!) { reviewEnrollment(id: $id, expectedVersion: $v) { ${ENROLLMENT_FIELDS} } }`;
export const APPROVE = `mutation($id: ID!, $v: Int!) { approveEnrollment(id: $id, expectedVersion: $v) { ${ENROLLMENT_FIELDS} } }`;
export const REJECT = `mutation($id: ID!, $v: Int!, $reason: String!) {
  rejectEnrollment(id: $id, expectedVersion: $v, reason: $reason) { ${ENROLLMENT_FIELDS} } }`;
export const ONE_ENROLLMENT = `query($id: ID!) { enrollment(id: $id) { ${ENROLLMENT_FIELDS} } }`;
export const ENROLLMENTS = `query($first: Int, $after: String, $filter: EnrollmentFilter) {
  enrollments(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id personName status program { code } } } } }`;

export interface EnrollmentNode {
  id: string;
  programId: string;
  personId: string;
  personName: string;
  year: number;
  kind: string;
  exitReason: string | null;
  variant: string;
  status: string;
  submittedBy: string;
  reviewedBy: string | null;
  approvedBy: string | null;
  rejectedBy: string | null;
  rejectionReason: string | null;
  noticeId: string | null;
  objectionToken: string;
  version: number;
  evidence: { kind: string; labelZh: string; documentNumber: string; issuedOn: string }[];
  region: { code: string };
  person: { id: string; residentIdMasked: string } | null;
}

/** Evidence of the given kinds, with document numbers that are no personal numbers. */
export function evidence(...kinds: string[]) {
  return kinds.map((kind, index) => ({
    kind,
    documentNumber: `证字第${1000 + index}号`,
    issuedOn: '2024-03-15',
  }));
}

export const REWARD_NEW_EVIDENCE = evidence(
  'HOUSEHOLD_REGISTER',
  'RESIDENT_ID_CARD',
  'BIRTH_RECORD',
  'VILLAGE_CERTIFICATION',
);
export const SPECIAL_NEW_EVIDENCE = evidence(
  'HOUSEHOLD_REGISTER',
  'RESIDENT_ID_CARD',
  'ONLY_CHILD_CERTIFICATE',
  'VILLAGE_CERTIFICATION',
);

/** Townships with enough rural persons for each program, and the catalogue loaded by the county. */
export async function rollWorld(
  t: TestApi,
  cookieOf: (username: string) => Promise<string>,
): Promise<RollWorld> {
  const loaded = await t.graphql<{ loadProgramCatalogue: { id: string; code: string }[] }>(
    LOAD_CATALOGUE,
    {},
    await cookieOf('county.admin'),
  );
  expect(loaded.errors, JSON.stringify(loaded.errors)).toBeUndefined();
  const programs = Object.fromEntries(
    (loaded.data?.loadProgramCatalogue ?? []).map((program) => [program.code, program.id]),
  );

  const oldest = `${ROLL_YEAR - 60}-12-31`;
  const special = `${ROLL_YEAR - 49}-12-31`;
  const townships = await t.ownerSql<{ code: string; path: string }>(
    `select tw.code, tw.path::text as path
       from region tw
      where tw.level = 'TOWNSHIP'
        and (select count(*) from person x join household h on h.id = x.household_id
                                           join region v on v.path = subpath(x.region_path, 0, 3)
              where x.region_path <@ tw.path and nlevel(x.region_path) >= 3 and v.kind = 'VILLAGE'
                and h.planning_status in ('ONLY_CHILD', 'TWO_DAUGHTERS') and x.birth_date <= $1::date
                and x.deceased_on is null and x.moved_away_on is null) >= 12
        and (select count(*) from person x join household_sensitive_status s on s.household_id = x.household_id
              where x.region_path <@ tw.path and nlevel(x.region_path) >= 3 and x.birth_date <= $2::date
                and x.deceased_on is null and x.moved_away_on is null) >= 2
      order by tw.code limit 2`,
    [oldest, special],
  );
  if (townships.length < 2) throw new Error('the demo county needs two townships with eligible persons');
  const describe = async (township: { code: string; path: string }): Promise<RollTownship> => {
    const reward = await t.ownerSql<{ id: string; village_code: string }>(
      `select x.id, v.code as village_code
         from person x join household h on h.id = x.household_id join region v on v.path = subpath(x.region_path, 0, 3)
        where x.region_path <@ $1::ltree and nlevel(x.region_path) >= 3 and v.kind = 'VILLAGE'
          and h.planning_status in ('ONLY_CHILD', 'TWO_DAUGHTERS') and x.birth_date <= $2::date
          and x.deceased_on is null and x.moved_away_on is null
          and not exists (select from household_sensitive_status s where s.household_id = h.id)
        order by v.code, x.id limit 12`,
      [township.path, oldest],
    );
    const [young] = await t.ownerSql<{ id: string; village_code: string }>(
      `select x.id, v.code as village_code
         from person x join household h on h.id = x.household_id join region v on v.path = subpath(x.region_path, 0, 3)
        where x.region_path <@ $1::ltree and nlevel(x.region_path) >= 3 and v.kind = 'VILLAGE'
          and h.planning_status = 'ONLY_CHILD' and x.birth_date >= $2::date and x.deceased_on is null
        order by x.id limit 1`,
      [township.path, `${ROLL_YEAR - 40}-01-01`],
    );
    const sensitive = await t.ownerSql<{ id: string; village_code: string }>(
      `select x.id, v.code as village_code
         from person x join household_sensitive_status s on s.household_id = x.household_id
              join region v on v.path = subpath(x.region_path, 0, 3)
        where x.region_path <@ $1::ltree and nlevel(x.region_path) >= 3 and x.birth_date <= $2::date
          and x.deceased_on is null and x.moved_away_on is null
        order by x.id limit 4`,
      [township.path, special],
    );
    const withClerk = (row: { id: string; village_code: string }) => ({
      id: row.id,
      villageCode: row.village_code,
      clerk: clerkOf(row.village_code),
    });
    if (!young) throw new Error('no young person in the township');
    return {
      code: township.code,
      path: township.path,
      admin: `township.${township.code.slice(6, 9)}`,
      rewardEligible: reward.map(withClerk),
      tooYoung: withClerk(young),
      specialEligible: sensitive.map(withClerk),
    };
  };
  const townshipA = await describe(townships[0] as { code: string; path: string });
  const townshipB = await describe(townships[1] as { code: string; path: string });
  const townshipA2 = `township.${townshipA.code.slice(6, 9)}.second`;
  await addUser(t, townshipA2, 'TOWNSHIP_ADMIN', townshipA.code);
  return { programs, townshipA, townshipB, townshipA2 };
}

/**
 * The response is an error with this code (and field, when given), with a Chinese and an English
 * message, and no data (`partial` for an error on a nullable field, which leaves the rest).
 */
export function expectRefusal(
  response: GraphQLResponse<unknown>,
  code: string,
  field?: string,
  partial = false,
): void {
  const error = response.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(response.errors)).toBe(code);
  if (field !== undefined) expect(error?.extensions?.field).toBe(field);
  expect(String(error?.extensions?.messageZh)).toMatch(/[\u4e00-\u9fff]/);
  expect(String(error?.extensions?.messageEn)).toMatch(/[A-Za-z]{3,}/);
  if (!partial) expect(response.data ?? null).toBeNull();
}

export async function countRows(t: TestApi, table: string): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? -1;
}

/** Audit rows per action, for "every mutation wrote one audit row". */
export async function auditActions(t: TestApi): Promise<Record<string, number>> {
  const rows = await t.ownerSql<{ action: string; n: number }>(
    `select action, count(*)::int as n from audit_event
      where entity in ('program', 'program_standard', 'enrollment', 'notice', 'objection') group by action`,
  );
  return Object.fromEntries(rows.map((row) => [row.action, row.n]));
}

/** A mutation that must succeed: its data, or the test fails with the errors. */
export async function ok<T>(
  response: Promise<GraphQLResponse<Record<string, T>>>,
  field: string,
): Promise<T> {
  const res = await response;
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.[field] as T;
}
