export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** 协会活动记录 / Recorded activity of an association */
export type Activity = {
  __typename?: 'Activity';
  /** 协会编码 / Association code */
  associationCode: Scalars['String']['output'];
  /** 所属协会 / The association that held it */
  associationId: Scalars['ID']['output'];
  /** 协会名称 / Association name */
  associationName: Scalars['String']['output'];
  /** 义诊咨询人次 / Free consultations */
  consultations: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** 活动日期 YYYY-MM-DD / Held on */
  heldOn: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ActivityKind;
  /** 发放宣传品（份）/ Leaflets and other materials handed out */
  leaflets: Scalars['Int']['output'];
  /** 参加人数 / Participants */
  participants: Scalars['Int']['output'];
  /** 受检人数（普查）/ People screened */
  peopleScreened: Scalars['Int']['output'];
  /** 活动所在区划 / Region of the association */
  region?: Maybe<Region>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  cursor: Scalars['String']['output'];
  node: Activity;
};

export type ActivityFilter = {
  associationId?: InputMaybe<Scalars['ID']['input']>;
  /** 活动日期起（含）/ Held on or after */
  from?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<ActivityKind>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 活动名称中的文字 / Words in the title */
  search?: InputMaybe<Scalars['String']['input']>;
  /** 活动日期止（含）/ Held on or before */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** 活动记录 / An activity and its figures */
export type ActivityInput = {
  /** 举办活动的协会 / The association that held it */
  associationId: Scalars['ID']['input'];
  /** 义诊咨询人次，不填为 0 / Free consultations; empty means 0 */
  consultations?: InputMaybe<Scalars['Int']['input']>;
  /** 活动日期 YYYY-MM-DD，不晚于今天 / Held on, not in the future */
  heldOn: Scalars['String']['input'];
  kind: ActivityKind;
  /** 发放宣传品份数，不填为 0 / Leaflets handed out; empty means 0 */
  leaflets?: InputMaybe<Scalars['Int']['input']>;
  /** 参加人数，不填为 0 / Participants; empty means 0 */
  participants?: InputMaybe<Scalars['Int']['input']>;
  /** 受检人数，不填为 0 / People screened; empty means 0 */
  peopleScreened?: InputMaybe<Scalars['Int']['input']>;
  /** 活动名称，2–200 字 / Title, 2–200 characters */
  title: Scalars['String']['input'];
};

/** 活动类型 / Kind of activity */
export type ActivityKind =
  /** 妇女病普查 / Women’s health screening */
  | 'HEALTH_SCREENING'
  /** 入户走访 / Home visits */
  | 'HOME_VISIT'
  /** 集市宣传咨询 / Outreach at a rural market */
  | 'MARKET_FAIR'
  /** “5·29”会员活动日 / "5·29" member day */
  | 'MEMBER_DAY'
  /** 其他 / Other */
  | 'OTHER'
  /** “7·11”世界人口日 / "7·11" World Population Day */
  | 'POPULATION_DAY'
  /** 培训 / Training */
  | 'TRAINING';

/** 某类活动的次数与各项数字合计 / Count and summed figures of one kind of activity */
export type ActivityKindTotals = {
  __typename?: 'ActivityKindTotals';
  /** 活动次数 / Number of activities */
  activities: Scalars['Int']['output'];
  /** 义诊咨询合计；整数（Float 仅为容纳超过 32 位的合计）/ A whole number (Float only because a total may exceed 32 bits) */
  consultations: Scalars['Float']['output'];
  kind: ActivityKind;
  /** 宣传品合计；整数（Float 仅为容纳超过 32 位的合计）/ A whole number (Float only because a total may exceed 32 bits) */
  leaflets: Scalars['Float']['output'];
  /** 参加人数合计；整数（Float 仅为容纳超过 32 位的合计）/ A whole number (Float only because a total may exceed 32 bits) */
  participants: Scalars['Float']['output'];
  /** 受检人数合计；整数（Float 仅为容纳超过 32 位的合计）/ A whole number (Float only because a total may exceed 32 bits) */
  peopleScreened: Scalars['Float']['output'];
};

export type ActivityOrder = {
  direction: SortDirection;
  field: ActivitySortField;
};

export type ActivitySortField =
  /** 录入时间 / When it was recorded */
  | 'CREATED'
  /** 活动日期 / Date held */
  | 'HELD_ON';

/** 新会员 / A new member */
export type AddMemberInput = {
  associationId: Scalars['ID']['input'];
  /** 会员证号 4–30 位 / Card number, 4–30 characters */
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  /** 会费已缴至年度 / Latest year whose dues are paid */
  duesPaidYear?: InputMaybe<Scalars['Int']['input']>;
  /** 会员小组（须属同一协会）/ Member group of the same association */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** 入会日期 YYYY-MM-DD / Joined on */
  joinedOn?: InputMaybe<Scalars['String']['input']>;
  personId: Scalars['ID']['input'];
  /** 默认会员 / MEMBER when left out */
  role?: InputMaybe<MemberRole>;
};

/** 计生协会 / Family Planning Association */
export type Association = {
  __typename?: 'Association';
  /** 协会代码：区划代码-编号 / Code: region code, hyphen, up to 8 letters or digits */
  code: Scalars['String']['output'];
  /** 成立日期 YYYY-MM-DD / Founded on */
  foundedOn?: Maybe<Scalars['String']['output']>;
  /** “五有”齐全的会员之家 / Has a member home with all five haves */
  hasMemberHome: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  kind: AssociationKind;
  level: AssociationLevel;
  /** 在册会员数 / Current members */
  memberCount: Scalars['Int']['output'];
  /** 会员小组 / Member groups, by name */
  memberGroups: Array<MemberGroup>;
  /** 会员之家已具备的“五有” / Member-home facilities in place */
  memberHomeFacilities: Array<MemberHomeFacility>;
  /** 会员，按姓名 / Members, by name */
  members: MemberConnection;
  name: Scalars['String']['output'];
  /** 所在区划 / The region the association is filed at */
  region: Region;
  standing: AssociationStanding;
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};


/** 计生协会 / Family Planning Association */
export type AssociationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AssociationConnection = {
  __typename?: 'AssociationConnection';
  edges: Array<AssociationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AssociationEdge = {
  __typename?: 'AssociationEdge';
  cursor: Scalars['String']['output'];
  node: Association;
};

export type AssociationFilter = {
  kind?: InputMaybe<AssociationKind>;
  level?: InputMaybe<AssociationLevel>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 名称或代码 / Name or code */
  search?: InputMaybe<Scalars['String']['input']>;
  standing?: InputMaybe<AssociationStanding>;
};

/** 新协会 / A new association */
export type AssociationInput = {
  /** 协会代码：区划代码-1 至 8 位字母或数字 / Code: region code, hyphen, 1–8 letters or digits */
  code: Scalars['String']['input'];
  /** 成立日期 YYYY-MM-DD / Founded on */
  foundedOn?: InputMaybe<Scalars['String']['input']>;
  kind: AssociationKind;
  /** 会员之家“五有” / The five haves in place */
  memberHomeFacilities?: InputMaybe<Array<MemberHomeFacility>>;
  /** 协会名称 2–100 字 / Name, 2–100 characters */
  name: Scalars['String']['input'];
  /** 所在区划代码（县、乡镇或村）/ Region code: county, township or village */
  regionCode: Scalars['String']['input'];
  /** 默认一般 / ORDINARY when left out */
  standing?: InputMaybe<AssociationStanding>;
};

/** 协会类型 / Kind of association */
export type AssociationKind =
  /** 社区计生协 / Community association */
  | 'COMMUNITY'
  /** 企业计生协 / Enterprise association */
  | 'ENTERPRISE'
  /** 流动人口计生协 / Floating-population association */
  | 'FLOATING_POPULATION'
  /** 县、乡镇计生协 / County or township association */
  | 'REGIONAL'
  /** 村计生协 / Village association */
  | 'VILLAGE';

/** 协会层级（由所在区划决定）/ Association level, given by its region */
export type AssociationLevel =
  /** 县（区）级 / County */
  | 'COUNTY'
  /** 乡镇（街道）级 / Township */
  | 'TOWNSHIP'
  /** 村（社区）级 / Village or community */
  | 'VILLAGE';

export type AssociationOrder = {
  direction: SortDirection;
  field: AssociationSortField;
};

export type AssociationSortField =
  | 'CODE'
  | 'FOUNDED_ON'
  | 'NAME';

/** 协会等次 / Standing of an association */
export type AssociationStanding =
  /** 先进协会 / Advanced association */
  | 'ADVANCED'
  /** 示范协会 / Model association */
  | 'MODEL'
  /** 挂牌协会 / Nominal only */
  | 'NOMINAL'
  /** 一般协会 / Ordinary association */
  | 'ORDINARY';

/** 要修改的内容，未给出的字段不变 / Fields to change; fields left out stay as they are */
export type AssociationUpdateInput = {
  /** 成立日期 YYYY-MM-DD，null 清除 / Founded on; null clears it */
  foundedOn?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<AssociationKind>;
  /** 会员之家“五有” / The five haves in place */
  memberHomeFacilities?: InputMaybe<Array<MemberHomeFacility>>;
  /** 协会名称 2–100 字 / Name, 2–100 characters */
  name?: InputMaybe<Scalars['String']['input']>;
  standing?: InputMaybe<AssociationStanding>;
};

/** 评估标准中的一项 / One item of the evaluation checklist */
export type ChecklistItem = {
  __typename?: 'ChecklistItem';
  /** 项目代码 / Item code */
  code: Scalars['String']['output'];
  labelEn: Scalars['String']['output'];
  labelZh: Scalars['String']['output'];
};

/** 会员联系户（帮扶结对）/ A household a member keeps in contact with */
export type ContactHousehold = {
  __typename?: 'ContactHousehold';
  /** 户（不在您管辖范围时为空）/ The household, null outside your scope */
  household?: Maybe<Household>;
  /** 结对日期 YYYY-MM-DD / In contact since */
  since?: Maybe<Scalars['String']['output']>;
};

/** 数据质量检查项 / Data-quality check */
export type DataQualityCheck =
  /** 自相矛盾：独生子女户多个子女、双女户有儿子、长辈不比晚辈年长、已故仍为会员 / Contradictions in households and rosters */
  | 'CONTRADICTION'
  /** 会员没有联系户 / Member keeps no contact household */
  | 'MEMBER_WITHOUT_CONTACT_HOUSEHOLD'
  /** 缺少必要信息：人员无户、户无成员、协会无会长、会员无会员证号 / Missing: person without household, household without members, association without president, member without card number */
  | 'MISSING_REQUIRED'
  /** 迁出两年以上仍在户内或仍为会员 / Moved away over two years ago but still listed */
  | 'MOVED_AWAY_STILL_LISTED'
  /** 疑似重复登记（仅县级）/ Suspected duplicate persons (county only) */
  | 'NEAR_DUPLICATE'
  /** 协会该季度没有活动 / Association without activity in the quarter */
  | 'NO_ACTIVITY_IN_QUARTER';

export type DataQualityCheckResult = {
  __typename?: 'DataQualityCheckResult';
  check: DataQualityCheck;
  count: Scalars['Int']['output'];
  /** 最多 10 条样例 / Up to 10 samples */
  samples: Array<DataQualityItem>;
  /** 您的角色能否运行此项检查 / Whether your role may run this check */
  visible: Scalars['Boolean']['output'];
};

export type DataQualityCount = {
  __typename?: 'DataQualityCount';
  check: DataQualityCheck;
  count: Scalars['Int']['output'];
};

/** 条目类型 / Kind of item */
export type DataQualityEntity =
  | 'ASSOCIATION'
  | 'DUPLICATE_FLAG'
  | 'HOUSEHOLD'
  | 'MEMBER'
  | 'PERSON';

/** 问题样例（不含身份证号）/ A sample item (never an ID number) */
export type DataQualityItem = {
  __typename?: 'DataQualityItem';
  descriptionEn: Scalars['String']['output'];
  descriptionZh: Scalars['String']['output'];
  entity: DataQualityEntity;
  id: Scalars['ID']['output'];
  /** 姓名、户编号或协会名称 / Name, household number or association name */
  label: Scalars['String']['output'];
  problem: DataQualityProblem;
};

/** 具体问题，说明见条目的 description / The exact problem; see the item descriptions */
export type DataQualityProblem =
  | 'ASSOCIATION_WITHOUT_PRESIDENT'
  | 'DECEASED_ACTIVE_MEMBER'
  | 'ELDER_NOT_OLDER'
  | 'HOUSEHOLD_WITHOUT_MEMBERS'
  | 'MEMBER_WITHOUT_CARD_NUMBER'
  | 'MOVED_AWAY_ACTIVE_MEMBER'
  | 'MOVED_AWAY_IN_HOUSEHOLD'
  | 'NO_ACTIVITY_IN_QUARTER'
  | 'NO_CONTACT_HOUSEHOLD'
  | 'ONLY_CHILD_WITH_SEVERAL_CHILDREN'
  | 'PERSON_WITHOUT_HOUSEHOLD'
  | 'SAME_NAME_AND_BIRTH_DATE'
  | 'TWO_DAUGHTERS_WITH_SON';

/** 下级区划的问题数 / Problem counts of one child region */
export type DataQualityRegionCounts = {
  __typename?: 'DataQualityRegionCounts';
  counts: Array<DataQualityCount>;
  region: Region;
  total: Scalars['Int']['output'];
};

/** 数据质量报告 / Data-quality report */
export type DataQualityReport = {
  __typename?: 'DataQualityReport';
  /** 按下级区划（如各村）分列 / Broken down by child region (e.g. per village) */
  byRegion: Array<DataQualityRegionCounts>;
  checks: Array<DataQualityCheckResult>;
  /** 活动检查所用季度，如 2025Q2 / Quarter of the activity check */
  quarter: Scalars['String']['output'];
  region: Region;
};

/** 公开事项 / A disclosure: an approved query over the public schema */
export type Disclosure = {
  __typename?: 'Disclosure';
  approvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  approvedRegionName?: Maybe<Scalars['String']['output']>;
  approvedRole?: Maybe<Role>;
  /** 批准时锁定的查询哈希 / Hash pinned at approval */
  approvedSha256?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  /** 公开数据结构上的 GraphQL 查询 / GraphQL over the public read schema */
  document: Scalars['String']['output'];
  documentSha256: Scalars['String']['output'];
  draftedAt: Scalars['DateTimeISO']['output'];
  /** 起草人是否为当前用户 / Whether you drafted it */
  draftedByViewer: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** 输出字段白名单 / Output field allowlist */
  outputFields: Array<Scalars['String']['output']>;
  pageKind: PageKind;
  parameters: Scalars['JSONObject']['output'];
  region: Region;
  /** 已批准且文本未变 / Approved and unchanged since */
  runnable: Scalars['Boolean']['output'];
  slug: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type DisclosureInput = {
  description?: Scalars['String']['input'];
  document: Scalars['String']['input'];
  name: Scalars['String']['input'];
  outputFields: Array<Scalars['String']['input']>;
  pageKind: PageKind;
  /** 查询变量 / Query variables */
  parameters?: InputMaybe<Scalars['JSONObject']['input']>;
  regionCode: Scalars['String']['input'];
  slug: Scalars['String']['input'];
};

/** 疑似重复登记 / Suspected duplicate registration */
export type DuplicateFlag = {
  __typename?: 'DuplicateFlag';
  detectedAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  personA?: Maybe<Person>;
  personB?: Maybe<Person>;
  reason: DuplicateReason;
  /** 核查说明 / Review note */
  resolutionNote?: Maybe<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: DuplicateFlagStatus;
};

export type DuplicateFlagConnection = {
  __typename?: 'DuplicateFlagConnection';
  edges: Array<DuplicateFlagEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DuplicateFlagEdge = {
  __typename?: 'DuplicateFlagEdge';
  cursor: Scalars['String']['output'];
  node: DuplicateFlag;
};

/** 疑似重复的核查状态 / Review status of a suspected duplicate */
export type DuplicateFlagStatus =
  /** 经核查为不同的人 / Reviewed: two different people */
  | 'DISTINCT_PERSONS'
  /** 待核查 / Awaiting review */
  | 'OPEN'
  /** 经核查为同一人 / Reviewed: the same person entered twice */
  | 'SAME_PERSON';

/** 疑似重复的原因 / Why two persons look like one */
export type DuplicateReason =
  /** 同名同出生日期，身份证号不同 / Same name and birth date, different ID numbers */
  | 'SAME_NAME_AND_BIRTH_DATE';

/** 核查结论 / Review outcome */
export type DuplicateResolution =
  | 'DISTINCT_PERSONS'
  | 'SAME_PERSON';

/** 评估认定（只增不改）/ Evaluation of an association (insert-only history) */
export type Evaluation = {
  __typename?: 'Evaluation';
  /** 协会编码 / Association code */
  associationCode: Scalars['String']['output'];
  /** 被评估的协会 / The association evaluated */
  associationId: Scalars['ID']['output'];
  /** 协会名称 / Association name */
  associationName: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** 评估人（姓名、角色与区划）/ Who evaluated: name, role and region */
  evaluatedBy?: Maybe<Evaluator>;
  /** 评估日期 YYYY-MM-DD / Evaluated on */
  evaluatedOn: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 逐项结果，按评估标准顺序 / Findings in checklist order */
  items: Array<EvaluationItem>;
  /** 是否通过：一条否决 / Passed: only if every item passed */
  passed: Scalars['Boolean']['output'];
  /** 对本次评估的复评（如有）/ The re-evaluation that followed this one, if any */
  reEvaluation?: Maybe<Evaluation>;
  /** 本次为复评时，被复评的原评估 / The failed evaluation this one re-evaluates */
  reEvaluationOf?: Maybe<Evaluation>;
  /** 整改期限（未通过时）/ Rectification deadline (when failed) */
  rectificationDeadline?: Maybe<Scalars['String']['output']>;
  /** 未通过且尚未复评 / Failed and not yet re-evaluated */
  rectificationDue: Scalars['Boolean']['output'];
  /** 协会所在区划 / Region of the association */
  region?: Maybe<Region>;
  /** 得分 0–100 / Score */
  score?: Maybe<Scalars['Int']['output']>;
};

export type EvaluationConnection = {
  __typename?: 'EvaluationConnection';
  edges: Array<EvaluationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type EvaluationEdge = {
  __typename?: 'EvaluationEdge';
  cursor: Scalars['String']['output'];
  node: Evaluation;
};

export type EvaluationFilter = {
  associationId?: InputMaybe<Scalars['ID']['input']>;
  passed?: InputMaybe<Scalars['Boolean']['input']>;
  /** true：未通过且尚未复评；false：其余 / true: failed and not yet re-evaluated; false: the rest */
  rectificationDue?: InputMaybe<Scalars['Boolean']['input']>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 评估年份 / Year evaluated */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** 评估结果 / Findings of an evaluation */
export type EvaluationInput = {
  /** 被评估的协会（须为下级协会）/ The association, below your own level */
  associationId: Scalars['ID']['input'];
  /** 评估日期 YYYY-MM-DD，不晚于今天 / Evaluated on, not in the future */
  evaluatedOn: Scalars['String']['input'];
  /** 评估标准每一项各答一次 / Every checklist item answered exactly once */
  items: Array<EvaluationItemInput>;
  /** 整改期限，有项目未通过时必填且晚于评估日期 / Required, after the evaluation date, when an item failed */
  rectificationDeadline?: InputMaybe<Scalars['String']['input']>;
  /** 得分 0–100 / Score */
  score?: InputMaybe<Scalars['Int']['input']>;
};

/** 一项评估结果 / The finding on one checklist item */
export type EvaluationItem = {
  __typename?: 'EvaluationItem';
  /** 项目代码 / Item code */
  code: Scalars['String']['output'];
  labelEn: Scalars['String']['output'];
  labelZh: Scalars['String']['output'];
  /** 评估说明 / Note */
  note?: Maybe<Scalars['String']['output']>;
  passed: Scalars['Boolean']['output'];
};

/** 一项评估结果 / The finding on one checklist item */
export type EvaluationItemInput = {
  /** 评估标准中的项目代码 / Checklist item code */
  code: Scalars['String']['input'];
  /** 说明，最多 500 字 / Note, at most 500 characters */
  note?: InputMaybe<Scalars['String']['input']>;
  passed: Scalars['Boolean']['input'];
};

export type EvaluationOrder = {
  direction: SortDirection;
  field: EvaluationSortField;
};

export type EvaluationSortField =
  | 'CREATED'
  | 'EVALUATED_ON';

/** 评估人的姓名、角色与所在区划 / Name, role and region of the admin who evaluated */
export type Evaluator = {
  __typename?: 'Evaluator';
  /** 管理员姓名 / The admin’s display name */
  displayName: Scalars['String']['output'];
  region: Region;
  role: Role;
};

/** 户 / Household */
export type Household = {
  __typename?: 'Household';
  /** 户编号：村代码-4 位序号 / Household number: village code-4 digits */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 计生困难家庭 / Family-planning household in difficulty */
  inDifficulty: Scalars['Boolean']['output'];
  /** 户内成员（您辖区内的）/ Members (those in your jurisdiction) */
  members: Array<Person>;
  planningStatus: PlanningStatus;
  /** 所在村或村民小组 / Village or group */
  region: Region;
  /** 敏感家庭状况：无或您无权查看时为空，见 sensitiveStatusVisible / Null when none or not visible to your role */
  sensitiveStatus?: Maybe<SensitiveHouseholdStatus>;
  /** 敏感状况起始日期 / Sensitive status since */
  sensitiveStatusSince?: Maybe<Scalars['String']['output']>;
  /** 您的角色能否查看敏感家庭状况（否则显示“无权查看”）/ Whether your role may see the sensitive status at all */
  sensitiveStatusVisible: Scalars['Boolean']['output'];
  version: Scalars['Int']['output'];
};

export type HouseholdConnection = {
  __typename?: 'HouseholdConnection';
  edges: Array<HouseholdEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type HouseholdEdge = {
  __typename?: 'HouseholdEdge';
  cursor: Scalars['String']['output'];
  node: Household;
};

export type HouseholdFilter = {
  inDifficulty?: InputMaybe<Scalars['Boolean']['input']>;
  planningStatus?: InputMaybe<PlanningStatus>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 户编号的一部分 / Part of the household number */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** 户信息 / Household fields */
export type HouseholdInput = {
  /** 户编号：村代码-4 位序号 / Household number: village code-4 digits */
  code: Scalars['String']['input'];
  /** 计生困难家庭，不填为否 / In difficulty; defaults to false */
  inDifficulty?: InputMaybe<Scalars['Boolean']['input']>;
  /** 不填为 NONE / Defaults to NONE */
  planningStatus?: InputMaybe<PlanningStatus>;
  /** 所在村或村民小组的区划代码 / Village or villager group */
  regionCode: Scalars['String']['input'];
};

export type HouseholdOrder = {
  direction: SortDirection;
  field: HouseholdSortField;
};

/** 与户主关系 / Relation to the head of household */
export type HouseholdRelation =
  | 'CHILD'
  | 'GRANDCHILD'
  | 'HEAD'
  | 'OTHER'
  | 'PARENT'
  | 'SPOUSE';

export type HouseholdSortField =
  | 'CODE'
  | 'CREATED';

export type ImportErrorPage = {
  __typename?: 'ImportErrorPage';
  nodes: Array<ImportRowError>;
  /** 保存的错误数（最多 5000）/ Errors kept with the job (at most 5,000) */
  storedCount: Scalars['Int']['output'];
  /** 错误总数 / Errors found in all */
  totalCount: Scalars['Int']['output'];
};

/** 文件格式 / File format */
export type ImportFormat =
  | 'CSV'
  | 'XLSX';

/** 导入任务 / An import job */
export type ImportJob = {
  __typename?: 'ImportJob';
  createdAt: Scalars['DateTimeISO']['output'];
  errorCount: Scalars['Int']['output'];
  /** 错误报告下载地址 / Where to download the error report (CSV) */
  errorReportUrl: Scalars['String']['output'];
  /** 错误，按行排列 / The errors, by row */
  errors: ImportErrorPage;
  failureCode?: Maybe<Scalars['String']['output']>;
  fileBytes: Scalars['Int']['output'];
  fileName: Scalars['String']['output'];
  /** 文件 SHA-256 / The file’s SHA-256 */
  fileSha256: Scalars['String']['output'];
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  format: ImportFormat;
  id: Scalars['ID']['output'];
  kind: ImportKind;
  /** 导入后新增或修改的记录数；检查通过时为确认后将变动的记录数 / Records inserted or updated; when VALID, what a commit would change */
  rowsChanged: Scalars['Int']['output'];
  /** 已写入行数 / Rows committed */
  rowsCommitted: Scalars['Int']['output'];
  /** 已读取行数 / Rows parsed */
  rowsParsed: Scalars['Int']['output'];
  /** 已检查行数 / Rows validated */
  rowsValidated: Scalars['Int']['output'];
  status: ImportStatus;
};


/** 导入任务 / An import job */
export type ImportJobErrorsArgs = {
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};

export type ImportJobConnection = {
  __typename?: 'ImportJobConnection';
  edges: Array<ImportJobEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ImportJobEdge = {
  __typename?: 'ImportJobEdge';
  cursor: Scalars['String']['output'];
  node: ImportJob;
};

/** 导入类型 / What a file imports */
export type ImportKind =
  /** 活动 / Activities */
  | 'ACTIVITIES'
  /** 会员 / Members */
  | 'MEMBERS'
  /** 人员和户 / Persons and households */
  | 'PERSONS';

/** 一处导入错误；不含单元格内容 / One import error; never the cell’s content */
export type ImportRowError = {
  __typename?: 'ImportRowError';
  /** 错误代码，如 ID_NUMBER_NOT_TEXT / Error code */
  code: Scalars['String']['output'];
  /** 列（表头文字）/ Column, as headed in the file */
  column?: Maybe<Scalars['String']['output']>;
  messageEn: Scalars['String']['output'];
  messageZh: Scalars['String']['output'];
  /** 行号（表头为第 1 行）；整个文件的错误为空 / Row, header = 1; null for the file */
  row?: Maybe<Scalars['Int']['output']>;
};

/** 导入状态 / Import status */
export type ImportStatus =
  /** 已导入 / Imported */
  | 'COMMITTED'
  /** 导入中 / Being written */
  | 'COMMITTING'
  /** 内部错误，未导入 / Internal failure; nothing imported */
  | 'FAILED'
  /** 有错误，未导入 / Has errors; nothing imported */
  | 'INVALID'
  /** 已上传 / Uploaded */
  | 'UPLOADED'
  /** 检查通过，待确认 / Checked, waiting to be committed */
  | 'VALID'
  /** 检查中 / Being checked */
  | 'VALIDATING';

/** 会员 / Member of an association */
export type Member = {
  __typename?: 'Member';
  /** 在册（未退会）/ Still a member */
  active: Scalars['Boolean']['output'];
  /** 所属协会 / The association */
  association?: Maybe<Association>;
  /** 会员证号 / Membership card number */
  cardNumber?: Maybe<Scalars['String']['output']>;
  /** 联系户 / Contact households, by household code */
  contactHouseholds: Array<ContactHousehold>;
  /** 会费已缴至年度 / Latest year whose dues are paid */
  duesPaidYear?: Maybe<Scalars['Int']['output']>;
  /** 会员小组 / Member group */
  group?: Maybe<MemberGroup>;
  id: Scalars['ID']['output'];
  /** 入会日期 YYYY-MM-DD / Joined on */
  joinedOn?: Maybe<Scalars['String']['output']>;
  /** 退会日期 YYYY-MM-DD / Left on */
  leftOn?: Maybe<Scalars['String']['output']>;
  /** 本人（不在您管辖范围时为空）/ The person, null outside your scope */
  person?: Maybe<Person>;
  role: MemberRole;
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};

export type MemberConnection = {
  __typename?: 'MemberConnection';
  edges: Array<MemberEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type MemberEdge = {
  __typename?: 'MemberEdge';
  cursor: Scalars['String']['output'];
  node: Member;
};

export type MemberFilter = {
  /** true 在册；false 已退会 / true: current; false: left */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  associationId?: InputMaybe<Scalars['ID']['input']>;
  /** 该年度会费未缴的会员 / Members whose dues for this year are unpaid */
  duesUnpaidForYear?: InputMaybe<Scalars['Int']['input']>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** 区划及其下级的协会 / Associations in this region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<MemberRole>;
  /** 姓名或会员证号 / Name or card number */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** 会员小组 / Member group */
export type MemberGroup = {
  __typename?: 'MemberGroup';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** 会员之家“五有” / The five haves of a member home */
export type MemberHomeFacility =
  /** 有设施设备 / Equipment */
  | 'EQUIPMENT'
  /** 有计划和记录 / Plans and records */
  | 'PLAN_AND_RECORDS'
  /** 有制度 / Rules */
  | 'RULES'
  /** 有场所 / A venue */
  | 'VENUE'
  /** 有志愿者队伍 / A volunteer team */
  | 'VOLUNTEER_TEAM';

export type MemberOrder = {
  direction: SortDirection;
  field: MemberSortField;
};

/** 会员在协会中的职务 / Role of a member in the association */
export type MemberRole =
  /** 理事 / Director */
  | 'DIRECTOR'
  /** 专职副会长 / Full-time vice president */
  | 'FULL_TIME_VICE_PRESIDENT'
  /** 小组长 / Group leader */
  | 'GROUP_LEADER'
  /** 会员 / Member */
  | 'MEMBER'
  /** 会长 / President */
  | 'PRESIDENT'
  /** 秘书长 / Secretary-general */
  | 'SECRETARY_GENERAL'
  /** 常务理事 / Standing director */
  | 'STANDING_DIRECTOR'
  /** 副会长 / Vice president */
  | 'VICE_PRESIDENT';

export type MemberSortField =
  | 'CARD_NUMBER'
  | 'JOINED_ON'
  | 'NAME';

/** 要修改的内容，未给出的字段不变，null 清除 / Fields to change; left out stays, null clears */
export type MemberUpdateInput = {
  /** 会员证号 4–30 位 / Card number, 4–30 characters */
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  /** 会费已缴至年度 / Latest year whose dues are paid */
  duesPaidYear?: InputMaybe<Scalars['Int']['input']>;
  /** 会员小组（须属同一协会）/ Member group of the same association */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** 入会日期 YYYY-MM-DD / Joined on */
  joinedOn?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<MemberRole>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** 登记会员 / Add a member to an association */
  addMember: Member;
  /** 批准（须非起草人）/ Approve the text you reviewed (not your own draft) */
  approveDisclosure: Disclosure;
  /** 确认导入：重新检查同一文件并在一个事务中全部写入，或全部不写 / Commit a checked import: the same file is checked again and written in one transaction, or not at all */
  commitImport: ImportJob;
  /** 新建协会 / Create an association */
  createAssociation: Association;
  /** 起草公开事项 / Draft a disclosure */
  createDisclosure: Disclosure;
  /** 建户 / Create a household */
  createHousehold: Household;
  /** 新建会员小组 / Create a member group */
  createMemberGroup: MemberGroup;
  /** 起草政策文件 / Draft a policy */
  createPolicy: Policy;
  /** 登记项目 / Register a project */
  createProject: Project;
  /** 删除误录的活动记录，返回其编号 / Delete an activity recorded by mistake */
  deleteActivity: Scalars['ID']['output'];
  /** 退会 / End a membership */
  endMembership: Member;
  /** 结对联系户 / Link a contact household to a member */
  linkContactHousehold: Member;
  /** 发布 / Publish a draft */
  publishPolicy: Policy;
  /** 记录一次活动 / Record an activity */
  recordActivity: Activity;
  /** 登记死亡（null 撤销误录）/ Record a death (null clears it) */
  recordDeath: Person;
  /** 记录评估认定（县、乡镇管理员评估下级协会）/ Record an evaluation of an association below your level */
  recordEvaluation: Evaluation;
  /** 登记迁出（null 撤销误录）/ Record moving away (null clears it) */
  recordMovedAway: Person;
  /** 整改后复评未通过的评估（每条评估至多一次）/ Re-evaluate a failed evaluation after rectification (once) */
  recordReEvaluation: Evaluation;
  /** 登记人员 / Register a person */
  registerPerson: Person;
  /** 重命名会员小组 / Rename a member group */
  renameMemberGroup: MemberGroup;
  /** 核查疑似重复（县级管理员）/ Resolve a duplicate flag (county admin) */
  resolveDuplicateFlag: DuplicateFlag;
  /** 运行发布 / Run the approved disclosures */
  runPublication: PublicationRun;
  /** 调整户籍成员关系（householdId 为 null 则移出）/ Put a person into a household, or out (null) */
  setHouseholdMembership: Person;
  /** 登记或清除敏感家庭状况，仅县级和乡镇管理员 / Record or clear a sensitive status (county and township admins only) */
  setSensitiveStatus: Household;
  /** 登录 / Sign in (sets an HttpOnly session cookie) */
  signIn: Viewer;
  /** 退出登录 / Sign out */
  signOut: Scalars['Boolean']['output'];
  /** 解除联系户 / Unlink a contact household */
  unlinkContactHousehold: Member;
  /** 更正活动记录 / Correct an activity */
  updateActivity: Activity;
  /** 修改协会 / Edit an association */
  updateAssociation: Association;
  /** 修改公开事项；修改查询会撤销批准 / Edit; changing what runs revokes the approval */
  updateDisclosure: Disclosure;
  /** 修改户信息 / Edit a household */
  updateHousehold: Household;
  /** 修改会员信息 / Edit a membership */
  updateMember: Member;
  /** 修改人员信息 / Edit a person */
  updatePerson: Person;
  /** 修改政策文件 / Edit a policy */
  updatePolicy: Policy;
  /** 修改项目 / Edit a project */
  updateProject: Project;
  /** 撤回 / Withdraw a published policy */
  withdrawPolicy: Policy;
};


export type MutationAddMemberArgs = {
  input: AddMemberInput;
};


export type MutationApproveDisclosureArgs = {
  documentSha256: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationCommitImportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateAssociationArgs = {
  input: AssociationInput;
};


export type MutationCreateDisclosureArgs = {
  input: DisclosureInput;
};


export type MutationCreateHouseholdArgs = {
  input: HouseholdInput;
};


export type MutationCreateMemberGroupArgs = {
  associationId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationCreatePolicyArgs = {
  input: PolicyInput;
};


export type MutationCreateProjectArgs = {
  input: ProjectInput;
};


export type MutationDeleteActivityArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationEndMembershipArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  leftOn: Scalars['String']['input'];
};


export type MutationLinkContactHouseholdArgs = {
  householdId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPublishPolicyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRecordActivityArgs = {
  input: ActivityInput;
};


export type MutationRecordDeathArgs = {
  deceasedOn?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRecordEvaluationArgs = {
  input: EvaluationInput;
};


export type MutationRecordMovedAwayArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  movedAwayOn?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRecordReEvaluationArgs = {
  evaluationId: Scalars['ID']['input'];
  input: ReEvaluationInput;
};


export type MutationRegisterPersonArgs = {
  input: RegisterPersonInput;
};


export type MutationRenameMemberGroupArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationResolveDuplicateFlagArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  status: DuplicateResolution;
};


export type MutationRunPublicationArgs = {
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetHouseholdMembershipArgs = {
  expectedVersion: Scalars['Int']['input'];
  householdId?: InputMaybe<Scalars['ID']['input']>;
  personId: Scalars['ID']['input'];
  relation?: InputMaybe<HouseholdRelation>;
};


export type MutationSetSensitiveStatusArgs = {
  householdId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<SensitiveHouseholdStatus>;
};


export type MutationSignInArgs = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


export type MutationUnlinkContactHouseholdArgs = {
  householdId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


export type MutationUpdateActivityArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: ActivityInput;
};


export type MutationUpdateAssociationArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: AssociationUpdateInput;
};


export type MutationUpdateDisclosureArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: DisclosureInput;
};


export type MutationUpdateHouseholdArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: HouseholdInput;
};


export type MutationUpdateMemberArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: MemberUpdateInput;
};


export type MutationUpdatePersonArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdatePersonInput;
};


export type MutationUpdatePolicyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: PolicyInput;
};


export type MutationUpdateProjectArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: ProjectInput;
};


export type MutationWithdrawPolicyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

/** Relay 分页信息 / Relay page info */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** 门户页面类型 / Portal page kind */
export type PageKind =
  | 'CHART'
  | 'NOTICE_LIST'
  | 'RECIPIENT_LIST'
  | 'TOTALS_TABLE';

/** 人员 / Person */
export type Person = {
  __typename?: 'Person';
  /** 出生日期 YYYY-MM-DD / Birth date */
  birthDate: Scalars['String']['output'];
  /** 现居地（不在您辖区内时为空）/ Current region (null when outside your jurisdiction) */
  currentRegion?: Maybe<Region>;
  /** 死亡日期 / Died on */
  deceasedOn?: Maybe<Scalars['String']['output']>;
  /** 所属户 / Household */
  household?: Maybe<Household>;
  id: Scalars['ID']['output'];
  /** 迁出县外日期 / Moved away (out of the county) on */
  movedAwayOn?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** 手机号（脱敏）/ Mobile phone, masked */
  phoneMasked?: Maybe<Scalars['String']['output']>;
  /** 户籍地 / Registered region */
  registeredRegion: Region;
  relation?: Maybe<HouseholdRelation>;
  /** 身份证号（脱敏）/ Resident ID number, masked */
  residentIdMasked: Scalars['String']['output'];
  sex: Sex;
  version: Scalars['Int']['output'];
};

export type PersonConnection = {
  __typename?: 'PersonConnection';
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

export type PersonFilter = {
  /** YYYY-MM-DD */
  bornFrom?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD */
  bornTo?: InputMaybe<Scalars['String']['input']>;
  /** 现居地区划及其下级 / Living in this region or below */
  currentRegionCode?: InputMaybe<Scalars['String']['input']>;
  /** 已故 / Deceased */
  deceased?: InputMaybe<Scalars['Boolean']['input']>;
  householdId?: InputMaybe<Scalars['ID']['input']>;
  /** 已迁出 / Moved away */
  movedAway?: InputMaybe<Scalars['Boolean']['input']>;
  /** 户籍地区划及其下级 / Registered in this region or below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 姓名，或完整的身份证号（精确匹配）/ Name, or a complete ID number (exact match) */
  search?: InputMaybe<Scalars['String']['input']>;
  sex?: InputMaybe<Sex>;
};

export type PersonOrder = {
  direction: SortDirection;
  field: PersonSortField;
};

export type PersonSortField =
  | 'BIRTH_DATE'
  | 'CREATED'
  | 'NAME';

/** 计生户类型 / Family-planning status of a household */
export type PlanningStatus =
  /** 无 / None */
  | 'NONE'
  /** 独生子女户 / Only-child household */
  | 'ONLY_CHILD'
  /** 双女户 / Two-daughter household */
  | 'TWO_DAUGHTERS';

/** 政策文件 / Policy notice */
export type Policy = {
  __typename?: 'Policy';
  attachments: Array<PolicyAttachment>;
  bodyMarkdown: Scalars['String']['output'];
  category: PolicyCategory;
  createdAt: Scalars['DateTimeISO']['output'];
  /** 文号 / Document number, e.g. 青计协〔2024〕5号 */
  documentNumber: Scalars['String']['output'];
  effectiveDate?: Maybe<Scalars['String']['output']>;
  expiryDate?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** YYYY-MM-DD */
  issueDate: Scalars['String']['output'];
  issuingBody: Scalars['String']['output'];
  publishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  region: Region;
  status: PolicyStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
  withdrawalReason?: Maybe<Scalars['String']['output']>;
  withdrawnAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** 附件元数据 / Attachment metadata */
export type PolicyAttachment = {
  __typename?: 'PolicyAttachment';
  byteSize: Scalars['Int']['output'];
  fileName: Scalars['String']['output'];
  mediaType: Scalars['String']['output'];
};

export type PolicyAttachmentInput = {
  byteSize: Scalars['Int']['input'];
  fileName: Scalars['String']['input'];
  mediaType: Scalars['String']['input'];
};

/** 政策文件类别 / Policy category */
export type PolicyCategory =
  | 'ASSISTANCE'
  | 'ASSOCIATION_WORK'
  | 'HEALTH_SERVICE'
  | 'NOTICE'
  | 'PUBLICITY';

export type PolicyConnection = {
  __typename?: 'PolicyConnection';
  edges: Array<PolicyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PolicyEdge = {
  __typename?: 'PolicyEdge';
  cursor: Scalars['String']['output'];
  node: Policy;
};

export type PolicyFilter = {
  category?: InputMaybe<PolicyCategory>;
  issuedFrom?: InputMaybe<Scalars['String']['input']>;
  issuedTo?: InputMaybe<Scalars['String']['input']>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 标题、文号或发文机关 / Title, number or issuer */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<PolicyStatus>;
};

/** 政策文件内容 / Policy fields */
export type PolicyInput = {
  attachments?: Array<PolicyAttachmentInput>;
  bodyMarkdown: Scalars['String']['input'];
  category: PolicyCategory;
  documentNumber: Scalars['String']['input'];
  effectiveDate?: InputMaybe<Scalars['String']['input']>;
  expiryDate?: InputMaybe<Scalars['String']['input']>;
  issueDate: Scalars['String']['input'];
  issuingBody: Scalars['String']['input'];
  /** 所属区划代码 / Region code */
  regionCode: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type PolicyOrder = {
  direction: SortDirection;
  field: PolicySortField;
};

export type PolicySortField =
  | 'ISSUE_DATE'
  | 'TITLE'
  | 'UPDATED_AT';

/** 草稿 / 已发布 / 已撤回 */
export type PolicyStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'WITHDRAWN';

/** 协会项目 / Project run by an association */
export type Project = {
  __typename?: 'Project';
  /** 协会编码 / Association code */
  associationCode: Scalars['String']['output'];
  /** 承办协会 / The association running it */
  associationId: Scalars['ID']['output'];
  /** 协会名称 / Association name */
  associationName: Scalars['String']['output'];
  /** 预算；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Budget; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  budgetFen: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** 结束日期（空为仍在进行）/ End date (empty: ongoing) */
  endOn?: Maybe<Scalars['String']['output']>;
  /** 帮扶户数 / Households helped */
  householdsHelped: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** 受助户年均收入变化，可为负；单位为分，十进制数字串，如 "-35000" 即 -350 元 / Average yearly income change of a helped household, may be negative; in fen (1/100 yuan) as a string of decimal digits, e.g. "-35000" is -350 yuan */
  incomeChangeFen?: Maybe<Scalars['String']['output']>;
  kind: ProjectKind;
  name: Scalars['String']['output'];
  /** 项目所在区划 / Region of the association */
  region?: Maybe<Region>;
  /** 开始日期 YYYY-MM-DD / Start date */
  startOn: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};

export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  edges: Array<ProjectEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  cursor: Scalars['String']['output'];
  node: Project;
};

export type ProjectFilter = {
  /** 在该日进行中的项目 YYYY-MM-DD / Projects running on that day */
  activeOn?: InputMaybe<Scalars['String']['input']>;
  associationId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<ProjectKind>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** 项目内容 / Project fields */
export type ProjectInput = {
  /** 承办协会 / The association running it */
  associationId: Scalars['ID']['input'];
  /** 预算，非负；不接受带小数点的元；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Budget, not negative; yuan with a decimal point is refused; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  budgetFen: Scalars['String']['input'];
  /** 结束日期 / End date */
  endOn?: InputMaybe<Scalars['String']['input']>;
  /** 帮扶户数；不填为 0 / Households helped; empty means 0 */
  householdsHelped?: InputMaybe<Scalars['Int']['input']>;
  /** 受助户年均收入变化，可为负；单位为分，十进制数字串，如 "-35000" 即 -350 元 / Average yearly income change of a helped household, may be negative; in fen (1/100 yuan) as a string of decimal digits, e.g. "-35000" is -350 yuan */
  incomeChangeFen?: InputMaybe<Scalars['String']['input']>;
  kind: ProjectKind;
  /** 项目名称，同一协会内唯一 / Name, unique within the association */
  name: Scalars['String']['input'];
  /** 开始日期 YYYY-MM-DD / Start date */
  startOn: Scalars['String']['input'];
};

/** 项目类型 / Kind of project */
export type ProjectKind =
  /** 生育关怀 / Birth care */
  | 'BIRTH_CARE'
  /** 少生快富 / Fewer births, faster prosperity */
  | 'FEWER_BIRTHS_FASTER_PROSPERITY'
  /** 幸福工程 / Happiness Project */
  | 'HAPPINESS_PROJECT'
  /** 计生三结合 / The "three combinations" aid */
  | 'THREE_COMBINATIONS'
  /** 青春健康 / Youth health */
  | 'YOUTH_HEALTH';

export type ProjectOrder = {
  direction: SortDirection;
  field: ProjectSortField;
};

export type ProjectSortField =
  | 'CREATED'
  | 'NAME'
  | 'START_ON';

/** 一次发布运行 / A publication run */
export type PublicationRun = {
  __typename?: 'PublicationRun';
  datasets: Array<PublishedDataset>;
  id: Scalars['ID']['output'];
  runAt: Scalars['DateTimeISO']['output'];
};

export type PublishedDataset = {
  __typename?: 'PublishedDataset';
  datasetSha256: Scalars['String']['output'];
  disclosureId: Scalars['ID']['output'];
  rowCount: Scalars['Int']['output'];
  slug: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** 活动记录列表，默认按活动日期倒序 / Activities, latest first */
  activities: ActivityConnection;
  /** 一条活动记录 / One activity */
  activity: Activity;
  /** 按活动类型统计次数与各项数字（不传区划则为本人所辖）/ Count and figures per kind of activity (default: your jurisdiction) */
  activityTotals: Array<ActivityKindTotals>;
  /** 一个协会 / One association */
  association: Association;
  /** 协会列表，默认按名称 / Associations, by name by default */
  associations: AssociationConnection;
  /** 数据质量报告（默认本人辖区）/ Data-quality report (default: your own region) */
  dataQualityReport: DataQualityReport;
  disclosure: Disclosure;
  /** 公开事项 / Disclosures in your jurisdiction */
  disclosures: Array<Disclosure>;
  /** 疑似重复登记，县级核查（其他辖区为空）/ Suspected duplicates for county review (empty for other scopes) */
  duplicateFlags: DuplicateFlagConnection;
  /** 一条评估记录 / One evaluation */
  evaluation: Evaluation;
  /** 评估标准：每次评估须逐项作答 / The checklist every evaluation answers item by item */
  evaluationChecklist: Array<ChecklistItem>;
  /** 评估记录列表，默认按评估日期倒序 / Evaluations, latest first */
  evaluations: EvaluationConnection;
  /** 一户 / One household */
  household: Household;
  /** 户列表 / Households in your jurisdiction */
  households: HouseholdConnection;
  /** 一个导入任务及其进度 / One import job and its progress */
  importJob: ImportJob;
  /** 导入任务，最新在前 / Import jobs, newest first */
  importJobs: ImportJobConnection;
  /** 一名会员 / One member */
  member: Member;
  /** 会员列表，默认按姓名 / Members, by name by default */
  members: MemberConnection;
  /** 一个人员 / One person */
  person: Person;
  /** 完整身份证号（仅本辖区录入人员可查，查看记入审计日志）/ The full ID number (writers in scope; each read is audited) */
  personResidentId: Scalars['String']['output'];
  /** 人员列表 / Persons in your jurisdiction */
  persons: PersonConnection;
  /** 政策文件列表 / Policies, newest first by default */
  policies: PolicyConnection;
  /** 一份政策文件 / One policy */
  policy: Policy;
  /** 一个项目 / One project */
  project: Project;
  /** 项目列表，默认按开始日期倒序 / Projects, latest start first */
  projects: ProjectConnection;
  /** 您辖区内的一个区划 / One region in your jurisdiction */
  region?: Maybe<Region>;
  /** 下级区划（不传则为本人所辖区划）/ Child regions (default: your own region) */
  regions: Array<Region>;
  /** 当前登录的管理员 / The signed-in admin, if any */
  viewer?: Maybe<Viewer>;
};


export type QueryActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ActivityOrder>;
};


export type QueryActivityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryActivityTotalsArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAssociationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAssociationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AssociationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AssociationOrder>;
};


export type QueryDataQualityReportArgs = {
  quarter?: InputMaybe<Scalars['String']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDisclosureArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDuplicateFlagsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<DuplicateFlagStatus>;
};


export type QueryEvaluationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEvaluationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EvaluationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EvaluationOrder>;
};


export type QueryHouseholdArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHouseholdsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HouseholdFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<HouseholdOrder>;
};


export type QueryImportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<MemberOrder>;
};


export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonResidentIdArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PersonOrder>;
};


export type QueryPoliciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PolicyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PolicyOrder>;
};


export type QueryPolicyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ProjectOrder>;
};


export type QueryRegionArgs = {
  code: Scalars['String']['input'];
};


export type QueryRegionsArgs = {
  parentCode?: InputMaybe<Scalars['String']['input']>;
};

/** 复评结果 / Findings of a re-evaluation */
export type ReEvaluationInput = {
  /** 评估日期 YYYY-MM-DD，不晚于今天 / Evaluated on, not in the future */
  evaluatedOn: Scalars['String']['input'];
  /** 评估标准每一项各答一次 / Every checklist item answered exactly once */
  items: Array<EvaluationItemInput>;
  /** 整改期限，有项目未通过时必填且晚于评估日期 / Required, after the evaluation date, when an item failed */
  rectificationDeadline?: InputMaybe<Scalars['String']['input']>;
  /** 得分 0–100 / Score */
  score?: InputMaybe<Scalars['Int']['input']>;
};

/** 行政区划 / Region */
export type Region = {
  __typename?: 'Region';
  /** 设在本区划的协会（不含下级）/ Associations filed at this region (not below) */
  associations: Array<Association>;
  /** 您可见的直属下级区划 / Direct child regions you may see */
  children: Array<Region>;
  /** 统计用区划代码（12 位）/ 12-digit statistical code */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  level: RegionLevel;
  name: Scalars['String']['output'];
};

/** 区划层级 / Region level */
export type RegionLevel =
  | 'COUNTY'
  | 'GROUP'
  | 'TOWNSHIP'
  | 'VILLAGE';

/** 登记人员 / Register a person */
export type RegisterPersonInput = {
  /** 可不填；填写时须与身份证号一致 / Optional birth date; must agree with the ID number */
  birthDate?: InputMaybe<Scalars['String']['input']>;
  /** 现居地区划代码，不填则同户籍地 / Current region; defaults to the registered one */
  currentRegionCode?: InputMaybe<Scalars['String']['input']>;
  /** 所属户 / Household */
  householdId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  /** 大陆手机号 / Mainland mobile number */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** 户籍地区划代码（村或村民小组）/ Registered region (village or group) */
  registeredRegionCode: Scalars['String']['input'];
  /** 与户主关系（有户时必填）/ Relation */
  relation?: InputMaybe<HouseholdRelation>;
  /** 居民身份证号（18 位）/ Resident ID number (18 characters) */
  residentId: Scalars['String']['input'];
  /** 可不填；填写时须与身份证号一致 / Optional; must agree */
  sex?: InputMaybe<Sex>;
};

/** 管理员角色 / Admin role */
export type Role =
  | 'AUDITOR'
  | 'COUNTY_ADMIN'
  | 'TOWNSHIP_ADMIN'
  | 'VILLAGE_CLERK';

/** 敏感家庭状况，仅县级和本乡镇可见 / Sensitive household status, visible to the county and the household’s township only */
export type SensitiveHouseholdStatus =
  /** 失独家庭 / Only child died */
  | 'ONLY_CHILD_DIED'
  /** 独生子女伤残家庭 / Only child disabled */
  | 'ONLY_CHILD_DISABLED';

/** 性别 / Sex */
export type Sex =
  | 'FEMALE'
  | 'MALE';

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** 修改人员信息 / Edit a person */
export type UpdatePersonInput = {
  birthDate?: InputMaybe<Scalars['String']['input']>;
  currentRegionCode?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** 不填则删除 / Empty removes the phone */
  phone?: InputMaybe<Scalars['String']['input']>;
  registeredRegionCode: Scalars['String']['input'];
  /** 更正身份证号，仅县级管理员；不填则不变 / Correct the ID number (county admins only); omit to keep it */
  residentId?: InputMaybe<Scalars['String']['input']>;
  sex?: InputMaybe<Sex>;
};

/** 当前登录的管理员 / The signed-in admin */
export type Viewer = {
  __typename?: 'Viewer';
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 管辖区划 / Jurisdiction */
  region: Region;
  role: Role;
  username: Scalars['String']['output'];
};
