import { describe, expect, it } from 'vitest';
import { setUpConsole } from './console-harness.ts';

// The registry and commendations in the console: associations, activities, award rounds.

const harness = setUpConsole();

describe('registry', () => {
  it('edits an association’s standing and member-home facilities', async () => {
    const { t } = harness;
    const [association] = await t.ownerSql<{ id: string; name: string }>(
      `select id, name from association where standing <> 'MODEL' order by code limit 1`,
    );
    const page = await harness.newPage();
    await harness.signIn(page, 'county.admin');
    await page.goto(harness.url(`/associations/${association!.id}`));
    await page.getByRole('button', { name: '修改协会信息' }).click();
    await page.getByLabel('等级').selectOption('MODEL');
    await page.getByRole('checkbox', { name: '有场所' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('association-standing').textContent()).toBe('示范协会');
    const [stored] = await t.ownerSql<{ standing: string }>(
      'select standing from association where id = $1',
      [association!.id],
    );
    expect(stored?.standing).toBe('MODEL');
  });

  it('adds a member to an association and ends the membership', async () => {
    const { t } = harness;
    const [row] = await t.ownerSql<{ association: string; person: string; name: string; clerk: string }>(
      `select a.id as association, p.id as person, p.name, c.username as clerk
         from association a join region v on v.id = a.region_id and v.level = 'VILLAGE'
         join app_user c on c.region_id = v.id and c.role = 'VILLAGE_CLERK'
         join person p on p.region_path <@ v.path and p.deceased_on is null and p.moved_away_on is null
        where not exists (select from member m where m.person_id = p.id)
          and (select count(*) from person q where q.name = p.name) = 1
        order by a.code, p.id limit 1`,
    );
    const page = await harness.newPage();
    await harness.signIn(page, row!.clerk);
    await page.goto(harness.url(`/associations/${row!.association}`));
    const panel = page.getByRole('region', { name: '发展会员' });
    await panel.getByLabel('姓名或身份证号').fill(row!.name);
    await panel.getByRole('button', { name: '查询' }).click();
    await panel.getByRole('button', { name: row!.name, exact: true }).click();
    await panel.getByRole('button', { name: '加入' }).click();
    const end = page.getByRole('button', { name: `${row!.name} 退会` });
    await end.waitFor();
    await end.click();
    await page.getByLabel('退会日期').fill('2026-11-20');
    await page.getByRole('button', { name: '退会', exact: true }).click();
    await page.getByText('已于 2026-11-20 退会').waitFor();
    const [stored] = await t.ownerSql<{ left_on: string }>(
      'select left_on::text as left_on from member where person_id = $1',
      [row!.person],
    );
    expect(stored?.left_on).toBe('2026-11-20');
  });

  it('lets a village clerk record an activity of their association, which then lists it', async () => {
    const { t } = harness;
    const [clerk] = await t.ownerSql<{ username: string; association: string }>(
      `select u.username, a.id as association from app_user u join region r on r.id = u.region_id
         join association a on a.region_id = r.id
        where u.role = 'VILLAGE_CLERK' order by u.username limit 1`,
    );
    const page = await harness.newPage();
    await harness.signIn(page, clerk!.username);
    await page.getByRole('link', { name: '活动记录' }).click();
    await page.getByRole('link', { name: '记录一次活动' }).click();
    await page.getByLabel('主办协会').selectOption(clerk!.association);
    await page.getByLabel('活动类型').selectOption('POPULATION_DAY');
    await page.getByLabel('活动名称').fill('世界人口日广场宣传');
    await page.getByLabel('参加人数').fill('46');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '世界人口日广场宣传' }).waitFor();
    const [stored] = await t.ownerSql<{ participants: number }>(
      `select participants from activity where title = '世界人口日广场宣传'`,
    );
    expect(stored?.participants).toBe(46);
  });
});

describe('evaluations', () => {
  it('records a township’s evaluation of a village association with a failed item and a deadline', async () => {
    const { t } = harness;
    const [row] = await t.ownerSql<{ township: string; association: string; name: string }>(
      `select u.username as township, a.id as association, a.name
         from app_user u join region tw on tw.id = u.region_id
         join region v on v.parent_id = tw.id join association a on a.region_id = v.id
        where u.role = 'TOWNSHIP_ADMIN' order by a.code limit 1`,
    );
    const page = await harness.newPage();
    await harness.signIn(page, row!.township);
    await page.getByRole('link', { name: '协会评估' }).click();
    await page.getByLabel('主办协会').selectOption(row!.association);
    await page.getByLabel('评估日期').fill('2026-11-02');
    const items = page.locator('fieldset input[type=checkbox]');
    expect(await items.count()).toBeGreaterThan(1);
    await items.first().uncheck();
    await page.getByLabel('整改期限').fill('2026-12-31');
    await page.getByRole('button', { name: '保存' }).click();
    const row1 = page.locator('tbody tr', { hasText: row!.name }).filter({ hasText: '2026-11-02' });
    await row1.waitFor();
    expect(await row1.textContent()).toContain('未通过');
    expect(await row1.textContent()).toContain('2026-12-31');
  });
});

describe('persons', () => {
  it('shows a sensitive household status to the township, never to the village clerk', async () => {
    const { t } = harness;
    const [row] = await t.ownerSql<{ person: string; clerk: string; township: string }>(
      `select p.id as person, c.username as clerk, a.username as township
         from household_sensitive_status s join person p on p.household_id = s.household_id
         join region v on v.path = subpath(p.region_path, 0, 3)
         join app_user c on c.region_id = v.id and c.role = 'VILLAGE_CLERK'
         join app_user a on a.region_id = v.parent_id and a.role = 'TOWNSHIP_ADMIN'
        limit 1`,
    );
    const clerk = await harness.newPage();
    await harness.signIn(clerk, row!.clerk);
    await clerk.goto(harness.url(`/persons/${row!.person}`));
    await clerk.getByRole('heading', { level: 2 }).first().waitFor();
    const clerkText = (await clerk.locator('main').textContent()) ?? '';
    expect(clerkText).toContain('无权查看');
    expect(clerkText).not.toMatch(/独生子女死亡|独生子女伤残/);
    expect(await clerk.getByLabel('特殊家庭状况').count()).toBe(0);

    const township = await harness.newPage();
    await harness.signIn(township, row!.township);
    await township.goto(harness.url(`/persons/${row!.person}`));
    await township.getByLabel('特殊家庭状况').waitFor();
    expect(await township.locator('main').textContent()).toMatch(/独生子女死亡|独生子女伤残/);
  });

  it('records a new mobile number and shows it masked', async () => {
    const { t } = harness;
    const [row] = await t.ownerSql<{ person: string; clerk: string }>(
      `select p.id as person, c.username as clerk from person p
         join region v on v.path = subpath(p.region_path, 0, 3)
         join app_user c on c.region_id = v.id and c.role = 'VILLAGE_CLERK'
        where p.deceased_on is null order by p.id limit 1`,
    );
    const page = await harness.newPage();
    await harness.signIn(page, row!.clerk);
    await page.goto(harness.url(`/persons/${row!.person}`));
    await page.getByRole('button', { name: '修改人员信息' }).click();
    await page.getByLabel('新手机号（不改则留空）').fill('13987654321');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('139****4321');
    expect(await page.locator('main').textContent()).not.toContain('13987654321');
    const [stored] = await t.ownerSql<{ phone: string }>('select phone from person where id = $1', [
      row!.person,
    ]);
    expect(stored?.phone).toBe('13987654321');
  });
});

describe('commendations', () => {
  it('creates a round and commends a person without name consent, marked to be masked on the portal', async () => {
    const { t } = harness;
    const [person] = await t.ownerSql<{ name: string }>(
      `select p.name from person p where p.deceased_on is null and length(p.name) = 3 order by p.id limit 1`,
    );
    const page = await harness.newPage();
    await harness.signIn(page, 'county.admin');
    await page.getByRole('link', { name: '表彰' }).click();
    await page.getByRole('heading', { level: 1, name: '表彰' }).waitFor();
    await page.getByLabel('表彰名称').fill('2026年度计生协工作先进个人');
    await page.getByLabel('文号', { exact: true }).fill('青计协发〔2026〕40号');
    await page.getByLabel('发文单位').fill('青山县计划生育协会');
    await page.getByLabel('发文日期').fill('2026-11-20');
    await page.getByLabel('表彰年度').fill('2026');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '2026年度计生协工作先进个人' }).waitFor();
    await page.getByLabel('姓名或身份证号').fill(person!.name);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('button', { name: person!.name, exact: true }).first().click();
    await page.getByLabel('事迹评语').fill('长期坚持入户走访，帮扶计生困难家庭。');
    await page.getByLabel('奖金（元）').fill('500');
    await page.getByRole('button', { name: '增加', exact: true }).click();
    const rows = page.getByTestId('award-recipients').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[0]).toContain(person!.name);
    expect(cells[3]).toBe('500.00');
    expect(cells[4]).toBe('未同意：门户只显示姓和末字');
    const [stored] = await t.ownerSql<{ prize_fen: string }>(
      `select prize_fen::text from award_recipient r join award_round w on w.id = r.round_id
        where w.document_number = '青计协发〔2026〕40号'`,
    );
    expect(stored?.prize_fen).toBe('50000');
  });
});
