import type { AmountUnit, FundingTier, ProgramKind } from './program-catalogue.ts';

type Label = { zh: string; en: string };

/** The names of program kinds, funding tiers and amount units, for the admin enums and the portal. */
export const PROGRAM_KIND_LABELS: Record<ProgramKind, Label> = {
  REWARD_ASSISTANCE: { zh: '农村部分计划生育家庭奖励扶助', en: 'Rural family-planning reward assistance' },
  SPECIAL_ASSISTANCE: {
    zh: '计划生育家庭特别扶助（独生子女死亡或伤残）',
    en: 'Special assistance (only child died or disabled)',
  },
  ONLY_CHILD_PARENT_REWARD: { zh: '独生子女父母奖励', en: "Only-child parents' reward" },
  CARE_PAYMENT: { zh: '关怀抚慰金', en: 'Care and comfort payment' },
  EMERGENCY_AID: { zh: '救助金', en: 'Emergency aid' },
  STUDY_GRANT: { zh: '助学金', en: 'Study grant' },
};

export const FUNDING_TIER_LABELS: Record<FundingTier, Label> = {
  NATIONAL: { zh: '中央', en: 'National' },
  PROVINCIAL: { zh: '省级', en: 'Provincial' },
  COUNTY: { zh: '县级', en: 'County' },
  TOWNSHIP: { zh: '乡镇', en: 'Township' },
};

export const AMOUNT_UNIT_LABELS: Record<AmountUnit, Label> = {
  PER_PERSON_YEAR: { zh: '每人每年', en: 'Per person per year' },
  PER_PERSON_MONTH: { zh: '每人每月', en: 'Per person per month' },
  PER_EVENT: { zh: '每次', en: 'Per event' },
};

/** The parts a variant is joined from (`variantFor` in eligibility.ts): DIED_RURAL = DIED + RURAL. */
const VARIANT_PART_LABELS: Record<string, Label> = {
  DIED: { zh: '独生子女死亡', en: 'only child died' },
  DISABLED: { zh: '独生子女伤残', en: 'only child disabled' },
  URBAN: { zh: '城镇', en: 'urban' },
  RURAL: { zh: '农村', en: 'rural' },
};

/**
 * A standard's variant in words: DEFAULT is the one standard for everyone; DIED_RURAL reads
 * "独生子女死亡（农村）". A part this table does not know is shown as it is stored.
 */
export function variantLabel(variant: string): Label {
  if (variant === 'DEFAULT') return { zh: '统一标准', en: 'Standard rate' };
  const parts = variant.split('_').map((part) => VARIANT_PART_LABELS[part] ?? { zh: part, en: part });
  const [first, ...rest] = parts as [Label, ...Label[]];
  if (rest.length === 0) return first;
  return {
    zh: `${first.zh}（${rest.map((part) => part.zh).join('，')}）`,
    en: `${first.en} (${rest.map((part) => part.en).join(', ')})`,
  };
}
