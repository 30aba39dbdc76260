import type { DisclosureDefinition } from './index.ts';

/** Money actually paid, by region, program and year: counts and amounts, small cells hidden. */
export const BENEFIT_TOTALS_DISCLOSURE: DisclosureDefinition = {
  slug: 'benefit-totals',
  name: '扶助资金发放汇总',
  description:
    '各乡镇、各村每个扶助/奖励项目每年实际到账的人数和金额（已扣除追回的款项）。人数少于规定人数的格子，以及可能被用来推算出这些格子的格子，不予公开，并注明原因；上一期已隐藏的格子本期继续隐藏。特别扶助等涉及家庭隐私的项目只公布到乡镇一级。',
  pageKind: 'TOTALS_TABLE',
  document: `query BenefitTotals($regionCode: String!) {
  benefitTotals(regionCode: $regionCode) {
    region {
      code
      name
      level
    }
    parentCode
    program {
      code
      name
      sensitive
    }
    year
    recipientCount
    amountFen
    suppressed
    suppressionReason
  }
}
`,
  outputFields: [
    'region.code',
    'region.name',
    'region.level',
    'parentCode',
    'program.code',
    'program.name',
    'program.sensitive',
    'year',
    'recipientCount',
    'amountFen',
    'suppressed',
    'suppressionReason',
  ],
};
