import { maskResidentId } from '@sunshine/identifiers/resident-id';
import { ACTIVITY_KINDS } from '../imports/activity-import.ts';
import { MEMBER_ROLES } from '../imports/member-import.ts';
import { PLANNING_STATUSES, RELATIONS } from '../imports/person-import.ts';
import { maskPhone } from '../persons/person.type.ts';

export const EXPORT_LISTS = [
  'persons',
  'households',
  'members',
  'associations',
  'activities',
  'projects',
  'evaluations',
] as const;
export type ExportListName = (typeof EXPORT_LISTS)[number];

export type ExportValue = string | number | null;

/** Filters a list takes from the query string; each list says which ones it understands. */
export interface ExportFilters {
  /** The region's path (already checked to be in the caller's scope). */
  regionPath?: string;
  associationCode?: string;
  kind?: string;
  from?: string;
  to?: string;
}

export interface ExportList {
  name: ExportListName;
  /** The sheet's and file's title. */
  title: string;
  headers: readonly string[];
  /** What `kind` may be, when the list takes it. */
  kinds?: readonly string[];
  /** A SELECT in a stable order, over the caller's scope (row-level security does the rest). */
  query(filters: ExportFilters): { sql: string; params: unknown[] };
  row(record: Record<string, unknown>): ExportValue[];
}

const LEVELS: Record<string, string> = {
  COUNTY: '县（区）级',
  TOWNSHIP: '乡镇（街道）级',
  VILLAGE: '村（社区）级',
};
const ASSOCIATION_KINDS: Record<string, string> = {
  REGIONAL: '县、乡镇计生协',
  VILLAGE: '村计生协',
  COMMUNITY: '社区计生协',
  ENTERPRISE: '企业计生协',
  FLOATING_POPULATION: '流动人口计生协',
};
const STANDINGS: Record<string, string> = {
  MODEL: '示范',
  ADVANCED: '先进',
  ORDINARY: '一般',
  NOMINAL: '挂牌',
};
const FACILITIES: Record<string, string> = {
  VENUE: '场所',
  RULES: '制度',
  VOLUNTEER_TEAM: '志愿者队伍',
  EQUIPMENT: '设施设备',
  PLAN_AND_RECORDS: '计划和记录',
};
const PROJECT_KINDS: Record<string, string> = {
  FEWER_BIRTHS_FASTER_PROSPERITY: '少生快富',
  THREE_COMBINATIONS: '计生三结合',
  BIRTH_CARE: '生育关怀',
  HAPPINESS_PROJECT: '幸福工程',
  YOUTH_HEALTH: '青春健康',
};

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const count = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
/** Fen to yuan as a number (budgets stay far below 2^53 fen). */
const yuan = (fen: unknown): number | null => (fen === null || fen === undefined ? null : Number(fen) / 100);

/** Builds WHERE clauses with numbered parameters. */
class Where {
  readonly clauses: string[] = ['true'];
  readonly params: unknown[] = [];

  add(clause: (placeholder: string) => string, value: unknown): void {
    this.params.push(value);
    this.clauses.push(clause(`$${this.params.length}`));
  }

  get sql(): string {
    return this.clauses.join(' and ');
  }
}

function common(filters: ExportFilters, alias: string, dateColumn?: string): Where {
  const where = new Where();
  // Region ids rather than `region_path <@`: uuid equality is leakproof, so the planner may use the
  // region index before row-level security (see db/region-subtree.ts).
  if (filters.regionPath) {
    where.add(
      (p) => `${alias}.region_id in (select r.id from region r where r.path <@ ${p}::ltree)`,
      filters.regionPath,
    );
  }
  if (filters.associationCode) where.add((p) => `a.code = ${p}`, filters.associationCode);
  if (filters.kind) where.add((p) => `${alias}.kind = ${p}`, filters.kind);
  if (dateColumn && filters.from) where.add((p) => `${alias}.${dateColumn} >= ${p}::date`, filters.from);
  if (dateColumn && filters.to) where.add((p) => `${alias}.${dateColumn} <= ${p}::date`, filters.to);
  return where;
}

const PERSONS: ExportList = {
  name: 'persons',
  title: '人员',
  headers: [
    '姓名',
    '身份证号（脱敏）',
    '性别',
    '出生日期',
    '手机号（脱敏）',
    '户籍地区划代码',
    '户籍地',
    '现居地区划代码',
    '户编号',
    '与户主关系',
    '迁出日期',
    '死亡日期',
  ],
  query(filters) {
    const where = common({ regionPath: filters.regionPath }, 'p');
    return {
      sql: `select p.name, p.resident_id, p.sex, p.birth_date::text as birth_date, p.phone, r.code as region_code,
                   r.name as region_name, c.code as current_code, h.code as household_code, p.relation,
                   p.moved_away_on::text as moved_away_on, p.deceased_on::text as deceased_on
              from person p
              join region r on r.id = p.region_id
              left join region c on c.id = p.current_region_id
              left join household h on h.id = p.household_id
             where ${where.sql}
             order by r.code, p.name, p.id`,
      params: where.params,
    };
  },
  row: (r) => [
    text(r.name),
    // Lists never carry a full ID number or phone: they travel by e-mail and USB stick.
    maskResidentId(String(r.resident_id)),
    r.sex === 'MALE' ? '男' : '女',
    text(r.birth_date),
    r.phone ? maskPhone(String(r.phone)) : null,
    text(r.region_code),
    text(r.region_name),
    text(r.current_code),
    text(r.household_code),
    r.relation ? RELATIONS.label(String(r.relation)) : null,
    text(r.moved_away_on),
    text(r.deceased_on),
  ],
};

const HOUSEHOLDS: ExportList = {
  name: 'households',
  title: '户',
  headers: ['户编号', '所在区划代码', '所在地', '计生户类型', '困难家庭', '人数'],
  query(filters) {
    const where = common({ regionPath: filters.regionPath }, 'h');
    return {
      sql: `select h.code, r.code as region_code, r.name as region_name, h.planning_status, h.in_difficulty,
                   (select count(*) from person p where p.household_id = h.id) as persons
              from household h join region r on r.id = h.region_id
             where ${where.sql}
             order by h.code`,
      params: where.params,
    };
  },
  row: (r) => [
    text(r.code),
    text(r.region_code),
    text(r.region_name),
    PLANNING_STATUSES.label(String(r.planning_status)),
    r.in_difficulty ? '是' : '否',
    count(r.persons),
  ],
};

const MEMBERS: ExportList = {
  name: 'members',
  title: '会员',
  headers: [
    '协会代码',
    '协会名称',
    '姓名',
    '身份证号（脱敏）',
    '职务',
    '会员证号',
    '会费缴至年度',
    '会员小组',
    '入会日期',
    '离会日期',
    '联系户编号',
  ],
  query(filters) {
    const where = common({ regionPath: filters.regionPath, associationCode: filters.associationCode }, 'm');
    return {
      sql: `select a.code as association_code, a.name as association_name, p.name, p.resident_id, m.role,
                   m.card_number, m.dues_paid_year, g.name as group_name, m.joined_on::text as joined_on,
                   m.left_on::text as left_on,
                   (select string_agg(h.code, '；' order by h.code)
                      from contact_household ch join household h on h.id = ch.household_id
                     where ch.member_id = m.id) as contacts
              from member m
              join association a on a.id = m.association_id
              left join person p on p.id = m.person_id
              left join member_group g on g.id = m.group_id
             where ${where.sql}
             order by a.code, p.name, m.id`,
      params: where.params,
    };
  },
  row: (r) => [
    text(r.association_code),
    text(r.association_name),
    text(r.name),
    r.resident_id ? maskResidentId(String(r.resident_id)) : null,
    MEMBER_ROLES.label(String(r.role)),
    text(r.card_number),
    count(r.dues_paid_year),
    text(r.group_name),
    text(r.joined_on),
    text(r.left_on),
    text(r.contacts),
  ],
};

const ASSOCIATIONS: ExportList = {
  name: 'associations',
  title: '协会',
  headers: [
    '协会代码',
    '协会名称',
    '层级',
    '类型',
    '等次',
    '所在区划代码',
    '所在地',
    '会员之家',
    '成立日期',
    '会员数',
  ],
  query(filters) {
    const where = common({ regionPath: filters.regionPath }, 'a');
    return {
      sql: `select a.code, a.name, a.level, a.kind, a.standing, r.code as region_code, r.name as region_name,
                   a.member_home_facilities, a.founded_on::text as founded_on,
                   (select count(*) from member m where m.association_id = a.id and m.left_on is null) as members
              from association a join region r on r.id = a.region_id
             where ${where.sql}
             order by a.code`,
      params: where.params,
    };
  },
  row: (r) => [
    text(r.code),
    text(r.name),
    LEVELS[String(r.level)] ?? text(r.level),
    ASSOCIATION_KINDS[String(r.kind)] ?? text(r.kind),
    STANDINGS[String(r.standing)] ?? text(r.standing),
    text(r.region_code),
    text(r.region_name),
    ((r.member_home_facilities as string[] | null) ?? []).map((f) => FACILITIES[f] ?? f).join('、'),
    text(r.founded_on),
    count(r.members),
  ],
};

/** The activities import template's columns first, so an exported list imports back unchanged. */
const ACTIVITIES: ExportList = {
  name: 'activities',
  title: '活动',
  headers: [
    '协会代码',
    '活动日期',
    '活动类型',
    '活动名称',
    '参与人数',
    '宣传品份数',
    '义诊人次',
    '筛查人数',
    '协会名称',
  ],
  kinds: [
    'MEMBER_DAY',
    'POPULATION_DAY',
    'HEALTH_SCREENING',
    'TRAINING',
    'HOME_VISIT',
    'MARKET_FAIR',
    'OTHER',
  ],
  query(filters) {
    const where = common(filters, 'x', 'held_on');
    return {
      sql: `select a.code as association_code, x.held_on::text as held_on, x.kind, x.title, x.participants,
                   x.leaflets, x.consultations, x.people_screened, a.name as association_name
              from activity x join association a on a.id = x.association_id
             where ${where.sql}
             order by x.held_on desc, a.code, x.id`,
      params: where.params,
    };
  },
  row: (r) => [
    text(r.association_code),
    text(r.held_on),
    ACTIVITY_KINDS.label(String(r.kind)),
    text(r.title),
    count(r.participants),
    count(r.leaflets),
    count(r.consultations),
    count(r.people_screened),
    text(r.association_name),
  ],
};

const PROJECTS: ExportList = {
  name: 'projects',
  title: '项目',
  headers: [
    '协会代码',
    '协会名称',
    '项目类型',
    '项目名称',
    '开始日期',
    '结束日期',
    '预算（元）',
    '帮扶户数',
    '户均增收（元）',
  ],
  kinds: Object.keys(PROJECT_KINDS),
  query(filters) {
    const where = common(filters, 'x', 'start_on');
    return {
      sql: `select a.code as association_code, a.name as association_name, x.kind, x.name,
                   x.start_on::text as start_on, x.end_on::text as end_on, x.budget_fen::text as budget_fen,
                   x.households_helped, x.income_change_fen::text as income_change_fen
              from project x join association a on a.id = x.association_id
             where ${where.sql}
             order by x.start_on desc, a.code, x.id`,
      params: where.params,
    };
  },
  row: (r) => [
    text(r.association_code),
    text(r.association_name),
    PROJECT_KINDS[String(r.kind)] ?? text(r.kind),
    text(r.name),
    text(r.start_on),
    text(r.end_on),
    yuan(r.budget_fen),
    count(r.households_helped),
    yuan(r.income_change_fen),
  ],
};

const EVALUATIONS: ExportList = {
  name: 'evaluations',
  title: '评估',
  headers: ['协会代码', '协会名称', '评估日期', '结果', '得分', '整改期限', '检查项数', '未通过项数', '复评'],
  query(filters) {
    const where = common(
      {
        regionPath: filters.regionPath,
        associationCode: filters.associationCode,
        from: filters.from,
        to: filters.to,
      },
      'x',
      'evaluated_on',
    );
    return {
      sql: `select a.code as association_code, a.name as association_name, x.evaluated_on::text as evaluated_on,
                   x.passed, x.score, x.rectification_deadline::text as rectification_deadline,
                   jsonb_array_length(x.items) as items,
                   (select count(*) from jsonb_array_elements(x.items) i where (i -> 'passed') is distinct from 'true'::jsonb)
                     as failed_items,
                   x.re_evaluation_of is not null as re_evaluation
              from evaluation x join association a on a.id = x.association_id
             where ${where.sql}
             order by x.evaluated_on desc, a.code, x.id`,
      params: where.params,
    };
  },
  row: (r) => [
    text(r.association_code),
    text(r.association_name),
    text(r.evaluated_on),
    r.passed ? '通过' : '未通过',
    count(r.score),
    text(r.rectification_deadline),
    count(r.items),
    count(r.failed_items),
    r.re_evaluation ? '是' : '否',
  ],
};

export const EXPORT_DEFINITIONS: Record<ExportListName, ExportList> = {
  persons: PERSONS,
  households: HOUSEHOLDS,
  members: MEMBERS,
  associations: ASSOCIATIONS,
  activities: ACTIVITIES,
  projects: PROJECTS,
  evaluations: EVALUATIONS,
};
