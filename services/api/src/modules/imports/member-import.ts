import { residentIdHmac } from '../persons/resident-id-hmac.ts';
import {
  ASSOCIATION_CODE,
  cellText,
  choiceSet,
  HOUSEHOLD_CODE,
  parseCodeCell,
  parseDateCell,
  parseIntegerCell,
  parseResidentIdCell,
  parseText,
} from './cell-values.ts';
import type { ColumnSpec } from './import-columns.ts';
import {
  duplicateCheck,
  type ImportKindDefinition,
  RowErrors,
  rowCount,
  runChecks,
  valueFrom,
} from './import-kind.ts';

export const MEMBER_ROLES = choiceSet([
  { value: 'MEMBER', zh: '会员' },
  { value: 'DIRECTOR', zh: '理事' },
  { value: 'STANDING_DIRECTOR', zh: '常务理事' },
  { value: 'PRESIDENT', zh: '会长' },
  { value: 'VICE_PRESIDENT', zh: '副会长' },
  { value: 'FULL_TIME_VICE_PRESIDENT', zh: '专职副会长' },
  { value: 'SECRETARY_GENERAL', zh: '秘书长' },
  { value: 'GROUP_LEADER', zh: '小组长', aliases: ['会员小组长'] },
] as const);

type MemberColumn =
  | 'associationCode'
  | 'residentId'
  | 'role'
  | 'cardNumber'
  | 'duesPaidYear'
  | 'groupName'
  | 'joinedOn'
  | 'contactHouseholds';

export const MEMBER_COLUMNS: readonly ColumnSpec<MemberColumn>[] = [
  {
    key: 'associationCode',
    zh: '协会代码',
    en: 'associationCode',
    required: true,
    hint: '如 330199101201-A',
  },
  {
    key: 'residentId',
    zh: '身份证号',
    en: 'residentId',
    aliases: ['身份证号码', '公民身份号码'],
    required: true,
    hint: '18 位，该列请设为文本格式；人员须已登记',
  },
  { key: 'role', zh: '职务', en: 'role', required: false, hint: MEMBER_ROLES.labels.join('/') },
  {
    key: 'cardNumber',
    zh: '会员证号',
    en: 'cardNumber',
    required: false,
    hint: '4–30 位数字、大写字母或连字符',
  },
  { key: 'duesPaidYear', zh: '会费缴至年度', en: 'duesPaidYear', required: false, hint: '如 2025' },
  {
    key: 'groupName',
    zh: '会员小组',
    en: 'group',
    aliases: ['groupName'],
    required: false,
    hint: '新小组自动创建',
  },
  { key: 'joinedOn', zh: '入会日期', en: 'joinedOn', required: false, hint: 'YYYY-MM-DD' },
  {
    key: 'contactHouseholds',
    zh: '联系户编号',
    en: 'contactHouseholds',
    required: false,
    hint: '多个用；分隔',
  },
];

const CARD_NUMBER = /^[0-9A-Z-]{4,30}$/;
const MAX_CONTACTS = 50;

/** Members of associations, their member groups (created when new) and contact households. */
export const MEMBER_IMPORT: ImportKindDefinition<MemberColumn> = {
  kind: 'MEMBERS',
  label: { zh: '会员', en: 'members' },
  columns: MEMBER_COLUMNS,
  stageTable: 'import_member',
  stageColumns: [
    'row_number',
    'association_code',
    'hmac',
    'role',
    'card_number',
    'dues_paid_year',
    'group_name',
    'joined_on',
    'contact_codes',
  ],
  stageDdl: `
    create temporary table import_member (
      row_number integer not null, association_code text, hmac bytea, role text, card_number text,
      dues_paid_year integer, group_name text, joined_on date, contact_codes text[]
    ) on commit drop`,

  stageRow(row, cells, header, context) {
    const errors = new RowErrors(row, header);
    const cell = (key: MemberColumn) => header.cell(cells, key);
    const association = errors.take(
      'associationCode',
      parseCodeCell(cell('associationCode'), ASSOCIATION_CODE, 'ASSOCIATION_NOT_FOUND'),
    );
    errors.require('associationCode', association);
    const id = errors.take('residentId', parseResidentIdCell(cell('residentId')));
    errors.require('residentId', id);
    const role = errors.take('role', MEMBER_ROLES.parse(cell('role')), MEMBER_ROLES.labels);
    const card = errors.take(
      'cardNumber',
      parseCodeCell(cell('cardNumber'), CARD_NUMBER, 'INVALID_CARD_NUMBER'),
    );
    const dues = errors.take(
      'duesPaidYear',
      parseIntegerCell(cell('duesPaidYear'), { min: 1980, max: 2200 }),
    );
    const group = errors.take('groupName', parseText(cell('groupName'), { min: 1, max: 50 }));
    const joined = errors.take(
      'joinedOn',
      parseDateCell(cell('joinedOn'), { min: '1950-01-01', max: '2200-12-31' }),
    );
    let contacts: string[] | null = null;
    const contactText = cellText(cell('contactHouseholds'));
    if (contactText !== null) {
      const codes = [
        ...new Set(
          contactText
            .toUpperCase()
            .split(/[；;、,，\s]+/)
            .filter(Boolean),
        ),
      ];
      if (codes.length > MAX_CONTACTS || codes.some((code) => !HOUSEHOLD_CODE.test(code))) {
        errors.add('contactHouseholds', 'INVALID_HOUSEHOLD_CODE');
      } else {
        contacts = codes;
      }
    }
    return {
      errors: errors.errors,
      values: [
        row,
        association,
        id ? residentIdHmac(context.hmacKey, id.number) : null,
        role,
        card,
        dues,
        group,
        joined,
        // The codes matched /^[0-9]{12}-[0-9]{4}$/: an array literal needs no quoting.
        contacts === null ? null : `{${contacts.join(',')}}`,
      ],
    };
  },

  async check(client, header, cap) {
    return runChecks(
      client,
      [
        `select s.row_number, 'associationCode' as key, 'ASSOCIATION_NOT_FOUND' as code, null::int[] as other_rows
           from import_member s left join association a on a.code = s.association_code
          where s.association_code is not null and a.id is null`,
        // Out of scope or not registered: the caller cannot tell which, and need not.
        `select s.row_number, 'residentId' as key, 'PERSON_NOT_FOUND' as code, null::int[] as other_rows
           from import_member s left join person p on p.resident_id_hmac = s.hmac
          where s.hmac is not null and p.id is null`,
        duplicateCheck(
          'import_member',
          'association_code, hmac',
          'residentId',
          'hmac is not null and association_code is not null',
        ),
        duplicateCheck('import_member', 'card_number', 'cardNumber', 'card_number is not null'),
        `select s.row_number, 'cardNumber' as key, 'CARD_NUMBER_TAKEN_ELSEWHERE' as code, null::int[] as other_rows
           from import_member s
          where s.card_number in (select member_card_numbers_elsewhere(
                  array(select card_number from import_member where card_number is not null)))`,
        `select s.row_number, 'cardNumber' as key, 'CARD_NUMBER_TAKEN' as code, null::int[] as other_rows
           from import_member s
           join member m on m.card_number = s.card_number
           left join association a on a.code = s.association_code
           left join person p on p.resident_id_hmac = s.hmac
          where m.association_id is distinct from a.id or m.person_id is distinct from p.id`,
        `select distinct s.row_number, 'contactHouseholds' as key, 'HOUSEHOLD_NOT_FOUND' as code,
                null::int[] as other_rows
           from import_member s cross join unnest(s.contact_codes) as c(code)
           left join household h on h.code = c.code
          where h.id is null`,
      ],
      header,
      cap,
    );
  },

  async write(client, header, context) {
    const groups = await client.query(
      `insert into member_group (association_id, region_id, name)
       select distinct a.id, a.region_id, s.group_name
         from import_member s join association a on a.code = s.association_code
        where s.group_name is not null
       on conflict (association_id, name) do nothing`,
    );
    const members = await client.query(
      `insert into member (association_id, region_id, person_id, role, card_number, dues_paid_year, group_id,
                           joined_on, created_by, updated_by)
       select a.id, a.region_id, p.id,
              ${valueFrom(header, 'role', "coalesce(s.role, 'MEMBER')", 'm.role', "'MEMBER'")},
              ${valueFrom(header, 'cardNumber', 's.card_number', 'm.card_number')},
              ${valueFrom(header, 'duesPaidYear', 's.dues_paid_year', 'm.dues_paid_year')},
              ${valueFrom(header, 'groupName', 'g.id', 'm.group_id')},
              ${valueFrom(header, 'joinedOn', 's.joined_on', 'm.joined_on')}, $1, $1
         from import_member s
         join association a on a.code = s.association_code
         join person p on p.resident_id_hmac = s.hmac
         left join member_group g on g.association_id = a.id and g.name = s.group_name
         left join member m on m.association_id = a.id and m.person_id = p.id
       on conflict (association_id, person_id) do update
          set role = excluded.role, card_number = excluded.card_number, dues_paid_year = excluded.dues_paid_year,
              group_id = excluded.group_id, joined_on = excluded.joined_on, updated_by = excluded.updated_by,
              updated_at = now(), version = member.version + 1
        where (member.role, member.card_number, member.dues_paid_year, member.group_id, member.joined_on)
              is distinct from (excluded.role, excluded.card_number, excluded.dues_paid_year, excluded.group_id,
                                excluded.joined_on)`,
      [context.userId],
    );
    const changes: Record<string, number> = { member_group: rowCount(groups), member: rowCount(members) };
    if (header.present.has('contactHouseholds')) {
      // The file lists each member's contact households in full: the stored set becomes that list.
      await client.query(
        `create temporary table import_contact on commit drop as
         select m.id as member_id, m.region_id, h.id as household_id
           from import_member s
           join association a on a.code = s.association_code
           join person p on p.resident_id_hmac = s.hmac
           join member m on m.association_id = a.id and m.person_id = p.id
           left join lateral unnest(s.contact_codes) as c(code) on true
           left join household h on h.code = c.code`,
      );
      const removed = await client.query(
        `delete from contact_household ch
          where ch.member_id in (select member_id from import_contact)
            and not exists (select from import_contact w
                             where w.member_id = ch.member_id and w.household_id = ch.household_id)`,
      );
      const added = await client.query(
        `insert into contact_household (member_id, household_id, region_id, created_by)
         select distinct member_id, household_id, region_id, $1::uuid from import_contact
          where household_id is not null
         on conflict (member_id, household_id) do nothing`,
        [context.userId],
      );
      changes.contact_household = rowCount(removed) + rowCount(added);
    }
    return changes;
  },
};
