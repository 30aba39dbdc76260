import type { DisclosureDefinition } from './index.ts';

/** How many associations and members each region has. */
export const ASSOCIATION_STATISTICS_DISCLOSURE: DisclosureDefinition = {
  slug: 'association-statistics',
  name: '计生协会组织统计',
  description:
    '全县、各乡镇、各村的计生协会个数（含示范协会、先进协会）和现有会员人数。会员人数少于规定人数的格子，以及可能被用来推算出这些格子的格子，不予公开，并注明原因。',
  pageKind: 'TOTALS_TABLE',
  document: `query AssociationStatistics($regionCode: String!) {
  associationStatistics(regionCode: $regionCode) {
    region {
      code
      name
      level
    }
    parentCode
    associationCount
    modelCount
    advancedCount
    memberCount
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
    'associationCount',
    'modelCount',
    'advancedCount',
    'memberCount',
    'suppressed',
    'suppressionReason',
  ],
};
