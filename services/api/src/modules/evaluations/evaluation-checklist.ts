/**
 * The standard an association is assessed against (评估认定标准). The rule is 一条否决: an
 * association passes only if it meets every item; a failed item is pointed out and must be
 * rectified by a deadline before a re-assessment.
 *
 * The items follow the county work plans and reports: the member home judged by the "five haves"
 * (有活动场所、有活动制度、有宣传队伍、有文体器材、有服务计划和记录), an activity recorded every
 * quarter, complete rosters with the membership papers, member groups, dues, and the contact
 * households each member keeps (会员联系户制度).
 *
 * An evaluation answers every item exactly once. Codes are stored in each evaluation's items, so a
 * code, once used, keeps its meaning: retire an item by removing it, never by renaming another.
 */
export interface ChecklistItem {
  code: string;
  zh: string;
  en: string;
}

export const EVALUATION_CHECKLIST: readonly ChecklistItem[] = [
  {
    code: 'LEADERSHIP',
    zh: '协会班子健全，会长、秘书长到位',
    en: 'Leadership in place, with a president and a secretary-general',
  },
  { code: 'MEMBER_HOME_VENUE', zh: '会员之家有活动场所', en: 'Member home: a venue for activities' },
  { code: 'MEMBER_HOME_RULES', zh: '会员之家有活动制度', en: 'Member home: rules for its activities' },
  {
    code: 'MEMBER_HOME_VOLUNTEER_TEAM',
    zh: '会员之家有宣传服务志愿者队伍',
    en: 'Member home: a volunteer team for outreach and service',
  },
  {
    code: 'MEMBER_HOME_EQUIPMENT',
    zh: '会员之家有文体器材',
    en: 'Member home: equipment for culture and sport',
  },
  {
    code: 'MEMBER_HOME_PLAN_AND_RECORDS',
    zh: '会员之家有服务计划和活动记录',
    en: 'Member home: a service plan and records of what was done',
  },
  {
    code: 'QUARTERLY_ACTIVITY',
    zh: '每个季度至少有一次记录在案的活动',
    en: 'At least one recorded activity every quarter',
  },
  {
    code: 'MEMBER_ROSTER',
    zh: '会员花名册完整，入会手续齐全',
    en: 'Member roster complete, with every member’s joining papers on file',
  },
  {
    code: 'MEMBER_GROUPS',
    zh: '会员小组健全，各组有小组长',
    en: 'Member groups organised, each with a group leader',
  },
  { code: 'DUES_COLLECTED', zh: '当年会费已收缴', en: 'Membership dues collected for the year' },
  {
    code: 'CONTACT_HOUSEHOLDS',
    zh: '会员联系户落实到人',
    en: 'Contact households assigned, each to a member',
  },
];

const BY_CODE = new Map(EVALUATION_CHECKLIST.map((item) => [item.code, item]));

/** The checklist item of a code, or undefined for a code the checklist does not (or no longer) hold. */
export function checklistItem(code: string): ChecklistItem | undefined {
  return BY_CODE.get(code);
}
