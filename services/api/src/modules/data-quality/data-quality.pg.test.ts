import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTownships, freshResidentId, type TownshipFixture } from '../../../test/registry-fixtures.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { residentIdHmac } from '../persons/resident-id-hmac.ts';

const REPORT = `query($regionCode: String, $quarter: String) {
  dataQualityReport(regionCode: $regionCode, quarter: $quarter) {
    region { code } quarter
    checks { check visible count samples { entity id label problem descriptionZh descriptionEn } }
    byRegion { region { code } total counts { check count } }
  } }`;

interface Report {
  region: { code: string };
  quarter: string;
  checks: {
    check: string;
    visible: boolean;
    count: number;
    samples: {
      entity: string;
      id: string;
      label: string;
      problem: string;
      descriptionZh: string;
      descriptionEn: string;
    }[];
  }[];
  byRegion: { region: { code: string }; total: number; counts: { check: string; count: number }[] }[];
}

let t: TestApi;
let township: TownshipFixture;
let county: string;

/** A village of our own under the township: the demo villages have persons but no households. */
async function createVillage(code: string, name: string): Promise<{ id: string; code: string }> {
  const [row] = await t.ownerSql<{ id: string }>(
    `insert into region (code, name, level, kind, parent_id, path)
     select $1, $2, 'VILLAGE', 'VILLAGE', r.id, r.path || text2ltree($1) from region r where r.code = $3
     returning id`,
    [code, name, township.code],
  );
  return { id: row!.id, code };
}

/** Fixture rows written as the owner, as an import would leave them (no checks but the database's). */
function fixtures(village: { id: string; code: string }) {
  let serial = 0;
  return {
    async person(
      name: string,
      birthDate: string,
      sex: 'MALE' | 'FEMALE',
      extra: { householdId?: string; relation?: string; movedAwayOn?: string; deceasedOn?: string } = {},
    ): Promise<string> {
      const residentId = freshResidentId(birthDate, sex);
      const [row] = await t.ownerSql<{ id: string }>(
        `insert into person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date,
                             household_id, relation, moved_away_on, deceased_on)
         values ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
        [
          village.id,
          name,
          residentId,
          residentIdHmac('test-hmac-key', residentId),
          sex,
          birthDate,
          extra.householdId ?? null,
          extra.relation ?? null,
          extra.movedAwayOn ?? null,
          extra.deceasedOn ?? null,
        ],
      );
      return row!.id;
    },
    async household(serialNumber: string, planningStatus: string): Promise<string> {
      const [row] = await t.ownerSql<{ id: string }>(
        `insert into household (region_id, code, planning_status) values ($1, $2, $3) returning id`,
        [village.id, `${village.code}-${serialNumber}`, planningStatus],
      );
      return row!.id;
    },
    async association(name: string): Promise<string> {
      serial += 1;
      const [row] = await t.ownerSql<{ id: string }>(
        `insert into association (region_id, code, name, level, kind) values ($1, $2, $3, 'VILLAGE', 'VILLAGE')
         returning id`,
        [village.id, `${village.code}-A${serial}`, name],
      );
      return row!.id;
    },
    async member(
      associationId: string,
      personId: string,
      role: string,
      cardNumber: string | null,
      leftOn: string | null = null,
    ): Promise<string> {
      const [row] = await t.ownerSql<{ id: string }>(
        `insert into member (association_id, region_id, person_id, role, card_number, joined_on, left_on)
         values ($1, $2, $3, $4, $5, '2010-01-01', $6) returning id`,
        [associationId, village.id, personId, role, cardNumber, leftOn],
      );
      return row!.id;
    },
    async contact(memberId: string, householdId: string): Promise<void> {
      await t.ownerSql(
        'insert into contact_household (member_id, household_id, region_id) values ($1, $2, $3)',
        [memberId, householdId, village.id],
      );
    },
    async activity(associationId: string, heldOn: string): Promise<void> {
      await t.ownerSql(
        `insert into activity (association_id, region_id, kind, held_on, title, participants)
         values ($1, $2, 'MEMBER_DAY', $3, '会员活动日宣传服务', 30)`,
        [associationId, village.id, heldOn],
      );
    },
  };
}

const QUARTER = '2025Q2';
let clean: { id: string; code: string };
let messy: { id: string; code: string };
/** What was planted in the messy village: problem → ids. */
const planted: Record<string, string[]> = {};
function plant(problem: string, id: string): string {
  planted[problem] = [...(planted[problem] ?? []), id];
  return id;
}

beforeAll(async () => {
  t = await startTestApi();
  [township] = (await demoTownships(t)) as [TownshipFixture];
  county = await t.signIn('county.admin');
  const taken = new Set(
    (
      await t.ownerSql<{ code: string }>(
        'select code from region where parent_id = (select id from region where code = $1)',
        [township.code],
      )
    ).map((row) => row.code),
  );
  const free = ['398', '397', '396', '395', '394', '393']
    .map((v) => township.code.slice(0, 9) + v)
    .filter((c) => !taken.has(c));
  clean = await createVillage(free[0]!, '清水村');
  messy = await createVillage(free[1]!, '乱石村');

  // A clean village: a household whose members agree with its status, an association with a
  // president who carries a card and keeps contact with a household, and an activity in the quarter.
  const c = fixtures(clean);
  const home = await c.household('0001', 'ONLY_CHILD');
  const head = await c.person('周明', '1970-03-03', 'MALE', { householdId: home, relation: 'HEAD' });
  await c.person('叶兰', '1972-04-04', 'FEMALE', { householdId: home, relation: 'SPOUSE' });
  await c.person('周晓雪', '2000-05-05', 'FEMALE', { householdId: home, relation: 'CHILD' });
  const association = await c.association('清水村计划生育协会');
  const president = await c.member(association, head, 'PRESIDENT', `Q${clean.code}01`);
  await c.contact(president, home);
  await c.activity(association, '2025-05-29');

  // The messy village: one of each problem.
  const m = fixtures(messy);
  plant('HOUSEHOLD_WITHOUT_MEMBERS', await m.household('0001', 'NONE'));
  plant('PERSON_WITHOUT_HOUSEHOLD', await m.person('孙无户', '1980-01-01', 'MALE'));
  const onlyChild = plant('ONLY_CHILD_WITH_SEVERAL_CHILDREN', await m.household('0002', 'ONLY_CHILD'));
  const father = await m.person('钱建华', '1960-02-02', 'MALE', { householdId: onlyChild, relation: 'HEAD' });
  await m.person('钱一', '1985-03-03', 'MALE', { householdId: onlyChild, relation: 'CHILD' });
  await m.person('钱二', '1988-04-04', 'FEMALE', { householdId: onlyChild, relation: 'CHILD' });
  const grandmother = await m.person('钱老太', '1930-05-05', 'FEMALE', {
    householdId: onlyChild,
    relation: 'PARENT',
    deceasedOn: '2022-01-01',
  });
  plant(
    'MOVED_AWAY_IN_HOUSEHOLD',
    await m.person('钱远', '1992-06-06', 'MALE', {
      householdId: onlyChild,
      relation: 'OTHER',
      movedAwayOn: '2020-01-01',
    }),
  );
  const twoDaughters = plant('TWO_DAUGHTERS_WITH_SON', await m.household('0003', 'TWO_DAUGHTERS'));
  const youngHead = plant(
    'ELDER_NOT_OLDER',
    await m.person('李年轻', '1990-01-01', 'MALE', { householdId: twoDaughters, relation: 'HEAD' }),
  );
  await m.person('李大儿', '1989-06-01', 'MALE', { householdId: twoDaughters, relation: 'CHILD' });
  const twinA = await m.person('王同名', '1977-07-07', 'FEMALE', {
    householdId: twoDaughters,
    relation: 'OTHER',
  });
  const twinB = await m.person('王同名', '1977-07-07', 'FEMALE', {
    householdId: twoDaughters,
    relation: 'OTHER',
  });
  await t.ownerSql('select flag_near_duplicates(array[$1, $2]::uuid[])', [twinA, twinB]);
  const [flag] = await t.ownerSql<{ id: string }>(
    'select id from person_duplicate_flag where $1::uuid in (person_a_id, person_b_id)',
    [twinA],
  );
  plant('SAME_NAME_AND_BIRTH_DATE', flag!.id);

  const association2 = plant('ASSOCIATION_WITHOUT_PRESIDENT', await m.association('乱石村计划生育协会'));
  plant('NO_ACTIVITY_IN_QUARTER', association2);
  await m.activity(association2, '2025-01-15');
  const noCard = plant('MEMBER_WITHOUT_CARD_NUMBER', await m.member(association2, father, 'MEMBER', null));
  plant('NO_CONTACT_HOUSEHOLD', noCard);
  const deceased = plant(
    'DECEASED_ACTIVE_MEMBER',
    await m.member(association2, grandmother, 'DIRECTOR', `M${messy.code}02`),
  );
  await m.contact(deceased, onlyChild);
  // A former president counts for nothing, and is not asked for a card or a contact household.
  await m.member(association2, youngHead, 'PRESIDENT', null, '2024-01-01');
});
afterAll(async () => t?.close());

function problemsOf(report: Report): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const check of report.checks) {
    for (const sample of check.samples) found[sample.problem] = [...(found[sample.problem] ?? []), sample.id];
  }
  for (const ids of Object.values(found)) ids.sort();
  return found;
}

describe('the data-quality report', () => {
  it('finds nothing in a clean village', async () => {
    const result = await t.graphql<{ dataQualityReport: Report }>(
      REPORT,
      { regionCode: clean.code, quarter: QUARTER },
      county,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data!.dataQualityReport;
    expect(report.quarter).toBe(QUARTER);
    expect(report.checks.map((check) => [check.check, check.count, check.samples.length])).toEqual([
      ['MISSING_REQUIRED', 0, 0],
      ['CONTRADICTION', 0, 0],
      ['MOVED_AWAY_STILL_LISTED', 0, 0],
      ['NO_ACTIVITY_IN_QUARTER', 0, 0],
      ['MEMBER_WITHOUT_CONTACT_HOUSEHOLD', 0, 0],
      ['NEAR_DUPLICATE', 0, 0],
    ]);
    expect(report.byRegion).toEqual([]);
  });

  it('finds each planted problem, and only those, with bilingual descriptions and no ID numbers', async () => {
    const result = await t.graphql<{ dataQualityReport: Report }>(
      REPORT,
      { regionCode: messy.code, quarter: QUARTER },
      county,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data!.dataQualityReport;
    const expected = Object.fromEntries(
      Object.entries(planted).map(([problem, ids]) => [problem, [...ids].sort()]),
    );
    expect(problemsOf(report)).toEqual(expected);
    expect(Object.fromEntries(report.checks.map((check) => [check.check, check.count]))).toEqual({
      MISSING_REQUIRED: 4,
      CONTRADICTION: 4,
      MOVED_AWAY_STILL_LISTED: 1,
      NO_ACTIVITY_IN_QUARTER: 1,
      MEMBER_WITHOUT_CONTACT_HOUSEHOLD: 1,
      NEAR_DUPLICATE: 1,
    });
    const person = report.checks[0]!.samples.find((sample) => sample.problem === 'PERSON_WITHOUT_HOUSEHOLD');
    expect(person).toMatchObject({
      entity: 'PERSON',
      label: '孙无户',
      descriptionZh: '人员未归属任何户',
      descriptionEn: 'Person belongs to no household',
    });
    expect(JSON.stringify(result)).not.toMatch(/[0-9]{17}[0-9X]/);

    // The same association had an activity in the first quarter.
    const q1 = await t.graphql<{ dataQualityReport: Report }>(
      REPORT,
      { regionCode: messy.code, quarter: '2025Q1' },
      county,
    );
    expect(
      q1.data?.dataQualityReport.checks.find((check) => check.check === 'NO_ACTIVITY_IN_QUARTER')?.count,
    ).toBe(0);
  });

  it('breaks a township down by village, without the county-only check', async () => {
    const result = await t.graphql<{ dataQualityReport: Report }>(
      REPORT,
      { quarter: QUARTER },
      await t.signIn(township.admin),
    );
    expect(result.errors).toBeUndefined();
    const report = result.data!.dataQualityReport;
    expect(report.region.code).toBe(township.code);
    expect(report.checks.find((check) => check.check === 'NEAR_DUPLICATE')).toEqual({
      check: 'NEAR_DUPLICATE',
      visible: false,
      count: 0,
      samples: [],
    });
    const villages = Object.fromEntries(report.byRegion.map((entry) => [entry.region.code, entry]));
    expect(villages[clean.code]?.total).toBe(0);
    expect(
      Object.fromEntries(villages[messy.code]!.counts.map((count) => [count.check, count.count])),
    ).toEqual({
      MISSING_REQUIRED: 4,
      CONTRADICTION: 4,
      MOVED_AWAY_STILL_LISTED: 1,
      NO_ACTIVITY_IN_QUARTER: 1,
      MEMBER_WITHOUT_CONTACT_HOUSEHOLD: 1,
      NEAR_DUPLICATE: 0,
    });
    expect(villages[messy.code]!.total).toBe(11);
    // Each village of the township is listed, and the parts add up to the whole.
    expect(report.byRegion.filter((entry) => entry.region.code !== township.code)).toHaveLength(
      township.villages.length + 2,
    );
    for (const check of report.checks) {
      const sum = report.byRegion.reduce(
        (total, entry) => total + (entry.counts.find((count) => count.check === check.check)?.count ?? 0),
        0,
      );
      expect(sum, check.check).toBe(check.count);
    }
  });

  it('stays inside the caller’s jurisdiction and checks its arguments', async () => {
    const clerk = await t.signIn(township.villages[0]!.clerk);
    const outside = await t.graphql(REPORT, { regionCode: messy.code }, clerk);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'regionCode' });
    const own = await t.graphql<{ dataQualityReport: Report }>(REPORT, {}, clerk);
    expect(own.data?.dataQualityReport.region.code).toBe(township.villages[0]!.code);
    const badQuarter = await t.graphql(REPORT, { quarter: '2025-Q5' }, county);
    expect(badQuarter.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'quarter' });
  });
});
