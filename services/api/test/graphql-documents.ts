import { POLICY_NOTICES_DISCLOSURE } from '@sunshine/disclosure/policy-notices-disclosure';

/** GraphQL documents and inputs the API tests share. */

export const COUNTY_CODE = '330199000000';

export const POLICY_FIELDS = `id title documentNumber issuingBody category issueDate effectiveDate expiryDate
  bodyMarkdown status withdrawalReason version publishedAt withdrawnAt updatedAt
  attachments { fileName mediaType byteSize } region { code level }`;

export const CREATE_POLICY = `mutation($input: PolicyInput!) { createPolicy(input: $input) { ${POLICY_FIELDS} } }`;
export const UPDATE_POLICY = `mutation($id: ID!, $v: Int!, $input: PolicyInput!) {
  updatePolicy(id: $id, expectedVersion: $v, input: $input) { ${POLICY_FIELDS} } }`;
export const PUBLISH_POLICY = `mutation($id: ID!, $v: Int!) { publishPolicy(id: $id, expectedVersion: $v) { ${POLICY_FIELDS} } }`;
export const WITHDRAW_POLICY = `mutation($id: ID!, $v: Int!, $reason: String!) {
  withdrawPolicy(id: $id, expectedVersion: $v, reason: $reason) { ${POLICY_FIELDS} } }`;
export const POLICY = `query($id: ID!) { policy(id: $id) { ${POLICY_FIELDS} } }`;
export const POLICIES = `query($first: Int, $after: String, $filter: PolicyFilter, $orderBy: PolicyOrder) {
  policies(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title documentNumber issuingBody status category issueDate region { code } } }
  } }`;

export interface PolicyNode {
  id: string;
  title: string;
  documentNumber: string;
  issuingBody: string;
  category: string;
  issueDate: string;
  effectiveDate: string | null;
  expiryDate: string | null;
  bodyMarkdown: string;
  status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
  withdrawalReason: string | null;
  version: number;
  publishedAt: string | null;
  withdrawnAt: string | null;
  updatedAt: string;
  attachments: { fileName: string; mediaType: string; byteSize: number }[];
  region: { code: string; level: string };
}

let serial = 0;
/** A valid policy input with a fresh 文号 (the year follows the issue date). */
export function policyInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    title: `关于开展测试政策文件第${serial}号的通知`,
    documentNumber: `测计协〔2024〕${100 + serial}号`,
    issuingBody: '青山县计划生育协会',
    regionCode: COUNTY_CODE,
    category: 'NOTICE',
    issueDate: '2024-06-01',
    effectiveDate: '2024-06-15',
    expiryDate: null,
    bodyMarkdown: '各乡镇计生协：\n\n请按要求做好相关工作。',
    attachments: [{ fileName: '附件1.pdf', mediaType: 'application/pdf', byteSize: 1024 }],
    ...overrides,
  };
}

/** Chinese and English in one message, as the GraphQL edge promises. */
export const BILINGUAL = /[\u4e00-\u9fff].* \/ .*[A-Za-z]{3,}/s;

export const DISCLOSURE_FIELDS = `id slug name document documentSha256 outputFields draftedByViewer approvedRole
  approvedRegionName approvedSha256 approvedAt runnable version`;
export const CREATE_DISCLOSURE = `mutation($input: DisclosureInput!) { createDisclosure(input: $input) { ${DISCLOSURE_FIELDS} } }`;
export const UPDATE_DISCLOSURE = `mutation($id: ID!, $v: Int!, $input: DisclosureInput!) {
  updateDisclosure(id: $id, expectedVersion: $v, input: $input) { ${DISCLOSURE_FIELDS} } }`;
export const APPROVE_DISCLOSURE = `mutation($id: ID!, $sha: String!) { approveDisclosure(id: $id, documentSha256: $sha) { ${DISCLOSURE_FIELDS} } }`;

export interface DisclosureNode {
  id: string;
  slug: string;
  document: string;
  documentSha256: string;
  outputFields: string[];
  draftedByViewer: boolean;
  approvedRole: string | null;
  approvedSha256: string | null;
  runnable: boolean;
  version: number;
}

/** The policy-notices disclosure of packages/disclosure under another slug. */
export function disclosureInput(
  slug: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    slug,
    name: POLICY_NOTICES_DISCLOSURE.name,
    description: POLICY_NOTICES_DISCLOSURE.description,
    regionCode: COUNTY_CODE,
    pageKind: POLICY_NOTICES_DISCLOSURE.pageKind,
    document: POLICY_NOTICES_DISCLOSURE.document,
    parameters: { regionCode: COUNTY_CODE },
    outputFields: [...POLICY_NOTICES_DISCLOSURE.outputFields],
    ...overrides,
  };
}
