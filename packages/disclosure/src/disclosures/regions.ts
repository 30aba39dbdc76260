import type { DisclosureDefinition } from './index.ts';

/** The county's townships and villages: the portal's region pages and their names. */
export const REGIONS_DISCLOSURE: DisclosureDefinition = {
  slug: 'regions',
  name: '行政区划目录',
  description: '本县及所辖乡镇（街道）、村（社区）的名称和统计用区划代码，不含村民小组。',
  pageKind: 'TOTALS_TABLE',
  document: `query Regions($regionCode: String!) {
  publicRegions(regionCode: $regionCode) {
    code
    name
    level
    parentCode
  }
}
`,
  outputFields: ['code', 'name', 'level', 'parentCode'],
};
