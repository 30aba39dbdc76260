import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  auditActions,
  countRows,
  expectRefusal,
  LOAD_CATALOGUE,
  ok,
  PROGRAM_FIELDS,
} from '../enrollments/roll-test-fixtures.ts';

const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { ${PROGRAM_FIELDS} } }`;
const ADD_STANDARD = `mutation($input: AddProgramStandardInput!) {
  addProgramStandard(input: $input) { id standards { variant effectiveFrom effectiveUntil amountFen sourceDocument } } }`;
const STANDARDS = `query($id: ID!) { program(id: $id) { standards { effectiveFrom effectiveUntil amountFen } } }`;
const PROGRAMS = `query { programs { code kind sensitive standards { variant effectiveFrom effectiveUntil amountFen } } }`;
const REWARD_ON = `query($id: ID!) { program(id: $id) {
  in2008: standardOn(date: "2008-06-30") { amountFen sourceDocument }
  in2026: standardOn(date: "2026-01-01") { amountFen } } }`;
const SPECIAL_ON = `query($id: ID!, $date: String!, $variant: String) {
  program(id: $id) { standardOn(date: $date, variant: $variant) { variant amountFen effectiveFrom sourceDocument } } }`;

interface ProgramNode {
  id: string;
  code: string;
  kind: string;
  sensitive: boolean;
  variants: string[];
  eligibility: Record<string, unknown> & { summaryZh: string };
  requiredEvidence: { new: string[]; continuing: string[]; exited: string[] };
  noticeDays: number;
  noticeDayKind: string;
  minAmountFen: string;
  maxAmountFen: string;
  region: { code: string };
  version: number;
}

let t: TestApi;
const cookies: Record<string, string> = {};
let catalogue: Record<string, ProgramNode>;

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

/** Programs are county policy: every village clerk reads them. */
async function anyClerk(): Promise<string> {
  const [clerk] = await t.ownerSql<{ username: string }>(
    `select username from app_user where role = 'VILLAGE_CLERK' order by username limit 1`,
  );
  return clerk?.username as string;
}

function programInput(overrides: Record<string, unknown> = {}) {
  return {
    code: 'ELDER-CARE-TEST',
    name: '计生家庭老人节日慰问金',
    kind: 'CARE_PAYMENT',
    fundingTier: 'COUNTY',
    amountUnit: 'PER_EVENT',
    paymentPeriod: 'YEAR',
    eligibility: { minAge: 70, householdPlanningStatuses: ['ONLY_CHILD', 'TWO_DAUGHTERS'] },
    requiredEvidence: { new: ['HOUSEHOLD_REGISTER', 'VILLAGE_CERTIFICATION'] },
    objectionOffice: '县计划生育协会',
    objectionPhone: '0571-86001234',
    minAmountFen: '20000',
    maxAmountFen: '100000',
    sourceDocument: '县计生协关于春节走访慰问计生家庭老人的通知（示例）',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestApi();
  const loaded = await ok(
    t.graphql<Record<string, ProgramNode[]>>(LOAD_CATALOGUE, {}, await as('county.admin')),
    'loadProgramCatalogue',
  );
  catalogue = Object.fromEntries(loaded.map((program) => [program.code, program]));
});
afterAll(async () => t?.close());

describe('programs', () => {
  it('loads the catalogue into the county once: programs, rules, evidence and standards over the years', async () => {
    expect(Object.keys(catalogue).sort()).toEqual([
      'CARE-PAYMENT',
      'EMERGENCY-AID',
      'ONLY-CHILD-REWARD',
      'REWARD-NATIONAL',
      'REWARD-PROVINCIAL',
      'SPECIAL-ASSISTANCE',
      'STUDY-GRANT',
    ]);
    const special = catalogue['SPECIAL-ASSISTANCE'] as ProgramNode;
    expect(special).toMatchObject({
      kind: 'SPECIAL_ASSISTANCE',
      sensitive: true,
      variants: ['DIED_URBAN', 'DIED_RURAL', 'DISABLED_URBAN', 'DISABLED_RURAL'],
      noticeDays: 7,
      noticeDayKind: 'WORKING',
      eligibility: { minAge: 49, variantBy: ['SENSITIVE_STATUS', 'REGION_KIND'] },
      requiredEvidence: {
        new: ['HOUSEHOLD_REGISTER', 'RESIDENT_ID_CARD', 'ONLY_CHILD_CERTIFICATE', 'VILLAGE_CERTIFICATION'],
      },
    });
    expect(catalogue['REWARD-NATIONAL']?.eligibility.summaryZh).toBe(
      '年满 60 周岁；独生子女户或双女户；村（农村）户籍',
    );
    expect(catalogue['REWARD-NATIONAL']?.region.code).toMatch(/^\d{6}000000$/);

    // Every clerk reads the programs, with their standards (one statement for all of them).
    const read = await t.graphql<{ programs: { code: string; standards: unknown[] }[] }>(
      PROGRAMS,
      {},
      await as(await anyClerk()),
    );
    expect(read.errors, JSON.stringify(read.errors)).toBeUndefined();
    expect(read.data?.programs.find((program) => program.code === 'REWARD-NATIONAL')?.standards).toHaveLength(
      3,
    );
    expect(
      read.data?.programs.find((program) => program.code === 'SPECIAL-ASSISTANCE')?.standards,
    ).toHaveLength(12);

    // The standard in force on a day: 600 yuan a year until 2008, 720 from 2009, 960 since 2012.
    const reward = await t.graphql<{
      program: { in2008: { amountFen: string }; in2026: { amountFen: string } };
    }>(REWARD_ON, { id: catalogue['REWARD-NATIONAL']?.id }, await as(await anyClerk()));
    expect(reward.data?.program).toMatchObject({
      in2008: { amountFen: '60000' },
      in2026: { amountFen: '96000' },
    });

    // Special assistance differs by variant: 135 a month for a rural family whose only child died in
    // 2013, 340 for an urban one since 2014; without a variant the question has no single answer.
    const on = async (date: string, variant: string | null) =>
      t.graphql<{ program: { standardOn: { amountFen: string } | null } }>(
        SPECIAL_ON,
        { id: special.id, date, variant },
        await as('county.admin'),
      );
    expect((await on('2013-05-01', 'DIED_RURAL')).data?.program.standardOn?.amountFen).toBe('13500');
    expect((await on('2020-05-01', 'DIED_URBAN')).data?.program.standardOn?.amountFen).toBe('34000');
    expect((await on('2007-12-31', 'DIED_URBAN')).data?.program.standardOn).toBeNull();
    expectRefusal(await on('2020-05-01', null), 'BAD_INPUT', 'variant', true);

    // Loading again changes nothing.
    const programs = await countRows(t, 'program');
    const standards = await countRows(t, 'program_standard');
    await ok(
      t.graphql<Record<string, unknown[]>>(LOAD_CATALOGUE, {}, await as('county.admin')),
      'loadProgramCatalogue',
    );
    expect(await countRows(t, 'program')).toBe(programs);
    expect(await countRows(t, 'program_standard')).toBe(standards);
  });

  it('a county admin creates a program of the county, audited; nobody else may', async () => {
    const audits = await auditActions(t);
    const program = await ok(
      t.graphql<Record<string, ProgramNode>>(CREATE, { input: programInput() }, await as('county.admin')),
      'createProgram',
    );
    expect(program).toMatchObject({
      code: 'ELDER-CARE-TEST',
      sensitive: false,
      variants: ['DEFAULT'],
      noticeDays: 7,
      noticeDayKind: 'CALENDAR',
      minAmountFen: '20000',
      requiredEvidence: { new: ['HOUSEHOLD_REGISTER', 'VILLAGE_CERTIFICATION'], continuing: [], exited: [] },
      eligibility: { minAge: 70, maxAge: null, householdInDifficulty: null },
      version: 1,
    });
    expect((await auditActions(t))['program.create']).toBe((audits['program.create'] ?? 0) + 1);

    const [township] = await t.ownerSql<{ username: string }>(
      `select username from app_user where role = 'TOWNSHIP_ADMIN' order by username limit 1`,
    );
    const before = await countRows(t, 'program');
    for (const username of [township?.username as string, 'county.auditor']) {
      expectRefusal(
        await t.graphql(CREATE, { input: programInput({ code: 'ELDER-CARE-OTHER' }) }, await as(username)),
        'FORBIDDEN',
      );
    }
    expectRefusal(
      await t.graphql(CREATE, { input: programInput() }, await as('county.approver')),
      'CONFLICT',
      'input.code',
    );
    expect(await countRows(t, 'program')).toBe(before);
  });

  it('refuses a program that does not hold together, naming the field', async () => {
    const before = await countRows(t, 'program');
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'elder-care' }, 'input.code'],
      [{ name: 'x' }, 'input.name'],
      [{ minAmountFen: '200.00' }, 'input.minAmountFen'],
      [{ minAmountFen: '200000', maxAmountFen: '100000' }, 'input.maxAmountFen'],
      [{ maxAmountFen: '10000001' }, 'input.maxAmountFen'],
      [{ objectionPhone: '86001234' }, 'input.objectionPhone'],
      [{ noticeDays: 31 }, 'input.noticeDays'],
      [{ eligibility: { minAge: 70, maxAge: 60 } }, 'input.eligibility.maxAge'],
      [{ eligibility: { minAge: 130 } }, 'input.eligibility.minAge'],
      [{ variants: ['URBAN', 'RURAL'] }, 'input.variants'],
      [{ eligibility: { variantBy: ['REGION_KIND'] }, variants: ['DEFAULT'] }, 'input.variants'],
    ];
    for (const [overrides, field] of cases) {
      expectRefusal(
        await t.graphql(
          CREATE,
          { input: programInput({ code: 'BAD-PROGRAM', ...overrides }) },
          await as('county.admin'),
        ),
        'BAD_INPUT',
        field,
      );
    }
    expect(await countRows(t, 'program')).toBe(before);
    // Variants follow from variantBy when left out.
    const byArea = await ok(
      t.graphql<Record<string, ProgramNode>>(
        CREATE,
        { input: programInput({ code: 'AREA-TEST', eligibility: { variantBy: ['REGION_KIND'] } }) },
        await as('county.admin'),
      ),
      'createProgram',
    );
    expect(byArea.variants).toEqual(['URBAN', 'RURAL']);
  });

  it('adds standards over the years; overlapping periods and amounts outside the bounds are refused', async () => {
    const program = await ok(
      t.graphql<Record<string, ProgramNode>>(
        CREATE,
        { input: programInput({ code: 'STANDARDS-TEST' }) },
        await as('county.admin'),
      ),
      'createProgram',
    );
    const add = async (input: Record<string, unknown>, username = 'county.admin') =>
      t.graphql<{
        addProgramStandard: {
          standards: { effectiveFrom: string; effectiveUntil: string | null; amountFen: string }[];
        };
      }>(
        ADD_STANDARD,
        {
          input: {
            programId: program.id,
            effectiveFrom: '2020-01-01',
            effectiveUntil: '2024-01-01',
            amountFen: '50000',
            sourceDocument: '县计生协慰问标准（示例，2020）',
            ...input,
          },
        },
        await as(username),
      );
    const audits = await auditActions(t);
    expect((await add({})).errors).toBeUndefined();
    const second = await add({ effectiveFrom: '2024-01-01', effectiveUntil: null, amountFen: '80000' });
    expect(second.data?.addProgramStandard.standards.map((s) => [s.effectiveFrom, s.amountFen])).toEqual([
      ['2020-01-01', '50000'],
      ['2024-01-01', '80000'],
    ]);
    expect((await auditActions(t))['program.addStandard']).toBe((audits['program.addStandard'] ?? 0) + 2);

    const before = await countRows(t, 'program_standard');
    const overlap = await add({ effectiveFrom: '2023-06-01', effectiveUntil: '2023-12-31' });
    expectRefusal(overlap, 'CONFLICT', 'input.effectiveFrom');
    expect(overlap.errors?.[0]?.extensions?.messageZh).toContain('2020-01-01 起');
    expectRefusal(
      await add({ effectiveFrom: '2010-01-01', amountFen: '10000' }),
      'BAD_INPUT',
      'input.amountFen',
    );
    expectRefusal(
      await add({ effectiveFrom: '2010-01-01', amountFen: '720.00' }),
      'BAD_INPUT',
      'input.amountFen',
    );
    expectRefusal(
      await add({ effectiveFrom: '2010-01-01', variant: 'DIED_RURAL' }),
      'BAD_INPUT',
      'input.variant',
    );
    expectRefusal(
      await add({ effectiveFrom: '2010-01-01', effectiveUntil: '2009-01-01' }),
      'BAD_INPUT',
      'input.effectiveUntil',
    );
    const [township] = await t.ownerSql<{ username: string }>(
      `select username from app_user where role = 'TOWNSHIP_ADMIN' order by username limit 1`,
    );
    expectRefusal(await add({ effectiveFrom: '2010-01-01' }, township?.username), 'FORBIDDEN');
    expect(await countRows(t, 'program_standard')).toBe(before);

    // A new standard from a later day supersedes the one in force: it ends where the new one starts.
    const raised = await add({ effectiveFrom: '2030-01-01', effectiveUntil: null, amountFen: '90000' });
    expect(raised.errors, JSON.stringify(raised.errors)).toBeUndefined();
    expect(
      raised.data?.addProgramStandard.standards.map((s) => [s.effectiveFrom, s.effectiveUntil, s.amountFen]),
    ).toEqual([
      ['2020-01-01', '2024-01-01', '50000'],
      ['2024-01-01', '2030-01-01', '80000'],
      ['2030-01-01', null, '90000'],
    ]);
    const [superseding] = await t.ownerSql<{ before_sha256: string | null }>(
      `select before_sha256 from audit_event where action = 'program.addStandard' order by id desc limit 1`,
    );
    expect(superseding?.before_sha256).toMatch(/^[0-9a-f]{64}$/);

    // The database's exclusion constraint is the backstop: a direct insert of an overlap fails too.
    await expect(
      t.sqlAs(
        'county.admin',
        `insert into program_standard (program_id, variant, effective_from, amount_fen, source_document)
         values ($1, 'DEFAULT', '2021-01-01', 50000, '重叠的标准')`,
        [program.id],
      ),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('never supersedes a standard already paid for the periods it would give up', async () => {
    const reward = catalogue['REWARD-NATIONAL'] as ProgramNode;
    // The demo county has paid reward assistance at 960 yuan for the past years.
    const [paid] = await t.ownerSql<{ latest: string }>(
      `select max(p.period) as latest from payment p join program_standard s on s.id = p.standard_id
        where s.program_id = $1 and s.effective_until is null`,
      [reward.id],
    );
    expect(paid?.latest).toMatch(/^\d{4}/);
    const year = Number(paid?.latest.slice(0, 4));
    const before = await countRows(t, 'program_standard');
    const add = async (effectiveFrom: string) =>
      t.graphql(
        ADD_STANDARD,
        {
          input: {
            programId: reward.id,
            effectiveFrom,
            amountFen: '108000',
            sourceDocument: '奖励扶助提标文件（示例）',
          },
        },
        await as('county.admin'),
      );
    expectRefusal(await add(`${year}-01-01`), 'CONFLICT', 'input.effectiveFrom');
    expect(await countRows(t, 'program_standard')).toBe(before);
    const later = await add(`${year + 2}-01-01`);
    expect(later.errors, JSON.stringify(later.errors)).toBeUndefined();
    const standards = await t.graphql<{
      program: { standards: { effectiveFrom: string; effectiveUntil: string | null; amountFen: string }[] };
    }>(STANDARDS, { id: reward.id }, await as('county.admin'));
    expect(standards.data?.program.standards.slice(-2)).toEqual([
      { effectiveFrom: '2012-01-01', effectiveUntil: `${year + 2}-01-01`, amountFen: '96000' },
      { effectiveFrom: `${year + 2}-01-01`, effectiveUntil: null, amountFen: '108000' },
    ]);
  });
});
