import type { DisclosureDefinition } from './index.ts';

/** The benefit programs that apply in the county, with their standards over the years. */
export const PROGRAMS_DISCLOSURE: DisclosureDefinition = {
  slug: 'programs',
  name: '扶助项目及标准',
  description: '本县实施的计划生育家庭扶助、奖励项目，资金层级、政策依据、公示天数、异议受理方式和历年标准。',
  pageKind: 'NOTICE_LIST',
  document: `query Programs($regionCode: String!) {
  publicPrograms(regionCode: $regionCode) {
    code
    name
    kind
    kindLabel
    fundingTier
    fundingTierLabel
    sensitive
    amountUnit
    amountUnitLabel
    sourceDocument
    noticeDays
    objectionOffice
    objectionPhone
    standards {
      variant
      variantLabel
      effectiveFrom
      effectiveUntil
      amountFen
    }
  }
}
`,
  outputFields: [
    'code',
    'name',
    'kind',
    'kindLabel',
    'fundingTier',
    'fundingTierLabel',
    'sensitive',
    'amountUnit',
    'amountUnitLabel',
    'sourceDocument',
    'noticeDays',
    'objectionOffice',
    'objectionPhone',
    'standards.variant',
    'standards.variantLabel',
    'standards.effectiveFrom',
    'standards.effectiveUntil',
    'standards.amountFen',
  ],
};
