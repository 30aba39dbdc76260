import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { birthDateOf, csv, importFixture, newResidentId } from '@sunshine/api/import-test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpConsole } from './console-harness.ts';

// A village clerk imports a register: one bad row stops the whole file with a report naming it; the
// corrected file goes in whole.

const harness = setUpConsole();
let files: string;

beforeAll(async () => {
  files = await mkdtemp(path.join(tmpdir(), 'sunshine-admin-import-'));
});
afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

describe('importing a register', () => {
  it('reports the bad row by number, column and reason, imports nothing, then takes the corrected file', async () => {
    const { t } = harness;
    const fixture = await importFixture(t);
    const village = fixture.villageA;
    const good = [newResidentId('FEMALE'), newResidentId('MALE'), newResidentId('FEMALE')];
    const header = ['姓名', '身份证号', '出生日期', '户籍地区划代码'];
    const rows = (third: string) => [
      header,
      ['测试甲', good[0]!, birthDateOf(good[0]!), village.code],
      ['测试乙', good[1]!, birthDateOf(good[1]!), village.code],
      ['测试丙', third, birthDateOf(good[2]!), village.code],
    ];
    // Row 4 (the header is row 1): a check digit that does not fit.
    const broken = `${good[2]!.slice(0, 17)}${good[2]!.endsWith('0') ? '1' : '0'}`;
    const badFile = path.join(files, '花名册.csv');
    await writeFile(badFile, csv(rows(broken)));
    const before = await t.ownerSql<{ n: number }>('select count(*)::int as n from person');

    const page = await harness.newPage();
    await harness.signIn(page, village.clerk);
    await page.getByRole('link', { name: '批量导入' }).click();
    await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(badFile);
    await page.getByRole('button', { name: '上传并检查' }).click();
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 })
      .toContain('有错误，未导入');
    const errorRows = page.getByTestId('import-errors').locator('tbody tr');
    expect(await errorRows.count()).toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('身份证号');
    expect(cells[2]).toMatch(/校验/);
    expect(cells.join(' ')).not.toContain(broken);

    // The report downloads as a file a clerk can open in Excel, naming the same row.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载错误报告（CSV）' }).click();
    const report = await readFile((await (await downloading).path())!, 'utf8');
    expect(report.startsWith('\uFEFF')).toBe(true);
    expect(report.split('\n')[1]).toMatch(/^4,身份证号,/);
    const after = await t.ownerSql<{ n: number }>('select count(*)::int as n from person');
    expect(after[0]!.n).toBe(before[0]!.n);

    // The corrected file.
    const goodFile = path.join(files, '花名册（已改正）.csv');
    await writeFile(goodFile, csv(rows(good[2]!)));
    await page.getByRole('link', { name: '← 返回导入列表' }).click();
    await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(goodFile);
    await page.getByRole('button', { name: '上传并检查' }).click();
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 })
      .toContain('检查通过');
    await page.getByRole('button', { name: '确认导入 3 行' }).click();
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 })
      .toContain('已导入 3 行');
    const imported = await t.ownerSql<{ name: string }>(
      `select name from person where resident_id = any($1) order by name`,
      [good],
    );
    expect(imported.map((p) => p.name)).toEqual(['测试丙', '测试乙', '测试甲'].sort());
    // The history lists both uploads.
    await page.getByRole('link', { name: '← 返回导入列表' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  });
});
