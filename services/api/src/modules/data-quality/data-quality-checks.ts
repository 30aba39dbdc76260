/**
 * The data-quality checks, one set-based statement each. Every check is an `items` query listing
 * the rows at fault (entity, id, label, problem, region_path) below `scope.path`; `checkStatement`
 * wraps it to count them per child region of the report's region, with a few samples each. Row-level
 * security limits every table to the caller's jurisdiction on top of that.
 */

export const DATA_QUALITY_CHECKS = [
  'MISSING_REQUIRED',
  'CONTRADICTION',
  'MOVED_AWAY_STILL_LISTED',
  'NO_ACTIVITY_IN_QUARTER',
  'MEMBER_WITHOUT_CONTACT_HOUSEHOLD',
  'NEAR_DUPLICATE',
] as const;
export type DataQualityCheck = (typeof DATA_QUALITY_CHECKS)[number];

export type DataQualityEntity = 'PERSON' | 'HOUSEHOLD' | 'ASSOCIATION' | 'MEMBER' | 'DUPLICATE_FLAG';

/** What exactly is wrong with one item, with the words a screen shows for it. */
export const DATA_QUALITY_PROBLEMS = {
  PERSON_WITHOUT_HOUSEHOLD: ['人员未归属任何户', 'Person belongs to no household'],
  HOUSEHOLD_WITHOUT_MEMBERS: ['户下没有成员', 'Household has no members'],
  ASSOCIATION_WITHOUT_PRESIDENT: ['协会没有在任会长', 'Association has no serving president'],
  MEMBER_WITHOUT_CARD_NUMBER: ['会员没有会员证号', 'Member has no card number'],
  ONLY_CHILD_WITH_SEVERAL_CHILDREN: [
    '独生子女户登记了两个及以上子女',
    'Only-child household lists two or more children',
  ],
  TWO_DAUGHTERS_WITH_SON: ['双女户登记了儿子', 'Two-daughter household lists a son'],
  ELDER_NOT_OLDER: [
    '长辈的出生日期不早于晚辈（如父母晚于子女出生）',
    'An elder is not older than the younger generation (e.g. born after their own child)',
  ],
  DECEASED_ACTIVE_MEMBER: ['已故人员仍是在册会员', 'A deceased person is still an active member'],
  MOVED_AWAY_IN_HOUSEHOLD: [
    '迁出两年以上仍在户内',
    'Moved away over two years ago but still listed in a household',
  ],
  MOVED_AWAY_ACTIVE_MEMBER: [
    '迁出两年以上仍是在册会员',
    'Moved away over two years ago but still an active member',
  ],
  NO_ACTIVITY_IN_QUARTER: ['该季度没有活动记录', 'No activity recorded in the quarter'],
  NO_CONTACT_HOUSEHOLD: ['在册会员没有联系户', 'Active member keeps no contact household'],
  SAME_NAME_AND_BIRTH_DATE: [
    '同名同出生日期但身份证号不同，待县级核查',
    'Same name and birth date, different ID numbers: awaiting county review',
  ],
} as const satisfies Record<string, readonly [string, string]>;
export type DataQualityProblem = keyof typeof DATA_QUALITY_PROBLEMS;

const IN_SCOPE = (alias: string) => `${alias}.region_path <@ (select path from scope)`;
const ACTIVE_MEMBER = (alias: string) => `(${alias}.left_on is null or ${alias}.left_on > current_date)`;

/** The `items` query of each check; `?` placeholders after the scope's are listed by `checkParams`. */
export const CHECK_ITEMS: Record<DataQualityCheck, string> = {
  MISSING_REQUIRED: `
    select 'PERSON' as entity, p.id, p.name as label, 'PERSON_WITHOUT_HOUSEHOLD' as problem, p.region_path
      from person p
     where ${IN_SCOPE('p')} and p.household_id is null and p.deceased_on is null and p.moved_away_on is null
    union all
    select 'HOUSEHOLD', h.id, h.code, 'HOUSEHOLD_WITHOUT_MEMBERS', h.region_path
      from household h
     where ${IN_SCOPE('h')} and not exists (select from person p where p.household_id = h.id)
    union all
    select 'ASSOCIATION', a.id, a.name, 'ASSOCIATION_WITHOUT_PRESIDENT', a.region_path
      from association a
     where ${IN_SCOPE('a')}
       and not exists (select from member m where m.association_id = a.id and m.role = 'PRESIDENT'
                                               and ${ACTIVE_MEMBER('m')})
    union all
    select 'MEMBER', m.id, coalesce(p.name, ''), 'MEMBER_WITHOUT_CARD_NUMBER', m.region_path
      from member m left join person p on p.id = m.person_id
     where ${IN_SCOPE('m')} and ${ACTIVE_MEMBER('m')} and m.card_number is null`,

  CONTRADICTION: `
    select 'HOUSEHOLD' as entity, h.id, h.code as label, 'ONLY_CHILD_WITH_SEVERAL_CHILDREN' as problem, h.region_path
      from household h
     where ${IN_SCOPE('h')} and h.planning_status = 'ONLY_CHILD'
       and (select count(*) from person c where c.household_id = h.id and c.relation = 'CHILD') >= 2
    union all
    select 'HOUSEHOLD', h.id, h.code, 'TWO_DAUGHTERS_WITH_SON', h.region_path
      from household h
     where ${IN_SCOPE('h')} and h.planning_status = 'TWO_DAUGHTERS'
       and exists (select from person c where c.household_id = h.id and c.relation = 'CHILD' and c.sex = 'MALE')
    union all
    select 'PERSON', e.id, e.name, 'ELDER_NOT_OLDER', e.region_path
      from person e
     where ${IN_SCOPE('e')} and e.relation in ('HEAD', 'SPOUSE', 'PARENT')
       and exists (select from person y
                    where y.household_id = e.household_id and y.id <> e.id and y.birth_date <= e.birth_date
                      and case e.relation when 'PARENT' then y.relation = 'HEAD' else y.relation = 'CHILD' end)
    union all
    select 'MEMBER', m.id, p.name, 'DECEASED_ACTIVE_MEMBER', m.region_path
      from member m join person p on p.id = m.person_id
     where ${IN_SCOPE('m')} and ${ACTIVE_MEMBER('m')} and p.deceased_on is not null`,

  MOVED_AWAY_STILL_LISTED: `
    select 'PERSON' as entity, p.id, p.name as label,
           case when p.household_id is not null then 'MOVED_AWAY_IN_HOUSEHOLD' else 'MOVED_AWAY_ACTIVE_MEMBER' end
             as problem,
           p.region_path
      from person p
     where ${IN_SCOPE('p')} and p.moved_away_on < current_date - interval '2 years'
       and (p.household_id is not null
            or exists (select from member m where m.person_id = p.id and ${ACTIVE_MEMBER('m')}))`,

  // Parameters: the quarter's last day (associations founded later are not expected to have
  // been active), then its first and last day.
  NO_ACTIVITY_IN_QUARTER: `
    select 'ASSOCIATION' as entity, a.id, a.name as label, 'NO_ACTIVITY_IN_QUARTER' as problem, a.region_path
      from association a
     where ${IN_SCOPE('a')} and (a.founded_on is null or a.founded_on <= ?::date)
       and not exists (select from activity x where x.association_id = a.id and x.held_on between ?::date and ?::date)`,

  MEMBER_WITHOUT_CONTACT_HOUSEHOLD: `
    select 'MEMBER' as entity, m.id, coalesce(p.name, '') as label, 'NO_CONTACT_HOUSEHOLD' as problem, m.region_path
      from member m left join person p on p.id = m.person_id
     where ${IN_SCOPE('m')} and ${ACTIVE_MEMBER('m')}
       and not exists (select from contact_household c where c.member_id = m.id)`,

  // A flag is filed under the county; it is counted where one of its two persons is registered.
  NEAR_DUPLICATE: `
    select 'DUPLICATE_FLAG' as entity, f.id, pa.name as label, 'SAME_NAME_AND_BIRTH_DATE' as problem,
           case when ${IN_SCOPE('pa')} then pa.region_path else pb.region_path end as region_path
      from person_duplicate_flag f
      join person pa on pa.id = f.person_a_id
      join person pb on pb.id = f.person_b_id
     where f.status = 'OPEN' and (${IN_SCOPE('pa')} or ${IN_SCOPE('pb')})`,
};

export const SAMPLES_PER_CHECK = 10;

/**
 * One statement for one check: items grouped by the child region of the report's region they fall
 * under (or the report's region itself, for items filed right there), with the first samples.
 */
export function checkStatement(check: DataQualityCheck): string {
  return `
    with scope as (select ?::ltree as path),
    items as (${CHECK_ITEMS[check]}),
    bucketed as (
      select i.*, case when nlevel(i.region_path) > nlevel(s.path)
                       then subpath(i.region_path, 0, nlevel(s.path) + 1) else s.path end as bucket
        from items i cross join scope s)
    select b.bucket::text as bucket, count(*)::int as n,
           to_jsonb((array_agg(jsonb_build_object('entity', b.entity, 'id', b.id, 'label', b.label,
                                                   'problem', b.problem)
                               order by b.problem, b.label, b.id))[1:${SAMPLES_PER_CHECK}]) as samples
      from bucketed b
     group by b.bucket`;
}

export interface Quarter {
  /** e.g. 2025Q2 */
  label: string;
  start: string;
  end: string;
}

export function quarterOf(year: number, q: number): Quarter {
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    label: `${year}Q${q}`,
    start: `${year}-${pad(startMonth)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay)}`,
  };
}

/** The last quarter that has fully ended before `today` (YYYY-MM-DD). */
export function lastCompleteQuarter(today: string): Quarter {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? quarterOf(year - 1, 4) : quarterOf(year, current - 1);
}

/** The extra parameters a check's statement takes after the scope path. */
export function checkParams(check: DataQualityCheck, quarter: Quarter): unknown[] {
  return check === 'NO_ACTIVITY_IN_QUARTER' ? [quarter.end, quarter.start, quarter.end] : [];
}
