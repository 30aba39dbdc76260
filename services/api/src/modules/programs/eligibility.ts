/**
 * Eligibility rules as data (stored in `program.eligibility`), and their check against the facts
 * about a person and their household. Each rule that fails gives a code the submitter is told.
 */
export interface EligibilityRules {
  /** Reaches at least this age in the enrollment year (年满 N 周岁 in that year). */
  minAge?: number;
  /** At most this age in the enrollment year. */
  maxAge?: number;
  householdPlanningStatuses?: ('NONE' | 'ONLY_CHILD' | 'TWO_DAUGHTERS')[];
  householdSensitiveStatuses?: ('ONLY_CHILD_DIED' | 'ONLY_CHILD_DISABLED')[];
  householdInDifficulty?: boolean;
  /** The kinds of village the person is registered in: VILLAGE (rural) or COMMUNITY (urban). */
  regionKinds?: string[];
  /** Which facts pick the standard's variant, e.g. DIED_RURAL. */
  variantBy?: ('SENSITIVE_STATUS' | 'REGION_KIND')[];
}

export interface EligibilityFacts {
  birthDate: string;
  householdPlanningStatus: string | null;
  householdSensitiveStatus: string | null;
  householdInDifficulty: boolean | null;
  regionKind: string;
  /** Died on (a person who died before the year starts gets nothing for that year). */
  deceasedOn?: string | null;
  /** Moved out of the county on. */
  movedAwayOn?: string | null;
}

export const ELIGIBILITY_FAILURES = [
  'TOO_YOUNG',
  'TOO_OLD',
  'NO_HOUSEHOLD',
  'PLANNING_STATUS',
  'SENSITIVE_STATUS',
  'NOT_IN_DIFFICULTY',
  'REGION_KIND',
  'DECEASED',
  'MOVED_AWAY',
] as const;
export type EligibilityFailure = (typeof ELIGIBILITY_FAILURES)[number];

export const ELIGIBILITY_FAILURE_TEXT: Record<EligibilityFailure, { zh: string; en: string }> = {
  TOO_YOUNG: { zh: '年龄未达到项目规定', en: 'younger than the program requires' },
  TOO_OLD: { zh: '年龄超过项目规定', en: 'older than the program allows' },
  NO_HOUSEHOLD: { zh: '未登记所在家庭户', en: 'not filed in a household' },
  PLANNING_STATUS: {
    zh: '家庭计生类型不符合项目规定',
    en: "the household's family-planning status does not qualify",
  },
  SENSITIVE_STATUS: { zh: '家庭情况不符合项目规定', en: "the household's circumstances do not qualify" },
  NOT_IN_DIFFICULTY: { zh: '家庭未登记为困难家庭', en: 'the household is not registered as in difficulty' },
  REGION_KIND: {
    zh: '户籍所在地类型不符合项目规定',
    en: 'the kind of place of registration does not qualify',
  },
  DECEASED: { zh: '该人员在该年度开始前已去世', en: 'the person died before the year began' },
  MOVED_AWAY: {
    zh: '该人员在该年度开始前已迁出本县',
    en: 'the person moved out of the county before the year began',
  },
};

/** Age reached in the given year. */
export function ageInYear(birthDate: string, year: number): number {
  return year - Number(birthDate.slice(0, 4));
}

export function checkEligibility(
  rules: EligibilityRules,
  facts: EligibilityFacts,
  year: number,
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const yearStart = `${year}-01-01`;
  if (facts.deceasedOn && facts.deceasedOn < yearStart) failures.push('DECEASED');
  if (facts.movedAwayOn && facts.movedAwayOn < yearStart) failures.push('MOVED_AWAY');
  const age = ageInYear(facts.birthDate, year);
  if (rules.minAge !== undefined && age < rules.minAge) failures.push('TOO_YOUNG');
  if (rules.maxAge !== undefined && age > rules.maxAge) failures.push('TOO_OLD');
  const needsHousehold =
    rules.householdPlanningStatuses !== undefined ||
    rules.householdSensitiveStatuses !== undefined ||
    rules.householdInDifficulty !== undefined;
  if (needsHousehold && facts.householdPlanningStatus === null) {
    failures.push('NO_HOUSEHOLD');
    return failures;
  }
  if (
    rules.householdPlanningStatuses &&
    !rules.householdPlanningStatuses.includes(facts.householdPlanningStatus as 'NONE')
  ) {
    failures.push('PLANNING_STATUS');
  }
  if (
    rules.householdSensitiveStatuses &&
    !rules.householdSensitiveStatuses.includes(facts.householdSensitiveStatus as 'ONLY_CHILD_DIED')
  ) {
    failures.push('SENSITIVE_STATUS');
  }
  if (rules.householdInDifficulty === true && facts.householdInDifficulty !== true)
    failures.push('NOT_IN_DIFFICULTY');
  if (rules.regionKinds && !rules.regionKinds.includes(facts.regionKind)) failures.push('REGION_KIND');
  return failures;
}

/** The standard's variant these facts select, e.g. DIED_RURAL; DEFAULT when the program has none. */
export function variantFor(rules: EligibilityRules, facts: EligibilityFacts): string {
  if (!rules.variantBy || rules.variantBy.length === 0) return 'DEFAULT';
  return rules.variantBy
    .map((by) =>
      by === 'SENSITIVE_STATUS'
        ? facts.householdSensitiveStatus === 'ONLY_CHILD_DIED'
          ? 'DIED'
          : 'DISABLED'
        : facts.regionKind === 'COMMUNITY'
          ? 'URBAN'
          : 'RURAL',
    )
    .join('_');
}

const PLANNING_LABELS: Record<string, { zh: string; en: string }> = {
  NONE: { zh: '一般户', en: 'no family-planning status' },
  ONLY_CHILD: { zh: '独生子女户', en: 'only-child household' },
  TWO_DAUGHTERS: { zh: '双女户', en: 'two-daughter household' },
};
const REGION_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  VILLAGE: { zh: '村（农村）', en: 'village (rural)' },
  COMMUNITY: { zh: '社区（城镇）', en: 'community (urban)' },
};

/**
 * What a failed rule requires, in words a submitter can check against the register (the rule's
 * figures and lists, never the person's facts): "须在该年度年满 60 周岁".
 */
export function eligibilityRuleText(
  failure: EligibilityFailure,
  rules: EligibilityRules,
): { zh: string; en: string } {
  const base = ELIGIBILITY_FAILURE_TEXT[failure];
  const join = (values: string[] | undefined, labels: Record<string, { zh: string; en: string }>) => ({
    zh: (values ?? []).map((value) => labels[value]?.zh ?? value).join('或'),
    en: (values ?? []).map((value) => labels[value]?.en ?? value).join(' or '),
  });
  switch (failure) {
    case 'TOO_YOUNG':
      return {
        zh: `${base.zh}（须在该年度年满 ${rules.minAge} 周岁）`,
        en: `${base.en} (at least ${rules.minAge} in that year)`,
      };
    case 'TOO_OLD':
      return {
        zh: `${base.zh}（该年度不超过 ${rules.maxAge} 周岁）`,
        en: `${base.en} (at most ${rules.maxAge} in that year)`,
      };
    case 'PLANNING_STATUS': {
      const allowed = join(rules.householdPlanningStatuses, PLANNING_LABELS);
      return { zh: `${base.zh}（须为${allowed.zh}）`, en: `${base.en} (must be ${allowed.en})` };
    }
    case 'REGION_KIND': {
      const allowed = join(rules.regionKinds, REGION_KIND_LABELS);
      return {
        zh: `${base.zh}（须为${allowed.zh}户籍）`,
        en: `${base.en} (must be registered in a ${allowed.en})`,
      };
    }
    default:
      return base;
  }
}

/** Whether checking these rules needs the sensitive household statuses (only child died / disabled). */
export function usesSensitiveFacts(rules: EligibilityRules): boolean {
  return (
    (rules.householdSensitiveStatuses?.length ?? 0) > 0 ||
    (rules.variantBy ?? []).includes('SENSITIVE_STATUS')
  );
}

/** Every variant `variantFor` can give under these rules, e.g. DIED_URBAN … DISABLED_RURAL. */
export function possibleVariants(rules: EligibilityRules): string[] {
  if (!rules.variantBy || rules.variantBy.length === 0) return ['DEFAULT'];
  return rules.variantBy.reduce<string[]>(
    (prefixes, by) => {
      const parts = by === 'SENSITIVE_STATUS' ? ['DIED', 'DISABLED'] : ['URBAN', 'RURAL'];
      return prefixes.flatMap((prefix) => parts.map((part) => (prefix === '' ? part : `${prefix}_${part}`)));
    },
    [''],
  );
}

/** The rules in one sentence, Chinese and English, for forms and the program list. */
export function describeEligibility(rules: EligibilityRules): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (rules.minAge !== undefined) {
    zh.push(`年满 ${rules.minAge} 周岁`);
    en.push(`aged ${rules.minAge} or over in the year`);
  }
  if (rules.maxAge !== undefined) {
    zh.push(`不超过 ${rules.maxAge} 周岁`);
    en.push(`aged at most ${rules.maxAge}`);
  }
  if (rules.householdPlanningStatuses?.length) {
    zh.push(rules.householdPlanningStatuses.map((s) => PLANNING_LABELS[s]?.zh ?? s).join('或'));
    en.push(rules.householdPlanningStatuses.map((s) => PLANNING_LABELS[s]?.en ?? s).join(' or '));
  }
  if (rules.householdSensitiveStatuses?.length) {
    zh.push('计生特殊家庭（独生子女死亡或伤残）');
    en.push('a household whose only child died or is disabled');
  }
  if (rules.householdInDifficulty) {
    zh.push('登记为计生困难家庭');
    en.push('registered as in difficulty');
  }
  if (rules.regionKinds?.length) {
    zh.push(`${rules.regionKinds.map((k) => REGION_KIND_LABELS[k]?.zh ?? k).join('或')}户籍`);
    en.push(`registered in a ${rules.regionKinds.map((k) => REGION_KIND_LABELS[k]?.en ?? k).join(' or ')}`);
  }
  return zh.length === 0
    ? { zh: '无附加条件', en: 'no conditions' }
    : { zh: zh.join('；'), en: en.join('; ') };
}

/**
 * Whether taking part in a program reveals that a family lost its only child or the child is
 * disabled: special assistance always, and any program whose rules ask for those statuses (care
 * payments to the same families). Such a program's rows are for those who may know (ADR 0006).
 */
export function programIsSensitive(kind: string, rules: EligibilityRules): boolean {
  return (
    kind === 'SPECIAL_ASSISTANCE' ||
    (rules.householdSensitiveStatuses?.length ?? 0) > 0 ||
    (rules.variantBy ?? []).includes('SENSITIVE_STATUS')
  );
}
