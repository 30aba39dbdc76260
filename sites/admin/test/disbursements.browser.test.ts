import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { confirmedRoll } from '@sunshine/api/money-fixtures';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpConsole } from './console-harness.ts';

// Money in the console: the township prepares a batch from the confirmed roll, the county approves and
// exports it, the bank's return file is recorded (a bad file first, refused whole), and the batch reconciles.

const harness = setUpConsole();
let files: string;

beforeAll(async () => {
  files = await mkdtemp(path.join(tmpdir(), 'sunshine-admin-money-'));
});
afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

it('prepares, approves, exports, records the bank return and reconciles a batch', {
  timeout: 180_000,
}, async () => {
  const { t } = harness;
  const roll = await confirmedRoll(t, { persons: 4 });
  const township = await harness.newPage();
  await harness.signIn(township, roll.users.township);
  await township.getByRole('link', { name: '资金发放' }).click();
  await township.getByRole('heading', { level: 1, name: '资金发放' }).waitFor();
  await township.getByLabel('扶助项目').selectOption(roll.programId);
  await township.getByLabel('发放期间').fill(roll.period);
  await township.getByRole('button', { name: '生成', exact: true }).click();
  await expect.poll(() => township.getByTestId('batch-status').textContent()).toContain('待审批');
  expect(await township.getByTestId('batch-status').textContent()).toContain('4 笔');
  const batchUrl = township.url().replace(/^.*\/admin/, '');
  // Only the county approves.
  expect(await township.getByRole('button', { name: /审批/ }).count()).toBe(0);

  const county = await harness.newPage();
  await harness.signIn(county, roll.users.county);
  await county.goto(harness.url(batchUrl));
  await county.getByRole('button', { name: /审批（合计/ }).click();
  await expect.poll(() => county.getByTestId('batch-status').textContent()).toContain('已审批');
  await county.getByRole('button', { name: '导出付款文件' }).click();
  await expect.poll(() => county.getByTestId('batch-status').textContent()).toContain('已交银行');
  const downloading = county.waitForEvent('download');
  await county.getByRole('link', { name: /下载付款文件/ }).click();
  const paymentFile = await readFile((await (await downloading).path())!, 'utf8');
  const ids = [...paymentFile.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)].map(
    (m) => m[0],
  );
  const paymentIds = [...new Set(ids)];
  expect(paymentIds).toHaveLength(4);

  // A return file with a result the bank never writes: refused whole, naming row and column.
  const header = '付款编号,结果,银行流水号,原因';
  const bad = path.join(files, 'bad.csv');
  await writeFile(
    bad,
    [header, `${paymentIds[0]},成功,B0001,`, `${paymentIds[1]},大概成功,B0002,`].join('\n'),
  );
  await county.getByLabel('回盘文件').setInputFiles(bad);
  await expect
    .poll(() => county.getByTestId('bank-return-result').textContent())
    .toContain('第 3 行「结果」');
  const [{ paid }] = (await t.ownerSql<{ paid: number }>(
    `select count(*)::int as paid from payment where batch_id = $1 and status = 'PAID'`,
    [batchUrl.split('/').pop()],
  )) as [{ paid: number }];
  expect(paid).toBe(0);

  const good = path.join(files, 'good.csv');
  await writeFile(
    good,
    [
      header,
      `${paymentIds[0]},成功,B0001,`,
      `${paymentIds[1]},成功,B0002,`,
      `${paymentIds[2]},成功,B0003,`,
      `${paymentIds[3]},退回,B0004,账户已销户`,
    ].join('\n'),
  );
  await county.getByLabel('回盘文件').setInputFiles(good);
  await expect.poll(() => county.getByTestId('bank-return-result').textContent()).toContain('支付 3 笔');
  const total = county.getByTestId('reconciliation').locator('tbody tr').last();
  await expect.poll(() => total.textContent()).toContain('是');
  const cells = await total.locator('td').allTextContents();
  expect(cells[1]).toMatch(/^3 · /);
  expect(cells[3]).toMatch(/^1 · /);
  // The returned line can be paid again, in a correction.
  await county.getByRole('button', { name: '补发' }).waitFor();
});
