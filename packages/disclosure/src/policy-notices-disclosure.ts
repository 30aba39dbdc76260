import { POLICY_NOTICES_SLUG } from './publication-files.ts';

/**
 * The disclosure behind the policy newsroom. A deployment drafts it from this definition; it runs
 * only once a second admin has approved its exact text.
 */
export const POLICY_NOTICES_DISCLOSURE = {
  slug: POLICY_NOTICES_SLUG,
  name: '政策文件公开',
  description: '本县及各乡镇已发布且未撤回的计划生育协会政策文件、通知，按发文日期从新到旧排列。',
  pageKind: 'NOTICE_LIST',
  document: `query PolicyNotices($regionCode: String!) {
  policies(regionCode: $regionCode) {
    id
    title
    documentNumber
    issuingBody
    category
    categoryLabel
    issueDate
    effectiveDate
    expiryDate
    bodyMarkdown
    attachments {
      fileName
      mediaType
      byteSize
    }
    region {
      code
      name
      level
    }
    publishedAt
  }
}
`,
  outputFields: [
    'id',
    'title',
    'documentNumber',
    'issuingBody',
    'category',
    'categoryLabel',
    'issueDate',
    'effectiveDate',
    'expiryDate',
    'bodyMarkdown',
    'attachments.fileName',
    'attachments.mediaType',
    'attachments.byteSize',
    'region.code',
    'region.name',
    'region.level',
    'publishedAt',
  ],
} as const;
