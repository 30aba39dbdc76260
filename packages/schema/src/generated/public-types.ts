export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** 计生协会活动统计：每个地区（县、乡镇、村）每年每类活动的次数及参与情况，含下级地区的协会 */
export type PublicActivityStatistic = {
  __typename?: 'PublicActivityStatistic';
  /** 活动次数 */
  activityCount: Scalars['Int']['output'];
  /** 义诊咨询人次 */
  consultations: Scalars['Int']['output'];
  /** 活动类型代码：MEMBER_DAY 会员活动日、POPULATION_DAY 世界人口日、HEALTH_SCREENING 妇女病普查、TRAINING 培训、HOME_VISIT 入户走访、MARKET_FAIR 集市宣传、OTHER 其他 */
  kind: Scalars['String']['output'];
  /** 活动类型名称 */
  kindLabel: Scalars['String']['output'];
  /** 发放宣传品份数 */
  leaflets: Scalars['Int']['output'];
  /** 上一级地区的区划代码；县为空 */
  parentCode?: Maybe<Scalars['String']['output']>;
  /** 参加活动人次（同一人参加多次按多次计） */
  participants: Scalars['Int']['output'];
  /** 妇女病普查受检人次 */
  peopleScreened: Scalars['Int']['output'];
  /** 统计的地区（含其下级地区） */
  region: PublicRegion;
  /** 活动年度 */
  year: Scalars['Int']['output'];
};

/** 计生协会统计：每个地区（县、乡镇、村）的协会个数、示范和先进协会个数、会员人数，含下级地区 */
export type PublicAssociationStatistic = {
  __typename?: 'PublicAssociationStatistic';
  /** 其中先进协会个数 */
  advancedCount: Scalars['Int']['output'];
  /** 计生协会个数（含企业、流动人口计生协会） */
  associationCount: Scalars['Int']['output'];
  /** 现有会员人数（同一人加入多个协会只计一次，计入最基层的协会所在地）；不予公开时为空 */
  memberCount?: Maybe<Scalars['Int']['output']>;
  /** 其中示范协会个数 */
  modelCount: Scalars['Int']['output'];
  /** 上一级地区的区划代码；县为空 */
  parentCode?: Maybe<Scalars['String']['output']>;
  /** 统计的地区（含其下级地区） */
  region: PublicRegion;
  /** 会员人数是否因保护个人隐私而不予公开 */
  suppressed: Scalars['Boolean']['output'];
  /** 会员人数不予公开的原因；已公开时为空 */
  suppressionReason?: Maybe<Scalars['String']['output']>;
};

/** 受表彰的集体或个人 */
export type PublicAwardRecipient = {
  __typename?: 'PublicAwardRecipient';
  /** 表彰类别代码：ADVANCED_UNIT 先进集体、ADVANCED_INDIVIDUAL 先进个人、EXCELLENT_MEMBER 优秀会员、EXCELLENT_VOLUNTEER 优秀志愿者 */
  category: Scalars['String']['output'];
  /** 表彰类别 */
  categoryLabel: Scalars['String']['output'];
  /** 表彰事迹（评语） */
  citation: Scalars['String']['output'];
  /** 受表彰记录编号（系统内唯一标识） */
  id: Scalars['ID']['output'];
  /** 姓名是否已部分隐去（未经本人同意公开全名的个人） */
  nameMasked: Scalars['Boolean']['output'];
  /** 奖金，单位为分（如 "50000" 即 500 元）；无奖金时为空 */
  prizeFen?: Maybe<Scalars['String']['output']>;
  /** 受表彰者：集体为协会名称；个人经本人书面同意公开的写全名，否则只显示姓和末字（如 张*娓、张*） */
  recipientName: Scalars['String']['output'];
  /** 受表彰者所在的村（社区）、乡镇或县 */
  region: PublicRegion;
  /** 所属表彰决定 */
  round: PublicAwardRound;
};

/** 表彰决定 */
export type PublicAwardRound = {
  __typename?: 'PublicAwardRound';
  /** 文号 */
  documentNumber: Scalars['String']['output'];
  /** 表彰决定编号（系统内唯一标识） */
  id: Scalars['ID']['output'];
  /** 发文日期（YYYY-MM-DD） */
  issuedOn: Scalars['String']['output'];
  /** 发文机关 */
  issuingBody: Scalars['String']['output'];
  /** 作出表彰的县或乡镇 */
  region: PublicRegion;
  /** 标题 */
  title: Scalars['String']['output'];
  /** 表彰年度 */
  year: Scalars['Int']['output'];
};

/** 扶助/奖励项目 */
export type PublicBenefitProgram = {
  __typename?: 'PublicBenefitProgram';
  /** 项目编码 */
  code: Scalars['String']['output'];
  /** 项目名称 */
  name: Scalars['String']['output'];
  /** 是否涉及家庭隐私（如计划生育家庭特别扶助）：是则只公布到乡镇一级，不公布村级数据 */
  sensitive: Scalars['Boolean']['output'];
};

/** 扶助资金发放汇总：每个地区（县、乡镇、村）每个项目每年实际发放到人的人数和金额。各项目分别统计，不提供跨项目的合计（同一人可能享受多个项目） */
export type PublicBenefitTotal = {
  __typename?: 'PublicBenefitTotal';
  /** 该年度已到账金额合计，已扣除追回（冲销）的款项，单位为分（如 "72000" 即 720 元）；人数不予公开时金额一并不公开，为空 */
  amountFen?: Maybe<Scalars['String']['output']>;
  /** 上一级地区的区划代码；县为空 */
  parentCode?: Maybe<Scalars['String']['output']>;
  /** 扶助/奖励项目 */
  program: PublicBenefitProgram;
  /** 该年度已实际到账的享受人数（同一人全年多次发放只计一次，按其最近一次到账时所在的村统计）；不予公开时为空 */
  recipientCount?: Maybe<Scalars['Int']['output']>;
  /** 统计的地区（县、乡镇或村；涉及家庭隐私的项目只到乡镇） */
  region: PublicRegion;
  /** 人数和金额是否因保护个人隐私而不予公开 */
  suppressed: Scalars['Boolean']['output'];
  /** 不予公开的原因；已公开时为空 */
  suppressionReason?: Maybe<Scalars['String']['output']>;
  /** 发放所属年度（按月发放的项目按全年合计） */
  year: Scalars['Int']['output'];
};

/** 被评估的计生协会 */
export type PublicEvaluatedAssociation = {
  __typename?: 'PublicEvaluatedAssociation';
  /** 协会代码 */
  code: Scalars['String']['output'];
  /** 协会名称 */
  name: Scalars['String']['output'];
};

/** 计生协会评估认定结果：逐项检查，一项不合格即为不合格，不合格的须限期整改并重新评估 */
export type PublicEvaluationResult = {
  __typename?: 'PublicEvaluationResult';
  /** 被评估的协会 */
  association: PublicEvaluatedAssociation;
  /** 评估日期（YYYY-MM-DD） */
  evaluatedOn: Scalars['String']['output'];
  /** 评估记录编号（系统内唯一标识） */
  id: Scalars['ID']['output'];
  /** 是否合格（所有检查项均合格才算合格） */
  passed: Scalars['Boolean']['output'];
  /** 是否为整改后的重新评估 */
  reEvaluation: Scalars['Boolean']['output'];
  /** 整改期限（YYYY-MM-DD）；合格的为空 */
  rectificationDeadline?: Maybe<Scalars['String']['output']>;
  /** 协会所在地区 */
  region: PublicRegion;
  /** 评估得分（0–100）；未打分为空 */
  score?: Maybe<Scalars['Int']['output']>;
};

/** 扶助对象公示（每个乡镇每个项目每年一期）及其人数、金额汇总 */
export type PublicNotice = {
  __typename?: 'PublicNotice';
  /** 按现行标准计算的年度扶助金额合计，单位为分（如 "96000" 即 960 元）；人数不予公开时金额一并不公开，为空 */
  amountFen?: Maybe<Scalars['String']['output']>;
  /** 公示截止日期（YYYY-MM-DD，含当天） */
  endsOn: Scalars['String']['output'];
  /** 公示编号（系统内唯一标识） */
  id: Scalars['ID']['output'];
  /** 公布或不公布名单的原因说明 */
  namesNote: Scalars['String']['output'];
  /** 本期是否公布对象名单（名单仅在公示期内及异议处理期间公布） */
  namesPublished: Scalars['Boolean']['output'];
  /** 受理异议的单位 */
  objectionOffice: Scalars['String']['output'];
  /** 受理异议的电话 */
  objectionPhone: Scalars['String']['output'];
  /** 扶助项目 */
  program: PublicNoticeProgram;
  /** 列入公示的享受对象人数（新增和继续享受，不含退出）；人数过少时不予公开，为空 */
  recipientCount?: Maybe<Scalars['Int']['output']>;
  /** 公示开始日期（YYYY-MM-DD） */
  startsOn: Scalars['String']['output'];
  /** 状态代码：UPCOMING 尚未开始、OPEN 公示中、CLOSED 公示期满待确认、CONFIRMED 名单已确认 */
  status: Scalars['String']['output'];
  /** 状态说明 */
  statusLabel: Scalars['String']['output'];
  /** 人数和金额是否因保护个人隐私而不予公开 */
  suppressed: Scalars['Boolean']['output'];
  /** 不予公开的原因；已公开时为空 */
  suppressionReason?: Maybe<Scalars['String']['output']>;
  /** 公示的乡镇（街道） */
  township: PublicRegion;
  /** 享受年度 */
  year: Scalars['Int']['output'];
};

/** 公示所属的扶助项目 */
export type PublicNoticeProgram = {
  __typename?: 'PublicNoticeProgram';
  /** 项目编码 */
  code: Scalars['String']['output'];
  /** 项目名称 */
  name: Scalars['String']['output'];
  /** 是否涉及家庭隐私（如计划生育家庭特别扶助）：是则只公布乡镇汇总，不公布名单和村级数据 */
  sensitive: Scalars['Boolean']['output'];
};

/** 公示期内的享受对象（姓名已部分隐去；公示及异议处理结束后不再公布） */
export type PublicNoticeRecipient = {
  __typename?: 'PublicNoticeRecipient';
  /** 按该年度适用标准计算的年度扶助金额，单位为分（如 "96000" 即 960 元）；标准未定时为空 */
  amountFen?: Maybe<Scalars['String']['output']>;
  /** 姓名（只显示姓和末字，如 张*娓、张*） */
  maskedName: Scalars['String']['output'];
  /** 公示期及异议受理方式 */
  notice: PublicNoticeRef;
  /** 扶助项目 */
  program: PublicNoticeProgram;
  /** 对象编码：对某一对象提出异议时请报此编码（不含任何个人信息） */
  token: Scalars['String']['output'];
  /** 所在乡镇（街道） */
  township: PublicRegion;
  /** 所在村（社区） */
  village: PublicRegion;
  /** 所在村民小组；未编入小组时为空 */
  villagerGroup?: Maybe<Scalars['String']['output']>;
  /** 享受年度 */
  year: Scalars['Int']['output'];
};

/** 对象所在的公示期及异议受理方式 */
export type PublicNoticeRef = {
  __typename?: 'PublicNoticeRef';
  /** 公示截止日期（YYYY-MM-DD，含当天） */
  endsOn: Scalars['String']['output'];
  /** 公示编号（系统内唯一标识） */
  id: Scalars['ID']['output'];
  /** 受理异议的单位 */
  objectionOffice: Scalars['String']['output'];
  /** 受理异议的电话 */
  objectionPhone: Scalars['String']['output'];
  /** 公示开始日期（YYYY-MM-DD） */
  startsOn: Scalars['String']['output'];
};

/** 已发布的政策文件 */
export type PublicPolicy = {
  __typename?: 'PublicPolicy';
  /** 附件列表 */
  attachments: Array<PublicPolicyAttachment>;
  /** 正文（Markdown 格式） */
  bodyMarkdown: Scalars['String']['output'];
  /** 类别代码 */
  category: Scalars['String']['output'];
  /** 类别名称 */
  categoryLabel: Scalars['String']['output'];
  /** 文号 */
  documentNumber: Scalars['String']['output'];
  /** 生效日期（YYYY-MM-DD），未填写则自发文之日起生效 */
  effectiveDate?: Maybe<Scalars['String']['output']>;
  /** 失效日期（YYYY-MM-DD），未填写则长期有效 */
  expiryDate?: Maybe<Scalars['String']['output']>;
  /** 文件编号（系统内唯一标识） */
  id: Scalars['ID']['output'];
  /** 发文日期（YYYY-MM-DD） */
  issueDate: Scalars['String']['output'];
  /** 发文机关 */
  issuingBody: Scalars['String']['output'];
  /** 发布时间（ISO 8601） */
  publishedAt: Scalars['String']['output'];
  /** 所属行政区划 */
  region: PublicRegion;
  /** 标题 */
  title: Scalars['String']['output'];
};

/** 附件信息（仅元数据） */
export type PublicPolicyAttachment = {
  __typename?: 'PublicPolicyAttachment';
  /** 附件大小（字节） */
  byteSize: Scalars['Int']['output'];
  /** 附件文件名 */
  fileName: Scalars['String']['output'];
  /** 附件类型（MIME） */
  mediaType: Scalars['String']['output'];
};

/** 扶助项目及其标准 */
export type PublicProgram = {
  __typename?: 'PublicProgram';
  /** 标准的计量单位代码：PER_PERSON_YEAR、PER_PERSON_MONTH、PER_EVENT */
  amountUnit: Scalars['String']['output'];
  /** 标准的计量单位：每人每年、每人每月、每次 */
  amountUnitLabel: Scalars['String']['output'];
  /** 项目编码 */
  code: Scalars['String']['output'];
  /** 资金层级代码：NATIONAL、PROVINCIAL、COUNTY、TOWNSHIP */
  fundingTier: Scalars['String']['output'];
  /** 资金层级：中央、省级、县级、乡镇 */
  fundingTierLabel: Scalars['String']['output'];
  /** 项目类型代码 */
  kind: Scalars['String']['output'];
  /** 项目类型 */
  kindLabel: Scalars['String']['output'];
  /** 项目名称 */
  name: Scalars['String']['output'];
  /** 对象名单的公示天数 */
  noticeDays: Scalars['Int']['output'];
  /** 默认受理异议的单位 */
  objectionOffice: Scalars['String']['output'];
  /** 默认受理异议的电话 */
  objectionPhone: Scalars['String']['output'];
  /** 是否涉及家庭隐私（如计划生育家庭特别扶助）：是则只公布乡镇汇总，不公布名单和村级数据 */
  sensitive: Scalars['Boolean']['output'];
  /** 政策依据文件 */
  sourceDocument: Scalars['String']['output'];
  /** 历年标准，按档次和起始日期排列 */
  standards: Array<PublicProgramStandard>;
};

/** 扶助标准：某一档次在一段时间内的金额 */
export type PublicProgramStandard = {
  __typename?: 'PublicProgramStandard';
  /** 标准金额，按项目的计量单位（每人每年、每人每月或每次），单位为分（如 "96000" 即 960 元） */
  amountFen: Scalars['String']['output'];
  /** 起始日期（YYYY-MM-DD，含当天） */
  effectiveFrom: Scalars['String']['output'];
  /** 停止适用的日期（YYYY-MM-DD，不含当天）；现行标准为空 */
  effectiveUntil?: Maybe<Scalars['String']['output']>;
  /** 档次代码，如 DEFAULT（统一标准）、DIED_RURAL */
  variant: Scalars['String']['output'];
  /** 档次说明，如 统一标准、独生子女死亡（农村） */
  variantLabel: Scalars['String']['output'];
};

/** 行政区划（公开） */
export type PublicRegion = {
  __typename?: 'PublicRegion';
  /** 12 位统计用区划代码 */
  code: Scalars['String']['output'];
  /** 层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 村（社区） */
  level: Scalars['String']['output'];
  /** 区划名称 */
  name: Scalars['String']['output'];
};

/** 行政区划目录中的一项（县、乡镇、村） */
export type PublicRegionEntry = {
  __typename?: 'PublicRegionEntry';
  /** 12 位统计用区划代码 */
  code: Scalars['String']['output'];
  /** 层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 村（社区） */
  level: Scalars['String']['output'];
  /** 区划名称 */
  name: Scalars['String']['output'];
  /** 上级区划代码；县为空 */
  parentCode?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** 各地区各年度计生协会活动次数、参加人次、宣传品和义诊咨询、普查受检人次（按活动类型） */
  activityStatistics: Array<PublicActivityStatistic>;
  /** 各地区计生协会个数、示范和先进协会个数、会员人数（会员人数过少的格子及可据以推算的格子不予公开） */
  associationStatistics: Array<PublicAssociationStatistic>;
  /** 某区划及其下级受表彰的集体和个人，按表彰决定从新到旧 */
  awardRecipients: Array<PublicAwardRecipient>;
  /** 各地区、各项目、各年度扶助资金实际发放的人数和金额（人数过少的格子及可据以推算的格子不予公开；涉及家庭隐私的项目只到乡镇） */
  benefitTotals: Array<PublicBenefitTotal>;
  /** 某地区及其下级计生协会的评估认定结果，按评估日期从新到旧 */
  evaluationResults: Array<PublicEvaluationResult>;
  /** 正在公示的扶助对象名单（姓名部分隐去）：只在公示期内及异议处理期间公布；特别扶助等涉及家庭隐私的项目从不公布名单 */
  noticeRecipients: Array<PublicNoticeRecipient>;
  /** 某区划及其下级已发布且未撤回的政策文件，按发文日期从新到旧 */
  policies: Array<PublicPolicy>;
  /** 扶助对象公示一览：每期公示的期限、异议受理方式、人数和金额汇总（人数过少的不予公开），以及是否公布名单 */
  publicNotices: Array<PublicNotice>;
  /** 适用于某区划的扶助项目（县级及以上设立的，和区划内设立的）及其历年标准 */
  publicPrograms: Array<PublicProgram>;
  /** 某区划及其下级的乡镇、村（社区）目录，不含村民小组；按区划代码排列 */
  publicRegions: Array<PublicRegionEntry>;
};


export type QueryActivityStatisticsArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryAssociationStatisticsArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryAwardRecipientsArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryBenefitTotalsArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryEvaluationResultsArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryNoticeRecipientsArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryPoliciesArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryPublicNoticesArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryPublicProgramsArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryPublicRegionsArgs = {
  regionCode: Scalars['String']['input'];
};
