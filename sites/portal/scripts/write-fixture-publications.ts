import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suppressSmallCells } from '@sunshine/deidentify';
import {
  type ApprovedQuery,
  approvedQuerySchema,
  type Column,
  type ColumnKind,
  type Dataset,
  datasetSchema,
  type Manifest,
  manifestSchema,
} from '@sunshine/disclosure/dataset';
import { datasetFile, MANIFEST_FILE, queryFile } from '@sunshine/disclosure/publication-files';

/**
 * A deterministic publication in the issue 5 contract's shapes (`/work/notes/issue5-contract.md`):
 * a county, its townships and villages, programs (one sensitive), open and ended public notices,
 * masked recipients, award rounds, suppressed cells with their plain-Chinese reasons and a release
 * history. The portal's tests and local previews build from it; the real files come from the API.
 * Everything here is invented: no name belongs to anyone, every name is already masked.
 */

export interface FixtureOptions {
  /** Townships in the county (≥ 3 gives the hand-named ones; more are generated). */
  townships?: number;
  villagesPerTownship?: number;
  /** The run date (China calendar): notices are placed around it. */
  asOf?: string;
}

export const FIXTURE_AS_OF = '2025-06-10';
export const FIXTURE_RUN_ID = 'run-20250610-0900';
export const FIXTURE_RUN_AT = '2025-06-10T01:00:00.000Z';
export const FIXTURE_PREVIOUS_RUN_ID = 'run-20250603-0900';
export const FIXTURE_PREVIOUS_RUN_AT = '2025-06-03T01:00:00.000Z';
export const FIXTURE_COUNTY = { code: '330199000000', name: '青山县', level: 'COUNTY' } as const;
/** The township with an open reward-assistance notice, and its first village. */
export const FIXTURE_OPEN_TOWNSHIP = { code: '330199101000', name: '青溪镇', level: 'TOWNSHIP' } as const;
export const FIXTURE_OPEN_VILLAGE = { code: '330199101201', name: '王家村', level: 'VILLAGE' } as const;
export const FIXTURE_OPEN_NOTICE_ID = 'notice-reward-2025-101';
export const FIXTURE_SENSITIVE_NOTICE_ID = 'notice-special-2025-101';
export const FIXTURE_ENDED_NOTICE_ID = 'notice-reward-2025-001';
export const FIXTURE_AWARD_ROUND_ID = 'award-2024-county';
export const FIXTURE_AUDIT_HEAD = {
  seq: '48213',
  sha256: createHash('sha256').update('fixture audit chain head').digest('hex'),
};

interface RegionRef {
  code: string;
  name: string;
  level: 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
}

interface FixtureRegion extends RegionRef {
  parentCode: string | null;
}

/** A small deterministic generator (mulberry32), so every run writes the same bytes. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number): boolean => next() < p,
    /**
     * Opaque tokens in letters only: a long run of digits in a random token can look like a mobile or
     * a Luhn-valid card number to the leak scan (real tokens need the same care).
     */
    letters: (length: number): string =>
      Array.from({ length }, () => 'abcdefghjkmnpqrstuvwxyz'[Math.floor(next() * 23)]).join(''),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const SURNAMES = [...'王李张刘陈杨黄吴周徐孙朱胡郑何叶方施潘蒋应楼俞钟'];
const LAST_CHARS = [...'明华英芳娟军伟强秀兰娓平霞梅林敏静丽红燕涛斌勇'];
const EXTRA_TOWNSHIP_STEMS = [...'松桂樟枫竹梅桃柳杏荷'];
const EXTRA_VILLAGE_STEMS = [...'东西南北上下前后新中'];
const GROUP_NAMES = ['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组', '第五村民小组'];

/** Only the masked form is ever generated: 张*娓 for three characters, 张* for two. */
function maskedName(rng: ReturnType<typeof random>): string {
  const surname = rng.pick(SURNAMES);
  return rng.chance(0.75) ? `${surname}*${rng.pick(LAST_CHARS)}` : `${surname}*`;
}

const NAMED_TOWNSHIPS: readonly { code3: string; name: string; villages: readonly [string, string][] }[] = [
  {
    code3: '001',
    name: '城东街道',
    villages: [
      ['001', '文昌社区'],
      ['002', '新华社区'],
      ['003', '春晖社区'],
      ['004', '望江社区'],
    ],
  },
  {
    code3: '101',
    name: '青溪镇',
    villages: [
      ['201', '王家村'],
      ['202', '石岭村'],
      ['203', '竹坑村'],
      ['204', '梅湾村'],
    ],
  },
  {
    code3: '201',
    name: '白岭乡',
    villages: [
      ['201', '李宅村'],
      ['202', '松坪村'],
      ['203', '桃源村'],
      ['204', '枫口村'],
    ],
  },
];

function buildRegions(townshipCount: number, villagesPerTownship: number): FixtureRegion[] {
  const county6 = FIXTURE_COUNTY.code.slice(0, 6);
  const regions: FixtureRegion[] = [{ ...FIXTURE_COUNTY, parentCode: null }];
  for (let t = 0; t < townshipCount; t++) {
    const named = NAMED_TOWNSHIPS[t];
    const code3 = named?.code3 ?? pad(210 + t, 3);
    const townshipCode = `${county6}${code3}000`;
    const townshipName =
      named?.name ?? `${EXTRA_TOWNSHIP_STEMS[t % EXTRA_TOWNSHIP_STEMS.length]}${t >= 10 ? t : ''}溪乡`;
    regions.push({
      code: townshipCode,
      name: townshipName,
      level: 'TOWNSHIP',
      parentCode: FIXTURE_COUNTY.code,
    });
    for (let v = 0; v < villagesPerTownship; v++) {
      const namedVillage = named?.villages[v];
      const villageCode = `${county6}${code3}${namedVillage?.[0] ?? pad(220 + v, 3)}`;
      const villageName =
        namedVillage?.[1] ??
        `${townshipName.slice(0, 1)}${EXTRA_VILLAGE_STEMS[v % EXTRA_VILLAGE_STEMS.length]}${v >= 10 ? v : ''}村`;
      regions.push({ code: villageCode, name: villageName, level: 'VILLAGE', parentCode: townshipCode });
    }
  }
  return regions;
}

const ref = (region: FixtureRegion): RegionRef => ({
  code: region.code,
  name: region.name,
  level: region.level,
});

interface ProgramFixture {
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  fundingTier: string;
  sensitive: boolean;
  amountUnit: string;
  amountUnitLabel: string;
  sourceDocument: string;
  noticeDays: number;
  objectionOffice: string;
  objectionPhone: string;
  standards: {
    variant: string;
    variantLabel: string;
    effectiveFrom: string;
    effectiveUntil: string | null;
    amountFen: string;
  }[];
}

const OFFICE = '青山县卫生健康局';
// Office landlines in the 0571 area, never mobiles (the leak scan fails any mobile number).
const COUNTY_PHONE = '0571-56120358';

const PROGRAMS: readonly ProgramFixture[] = [
  {
    code: 'REWARD-NATIONAL',
    name: '农村部分计划生育家庭奖励扶助',
    kind: 'REWARD_ASSISTANCE',
    kindLabel: '奖励扶助',
    fundingTier: 'NATIONAL',
    sensitive: false,
    amountUnit: 'PER_PERSON_YEAR',
    amountUnitLabel: '每人每年',
    sourceDocument: '国办发〔2004〕21号《农村部分计划生育家庭奖励扶助制度试点方案》',
    noticeDays: 7,
    objectionOffice: OFFICE,
    objectionPhone: COUNTY_PHONE,
    standards: [
      {
        variant: 'DEFAULT',
        variantLabel: '标准',
        effectiveFrom: '2004-01-01',
        effectiveUntil: '2009-01-01',
        amountFen: '60000',
      },
      {
        variant: 'DEFAULT',
        variantLabel: '标准',
        effectiveFrom: '2009-01-01',
        effectiveUntil: '2012-01-01',
        amountFen: '72000',
      },
      {
        variant: 'DEFAULT',
        variantLabel: '标准',
        effectiveFrom: '2012-01-01',
        effectiveUntil: null,
        amountFen: '96000',
      },
    ],
  },
  {
    code: 'ONLY-CHILD-REWARD',
    name: '独生子女父母奖励',
    kind: 'ONLY_CHILD_PARENT_REWARD',
    kindLabel: '独生子女父母奖励',
    fundingTier: 'COUNTY',
    sensitive: false,
    amountUnit: 'PER_PERSON_YEAR',
    amountUnitLabel: '每人每年',
    sourceDocument: '青政办发〔2015〕18号（示例）',
    noticeDays: 7,
    objectionOffice: OFFICE,
    objectionPhone: COUNTY_PHONE,
    standards: [
      {
        variant: 'DEFAULT',
        variantLabel: '标准',
        effectiveFrom: '2015-01-01',
        effectiveUntil: '2021-01-01',
        amountFen: '12000',
      },
      {
        variant: 'DEFAULT',
        variantLabel: '标准',
        effectiveFrom: '2021-01-01',
        effectiveUntil: null,
        amountFen: '24000',
      },
    ],
  },
  {
    code: 'STUDY-GRANT',
    name: '计生家庭子女助学金',
    kind: 'STUDY_GRANT',
    kindLabel: '助学金',
    fundingTier: 'COUNTY',
    sensitive: false,
    amountUnit: 'PER_EVENT',
    amountUnitLabel: '每人每次',
    sourceDocument: '青计协〔2019〕7号（示例）',
    noticeDays: 5,
    objectionOffice: '青山县计划生育协会',
    objectionPhone: '0571-56120417',
    standards: [
      {
        variant: 'DEFAULT',
        variantLabel: '标准',
        effectiveFrom: '2019-09-01',
        effectiveUntil: null,
        amountFen: '100000',
      },
    ],
  },
  {
    code: 'SPECIAL-ASSISTANCE',
    name: '计划生育家庭特别扶助',
    kind: 'SPECIAL_ASSISTANCE',
    kindLabel: '特别扶助',
    fundingTier: 'NATIONAL',
    sensitive: true,
    amountUnit: 'PER_PERSON_MONTH',
    amountUnitLabel: '每人每月',
    sourceDocument: '国人口发〔2007〕78号《全国独生子女伤残死亡家庭扶助制度试点方案》',
    noticeDays: 7,
    objectionOffice: OFFICE,
    objectionPhone: COUNTY_PHONE,
    standards: [
      {
        variant: 'DIED_URBAN',
        variantLabel: '子女死亡（城镇）',
        effectiveFrom: '2014-01-01',
        effectiveUntil: null,
        amountFen: '34000',
      },
      {
        variant: 'DIED_RURAL',
        variantLabel: '子女死亡（农村）',
        effectiveFrom: '2014-01-01',
        effectiveUntil: null,
        amountFen: '17000',
      },
      {
        variant: 'DISABLED_URBAN',
        variantLabel: '子女伤残（城镇）',
        effectiveFrom: '2014-01-01',
        effectiveUntil: null,
        amountFen: '27000',
      },
      {
        variant: 'DISABLED_RURAL',
        variantLabel: '子女伤残（农村）',
        effectiveFrom: '2014-01-01',
        effectiveUntil: null,
        amountFen: '15000',
      },
    ],
  },
];

const programRef = (p: ProgramFixture) => ({ code: p.code, name: p.name });
const programWithSensitive = (p: ProgramFixture) => ({ code: p.code, name: p.name, sensitive: p.sensitive });
const programByCode = (code: string): ProgramFixture => {
  const found = PROGRAMS.find((p) => p.code === code);
  if (!found) throw new Error(`no fixture program ${code}`);
  return found;
};

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const STATUS_LABELS: Record<string, string> = {
  UPCOMING: '尚未开始',
  OPEN: '公示中',
  CLOSED: '公示期满，异议处理中',
  CONFIRMED: '名单已确认',
};

interface DisclosureFixture {
  slug: string;
  name: string;
  description: string;
  pageKind: Dataset['provenance']['pageKind'];
  rootField: string;
  columns: [name: string, description: string, kind?: ColumnKind][];
}

/** The query text: the root field and the selection its columns name, as an approved document reads. */
function documentFor(d: DisclosureFixture): string {
  interface Node {
    [field: string]: Node;
  }
  const tree: Node = {};
  for (const [name] of d.columns) {
    let node = tree;
    for (const part of name.split('.')) {
      node[part] ??= {};
      node = node[part];
    }
  }
  const render = (node: Node, depth: number): string =>
    Object.entries(node)
      .map(([field, child]) => {
        const indent = '  '.repeat(depth);
        return Object.keys(child).length === 0
          ? `${indent}${field}\n`
          : `${indent}${field} {\n${render(child, depth + 1)}${indent}}\n`;
      })
      .join('');
  const operation = d.slug.replace(/(^|-)([a-z])/g, (_m, _dash, c: string) => c.toUpperCase());
  return `query ${operation}($regionCode: String!) {\n  ${d.rootField}(regionCode: $regionCode) {\n${render(tree, 2)}  }\n}\n`;
}

const REGION_COLUMNS = (prefix: string, what: string): [string, string][] => [
  [`${prefix}.code`, `${what}的统计用区划代码`],
  [`${prefix}.name`, `${what}名称`],
  [`${prefix}.level`, `${what}层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 村（社区）`],
];

const DISCLOSURES: readonly DisclosureFixture[] = [
  {
    slug: 'policy-notices',
    name: '政策文件公开',
    description: '本县及各乡镇已发布且未撤回的计划生育协会政策文件、通知，按发文日期从新到旧排列。',
    pageKind: 'NOTICE_LIST',
    rootField: 'policies',
    columns: [
      ['id', '政策文件的唯一编号'],
      ['title', '文件标题'],
      ['documentNumber', '文号'],
      ['issuingBody', '发文单位'],
      ['category', '文件类别代码'],
      ['categoryLabel', '文件类别名称'],
      ['issueDate', '发文日期'],
      ['effectiveDate', '生效日期；未注明时为空'],
      ['expiryDate', '失效日期；长期有效时为空'],
      ['bodyMarkdown', '正文（Markdown 格式）'],
      ['attachments.fileName', '附件文件名'],
      ['attachments.mediaType', '附件文件类型'],
      ['attachments.byteSize', '附件大小（字节）'],
      ...REGION_COLUMNS('region', '适用区域'),
      ['publishedAt', '在本平台公开的时间'],
    ],
  },
  {
    slug: 'award-recipients',
    name: '表彰名单公开',
    description: '县、乡镇计划生育协会的表彰决定及受表彰的集体和个人；个人未同意公开全名的，只显示姓和末字。',
    pageKind: 'RECIPIENT_LIST',
    rootField: 'awardRecipients',
    columns: [
      ['id', '受表彰记录编号'],
      ['category', '表彰类别代码'],
      ['categoryLabel', '表彰类别'],
      ['recipientName', '受表彰的集体名称或个人姓名（未经本人同意只显示姓和末字）', 'MASKED_NAME'],
      ['nameMasked', '姓名是否已部分隐去'],
      ['citation', '表彰事迹'],
      ['prizeFen', '奖金，单位为分；无奖金时为空', 'AMOUNT_FEN'],
      ...REGION_COLUMNS('region', '受表彰者所在地'),
      ['round.id', '表彰决定编号'],
      ['round.title', '表彰决定标题'],
      ['round.year', '表彰年度'],
      ['round.documentNumber', '表彰决定文号'],
      ['round.issuingBody', '发文机关'],
      ['round.issuedOn', '发文日期'],
      ...REGION_COLUMNS('round.region', '作出表彰的单位所在地'),
    ],
  },
  {
    slug: 'notice-recipients',
    name: '扶助对象公示名单',
    description:
      '正在公示期内（或异议尚在处理）的扶助对象名单：姓名只显示姓和末字，并注明异议受理单位和电话。公示结束后不再公布名单。',
    pageKind: 'RECIPIENT_LIST',
    rootField: 'noticeRecipients',
    columns: [
      ['token', '对象编码：提出异议时请报此编码（不含任何个人信息）'],
      ['maskedName', '姓名（只显示姓和末字）', 'MASKED_NAME'],
      ['villagerGroup', '所在村民小组；未编入小组时为空'],
      ...REGION_COLUMNS('village', '所在村（社区）'),
      ...REGION_COLUMNS('township', '所在乡镇（街道）'),
      ['program.code', '扶助项目编码'],
      ['program.name', '扶助项目名称'],
      ['year', '享受年度'],
      ['amountFen', '按该年度标准计算的扶助金额，单位为分', 'AMOUNT_FEN'],
      ['notice.id', '公示编号'],
      ['notice.startsOn', '公示开始日期'],
      ['notice.endsOn', '公示截止日期（含当天）'],
      ['notice.objectionOffice', '受理异议的单位'],
      ['notice.objectionPhone', '受理异议的电话'],
    ],
  },
  {
    slug: 'public-notices',
    name: '扶助对象公示',
    description: '各乡镇各扶助项目每年一期的公示：公示期、状态、人数和金额，以及是否公布名单及原因。',
    pageKind: 'NOTICE_LIST',
    rootField: 'publicNotices',
    columns: [
      ['id', '公示编号'],
      ['program.code', '扶助项目编码'],
      ['program.name', '扶助项目名称'],
      ['program.sensitive', '是否涉及家庭隐私（是则只公布乡镇汇总）'],
      ['year', '享受年度'],
      ...REGION_COLUMNS('township', '公示的乡镇（街道）'),
      ['startsOn', '公示开始日期'],
      ['endsOn', '公示截止日期（含当天）'],
      ['status', '状态代码：UPCOMING、OPEN、CLOSED、CONFIRMED'],
      ['statusLabel', '状态说明'],
      ['namesPublished', '本期是否公布对象名单'],
      ['namesNote', '公布或不公布名单的原因说明'],
      ['recipientCount', '列入公示的对象人数；人数过少时不予公开', 'PERSON_COUNT'],
      ['amountFen', '年度扶助金额合计，单位为分；人数不公开时一并不公开', 'AMOUNT_FEN'],
      ['suppressed', '人数和金额是否不予公开'],
      ['suppressionReason', '不予公开的原因', 'SUPPRESSION_NOTE'],
      ['objectionOffice', '受理异议的单位'],
      ['objectionPhone', '受理异议的电话'],
    ],
  },
  {
    slug: 'benefit-totals',
    name: '扶助资金发放汇总',
    description:
      '按地区、项目和年度汇总的实际发放人数和金额（已扣除退回）；人数过少的格子不予公开，并注明原因。',
    pageKind: 'TOTALS_TABLE',
    rootField: 'benefitTotals',
    columns: [
      ...REGION_COLUMNS('region', '汇总地区'),
      ['parentCode', '上级地区代码；县为空'],
      ['program.code', '扶助项目编码'],
      ['program.name', '扶助项目名称'],
      ['program.sensitive', '是否涉及家庭隐私'],
      ['year', '发放年度'],
      ['recipientCount', '实际发放人数', 'PERSON_COUNT'],
      ['amountFen', '实际发放金额，单位为分', 'AMOUNT_FEN'],
      ['suppressed', '人数和金额是否不予公开'],
      ['suppressionReason', '不予公开的原因', 'SUPPRESSION_NOTE'],
    ],
  },
  {
    slug: 'activity-statistics',
    name: '宣传服务活动统计',
    description: '各级计划生育协会按年度、活动类型汇总的活动次数、参加人次、宣传品、义诊和筛查人次。',
    pageKind: 'CHART',
    rootField: 'activityStatistics',
    columns: [
      ...REGION_COLUMNS('region', '统计地区'),
      ['parentCode', '上级地区代码；县为空'],
      ['year', '年度'],
      ['kind', '活动类型代码'],
      ['kindLabel', '活动类型'],
      ['activityCount', '活动次数'],
      ['participants', '参加人次'],
      ['leaflets', '发放宣传品（份）'],
      ['consultations', '义诊咨询人次'],
      ['peopleScreened', '健康筛查人次'],
    ],
  },
  {
    slug: 'association-statistics',
    name: '计生协会组织建设统计',
    description: '各地区计划生育协会数量、示范协会和先进协会数量及会员人数。',
    pageKind: 'TOTALS_TABLE',
    rootField: 'associationStatistics',
    columns: [
      ...REGION_COLUMNS('region', '统计地区'),
      ['parentCode', '上级地区代码；县为空'],
      ['associationCount', '协会数量'],
      ['modelCount', '示范协会数量'],
      ['advancedCount', '先进协会数量'],
      ['memberCount', '会员人数', 'PERSON_COUNT'],
      ['suppressed', '会员人数是否不予公开'],
      ['suppressionReason', '不予公开的原因', 'SUPPRESSION_NOTE'],
    ],
  },
  {
    slug: 'evaluation-results',
    name: '协会评估认定结果',
    description: '各级计划生育协会评估认定的结果：是否通过、得分、整改期限和复评情况。',
    pageKind: 'TOTALS_TABLE',
    rootField: 'evaluationResults',
    columns: [
      ['id', '评估记录编号'],
      ['association.code', '协会编码'],
      ['association.name', '协会名称'],
      ...REGION_COLUMNS('region', '协会所在地'),
      ['evaluatedOn', '评估日期'],
      ['passed', '是否通过（任一项不合格即不通过）'],
      ['score', '得分；未评分时为空'],
      ['rectificationDeadline', '整改期限；通过时为空'],
      ['reEvaluation', '是否为整改后的复评'],
    ],
  },
  {
    slug: 'programs',
    name: '扶助项目及标准',
    description:
      '本县实施的计划生育扶助、奖励项目，资金来源层级、发放标准的历次调整、公示天数和异议受理渠道。',
    pageKind: 'NOTICE_LIST',
    rootField: 'publicPrograms',
    columns: [
      ['code', '项目编码'],
      ['name', '项目名称'],
      ['kind', '项目类型代码'],
      ['kindLabel', '项目类型'],
      ['fundingTier', '资金来源层级：NATIONAL 中央、PROVINCIAL 省、COUNTY 县、TOWNSHIP 乡镇'],
      ['sensitive', '是否涉及家庭隐私（是则只公布乡镇汇总）'],
      ['amountUnit', '标准单位代码'],
      ['amountUnitLabel', '标准单位'],
      ['sourceDocument', '政策依据'],
      ['noticeDays', '公示天数'],
      ['objectionOffice', '受理异议的单位'],
      ['objectionPhone', '受理异议的电话'],
      ['standards.variant', '标准类别代码'],
      ['standards.variantLabel', '标准类别'],
      ['standards.effectiveFrom', '起始日期'],
      ['standards.effectiveUntil', '停止日期（不含）；现行标准为空'],
      ['standards.amountFen', '标准金额，单位为分', 'AMOUNT_FEN'],
    ],
  },
  {
    slug: 'regions',
    name: '行政区划',
    description: '本县及所辖乡镇（街道）、村（社区）的名称和统计用区划代码。',
    pageKind: 'NOTICE_LIST',
    rootField: 'publicRegions',
    columns: [
      ['code', '12 位统计用区划代码'],
      ['name', '名称'],
      ['level', '层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 村（社区）'],
      ['parentCode', '上级区划代码；县为空'],
    ],
  },
];

const APPROVER = {
  role: 'COUNTY_ADMIN',
  roleLabel: '县级管理员',
  regionCode: FIXTURE_COUNTY.code,
  regionName: FIXTURE_COUNTY.name,
} as const;
const APPROVED_AT = '2025-05-28T02:30:00.000Z';

export interface FixtureSummary {
  dir: string;
  regions: number;
  recipients: number;
  files: number;
  manifestSha256: string;
}

/** Writes the fixture publication into `dir` (replacing what was there) and returns what it holds. */
export async function writeFixturePublications(
  dir: string,
  options: FixtureOptions = {},
): Promise<FixtureSummary> {
  const townshipCount = Math.max(3, options.townships ?? 3);
  const villagesPerTownship = Math.max(1, options.villagesPerTownship ?? 4);
  const asOf = options.asOf ?? FIXTURE_AS_OF;
  const rng = random(20250610);

  const regions = buildRegions(townshipCount, villagesPerTownship);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const townships = regions.filter((r) => r.level === 'TOWNSHIP');
  const villagesOf = (townshipCode: string) => regions.filter((r) => r.parentCode === townshipCode);
  const region = (code: string): FixtureRegion => {
    const found = byCode.get(code);
    if (!found) throw new Error(`no fixture region ${code}`);
    return found;
  };
  const [chengdong, qingxi, bailing] = townships as [FixtureRegion, FixtureRegion, FixtureRegion];
  /** A named village, or the first of its township when the fixture has fewer villages. */
  const village = (code: string): FixtureRegion =>
    byCode.get(code) ?? (villagesOf(`${code.slice(0, 9)}000`)[0] as FixtureRegion);

  // Public notices: one per township, program and year; open, upcoming, ended, sensitive.
  interface NoticeSpec {
    id: string;
    program: ProgramFixture;
    township: FixtureRegion;
    startsOn: string;
    endsOn: string;
    status: 'UPCOMING' | 'OPEN' | 'CLOSED' | 'CONFIRMED';
    namesPublished: boolean;
    namesNote: string;
  }
  const reward = programByCode('REWARD-NATIONAL');
  const onlyChild = programByCode('ONLY-CHILD-REWARD');
  const study = programByCode('STUDY-GRANT');
  const special = programByCode('SPECIAL-ASSISTANCE');
  const OPEN_NOTE = '公示期内公布对象名单（姓名只显示姓和末字），接受群众监督。';
  const notices: NoticeSpec[] = [
    {
      id: FIXTURE_OPEN_NOTICE_ID,
      program: reward,
      township: qingxi,
      startsOn: addDays(asOf, -4),
      endsOn: addDays(asOf, 2),
      status: 'OPEN',
      namesPublished: true,
      namesNote: OPEN_NOTE,
    },
    {
      id: 'notice-only-child-2025-201',
      program: onlyChild,
      township: bailing,
      startsOn: addDays(asOf, -1),
      endsOn: addDays(asOf, 5),
      status: 'OPEN',
      namesPublished: true,
      namesNote: OPEN_NOTE,
    },
    {
      id: 'notice-reward-2025-201',
      program: reward,
      township: bailing,
      startsOn: addDays(asOf, -13),
      endsOn: addDays(asOf, -7),
      status: 'CLOSED',
      namesPublished: true,
      namesNote: '公示期已满，但尚有异议正在处理，处理结束前继续公布名单。',
    },
    {
      id: FIXTURE_ENDED_NOTICE_ID,
      program: reward,
      township: chengdong,
      startsOn: addDays(asOf, -21),
      endsOn: addDays(asOf, -15),
      status: 'CONFIRMED',
      namesPublished: false,
      namesNote: '公示期已结束，名单已确认，不再公布个人名单，只公布人数和金额。',
    },
    {
      id: FIXTURE_SENSITIVE_NOTICE_ID,
      program: special,
      township: qingxi,
      startsOn: addDays(asOf, -5),
      endsOn: addDays(asOf, 3),
      status: 'OPEN',
      namesPublished: false,
      namesNote: '本项目涉及特殊困难家庭，只公布乡镇一级的人数和金额，不公布个人名单。',
    },
    {
      id: 'notice-study-2025-101',
      program: study,
      township: qingxi,
      startsOn: addDays(asOf, 6),
      endsOn: addDays(asOf, 10),
      status: 'UPCOMING',
      namesPublished: false,
      namesNote: '公示尚未开始，开始后公布对象名单。',
    },
  ];
  for (const township of townships.slice(3)) {
    notices.push({
      id: `notice-reward-2025-${township.code.slice(6, 9)}`,
      program: reward,
      township,
      startsOn: addDays(asOf, -3),
      endsOn: addDays(asOf, 3),
      status: 'OPEN',
      namesPublished: true,
      namesNote: OPEN_NOTE,
    });
  }

  const currentStandard = (program: ProgramFixture): string =>
    program.standards.find((s) => s.effectiveUntil === null)?.amountFen ?? '0';

  const recipientRows: Record<string, unknown>[] = [];
  const noticeCounts = new Map<string, number>();
  for (const notice of notices) {
    let count = 0;
    for (const village of villagesOf(notice.township.code)) {
      const people = notice.program.sensitive ? 2 : rng.int(3, 9);
      count += people;
      if (!notice.namesPublished) continue;
      for (let i = 0; i < people; i++) {
        recipientRows.push({
          token: `r-${rng.letters(12)}`,
          maskedName: maskedName(rng),
          villagerGroup: rng.chance(0.85) ? rng.pick(GROUP_NAMES) : null,
          village: ref(village),
          township: ref(notice.township),
          program: programRef(notice.program),
          year: Number(asOf.slice(0, 4)),
          amountFen: currentStandard(notice.program),
          notice: {
            id: notice.id,
            startsOn: notice.startsOn,
            endsOn: notice.endsOn,
            objectionOffice: notice.program.objectionOffice,
            objectionPhone: notice.program.objectionPhone,
          },
        });
      }
    }
    noticeCounts.set(notice.id, count);
  }

  const noticeRows = notices.map((notice) => {
    const count = noticeCounts.get(notice.id) ?? 0;
    const k = notice.program.sensitive ? 10 : 5;
    const suppressed = count > 0 && count < k;
    return {
      id: notice.id,
      program: programWithSensitive(notice.program),
      year: Number(asOf.slice(0, 4)),
      township: ref(notice.township),
      startsOn: notice.startsOn,
      endsOn: notice.endsOn,
      status: notice.status,
      statusLabel: STATUS_LABELS[notice.status],
      namesPublished: notice.namesPublished,
      namesNote: notice.namesNote,
      recipientCount: suppressed ? null : count,
      amountFen: suppressed
        ? null
        : String(
            BigInt(count) *
              BigInt(currentStandard(notice.program)) *
              (notice.program.amountUnit === 'PER_PERSON_MONTH' ? 12n : 1n),
          ),
      suppressed,
      suppressionReason: suppressed ? `人数少于${k}人，为保护个人隐私不予公开` : null,
      objectionOffice: notice.program.objectionOffice,
      objectionPhone: notice.program.objectionPhone,
    };
  });

  // Benefit totals: village counts through the real suppression engine, one table per program.
  const years = [2023, 2024, 2025];
  const totalsRows: Record<string, unknown>[] = [];
  const pathOf = (village: FixtureRegion) => `${FIXTURE_COUNTY.code}.${village.parentCode}.${village.code}`;
  for (const program of PROGRAMS) {
    const yearly = program.amountUnit === 'PER_PERSON_MONTH' ? 12n : 1n;
    const input = regions
      .filter((r) => r.level === 'VILLAGE')
      .flatMap((village) =>
        years.map((year) => {
          const count =
            program.code === 'REWARD-NATIONAL'
              ? rng.int(2, 30)
              : program.code === 'ONLY-CHILD-REWARD'
                ? rng.int(1, 18)
                : program.code === 'STUDY-GRANT'
                  ? rng.int(0, 4)
                  : rng.int(0, 4);
          return {
            regionPath: pathOf(village),
            column: String(year),
            count,
            sum: String(BigInt(count) * BigInt(currentStandard(program)) * yearly),
          };
        }),
      );
    const table = suppressSmallCells(input, { k: 5, sensitive: program.sensitive });
    for (const cell of table.cells) {
      if (cell.column === null) continue;
      const code = cell.regionPath.split('.').at(-1) as string;
      const at = region(code);
      totalsRows.push({
        region: ref(at),
        parentCode: at.parentCode,
        program: programWithSensitive(program),
        year: Number(cell.column),
        recipientCount: cell.count,
        amountFen: cell.sum,
        suppressed: cell.suppression !== null,
        suppressionReason: cell.suppression?.reason ?? null,
      });
    }
  }

  // Activity statistics: village figures, summed upwards.
  const KINDS: [string, string][] = [
    ['MEMBER_DAY', '“5·29”会员活动日'],
    ['POPULATION_DAY', '“7·11”世界人口日'],
    ['HEALTH_SCREENING', '妇女病普查'],
    ['TRAINING', '培训'],
  ];
  const activityYears = [2024, 2025];
  type Figures = {
    activityCount: number;
    participants: number;
    leaflets: number;
    consultations: number;
    peopleScreened: number;
  };
  const activity = new Map<string, Figures>();
  const addFigures = (key: string, f: Figures) => {
    const existing = activity.get(key);
    if (!existing) activity.set(key, { ...f });
    else for (const name of Object.keys(f) as (keyof Figures)[]) existing[name] += f[name];
  };
  for (const village of regions.filter((r) => r.level === 'VILLAGE')) {
    for (const year of activityYears) {
      for (const [kind] of KINDS) {
        const count = rng.int(0, 3);
        const f: Figures = {
          activityCount: count,
          participants: count * rng.int(15, 60),
          leaflets: count * rng.int(20, 120),
          consultations: kind === 'HEALTH_SCREENING' || kind === 'MEMBER_DAY' ? count * rng.int(5, 30) : 0,
          peopleScreened: kind === 'HEALTH_SCREENING' ? count * rng.int(20, 80) : 0,
        };
        for (const code of [village.code, village.parentCode as string, FIXTURE_COUNTY.code]) {
          addFigures(`${code}|${year}|${kind}`, f);
        }
      }
    }
  }
  const activityRows = regions.flatMap((at) =>
    activityYears.flatMap((year) =>
      KINDS.map(([kind, kindLabel]) => ({
        region: ref(at),
        parentCode: at.parentCode,
        year,
        kind,
        kindLabel,
        ...(activity.get(`${at.code}|${year}|${kind}`) as Figures),
      })),
    ),
  );

  // Association statistics: small member counts are suppressed.
  interface AssociationFigures {
    associationCount: number;
    modelCount: number;
    advancedCount: number;
    memberCount: number;
  }
  const associations = new Map<string, AssociationFigures>();
  for (const at of regions)
    associations.set(at.code, { associationCount: 1, modelCount: 0, advancedCount: 0, memberCount: 0 });
  for (const village of regions.filter((r) => r.level === 'VILLAGE')) {
    const own = associations.get(village.code) as AssociationFigures;
    own.modelCount = rng.chance(0.25) ? 1 : 0;
    own.advancedCount = rng.chance(0.3) ? 1 : 0;
    own.memberCount = village.code === '330199201204' ? 4 : rng.int(12, 60);
    for (const code of [village.parentCode as string, FIXTURE_COUNTY.code]) {
      const up = associations.get(code) as AssociationFigures;
      up.associationCount += 1;
      up.modelCount += own.modelCount;
      up.advancedCount += own.advancedCount;
      up.memberCount += own.memberCount;
    }
  }
  for (const township of townships) {
    const t = associations.get(township.code) as AssociationFigures;
    t.memberCount += 9;
    (associations.get(FIXTURE_COUNTY.code) as AssociationFigures).memberCount += 9;
    (associations.get(FIXTURE_COUNTY.code) as AssociationFigures).associationCount += 1;
  }
  const associationRows = regions.map((at) => {
    const f = associations.get(at.code) as AssociationFigures;
    const suppressed = f.memberCount > 0 && f.memberCount < 5;
    return {
      region: ref(at),
      parentCode: at.parentCode,
      associationCount: f.associationCount,
      modelCount: f.modelCount,
      advancedCount: f.advancedCount,
      memberCount: suppressed ? null : f.memberCount,
      suppressed,
      suppressionReason: suppressed ? '人数少于5人，为保护个人隐私不予公开' : null,
    };
  });

  const evaluationRows = regions
    .filter((r) => r.level !== 'COUNTY')
    .map((at, index) => {
      const passed = index % 5 !== 2;
      return {
        id: `evaluation-${at.code}`,
        association: { code: `A${at.code}`, name: `${at.name}计划生育协会` },
        region: ref(at),
        evaluatedOn: addDays(asOf, -40 - index),
        passed,
        score: passed ? rng.int(80, 98) : rng.int(55, 74),
        rectificationDeadline: passed ? null : addDays(asOf, 20),
        reEvaluation: false,
      };
    });

  const programRows = PROGRAMS.map((p) => ({ ...p }));

  const rounds = [
    {
      id: FIXTURE_AWARD_ROUND_ID,
      title: '关于表彰2024年度计划生育协会工作先进集体和先进个人的决定',
      year: 2024,
      documentNumber: '青计协〔2025〕2号',
      issuingBody: '青山县计划生育协会',
      issuedOn: '2025-03-08',
      region: ref(region(FIXTURE_COUNTY.code)),
    },
    {
      id: 'award-2023-county',
      title: '关于表彰2023年度计划生育协会工作先进集体和先进个人的决定',
      year: 2023,
      documentNumber: '青计协〔2024〕3号',
      issuingBody: '青山县计划生育协会',
      issuedOn: '2024-03-12',
      region: ref(region(FIXTURE_COUNTY.code)),
    },
    {
      id: 'award-2024-bailing',
      title: '白岭乡2024年度优秀会员和优秀志愿者名单',
      year: 2024,
      documentNumber: '白计协〔2025〕1号',
      issuingBody: '白岭乡计划生育协会',
      issuedOn: '2025-02-20',
      region: ref(bailing),
    },
  ];
  const awardRows: Record<string, unknown>[] = [];
  const villages = regions.filter((r) => r.level === 'VILLAGE');
  let awardIndex = 0;
  const award = (
    round: (typeof rounds)[number],
    category: string,
    categoryLabel: string,
    recipientName: string,
    nameMasked: boolean,
    at: FixtureRegion,
    citation: string,
    prizeFen: string | null,
  ) => {
    awardIndex += 1;
    awardRows.push({
      id: `award-recipient-${pad(awardIndex, 3)}`,
      category,
      categoryLabel,
      recipientName,
      nameMasked,
      citation,
      prizeFen,
      region: ref(at),
      round,
    });
  };
  const [r2024, r2023, rBailing] = rounds as [
    (typeof rounds)[number],
    (typeof rounds)[number],
    (typeof rounds)[number],
  ];
  award(
    r2024,
    'ADVANCED_UNIT',
    '先进集体',
    '青溪镇计划生育协会',
    false,
    qingxi,
    '会员之家“五有”达标，全年开展活动二十余次。',
    '300000',
  );
  award(
    r2024,
    'ADVANCED_UNIT',
    '先进集体',
    '王家村计划生育协会',
    false,
    village(FIXTURE_OPEN_VILLAGE.code),
    '坚持每季度开展入户走访，帮扶结对户全覆盖。',
    '100000',
  );
  award(
    r2024,
    'ADVANCED_INDIVIDUAL',
    '先进个人',
    '陈秀英',
    false,
    village('330199001002'),
    '从事社区计生协工作十二年，热心服务计生家庭。',
    '50000',
  );
  award(
    r2024,
    'ADVANCED_INDIVIDUAL',
    '先进个人',
    '周*芳',
    true,
    village('330199101203'),
    '组织妇女病普查，服务群众三百余人次。',
    '50000',
  );
  award(
    r2024,
    'EXCELLENT_MEMBER',
    '优秀会员',
    '吴*',
    true,
    village('330199201202'),
    '常年结对帮扶困难家庭。',
    null,
  );
  award(
    r2023,
    'ADVANCED_UNIT',
    '先进集体',
    '城东街道计划生育协会',
    false,
    chengdong,
    '流动人口计生服务工作成效明显。',
    '300000',
  );
  award(
    r2023,
    'ADVANCED_INDIVIDUAL',
    '先进个人',
    '李*华',
    true,
    village('330199201201'),
    '扎实做好奖励扶助资格确认工作。',
    '50000',
  );
  award(
    r2023,
    'EXCELLENT_VOLUNTEER',
    '优秀志愿者',
    '徐*明',
    true,
    village('330199001001'),
    '坚持参加青春健康宣讲志愿服务。',
    null,
  );
  for (const village of villagesOf(bailing.code)) {
    award(
      rBailing,
      'EXCELLENT_MEMBER',
      '优秀会员',
      maskedName(rng),
      true,
      village,
      '积极参加“5·29”会员活动日。',
      null,
    );
  }
  if (villages.length > 12) {
    for (const village of villages.slice(12)) {
      award(
        r2024,
        'EXCELLENT_MEMBER',
        '优秀会员',
        maskedName(rng),
        true,
        village,
        '积极参加协会活动。',
        null,
      );
    }
  }

  const policyRows = [
    {
      id: 'policy-2025-009',
      title: '关于做好2025年度农村部分计划生育家庭奖励扶助资格确认和公示工作的通知',
      documentNumber: '青计协〔2025〕9号',
      issuingBody: '青山县计划生育协会',
      category: 'ASSISTANCE',
      categoryLabel: '扶助政策',
      issueDate: addDays(asOf, -20),
      effectiveDate: addDays(asOf, -20),
      expiryDate: null,
      bodyMarkdown:
        '各乡镇（街道）计生协：\n\n请于6月底前完成本年度奖励扶助对象的资格确认，并在各村（社区）村务公开栏公示不少于7天。\n\n## 一、公示内容\n\n公示对象姓名只显示姓和末字，不公示身份证号、电话、住址。\n\n## 二、异议处理\n\n群众对公示名单有异议的，可在公示期内向县卫生健康局反映。',
      attachments: [
        {
          fileName: '资格确认表.xlsx',
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          byteSize: 24576,
        },
      ],
      region: ref(region(FIXTURE_COUNTY.code)),
      publishedAt: `${addDays(asOf, -20)}T02:00:00.000Z`,
    },
    {
      id: 'policy-2025-006',
      title: '关于开展2025年“5·29”会员活动日宣传服务活动的通知',
      documentNumber: '青计协〔2025〕6号',
      issuingBody: '青山县计划生育协会',
      category: 'SERVICE',
      categoryLabel: '宣传服务',
      issueDate: addDays(asOf, -35),
      effectiveDate: null,
      expiryDate: addDays(asOf, 20),
      bodyMarkdown:
        '各乡镇（街道）计生协：\n\n请各村（社区）至少组织一次集中活动，在集市开展政策咨询和义诊。',
      attachments: [],
      region: ref(region(FIXTURE_COUNTY.code)),
      publishedAt: `${addDays(asOf, -35)}T02:00:00.000Z`,
    },
    {
      id: 'policy-2025-bl-001',
      title: '白岭乡关于调整乡计生协理事会成员的通知',
      documentNumber: null,
      issuingBody: '白岭乡计划生育协会',
      category: 'ORGANIZATION',
      categoryLabel: '协会建设',
      issueDate: addDays(asOf, -50),
      effectiveDate: null,
      expiryDate: null,
      bodyMarkdown: '因工作调整，乡计生协理事会部分成员作相应调整。',
      attachments: [],
      region: ref(bailing),
      publishedAt: `${addDays(asOf, -50)}T02:00:00.000Z`,
    },
  ];

  const regionRows = regions.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode,
  }));

  const rowsBySlug: Record<string, Record<string, unknown>[]> = {
    'policy-notices': policyRows,
    'award-recipients': awardRows,
    'notice-recipients': recipientRows,
    'public-notices': noticeRows,
    'benefit-totals': totalsRows,
    'activity-statistics': activityRows,
    'association-statistics': associationRows,
    'evaluation-results': evaluationRows,
    programs: programRows as unknown as Record<string, unknown>[],
    regions: regionRows,
  };

  await rm(dir, { recursive: true, force: true });
  for (const folder of ['datasets', 'queries', 'releases'])
    await mkdir(join(dir, folder), { recursive: true });
  const files: Manifest['files'] = [];
  const write = async (path: string, value: unknown) => {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    await writeFile(join(dir, path), text);
    files.push({ path, sha256: sha256(text), bytes: Buffer.byteLength(text) });
    return text;
  };

  for (const [index, disclosure] of DISCLOSURES.entries()) {
    const document = documentFor(disclosure);
    const documentSha256 = sha256(document);
    const disclosureId = `disclosure-${pad(index + 1, 2)}-${disclosure.slug}`;
    const columns: Column[] = disclosure.columns.map(([name, description, kind]) => ({
      name,
      description,
      kind: kind ?? 'TEXT',
    }));
    const query: ApprovedQuery = approvedQuerySchema.parse({
      disclosureId,
      slug: disclosure.slug,
      name: disclosure.name,
      description: disclosure.description,
      pageKind: disclosure.pageKind,
      document,
      documentSha256,
      parameters: { regionCode: FIXTURE_COUNTY.code },
      outputFields: columns.map((c) => c.name),
      policy: { k: 5, sensitiveK: 10 },
      approvedBy: APPROVER,
      approvedAt: APPROVED_AT,
    });
    const rows = rowsBySlug[disclosure.slug] ?? [];
    const dataset: Dataset = datasetSchema.parse({
      provenance: {
        disclosureId,
        slug: disclosure.slug,
        name: disclosure.name,
        pageKind: disclosure.pageKind,
        documentSha256,
        approvedBy: APPROVER,
        approvedAt: APPROVED_AT,
        runId: FIXTURE_RUN_ID,
        runAt: FIXTURE_RUN_AT,
        rowCount: rows.length,
      },
      columns,
      rows,
    });
    await write(queryFile(disclosure.slug), query);
    const datasetText = await write(datasetFile(disclosure.slug), dataset);
    await write(
      `releases/${disclosure.slug}.json`,
      releaseHistory(disclosure.slug, datasetText, rows.length),
    );
  }

  const manifest = manifestSchema.parse({
    runId: FIXTURE_RUN_ID,
    runAt: FIXTURE_RUN_AT,
    auditChainHead: FIXTURE_AUDIT_HEAD,
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
  });
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(dir, MANIFEST_FILE), manifestText);
  return {
    dir,
    regions: regions.length,
    recipients: recipientRows.length,
    files: files.length + 1,
    manifestSha256: sha256(manifestText),
  };
}

const REASON_LABELS: Record<string, string> = {
  NEW_ENROLLMENT: '新增对象',
  EXIT_DEATH: '死亡退出',
  EXIT_MOVED: '迁出退出',
  EXIT_INELIGIBLE: '不再符合条件退出',
  CORRECTION: '数据更正',
  NOTICE_ENDED: '公示期结束，名单撤下',
};

/** Two releases, newest first: this run (with its diff against the previous one) and the first. */
function releaseHistory(slug: string, datasetText: string, rowCount: number): unknown {
  const reasons = (pairs: [string, number][]) =>
    pairs.map(([code, count]) => ({ code, label: REASON_LABELS[code], count }));
  const diffs: Record<string, unknown> = {
    'notice-recipients': {
      added: 21,
      removed: 14,
      changed: [],
      reasons: reasons([
        ['NEW_ENROLLMENT', 21],
        ['NOTICE_ENDED', 14],
      ]),
    },
    'benefit-totals': {
      added: 0,
      removed: 0,
      changed: [
        {
          key: '330199101201/REWARD-NATIONAL/2025',
          field: 'recipientCount',
          before: 18,
          after: 20,
          reasons: [
            { code: 'NEW_ENROLLMENT', count: 3 },
            { code: 'EXIT_DEATH', count: 1 },
          ],
        },
        {
          key: '330199101201/REWARD-NATIONAL/2025',
          field: 'amountFen',
          before: '1728000',
          after: '1920000',
          reasons: [
            { code: 'NEW_ENROLLMENT', count: 3 },
            { code: 'EXIT_DEATH', count: 1 },
          ],
        },
        {
          key: '330199201203/ONLY-CHILD-REWARD/2024',
          field: 'amountFen',
          before: '360000',
          after: '336000',
          reasons: [{ code: 'CORRECTION', count: 1 }],
        },
      ],
      reasons: reasons([
        ['NEW_ENROLLMENT', 3],
        ['EXIT_DEATH', 1],
        ['CORRECTION', 1],
      ]),
    },
    'public-notices': {
      added: 2,
      removed: 0,
      changed: [
        { key: FIXTURE_ENDED_NOTICE_ID, field: 'status', before: 'CLOSED', after: 'CONFIRMED', reasons: [] },
      ],
      reasons: [],
    },
  };
  return [
    {
      runId: FIXTURE_RUN_ID,
      runAt: FIXTURE_RUN_AT,
      datasetSha256: sha256(datasetText),
      rowCount,
      diff: diffs[slug] ?? { added: 0, removed: 0, changed: [], reasons: [] },
    },
    {
      runId: FIXTURE_PREVIOUS_RUN_ID,
      runAt: FIXTURE_PREVIOUS_RUN_AT,
      datasetSha256: sha256(`previous release of ${slug}`),
      rowCount: Math.max(0, rowCount - 7),
      diff: null,
    },
  ];
}

if (import.meta.main) {
  const [dir, townships, villages] = process.argv.slice(2);
  if (!dir) {
    throw new Error(
      'usage: node scripts/write-fixture-publications.ts <dir> [townships] [villages per township]',
    );
  }
  const summary = await writeFixturePublications(dir, {
    townships: townships ? Number(townships) : undefined,
    villagesPerTownship: villages ? Number(villages) : undefined,
  });
  console.log(
    `wrote ${summary.files} files to ${dir}: ${summary.regions} regions, ${summary.recipients} listed recipients`,
  );
}
