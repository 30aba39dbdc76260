import { residentIdHmac } from '../persons/resident-id-hmac.ts';
import {
  cellText,
  choiceSet,
  HOUSEHOLD_CODE,
  parseCodeCell,
  parseDateCell,
  parsePhoneCell,
  parseResidentIdCell,
  parseText,
  REGION_CODE,
  SEX,
  YES_NO,
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

export const RELATIONS = choiceSet([
  { value: 'HEAD', zh: '户主', aliases: ['本人', '户主本人'] },
  { value: 'SPOUSE', zh: '配偶', aliases: ['妻', '夫', '妻子', '丈夫'] },
  { value: 'CHILD', zh: '子女', aliases: ['子', '女', '儿子', '女儿', '长子', '长女', '次子', '次女'] },
  { value: 'PARENT', zh: '父母', aliases: ['父亲', '母亲', '父', '母'] },
  { value: 'GRANDCHILD', zh: '孙子女', aliases: ['孙子', '孙女', '外孙子', '外孙女'] },
  { value: 'OTHER', zh: '其他' },
] as const);

export const PLANNING_STATUSES = choiceSet([
  { value: 'NONE', zh: '无', aliases: ['一般户', '否'] },
  { value: 'ONLY_CHILD', zh: '独生子女户', aliases: ['独生子女'] },
  { value: 'TWO_DAUGHTERS', zh: '双女户', aliases: ['双女'] },
] as const);

type PersonColumn =
  | 'name'
  | 'residentId'
  | 'sex'
  | 'birthDate'
  | 'phone'
  | 'registeredRegionCode'
  | 'currentRegionCode'
  | 'householdCode'
  | 'relation'
  | 'planningStatus'
  | 'inDifficulty';

export const PERSON_COLUMNS: readonly ColumnSpec<PersonColumn>[] = [
  { key: 'name', zh: '姓名', en: 'name', required: true, hint: '1–50 个字' },
  {
    key: 'residentId',
    zh: '身份证号',
    en: 'residentId',
    aliases: ['身份证号码', '公民身份号码', '居民身份证号'],
    required: true,
    hint: '18 位，该列请设为文本格式',
  },
  { key: 'sex', zh: '性别', en: 'sex', required: false, hint: '男/女，可不填（须与身份证号一致）' },
  {
    key: 'birthDate',
    zh: '出生日期',
    en: 'birthDate',
    required: false,
    hint: 'YYYY-MM-DD，可不填（须与身份证号一致）',
  },
  {
    key: 'phone',
    zh: '手机号',
    en: 'phone',
    aliases: ['手机号码', '联系电话'],
    required: false,
    hint: '11 位',
  },
  {
    key: 'registeredRegionCode',
    zh: '户籍地区划代码',
    en: 'registeredRegionCode',
    required: true,
    hint: '村（社区）或村民小组代码',
  },
  {
    key: 'currentRegionCode',
    zh: '现居地区划代码',
    en: 'currentRegionCode',
    required: false,
    hint: '不填则同户籍地',
  },
  { key: 'householdCode', zh: '户编号', en: 'householdCode', required: false, hint: '12 位村代码-4 位序号' },
  { key: 'relation', zh: '与户主关系', en: 'relation', required: false, hint: RELATIONS.labels.join('/') },
  {
    key: 'planningStatus',
    zh: '计生户类型',
    en: 'planningStatus',
    required: false,
    hint: PLANNING_STATUSES.labels.join('/'),
  },
  {
    key: 'inDifficulty',
    zh: '困难家庭',
    en: 'inDifficulty',
    aliases: ['计生困难家庭'],
    required: false,
    hint: '是/否',
  },
];

const TODAY_MAX = '2200-12-31';

const STAGE_COLUMNS = [
  'row_number',
  'name',
  'resident_id',
  'hmac',
  'sex',
  'birth_date',
  'phone',
  'region_code',
  'current_region_code',
  'household_code',
  'relation',
  'planning_status',
  'in_difficulty',
] as const;

/** Persons, and the households they are filed in (created when new). */
export const PERSON_IMPORT: ImportKindDefinition<PersonColumn> = {
  kind: 'PERSONS',
  label: { zh: '人员', en: 'persons' },
  columns: PERSON_COLUMNS,
  stageTable: 'import_person',
  stageColumns: STAGE_COLUMNS,
  stageDdl: `
    create temporary table import_person (
      row_number integer not null, name text, resident_id text, hmac bytea, sex text, birth_date date,
      phone text, region_code text, current_region_code text, household_code text, relation text,
      planning_status text, in_difficulty boolean
    ) on commit drop`,

  stageRow(row, cells, header, context) {
    const errors = new RowErrors(row, header);
    const cell = (key: PersonColumn) => header.cell(cells, key);
    const name = errors.take('name', parseText(cell('name'), { min: 1, max: 50 }));
    errors.require('name', name);
    const id = errors.take('residentId', parseResidentIdCell(cell('residentId')));
    errors.require('residentId', id);
    const sex = errors.take('sex', SEX.parse(cell('sex')), SEX.labels);
    if (id && sex && sex !== id.sex) errors.add('sex', 'SEX_MISMATCH');
    const birthDate = errors.take(
      'birthDate',
      parseDateCell(cell('birthDate'), { min: '1900-01-01', max: TODAY_MAX }),
    );
    if (id && birthDate && birthDate !== id.birthDate) errors.add('birthDate', 'BIRTH_DATE_MISMATCH');
    const phone = errors.take('phone', parsePhoneCell(cell('phone')));
    const regionCode = errors.take(
      'registeredRegionCode',
      parseCodeCell(cell('registeredRegionCode'), REGION_CODE, 'INVALID_REGION_CODE'),
    );
    errors.require('registeredRegionCode', regionCode);
    const currentCode = errors.take(
      'currentRegionCode',
      parseCodeCell(cell('currentRegionCode'), REGION_CODE, 'INVALID_REGION_CODE'),
    );
    const householdCode = errors.take(
      'householdCode',
      parseCodeCell(cell('householdCode'), HOUSEHOLD_CODE, 'INVALID_HOUSEHOLD_CODE'),
    );
    const relation = errors.take('relation', RELATIONS.parse(cell('relation')), RELATIONS.labels);
    const planning = errors.take(
      'planningStatus',
      PLANNING_STATUSES.parse(cell('planningStatus')),
      PLANNING_STATUSES.labels,
    );
    const difficulty = errors.take('inDifficulty', YES_NO.parse(cell('inDifficulty')), YES_NO.labels);
    const householdGiven = cellText(cell('householdCode')) !== null;
    if (!householdGiven) {
      for (const key of ['relation', 'planningStatus', 'inDifficulty'] as const) {
        if (cellText(cell(key)) !== null) errors.add(key, 'HOUSEHOLD_CODE_MISSING');
      }
    } else if (cellText(cell('relation')) === null) {
      errors.add('relation', 'HOUSEHOLD_WITHOUT_RELATION');
    }
    return {
      errors: errors.errors,
      values: [
        row,
        name,
        id?.number ?? null,
        id ? residentIdHmac(context.hmacKey, id.number) : null,
        id?.sex ?? null,
        id?.birthDate ?? null,
        phone,
        regionCode,
        currentCode,
        householdCode,
        relation,
        planning,
        difficulty === null ? null : difficulty === 'YES',
      ],
    };
  },

  async check(client, header, cap) {
    const regionCheck = (column: string, key: PersonColumn) => `
      select s.row_number, '${key}' as key,
             case when r.id is null or not (r.path <@ app_scope()) then 'REGION_NOT_IN_SCOPE'
                  else 'REGION_LEVEL' end as code, null::int[] as other_rows
        from import_person s left join region r on r.code = s.${column}
       where s.${column} is not null
         and (r.id is null or not (r.path <@ app_scope()) or r.level not in ('VILLAGE', 'GROUP'))`;
    const householdConflict = (column: string, key: PersonColumn) => `
      select s.row_number, '${key}' as key, 'HOUSEHOLD_CONFLICT' as code, d.rows as other_rows
        from import_person s
        join (select household_code, array_agg(row_number order by row_number) as rows
                from import_person where household_code is not null and ${column} is not null
               group by household_code having count(distinct ${column}) > 1) d using (household_code)
       where s.${column} is not null`;
    return runChecks(
      client,
      [
        duplicateCheck('import_person', 'hmac', 'residentId', 'hmac is not null'),
        // The only thing a caller learns about a person outside their jurisdiction: that one exists.
        `select s.row_number, 'residentId' as key, 'REGISTERED_ELSEWHERE' as code, null::int[] as other_rows
           from import_person s
          where s.hmac in (select person_registered_elsewhere(
                             array(select hmac from import_person where hmac is not null)))`,
        regionCheck('region_code', 'registeredRegionCode'),
        regionCheck('current_region_code', 'currentRegionCode'),
        `select s.row_number, 'householdCode' as key,
                case when v.id is null or not (v.path <@ app_scope()) or v.level <> 'VILLAGE'
                     then 'HOUSEHOLD_NOT_IN_SCOPE' else 'HOUSEHOLD_VILLAGE_MISMATCH' end as code,
                null::int[] as other_rows
           from import_person s
           left join region v on v.code = split_part(s.household_code, '-', 1)
           left join region r on r.code = s.region_code
          where s.household_code is not null
            and (v.id is null or not (v.path <@ app_scope()) or v.level <> 'VILLAGE'
                 or (r.id is not null and path_code(r.path, 3) is distinct from v.code))`,
        householdConflict('planning_status', 'planningStatus'),
        householdConflict('in_difficulty', 'inDifficulty'),
        `select s.row_number, 'relation' as key, 'HOUSEHOLD_TWO_HEADS' as code, d.rows as other_rows
           from import_person s
           join (select household_code, array_agg(row_number order by row_number) as rows
                   from import_person where relation = 'HEAD'
                  group by household_code having count(*) > 1) d using (household_code)
          where s.relation = 'HEAD'`,
        // A head already stored stays head unless this file gives them another place.
        `select s.row_number, 'relation' as key, 'HOUSEHOLD_TWO_HEADS' as code, null::int[] as other_rows
           from import_person s
           join household h on h.code = s.household_code
           join person p on p.household_id = h.id and p.relation = 'HEAD' and p.resident_id_hmac <> s.hmac
          where s.relation = 'HEAD'
            and not exists (select from import_person o
                             where o.hmac = p.resident_id_hmac
                               and (o.relation is distinct from 'HEAD' or o.household_code is distinct from s.household_code))`,
      ],
      header,
      cap,
    );
  },

  async write(client, header, context) {
    // Household details are stated on any of its rows (usually the head's); an empty cell keeps
    // what is stored, so importing more members of a household never resets its status.
    const households = await client.query(
      `insert into household (region_id, code, planning_status, in_difficulty, created_by, updated_by)
       select v.id, s.code, coalesce(s.planning_status, h.planning_status, 'NONE'),
              coalesce(s.in_difficulty, h.in_difficulty, false), $1, $1
         from (select household_code as code, max(planning_status) as planning_status,
                      bool_or(in_difficulty) as in_difficulty
                 from import_person where household_code is not null group by household_code) s
         join region v on v.code = split_part(s.code, '-', 1)
         left join household h on h.code = s.code
       on conflict (code) do update
          set planning_status = excluded.planning_status, in_difficulty = excluded.in_difficulty,
              updated_by = excluded.updated_by, updated_at = now(), version = household.version + 1
        where (household.planning_status, household.in_difficulty)
              is distinct from (excluded.planning_status, excluded.in_difficulty)`,
      [context.userId],
    );
    // A column the file does not have keeps what is stored; a column it has is the truth, empty
    // cells included (an empty phone cell removes the phone).
    const householdPresent = header.present.has('householdCode');
    await client.query('create temporary table import_changed_person (id uuid not null) on commit drop');
    // Existing persons are updated where something differs and new ones inserted, in one statement
    // (both halves see the same snapshot, so no row is in both). A plain insert rather than
    // `on conflict do update`: speculative insertion costs every new row an extra index probe, and
    // a number registered meanwhile by someone else still fails on the unique index, rolling back
    // the whole file.
    const currentRegion = header.present.has('currentRegionCode') ? 'coalesce(c.id, r.id)' : null;
    const persons = await client.query(
      `with updated as (
         update person p
            set region_id = r.id, current_region_id = ${currentRegion ?? 'p.current_region_id'},
                name = s.name, phone = ${valueFrom(header, 'phone', 's.phone', 'p.phone')},
                household_id = ${householdPresent ? 'h.id' : 'p.household_id'},
                relation = ${householdPresent ? 's.relation' : 'p.relation'},
                updated_by = $1, updated_at = now(), version = p.version + 1
           from import_person s
           join region r on r.code = s.region_code
           left join region c on c.code = s.current_region_code
           left join household h on h.code = s.household_code
          where p.resident_id_hmac = s.hmac
            and (p.region_id, p.current_region_id, p.name, p.phone, p.household_id, p.relation)
                is distinct from (r.id, ${currentRegion ?? 'p.current_region_id'}, s.name,
                                  ${valueFrom(header, 'phone', 's.phone', 'p.phone')},
                                  ${householdPresent ? 'h.id' : 'p.household_id'},
                                  ${householdPresent ? 's.relation' : 'p.relation'})
         returning p.id),
       inserted as (
         insert into person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date,
                             phone, household_id, relation, created_by, updated_by)
         select r.id, ${currentRegion ?? 'r.id'}, s.name, s.resident_id, s.hmac, s.sex, s.birth_date,
                ${header.present.has('phone') ? 's.phone' : 'null'},
                ${householdPresent ? 'h.id' : 'null'}, ${householdPresent ? 's.relation' : 'null'}, $1, $1
           from import_person s
           join region r on r.code = s.region_code
           left join region c on c.code = s.current_region_code
           left join household h on h.code = s.household_code
          where not exists (select from person p where p.resident_id_hmac = s.hmac)
         returning id)
       insert into import_changed_person select id from updated union all select id from inserted`,
      [context.userId],
    );
    // New or renamed persons may be someone already registered under another ID number.
    await client.query(`select flag_near_duplicates(array(select id from import_changed_person))`);
    return { household: rowCount(households), person: rowCount(persons) };
  },
};
