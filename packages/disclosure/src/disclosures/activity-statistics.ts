import type { DisclosureDefinition } from './index.ts';

/** What the associations did, by region, year and kind of activity. */
export const ACTIVITY_STATISTICS_DISCLOSURE: DisclosureDefinition = {
  slug: 'activity-statistics',
  name: '计生协会活动统计',
  description:
    '全县、各乡镇、各村计生协会每年各类活动（会员活动日、世界人口日、妇女病普查、培训、入户走访、集市宣传等）的次数、参加人次、发放宣传品份数、义诊咨询人次和普查受检人次。',
  pageKind: 'CHART',
  document: `query ActivityStatistics($regionCode: String!) {
  activityStatistics(regionCode: $regionCode) {
    region {
      code
      name
      level
    }
    parentCode
    year
    kind
    kindLabel
    activityCount
    participants
    leaflets
    consultations
    peopleScreened
  }
}
`,
  outputFields: [
    'region.code',
    'region.name',
    'region.level',
    'parentCode',
    'year',
    'kind',
    'kindLabel',
    'activityCount',
    'participants',
    'leaflets',
    'consultations',
    'peopleScreened',
  ],
};
