import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  addAssociation,
  check,
  csv,
  type ImportFixture,
  importFile,
  importFixture,
  newResidentId,
  registryCounts,
} from './import-test-fixtures.ts';

const PERSON_HEADER = ['姓名', '身份证号', '户籍地区划代码', '户编号', '与户主关系'];
const MEMBER_HEADER = [
  '协会代码',
  '身份证号',
  '职务',
  '会员证号',
  '会费缴至年度',
  '会员小组',
  '入会日期',
  '联系户编号',
];
const ACTIVITY_HEADER = [
  '协会代码',
  '活动日期',
  '活动类型',
  '活动名称',
  '参与人数',
  '宣传品份数',
  '义诊人次',
  '筛查人数',
];

let t: TestApi;
let f: ImportFixture;
let clerkA: string;
let associationA: string;
let associationB: string;
/** Persons registered in village A and B, and households of village A. */
const inA: string[] = [];
const inB: string[] = [];
let households: string[] = [];

beforeAll(async () => {
  t = await startTestApi();
  f = await importFixture(t);
  clerkA = await t.signIn(f.villageA.clerk);
  associationA = await addAssociation(t, f.villageA, 'IMP');
  associationB = await addAssociation(t, f.villageB, 'IMP');
  households = [8101, 8102, 8103].map((n) => `${f.villageA.code}-${n}`);
  const rows = [];
  for (let i = 0; i < 6; i++) {
    const id = newResidentId();
    inA.push(id);
    rows.push([`会员${'甲乙丙丁戊己'[i]}`, id, f.villageA.code, households[i % 3]!, i < 3 ? '户主' : '子女']);
  }
  await importFile(t, clerkA, 'PERSONS', csv([PERSON_HEADER, ...rows]));
  const clerkB = await t.signIn(f.villageB.clerk);
  for (let i = 0; i < 2; i++) inB.push(newResidentId());
  await importFile(
    t,
    clerkB,
    'PERSONS',
    csv([['姓名', '身份证号', '户籍地区划代码'], ...inB.map((id) => ['外村人', id, f.villageB.code])]),
  );
});
afterAll(async () => {
  await t?.close();
});

describe('members import', () => {
  it('adds members with their groups and contact households, and a second import changes nothing', async () => {
    const rows = [
      [
        associationA,
        inA[0]!,
        '会长',
        'A-0001',
        '2025',
        '第一小组',
        '2020-05-01',
        `${households[1]}；${households[2]}`,
      ],
      [associationA, inA[1]!, '', '', '', '第一小组', '2021/3/8', ''],
      [associationA, inA[2]!, 'SECRETARY_GENERAL', 'A-0002', '2024', '第二小组', '', households[0]!],
    ];
    const before = await registryCounts(t);
    const job = await importFile(t, clerkA, 'MEMBERS', csv([MEMBER_HEADER, ...rows]));
    // 3 members, 2 groups, 3 contact households.
    expect(job.rowsChanged).toBe(8);
    const members = await t.ownerSql(
      `select m.role, m.card_number, m.dues_paid_year, g.name as group_name, m.joined_on::text as joined_on,
              (select string_agg(h.code, ',' order by h.code) from contact_household ch
                 join household h on h.id = ch.household_id where ch.member_id = m.id) as contacts
         from member m join person p on p.id = m.person_id left join member_group g on g.id = m.group_id
        where p.resident_id = any($1) order by p.resident_id`,
      [inA.slice(0, 3)],
    );
    expect(members).toEqual([
      {
        role: 'PRESIDENT',
        card_number: 'A-0001',
        dues_paid_year: 2025,
        group_name: '第一小组',
        joined_on: '2020-05-01',
        contacts: `${households[1]},${households[2]}`,
      },
      {
        role: 'MEMBER',
        card_number: null,
        dues_paid_year: null,
        group_name: '第一小组',
        joined_on: '2021-03-08',
        contacts: null,
      },
      {
        role: 'SECRETARY_GENERAL',
        card_number: 'A-0002',
        dues_paid_year: 2024,
        group_name: '第二小组',
        joined_on: null,
        contacts: households[0],
      },
    ]);
    expect((await importFile(t, clerkA, 'MEMBERS', csv([MEMBER_HEADER, ...rows]))).rowsChanged).toBe(0);

    // The list of contact households is the whole list: one dropped is one removed.
    rows[0]![7] = households[2]!;
    expect((await importFile(t, clerkA, 'MEMBERS', csv([MEMBER_HEADER, ...rows]))).rowsChanged).toBe(1);
    // A file without the column leaves contact households as they are.
    const withoutContacts = rows.map((row) => row.slice(0, 7));
    expect(
      (await importFile(t, clerkA, 'MEMBERS', csv([MEMBER_HEADER.slice(0, 7), ...withoutContacts])))
        .rowsChanged,
    ).toBe(0);
    const after = await registryCounts(t);
    expect(after.member).toBe(before.member! + 3);
    expect(after.contact_household).toBe(before.contact_household! + 2);
  });

  it('reports every bad member row and writes nothing', async () => {
    const rows = [
      [associationA, inA[3]!, '会员', 'A-0100', '2025', '', '', ''],
      [associationB, inA[4]!, '会员', '', '', '', '', ''],
      [associationA, inB[0]!, '会员', '', '', '', '', ''],
      [associationA, inA[4]!, '村长', '', '1970', '', '', `${f.villageA.code}-7777`],
      [associationA, inA[5]!, '', 'A-0100', '', '', '2020-13-01', 'x'],
      [associationA, inA[3]!, '', '', '', '', '', ''],
    ];
    const before = await registryCounts(t);
    const job = await check(t, clerkA, 'MEMBERS', csv([MEMBER_HEADER, ...rows]));
    expect(job.status).toBe('INVALID');
    expect(job.errors.nodes.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '身份证号', 'DUPLICATE_IN_FILE'],
      [2, '会员证号', 'DUPLICATE_IN_FILE'],
      [3, '协会代码', 'ASSOCIATION_NOT_FOUND'],
      [4, '身份证号', 'PERSON_NOT_FOUND'],
      [5, '职务', 'INVALID_CHOICE'],
      [5, '会费缴至年度', 'OUT_OF_RANGE'],
      [5, '联系户编号', 'HOUSEHOLD_NOT_FOUND'],
      [6, '会员证号', 'DUPLICATE_IN_FILE'],
      [6, '入会日期', 'INVALID_DATE'],
      [6, '联系户编号', 'INVALID_HOUSEHOLD_CODE'],
      [7, '身份证号', 'DUPLICATE_IN_FILE'],
    ]);
    expect(job.errors.nodes.find((e) => e.code === 'INVALID_CHOICE')?.messageZh).toBe(
      '取值无效，应为：会员、理事、常务理事、会长、副会长、专职副会长、秘书长、小组长',
    );
    expect(await registryCounts(t)).toEqual(before);
  });

  it('names the row whose card number is held in another jurisdiction, and no one else', async () => {
    await t.ownerSql(
      `insert into member (association_id, region_id, person_id, card_number)
       select a.id, a.region_id, p.id, 'B-9999' from association a, person p
        where a.code = $1 and p.resident_id = $2`,
      [associationB, inB[1]],
    );
    const before = await registryCounts(t);
    const job = await check(
      t,
      clerkA,
      'MEMBERS',
      csv([MEMBER_HEADER, [associationA, inA[5]!, '', 'B-9999', '', '', '', '']]),
    );
    expect(job.status).toBe('INVALID');
    expect(job.errors.nodes).toEqual([
      expect.objectContaining({ row: 2, column: '会员证号', code: 'CARD_NUMBER_TAKEN_ELSEWHERE' }),
    ]);
    expect(JSON.stringify(job.errors.nodes)).not.toMatch(/B-9999|村|社区/);
    expect(await registryCounts(t)).toEqual(before);
  });
});

describe('activities import', () => {
  it('imports activities by their natural key: a second import changes nothing, changed figures change one row', async () => {
    const rows = [
      [associationA, '2025-05-29', '会员活动日', '5·29 会员活动日宣传', '120', '300', '0', '0'],
      [
        associationA,
        '2025-07-11',
        'POPULATION_DAY',
        '=HYPERLINK("http://example.com","人口日")',
        '80',
        '',
        '',
        '',
      ],
      [associationA, '2025-03-08', '妇女病普查', '+1 两癌筛查', '', '', '40', '200'],
    ];
    const before = await registryCounts(t);
    expect((await importFile(t, clerkA, 'ACTIVITIES', csv([ACTIVITY_HEADER, ...rows]))).rowsChanged).toBe(3);
    const stored = await t.ownerSql(
      `select x.kind, x.title, x.participants, x.leaflets, x.consultations, x.people_screened from activity x
         join association a on a.id = x.association_id where a.code = $1 order by x.held_on`,
      [associationA],
    );
    expect(stored).toEqual([
      {
        kind: 'HEALTH_SCREENING',
        title: '+1 两癌筛查',
        participants: 0,
        leaflets: 0,
        consultations: 40,
        people_screened: 200,
      },
      {
        kind: 'MEMBER_DAY',
        title: '5·29 会员活动日宣传',
        participants: 120,
        leaflets: 300,
        consultations: 0,
        people_screened: 0,
      },
      {
        kind: 'POPULATION_DAY',
        title: '=HYPERLINK("http://example.com","人口日")',
        participants: 80,
        leaflets: 0,
        consultations: 0,
        people_screened: 0,
      },
    ]);
    expect((await importFile(t, clerkA, 'ACTIVITIES', csv([ACTIVITY_HEADER, ...rows]))).rowsChanged).toBe(0);
    rows[0]![4] = '125';
    expect((await importFile(t, clerkA, 'ACTIVITIES', csv([ACTIVITY_HEADER, ...rows]))).rowsChanged).toBe(1);
    expect((await registryCounts(t)).activity).toBe(before.activity! + 3);
  });

  it('reports every bad activity row and writes nothing', async () => {
    const rows = [
      [associationB, '2025-01-01', '培训', '村外的培训', '1', '', '', ''],
      [associationA, '2025-02-30', '培训', '日期不对的培训', '1', '', '', ''],
      [associationA, '2025-01-02', '跳舞', '类型不对', '-1', '', '', ''],
      [associationA, '2025-01-03', '培训', '重', '1', '', '', ''],
      [associationA, '2025-01-04', '入户走访', '重复的走访', '1', '', '', ''],
      [associationA, '2025-01-04', 'HOME_VISIT', '重复的走访', '2', '', '', ''],
    ];
    const before = await registryCounts(t);
    const job = await check(t, clerkA, 'ACTIVITIES', csv([ACTIVITY_HEADER, ...rows]));
    expect(job.errors.nodes.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '协会代码', 'ASSOCIATION_NOT_FOUND'],
      [3, '活动日期', 'INVALID_DATE'],
      [4, '活动类型', 'INVALID_CHOICE'],
      [4, '参与人数', 'INVALID_INTEGER'],
      [5, '活动名称', 'TEXT_LENGTH'],
      [6, '活动名称', 'DUPLICATE_IN_FILE'],
      [7, '活动名称', 'DUPLICATE_IN_FILE'],
    ]);
    expect(await registryCounts(t)).toEqual(before);
  });
});

describe('persons import and existing households', () => {
  it('refuses a second head for a household that already has one', async () => {
    const id = newResidentId();
    const job = await check(
      t,
      clerkA,
      'PERSONS',
      csv([PERSON_HEADER, ['新户主', id, f.villageA.code, households[0]!, '户主']]),
    );
    expect(job.errors.nodes).toEqual([
      expect.objectContaining({ row: 2, column: '与户主关系', code: 'HOUSEHOLD_TWO_HEADS' }),
    ]);
  });
});
