import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANK_RETURN_HEADER } from '../src/modules/disbursements/bank-return-file.ts';
import { type ConfirmedRoll, confirmedRoll } from './money-fixtures.ts';
import { addUser } from './registry-fixtures.ts';
import { type GraphQLResponse, startTestApi, type TestApi } from './test-api.ts';

/**
 * The jurisdiction matrix of the money root fields (issue 4), which the API oracle's generator does
 * not draw: every Query and Mutation of the roll and the payments, each called on a target row of
 * township A by an admin whose scope holds it (succeeds), by a clerk of another village of A, the
 * admin and a clerk of another township and the county admin of another county (NOT_FOUND or
 * FORBIDDEN, or the row missing from a list), by the auditor (reads allowed, every write
 * FORBIDDEN), and, for the sensitive programs, by the clerk of the very village (nothing seen).
 * After every refused write the owner finds the target rows, the audit log and the idempotency
 * keys exactly as before; no refusal names a place outside the caller's region or a person.
 *
 * The steps run in order on one workflow (a program of our own → enrollments → notice → objection;
 * a person's account and proxy; a batch of a fresh confirmed roll → approval → export → bank return
 * → reversal and reissue), so that each allowed call is the real next step, not a call that would
 * have failed for another reason.
 */

/** The money root fields this file answers for (the NOT_REGISTRY entries of the API oracle). */
const MONEY_FIELDS = [
  'programs',
  'program',
  'enrollments',
  'enrollment',
  'notices',
  'notice',
  'createProgram',
  'addProgramStandard',
  'loadProgramCatalogue',
  'submitEnrollment',
  'resubmitEnrollment',
  'reviewEnrollment',
  'approveEnrollment',
  'rejectEnrollment',
  'openNotice',
  'recordObjection',
  'resolveObjection',
  'confirmNotice',
  'disbursementBatches',
  'disbursementBatch',
  'reconciliation',
  'personAccount',
  'payeeProxies',
  'setPersonAccount',
  'registerPayeeProxy',
  'approvePayeeProxy',
  'revokePayeeProxy',
  'createDisbursementBatch',
  'approveDisbursementBatch',
  'exportDisbursementBatch',
  'recordBankReturn',
  'reversePayment',
  'reissuePayment',
  'awardRound',
  'auditEvents',
] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];

const REFUSALS = ['NOT_FOUND', 'FORBIDDEN'];
const OTHER_COUNTY = { code: '330198000000', name: '邻水县' };

// ---- documents ------------------------------------------------------------------------------------

const LIST = 'totalCount edges { node { id } }';
const DOC: Record<MoneyField, string> = {
  programs: 'query { programs { id code } }',
  program: 'query($id: ID!) { program(id: $id) { id code } }',
  createProgram: 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id code version } }',
  addProgramStandard: `mutation($input: AddProgramStandardInput!) {
    addProgramStandard(input: $input) { id standards { id effectiveFrom amountFen } } }`,
  loadProgramCatalogue: 'mutation { loadProgramCatalogue { id code } }',
  enrollment: 'query($id: ID!) { enrollment(id: $id) { id status version objectionToken } }',
  enrollments: `query($filter: EnrollmentFilter) { enrollments(first: 100, filter: $filter) { ${LIST} } }`,
  submitEnrollment: `mutation($input: EnrollmentInput!) {
    submitEnrollment(input: $input) { id status version objectionToken } }`,
  resubmitEnrollment: `mutation($id: ID!, $v: Int!, $input: EnrollmentInput!) {
    resubmitEnrollment(id: $id, expectedVersion: $v, input: $input) { id status version } }`,
  reviewEnrollment: `mutation($id: ID!, $v: Int!) {
    reviewEnrollment(id: $id, expectedVersion: $v) { id status version } }`,
  approveEnrollment: `mutation($id: ID!, $v: Int!) {
    approveEnrollment(id: $id, expectedVersion: $v) { id status version } }`,
  rejectEnrollment: `mutation($id: ID!, $v: Int!, $reason: String!) {
    rejectEnrollment(id: $id, expectedVersion: $v, reason: $reason) { id status version } }`,
  notice: 'query($id: ID!) { notice(id: $id) { id status version enrollments { id } } }',
  notices: `query($filter: NoticeFilter) { notices(first: 100, filter: $filter) { ${LIST} } }`,
  openNotice: 'mutation($input: OpenNoticeInput!) { openNotice(input: $input) { id status version } }',
  recordObjection: `mutation($input: RecordObjectionInput!) {
    recordObjection(input: $input) { id status version } }`,
  resolveObjection: `mutation($id: ID!, $v: Int!, $outcome: ObjectionOutcome!, $resolution: String!) {
    resolveObjection(id: $id, expectedVersion: $v, outcome: $outcome, resolution: $resolution) {
      id status version } }`,
  confirmNotice:
    'mutation($id: ID!, $v: Int!) { confirmNotice(id: $id, expectedVersion: $v) { id status version } }',
  personAccount: 'query($id: ID!) { personAccount(personId: $id) { personId version accountNumberMasked } }',
  payeeProxies: `query($filter: PayeeProxyFilter) { payeeProxies(first: 100, filter: $filter) { ${LIST} } }`,
  setPersonAccount: `mutation($input: PersonAccountInput!) {
    setPersonAccount(input: $input) { personId version accountNumberMasked } }`,
  registerPayeeProxy: `mutation($input: PayeeProxyInput!) {
    registerPayeeProxy(input: $input) { id status version } }`,
  approvePayeeProxy: `mutation($id: ID!, $v: Int!) {
    approvePayeeProxy(id: $id, expectedVersion: $v) { id status version } }`,
  revokePayeeProxy: `mutation($id: ID!, $v: Int!) {
    revokePayeeProxy(id: $id, expectedVersion: $v) { id status version } }`,
  disbursementBatches: `query($filter: DisbursementBatchFilter) {
    disbursementBatches(first: 100, filter: $filter) { ${LIST} } }`,
  disbursementBatch: `query($id: ID!) { disbursementBatch(id: $id) { id status version
    payments(first: 100) { totalCount edges { node { id status region { code } } } } } }`,
  reconciliation: `query($id: ID!) { reconciliation(batchId: $id) {
    batchId total { plannedCount paidCount } townships { regionCode } } }`,
  createDisbursementBatch: `mutation($input: DisbursementBatchInput!, $key: String!) {
    createDisbursementBatch(input: $input, idempotencyKey: $key) { id status version lineCount } }`,
  approveDisbursementBatch: `mutation($id: ID!, $key: String!) {
    approveDisbursementBatch(id: $id, idempotencyKey: $key) { id status version } }`,
  exportDisbursementBatch: `mutation($id: ID!, $key: String!) {
    exportDisbursementBatch(id: $id, idempotencyKey: $key) { id status version fileSha256 } }`,
  recordBankReturn: `mutation($id: ID!, $file: String!, $key: String!) {
    recordBankReturn(batchId: $id, fileText: $file, idempotencyKey: $key) {
      accepted paidCount failedCount rowErrors { code } } }`,
  reversePayment: `mutation($id: ID!, $reason: String!, $key: String!) {
    reversePayment(paymentId: $id, reason: $reason, idempotencyKey: $key) { id entry status } }`,
  reissuePayment: `mutation($id: ID!, $key: String!) {
    reissuePayment(paymentId: $id, idempotencyKey: $key) { id entry status } }`,
  awardRound: 'query($id: ID!) { awardRound(id: $id) { id } }',
  auditEvents: `query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) {
    totalCount edges { node { id entityId } } } }`,
};

// ---- callers ----------------------------------------------------------------------------------------

interface Caller {
  /** How the matrix names them. */
  label: string;
  username: string;
  /** Their scope. */
  path: string;
}

type Region = {
  code: string;
  name: string;
  path: string;
};

/** What a refusal must not name, and how to tell that a refused write changed nothing. */
interface Target {
  /** The regions the target row lies in (its path, root to leaf). */
  regions: Region[];
  /** The persons it concerns. */
  persons: string[];
  /** A digest of everything the write could touch, read as the owner. */
  state: () => Promise<string>;
}

const within = (path: string, scope: string) => path === scope || path.startsWith(`${scope}.`);

let t: TestApi;
const cookies = new Map<string, Promise<string>>();
function cookieOf(username: string): Promise<string> {
  let cookie = cookies.get(username);
  if (!cookie) {
    cookie = t.signIn(username);
    cookies.set(username, cookie);
  }
  return cookie;
}

async function call(
  field: MoneyField,
  caller: Caller,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Record<string, unknown>>> {
  return t.graphql(DOC[field], variables, await cookieOf(caller.username));
}

// ---- the matrix -------------------------------------------------------------------------------------

/** field → caller (and target, where a field is tried on more than one) → outcome. */
const matrix = new Map<MoneyField, Map<string, string>>();
function note(field: MoneyField, who: string, outcome: string): void {
  let row = matrix.get(field);
  if (!row) {
    row = new Map();
    matrix.set(field, row);
  }
  row.set(who, outcome);
}

const describeCall = (field: string, caller: Caller, response: GraphQLResponse<unknown>) =>
  `${field} as ${caller.label} (${caller.username}): ${JSON.stringify(response.errors ?? response.data).slice(0, 400)}`;

/** Must succeed; answers the field's data. */
async function allowed<T = Record<string, unknown>>(
  field: MoneyField,
  caller: Caller,
  variables: Record<string, unknown> = {},
  who = caller.label,
): Promise<T> {
  const response = await call(field, caller, variables);
  expect(response.errors, describeCall(field, caller, response)).toBeUndefined();
  note(field, who, 'ok');
  return response.data?.[field] as T;
}

/**
 * Must be refused (NOT_FOUND or FORBIDDEN), naming no region outside the caller's scope and no
 * person, and leave the target as it was. Soft: one call's failure does not hide the others'.
 */
async function refused(
  field: MoneyField,
  caller: Caller,
  variables: Record<string, unknown>,
  target: Target,
  who = caller.label,
): Promise<void> {
  const before = await target.state();
  const response = await call(field, caller, variables);
  const error = response.errors?.[0];
  const code = String(error?.extensions?.code ?? 'ok');
  expect.soft(REFUSALS, describeCall(field, caller, response)).toContain(code);
  expect.soft(response.data?.[field] ?? null, describeCall(field, caller, response)).toBeNull();
  const text = [error?.message, error?.extensions?.messageZh, error?.extensions?.messageEn].join(' ');
  for (const region of target.regions) {
    if (!within(region.path, caller.path)) {
      expect.soft(text, `${field} as ${caller.label} names ${region.name}`).not.toContain(region.name);
    }
  }
  for (const name of target.persons) {
    expect.soft(text, `${field} as ${caller.label} names a person`).not.toContain(name);
  }
  expect.soft(await target.state(), `${field} as ${caller.label} changed something`).toBe(before);
  note(field, who, code);
}

/** A list that must answer without the row (or refuse outright). */
async function absent(
  field: MoneyField,
  caller: Caller,
  variables: Record<string, unknown>,
  id: string,
  options: { empty?: boolean; who?: string } = {},
): Promise<void> {
  const response = await call(field, caller, variables);
  const who = options.who ?? caller.label;
  const error = response.errors?.[0];
  if (error) {
    expect.soft(REFUSALS, describeCall(field, caller, response)).toContain(error.extensions?.code);
    note(field, who, String(error.extensions?.code));
    return;
  }
  const list = response.data?.[field] as { totalCount: number; edges: { node: { id: string } }[] };
  expect.soft(ids(list), describeCall(field, caller, response)).not.toContain(id);
  if (options.empty) expect.soft(list.totalCount, describeCall(field, caller, response)).toBe(0);
  note(field, who, 'absent');
}

/** A list that must hold the row. */
async function present(
  field: MoneyField,
  caller: Caller,
  variables: Record<string, unknown>,
  id: string,
  who = caller.label,
): Promise<void> {
  const list = await allowed<{ edges: { node: { id: string } }[] }>(field, caller, variables, who);
  expect.soft(ids(list), `${field} as ${caller.label}`).toContain(id);
}

const ids = (list: { edges: { node: { id: string } }[] } | { id: string }[] | null | undefined) =>
  list == null
    ? []
    : Array.isArray(list)
      ? list.map((row) => row.id)
      : list.edges.map((edge) => edge.node.id);

// ---- owner-side reads -------------------------------------------------------------------------------

/**
 * A digest of the rows these queries select (each `select t.* from ... t where ...`), plus the audit
 * log and the idempotency keys, which every money write touches.
 */
function digestOf(...parts: [sql: string, params?: unknown[]][]): () => Promise<string> {
  const all: [string, unknown[]][] = [
    ...parts.map(([sql, params]) => [sql, params ?? []] as [string, unknown[]]),
    ['select count(*) from audit_event', []],
    ['select count(*) from idempotency_key', []],
  ];
  return async () => {
    const digests: string[] = [];
    for (const [sql, params] of all) {
      const [row] = await t.ownerSql<{ d: string }>(
        `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from (${sql}) x`,
        params,
      );
      digests.push(row?.d ?? '');
    }
    return digests.join(':');
  };
}

async function regionsOf(path: string): Promise<Region[]> {
  return t.ownerSql<Region>(
    'select code, name, path::text as path from region where path @> $1::ltree order by nlevel(path)',
    [path],
  );
}

async function one<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await t.ownerSql<T>(sql, params);
  if (!row) throw new Error(`fixture query found nothing: ${sql}`);
  return row;
}

async function userAt(role: string, sql: string, params: unknown[], label: string): Promise<Caller> {
  const row = await one<{ username: string; path: string }>(
    `select u.username, r.path::text as path from app_user u join region r on r.id = u.region_id
      where u.role = '${role}' and ${sql} order by r.path limit 1`,
    params,
  );
  return { label, username: row.username, path: row.path };
}

// ---- the world --------------------------------------------------------------------------------------

let roll: ConfirmedRoll;
let villageV: Region;
let townshipA: Region;
let countyAdmin: Caller;
let adminA: Caller;
let clerkV: Caller;
let clerkV2: Caller;
let adminB: Caller;
let clerkB: Caller;
let auditor: Caller;
let otherCounty: Caller;
/** Those outside village V. */
let outsiders: Caller[];
let today: string;
let thisYear: number;
/** Persons of village V outside the roll: two to enroll, a beneficiary and a proxy. */
let p1: { id: string; name: string };
let p2: { id: string; name: string };
let p3: { id: string; name: string };
let q: { id: string; name: string };
let otherProgramId: string;

beforeAll(async () => {
  t = await startTestApi();
  // A second county with a program and a county admin: the one caller a county admin's scope does not hold.
  await t.ownerSql(
    `insert into region (code, name, level, kind, parent_id, path) values ($1, $2, 'COUNTY', 'COUNTY', null, text2ltree($1))`,
    [OTHER_COUNTY.code, OTHER_COUNTY.name],
  );
  otherProgramId = (
    await one<{ id: string }>(
      `insert into program (region_id, code, name, kind, funding_tier, amount_unit, payment_period, sensitive, variants,
                            eligibility, required_evidence, notice_days, notice_day_kind, objection_office,
                            objection_phone, min_amount_fen, max_amount_fen, source_document)
       select r.id, 'JURIS-OTHER-COUNTY', p.name, p.kind, p.funding_tier, p.amount_unit, p.payment_period, p.sensitive,
              p.variants, p.eligibility, p.required_evidence, p.notice_days, p.notice_day_kind, p.objection_office,
              p.objection_phone, p.min_amount_fen, p.max_amount_fen, p.source_document
         from program p, region r where p.code = 'REWARD-NATIONAL' and r.code = $1
       returning id`,
      [OTHER_COUNTY.code],
    )
  ).id;
  await addUser(t, 'juris.other.county', 'COUNTY_ADMIN', OTHER_COUNTY.code);

  roll = await confirmedRoll(t, { persons: 6 });
  [villageV, townshipA] = await Promise.all([
    one<Region>('select code, name, path::text as path from region where code = $1', [roll.villageCode]),
    one<Region>('select code, name, path::text as path from region where code = $1', [roll.townshipCode]),
  ]);
  countyAdmin = { label: 'county admin', username: 'county.admin', path: roll.countyCode };
  adminA = { label: 'township admin A', username: roll.users.township, path: townshipA.path };
  clerkV = { label: 'clerk V', username: roll.users.clerk, path: villageV.path };
  auditor = { label: 'auditor', username: 'county.auditor', path: roll.countyCode };
  clerkV2 = await userAt(
    'VILLAGE_CLERK',
    'r.path <@ $1::ltree and r.path <> $2::ltree',
    [townshipA.path, villageV.path],
    'clerk of another village of A',
  );
  adminB = await userAt('TOWNSHIP_ADMIN', 'r.path <> $1::ltree', [townshipA.path], 'township admin B');
  const townshipB = adminB.path;
  clerkB = await userAt('VILLAGE_CLERK', 'r.path <@ $1::ltree', [townshipB], 'clerk of B');
  otherCounty = {
    label: 'county admin of another county',
    username: 'juris.other.county',
    path: OTHER_COUNTY.code,
  };
  outsiders = [clerkV2, adminB, clerkB, otherCounty];

  ({ today } = await one<{ today: string }>('select china_today()::text as today'));
  thisYear = Number(today.slice(0, 4));
  const persons = await t.ownerSql<{ id: string; name: string }>(
    `select x.id, x.name from person x
      where x.region_path <@ $1::ltree and x.deceased_on is null and x.moved_away_on is null
        and x.id <> all($2::uuid[])
        and not exists (select from payee_proxy y where x.id in (y.person_id, y.proxy_person_id))
      order by x.id limit 4`,
    [villageV.path, roll.persons.map((person) => person.id)],
  );
  if (persons.length < 4) throw new Error('village V has too few persons for the fixture');
  [p1, p2, p3, q] = persons as [typeof p1, typeof p1, typeof p1, typeof p1];
  // Sign everyone in up front: sign-in is slow on purpose (password hashing), and it is not under test.
  await Promise.all(
    [countyAdmin, adminA, clerkV, clerkV2, adminB, clerkB, auditor, otherCounty].map((caller) =>
      cookieOf(caller.username),
    ),
  );
}, 120_000);
afterAll(async () => t?.close());

// ---- programs ---------------------------------------------------------------------------------------

describe('programs and standards', () => {
  let programId: string;
  const code = `JURIS-${randomUUID().slice(0, 8).toUpperCase()}`;
  const programInput = () => ({
    code,
    name: '辖区测试临时救助',
    kind: 'EMERGENCY_AID',
    fundingTier: 'COUNTY',
    amountUnit: 'PER_EVENT',
    paymentPeriod: 'YEAR',
    eligibility: {},
    requiredEvidence: { new: ['RESIDENT_ID_CARD'] },
    noticeDays: 7,
    objectionOffice: '青山县卫生健康局',
    objectionPhone: '12345',
    minAmountFen: '10000',
    maxAmountFen: '500000',
    sourceDocument: '青山县临时救助办法（测试）',
  });
  const programState = digestOf(['select p.* from program p'], ['select s.* from program_standard s']);
  const countyTarget = (): Target => ({ regions: [], persons: [], state: programState });

  it('createProgram: county admins only; the auditor and everyone below refused', async () => {
    for (const caller of [adminA, clerkV, adminB, clerkB, auditor]) {
      await refused('createProgram', caller, { input: programInput() }, countyTarget());
    }
    const program = await allowed<{ id: string; code: string }>('createProgram', countyAdmin, {
      input: programInput(),
    });
    expect(program.code).toBe(code);
    programId = program.id;
  });

  it('addProgramStandard: the county admin of the program; refused out of the county and below it', async () => {
    const input = (id: string) => ({
      input: {
        programId: id,
        effectiveFrom: '2020-01-01',
        amountFen: '100000',
        sourceDocument: '青山县临时救助标准（测试）',
      },
    });
    for (const caller of [adminA, clerkV, adminB, clerkB, auditor, otherCounty]) {
      await refused('addProgramStandard', caller, input(programId), countyTarget());
    }
    await refused(
      'addProgramStandard',
      countyAdmin,
      input(otherProgramId),
      { regions: [], persons: [], state: programState },
      "county admin → other county's program",
    );
    const program = await allowed<{ standards: { effectiveFrom: string }[] }>(
      'addProgramStandard',
      countyAdmin,
      input(programId),
    );
    expect(program.standards.map((standard) => standard.effectiveFrom)).toEqual(['2020-01-01']);
  });

  it('loadProgramCatalogue: county admins only', async () => {
    for (const caller of [adminA, clerkV, adminB, auditor]) {
      await refused('loadProgramCatalogue', caller, {}, countyTarget());
    }
    const loaded = await allowed<{ code: string }[]>('loadProgramCatalogue', countyAdmin);
    expect(loaded.map((program) => program.code)).toContain('REWARD-NATIONAL');
  });

  it("programs and program: every caller in the county reads the county's programs; nobody another county's", async () => {
    for (const caller of [countyAdmin, adminA, clerkV, clerkV2, adminB, clerkB, auditor]) {
      await present('programs', caller, {}, programId);
      await allowed('program', caller, { id: programId });
      await absent('programs', caller, {}, otherProgramId, {
        who: `${caller.label} → other county's program`,
      });
      await refused(
        'program',
        caller,
        { id: otherProgramId },
        countyTarget(),
        `${caller.label} → other county's program`,
      );
    }
    await absent('programs', otherCounty, {}, programId);
    await refused('program', otherCounty, { id: programId }, countyTarget());
    await present('programs', otherCounty, {}, otherProgramId, `${otherCounty.label} → own program`);
  });

  // ---- the roll -------------------------------------------------------------------------------------

  describe('the roll: enrollments, notice, objection', () => {
    let e1: { id: string; version: number };
    /** What the public notice prints for e1, and an objection names. */
    let token: string;
    let e2: { id: string; version: number };
    let noticeId: string;
    let objectionId: string;
    const startsOn = () => shiftDays(today, -20);
    const rollState = () =>
      digestOf(
        ['select e.* from enrollment e where e.program_id = $1', [programId]],
        ['select n.* from notice n where n.program_id = $1', [programId]],
        [
          'select o.* from objection o join notice n on n.id = o.notice_id where n.program_id = $1',
          [programId],
        ],
      );
    const personTarget = async (person: { name: string }): Promise<Target> => ({
      regions: await regionsOf(villageV.path),
      persons: [person.name],
      state: rollState(),
    });
    const submission = (personId: string) => ({
      programId,
      personId,
      year: thisYear,
      kind: 'NEW',
      evidence: [{ kind: 'RESIDENT_ID_CARD', documentNumber: '示范证字第0001号', issuedOn: '2024-03-15' }],
    });

    it('submitEnrollment: the clerk of the village; refused elsewhere, for the auditor, and for a sensitive program', async () => {
      const target = await personTarget(p1);
      for (const caller of [...outsiders, auditor]) {
        await refused('submitEnrollment', caller, { input: submission(p1.id) }, target);
      }
      const special = await one<{ id: string }>(`select id from program where code = 'SPECIAL-ASSISTANCE'`);
      await refused(
        'submitEnrollment',
        clerkV,
        { input: { ...submission(p1.id), programId: special.id } },
        {
          ...target,
          state: digestOf(['select e.* from enrollment e where e.person_id = $1', [p1.id]]),
        },
        'clerk V → SPECIAL-ASSISTANCE',
      );
      const submitted = await allowed<{ id: string; version: number; objectionToken: string }>(
        'submitEnrollment',
        clerkV,
        { input: submission(p1.id) },
      );
      e1 = submitted;
      token = submitted.objectionToken;
      e2 = await allowed('submitEnrollment', clerkV, { input: submission(p2.id) });
    });

    it('enrollment and enrollments: read in the village and above it, by the auditor; nowhere else', async () => {
      for (const caller of [clerkV, adminA, countyAdmin, auditor]) {
        await allowed('enrollment', caller, { id: e1.id });
        await present('enrollments', caller, { filter: { programId } }, e1.id);
      }
      for (const caller of outsiders) {
        await refused('enrollment', caller, { id: e1.id }, await personTarget(p1));
        await absent('enrollments', caller, { filter: { programId } }, e1.id, { empty: true });
      }
    });

    it('reviewEnrollment: a township or county admin over the village', async () => {
      const target = await personTarget(p1);
      for (const caller of [...outsiders, auditor]) {
        await refused('reviewEnrollment', caller, { id: e1.id, v: e1.version }, target);
      }
      e1 = await allowed('reviewEnrollment', adminA, { id: e1.id, v: e1.version });
    });

    it('approveEnrollment: a county admin of this county', async () => {
      const target = await personTarget(p1);
      for (const caller of [...outsiders, clerkV, auditor]) {
        await refused('approveEnrollment', caller, { id: e1.id, v: e1.version }, target);
      }
      e1 = await allowed('approveEnrollment', countyAdmin, { id: e1.id, v: e1.version });
    });

    it('rejectEnrollment: a township or county admin over the village', async () => {
      const target = await personTarget(p2);
      const variables = { id: e2.id, v: e2.version, reason: '材料需补充完整' };
      for (const caller of [...outsiders, auditor])
        await refused('rejectEnrollment', caller, variables, target);
      e2 = await allowed('rejectEnrollment', adminA, variables);
    });

    it('resubmitEnrollment: a writer over the village', async () => {
      const target = await personTarget(p2);
      const variables = { id: e2.id, v: e2.version, input: submission(p2.id) };
      for (const caller of [...outsiders, auditor])
        await refused('resubmitEnrollment', caller, variables, target);
      e2 = await allowed('resubmitEnrollment', clerkV, variables);
    });

    it('openNotice: a township or county admin over the region posted', async () => {
      const target: Target = {
        regions: await regionsOf(townshipA.path),
        persons: [p1.name],
        state: rollState(),
      };
      const input = { programId, year: thisYear, regionCode: townshipA.code, startsOn: startsOn() };
      for (const caller of [...outsiders, clerkV, auditor])
        await refused('openNotice', caller, { input }, target);
      noticeId = (await allowed<{ id: string }>('openNotice', adminA, { input })).id;
    });

    it('notice and notices: read in the township, below it and above it; its names only in the village', async () => {
      for (const caller of [clerkV, clerkV2, adminA, countyAdmin, auditor]) {
        const notice = await allowed<{ enrollments: { id: string }[] }>('notice', caller, { id: noticeId });
        // The list posted for the whole township names, for a village, its own people only.
        if (caller === clerkV2) expect.soft(ids(notice.enrollments)).not.toContain(e1.id);
        else expect.soft(ids(notice.enrollments)).toContain(e1.id);
        await present('notices', caller, { filter: { programId } }, noticeId);
      }
      for (const caller of [adminB, clerkB, otherCounty]) {
        const target: Target = {
          regions: await regionsOf(townshipA.path),
          persons: [p1.name],
          state: rollState(),
        };
        await refused('notice', caller, { id: noticeId }, target);
        await absent('notices', caller, { filter: { programId } }, noticeId, { empty: true });
      }
    });

    it('recordObjection: a writer over the person on the notice', async () => {
      const target = await personTarget(p1);
      const input = {
        token,
        receivedOn: startsOn(),
        channel: 'PHONE',
        summary: '群众来电反映情况',
      };
      for (const caller of [...outsiders, auditor])
        await refused('recordObjection', caller, { input }, target);
      objectionId = (await allowed<{ id: string }>('recordObjection', clerkV, { input })).id;
    });

    it('resolveObjection: a township or county admin over the person', async () => {
      const target = await personTarget(p1);
      const variables = { id: objectionId, v: 1, outcome: 'DISMISSED', resolution: '经核实，反映情况不属实' };
      for (const caller of [...outsiders, clerkV, auditor]) {
        await refused('resolveObjection', caller, variables, target);
      }
      await allowed('resolveObjection', adminA, variables);
    });

    it('confirmNotice: a township or county admin at or above the notice', async () => {
      const target: Target = {
        regions: await regionsOf(townshipA.path),
        persons: [p1.name],
        state: rollState(),
      };
      const { version } = await one<{ version: number }>('select version from notice where id = $1', [
        noticeId,
      ]);
      const variables = { id: noticeId, v: version };
      for (const caller of [...outsiders, clerkV, auditor])
        await refused('confirmNotice', caller, variables, target);
      expect((await allowed<{ status: string }>('confirmNotice', adminA, variables)).status).toBe(
        'CONFIRMED',
      );
    });

    it('auditEvents: the trail of a row is read where the row is', async () => {
      for (const caller of [clerkV, adminA, countyAdmin, auditor]) {
        const events = await allowed<{ totalCount: number }>('auditEvents', caller, {
          filter: { entityId: e1.id },
        });
        // Submitted, reviewed, approved (the notice's own events name the notice).
        expect.soft(events.totalCount, caller.label).toBeGreaterThanOrEqual(3);
      }
      for (const caller of outsiders) {
        await absent('auditEvents', caller, { filter: { entityId: e1.id } }, '', { empty: true });
      }
    });
  });
});

// ---- sensitive programs -----------------------------------------------------------------------------

describe('sensitive programs: the clerk of the very village sees none of it', () => {
  for (const programCode of ['SPECIAL-ASSISTANCE', 'CARE-PAYMENT']) {
    it(`${programCode}: enrollment, enrollments, notice, notices`, async () => {
      const row = await one<{ id: string; program_id: string; village: string; township: string }>(
        `select e.id, e.program_id, subpath(e.region_path, 0, 3)::text as village, subpath(e.region_path, 0, 2)::text as township
           from enrollment e join program p on p.id = e.program_id
          where p.code = $1 and e.year = $2 and e.status = 'CONFIRMED'
            and exists (select from app_user u join region r on r.id = u.region_id
                         where u.role = 'VILLAGE_CLERK' and r.path = subpath(e.region_path, 0, 3))
          order by e.id limit 1`,
        [programCode, thisYear],
      );
      const notice = await one<{ id: string }>(
        'select id from notice where program_id = $1 and year = $2 and region_path = $3::ltree',
        [row.program_id, thisYear, row.township],
      );
      const clerk = await userAt(
        'VILLAGE_CLERK',
        'r.path = $1::ltree',
        [row.village],
        'clerk of the same village',
      );
      const admin = await userAt(
        'TOWNSHIP_ADMIN',
        'r.path = $1::ltree',
        [row.township],
        'its township admin',
      );
      const who = `${clerk.label} (${programCode})`;
      const target: Target = {
        regions: await regionsOf(row.village),
        persons: [],
        state: digestOf(['select e.* from enrollment e where e.id = $1', [row.id]]),
      };
      const villageCode = row.village.split('.').at(-1);

      await refused('enrollment', clerk, { id: row.id }, target, who);
      await absent(
        'enrollments',
        clerk,
        { filter: { programId: row.program_id, regionCode: villageCode } },
        row.id,
        {
          empty: true,
          who,
        },
      );
      await refused('notice', clerk, { id: notice.id }, target, who);
      await absent('notices', clerk, { filter: { programId: row.program_id } }, notice.id, {
        empty: true,
        who,
      });
      for (const reader of [admin, auditor]) {
        const as = `${reader.label} (${programCode})`;
        await allowed('enrollment', reader, { id: row.id }, as);
        await present(
          'enrollments',
          reader,
          { filter: { programId: row.program_id, regionCode: villageCode } },
          row.id,
          as,
        );
        await allowed('notice', reader, { id: notice.id }, as);
        await present('notices', reader, { filter: { programId: row.program_id } }, notice.id, as);
      }
    });
  }

  it('SPECIAL-ASSISTANCE and CARE-PAYMENT batches: no batch, line or total for a village clerk', async () => {
    for (const programCode of ['SPECIAL-ASSISTANCE', 'CARE-PAYMENT']) {
      const batch = await one<{ id: string; program_id: string; village: string; township: string }>(
        `select b.id, b.program_id, subpath(p.region_path, 0, 3)::text as village,
                subpath(p.region_path, 0, 2)::text as township
           from disbursement_batch b join program g on g.id = b.program_id join payment p on p.batch_id = b.id
          where g.code = $1 and b.purpose = 'REGULAR' and nlevel(p.region_path) >= 3
            and exists (select from app_user u join region r on r.id = u.region_id
                         where u.role = 'VILLAGE_CLERK' and r.path = subpath(p.region_path, 0, 3))
          order by b.period desc, p.id limit 1`,
        [programCode],
      );
      const clerk = await userAt(
        'VILLAGE_CLERK',
        'r.path = $1::ltree',
        [batch.village],
        'clerk of a paid village',
      );
      const admin = await userAt(
        'TOWNSHIP_ADMIN',
        'r.path = $1::ltree',
        [batch.township],
        'its township admin',
      );
      const who = `${clerk.label} (${programCode})`;
      const target: Target = { regions: await regionsOf(batch.village), persons: [], state: digestOf() };
      await refused('disbursementBatch', clerk, { id: batch.id }, target, who);
      await refused('reconciliation', clerk, { id: batch.id }, target, who);
      await absent('disbursementBatches', clerk, { filter: { programId: batch.program_id } }, batch.id, {
        empty: true,
        who,
      });
      // Its township reads the county's batch, and its own lines and totals only.
      const as = `${admin.label} (${programCode})`;
      const lines = await allowed<{ payments: { edges: { node: { region: { code: string } | null } }[] } }>(
        'disbursementBatch',
        admin,
        { id: batch.id },
        as,
      );
      const township9 = batch.township.split('.').at(-1)?.slice(0, 9) ?? '';
      expect.soft(lines.payments.edges.length).toBeGreaterThan(0);
      for (const edge of lines.payments.edges)
        expect.soft(edge.node.region?.code.slice(0, 9)).toBe(township9);
      const reconciliation = await allowed<{ townships: { regionCode: string }[] }>(
        'reconciliation',
        admin,
        { id: batch.id },
        as,
      );
      expect.soft(reconciliation.townships.map((row) => row.regionCode.slice(0, 9))).toEqual([township9]);
      await present('disbursementBatches', admin, { filter: { programId: batch.program_id } }, batch.id, as);
    }
  });
});

// ---- payees -----------------------------------------------------------------------------------------

describe('payees: accounts and proxies', () => {
  let proxy: { id: string; version: number };
  const payeeState = () =>
    digestOf(
      ['select a.* from person_account a where a.person_id = any($1::uuid[])', [[p3.id, q.id]]],
      [
        'select x.* from payee_proxy x where x.person_id = any($1::uuid[]) or x.proxy_person_id = any($1::uuid[])',
        [[p3.id, q.id]],
      ],
    );
  const target = async (): Promise<Target> => ({
    regions: await regionsOf(villageV.path),
    persons: [p3.name, q.name],
    state: payeeState(),
  });

  it('setPersonAccount: a writer over the person', async () => {
    const [existing] = await t.ownerSql<{ version: number }>(
      'select version from person_account where person_id = $1',
      [p3.id],
    );
    const input = {
      personId: p3.id,
      bank: '中国农业银行示范县支行',
      accountNumber: '6228480012345678917',
      expectedVersion: existing?.version ?? null,
    };
    for (const caller of [...outsiders, auditor])
      await refused('setPersonAccount', caller, { input }, await target());
    await allowed('setPersonAccount', clerkV, { input });
  });

  it('personAccount: read over the person, by the auditor; nowhere else', async () => {
    for (const caller of [clerkV, adminA, countyAdmin, auditor]) {
      const account = await allowed<{ personId: string } | null>('personAccount', caller, { id: p3.id });
      expect.soft(account?.personId, caller.label).toBe(p3.id);
    }
    for (const caller of outsiders) await refused('personAccount', caller, { id: p3.id }, await target());
  });

  it('registerPayeeProxy: a writer over the beneficiary and the proxy', async () => {
    const input = { personId: p3.id, proxyPersonId: q.id, reason: '本人行动不便，委托亲属代领' };
    for (const caller of [...outsiders, auditor])
      await refused('registerPayeeProxy', caller, { input }, await target());
    proxy = await allowed('registerPayeeProxy', clerkV, { input });
  });

  it('payeeProxies: read over the beneficiary, by the auditor; nowhere else', async () => {
    for (const caller of [clerkV, adminA, countyAdmin, auditor]) {
      await present('payeeProxies', caller, { filter: { personId: p3.id } }, proxy.id);
    }
    for (const caller of outsiders) {
      await absent('payeeProxies', caller, { filter: { personId: p3.id } }, proxy.id, { empty: true });
    }
  });

  it('approvePayeeProxy: a township or county admin over the beneficiary', async () => {
    const variables = { id: proxy.id, v: proxy.version };
    for (const caller of [...outsiders, auditor])
      await refused('approvePayeeProxy', caller, variables, await target());
    proxy = await allowed('approvePayeeProxy', adminA, variables);
  });

  it('revokePayeeProxy: a writer over the beneficiary', async () => {
    const variables = { id: proxy.id, v: proxy.version };
    for (const caller of [...outsiders, auditor])
      await refused('revokePayeeProxy', caller, variables, await target());
    await allowed('revokePayeeProxy', clerkV, variables);
  });
});

// ---- disbursements ----------------------------------------------------------------------------------

describe('disbursements: a batch for village V from a confirmed roll', () => {
  let batchId: string;
  let lines: { id: string; line_number: number }[];
  const batchState = () =>
    digestOf(
      ['select b.* from disbursement_batch b where b.program_id = $1', [roll.programId]],
      [
        `select p.* from payment p where p.batch_id in (select id from disbursement_batch where program_id = $1)`,
        [roll.programId],
      ],
      [
        `select e.* from payment_event e
          where e.payment_id in (select p.id from payment p join disbursement_batch b on b.id = p.batch_id
                                  where b.program_id = $1)`,
        [roll.programId],
      ],
    );
  const target = async (): Promise<Target> => ({
    regions: await regionsOf(villageV.path),
    persons: roll.persons.map((person) => person.name),
    state: batchState(),
  });
  const key = () => randomUUID();
  /** Every line paid but the first (failed) and the second (returned). */
  const returnFile = () =>
    [
      BANK_RETURN_HEADER.join(','),
      ...lines.map((line, index) =>
        index === 0
          ? `${line.id},失败,,账户已销户`
          : index === 1
            ? `${line.id},退回,,户名不符`
            : `${line.id},成功,JURIS${String(line.line_number).padStart(6, '0')},`,
      ),
    ].join('\r\n');

  it('createDisbursementBatch: a township or county admin over the region', async () => {
    const input = { programId: roll.programId, period: roll.period, regionCode: roll.villageCode };
    for (const caller of [...outsiders, clerkV, auditor]) {
      await refused('createDisbursementBatch', caller, { input, key: key() }, await target());
    }
    const batch = await allowed<{ id: string; lineCount: number }>('createDisbursementBatch', adminA, {
      input,
      key: key(),
    });
    expect(batch.lineCount).toBe(roll.persons.length);
    batchId = batch.id;
    lines = await t.ownerSql('select id, line_number from payment where batch_id = $1 order by line_number', [
      batchId,
    ]);
  });

  it('disbursementBatch, disbursementBatches, reconciliation: read over the region, by the auditor', async () => {
    for (const caller of [clerkV, adminA, countyAdmin, auditor]) {
      const batch = await allowed<{ payments: { totalCount: number } }>('disbursementBatch', caller, {
        id: batchId,
      });
      expect.soft(batch.payments.totalCount, caller.label).toBe(roll.persons.length);
      await present('disbursementBatches', caller, { filter: { programId: roll.programId } }, batchId);
      await allowed('reconciliation', caller, { id: batchId });
    }
    for (const caller of outsiders) {
      await refused('disbursementBatch', caller, { id: batchId }, await target());
      await refused('reconciliation', caller, { id: batchId }, await target());
      await absent('disbursementBatches', caller, { filter: { programId: roll.programId } }, batchId, {
        empty: true,
      });
    }
  });

  it("a county batch: another township's admin and clerks see their own lines and totals only", async () => {
    const townshipB = adminB.path.split('.').at(-1) as string;
    const county = await one<{ id: string }>(
      `select b.id from disbursement_batch b
        where b.purpose = 'REGULAR' and not b.sensitive and nlevel(b.region_path) = 1
          and exists (select from payment p where p.batch_id = b.id and p.region_path <@ $1::ltree)
        order by b.period desc, b.id limit 1`,
      [adminB.path],
    );
    const all = await allowed<{ townships: { regionCode: string }[] }>('reconciliation', countyAdmin, {
      id: county.id,
    });
    expect(all.townships.map((row) => row.regionCode)).toContain(townshipB);
    expect(all.townships.length).toBeGreaterThan(1);
    const b = await allowed<{ townships: { regionCode: string }[] }>(
      'reconciliation',
      adminB,
      { id: county.id },
      `${adminB.label} → county batch (own township only)`,
    );
    expect.soft(b.townships.map((row) => row.regionCode)).toEqual([townshipB]);
    const batch = await allowed<{ payments: { edges: { node: { region: { code: string } | null } }[] } }>(
      'disbursementBatch',
      clerkV2,
      { id: county.id },
      `${clerkV2.label} → county batch (own village only)`,
    );
    const village2 = clerkV2.path.split('.').at(-1) as string;
    for (const edge of batch.payments.edges)
      expect.soft(edge.node.region?.code.startsWith(village2)).toBe(true);
  });

  it('approveDisbursementBatch: a township or county admin over the region, other than its maker', async () => {
    for (const caller of [...outsiders, clerkV, auditor]) {
      await refused('approveDisbursementBatch', caller, { id: batchId, key: key() }, await target());
    }
    await allowed('approveDisbursementBatch', countyAdmin, { id: batchId, key: key() });
  });

  it('approve and export: a township admin reads a county batch but does not act on it', async () => {
    const above = await one<{ id: string }>(
      `select id from disbursement_batch where nlevel(region_path) = 1 and status = 'DRAFT' and not sensitive
        order by id limit 1`,
    );
    const aboveTarget: Target = {
      regions: [],
      persons: [],
      state: digestOf(
        ['select b.* from disbursement_batch b where b.id = $1', [above.id]],
        ['select p.* from payment p where p.batch_id = $1', [above.id]],
      ),
    };
    const who = `${adminA.label} → county batch (read, not act)`;
    await allowed('disbursementBatch', adminA, { id: above.id }, who);
    for (const field of ['approveDisbursementBatch', 'exportDisbursementBatch'] as const) {
      await refused(field, adminA, { id: above.id, key: key() }, aboveTarget, who);
    }
  });

  it('exportDisbursementBatch: a township or county admin over the region', async () => {
    for (const caller of [...outsiders, clerkV, auditor]) {
      await refused('exportDisbursementBatch', caller, { id: batchId, key: key() }, await target());
    }
    await allowed('exportDisbursementBatch', adminA, { id: batchId, key: key() });
  });

  // Not a root field, but the one read that hands out full account numbers.
  it('GET /disbursements/<id>/payment-file: township and county admins over the region only', async () => {
    const download = async (caller: Caller) =>
      t.fetch(`/disbursements/${batchId}/payment-file`, {
        headers: { cookie: await cookieOf(caller.username) },
      });
    const { sha } = await one<{ sha: string }>(
      'select file_sha256 as sha from disbursement_batch where id = $1',
      [batchId],
    );
    for (const caller of [...outsiders, clerkV, auditor]) {
      const state = digestOf();
      const before = await state();
      const response = await download(caller);
      expect.soft([403, 404], `payment file as ${caller.label}`).toContain(response.status);
      const body = await response.text();
      for (const person of roll.persons) {
        expect.soft(body).not.toContain(person.accountNumber);
        expect.soft(body).not.toContain(person.name);
      }
      expect.soft(await state(), `payment file as ${caller.label} changed something`).toBe(before);
    }
    for (const caller of [adminA, countyAdmin]) {
      const response = await download(caller);
      expect.soft(response.status, caller.label).toBe(200);
      expect.soft(response.headers.get('x-content-sha256'), caller.label).toBe(sha);
      await response.arrayBuffer();
    }
  });

  it('recordBankReturn: a township or county admin over the region', async () => {
    const file = returnFile();
    for (const caller of [...outsiders, clerkV, auditor]) {
      await refused('recordBankReturn', caller, { id: batchId, file, key: key() }, await target());
    }
    const result = await allowed<{ accepted: boolean; paidCount: number }>('recordBankReturn', adminA, {
      id: batchId,
      file,
      key: key(),
    });
    expect(result).toMatchObject({ accepted: true, paidCount: lines.length - 2 });
  });

  it('reversePayment: a township or county admin over the beneficiary', async () => {
    const paid = lines[2] as { id: string };
    const variables = () => ({ id: paid.id, reason: '受益人已死亡，追回多发款项', key: key() });
    for (const caller of [...outsiders, clerkV, auditor]) {
      await refused('reversePayment', caller, variables(), await target());
    }
    const reversal = await allowed<{ entry: string }>('reversePayment', adminA, variables());
    expect(reversal.entry).toBe('REVERSAL');
  });

  it('reissuePayment: a township or county admin over the beneficiary', async () => {
    const failed = lines[0] as { id: string };
    for (const caller of [...outsiders, clerkV, auditor]) {
      await refused('reissuePayment', caller, { id: failed.id, key: key() }, await target());
    }
    const reissue = await allowed<{ entry: string }>('reissuePayment', adminA, { id: failed.id, key: key() });
    expect(reissue.entry).toBe('REISSUE');
  });
});

// ---- awards -----------------------------------------------------------------------------------------

describe('awards', () => {
  it("awardRound: a township's round is read in the township and above it; not in another township or county", async () => {
    const round = await one<{ id: string; path: string }>(
      'select id, region_path::text as path from award_round where nlevel(region_path) = 2 order by id limit 1',
    );
    const admin = await userAt('TOWNSHIP_ADMIN', 'r.path = $1::ltree', [round.path], 'its township admin');
    const other = await userAt(
      'TOWNSHIP_ADMIN',
      'r.path <> $1::ltree',
      [round.path],
      'another township admin',
    );
    const otherClerk = await userAt(
      'VILLAGE_CLERK',
      'not r.path <@ $1::ltree',
      [round.path],
      "another township's clerk",
    );
    const target: Target = { regions: await regionsOf(round.path), persons: [], state: digestOf() };
    for (const caller of [admin, countyAdmin, auditor]) await allowed('awardRound', caller, { id: round.id });
    for (const caller of [other, otherClerk, otherCounty])
      await refused('awardRound', caller, { id: round.id }, target);
  });
});

// ---- coverage ---------------------------------------------------------------------------------------

describe('the matrix', () => {
  it('covers every money root field, each both allowed and refused, each tried by the auditor', async () => {
    const schema = buildSchema(
      await readFile(new URL('../../../packages/schema/schema.graphql', import.meta.url), 'utf8'),
    );
    const roots = new Set(
      [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
        Object.keys((type as GraphQLObjectType).getFields()),
      ),
    );
    expect(MONEY_FIELDS.filter((field) => !roots.has(field))).toEqual([]);
    const gaps: string[] = [];
    for (const field of MONEY_FIELDS) {
      const row = matrix.get(field) ?? new Map<string, string>();
      const outcomes = [...row.values()];
      if (!outcomes.includes('ok')) gaps.push(`${field}: never allowed`);
      if (!outcomes.some((outcome) => outcome !== 'ok')) gaps.push(`${field}: never refused`);
      if (![...row.keys()].some((who) => who.startsWith(auditor.label)))
        gaps.push(`${field}: auditor not tried`);
    }
    expect(gaps).toEqual([]);
    console.log(
      [...matrix]
        .map(
          ([field, row]) =>
            `${field}\n${[...row].map(([who, outcome]) => `  ${who}: ${outcome}`).join('\n')}`,
        )
        .join('\n'),
    );
  });
});

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
