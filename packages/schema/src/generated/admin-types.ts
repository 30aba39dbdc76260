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

/** 新增获表彰对象：协会或人员，二者选一 / A new recipient: an association or a person */
export type AddAwardRecipientInput = {
  /** 获表彰的协会 / The association commended */
  associationId?: InputMaybe<Scalars['ID']['input']>;
  /** 先进集体只用于协会，其余只用于个人 / ADVANCED_UNIT for associations, the others for persons */
  category: AwardCategory;
  /** 事迹评语，2–500 字；将公开发布，不得含身份证号、手机号等号码 / Citation, 2–500 characters; published, so no ID, phone or other personal numbers */
  citation: Scalars['String']['input'];
  /** 同意登记日期 YYYY-MM-DD，同意时必填且不晚于今天 / Day the consent was recorded; required with consent, not in the future */
  consentRecordedOn?: InputMaybe<Scalars['String']['input']>;
  /** 本人同意公开全名；仅适用于个人，不填为否 / The person consented to their full name being published; persons only, empty means no */
  namePublicationConsent?: InputMaybe<Scalars['Boolean']['input']>;
  /** 获表彰的人员 / The person commended */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** 奖金，0 到 10000000 分；不填为无奖金；单位为分，十进制数字串，如 "50000" 即 500 元 / Prize money, 0 to 10000000 fen; empty for none; in fen (1/100 yuan) as a string of decimal digits, e.g. "50000" is 500 yuan */
  prizeFen?: InputMaybe<Scalars['String']['input']>;
  /** 所属表彰 / The round */
  roundId: Scalars['ID']['input'];
};

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

/** 新增一段补助标准 / A standard over a period */
export type AddProgramStandardInput = {
  /** 金额（按项目计量单位）；单位为分，十进制数字串，如 "72000" 即 720 元 / Amount, per the program's amount unit; in fen (1/100 yuan) as a string of decimal digits, e.g. "72000" is 720 yuan */
  amountFen: Scalars['String']['input'];
  /** 起始日期（含）YYYY-MM-DD / In force from (inclusive) */
  effectiveFrom: Scalars['String']['input'];
  /** 停止适用的第一天（不含）；空为现行 / First day it no longer applies; empty while in force */
  effectiveUntil?: InputMaybe<Scalars['String']['input']>;
  programId: Scalars['ID']['input'];
  /** 依据文件，2–200 字 / Source document, 2–200 characters */
  sourceDocument: Scalars['String']['input'];
  /** 档次，默认 DEFAULT / Variant, default DEFAULT */
  variant?: InputMaybe<Scalars['String']['input']>;
};

/** 标准的计量单位 / What a standard amount is per */
export type AmountUnit =
  /** 每次 / Per event */
  | 'PER_EVENT'
  /** 每人每月 / Per person per month */
  | 'PER_PERSON_MONTH'
  /** 每人每年 / Per person per year */
  | 'PER_PERSON_YEAR';

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

/** 审计链的损坏方式 / How the audit chain is broken */
export type AuditChainProblem =
  /** 此行之前缺行（被删除或改号）/ Rows are missing before this one (deleted or renumbered) */
  | 'GAP'
  /** 链尾与记录的链头不符（末尾的行被删除，或链头被改动）/ The last row is not the recorded head (rows removed from the end, or the head altered) */
  | 'HEAD'
  /** 此行记录的前一行摘要与前一行不符 / This row’s link does not match the row before it */
  | 'PREV_LINK'
  /** 此行内容与其摘要不符（被改动）/ This row’s content does not match its digest (altered) */
  | 'ROW_HASH'
  /** 有一行未进入链（绕过触发器写入）/ A row never joined the chain (written around the chain trigger) */
  | 'UNCHAINED';

/** 审计链校验结果：逐行重算摘要与链接 / The audit chain checked: every row’s digest and link recomputed */
export type AuditChainVerification = {
  __typename?: 'AuditChainVerification';
  /** 校验时间 / When the check ran */
  checkedAt: Scalars['DateTimeISO']['output'];
  /** 首个损坏的审计记录编号（该行缺失时为空）/ Id of the first broken audit event (empty when the row is missing) */
  firstBrokenEventId?: Maybe<Scalars['ID']['output']>;
  /** 首个损坏的位置（完好时为空）/ First broken position (empty when intact) */
  firstBrokenSeq?: Maybe<Scalars['String']['output']>;
  /** 链头位置，十进制数字串 / Position of the head, as decimal digits */
  headSeq: Scalars['String']['output'];
  /** 链头摘要 SHA-256（十六进制）/ The head’s digest, SHA-256 in hex */
  headSha256: Scalars['String']['output'];
  /** 整条链完好 / The whole chain is intact */
  intact: Scalars['Boolean']['output'];
  problem?: Maybe<AuditChainProblem>;
  /** 首个问题之前校验无误的行数（完好时为全部），十进制数字串 / Chained rows found sound before the first problem (all when intact), as decimal digits */
  verifiedRows: Scalars['String']['output'];
};

/** 一条审计记录：谁、以何角色、在何区划、做了什么、何时，及改动前后内容的摘要（不含个人信息）/ One audit event: who, in which role and region, did what and when, with digests of the content before and after (no personal data) */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** 操作，如 policy.publish / Action, e.g. policy.publish */
  action: Scalars['String']['output'];
  /** 改动后内容的摘要 / Digest of the content after */
  afterSha256?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTimeISO']['output'];
  /** 改动前内容的摘要 / Digest of the content before */
  beforeSha256?: Maybe<Scalars['String']['output']>;
  /** 在审计链中的位置（提交时分配）/ Position in the audit chain (given at commit) */
  chainSeq?: Maybe<Scalars['String']['output']>;
  /** 对象类型 / Kind of record */
  entity: Scalars['String']['output'];
  /** 对象编号 / Id of the record */
  entityId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 前一行的摘要 / Digest of the row before it */
  prevSha256?: Maybe<Scalars['String']['output']>;
  /** 区划代码 / Region code */
  regionCode: Scalars['String']['output'];
  /** 区划路径（各级 12 位代码）/ Region path (12-digit codes by level) */
  regionPath: Scalars['String']['output'];
  /** 请求编号 / Request id */
  requestId?: Maybe<Scalars['String']['output']>;
  /** 本行的摘要 / This row’s digest */
  rowSha256?: Maybe<Scalars['String']['output']>;
  /** 涉及敏感事实（仅有权知悉者可见）/ About a sensitive fact (seen only by those who may know it) */
  sensitive: Scalars['Boolean']['output'];
  /** 操作的管理员 / The admin who acted */
  userId: Scalars['ID']['output'];
  userRole: Role;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

export type AuditEventFilter = {
  /** 操作，如 policy.publish / Action, e.g. policy.publish */
  action?: InputMaybe<Scalars['String']['input']>;
  /** 对象类型，如 policy / Kind of record, e.g. policy */
  entity?: InputMaybe<Scalars['String']['input']>;
  /** 对象编号 / Id of the record */
  entityId?: InputMaybe<Scalars['String']['input']>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** 表彰类别 / Category of commendation */
export type AwardCategory =
  /** 先进个人 / Advanced individual */
  | 'ADVANCED_INDIVIDUAL'
  /** 先进集体（协会） / Advanced unit (an association) */
  | 'ADVANCED_UNIT'
  /** 优秀会员 / Excellent member */
  | 'EXCELLENT_MEMBER'
  /** 优秀志愿者 / Excellent volunteer */
  | 'EXCELLENT_VOLUNTEER';

/** 获表彰对象 / Recipient of a commendation */
export type AwardRecipient = {
  __typename?: 'AwardRecipient';
  /** 协会编码 / Association code */
  associationCode?: Maybe<Scalars['String']['output']>;
  /** 获表彰的协会 / The association commended */
  associationId?: Maybe<Scalars['ID']['output']>;
  category: AwardCategory;
  /** 事迹评语（将公开发布）/ Citation (to be published) */
  citation: Scalars['String']['output'];
  /** 同意登记日期 / Day the consent was recorded */
  consentRecordedOn?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** 本人是否同意公开全名（仅适用于个人）/ Whether the person consented to their full name being published (persons only) */
  namePublicationConsent: Scalars['Boolean']['output'];
  /** 获表彰的人员（身份证号、手机号脱敏）/ The person commended (ID and phone masked) */
  person?: Maybe<Person>;
  /** 获表彰的人员 / The person commended */
  personId?: Maybe<Scalars['ID']['output']>;
  /** 奖金，空为无奖金；单位为分，十进制数字串，如 "50000" 即 500 元 / Prize money; empty for none; in fen (1/100 yuan) as a string of decimal digits, e.g. "50000" is 500 yuan */
  prizeFen?: Maybe<Scalars['String']['output']>;
  /** 协会名称或人员姓名；人员户籍已迁出您的管辖范围时为空 / Association or person name; empty when the person is now registered outside your jurisdiction */
  recipientName?: Maybe<Scalars['String']['output']>;
  /** 协会所在或人员户籍区划 / Region of the association, or where the person is registered */
  region?: Maybe<Region>;
  /** 所属表彰 / The round */
  roundId: Scalars['ID']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};

/** 获表彰对象的内容（对象本身不可更改）/ Recipient fields (who is commended never changes) */
export type AwardRecipientInput = {
  /** 先进集体只用于协会，其余只用于个人 / ADVANCED_UNIT for associations, the others for persons */
  category: AwardCategory;
  /** 事迹评语，2–500 字；将公开发布，不得含身份证号、手机号等号码 / Citation, 2–500 characters; published, so no ID, phone or other personal numbers */
  citation: Scalars['String']['input'];
  /** 同意登记日期 YYYY-MM-DD，同意时必填且不晚于今天 / Day the consent was recorded; required with consent, not in the future */
  consentRecordedOn?: InputMaybe<Scalars['String']['input']>;
  /** 本人同意公开全名；仅适用于个人，不填为否 / The person consented to their full name being published; persons only, empty means no */
  namePublicationConsent?: InputMaybe<Scalars['Boolean']['input']>;
  /** 奖金，0 到 10000000 分；不填为无奖金；单位为分，十进制数字串，如 "50000" 即 500 元 / Prize money, 0 to 10000000 fen; empty for none; in fen (1/100 yuan) as a string of decimal digits, e.g. "50000" is 500 yuan */
  prizeFen?: InputMaybe<Scalars['String']['input']>;
};

/** 表彰（一批表彰决定）/ Commendation round (one decision commending several recipients) */
export type AwardRound = {
  __typename?: 'AwardRound';
  createdAt: Scalars['DateTimeISO']['output'];
  /** 文号，如 青计协发〔2025〕3号 / Document number */
  documentNumber: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 发文日期 YYYY-MM-DD / Date issued */
  issuedOn: Scalars['String']['output'];
  /** 发文机关 / Issuing body */
  issuingBody: Scalars['String']['output'];
  /** 奖金合计；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Total prize money; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  prizeTotalFen: Scalars['String']['output'];
  /** 获表彰的协会和人员数 / Number of recipients */
  recipientCount: Scalars['Int']['output'];
  /** 获表彰对象：先进集体在前 / Recipients, advanced units first */
  recipients: Array<AwardRecipient>;
  /** 发起区划 / Issuing region */
  region?: Maybe<Region>;
  /** 标题 / Title */
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
  /** 表彰年度 / The year commended */
  year: Scalars['Int']['output'];
};

export type AwardRoundConnection = {
  __typename?: 'AwardRoundConnection';
  edges: Array<AwardRoundEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AwardRoundEdge = {
  __typename?: 'AwardRoundEdge';
  cursor: Scalars['String']['output'];
  node: AwardRound;
};

export type AwardRoundFilter = {
  /** 发起区划及其下级 / Rounds issued in this region or below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 表彰年度 / The year commended */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** 表彰内容（发起区划不可更改）/ Round fields (the issuing region never changes) */
export type AwardRoundInput = {
  /** 文号，如 青计协发〔2025〕3号，年份为发文年份 / Document number; its year is the year issued */
  documentNumber: Scalars['String']['input'];
  /** 发文日期 YYYY-MM-DD，为表彰年度当年或次年 / Date issued, in the year commended or the next */
  issuedOn: Scalars['String']['input'];
  /** 发文机关 / Issuing body */
  issuingBody: Scalars['String']['input'];
  /** 标题，2–200 字 / Title, 2–200 characters */
  title: Scalars['String']['input'];
  /** 表彰年度 / The year commended */
  year: Scalars['Int']['input'];
};

/** 银行回盘登记结果：全部接受，或全部拒绝并列出错误 / A bank return: applied whole, or refused whole with its errors */
export type BankReturnResult = {
  __typename?: 'BankReturnResult';
  /** 是否已登记（有任何错误则整份拒绝）/ Applied (any error refuses the whole file) */
  accepted: Scalars['Boolean']['output'];
  /** 登记后的批次 / The batch, once applied */
  batch?: Maybe<DisbursementBatch>;
  failedCount: Scalars['Int']['output'];
  paidCount: Scalars['Int']['output'];
  returnedCount: Scalars['Int']['output'];
  rowErrors: Array<BankReturnRowError>;
  /** 已是该结果、无需变更的行 / Rows naming a line already in that state */
  unchangedCount: Scalars['Int']['output'];
};

/** 回盘文件的一处错误（不含单元格内容）/ One problem in a bank return file (never the cell’s content) */
export type BankReturnRowError = {
  __typename?: 'BankReturnRowError';
  /** 错误代码，如 UNKNOWN_PAYMENT / Error code */
  code: Scalars['String']['output'];
  /** 列（表头文字）/ Column, as headed */
  column?: Maybe<Scalars['String']['output']>;
  messageEn: Scalars['String']['output'];
  messageZh: Scalars['String']['output'];
  /** 行号（表头为第 1 行；整个文件为空）/ Row (the header is row 1); empty for the whole file */
  row?: Maybe<Scalars['Int']['output']>;
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

/** 新建表彰 / A new round */
export type CreateAwardRoundInput = {
  /** 文号，如 青计协发〔2025〕3号，年份为发文年份 / Document number; its year is the year issued */
  documentNumber: Scalars['String']['input'];
  /** 发文日期 YYYY-MM-DD，为表彰年度当年或次年 / Date issued, in the year commended or the next */
  issuedOn: Scalars['String']['input'];
  /** 发文机关 / Issuing body */
  issuingBody: Scalars['String']['input'];
  /** 发起区划（县或乡镇）代码 / Code of the issuing region (county or township) */
  regionCode: Scalars['String']['input'];
  /** 标题，2–200 字 / Title, 2–200 characters */
  title: Scalars['String']['input'];
  /** 表彰年度 / The year commended */
  year: Scalars['Int']['input'];
};

/** 新建扶助项目（属于本县）/ A new benefit program (of your county) */
export type CreateProgramInput = {
  amountUnit: AmountUnit;
  /** 项目编码：大写字母开头，字母、数字、连字符，2–40 位 / Code: capital letter first, A–Z 0–9 -, 2–40 long */
  code: Scalars['String']['input'];
  eligibility: EligibilityRulesInput;
  fundingTier: FundingTier;
  kind: ProgramKind;
  /** 单笔发放上限，不超过 10000000；单位为分，十进制数字串，如 "200000" 即 2,000 元 / Largest single payment, at most 10000000; in fen (1/100 yuan) as a string of decimal digits, e.g. "200000" is 2,000 yuan */
  maxAmountFen: Scalars['String']['input'];
  /** 单笔发放下限，大于 0；单位为分，十进制数字串，如 "60000" 即 600 元 / Smallest single payment, above 0; in fen (1/100 yuan) as a string of decimal digits, e.g. "60000" is 600 yuan */
  minAmountFen: Scalars['String']['input'];
  /** 名称，2–100 字 / Name, 2–100 characters */
  name: Scalars['String']['input'];
  /** 默认自然日 / Default: calendar days */
  noticeDayKind?: InputMaybe<NoticeDayKind>;
  /** 公示天数 1–30，默认 7 / Days of public notice, 1–30, default 7 */
  noticeDays?: InputMaybe<Scalars['Int']['input']>;
  /** 受理异议的单位 / Office that takes objections */
  objectionOffice: Scalars['String']['input'];
  /** 受理异议的电话：座机 0571-12345678、手机或 12345 / Phone: landline with area code, mobile, or 12345 */
  objectionPhone: Scalars['String']['input'];
  paymentPeriod: PaymentPeriod;
  requiredEvidence: RequiredEvidenceInput;
  /** 依据文件，2–200 字 / Source document, 2–200 characters */
  sourceDocument: Scalars['String']['input'];
  /** 标准档次；不填则按资格条件的 variantBy 得出 / Variants; empty: derived from the eligibility rules’ variantBy */
  variants?: InputMaybe<Array<Scalars['String']['input']>>;
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

/** 发放批次：按项目、期间和区划 / A disbursement batch of a program, period and region */
export type DisbursementBatch = {
  __typename?: 'DisbursementBatch';
  approvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** 审批人（管理员编号）/ Approver (admin id) */
  approvedById?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** 制单人（管理员编号）/ Maker (admin id) */
  createdById: Scalars['ID']['output'];
  /** 付款文件下载地址（导出后）/ Where to download the payment file (once exported) */
  downloadPath?: Maybe<Scalars['String']['output']>;
  exportedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** 导出人（管理员编号）/ Who exported it (admin id) */
  exportedById?: Maybe<Scalars['ID']['output']>;
  /** 付款文件名 / Payment file name */
  fileName?: Maybe<Scalars['String']['output']>;
  /** 付款文件 SHA-256 / The payment file’s SHA-256 */
  fileSha256?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** 付款笔数（冲正记录不计）/ Lines that pay (reversals not counted) */
  lineCount: Scalars['Int']['output'];
  /** 付款明细，按序号（您管辖范围内的）/ The batch’s lines in line order (those in your jurisdiction) */
  payments: PaymentConnection;
  /** 发放期间：年（2026）或年月（2026-03）/ Period: a year or a month */
  period: Scalars['String']['output'];
  /** 项目代码 / Program code */
  programCode: Scalars['String']['output'];
  programId: Scalars['ID']['output'];
  /** 项目名称 / Program name */
  programName: Scalars['String']['output'];
  purpose: DisbursementBatchPurpose;
  /** 整批对账（您可见的明细）/ Reconciliation of the whole batch (the lines you may see) */
  reconciliation: Reconciliation;
  /** 批次区划 / Region of the batch */
  region?: Maybe<Region>;
  status: DisbursementBatchStatus;
  /** 合计金额；单位为分，十进制数字串，如 "8640000" 即 86,400 元 / Total of the lines that pay; in fen (1/100 yuan) as a string of decimal digits, e.g. "8640000" is 86,400 yuan */
  totalFen: Scalars['String']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};


/** 发放批次：按项目、期间和区划 / A disbursement batch of a program, period and region */
export type DisbursementBatchPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PaymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type DisbursementBatchConnection = {
  __typename?: 'DisbursementBatchConnection';
  edges: Array<DisbursementBatchEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DisbursementBatchEdge = {
  __typename?: 'DisbursementBatchEdge';
  cursor: Scalars['String']['output'];
  node: DisbursementBatch;
};

export type DisbursementBatchFilter = {
  period?: InputMaybe<Scalars['String']['input']>;
  programId?: InputMaybe<Scalars['ID']['input']>;
  purpose?: InputMaybe<DisbursementBatchPurpose>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<DisbursementBatchStatus>;
};

/** 生成发放批次 / Make a disbursement batch */
export type DisbursementBatchInput = {
  /** 发放期间：年（2026）或年月（2026-03），依项目而定 / A year or a month, as the program pays */
  period: Scalars['String']['input'];
  programId: Scalars['ID']['input'];
  /** 区划（县、乡镇或村）代码 / County, township or village code */
  regionCode: Scalars['String']['input'];
};

/** 批次用途 / What a batch is for */
export type DisbursementBatchPurpose =
  /** 更正：补发或冲正 / Corrections: reissues or reversals */
  | 'CORRECTION'
  /** 按确认名单发放 / Paying the confirmed roll */
  | 'REGULAR';

/** 批次状态 / State of a batch */
export type DisbursementBatchStatus =
  /** 已审批（制单人以外的管理员）/ Approved by an admin other than its maker */
  | 'APPROVED'
  /** 草稿 / Draft */
  | 'DRAFT'
  /** 已导出付款文件 / Payment file exported */
  | 'EXPORTED';

/** 批次对账，整批及分乡镇 / A batch’s reconciliation, whole and per township */
export type DisbursementReconciliation = {
  __typename?: 'DisbursementReconciliation';
  batchId: Scalars['ID']['output'];
  total: Reconciliation;
  townships: Array<Reconciliation>;
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
  /** 去标识化策略，随查询一并批准 / De-identification policy, approved with the query */
  policy: DisclosurePolicy;
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
  /** 去标识化策略；新建时默认 k=5、特殊家庭项目 10，修改时不填则保持不变；修改策略会撤销批准 / Policy; defaults to k 5, sensitive 10 on create, unchanged on update when absent; changing it revokes the approval */
  policy?: InputMaybe<DisclosurePolicyInput>;
  regionCode: Scalars['String']['input'];
  slug: Scalars['String']['input'];
};

/** 去标识化策略：小格抑制门槛 / De-identification policy: small-cell thresholds */
export type DisclosurePolicy = {
  __typename?: 'DisclosurePolicy';
  /** 一般项目最少公开人数（≥5）/ Smallest publishable count of people (≥ 5) */
  k: Scalars['Int']['output'];
  /** 特殊家庭项目最少公开人数（≥10，且不低于 k）/ The same for sensitive programs (≥ 10, and not below k) */
  sensitiveK: Scalars['Int']['output'];
};

export type DisclosurePolicyInput = {
  k?: Scalars['Int']['input'];
  sensitiveK?: Scalars['Int']['input'];
};

/** 试运行（只读并回滚，不保存）/ A dry run: read-only, rolled back, nothing stored */
export type DisclosurePreview = {
  __typename?: 'DisclosurePreview';
  /** 运行日期（中国）/ The run date in China */
  asOf: Scalars['String']['output'];
  /** 去标识化后的数据集 / The de-identified dataset */
  dataset: Scalars['JSONObject']['output'];
  /** 与上一次发布的差异 / Diff against the last release */
  diff: Scalars['JSONObject']['output'];
  isolationFindings: Array<IsolationFinding>;
  /** 正式运行会给出的拒绝理由；为空则可发布 / The refusal a run would give, or null */
  refusal?: Maybe<Scalars['String']['output']>;
  rowCount: Scalars['Int']['output'];
};

/** 公开事项的一次发布及其与上一次的差异 / One release of a disclosure and its diff */
export type DisclosureRelease = {
  __typename?: 'DisclosureRelease';
  datasetSha256: Scalars['String']['output'];
  /** 与上一次发布的差异（新增、删除、变动及原因）/ Diff against the previous release: added, removed, changed, reasons */
  diff?: Maybe<Scalars['JSONObject']['output']>;
  documentSha256: Scalars['String']['output'];
  policy: DisclosurePolicy;
  /** 上一次发布 / The release compared with */
  previousRunId?: Maybe<Scalars['ID']['output']>;
  rowCount: Scalars['Int']['output'];
  runAt: Scalars['DateTimeISO']['output'];
  runId: Scalars['ID']['output'];
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

/** 资格条件（以数据保存并逐条核验）/ Eligibility rules, kept as data and checked one by one */
export type EligibilityRules = {
  __typename?: 'EligibilityRules';
  /** 须为困难家庭 / Must be a household in difficulty */
  householdInDifficulty?: Maybe<Scalars['Boolean']['output']>;
  /** 家庭计生类型之一 / One of these household statuses */
  householdPlanningStatuses?: Maybe<Array<PlanningStatus>>;
  /** 敏感家庭状况之一（仅乡镇、县级可核验）/ One of these sensitive statuses (checked by township or county only) */
  householdSensitiveStatuses?: Maybe<Array<SensitiveHouseholdStatus>>;
  /** 该年度至多（周岁）/ At most this age in the year */
  maxAge?: Maybe<Scalars['Int']['output']>;
  /** 该年度至少年满（周岁）/ At least this age in the year */
  minAge?: Maybe<Scalars['Int']['output']>;
  /** 户籍所在村（居）类型 / Kind of village of registration */
  regionKinds?: Maybe<Array<VillageKind>>;
  /** The rules in words (English) */
  summaryEn: Scalars['String']['output'];
  /** 条件摘要 / The rules in words (Chinese) */
  summaryZh: Scalars['String']['output'];
  /** 决定标准档次的事实 / Facts that pick the variant */
  variantBy?: Maybe<Array<VariantFact>>;
};

/** 资格条件；不填的条件不检查 / Eligibility rules; empty ones are not checked */
export type EligibilityRulesInput = {
  /** 须为困难家庭 / Must be a household in difficulty */
  householdInDifficulty?: InputMaybe<Scalars['Boolean']['input']>;
  householdPlanningStatuses?: InputMaybe<Array<PlanningStatus>>;
  /** 仅特别扶助等由乡镇、县级申报的项目使用 / Only for programs the township or county submits */
  householdSensitiveStatuses?: InputMaybe<Array<SensitiveHouseholdStatus>>;
  /** 该年度至多（周岁），0–120 / At most this age in the year */
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  /** 该年度至少年满（周岁），0–120 / At least this age in the year */
  minAge?: InputMaybe<Scalars['Int']['input']>;
  regionKinds?: InputMaybe<Array<VillageKind>>;
  /** 决定标准档次的事实，依次组合成档次名，如 DIED_RURAL / Facts that pick the variant, joined in order, e.g. DIED_RURAL */
  variantBy?: InputMaybe<Array<VariantFact>>;
};

/** 对象确认：某人某年度享受某项目 / A person’s entitlement to a program for a year */
export type Enrollment = {
  __typename?: 'Enrollment';
  approvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  approvedBy?: Maybe<Scalars['ID']['output']>;
  evidence: Array<EvidenceItem>;
  exitReason?: Maybe<ExitReason>;
  id: Scalars['ID']['output'];
  kind: EnrollmentKind;
  /** 所在公示 / The public notice it is on */
  noticeId?: Maybe<Scalars['ID']['output']>;
  /** 异议编号：公示名单上代替身份信息印出，群众据此提出异议 / Objection token: printed on the public list instead of personal details; objections name it */
  objectionToken: Scalars['String']['output'];
  /** 人员（身份证号脱敏）/ The person (ID number masked) */
  person?: Maybe<Person>;
  personId: Scalars['ID']['output'];
  /** 姓名 / Name */
  personName: Scalars['String']['output'];
  program?: Maybe<Program>;
  programId: Scalars['ID']['output'];
  /** 人员户籍所在区划 / Where the person is registered */
  region?: Maybe<Region>;
  rejectedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  rejectedBy?: Maybe<Scalars['ID']['output']>;
  /** 退回原因 / Why it was sent back or struck off */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  reviewedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  reviewedBy?: Maybe<Scalars['ID']['output']>;
  status: EnrollmentStatus;
  submittedAt: Scalars['DateTimeISO']['output'];
  /** 申报人（管理员账号）/ Submitted by (admin account) */
  submittedBy: Scalars['ID']['output'];
  /** 适用的标准档次 / Variant of the standard that applies */
  variant: Scalars['String']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
  /** 年度 / Year */
  year: Scalars['Int']['output'];
};

export type EnrollmentConnection = {
  __typename?: 'EnrollmentConnection';
  edges: Array<EnrollmentEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type EnrollmentEdge = {
  __typename?: 'EnrollmentEdge';
  cursor: Scalars['String']['output'];
  node: Enrollment;
};

export type EnrollmentFilter = {
  kind?: InputMaybe<EnrollmentKind>;
  /** 某次公示的名单 / Those on one public notice */
  noticeId?: InputMaybe<Scalars['ID']['input']>;
  programId?: InputMaybe<Scalars['ID']['input']>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<EnrollmentStatus>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** 对象申报：须附该项目此类申报要求的全部材料 / A submission, with every piece of evidence the program requires */
export type EnrollmentInput = {
  evidence: Array<EvidenceInput>;
  /** 退出时必填 / Required for an exit */
  exitReason?: InputMaybe<ExitReason>;
  kind: EnrollmentKind;
  personId: Scalars['ID']['input'];
  programId: Scalars['ID']['input'];
  /** 年度 / Year */
  year: Scalars['Int']['input'];
};

/** 年度名册中的类别 / Kind of entry on the yearly roll */
export type EnrollmentKind =
  /** 继续享受 / Continuing */
  | 'CONTINUING'
  /** 退出 / Exit */
  | 'EXITED'
  /** 新增 / New entrant */
  | 'NEW';

/** 对象确认的进度 / Where an enrollment stands */
export type EnrollmentStatus =
  /** 县级已审批，待公示 / Approved, awaiting public notice */
  | 'APPROVED'
  /** 公示无异议，已确认 / Confirmed after the notice */
  | 'CONFIRMED'
  /** 公示中 / On public notice */
  | 'IN_NOTICE'
  /** 已退回或异议成立 / Sent back, or struck off by an upheld objection */
  | 'REJECTED'
  /** 乡镇已审核，待县级审批 / Reviewed, awaiting county approval */
  | 'REVIEWED'
  /** 村级已申报，待乡镇审核 / Submitted, awaiting township review */
  | 'SUBMITTED';

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

/** 一份证明材料 / A piece of evidence */
export type EvidenceInput = {
  /** 证件或文书编号，1–60 字；不得填写身份证号、手机号等个人号码 / Document number, 1–60 characters; never an ID, phone or other personal number */
  documentNumber: Scalars['String']['input'];
  /** 出具日期 YYYY-MM-DD，不晚于今天 / Issued on, not in the future */
  issuedOn: Scalars['String']['input'];
  kind: EvidenceKind;
};

/** 证明材料 / A piece of evidence */
export type EvidenceItem = {
  __typename?: 'EvidenceItem';
  /** 证件或文书编号 / Document number */
  documentNumber: Scalars['String']['output'];
  /** 出具日期 YYYY-MM-DD / Issued on */
  issuedOn: Scalars['String']['output'];
  kind: EvidenceKind;
  /** Name of the kind (English) */
  labelEn: Scalars['String']['output'];
  /** 材料名称 / Name of the kind (Chinese) */
  labelZh: Scalars['String']['output'];
};

/** 证明材料 / Kind of evidence */
export type EvidenceKind =
  /** 年度资格确认表 / annual eligibility confirmation */
  | 'ANNUAL_CONFIRMATION'
  /** 生育情况证明 / record of births */
  | 'BIRTH_RECORD'
  /** 死亡证明 / death certificate */
  | 'DEATH_CERTIFICATE'
  /** 残疾人证（三级以上） / disability certificate (grade 3 or above) */
  | 'DISABILITY_CERTIFICATE'
  /** 困难情况证明 / certification of hardship */
  | 'HARDSHIP_CERTIFICATION'
  /** 户口簿 / household register */
  | 'HOUSEHOLD_REGISTER'
  /** 结婚证 / marriage certificate */
  | 'MARRIAGE_CERTIFICATE'
  /** 独生子女父母光荣证 / only-child parents' certificate */
  | 'ONLY_CHILD_CERTIFICATE'
  /** 居民身份证 / resident ID card */
  | 'RESIDENT_ID_CARD'
  /** 入学通知书或在读证明 / admission letter or proof of study */
  | 'SCHOOL_ENROLLMENT'
  /** 村（居）委会证明 / village committee's certification */
  | 'VILLAGE_CERTIFICATION';

/** 退出原因 / Why someone leaves the roll */
export type ExitReason =
  /** 死亡 / Death */
  | 'DEATH'
  /** 不再符合条件 / No longer eligible */
  | 'INELIGIBLE'
  /** 迁出 / Moved away */
  | 'MOVED';

/** 资金层级 / Who funds it */
export type FundingTier =
  /** 县级 / County */
  | 'COUNTY'
  /** 中央 / National */
  | 'NATIONAL'
  /** 省级 / Provincial */
  | 'PROVINCIAL'
  /** 乡镇 / Township */
  | 'TOWNSHIP';

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

/** 与上一次发布对照可能识别到个人之处 / Where this release, read with the previous, singles people out */
export type IsolationFinding = {
  __typename?: 'IsolationFinding';
  /** 列 / Column */
  field?: Maybe<Scalars['String']['output']>;
  /** 行键；点名名单为空 / Row key; null for a names list */
  key?: Maybe<Scalars['JSONObject']['output']>;
  /** SMALL_MOVE_WITH_REASON | SMALL_REASON | SUPPRESSION_LIFTED */
  kind: Scalars['String']['output'];
};

/** 载入项目目录时的默认异议受理单位和电话 / Objection office and phone for the catalogue’s programs */
export type LoadProgramCatalogueInput = {
  /** 默认：本县卫生健康局 / Default: the county health bureau */
  objectionOffice?: InputMaybe<Scalars['String']['input']>;
  /** 默认 12345 / Default 12345 */
  objectionPhone?: InputMaybe<Scalars['String']['input']>;
};

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
  /** 新增获表彰对象（协会或人员）/ Add a recipient (an association or a person) to a round */
  addAwardRecipient: AwardRecipient;
  /** 登记会员 / Add a member to an association */
  addMember: Member;
  /** 为项目增加一段标准（县级管理员）：晚于现行标准起始日的新标准自其起始日替代现行标准；其余有效期重叠不予受理 / Add a standard (county admin): one starting after the standard in force began replaces it from that day; any other overlap is refused */
  addProgramStandard: Program;
  /** 审批发放批次（制单人以外的乡镇或县级管理员）/ Approve a batch (a township or county admin other than its maker) */
  approveDisbursementBatch: DisbursementBatch;
  /** 批准（须非起草人）/ Approve the text you reviewed (not your own draft) */
  approveDisclosure: Disclosure;
  /** 审批（县级管理员，非申报人、非审核人）/ Approve (county admin, neither submitter nor reviewer) */
  approveEnrollment: Enrollment;
  /** 批准代领人（登记人以外的乡镇或县级管理员）/ Approve a proxy (a township or county admin other than who registered it) */
  approvePayeeProxy: PayeeProxy;
  /** 确认导入：重新检查同一文件并在一个事务中全部写入，或全部不写 / Commit a checked import: the same file is checked again and written in one transaction, or not at all */
  commitImport: ImportJob;
  /** 公示期满且异议全部处理后确认名单：异议成立者除名，其余确认（乡镇或县级管理员）/ Confirm the roll once the notice has ended and every objection is resolved: upheld ones are struck off, the rest confirmed (township or county admin) */
  confirmNotice: Notice;
  /** 新建协会 / Create an association */
  createAssociation: Association;
  /** 新建表彰（县、乡镇管理员）/ Create a commendation round (county and township admins) */
  createAwardRound: AwardRound;
  /** 按确认名单生成发放批次（乡镇或县级管理员）/ Make a batch from the confirmed roll (township or county admin) */
  createDisbursementBatch: DisbursementBatch;
  /** 起草公开事项 / Draft a disclosure */
  createDisclosure: Disclosure;
  /** 建户 / Create a household */
  createHousehold: Household;
  /** 新建会员小组 / Create a member group */
  createMemberGroup: MemberGroup;
  /** 起草政策文件 / Draft a policy */
  createPolicy: Policy;
  /** 新建扶助项目（县级管理员）/ Create a benefit program (county admin) */
  createProgram: Program;
  /** 登记项目 / Register a project */
  createProject: Project;
  /** 删除误录的活动记录，返回其编号 / Delete an activity recorded by mistake */
  deleteActivity: Scalars['ID']['output'];
  /** 退会 / End a membership */
  endMembership: Member;
  /** 导出付款文件（仅一次；再次导出返回同一文件）/ Export the payment file (once; exporting again returns the same file) */
  exportDisbursementBatch: DisbursementBatch;
  /** 结对联系户 / Link a contact household to a member */
  linkContactHousehold: Member;
  /** 将项目目录（国家、省级及常见的县乡项目和历年标准）载入本县；已有的编码不变 / Load the program catalogue into your county; codes it already has stay as they are */
  loadProgramCatalogue: Array<Program>;
  /** 发起公示（乡镇或县级管理员）：范围内该项目该年度全部已审批对象进入公示 / Open a notice (township or county admin): every approved enrollment of the program and year in the region goes on it */
  openNotice: Notice;
  /** 发布 / Publish a draft */
  publishPolicy: Policy;
  /** 记录一次活动 / Record an activity */
  recordActivity: Activity;
  /** 登记银行回盘文件（CSV：付款编号,结果,银行流水号,原因）；任何一行有误则整份拒绝 / Record a bank return file (CSV: 付款编号,结果,银行流水号,原因); any error refuses the whole file */
  recordBankReturn: BankReturnResult;
  /** 登记死亡（null 撤销误录）/ Record a death (null clears it) */
  recordDeath: Person;
  /** 记录评估认定（县、乡镇管理员评估下级协会）/ Record an evaluation of an association below your level */
  recordEvaluation: Evaluation;
  /** 登记迁出（null 撤销误录）/ Record moving away (null clears it) */
  recordMovedAway: Person;
  /** 按异议编号登记异议（村、乡镇或县级，须在公示期内收到）/ Record an objection by its token (village, township or county; received while the notice runs) */
  recordObjection: Objection;
  /** 整改后复评未通过的评估（每条评估至多一次）/ Re-evaluate a failed evaluation after rectification (once) */
  recordReEvaluation: Evaluation;
  /** 登记代领人（待第二位管理员批准）/ Register a payee proxy (to be approved) */
  registerPayeeProxy: PayeeProxy;
  /** 登记人员 / Register a person */
  registerPerson: Person;
  /** 补发失败、退回或已冲正的付款（进入更正批次，须审批后导出）/ Reissue a failed, returned or reversed payment (into a correction batch, approved and exported like any batch) */
  reissuePayment: Payment;
  /** 退回申报并说明原因（乡镇或县级管理员，非申报人）/ Send back with a reason (township or county admin, not the submitter) */
  rejectEnrollment: Enrollment;
  /** 移除获表彰对象，返回表彰及新合计 / Remove a recipient; answers the round with its new totals */
  removeAwardRecipient: AwardRound;
  /** 重命名会员小组 / Rename a member group */
  renameMemberGroup: MemberGroup;
  /** 核查疑似重复（县级管理员）/ Resolve a duplicate flag (county admin) */
  resolveDuplicateFlag: DuplicateFlag;
  /** 处理异议：成立或不成立，并说明理由（乡镇或县级管理员）/ Resolve an objection, with reasons (township or county admin) */
  resolveObjection: Objection;
  /** 重新申报已退回的对象 / Resubmit a sent-back enrollment */
  resubmitEnrollment: Enrollment;
  /** 冲正已支付的付款（新增负数记录，原记录不改）/ Reverse a paid payment (a new negative entry; the original is not edited) */
  reversePayment: Payment;
  /** 审核（乡镇或县级管理员，非申报人）/ Review (township or county admin, not the submitter) */
  reviewEnrollment: Enrollment;
  /** 撤销代领人 / Revoke a proxy */
  revokePayeeProxy: PayeeProxy;
  /** 运行发布 / Run the approved disclosures */
  runPublication: PublicationRun;
  /** 调整户籍成员关系（householdId 为 null 则移出）/ Put a person into a household, or out (null) */
  setHouseholdMembership: Person;
  /** 登记或修改收款账户 / Record or change the account a person is paid into */
  setPersonAccount: PersonAccount;
  /** 登记或清除敏感家庭状况，仅县级和乡镇管理员 / Record or clear a sensitive status (county and township admins only) */
  setSensitiveStatus: Household;
  /** 登录 / Sign in (sets an HttpOnly session cookie) */
  signIn: Viewer;
  /** 退出登录 / Sign out */
  signOut: Scalars['Boolean']['output'];
  /** 申报对象（村、乡镇或县级；特别扶助由乡镇或县级申报）；材料不全或不符合条件的不予受理 / Submit a person (village, township or county; special assistance by the township or county); incomplete or ineligible submissions are refused */
  submitEnrollment: Enrollment;
  /** 解除联系户 / Unlink a contact household */
  unlinkContactHousehold: Member;
  /** 更正活动记录 / Correct an activity */
  updateActivity: Activity;
  /** 修改协会 / Edit an association */
  updateAssociation: Association;
  /** 修改获表彰对象 / Edit a recipient */
  updateAwardRecipient: AwardRecipient;
  /** 修改表彰 / Edit a commendation round */
  updateAwardRound: AwardRound;
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


export type MutationAddAwardRecipientArgs = {
  input: AddAwardRecipientInput;
};


export type MutationAddMemberArgs = {
  input: AddMemberInput;
};


export type MutationAddProgramStandardArgs = {
  input: AddProgramStandardInput;
};


export type MutationApproveDisbursementBatchArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationApproveDisclosureArgs = {
  documentSha256: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationApproveEnrollmentArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationApprovePayeeProxyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationCommitImportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConfirmNoticeArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationCreateAssociationArgs = {
  input: AssociationInput;
};


export type MutationCreateAwardRoundArgs = {
  input: CreateAwardRoundInput;
};


export type MutationCreateDisbursementBatchArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: DisbursementBatchInput;
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


export type MutationCreateProgramArgs = {
  input: CreateProgramInput;
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


export type MutationExportDisbursementBatchArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationLinkContactHouseholdArgs = {
  householdId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
};


export type MutationLoadProgramCatalogueArgs = {
  input?: InputMaybe<LoadProgramCatalogueInput>;
};


export type MutationOpenNoticeArgs = {
  input: OpenNoticeInput;
};


export type MutationPublishPolicyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRecordActivityArgs = {
  input: ActivityInput;
};


export type MutationRecordBankReturnArgs = {
  batchId: Scalars['ID']['input'];
  fileText: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
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


export type MutationRecordObjectionArgs = {
  input: RecordObjectionInput;
};


export type MutationRecordReEvaluationArgs = {
  evaluationId: Scalars['ID']['input'];
  input: ReEvaluationInput;
};


export type MutationRegisterPayeeProxyArgs = {
  input: PayeeProxyInput;
};


export type MutationRegisterPersonArgs = {
  input: RegisterPersonInput;
};


export type MutationReissuePaymentArgs = {
  idempotencyKey: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
};


export type MutationRejectEnrollmentArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveAwardRecipientArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
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


export type MutationResolveObjectionArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  outcome: ObjectionOutcome;
  resolution: Scalars['String']['input'];
};


export type MutationResubmitEnrollmentArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: EnrollmentInput;
};


export type MutationReversePaymentArgs = {
  idempotencyKey: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReviewEnrollmentArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRevokePayeeProxyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
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


export type MutationSetPersonAccountArgs = {
  input: PersonAccountInput;
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


export type MutationSubmitEnrollmentArgs = {
  input: EnrollmentInput;
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


export type MutationUpdateAwardRecipientArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: AwardRecipientInput;
};


export type MutationUpdateAwardRoundArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: AwardRoundInput;
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

/** 公示 / Public notice of a roll */
export type Notice = {
  __typename?: 'Notice';
  confirmedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  confirmedBy?: Maybe<Scalars['ID']['output']>;
  /** 距公示结束还有几天（含今天，自然日）；已结束为 0 / Calendar days left including today; 0 once over */
  daysLeft: Scalars['Int']['output'];
  /** 公示结束日期（含）/ Last day */
  endsOn: Scalars['String']['output'];
  /** 公示名单（您管辖范围内的）/ Those on the notice (within your jurisdiction) */
  enrollments: Array<Enrollment>;
  id: Scalars['ID']['output'];
  /** 异议总数 / Objections received */
  objectionCount: Scalars['Int']['output'];
  /** 受理异议的单位 / Office that takes objections */
  objectionOffice: Scalars['String']['output'];
  /** 受理异议的电话 / Phone that takes objections */
  objectionPhone: Scalars['String']['output'];
  /** 收到的异议 / Objections received */
  objections: Array<Objection>;
  /** 待处理的异议数 / Objections still open */
  openObjectionCount: Scalars['Int']['output'];
  openedAt: Scalars['DateTimeISO']['output'];
  openedBy: Scalars['ID']['output'];
  program?: Maybe<Program>;
  programId: Scalars['ID']['output'];
  /** 公示范围 / Where it is posted */
  region?: Maybe<Region>;
  /** 公示开始日期（含）/ First day */
  startsOn: Scalars['String']['output'];
  status: NoticeStatus;
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
  /** 年度 / Year */
  year: Scalars['Int']['output'];
};

export type NoticeConnection = {
  __typename?: 'NoticeConnection';
  edges: Array<NoticeEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** 公示天数的计法 / How notice days are counted */
export type NoticeDayKind =
  /** 自然日 / Calendar days */
  | 'CALENDAR'
  /** 工作日（跳过法定节假日，计入调休上班日）/ Working days (public holidays skipped, swapped workdays counted) */
  | 'WORKING';

export type NoticeEdge = {
  __typename?: 'NoticeEdge';
  cursor: Scalars['String']['output'];
  node: Notice;
};

export type NoticeFilter = {
  programId?: InputMaybe<Scalars['ID']['input']>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<NoticeStatus>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** 公示状态 / State of a public notice */
export type NoticeStatus =
  /** 公示期已过，待确认 / Period over, awaiting confirmation */
  | 'CLOSED'
  /** 名单已确认 / Roll confirmed */
  | 'CONFIRMED'
  /** 公示中（或尚未开始）/ Running (or not yet begun) */
  | 'OPEN';

/** 公示期间对名单中某人提出的异议（内部记录，不公开）/ An objection to someone on a notice (internal, never published) */
export type Objection = {
  __typename?: 'Objection';
  channel: ObjectionChannel;
  enrollmentId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  noticeId: Scalars['ID']['output'];
  /** 所指对象的异议编号 / Token of the person objected to */
  objectionToken: Scalars['String']['output'];
  /** 收到日期 YYYY-MM-DD / Received on */
  receivedOn: Scalars['String']['output'];
  recordedAt: Scalars['DateTimeISO']['output'];
  recordedBy: Scalars['ID']['output'];
  /** 处理意见 / Resolution */
  resolution?: Maybe<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  resolvedBy?: Maybe<Scalars['ID']['output']>;
  status: ObjectionStatus;
  /** 异议内容摘要（仅内部）/ What was said (internal only) */
  summary: Scalars['String']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};

/** 异议的提出方式 / How an objection was received */
export type ObjectionChannel =
  /** 信函 / Letter */
  | 'LETTER'
  /** 网上 / Online */
  | 'ONLINE'
  /** 电话 / Phone */
  | 'PHONE'
  /** 来访 / In person */
  | 'VISIT';

/** 异议处理结论 / How an objection is resolved */
export type ObjectionOutcome =
  /** 不成立 / Dismissed */
  | 'DISMISSED'
  /** 成立 / Upheld */
  | 'UPHELD';

/** 异议处理状态 / State of an objection */
export type ObjectionStatus =
  /** 异议不成立 / Dismissed */
  | 'DISMISSED'
  /** 待处理 / Open */
  | 'OPEN'
  /** 异议成立，确认时从名单中删除 / Upheld: struck off when the roll is confirmed */
  | 'UPHELD';

/** 发起公示：该区域内该项目该年度全部已审批对象进入公示 / Open a notice: every approved enrollment of the program and year in the region goes on it */
export type OpenNoticeInput = {
  /** 受理异议的单位；默认取项目设置 / Objection office; default: the program’s */
  objectionOffice?: InputMaybe<Scalars['String']['input']>;
  /** 受理异议的电话；默认取项目设置 / Objection phone; default: the program’s */
  objectionPhone?: InputMaybe<Scalars['String']['input']>;
  programId: Scalars['ID']['input'];
  /** 公示范围：乡镇或县的区划代码 / Where it is posted: a township or county code */
  regionCode: Scalars['String']['input'];
  /** 开始日期 YYYY-MM-DD，今天前后 30 天内；结束日期按项目的公示天数计算 / First day, within 30 days of today; the last day follows from the program’s notice days */
  startsOn: Scalars['String']['input'];
  /** 年度 / Year */
  year: Scalars['Int']['input'];
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

/** 代领人：经第二位管理员批准后，可代受益人领取款项 / A proxy who may collect for a beneficiary once a second admin approves */
export type PayeeProxy = {
  __typename?: 'PayeeProxy';
  approvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** 批准人（管理员编号）/ Who approved it (admin id) */
  approvedById?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** 登记人（管理员编号）/ Who registered it (admin id) */
  createdById: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** 受益人 / The beneficiary */
  personId: Scalars['ID']['output'];
  /** 受益人姓名 / Beneficiary name */
  personName?: Maybe<Scalars['String']['output']>;
  /** 代领人 / The proxy */
  proxyPersonId: Scalars['ID']['output'];
  /** 代领人姓名（不在管辖范围内时为空）/ Proxy name (empty when outside your jurisdiction) */
  proxyPersonName?: Maybe<Scalars['String']['output']>;
  /** 代领原因 / Why someone else collects */
  reason: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: PayeeProxyStatus;
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};

export type PayeeProxyConnection = {
  __typename?: 'PayeeProxyConnection';
  edges: Array<PayeeProxyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PayeeProxyEdge = {
  __typename?: 'PayeeProxyEdge';
  cursor: Scalars['String']['output'];
  node: PayeeProxy;
};

export type PayeeProxyFilter = {
  /** 受益人或代领人 / Beneficiary or proxy */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** 区划及其下级 / This region and below */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<PayeeProxyStatus>;
};

/** 代领人登记 / A payee proxy registration */
export type PayeeProxyInput = {
  /** 受益人 / The beneficiary */
  personId: Scalars['ID']['input'];
  /** 代领人（须已登记收款账户）/ The proxy (needs a person account to be paid) */
  proxyPersonId: Scalars['ID']['input'];
  /** 代领原因，2–200 字 / Why, 2–200 characters */
  reason: Scalars['String']['input'];
};

/** 代领人登记状态 / State of a payee proxy */
export type PayeeProxyStatus =
  /** 已批准 / Approved */
  | 'APPROVED'
  /** 待审核 / Waiting for a second admin */
  | 'PENDING'
  /** 已撤销 / Revoked */
  | 'REVOKED';

/** 付款台账记录（账号脱敏）/ A payment ledger entry (account masked) */
export type Payment = {
  __typename?: 'Payment';
  /** 账号，仅显示前四位和后四位 / Account number, first and last four digits only */
  accountNumberMasked: Scalars['String']['output'];
  /** 金额，冲正为负数；单位为分，十进制数字串，如 "72000" 即 720 元 / Amount, negative for a reversal; in fen (1/100 yuan) as a string of decimal digits, e.g. "72000" is 720 yuan */
  amountFen: Scalars['String']['output'];
  /** 开户行 / Bank */
  bank: Scalars['String']['output'];
  /** 银行流水号 / Bank reference */
  bankReference?: Maybe<Scalars['String']['output']>;
  batchId: Scalars['ID']['output'];
  /** 冲正原因 / Why a reversal was booked */
  correctionReason?: Maybe<Scalars['String']['output']>;
  /** 补发或冲正所针对的付款 / The payment a reissue or reversal corrects */
  correctsId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** 记录人（管理员编号）/ Who made the entry (admin id) */
  createdById: Scalars['ID']['output'];
  /** 对象确认记录 / The enrollment paid */
  enrollmentId: Scalars['ID']['output'];
  entry: PaymentEntry;
  /** 失败或退回原因 / Why it failed or came back */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** 付款编号（付款文件与回盘文件中的“付款编号”）/ Payment id, as in the payment and return files */
  id: Scalars['ID']['output'];
  /** 序号 / Line number */
  lineNumber: Scalars['Int']['output'];
  /** 收款人姓名 / Payee name */
  payeeName?: Maybe<Scalars['String']['output']>;
  /** 收款人（受益人或其代领人）/ Payee: the beneficiary or their proxy */
  payeePersonId: Scalars['ID']['output'];
  period: Scalars['String']['output'];
  /** 受益人 / Beneficiary */
  personId: Scalars['ID']['output'];
  /** 受益人姓名 / Beneficiary name */
  personName?: Maybe<Scalars['String']['output']>;
  programId: Scalars['ID']['output'];
  /** 代领人登记 / The proxy registration, if a proxy is paid */
  proxyId?: Maybe<Scalars['ID']['output']>;
  /** 受益人所在区划 / The beneficiary’s region */
  region?: Maybe<Region>;
  /** 银行结果登记时间 / When the bank result was recorded */
  settledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: PaymentStatus;
};

export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  edges: Array<PaymentEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  cursor: Scalars['String']['output'];
  node: Payment;
};

/** 台账记录类型 / Kind of ledger entry */
export type PaymentEntry =
  /** 发放 / Payment of the confirmed roll */
  | 'PAYMENT'
  /** 补发（替代失败、退回或冲正的付款）/ Reissue of a failed, returned or reversed payment */
  | 'REISSUE'
  /** 冲正（负数，撤销已支付的付款）/ Reversal (negative) of a paid payment */
  | 'REVERSAL';

export type PaymentFilter = {
  entry?: InputMaybe<PaymentEntry>;
  status?: InputMaybe<PaymentStatus>;
};

/** 一次发放覆盖的期间 / What one payment covers */
export type PaymentPeriod =
  /** 月 / A month */
  | 'MONTH'
  /** 年 / A year */
  | 'YEAR';

/** 付款状态 / State of a payment */
export type PaymentStatus =
  /** 已入账（冲正记录）/ Booked (a reversal entry) */
  | 'BOOKED'
  /** 已交银行 / Sent to the bank */
  | 'EXPORTED'
  /** 失败 / Failed */
  | 'FAILED'
  /** 已支付 / Paid */
  | 'PAID'
  /** 待导出 / Planned */
  | 'PLANNED'
  /** 退回 / Returned */
  | 'RETURNED'
  /** 已冲正 / Paid, then reversed */
  | 'REVERSED';

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

/** 收款账户（账号脱敏）/ The account a person is paid into (number masked) */
export type PersonAccount = {
  __typename?: 'PersonAccount';
  /** 账号，仅显示前四位和后四位 / Account number, first and last four digits only */
  accountNumberMasked: Scalars['String']['output'];
  /** 开户行 / Bank */
  bank: Scalars['String']['output'];
  personId: Scalars['ID']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};

/** 收款账户 / A person account */
export type PersonAccountInput = {
  /** 账号，12–30 位数字，可用空格分组 / Account number, 12–30 digits, spaces between groups allowed */
  accountNumber: Scalars['String']['input'];
  /** 开户行，2–60 字 / Bank, 2–60 characters */
  bank: Scalars['String']['input'];
  /** 修改已有账户时必填：其当前版本号 / When changing an existing account: its current version */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  personId: Scalars['ID']['input'];
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

/** 扶助项目 / Benefit program */
export type Program = {
  __typename?: 'Program';
  amountUnit: AmountUnit;
  /** 项目编码 / Program code */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  eligibility: EligibilityRules;
  fundingTier: FundingTier;
  id: Scalars['ID']['output'];
  kind: ProgramKind;
  /** 单笔发放上限；单位为分，十进制数字串，如 "200000" 即 2,000 元 / Largest single payment; in fen (1/100 yuan) as a string of decimal digits, e.g. "200000" is 2,000 yuan */
  maxAmountFen: Scalars['String']['output'];
  /** 单笔发放下限；单位为分，十进制数字串，如 "60000" 即 600 元 / Smallest single payment; in fen (1/100 yuan) as a string of decimal digits, e.g. "60000" is 600 yuan */
  minAmountFen: Scalars['String']['output'];
  name: Scalars['String']['output'];
  noticeDayKind: NoticeDayKind;
  /** 公示天数 / Days of public notice */
  noticeDays: Scalars['Int']['output'];
  /** 默认受理异议的单位 / Office that takes objections, by default */
  objectionOffice: Scalars['String']['output'];
  /** 默认受理异议的电话 / Phone that takes objections, by default */
  objectionPhone: Scalars['String']['output'];
  paymentPeriod: PaymentPeriod;
  /** 设立项目的县 / The county that runs it */
  region?: Maybe<Region>;
  requiredEvidence: RequiredEvidence;
  /** 涉及敏感家庭（特别扶助）：村级不可见，须由乡镇申报 / Sensitive (special assistance): hidden from villages, submitted by the township */
  sensitive: Scalars['Boolean']['output'];
  /** 依据文件 / Source document */
  sourceDocument: Scalars['String']['output'];
  /** 某日适用的标准；空为当日无标准 / The standard in force on a day; empty when there is none */
  standardOn?: Maybe<ProgramStandard>;
  /** 历年标准，按档次、起始日期排列 / Standards over the years, by variant and start date */
  standards: Array<ProgramStandard>;
  /** 标准档次 / Variants a standard may differ by */
  variants: Array<Scalars['String']['output']>;
  /** 乐观锁版本号 / Version for optimistic locking */
  version: Scalars['Int']['output'];
};


/** 扶助项目 / Benefit program */
export type ProgramStandardOnArgs = {
  date: Scalars['String']['input'];
  variant?: InputMaybe<Scalars['String']['input']>;
};

/** 扶助项目类型 / Kind of benefit program */
export type ProgramKind =
  /** 关怀抚慰金 / Care and comfort payment */
  | 'CARE_PAYMENT'
  /** 救助金 / Emergency aid */
  | 'EMERGENCY_AID'
  /** 独生子女父母奖励 / Only-child parents' reward */
  | 'ONLY_CHILD_PARENT_REWARD'
  /** 农村部分计划生育家庭奖励扶助 / Rural family-planning reward assistance */
  | 'REWARD_ASSISTANCE'
  /** 计划生育家庭特别扶助（独生子女死亡或伤残） / Special assistance (only child died or disabled) */
  | 'SPECIAL_ASSISTANCE'
  /** 助学金 / Study grant */
  | 'STUDY_GRANT';

/** 补助标准：某一档次在一段时间内的金额 / A standard: the amount of one variant over a period */
export type ProgramStandard = {
  __typename?: 'ProgramStandard';
  /** 金额（按项目计量单位）；单位为分，十进制数字串，如 "72000" 即 720 元 / Amount, per the program's amount unit; in fen (1/100 yuan) as a string of decimal digits, e.g. "72000" is 720 yuan */
  amountFen: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** 起始日期（含）YYYY-MM-DD / In force from (inclusive) */
  effectiveFrom: Scalars['String']['output'];
  /** 停止适用的第一天（不含）；空为现行 / First day it no longer applies; empty while in force */
  effectiveUntil?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  programId: Scalars['ID']['output'];
  /** 依据文件 / Source document */
  sourceDocument: Scalars['String']['output'];
  /** 档次，如 DEFAULT、DIED_RURAL / Variant, e.g. DEFAULT, DIED_RURAL */
  variant: Scalars['String']['output'];
};

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
  /** 校验整条审计链（县级管理员、审计监督员）/ Check the whole audit chain (county admins and auditors) */
  auditChainVerification: AuditChainVerification;
  /** 管辖范围内的审计记录，最新在前 / Audit events in your jurisdiction, newest first */
  auditEvents: AuditEventConnection;
  /** 一次表彰 / One commendation round */
  awardRound: AwardRound;
  /** 表彰列表，按发文日期倒序 / Commendation rounds, latest issued first */
  awardRounds: AwardRoundConnection;
  /** 数据质量报告（默认本人辖区）/ Data-quality report (default: your own region) */
  dataQualityReport: DataQualityReport;
  /** 一个发放批次 / One disbursement batch */
  disbursementBatch: DisbursementBatch;
  /** 发放批次，最新在前（含上级区划的批次）/ Disbursement batches, latest first (those above you included) */
  disbursementBatches: DisbursementBatchConnection;
  disclosure: Disclosure;
  /** 公开事项的发布历史（新的在前），含差异 / Releases of a disclosure, newest first, with diffs */
  disclosureReleases: Array<DisclosureRelease>;
  /** 公开事项 / Disclosures in your jurisdiction */
  disclosures: Array<Disclosure>;
  /** 疑似重复登记，县级核查（其他辖区为空）/ Suspected duplicates for county review (empty for other scopes) */
  duplicateFlags: DuplicateFlagConnection;
  /** 一条对象申报 / One enrollment */
  enrollment: Enrollment;
  /** 对象申报列表，最近申报的在前 / Enrollments, latest submission first */
  enrollments: EnrollmentConnection;
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
  /** 一次公示 / One public notice */
  notice: Notice;
  /** 公示列表，最近开始的在前 / Notices, latest start first */
  notices: NoticeConnection;
  /** 代领人登记，最新在前 / Payee proxies, latest first */
  payeeProxies: PayeeProxyConnection;
  /** 一个人员 / One person */
  person: Person;
  /** 人员的收款账户（脱敏），未登记为空 / A person’s account (masked); empty when none */
  personAccount?: Maybe<PersonAccount>;
  /** 完整身份证号（仅本辖区录入人员可查，查看记入审计日志）/ The full ID number (writers in scope; each read is audited) */
  personResidentId: Scalars['String']['output'];
  /** 人员列表 / Persons in your jurisdiction */
  persons: PersonConnection;
  /** 政策文件列表 / Policies, newest first by default */
  policies: PolicyConnection;
  /** 一份政策文件 / One policy */
  policy: Policy;
  /** 正文预览：与门户网站相同的渲染，原始 HTML 按文字显示 / Body preview: rendered as the portal renders it, raw HTML shown as text */
  policyPreview: Scalars['String']['output'];
  /** 试运行公开事项：只读、回滚、不保存，返回去标识化数据集及与上次发布的差异 / Dry-run a disclosure: read-only, rolled back */
  previewDisclosure: DisclosurePreview;
  /** 一个扶助项目 / One benefit program */
  program: Program;
  /** 本县的扶助项目 / The benefit programs of your county */
  programs: Array<Program>;
  /** 一个项目 / One project */
  project: Project;
  /** 项目列表，默认按开始日期倒序 / Projects, latest start first */
  projects: ProjectConnection;
  /** 批次对账，整批及分乡镇（您可见的明细）/ A batch’s reconciliation, whole and per township (the lines you may see) */
  reconciliation: DisbursementReconciliation;
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


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAwardRoundArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAwardRoundsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AwardRoundFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDataQualityReportArgs = {
  quarter?: InputMaybe<Scalars['String']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDisbursementBatchArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDisbursementBatchesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DisbursementBatchFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDisclosureArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDisclosureReleasesArgs = {
  disclosureId: Scalars['ID']['input'];
  limit?: Scalars['Int']['input'];
};


export type QueryDuplicateFlagsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<DuplicateFlagStatus>;
};


export type QueryEnrollmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEnrollmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EnrollmentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
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


export type QueryNoticeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNoticesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NoticeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPayeeProxiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PayeeProxyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonAccountArgs = {
  personId: Scalars['ID']['input'];
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


export type QueryPolicyPreviewArgs = {
  bodyMarkdown: Scalars['String']['input'];
};


export type QueryPreviewDisclosureArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProgramArgs = {
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


export type QueryReconciliationArgs = {
  batchId: Scalars['ID']['input'];
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

/** 对账：计划 = 已支付 + 失败 + 退回，精确到分 / Reconciliation: planned = paid + failed + returned, to the fen */
export type Reconciliation = {
  __typename?: 'Reconciliation';
  /** 计划 = 已支付 + 失败 + 退回，且无未结 / planned = paid + failed + returned, nothing outstanding */
  balanced: Scalars['Boolean']['output'];
  failedCount: Scalars['Int']['output'];
  /** 失败金额；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Failed; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  failedFen: Scalars['String']['output'];
  /** 未结笔数（待导出或已交银行）/ Lines not settled yet */
  outstandingCount: Scalars['Int']['output'];
  /** 未结金额；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Not settled yet; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  outstandingFen: Scalars['String']['output'];
  /** 已支付笔数（含其后冲正的）/ Lines paid (including those reversed since) */
  paidCount: Scalars['Int']['output'];
  /** 已支付金额；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Paid; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  paidFen: Scalars['String']['output'];
  /** 计划笔数 / Lines planned */
  plannedCount: Scalars['Int']['output'];
  /** 计划金额；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Planned; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  plannedFen: Scalars['String']['output'];
  /** 乡镇代码（整批为空）/ Township code (empty for the whole batch) */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** 乡镇名称 / Township name */
  regionName?: Maybe<Scalars['String']['output']>;
  returnedCount: Scalars['Int']['output'];
  /** 退回金额；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Returned; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  returnedFen: Scalars['String']['output'];
  /** 本批次登记的冲正记录 / Reversal entries booked in this batch */
  reversalCount: Scalars['Int']['output'];
  /** 冲正记录金额（负数）；单位为分，十进制数字串，如 "-72000" 即 -720 元 / Reversal entries (negative); in fen (1/100 yuan) as a string of decimal digits, e.g. "-72000" is -720 yuan */
  reversalFen: Scalars['String']['output'];
  /** 已支付后被冲正的笔数 / Paid lines reversed since */
  reversedCount: Scalars['Int']['output'];
  /** 已冲正金额；单位为分，十进制数字串，如 "1250000" 即 12,500 元 / Paid, then reversed; in fen (1/100 yuan) as a string of decimal digits, e.g. "1250000" is 12,500 yuan */
  reversedFen: Scalars['String']['output'];
};

/** 登记一条异议 / Record an objection */
export type RecordObjectionInput = {
  channel: ObjectionChannel;
  /** 收到日期 YYYY-MM-DD，在公示期内且不晚于今天 / Received on, within the notice and not in the future */
  receivedOn: Scalars['String']['input'];
  /** 异议内容摘要，2–1000 字，仅内部可见 / What was said, 2–1000 characters, internal only */
  summary: Scalars['String']['input'];
  /** 公示名单上印出的异议编号 / The objection token printed on the public list */
  token: Scalars['String']['input'];
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

/** 各类申报须附的证明材料 / Evidence each kind of submission must carry */
export type RequiredEvidence = {
  __typename?: 'RequiredEvidence';
  /** 继续享受 / Continuing */
  continuing: Array<EvidenceKind>;
  /** 退出 / Exits */
  exited: Array<EvidenceKind>;
  /** 新增 / New entrants */
  new: Array<EvidenceKind>;
};

/** 各类申报须附的证明材料 / Evidence each kind of submission must carry */
export type RequiredEvidenceInput = {
  /** 继续享受 / Continuing */
  continuing?: InputMaybe<Array<EvidenceKind>>;
  /** 退出 / Exits */
  exited?: InputMaybe<Array<EvidenceKind>>;
  /** 新增 / New entrants */
  new?: InputMaybe<Array<EvidenceKind>>;
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

/** 决定适用标准档次的事实 / A fact that picks the standard’s variant */
export type VariantFact =
  /** 城镇或农村（URBAN / RURAL）/ Urban or rural */
  | 'REGION_KIND'
  /** 死亡或伤残（DIED / DISABLED）/ Only child died or disabled */
  | 'SENSITIVE_STATUS';

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

/** 户籍所在村（居）的类型 / Kind of village of registration */
export type VillageKind =
  /** 社区（城镇）/ Community (urban) */
  | 'COMMUNITY'
  /** 村（农村）/ Village (rural) */
  | 'VILLAGE';
