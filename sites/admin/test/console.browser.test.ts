import { describe, expect, it } from 'vitest';
import { PASSWORD, seriousViolations, setUpConsole } from './console-harness.ts';

// Signing in, scope, policies, the audit log, accessibility and layout.

const harness = setUpConsole();
const { newPage, signIn } = harness;

describe('signing in', () => {
  it('refuses a wrong password in Chinese, then shows who is signed in, their role and jurisdiction', async () => {
    const page = await newPage();
    await page.goto(`${harness.t.api.url}/admin/policies`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('阳光村务 · 管理后台');
    await page.getByLabel('用户名').fill('township.001');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await alert.textContent()).not.toContain(' / ');

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    const who = page.getByTestId('who');
    await who.waitFor();
    expect(await who.textContent()).toContain('乡镇管理员');
    const [township] = await harness.t.ownerSql<{ name: string }>(
      `select r.name from app_user u join region r on r.id = u.region_id where u.username = 'township.001'`,
    );
    expect(await who.textContent()).toContain(township!.name);
    // The deep link asked for before signing in is where the admin lands.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('政策文件');
  });

  it('signs out, and a new sign-in never sees the previous admin’s cached data', async () => {
    const page = await newPage();
    await signIn(page, 'county.admin');
    await page.getByRole('link', { name: '人员登记' }).click();
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('用户名').waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.filter((c) => c.value !== '')).toHaveLength(0);

    await signIn(page, 'clerk.001.001');
    await page.getByRole('link', { name: '人员登记' }).click();
    await page.getByRole('table').waitFor();
    const [village] = await harness.t.ownerSql<{ name: string }>(
      `select r.name from app_user u join region r on r.id = u.region_id where u.username = 'clerk.001.001'`,
    );
    const regions = await page.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set([village!.name]));
  });

  it('asks for the password again when the session ends, and carries on with the same page', async () => {
    const page = await newPage();
    await signIn(page, 'county.admin');
    await page.getByRole('link', { name: '政策文件' }).click();
    await page.getByRole('table').waitFor();
    await harness.t.ownerSql(
      `update user_session set expires_at = now() - interval '1 second'
        where user_id = (select id from app_user where username = 'county.admin')`,
    );
    await page.getByLabel('标题、文号或正文').fill('通知');
    await page.getByRole('button', { name: '查询' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('登录已过期');
    await dialog.getByLabel('密码').fill(PASSWORD);
    await dialog.getByRole('button', { name: '登录' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('政策文件');
    expect(await page.getByLabel('标题、文号或正文').inputValue()).toBe('通知');
  });
});

describe('scope', () => {
  it('lets a township admin narrow to one of their villages, and only theirs', async () => {
    const page = await newPage();
    await signIn(page, 'township.001');
    await page.getByRole('button', { name: /查看范围/ }).click();
    await page.locator('.region-list').waitFor();
    const villages = await harness.t.ownerSql<{ name: string }>(
      `select c.name from app_user u join region r on r.id = u.region_id join region c on c.parent_id = r.id
        where u.username = 'township.001' and c.level = 'VILLAGE' order by c.code`,
    );
    const listed = await page.locator('.region-list button').allTextContents();
    expect(listed.sort()).toEqual(villages.map((v) => v.name).sort());
    await page.getByRole('button', { name: villages[0]!.name, exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /查看范围/ }).textContent())
      .toContain(villages[0]!.name);
    await expect.poll(() => page.locator('main p.muted').first().textContent()).toContain(villages[0]!.name);
  });

  it('shows a village clerk nothing of another village, even by a direct link', async () => {
    const [other] = await harness.t.ownerSql<{ id: string }>(
      `select p.id from person p where not p.region_path <@ (
         select r.path from app_user u join region r on r.id = u.region_id where u.username = 'clerk.001.001')
       limit 1`,
    );
    const page = await newPage();
    await signIn(page, 'clerk.001.001');
    await page.goto(`${harness.t.api.url}/admin/persons/${other!.id}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('不在您的管辖范围内');
  });
});

describe('policies', () => {
  it('drafts a policy in Markdown, previews it as the portal will show it, saves and publishes it', async () => {
    const page = await newPage();
    await signIn(page, 'county.admin');
    await page.getByRole('link', { name: '政策文件' }).click();
    await page.getByRole('link', { name: '起草政策文件' }).click();
    // The list's search box is labelled 标题、文号或正文: wait for the form before filling by label.
    await page.getByRole('heading', { level: 1, name: '起草政策文件' }).waitFor();
    await page.getByLabel('标题', { exact: true }).fill('关于2027年度奖励扶助资格确认工作的通知');
    await page.getByLabel('文号', { exact: true }).fill('青计协〔2026〕31号');
    await page.getByLabel('发文单位').fill('青山县计划生育协会');
    await page
      .getByLabel('正文（Markdown）')
      .fill(
        '## 一、确认对象\n\n| 项目 | 标准 |\n| --- | --- |\n| 奖励扶助 | 每人每月 80 元 |\n\n<script>alert(1)</script>',
      );
    await page.getByRole('tab', { name: '预览' }).click();
    const preview = page.getByTestId('policy-preview');
    await preview.waitFor();
    await expect.poll(() => preview.getByRole('heading', { level: 2 }).textContent()).toBe('一、确认对象');
    await preview.getByRole('cell', { name: '每人每月 80 元' }).waitFor();
    expect(await preview.textContent()).toContain('<script>alert(1)</script>');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('关于2027年度奖励扶助资格确认工作的通知');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByRole('status').filter({ hasText: '已发布' }).waitFor();
    const [stored] = await harness.t.ownerSql<{ status: string }>(
      `select status from policy where document_number = '青计协〔2026〕31号'`,
    );
    expect(stored?.status).toBe('PUBLISHED');
  });

  it('names the refused field in the admin’s language and changes nothing', async () => {
    const page = await newPage();
    await signIn(page, 'county.admin');
    await page.goto(`${harness.t.api.url}/admin/policies/new`);
    await page.getByLabel('标题', { exact: true }).fill('日期有误的通知');
    await page.getByLabel('文号', { exact: true }).fill('青计协〔2026〕32号');
    await page.getByLabel('发文单位').fill('青山县计划生育协会');
    await page.getByLabel('发文日期').fill('2026-01-05');
    await page.getByLabel('生效日期').fill('2026-01-10');
    await page.getByLabel('失效日期').fill('2026-01-01');
    await page.getByLabel('正文（Markdown）').fill('正文');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('失效日期不能早于生效日期');
    await expect.poll(() => page.getByLabel('失效日期').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Expiry date cannot precede the effective date');
    const rows = await harness.t.ownerSql(
      `select 1 from policy where document_number = '青计协〔2026〕32号'`,
    );
    expect(rows).toHaveLength(0);
  });
});

describe('audit log', () => {
  it('lets the auditor check the whole chain', async () => {
    const page = await newPage();
    await signIn(page, 'county.auditor');
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('button', { name: '校验整条审计链' }).click();
    await expect.poll(() => page.getByTestId('chain-result').textContent()).toContain('审计链完好');
  });
});

describe('accessibility and layout', () => {
  it('axe-core finds no serious or critical violation on any screen, in Chinese and English', {
    timeout: 240_000,
  }, async () => {
    const page = await newPage({ bypassCSP: true });
    await page.goto(`${harness.t.api.url}/admin/`);
    await page.getByLabel('用户名').waitFor();
    const problems = (await seriousViolations(page)).map((p) => `sign-in: ${p}`);
    await signIn(page, 'county.admin');
    const [policy] = await harness.t.ownerSql<{ id: string }>('select id from policy limit 1');
    const [person] = await harness.t.ownerSql<{ id: string }>('select id from person limit 1');
    const [enrollment] = await harness.t.ownerSql<{ id: string }>('select id from enrollment limit 1');
    const [notice] = await harness.t.ownerSql<{ id: string }>('select id from notice limit 1');
    const [disclosure] = await harness.t.ownerSql<{ id: string }>('select id from disclosure limit 1');
    const [association] = await harness.t.ownerSql<{ id: string }>('select id from association limit 1');
    const [round] = await harness.t.ownerSql<{ id: string }>('select id from award_round limit 1');
    const [batch] = await harness.t.ownerSql<{ id: string }>('select id from disbursement_batch limit 1');
    for (const screen of [
      '/',
      '/persons',
      `/persons/${person!.id}`,
      '/imports',
      '/enrollments',
      '/enrollments/new',
      `/enrollments/${enrollment!.id}`,
      '/notices',
      `/notices/${notice!.id}`,
      '/policies',
      `/policies/${policy!.id}`,
      '/policies/new',
      '/disclosures',
      `/disclosures/${disclosure!.id}`,
      '/associations',
      `/associations/${association!.id}`,
      '/activities',
      '/activities/new',
      '/projects',
      '/evaluations',
      '/awards',
      `/awards/${round!.id}`,
      '/disbursements',
      `/disbursements/${batch!.id}`,
      '/audit',
    ]) {
      await page.goto(`${harness.t.api.url}/admin${screen}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      problems.push(...(await seriousViolations(page)).map((p) => `${screen}: ${p}`));
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    problems.push(...(await seriousViolations(page)).map((p) => `/audit (en): ${p}`));
    expect(problems).toEqual([]);
  });

  it('fits a tablet: nothing wider than the screen, the menu above the content', async () => {
    const page = await newPage({ width: 768 });
    await signIn(page, 'county.admin');
    await page.getByRole('link', { name: '政策文件' }).click();
    await page.getByRole('table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const nav = await page.getByRole('navigation', { name: '主菜单' }).boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav!.y + nav!.height).toBeLessThanOrEqual(main!.y + 1);
  });

  it('works by keyboard: skip link, menu and sign-in form reachable with Tab', async () => {
    const page = await newPage();
    await page.goto(`${harness.t.api.url}/admin/`);
    await page.getByLabel('用户名').focus();
    await page.keyboard.type('county.admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('who').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });
});
