/**
 * The benefit programs a county runs, as data: their kind, funding tier, amount rule, eligibility
 * rules, required evidence and the standards in force over the years, each with its public source.
 * The demo county loads these; a real county enters its own through the API.
 *
 * The national figures follow the public documents named in `source`; verify them against the
 * current documents of the province and county before presenting any of it as law. Local programs
 * (only-child parents' reward, care payments, emergency aid, study grants) are set by each county;
 * the figures here are typical of published county rules, not any one county's.
 */
import type { EligibilityRules } from './eligibility.ts';

export const PROGRAM_KINDS = [
  'REWARD_ASSISTANCE',
  'SPECIAL_ASSISTANCE',
  'ONLY_CHILD_PARENT_REWARD',
  'CARE_PAYMENT',
  'EMERGENCY_AID',
  'STUDY_GRANT',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const FUNDING_TIERS = ['NATIONAL', 'PROVINCIAL', 'COUNTY', 'TOWNSHIP'] as const;
export type FundingTier = (typeof FUNDING_TIERS)[number];

export const AMOUNT_UNITS = ['PER_PERSON_YEAR', 'PER_PERSON_MONTH', 'PER_EVENT'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

export const PAYMENT_PERIODS = ['YEAR', 'MONTH'] as const;
export type PaymentPeriod = (typeof PAYMENT_PERIODS)[number];

export const ENROLLMENT_KINDS = ['NEW', 'CONTINUING', 'EXITED'] as const;
export type EnrollmentKind = (typeof ENROLLMENT_KINDS)[number];

/** Evidence a submission may carry (证明材料). */
export const EVIDENCE_KINDS = [
  'HOUSEHOLD_REGISTER', // 户口簿
  'RESIDENT_ID_CARD', // 居民身份证
  'MARRIAGE_CERTIFICATE', // 结婚证
  'ONLY_CHILD_CERTIFICATE', // 独生子女父母光荣证
  'BIRTH_RECORD', // 生育情况证明
  'DEATH_CERTIFICATE', // 死亡证明
  'DISABILITY_CERTIFICATE', // 残疾人证（三级以上）
  'VILLAGE_CERTIFICATION', // 村（居）委会证明
  'ANNUAL_CONFIRMATION', // 年度资格确认表
  'SCHOOL_ENROLLMENT', // 入学通知书或在读证明
  'HARDSHIP_CERTIFICATION', // 困难情况证明
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface CatalogueStandard {
  variant: string;
  effectiveFrom: string;
  /** The first day it no longer applies; null while in force. */
  effectiveUntil: string | null;
  /** Per the program's amount unit: per year, per month or per event. */
  amountFen: number;
  sourceDocument: string;
}

export interface CatalogueProgram {
  code: string;
  name: string;
  kind: ProgramKind;
  fundingTier: FundingTier;
  amountUnit: AmountUnit;
  paymentPeriod: PaymentPeriod;
  variants: string[];
  eligibility: EligibilityRules;
  requiredEvidence: Partial<Record<EnrollmentKind, EvidenceKind[]>>;
  noticeDays: number;
  noticeDayKind: 'CALENDAR' | 'WORKING';
  minAmountFen: number;
  maxAmountFen: number;
  sourceDocument: string;
  standards: CatalogueStandard[];
}

const yuan = (amount: number) => amount * 100;

export const PROGRAM_CATALOGUE: readonly CatalogueProgram[] = [
  {
    code: 'REWARD-NATIONAL',
    name: '农村部分计划生育家庭奖励扶助',
    kind: 'REWARD_ASSISTANCE',
    fundingTier: 'NATIONAL',
    amountUnit: 'PER_PERSON_YEAR',
    paymentPeriod: 'YEAR',
    variants: ['DEFAULT'],
    eligibility: {
      minAge: 60,
      householdPlanningStatuses: ['ONLY_CHILD', 'TWO_DAUGHTERS'],
      regionKinds: ['VILLAGE'],
    },
    requiredEvidence: {
      NEW: ['HOUSEHOLD_REGISTER', 'RESIDENT_ID_CARD', 'BIRTH_RECORD', 'VILLAGE_CERTIFICATION'],
      CONTINUING: ['ANNUAL_CONFIRMATION'],
      EXITED: ['VILLAGE_CERTIFICATION'],
    },
    noticeDays: 7,
    noticeDayKind: 'CALENDAR',
    minAmountFen: yuan(600),
    maxAmountFen: yuan(2000),
    sourceDocument: '国办发〔2004〕21号《农村部分计划生育家庭奖励扶助制度试点方案》',
    standards: [
      {
        variant: 'DEFAULT',
        effectiveFrom: '2004-01-01',
        effectiveUntil: '2009-01-01',
        amountFen: yuan(600),
        sourceDocument: '国办发〔2004〕21号',
      },
      {
        variant: 'DEFAULT',
        effectiveFrom: '2009-01-01',
        effectiveUntil: '2012-01-01',
        amountFen: yuan(720),
        sourceDocument: '财教〔2009〕31号（奖励扶助标准提高到每人每年720元）',
      },
      {
        variant: 'DEFAULT',
        effectiveFrom: '2012-01-01',
        effectiveUntil: null,
        amountFen: yuan(960),
        sourceDocument: '财教〔2011〕623号（奖励扶助标准提高到每人每年960元）',
      },
    ],
  },
  {
    code: 'REWARD-PROVINCIAL',
    name: '农村部分计划生育家庭奖励扶助（省级提标）',
    kind: 'REWARD_ASSISTANCE',
    fundingTier: 'PROVINCIAL',
    amountUnit: 'PER_PERSON_YEAR',
    paymentPeriod: 'YEAR',
    variants: ['DEFAULT'],
    eligibility: {
      minAge: 60,
      householdPlanningStatuses: ['ONLY_CHILD', 'TWO_DAUGHTERS'],
      regionKinds: ['VILLAGE'],
    },
    requiredEvidence: {
      NEW: ['HOUSEHOLD_REGISTER', 'RESIDENT_ID_CARD', 'BIRTH_RECORD', 'VILLAGE_CERTIFICATION'],
      CONTINUING: ['ANNUAL_CONFIRMATION'],
      EXITED: ['VILLAGE_CERTIFICATION'],
    },
    noticeDays: 7,
    noticeDayKind: 'CALENDAR',
    minAmountFen: yuan(100),
    maxAmountFen: yuan(2000),
    sourceDocument: '省卫生健康委 省财政厅关于调整计划生育家庭奖励扶助标准的通知（示例）',
    standards: [
      {
        variant: 'DEFAULT',
        effectiveFrom: '2016-01-01',
        effectiveUntil: '2022-01-01',
        amountFen: yuan(240),
        sourceDocument: '省级提标文件（示例，2016）',
      },
      {
        variant: 'DEFAULT',
        effectiveFrom: '2022-01-01',
        effectiveUntil: null,
        amountFen: yuan(480),
        sourceDocument: '省级提标文件（示例，2022）',
      },
    ],
  },
  {
    code: 'SPECIAL-ASSISTANCE',
    name: '计划生育家庭特别扶助',
    kind: 'SPECIAL_ASSISTANCE',
    fundingTier: 'NATIONAL',
    amountUnit: 'PER_PERSON_MONTH',
    paymentPeriod: 'YEAR',
    variants: ['DIED_URBAN', 'DIED_RURAL', 'DISABLED_URBAN', 'DISABLED_RURAL'],
    eligibility: {
      minAge: 49,
      householdSensitiveStatuses: ['ONLY_CHILD_DIED', 'ONLY_CHILD_DISABLED'],
      variantBy: ['SENSITIVE_STATUS', 'REGION_KIND'],
    },
    requiredEvidence: {
      NEW: ['HOUSEHOLD_REGISTER', 'RESIDENT_ID_CARD', 'ONLY_CHILD_CERTIFICATE', 'VILLAGE_CERTIFICATION'],
      CONTINUING: ['ANNUAL_CONFIRMATION'],
      EXITED: ['VILLAGE_CERTIFICATION'],
    },
    noticeDays: 7,
    noticeDayKind: 'WORKING',
    minAmountFen: yuan(80) * 12,
    maxAmountFen: yuan(1000) * 12,
    sourceDocument: '国人口发〔2007〕78号《全国独生子女伤残死亡家庭扶助制度试点方案》',
    standards: (
      [
        ['DIED', 100, 135, 340, 170],
        ['DISABLED', 80, 110, 270, 150],
      ] as const
    ).flatMap(([status, y2008, y2012, urban2014, rural2014]) =>
      (['URBAN', 'RURAL'] as const).flatMap((area) => [
        {
          variant: `${status}_${area}`,
          effectiveFrom: '2008-01-01',
          effectiveUntil: '2012-01-01',
          amountFen: yuan(y2008),
          sourceDocument: '国人口发〔2007〕78号',
        },
        {
          variant: `${status}_${area}`,
          effectiveFrom: '2012-01-01',
          effectiveUntil: '2014-01-01',
          amountFen: yuan(y2012),
          sourceDocument: '财教〔2011〕623号（特别扶助标准提高）',
        },
        {
          variant: `${status}_${area}`,
          effectiveFrom: '2014-01-01',
          effectiveUntil: null,
          amountFen: yuan(area === 'URBAN' ? urban2014 : rural2014),
          sourceDocument: '国卫家庭发〔2013〕41号（城镇、农村分别确定标准）',
        },
      ]),
    ),
  },
  {
    code: 'ONLY-CHILD-REWARD',
    name: '独生子女父母奖励',
    kind: 'ONLY_CHILD_PARENT_REWARD',
    fundingTier: 'COUNTY',
    amountUnit: 'PER_PERSON_YEAR',
    paymentPeriod: 'YEAR',
    variants: ['DEFAULT'],
    eligibility: { minAge: 18, maxAge: 59, householdPlanningStatuses: ['ONLY_CHILD'] },
    requiredEvidence: {
      NEW: ['HOUSEHOLD_REGISTER', 'ONLY_CHILD_CERTIFICATE'],
      CONTINUING: ['ANNUAL_CONFIRMATION'],
      EXITED: ['VILLAGE_CERTIFICATION'],
    },
    noticeDays: 7,
    noticeDayKind: 'CALENDAR',
    minAmountFen: yuan(60),
    maxAmountFen: yuan(1000),
    sourceDocument: '县人民政府关于独生子女父母奖励的实施办法（示例）',
    standards: [
      {
        variant: 'DEFAULT',
        effectiveFrom: '2015-01-01',
        effectiveUntil: '2021-01-01',
        amountFen: yuan(120),
        sourceDocument: '县级实施办法（示例，2015）',
      },
      {
        variant: 'DEFAULT',
        effectiveFrom: '2021-01-01',
        effectiveUntil: null,
        amountFen: yuan(240),
        sourceDocument: '县级实施办法（示例，2021）',
      },
    ],
  },
  {
    code: 'CARE-PAYMENT',
    name: '计生特殊家庭关怀抚慰金',
    kind: 'CARE_PAYMENT',
    fundingTier: 'COUNTY',
    amountUnit: 'PER_EVENT',
    paymentPeriod: 'YEAR',
    variants: ['DEFAULT'],
    eligibility: { householdSensitiveStatuses: ['ONLY_CHILD_DIED', 'ONLY_CHILD_DISABLED'] },
    requiredEvidence: {
      NEW: ['HOUSEHOLD_REGISTER', 'VILLAGE_CERTIFICATION'],
      CONTINUING: ['ANNUAL_CONFIRMATION'],
    },
    noticeDays: 5,
    noticeDayKind: 'WORKING',
    minAmountFen: yuan(200),
    maxAmountFen: yuan(3000),
    sourceDocument: '县计生协关于开展计生特殊家庭节日走访慰问的通知（示例）',
    standards: [
      {
        variant: 'DEFAULT',
        effectiveFrom: '2018-01-01',
        effectiveUntil: null,
        amountFen: yuan(500),
        sourceDocument: '县计生协慰问标准（示例）',
      },
    ],
  },
  {
    code: 'EMERGENCY-AID',
    name: '计生困难家庭救助金',
    kind: 'EMERGENCY_AID',
    fundingTier: 'COUNTY',
    amountUnit: 'PER_EVENT',
    paymentPeriod: 'YEAR',
    variants: ['DEFAULT'],
    eligibility: { householdInDifficulty: true, householdPlanningStatuses: ['ONLY_CHILD', 'TWO_DAUGHTERS'] },
    requiredEvidence: { NEW: ['HOUSEHOLD_REGISTER', 'HARDSHIP_CERTIFICATION', 'VILLAGE_CERTIFICATION'] },
    noticeDays: 5,
    noticeDayKind: 'WORKING',
    minAmountFen: yuan(300),
    maxAmountFen: yuan(5000),
    sourceDocument: '县计生协计生困难家庭救助办法（示例）',
    standards: [
      {
        variant: 'DEFAULT',
        effectiveFrom: '2019-01-01',
        effectiveUntil: null,
        amountFen: yuan(1000),
        sourceDocument: '县计生协救助标准（示例）',
      },
    ],
  },
  {
    code: 'STUDY-GRANT',
    name: '计生家庭子女助学金',
    kind: 'STUDY_GRANT',
    fundingTier: 'TOWNSHIP',
    amountUnit: 'PER_EVENT',
    paymentPeriod: 'YEAR',
    variants: ['DEFAULT'],
    eligibility: {
      minAge: 17,
      maxAge: 22,
      householdPlanningStatuses: ['ONLY_CHILD', 'TWO_DAUGHTERS'],
      householdInDifficulty: true,
    },
    requiredEvidence: { NEW: ['HOUSEHOLD_REGISTER', 'SCHOOL_ENROLLMENT', 'HARDSHIP_CERTIFICATION'] },
    noticeDays: 7,
    noticeDayKind: 'CALENDAR',
    minAmountFen: yuan(500),
    maxAmountFen: yuan(5000),
    sourceDocument: '镇计生协“金秋助学”活动方案（示例）',
    standards: [
      {
        variant: 'DEFAULT',
        effectiveFrom: '2020-01-01',
        effectiveUntil: null,
        amountFen: yuan(2000),
        sourceDocument: '镇计生协助学标准（示例）',
      },
    ],
  },
];
