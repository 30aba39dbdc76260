import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { GraphQLResponse, TestApi } from '../../../test/test-api.ts';
import { ok } from '../enrollments/roll-test-fixtures.ts';
import type { ReconciliationView } from './disbursement.service.ts';

/** GraphQL documents and helpers the disbursement tests share. */

export const BATCH_FIELDS = `id programId programCode period purpose status lineCount totalFen createdById approvedById
  exportedById fileName fileSha256 downloadPath version region { code }`;
export const PAYMENT_FIELDS = `id batchId lineNumber personId personName payeePersonId payeeName proxyId bank
  accountNumberMasked amountFen entry correctsId status bankReference failureReason region { code }`;
export const RECONCILIATION_FIELDS = `regionCode regionName plannedCount plannedFen paidCount paidFen failedCount
  failedFen returnedCount returnedFen outstandingCount outstandingFen reversedCount reversedFen reversalCount
  reversalFen balanced`;

export const CREATE_BATCH = `mutation($input: DisbursementBatchInput!, $key: String!) {
  createDisbursementBatch(input: $input, idempotencyKey: $key) { ${BATCH_FIELDS} } }`;
export const APPROVE_BATCH = `mutation($id: ID!, $key: String!, $v: Int) {
  approveDisbursementBatch(id: $id, idempotencyKey: $key, expectedVersion: $v) { ${BATCH_FIELDS} } }`;
export const EXPORT_BATCH = `mutation($id: ID!, $key: String!) {
  exportDisbursementBatch(id: $id, idempotencyKey: $key) { ${BATCH_FIELDS} } }`;
export const BANK_RETURN = `mutation($id: ID!, $file: String!, $key: String!) {
  recordBankReturn(batchId: $id, fileText: $file, idempotencyKey: $key) {
    accepted paidCount failedCount returnedCount unchangedCount
    rowErrors { row column code messageZh messageEn } batch { id status } } }`;
export const REVERSE = `mutation($id: ID!, $reason: String!, $key: String!) {
  reversePayment(paymentId: $id, reason: $reason, idempotencyKey: $key) { ${PAYMENT_FIELDS} } }`;
export const REISSUE = `mutation($id: ID!, $key: String!) {
  reissuePayment(paymentId: $id, idempotencyKey: $key) { ${PAYMENT_FIELDS} } }`;
export const BATCH_WITH_LINES = `query($id: ID!, $first: Int, $after: String, $filter: PaymentFilter) {
  disbursementBatch(id: $id) { ${BATCH_FIELDS}
    reconciliation { ${RECONCILIATION_FIELDS} }
    payments(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${PAYMENT_FIELDS} } } } } }`;
export const RECONCILIATION = `query($id: ID!) { reconciliation(batchId: $id) {
  batchId total { ${RECONCILIATION_FIELDS} } townships { ${RECONCILIATION_FIELDS} } } }`;

export interface BatchNode {
  id: string;
  programId: string;
  programCode: string;
  period: string;
  purpose: string;
  status: string;
  lineCount: number;
  totalFen: string;
  createdById: string;
  approvedById: string | null;
  exportedById: string | null;
  fileName: string | null;
  fileSha256: string | null;
  downloadPath: string | null;
  version: number;
  region: { code: string };
}

export interface PaymentNode {
  id: string;
  batchId: string;
  lineNumber: number;
  personId: string;
  personName: string | null;
  payeePersonId: string;
  payeeName: string | null;
  proxyId: string | null;
  bank: string;
  accountNumberMasked: string;
  amountFen: string;
  entry: string;
  correctsId: string | null;
  status: string;
  bankReference: string | null;
  failureReason: string | null;
  region: { code: string };
}

/** The reconciliation fields as the API returns them: the service's view, field for field. */
export type ReconciliationNode = ReconciliationView;

export interface BankReturnNode {
  accepted: boolean;
  paidCount: number;
  failedCount: number;
  returnedCount: number;
  unchangedCount: number;
  rowErrors: {
    row: number | null;
    column: string | null;
    code: string;
    messageZh: string;
    messageEn: string;
  }[];
  batch: { id: string; status: string } | null;
}

export const key = () => randomUUID();

/** Signs in each user once per test file. */
export function cookieJar(t: () => TestApi): (username: string) => Promise<string> {
  const cookies = new Map<string, Promise<string>>();
  return (username) => {
    let cookie = cookies.get(username);
    if (!cookie) {
      cookie = t().signIn(username);
      cookies.set(username, cookie);
    }
    return cookie;
  };
}

/** The data of a response that must succeed, or the test fails with its errors. */
export const data = ok;

/** A refusal with this code (and field), Chinese first and English second, and no data. */
export function expectRefused(response: GraphQLResponse<unknown>, code: string, field?: string): void {
  const error = response.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(response.errors)).toBe(code);
  if (field !== undefined) expect(error?.extensions?.field).toBe(field);
  expect(String(error?.extensions?.messageZh)).toMatch(/[\u4e00-\u9fff]/);
  expect(String(error?.extensions?.messageEn)).toMatch(/[A-Za-z]{3,}/);
  // Nothing answered: no data, or only the null of a nullable field.
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
}

/** Every line of a batch, through the API, paging 100 at a time. */
export async function allLines(t: TestApi, cookie: string, batchId: string): Promise<PaymentNode[]> {
  const lines: PaymentNode[] = [];
  let after: string | null = null;
  for (;;) {
    const batch: {
      payments: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: PaymentNode }[];
      };
    } = await data(
      t.graphql(BATCH_WITH_LINES, { id: batchId, first: 100, after }, cookie),
      'disbursementBatch',
    );
    lines.push(...batch.payments.edges.map((edge) => edge.node));
    if (!batch.payments.pageInfo.hasNextPage) return lines;
    after = batch.payments.pageInfo.endCursor;
  }
}

/** A bank return file for these lines (UTF-8 with BOM, CRLF). */
export function bankReturnFile(
  rows: { paymentId: string; result: string; reference?: string; reason?: string }[],
  options: { bom?: boolean; newline?: string } = {},
): string {
  const newline = options.newline ?? '\r\n';
  const lines = ['付款编号,结果,银行流水号,原因'];
  for (const row of rows)
    lines.push([row.paymentId, row.result, row.reference ?? '', row.reason ?? ''].join(','));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join(newline)}${newline}`;
}
