import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '@sunshine/browser/launch-chromium';
import { type Dataset, datasetSchema } from '@sunshine/disclosure/dataset';
import { buildPortal } from '@sunshine/portal/build-portal';
import { serveStatic } from '@sunshine/portal/serve-static';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './test-api.ts';

// The whole slice, as people use it: an admin writes and publishes a notice, a second admin
// approves the (edited) disclosure, a publication run writes the dataset, and a resident's browser
// finds the notice on the built portal with the provenance of the data behind it.

let t: TestApi;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  t = await startTestApi();
  browser = await launchChromium();
  outDir = await mkdtemp(path.join(tmpdir(), 'sunshine-portal-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await rm(outDir, { recursive: true, force: true });
});

it('publishes a new policy notice to the portal with its provenance', async () => {
  const admin = await t.signIn('county.admin');
  const approver = await t.signIn('county.approver');
  const title = '关于开展2026年“暖心计生”走访慰问活动的通知';

  const created = await t.graphql<{ createPolicy: { id: string; version: number } }>(
    `mutation($input: PolicyInput!) { createPolicy(input: $input) { id version } }`,
    {
      input: {
        title,
        documentNumber: '青计协〔2026〕99号',
        issuingBody: '青山县计划生育协会',
        regionCode: '330199000000',
        category: 'NOTICE',
        issueDate: '2026-11-20',
        effectiveDate: '2026-11-20',
        bodyMarkdown: '## 一、走访对象\n\n全县计划生育特殊家庭。\n\n## 二、时间安排\n\n12 月底前完成。',
        attachments: [
          { fileName: '走访登记表.xlsx', mediaType: 'application/vnd.ms-excel', byteSize: 20480 },
        ],
      },
    },
    admin,
  );
  expect(created.errors).toBeUndefined();
  const policy = created.data!.createPolicy;
  const published = await t.graphql(
    'mutation($id: ID!, $v: Int!) { publishPolicy(id: $id, expectedVersion: $v) { status } }',
    { id: policy.id, v: policy.version },
    admin,
  );
  expect(published.errors).toBeUndefined();

  // The drafter edits the disclosure's text: its approval lapses until someone else approves.
  const list = await t.graphql<{
    disclosures: { id: string; slug: string; version: number; document: string; outputFields: string[] }[];
  }>('{ disclosures { id slug version document outputFields name description pageKind } }', {}, admin);
  const disclosure = list.data!.disclosures.find((d) => d.slug === 'policy-notices')!;
  const edited = await t.graphql<{ updateDisclosure: { documentSha256: string; runnable: boolean } }>(
    `mutation($id: ID!, $v: Int!, $input: DisclosureInput!) {
       updateDisclosure(id: $id, expectedVersion: $v, input: $input) { documentSha256 runnable } }`,
    {
      id: disclosure.id,
      v: disclosure.version,
      input: {
        slug: 'policy-notices',
        name: '政策文件公开',
        description: '全县已发布的政策文件',
        regionCode: '330199000000',
        pageKind: 'NOTICE_LIST',
        document: `# 2026 年修订\n${disclosure.document}`,
        parameters: { regionCode: '330199000000' },
        outputFields: disclosure.outputFields,
      },
    },
    admin,
  );
  expect(edited.errors).toBeUndefined();
  expect(edited.data!.updateDisclosure.runnable).toBe(false);
  const sha = edited.data!.updateDisclosure.documentSha256;

  const ownApproval = await t.graphql(
    'mutation($id: ID!, $sha: String!) { approveDisclosure(id: $id, documentSha256: $sha) { id } }',
    { id: disclosure.id, sha },
    admin,
  );
  expect(ownApproval.errors?.[0]?.extensions?.code).toBe('FOUR_EYES');
  const approval = await t.graphql(
    'mutation($id: ID!, $sha: String!) { approveDisclosure(id: $id, documentSha256: $sha) { runnable } }',
    { id: disclosure.id, sha },
    approver,
  );
  expect(approval.errors).toBeUndefined();
  const run = await t.graphql('mutation { runPublication { id datasets { slug rowCount } } }', {}, approver);
  expect(run.errors).toBeUndefined();

  const dataset: Dataset = datasetSchema.parse(
    JSON.parse(await readFile(path.join(t.publicationsDir, 'datasets/policy-notices.json'), 'utf8')),
  );
  expect(dataset.provenance.documentSha256).toBe(sha);
  expect(dataset.rows.map((row) => row.title)).toContain(title);

  await buildPortal({ publicationsDir: t.publicationsDir, outDir });
  const site = await serveStatic({ dir: outDir, port: 0 });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: title }).first().click();
    await expect.poll(() => page.locator('h1').first().textContent()).toContain(title);
    await expect.poll(() => page.textContent('body')).toContain('青计协〔2026〕99号');

    const provenance = page.getByTestId('provenance');
    expect(await provenance.locator('[data-sha256]').getAttribute('data-sha256')).toBe(sha);
    expect(await provenance.locator('[data-field="disclosure"]').textContent()).toContain('政策文件公开');
    expect(await provenance.locator('[data-field="approver-role"]').textContent()).toContain('县级管理员');
    expect(await provenance.locator('[data-field="approver-region"]').textContent()).toContain('青山县');
    expect(await provenance.locator('[data-field="approved-at"] time').getAttribute('datetime')).toBe(
      dataset.provenance.approvedAt,
    );
    expect(await provenance.locator('[data-field="run-at"] time').getAttribute('datetime')).toBe(
      dataset.provenance.runAt,
    );

    // The link to the approved query shows the very text whose hash the page cites.
    await provenance.locator('[data-field="query-link"]').click();
    await expect.poll(() => page.textContent('pre')).toContain('# 2026 年修订');
    await page.close();
  } finally {
    await site.close();
  }
});
