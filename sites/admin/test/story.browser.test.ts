import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { birthDateOf, csv, newResidentId } from '@sunshine/api/import-test-fixtures';
import { buildPortal } from '@sunshine/portal/build-portal';
import { serveStatic } from '@sunshine/portal/serve-static';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpConsole } from './console-harness.ts';

// The whole story, in the console as its users work: a village clerk imports a roster with one bad row,
// reads the error, fixes it and imports again, then submits the new persons for a benefit; the township
// reviews; the county approves; the township opens the public notice; one county admin edits the
// recipient-list disclosure and a second approves it; a publication runs; the built portal shows the
// masked recipient list; and the clerk reaches no other village's data from any screen.

const harness = setUpConsole();
/** Next year: the demo county's own enrollments are this year's. */
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;
const NAMES = ['欧阳春', '司马秋', '上官冬'];
let files: string;
let portalDir: string;

beforeAll(async () => {
  files = await mkdtemp(path.join(tmpdir(), 'sunshine-admin-story-'));
  portalDir = path.join(files, 'portal');
});
afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

async function chooseRows(page: Page, names: string[]): Promise<void> {
  for (const name of names) await page.getByRole('checkbox', { name: `选择 ${name}` }).check();
}

it('carries three new persons from a spreadsheet to the public notice on the portal, masked', {
  timeout: 300_000,
}, async () => {
  const { t } = harness;
  const [village] = await t.ownerSql<{ code: string; name: string; clerk: string; township: string }>(
    `select v.code, v.name, c.username as clerk, a.username as township
       from region v
       join app_user c on c.region_id = v.id and c.role = 'VILLAGE_CLERK'
       join app_user a on a.region_id = v.parent_id and a.role = 'TOWNSHIP_ADMIN'
      where v.level = 'VILLAGE' and v.kind = 'VILLAGE'
      order by v.code limit 1`,
  );
  const [other] = await t.ownerSql<{ person: string; enrollment: string | null; notice: string | null }>(
    `select p.id as person,
            (select e.id from enrollment e where e.region_path <@ v.path limit 1) as enrollment,
            (select n.id from notice n where n.region_path <@ v.path limit 1) as notice
       from region v join person p on p.region_path <@ v.path
      where v.level = 'VILLAGE' and v.code <> $1 limit 1`,
    [village!.code],
  );
  const [program] = await t.ownerSql<{ id: string }>(`select id from program where code = 'REWARD-NATIONAL'`);
  const ids = NAMES.map(() => newResidentId('MALE'));
  const header = ['姓名', '身份证号', '出生日期', '户籍地区划代码', '户编号', '与户主关系', '计生户类型'];
  const row = (i: number, id = ids[i]!) => [
    NAMES[i]!,
    id,
    birthDateOf(ids[i]!),
    village!.code,
    `${village!.code}-${9001 + i}`,
    '户主',
    '独生子女户',
  ];
  const broken = `${ids[1]!.slice(0, 17)}${ids[1]!.endsWith('0') ? '1' : '0'}`;
  await writeFile(path.join(files, '花名册.csv'), csv([header, row(0), row(1, broken), row(2)]));
  await writeFile(path.join(files, '花名册（改正）.csv'), csv([header, row(0), row(1), row(2)]));

  // 1. The clerk imports the roster; row 3 has an ID number whose check digit does not fit.
  const clerk = await harness.newPage();
  await harness.signIn(clerk, village!.clerk);
  await clerk.getByRole('link', { name: '批量导入' }).click();
  await clerk.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(path.join(files, '花名册.csv'));
  await clerk.getByRole('button', { name: '上传并检查' }).click();
  await expect
    .poll(() => clerk.getByTestId('import-status').textContent(), { timeout: 30_000 })
    .toContain('有错误，未导入');
  expect(await clerk.getByTestId('import-errors').locator('tbody tr td').first().textContent()).toBe('3');
  await clerk.getByRole('link', { name: '← 返回导入列表' }).click();
  await clerk.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(path.join(files, '花名册（改正）.csv'));
  await clerk.getByRole('button', { name: '上传并检查' }).click();
  await expect
    .poll(() => clerk.getByTestId('import-status').textContent(), { timeout: 30_000 })
    .toContain('检查通过');
  await clerk.getByRole('button', { name: '确认导入 3 行' }).click();
  await expect
    .poll(() => clerk.getByTestId('import-status').textContent(), { timeout: 30_000 })
    .toContain('已导入 3 行');

  // 2. The clerk submits each of them, with the evidence the program asks for.
  for (const name of NAMES) {
    await clerk.goto(harness.url('/enrollments/new'));
    await clerk.getByLabel('姓名或身份证号').fill(name);
    await clerk.getByRole('button', { name: '查询' }).click();
    await clerk.getByRole('button', { name, exact: true }).click();
    await clerk.getByLabel('扶助项目').selectOption(program!.id);
    await clerk.getByLabel('年度').fill(String(YEAR));
    const numbers = clerk.getByLabel('证件或文书编号');
    const dates = clerk.getByLabel('出具日期');
    const count = await numbers.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await numbers.nth(i).fill(`青证字第${100 + i}号`);
      await dates.nth(i).fill('2026-03-15');
    }
    await clerk.getByRole('button', { name: '提交申报' }).click();
    await expect.poll(() => clerk.getByTestId('enrollment-status').textContent()).toContain('待审核');
  }

  // 3. The township reviews them; 4. the county approves them.
  const township = await harness.newPage();
  await harness.signIn(township, village!.township);
  await township.goto(harness.url(`/enrollments?status=SUBMITTED&program=${program!.id}`));
  await chooseRows(township, NAMES);
  await township.getByRole('button', { name: '审核所选（3）' }).click();
  await expect.poll(() => township.getByRole('status').first().textContent()).toContain('已办理 3 条');

  const county = await harness.newPage();
  await harness.signIn(county, 'county.admin');
  await county.goto(harness.url(`/enrollments?status=REVIEWED&program=${program!.id}`));
  await chooseRows(county, NAMES);
  await county.getByRole('button', { name: '审批所选（3）' }).click();
  await expect.poll(() => county.getByRole('status').first().textContent()).toContain('已办理 3 条');

  // 5. The township opens the public notice.
  await township.getByRole('link', { name: '公示与异议' }).click();
  await township.getByRole('heading', { level: 1, name: '公示与异议' }).waitFor();
  await township.getByLabel('扶助项目').selectOption(program!.id);
  await township.getByLabel('年度').fill(String(YEAR));
  await township.getByRole('button', { name: '开始公示', exact: true }).click();
  await expect.poll(() => township.getByTestId('notice-status').textContent()).toContain('公示中');
  for (const name of NAMES) await township.getByRole('link', { name, exact: true }).waitFor();
  const noticeId = township.url().split('/').pop()!;

  // 6. One county admin edits the recipient list's query text; the approval lapses until another approves.
  await county.getByRole('link', { name: '公开事项', exact: true }).click();
  await county.getByRole('link', { name: '扶助对象公示名单' }).click();
  await county.getByRole('button', { name: '修改草稿' }).click();
  const query = county.getByLabel('查询');
  await query.fill(`# 公示名单：姓名只显示姓和末字，公示期满后撤下\n${await query.inputValue()}`);
  await county.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => county.getByTestId('approval-state').textContent()).toContain('待他人批准');
  const approver = await harness.newPage();
  await harness.signIn(approver, 'county.approver');
  await approver.getByRole('link', { name: '公开事项', exact: true }).click();
  await approver.getByRole('link', { name: '扶助对象公示名单' }).click();
  await approver.getByRole('button', { name: '生成预览' }).click();
  const preview = approver.getByTestId('disclosure-preview');
  await preview.waitFor({ timeout: 60_000 });
  expect(await preview.textContent()).not.toContain(NAMES[0]);
  await approver.getByRole('button', { name: '批准此文本' }).click();
  await expect.poll(() => approver.getByTestId('approval-state').textContent()).toContain('已批准');

  // 7. The county admin runs a publication.
  await county.getByRole('link', { name: '公开事项', exact: true }).click();
  await county.getByRole('heading', { level: 1, name: '公开事项' }).waitFor();
  await county.getByRole('button', { name: '运行发布', exact: true }).click();
  await county.getByTestId('run-result').waitFor({ timeout: 120_000 });

  // 8. The built portal shows the three, masked, on the village's notice.
  await buildPortal({ publicationsDir: t.publicationsDir, outDir: portalDir });
  const site = await serveStatic({ dir: portalDir, port: 0 });
  try {
    const resident = await harness.newPage();
    await resident.goto(`${site.url}/notices/${noticeId}/${village!.code}/`);
    const text = (await resident.locator('main').textContent()) ?? '';
    for (const name of NAMES) {
      expect(text).toContain(`${name[0]}*${name.at(-1)}`);
      expect(text).not.toContain(name);
    }
  } finally {
    await site.close();
  }

  // 9. The clerk reaches no other village's data, from any screen.
  const refusals: [string, string][] = [[`/persons/${other!.person}`, 'persons']];
  if (other!.enrollment) refusals.push([`/enrollments/${other!.enrollment}`, 'enrollments']);
  if (other!.notice) refusals.push([`/notices/${other!.notice}`, 'notices']);
  for (const [screen] of refusals) {
    await clerk.goto(harness.url(screen));
    await clerk.getByRole('alert').waitFor();
    expect(await clerk.getByRole('alert').textContent(), screen).toContain('不在您的管辖范围内');
  }
  for (const [screen, column] of [
    ['/persons', 5],
    ['/enrollments', 6],
  ] as const) {
    await clerk.goto(harness.url(screen));
    await clerk.getByRole('table').waitFor();
    const regions = await clerk.locator(`tbody tr td:nth-child(${column})`).allTextContents();
    expect(regions.length, screen).toBeGreaterThan(0);
    expect(new Set(regions), screen).toEqual(new Set([village!.name]));
  }
});
