// The fixed texts of the demo policy notices. They are written for this project (not taken from any real
// document) about a fictional county; the figures are illustrative and are not a statement of the law.
// Only the county and town names and the dates are filled in when the demo is generated.

export type DemoPolicyCategory =
  | 'ASSISTANCE'
  | 'ASSOCIATION_WORK'
  | 'HEALTH_SERVICE'
  | 'PUBLICITY'
  | 'NOTICE';
export type DemoPolicyStatus = 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
export type DemoPolicyIssuer = 'ASSOCIATION' | 'HEALTH_BUREAU' | 'GOVERNMENT_OFFICE' | 'TOWN_ASSOCIATION';

export interface DemoPolicyContext {
  /** 青山县 */
  county: string;
  /** The issuing town, for notices a town's association issues. */
  town: string;
  year: number;
  /** 2024年5月10日 */
  dateText: string;
  issuingBody: string;
}

export interface DemoPolicyText {
  year: number;
  /** The months the notice may be dated in. */
  months: readonly [number, number];
  /** MM-DD: a notice about a dated event (5·29, 7·11) or with a deadline goes out before it. */
  latest?: string;
  issuer: DemoPolicyIssuer;
  category: DemoPolicyCategory;
  status: DemoPolicyStatus;
  /** Whether the notice names a date from which it applies, and until when. */
  effective: 'ISSUE_DATE' | 'NONE';
  expiry: 'YEAR_END' | 'NONE';
  title: (c: DemoPolicyContext) => string;
  body: (c: DemoPolicyContext) => string;
  attachments: readonly { fileName: string; mediaType: string }[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

const signature = (c: DemoPolicyContext): string => `${c.issuingBody}\n\n${c.dateText}`;

export const DEMO_POLICY_TEXTS: readonly DemoPolicyText[] = [
  {
    year: 2019,
    months: [2, 3],
    issuer: 'ASSOCIATION',
    category: 'ASSOCIATION_WORK',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: (c) => `关于印发《${c.county}2019年计划生育协会工作要点》的通知`,
    body: (c) => `各乡镇（街道）计生协，县直各有关单位协会：

现将《${c.county}2019年计划生育协会工作要点》印发给你们，请结合本地实际抓好落实。

## 一、总体思路

今年全县协会工作以服务计生家庭为中心，以基层协会规范化建设为抓手，做到组织有活力、服务有内容、群众得实惠。

## 二、重点任务

1. **夯实基层组织。** 村（社区）协会按期召开会员代表会议，会员小组覆盖所有村民小组。
2. **做实帮扶结对。** 每名理事联系不少于三户计生家庭，走访情况按季度登记。
3. **办好品牌活动。** 围绕"5·29"会员活动日和"7·11"世界人口日组织集中宣传服务。
4. **推进会员之家建设。** 年内新建示范会员之家不少于五个。

## 三、工作要求

各乡镇（街道）计生协要于3月底前报送本地工作计划，年底前报送工作总结。县计生协将把落实情况纳入年度目标责任考核。

${signature(c)}`,
    attachments: [{ fileName: '2019年度目标责任考核细则.docx', mediaType: DOCX }],
  },
  {
    year: 2019,
    months: [3, 4],
    issuer: 'HEALTH_BUREAU',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于做好2019年度农村部分计划生育家庭奖励扶助对象确认工作的通知',
    body: (c) => `各乡镇人民政府、街道办事处：

为把奖励扶助政策落到实处，现就2019年度农村部分计划生育家庭奖励扶助对象确认工作通知如下。

## 一、确认范围

本县农业户籍、只生育一个子女或两个女孩、年满60周岁的夫妻，符合条件的按规定纳入奖励扶助范围。

## 二、工作程序

1. 本人申请，村（社区）初审并在村务公开栏公示七天；
2. 乡镇（街道）审核，复核证明材料；
3. 县卫生健康局审批，确认名单在县政府网站公示。

证明材料不全的一律退回补正，不得先行上报。

## 三、时间安排

各乡镇（街道）于5月20日前完成审核并报送汇总表。新增、继续享受和退出对象分别列表，退出对象注明原因。

${signature(c)}`,
    attachments: [
      { fileName: '附件1 奖励扶助对象申报表.docx', mediaType: DOCX },
      { fileName: '附件2 乡镇审核汇总表.xlsx', mediaType: XLSX },
    ],
  },
  {
    year: 2019,
    months: [5, 5],
    latest: '05-20',
    issuer: 'ASSOCIATION',
    category: 'PUBLICITY',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: () => '关于开展2019年"5·29"会员活动日系列活动的通知',
    body: (c) => `各乡镇（街道）计生协：

5月29日是中国计划生育协会成立纪念日，也是全体会员的活动日。今年的活动以"服务家庭、关爱会员"为主题。

## 活动内容

- 在乡镇集市设立咨询台，发放优生优育和家庭保健资料；
- 组织理事、会员走访结对帮扶户，了解生产生活困难；
- 邀请县级医院医生开展义诊，重点为中老年群众测量血压、血糖；
- 评选本乡镇"优秀会员"并在活动中表彰。

## 有关要求

活动结束后一周内，各地将参与人数、发放宣传品数量、义诊人次等情况报县计生协，并附活动照片两至三张。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2019,
    months: [9, 10],
    issuer: 'ASSOCIATION',
    category: 'HEALTH_SERVICE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于开展青春健康教育进校园活动的通知',
    body: (c) => `各乡镇（街道）计生协，县内各中学：

为帮助青少年掌握青春期健康知识，县计生协决定在全县中学开展青春健康教育进校园活动。

## 一、活动对象

全县初中、高中在校学生及其家长。

## 二、主要形式

1. 由经过培训的主持人开设青春健康课程，每校每学期不少于两次；
2. 举办家长沙龙，帮助家长学会与孩子沟通；
3. 在校园设立心理咨询信箱，由专业人员定期答复。

## 三、保障措施

县计生协负责主持人培训和教材配送，各校确定一名联络员。活动中不得收集学生个人敏感信息。

${signature(c)}`,
    attachments: [{ fileName: '青春健康课程安排表.xlsx', mediaType: XLSX }],
  },
  {
    year: 2020,
    months: [1, 2],
    issuer: 'HEALTH_BUREAU',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于进一步做好计划生育特别扶助工作的通知',
    body: (c) => `各乡镇人民政府、街道办事处：

计划生育特别扶助面向独生子女死亡或伤残的家庭，是党和政府的一项关怀措施。为进一步做好这项工作，通知如下。

## 一、扶助标准

按照国家和省有关规定执行：独生子女死亡家庭、伤残家庭的夫妻，分别按月发放特别扶助金，农村标准每人每月不低于170元和150元。县财政另行安排关怀资金，用于节日慰问和住院护理补贴。

## 二、信息保护

特别扶助对象信息属于敏感信息：

- 公示时只公布人数和资金总额，不公布姓名、住址和家庭情况；
- 纸质档案专柜保管，电子数据限定专人查阅；
- 严禁在工作群、朋友圈转发对象名单。

## 三、联系人制度

每户特别扶助家庭确定一名村干部和一名计生协会员作为联系人，逢年过节上门看望，日常保持联系。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2020,
    months: [4, 5],
    issuer: 'ASSOCIATION',
    category: 'ASSOCIATION_WORK',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于开展"会员之家"建设评估工作的通知',
    body: (c) => `各乡镇（街道）计生协：

为推动会员之家从"有牌子"向"有活动"转变，县计生协决定对全县会员之家开展一次评估。

## 一、评估标准（"五有"）

1. 有固定活动场所；
2. 有管理制度并上墙；
3. 有志愿者服务队伍；
4. 有必要的活动设施；
5. 有年度计划和活动记录。

五项标准实行一票否决，任何一项不达标即评为不合格。

## 二、评估方式

乡镇自评、县级抽查相结合。不合格的，限期三个月整改，整改后重新评估。

${signature(c)}`,
    attachments: [{ fileName: '会员之家评估表.docx', mediaType: DOCX }],
  },
  {
    year: 2020,
    months: [6, 7],
    latest: '07-08',
    issuer: 'ASSOCIATION',
    category: 'PUBLICITY',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: () => '关于组织开展2020年"7·11"世界人口日宣传活动的通知',
    body: (c) => `各乡镇（街道）计生协：

7月11日是世界人口日。今年宣传活动围绕家庭健康和人口长期均衡发展展开。

## 宣传重点

- 宣传优化生育的政策措施和各项惠民政策；
- 宣传婴幼儿照护、妇女儿童健康等科学知识；
- 宣传计生家庭奖励扶助政策的申请办法。

## 活动形式

可采取广场宣传、入户发放资料、村广播、微信公众号推送等方式。人员集中的活动须提前做好安全预案。

请各地于7月20日前报送活动小结。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2020,
    months: [9, 11],
    issuer: 'GOVERNMENT_OFFICE',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: (c) => `关于印发《${c.county}独生子女父母奖励实施办法》的通知`,
    body: (c) => `各乡镇人民政府、街道办事处，县政府各部门：

《${c.county}独生子女父母奖励实施办法》已经县政府同意，现印发给你们，请认真贯彻执行。

## 一、奖励对象

持有独生子女父母光荣证、户籍在本县的夫妻。

## 二、奖励方式

1. 企业职工退休时，按规定发放一次性奖励；
2. 农村居民年满60周岁后，按年发放奖励金；
3. 奖励金由乡镇（街道）审核、县级审批后直接发放到本人账户。

## 三、监督管理

奖励金只能发放给本人或经登记的代领人。对冒领、重复领取的，追回资金并依法处理。

${signature(c)}`,
    attachments: [{ fileName: `独生子女父母奖励实施办法.pdf`, mediaType: PDF }],
  },
  {
    year: 2021,
    months: [3, 4],
    issuer: 'ASSOCIATION',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于实施2021年度"幸福工程"项目的通知',
    body: (c) => `各乡镇（街道）计生协：

"幸福工程"以帮助困难母亲发展生产、改善家庭生活为目的。今年县计生协继续实施小额帮扶项目。

## 一、帮扶对象

家庭收入偏低、有劳动能力和发展意愿的计生家庭母亲。

## 二、帮扶方式

- 提供小额周转资金，用于种植、养殖或家庭手工业；
- 组织农业技术人员上门指导；
- 安排会员结对，帮助对接销路。

## 三、管理要求

项目实行台账管理，记录帮扶户数、资金使用和收入变化情况。周转资金到期按时收回，滚动使用。

${signature(c)}`,
    attachments: [{ fileName: '幸福工程项目申请表.docx', mediaType: DOCX }],
  },
  {
    year: 2021,
    months: [3, 5],
    issuer: 'HEALTH_BUREAU',
    category: 'HEALTH_SERVICE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于开展2021年度妇女健康检查工作的通知',
    body: (c) => `各乡镇卫生院，各乡镇（街道）计生协：

为提高妇女健康水平，今年继续为全县农村妇女提供免费健康检查。

## 一、检查项目

常规妇科检查、乳腺检查和宫颈筛查，检查结果由医生当面解释。

## 二、组织方式

1. 以乡镇为单位分批进行，村计生协负责通知和组织；
2. 行动不便的，由卫生院安排上门服务；
3. 发现异常的，及时转诊并跟踪随访。

## 三、隐私保护

检查结果只告知本人，不在村务公开栏公布，汇总统计只报人数。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2021,
    months: [6, 8],
    issuer: 'ASSOCIATION',
    category: 'ASSOCIATION_WORK',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于做好村（社区）计生协会换届工作的通知',
    body: (c) => `各乡镇（街道）计生协：

村（社区）计生协会本届任期届满，县计生协决定统一组织换届。

## 一、人选条件

会长一般由村（社区）主要负责人兼任；秘书长由熟悉计生工作、群众信任的同志担任；理事会中妇女理事应占一定比例。

## 二、程序

1. 召开会员代表会议，选举产生新一届理事会；
2. 理事会选举会长、副会长和秘书长；
3. 结果报乡镇（街道）计生协备案。

## 三、时间

换届工作于11月底前完成。换届后及时更新会员名册和会员小组长名单。

${signature(c)}`,
    attachments: [{ fileName: '换届情况统计表.xlsx', mediaType: XLSX }],
  },
  {
    year: 2021,
    months: [5, 5],
    latest: '05-25',
    issuer: 'TOWN_ASSOCIATION',
    category: 'PUBLICITY',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: (c) => `关于在${c.town}集市举办"5·29"会员活动日宣传服务的通知`,
    body: (c) => `各村（社区）计生协：

为庆祝"5·29"会员活动日，镇计生协定于本月集市日在镇中心广场举办宣传服务活动。

## 活动安排

- 上午八点各村咨询台布置到位；
- 镇卫生院安排医生现场义诊；
- 各村带好宣传资料，现场答复群众政策咨询。

## 人员要求

每村至少安排两名理事或会员志愿者参加，活动结束后清理场地。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2022,
    months: [1, 1],
    issuer: 'ASSOCIATION',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于开展计生特殊家庭春节走访慰问的通知',
    body: (c) => `各乡镇（街道）计生协：

春节将至，为让计生特殊家庭感受到组织的关心，县计生协决定开展走访慰问活动。

## 一、慰问对象

独生子女死亡或伤残的家庭，以及生活困难的计生家庭。

## 二、慰问方式

1. 乡镇（街道）计生协会同村干部上门看望，送去慰问金和慰问品；
2. 了解家庭成员的身体状况和实际困难，能解决的当场解决；
3. 走访时注意方式方法，尊重家庭意愿，不组织合影宣传。

## 三、资金管理

慰问金直接交本人并签收，签收单存档备查。

${signature(c)}`,
    attachments: [{ fileName: '慰问情况登记表.xlsx', mediaType: XLSX }],
  },
  {
    year: 2022,
    months: [6, 7],
    issuer: 'HEALTH_BUREAU',
    category: 'NOTICE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于规范奖励扶助和特别扶助资金公示工作的通知',
    body: (c) => `各乡镇人民政府、街道办事处：

为保障群众的知情权和监督权，同时保护扶助对象隐私，现就资金公示工作提出以下要求。

## 一、公示内容

- 奖励扶助：公示对象姓名（部分隐去）、所在村和发放金额；
- 特别扶助：只公示人数和资金总额，不公示个人信息；
- 公示期为七天，注明受理异议的单位和电话。

## 二、公示方式

在村务公开栏张贴，同时在"阳光计生"网页发布。身份证号、手机号、家庭住址一律不得公开。

## 三、异议处理

公示期间收到的异议，由乡镇（街道）在五个工作日内核实并答复，处理结果记录在案。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2022,
    months: [8, 9],
    issuer: 'ASSOCIATION',
    category: 'HEALTH_SERVICE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于推广青春健康家长课堂的通知',
    body: (c) => `各乡镇（街道）计生协：

在前期进校园活动的基础上，县计生协决定在全县推广青春健康家长课堂。

## 一、课程内容

家长课堂共四讲：认识青春期、亲子沟通、网络安全、情绪管理。

## 二、实施要求

1. 每个乡镇（街道）至少培养两名家长课堂主持人；
2. 每季度至少开课一次，每次不少于二十名家长参加；
3. 课后发放反馈表，了解家长需求，改进课程。

${signature(c)}`,
    attachments: [{ fileName: '家长课堂反馈表.docx', mediaType: DOCX }],
  },
  {
    year: 2022,
    months: [3, 4],
    issuer: 'TOWN_ASSOCIATION',
    category: 'ASSOCIATION_WORK',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于做好村级计生协会活动季度登记的通知',
    body: (c) => `各村（社区）计生协：

按照县计生协要求，每个村级协会每季度至少开展一次有记录的活动。为便于检查考核，现将登记要求通知如下。

## 登记内容

- 活动日期、地点和类型；
- 参加人数、发放宣传品数量；
- 义诊或健康检查人次（如有）。

## 报送时间

每季度结束后十日内报镇计生协。连续两个季度无活动记录的村，年度考核不得评为先进。

${signature(c)}`,
    attachments: [{ fileName: '村级协会活动登记表.xlsx', mediaType: XLSX }],
  },
  {
    year: 2023,
    months: [3, 4],
    issuer: 'HEALTH_BUREAU',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于做好2023年度奖励扶助资金发放工作的通知',
    body: (c) => `各乡镇人民政府、街道办事处：

2023年度奖励扶助对象已确认完毕，现就资金发放工作通知如下。

## 一、发放方式

资金通过银行直接发放到对象本人账户，不得由他人代领，确需代领的须事先登记代领人。

## 二、发放时间

年度资金于6月底前一次性发放到位。

## 三、对账要求

1. 发放批次结束后，核对计划发放数、成功发放数和失败数，三者必须一致；
2. 发放失败的，查明原因后补发，补发另行记账，不修改原记录；
3. 同一对象同一年度不得重复发放。

${signature(c)}`,
    attachments: [{ fileName: '资金发放对账表.xlsx', mediaType: XLSX }],
  },
  {
    year: 2023,
    months: [6, 7],
    latest: '07-08',
    issuer: 'ASSOCIATION',
    category: 'PUBLICITY',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: () => '关于开展2023年"7·11"世界人口日主题宣传的通知',
    body: (c) => `各乡镇（街道）计生协：

今年世界人口日，全县以"关注家庭健康、促进人口均衡"为主题开展宣传。

## 活动内容

1. 7月11日前后各乡镇（街道）至少组织一场集中宣传；
2. 村（社区）利用广播和微信群宣传生育支持政策；
3. 会员小组长入户走访，收集群众对计生服务的意见建议。

## 信息报送

请于7月25日前报送活动信息，包括参与人数、宣传品数量和典型做法。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2023,
    months: [8, 8],
    issuer: 'ASSOCIATION',
    category: 'ASSISTANCE',
    status: 'WITHDRAWN',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于开展2023年度计生家庭子女助学金申报工作的通知',
    body: (c) => `各乡镇（街道）计生协：

为帮助计生困难家庭子女完成学业，县计生协决定开展2023年度助学金申报工作。

## 一、资助对象

当年考入大专以上院校的计生困难家庭子女。

## 二、申报材料

- 申请表；
- 录取通知书复印件；
- 家庭困难情况说明。

## 三、申报时间

8月31日前由乡镇（街道）计生协汇总上报。

${signature(c)}`,
    attachments: [{ fileName: '助学金申请表.docx', mediaType: DOCX }],
  },
  {
    year: 2023,
    months: [9, 9],
    issuer: 'ASSOCIATION',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于开展2023年度计生家庭子女助学金申报工作的通知（修订）',
    body: (c) => `各乡镇（街道）计生协：

前发助学金申报通知中资助对象范围表述不完整，申报时间过紧，现修订后重新印发，原通知同时撤回。

## 一、资助对象

当年考入大专以上院校的下列学生：

- 计生困难家庭子女；
- 独生子女伤残家庭的子女；
- 双女户家庭中家庭经济困难的子女。

## 二、申报材料

1. 申请表；
2. 录取通知书复印件；
3. 村（社区）出具的家庭情况证明。

材料不全的不予受理，由乡镇（街道）一次性告知需要补充的内容。

## 三、申报时间

10月15日前由乡镇（街道）计生协汇总上报。名单经县计生协审核后，在申报人所在村公示七天。

${signature(c)}`,
    attachments: [{ fileName: '助学金申请表（修订）.docx', mediaType: DOCX }],
  },
  {
    year: 2023,
    months: [2, 3],
    issuer: 'ASSOCIATION',
    category: 'NOTICE',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: () => '关于表彰2022年度计生协会工作先进集体和先进个人的决定',
    body: (c) => `各乡镇（街道）计生协：

2022年，全县各级计生协会围绕中心、服务群众，涌现出一批工作扎实、成效明显的先进集体和先进个人。经乡镇推荐、县计生协审核并公示，决定予以表彰。

## 表彰名单

- 先进集体：计生协工作先进乡镇（街道）、先进村（社区）协会；
- 先进个人：优秀秘书长、优秀会员。

具体名单见附件。

## 希望

希望受表彰的集体和个人珍惜荣誉、再接再厉；全县各级协会要以先进为榜样，把服务计生家庭的工作做得更实更细。

${signature(c)}`,
    attachments: [{ fileName: '2022年度先进集体和先进个人名单.pdf', mediaType: PDF }],
  },
  {
    year: 2024,
    months: [2, 3],
    issuer: 'ASSOCIATION',
    category: 'ASSOCIATION_WORK',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: (c) => `关于印发《${c.county}2024年计划生育协会工作要点》的通知`,
    body: (c) => `各乡镇（街道）计生协：

现将《${c.county}2024年计划生育协会工作要点》印发给你们，请认真组织实施。

## 一、深化家庭健康服务

依托会员之家开展健康讲座和义诊，全年每个乡镇（街道）不少于四次。

## 二、做好计生特殊家庭帮扶

落实联系人制度，做到"三个全覆盖"：联系人全覆盖、家庭医生签约全覆盖、节日慰问全覆盖。

## 三、推进村务公开

扶助资金发放名单和表彰名单按规定公开，公开前隐去敏感信息，接受群众监督。

## 四、加强协会自身建设

- 会员名册每年核对一次，清理长期外出、重复登记的会员；
- 村级协会活动按季度登记；
- 秘书长每年至少参加一次县级培训。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2024,
    months: [4, 5],
    issuer: 'HEALTH_BUREAU',
    category: 'HEALTH_SERVICE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于开展生育关怀健康服务行动的通知',
    body: (c) => `各乡镇卫生院，各乡镇（街道）计生协：

为落实生育支持措施，今年在全县开展生育关怀健康服务行动。

## 一、服务内容

1. 为计划怀孕的夫妻提供免费孕前健康检查；
2. 为孕产妇提供健康管理和产后访视；
3. 为三岁以下婴幼儿家庭提供科学育儿指导。

## 二、计生协的任务

村计生协负责宣传动员，帮助行动不便的群众预约服务，并收集群众意见。

## 三、工作要求

服务过程中获得的个人健康信息只用于提供服务，不得用于其他用途。

${signature(c)}`,
    attachments: [{ fileName: '生育关怀服务流程图.pdf', mediaType: PDF }],
  },
  {
    year: 2024,
    months: [5, 5],
    latest: '05-20',
    issuer: 'ASSOCIATION',
    category: 'PUBLICITY',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: () => '关于开展2024年"5·29"会员活动日活动的通知',
    body: (c) => `各乡镇（街道）计生协：

今年"5·29"会员活动日以"会员之家·温暖万家"为主题。

## 活动内容

- 各会员之家开放一天，组织会员参观交流；
- 开展"会员进万家"走访，每名理事走访联系户不少于两户；
- 结合乡村集市开展健康咨询。

## 工作要求

活动情况请于6月10日前报送县计生协，包括活动次数、参与会员人数和走访户数。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2024,
    months: [1, 1],
    issuer: 'TOWN_ASSOCIATION',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: () => '关于开展计生困难家庭新春慰问的通知',
    body: (c) => `各村（社区）计生协：

为做好新春期间计生困难家庭的关怀工作，镇计生协决定开展慰问活动。

## 慰问安排

1. 各村于腊月二十日前核实困难家庭名单，报镇计生协；
2. 镇计生协会同村干部分组入户慰问；
3. 慰问金当面发放并签收。

## 注意事项

入户时尊重家庭意愿，不拍照、不宣传个人情况。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2025,
    months: [8, 9],
    issuer: 'HEALTH_BUREAU',
    category: 'ASSISTANCE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于做好育儿补贴政策宣传和申领服务的通知',
    body: (c) => `各乡镇人民政府、街道办事处：

国家育儿补贴制度已经实施，对三周岁以下婴幼儿按每孩每年3600元发放补贴。为让符合条件的家庭及时申领，现通知如下。

## 一、宣传到户

村（社区）计生协会员结合联系户走访，向有三岁以下婴幼儿的家庭讲解：

- 补贴对象和标准；
- 线上申领和到村窗口申领两种渠道；
- 信息填报有误时的更正办法。

## 二、帮办代办

对老年人照看孩子、不会使用手机申领的家庭，由村计生专干协助办理。

## 三、防范诈骗

提醒群众：申领育儿补贴不收取任何费用，不要向陌生人提供银行卡密码和验证码。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2025,
    months: [10, 11],
    issuer: 'ASSOCIATION',
    category: 'NOTICE',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'NONE',
    title: () => '关于启用"阳光村务"平台公开计生惠民信息的通知',
    body: (c) => `各乡镇（街道）计生协：

为方便群众查询、接受社会监督，县计生协启用"阳光村务"平台，公开政策文件、扶助资金发放情况和表彰名单。

## 一、公开内容

- 政策文件和工作通知；
- 奖励扶助等资金的发放人数和金额汇总；
- 公示期内的对象名单（姓名部分隐去）。

## 二、发布程序

公开事项由一名管理员起草，另一名有权限的管理员审核后发布。涉及人数过少、可能识别到具体家庭的统计数据，平台自动隐去。

## 三、群众监督

群众对公开内容有异议的，可在公示期内向乡镇（街道）计生协反映。

${signature(c)}`,
    attachments: [{ fileName: '平台操作手册.pdf', mediaType: PDF }],
  },
  {
    year: 2025,
    months: [4, 6],
    issuer: 'ASSOCIATION',
    category: 'ASSOCIATION_WORK',
    status: 'PUBLISHED',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于开展会员之家"五有"标准复评的通知',
    body: (c) => `各乡镇（街道）计生协：

2020年评估以来，部分会员之家出现活动减少、记录不全的情况。县计生协决定开展一次复评。

## 复评要求

1. 对照"五有"标准逐项核查，重点看活动记录是否真实完整；
2. 复评不合格的，取消示范会员之家称号，限期整改；
3. 整改期满后由县计生协组织重新认定。

## 时间安排

乡镇自查于7月底前完成，县级抽查于9月底前完成。

${signature(c)}`,
    attachments: [{ fileName: '会员之家复评表.docx', mediaType: DOCX }],
  },
  {
    year: 2025,
    months: [6, 7],
    latest: '07-08',
    issuer: 'TOWN_ASSOCIATION',
    category: 'PUBLICITY',
    status: 'PUBLISHED',
    effective: 'NONE',
    expiry: 'NONE',
    title: (c) => `关于${c.town}开展"7·11"世界人口日宣传活动的通知`,
    body: (c) => `各村（社区）计生协：

为做好今年世界人口日宣传，镇计生协安排如下。

## 活动安排

- 7月11日上午在镇文化广场设立宣传咨询点；
- 各村当周利用广播宣传育儿补贴等惠民政策；
- 组织会员志愿者为独居老人上门送资料。

## 报送要求

活动结束后三日内报送参与人数和宣传品发放数量。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2026,
    months: [2, 3],
    latest: '03-10',
    issuer: 'ASSOCIATION',
    category: 'ASSOCIATION_WORK',
    status: 'DRAFT',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: (c) => `关于印发《${c.county}2026年计划生育协会工作要点》的通知（征求意见稿）`,
    body: (c) => `各乡镇（街道）计生协：

《${c.county}2026年计划生育协会工作要点》（征求意见稿）已拟定，请提出修改意见。

## 一、主要任务（草案）

1. 巩固会员之家复评成果；
2. 推进扶助资金发放全流程线上办理和公开；
3. 扩大青春健康家长课堂覆盖面；
4. 做好计生特殊家庭帮扶"三个全覆盖"。

## 二、意见反馈

请于3月20日前将书面意见反馈县计生协办公室。

${signature(c)}`,
    attachments: [],
  },
  {
    year: 2026,
    months: [3, 4],
    issuer: 'HEALTH_BUREAU',
    category: 'ASSISTANCE',
    status: 'DRAFT',
    effective: 'ISSUE_DATE',
    expiry: 'YEAR_END',
    title: () => '关于做好2026年度奖励扶助和特别扶助对象确认工作的通知',
    body: (c) => `各乡镇人民政府、街道办事处：

现就2026年度奖励扶助和特别扶助对象确认工作通知如下。

## 一、确认程序

本人申请、村级初审并公示、乡镇审核、县级审批，各环节在"阳光村务"平台办理，证明材料上传留档。

## 二、重点核查

1. 同一人在两地重复登记的；
2. 多年外出、户籍已迁出仍在名册中的；
3. 子女信息与登记情况相互矛盾的。

核查发现的问题，由乡镇（街道）逐条说明处理结果。

## 三、时间安排

5月底前完成确认，6月上旬公示。

${signature(c)}`,
    attachments: [
      { fileName: '附件1 对象确认申请表.docx', mediaType: DOCX },
      { fileName: '附件2 确认名册模板.xlsx', mediaType: XLSX },
    ],
  },
];
