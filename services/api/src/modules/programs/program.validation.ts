import { badInput } from '../../errors/domain-error.ts';
import { requireDate, requireText } from '../../validation/field-checks.ts';
import { parseFen } from '../projects/fen-amount.ts';
import { type EligibilityRules, possibleVariants } from './eligibility.ts';
import {
  AMOUNT_UNITS,
  type AmountUnit,
  type EnrollmentKind,
  EVIDENCE_KINDS,
  type EvidenceKind,
  FUNDING_TIERS,
  type FundingTier,
  PAYMENT_PERIODS,
  type PaymentPeriod,
  PROGRAM_KINDS,
  type ProgramKind,
} from './program-catalogue.ts';

export type NoticeDayKind = 'CALENDAR' | 'WORKING';

export interface EligibilityRulesFields {
  minAge?: number | null;
  maxAge?: number | null;
  householdPlanningStatuses?: string[] | null;
  householdSensitiveStatuses?: string[] | null;
  householdInDifficulty?: boolean | null;
  regionKinds?: string[] | null;
  variantBy?: string[] | null;
}

export interface RequiredEvidenceFields {
  new?: string[] | null;
  continuing?: string[] | null;
  exited?: string[] | null;
}

export interface ProgramFields {
  code: string;
  name: string;
  kind: string;
  fundingTier: string;
  amountUnit: string;
  paymentPeriod: string;
  variants?: string[] | null;
  eligibility: EligibilityRulesFields;
  requiredEvidence: RequiredEvidenceFields;
  noticeDays?: number | null;
  noticeDayKind?: string | null;
  objectionOffice: string;
  objectionPhone: string;
  minAmountFen: string;
  maxAmountFen: string;
  sourceDocument: string;
}

export interface CheckedProgram {
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
  noticeDayKind: NoticeDayKind;
  objectionOffice: string;
  objectionPhone: string;
  minAmountFen: string;
  maxAmountFen: string;
  sourceDocument: string;
}

export interface StandardFields {
  programId: string;
  variant?: string | null;
  effectiveFrom: string;
  effectiveUntil?: string | null;
  amountFen: string;
  sourceDocument: string;
}

export interface CheckedStandard {
  programId: string;
  variant: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  amountFen: string;
  sourceDocument: string;
}

const CODE = /^[A-Z][A-Z0-9-]{1,39}$/;
const VARIANT = /^[A-Z][A-Z_]{0,29}$/;
// The same shapes as the program and notice tables' checks: a landline with its area code, a mobile
// number, or the government service hotline.
const OFFICE_PHONE = /^(0[0-9]{2,3}-[0-9]{7,8}|1[3-9][0-9]{9}|12345)$/;
/** The largest single payment the program table allows: 100,000 yuan. */
export const MAX_PAYMENT_FEN = 10_000_000n;

const PLANNING = ['NONE', 'ONLY_CHILD', 'TWO_DAUGHTERS'] as const;
const SENSITIVE = ['ONLY_CHILD_DIED', 'ONLY_CHILD_DISABLED'] as const;
const VILLAGE_KINDS = ['VILLAGE', 'COMMUNITY'] as const;
const VARIANT_FACTS = ['SENSITIVE_STATUS', 'REGION_KIND'] as const;

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[], label: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw badInput(field, `${label}无效`, `Unknown value of ${field}`);
  }
  return value as T;
}

/** The values of a list, each one of `allowed`, duplicates dropped; undefined when empty. */
function listOf<T extends string>(
  field: string,
  values: readonly string[] | null | undefined,
  allowed: readonly T[],
  label: string,
): T[] | undefined {
  if (!values || values.length === 0) return undefined;
  return [...new Set(values.map((value) => oneOf(field, value, allowed, label)))];
}

function age(field: string, value: number | null | undefined, label: string): number | undefined {
  if (value == null) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > 120) {
    throw badInput(field, `${label}应为 0–120 的整数`, `${field} must be a whole number from 0 to 120`);
  }
  return value;
}

export function objectionOffice(field: string, value: string): string {
  return requireText(field, value, 2, 100, { zh: '受理异议的单位', en: 'Objection office' });
}

export function objectionPhone(field: string, value: string): string {
  const phone = value.trim();
  if (!OFFICE_PHONE.test(phone)) {
    throw badInput(
      field,
      '受理异议的电话应为带区号的座机（如 0571-12345678）、手机号或 12345',
      'The objection phone must be a landline with its area code (e.g. 0571-12345678), a mobile number, or 12345',
    );
  }
  return phone;
}

export function checkEligibilityRules(input: EligibilityRulesFields): EligibilityRules {
  const minAge = age('input.eligibility.minAge', input.minAge, '最低年龄');
  const maxAge = age('input.eligibility.maxAge', input.maxAge, '最高年龄');
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    throw badInput(
      'input.eligibility.maxAge',
      '最高年龄不能小于最低年龄',
      'The maximum age cannot be below the minimum',
    );
  }
  const rules: EligibilityRules = {};
  if (minAge !== undefined) rules.minAge = minAge;
  if (maxAge !== undefined) rules.maxAge = maxAge;
  const planning = listOf(
    'input.eligibility.householdPlanningStatuses',
    input.householdPlanningStatuses,
    PLANNING,
    '家庭计生类型',
  );
  if (planning) rules.householdPlanningStatuses = planning;
  const sensitive = listOf(
    'input.eligibility.householdSensitiveStatuses',
    input.householdSensitiveStatuses,
    SENSITIVE,
    '敏感家庭状况',
  );
  if (sensitive) rules.householdSensitiveStatuses = sensitive;
  // Only "must be in difficulty" is a rule; "need not be" is no rule at all.
  if (input.householdInDifficulty === true) rules.householdInDifficulty = true;
  const regionKinds = listOf(
    'input.eligibility.regionKinds',
    input.regionKinds,
    VILLAGE_KINDS,
    '户籍所在地类型',
  );
  if (regionKinds) rules.regionKinds = regionKinds;
  const variantBy = listOf('input.eligibility.variantBy', input.variantBy, VARIANT_FACTS, '标准档次依据');
  if (variantBy) rules.variantBy = variantBy;
  return rules;
}

/** Checks and normalises a program; throws a BAD_INPUT naming the first field at fault. */
export function validateProgramFields(input: ProgramFields): CheckedProgram {
  const code = input.code.trim();
  if (!CODE.test(code)) {
    throw badInput(
      'input.code',
      '项目编码应以大写字母开头，由大写字母、数字和连字符组成，2–40 位',
      'The code must start with a capital letter and hold only A–Z, 0–9 and hyphens, 2–40 long',
    );
  }
  const name = requireText('input.name', input.name, 2, 100, { zh: '项目名称', en: 'Name' });
  const kind = oneOf('input.kind', input.kind, PROGRAM_KINDS, '项目类型');
  const fundingTier = oneOf('input.fundingTier', input.fundingTier, FUNDING_TIERS, '资金层级');
  const amountUnit = oneOf('input.amountUnit', input.amountUnit, AMOUNT_UNITS, '计量单位');
  const paymentPeriod = oneOf('input.paymentPeriod', input.paymentPeriod, PAYMENT_PERIODS, '发放期间');
  const eligibility = checkEligibilityRules(input.eligibility);

  // A submission's variant comes from variantFor(rules, facts): the program must list exactly those.
  const expected = possibleVariants(eligibility);
  let variants = expected;
  if (input.variants && input.variants.length > 0) {
    const given = [...new Set(input.variants.map((variant) => variant.trim()))];
    if (given.length !== expected.length || !given.every((variant) => expected.includes(variant))) {
      throw badInput(
        'input.variants',
        `标准档次应与资格条件的档次依据一致：${expected.join('、')}`,
        `The variants must match the eligibility rules' variantBy: ${expected.join(', ')}`,
      );
    }
    variants = given;
  }

  const requiredEvidence: Partial<Record<EnrollmentKind, EvidenceKind[]>> = {};
  const evidenceFields: [EnrollmentKind, keyof RequiredEvidenceFields][] = [
    ['NEW', 'new'],
    ['CONTINUING', 'continuing'],
    ['EXITED', 'exited'],
  ];
  for (const [kind, key] of evidenceFields) {
    const kinds = listOf(
      `input.requiredEvidence.${key}`,
      input.requiredEvidence[key],
      EVIDENCE_KINDS,
      '证明材料',
    );
    if (kinds) requiredEvidence[kind] = kinds;
  }

  const noticeDays = input.noticeDays ?? 7;
  if (!Number.isInteger(noticeDays) || noticeDays < 1 || noticeDays > 30) {
    throw badInput('input.noticeDays', '公示天数应为 1–30 天', 'Notice days must be from 1 to 30');
  }
  const noticeDayKind = oneOf(
    'input.noticeDayKind',
    input.noticeDayKind ?? 'CALENDAR',
    ['CALENDAR', 'WORKING'],
    '公示天数计法',
  );
  const minAmountFen = parseFen(
    'input.minAmountFen',
    input.minAmountFen,
    { zh: '单笔发放下限', en: 'Smallest payment' },
    {
      min: 1n,
      max: MAX_PAYMENT_FEN,
    },
  );
  const maxAmountFen = parseFen(
    'input.maxAmountFen',
    input.maxAmountFen,
    { zh: '单笔发放上限', en: 'Largest payment' },
    {
      min: 1n,
      max: MAX_PAYMENT_FEN,
    },
  );
  if (BigInt(minAmountFen) > BigInt(maxAmountFen)) {
    throw badInput(
      'input.maxAmountFen',
      '单笔发放上限不能低于下限',
      'The largest payment cannot be below the smallest',
    );
  }
  return {
    code,
    name,
    kind,
    fundingTier,
    amountUnit,
    paymentPeriod,
    variants,
    eligibility,
    requiredEvidence,
    noticeDays,
    noticeDayKind,
    objectionOffice: objectionOffice('input.objectionOffice', input.objectionOffice),
    objectionPhone: objectionPhone('input.objectionPhone', input.objectionPhone),
    minAmountFen,
    maxAmountFen,
    sourceDocument: requireText('input.sourceDocument', input.sourceDocument, 2, 200, {
      zh: '依据文件',
      en: 'Source document',
    }),
  };
}

/** Checks a standard on its own; the program's variants and bounds are checked by the service. */
export function validateStandardFields(input: StandardFields): CheckedStandard {
  const variant = (input.variant ?? 'DEFAULT').trim() || 'DEFAULT';
  if (!VARIANT.test(variant)) {
    throw badInput(
      'input.variant',
      '档次应为大写字母和下划线，如 DIED_RURAL',
      'The variant must be capital letters and underscores, e.g. DIED_RURAL',
    );
  }
  const effectiveFrom = requireDate('input.effectiveFrom', input.effectiveFrom, {
    zh: '起始日期',
    en: 'Start date',
  });
  const effectiveUntil =
    input.effectiveUntil == null || input.effectiveUntil === ''
      ? null
      : requireDate('input.effectiveUntil', input.effectiveUntil, { zh: '停止日期', en: 'End date' });
  if (effectiveUntil !== null && effectiveUntil <= effectiveFrom) {
    throw badInput(
      'input.effectiveUntil',
      '停止适用日期应晚于起始日期',
      'The first day it no longer applies must come after the start date',
    );
  }
  return {
    programId: input.programId,
    variant,
    effectiveFrom,
    effectiveUntil,
    amountFen: parseFen(
      'input.amountFen',
      input.amountFen,
      { zh: '标准金额', en: 'Amount' },
      {
        min: 1n,
        max: MAX_PAYMENT_FEN,
      },
    ),
    sourceDocument: requireText('input.sourceDocument', input.sourceDocument, 2, 200, {
      zh: '依据文件',
      en: 'Source document',
    }),
  };
}
