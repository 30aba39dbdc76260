import { createHash } from 'node:crypto';
import { isLuhnValid } from '@sunshine/identifiers/luhn';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase, type TestDatabase } from '../../../test/test-api.ts';
import { parseBankReturnFile } from '../disbursements/bank-return-file.ts';
import { DEMO_AS_OF } from './demo-calendar.ts';
import { generateDemoCounty } from './demo-county.ts';
import { PAID_YEARS } from './demo-money.ts';
import { checkDemoMoney } from './load-demo-money.ts';

// The template every test file clones was loaded by test/global-setup.ts with seed 2026 at county
// scale; the generator is pure, so the same call here says what the database must hold.
const demo = generateDemoCounty({ seed: 2026, scale: 'county' });
const [part] = demo.parts();
const registry = part!.registry();
const money = part!.money(registry);
const COUNTY_PATH = '330199000000';

let db: TestDatabase;
let owner: pg.Client;

beforeAll(async () => {
  db = await cloneDatabase('demo');
  owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
});

afterAll(async () => {
  await owner?.end();
  await db?.drop();
});

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await owner.query(sql, params)).rows as T[];
}

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  return (await rows<T>(sql, params))[0] as T;
}

describe('the demo county’s money to families', () => {
  it('holds the catalogue’s programs and standards, four yearly rolls and three years of payments', async () => {
    const counts = await one<Record<string, number>>(`
      select (select count(*)::int from program) as programs,
             (select count(*)::int from program_standard) as standards,
             (select count(*)::int from notice) as notices,
             (select count(*)::int from enrollment) as enrollments,
             (select count(*)::int from objection) as objections,
             (select count(*)::int from person_account) as accounts,
             (select count(*)::int from payee_proxy) as proxies,
             (select count(*)::int from disbursement_batch) as batches,
             (select count(*)::int from payment) as payments,
             (select count(*)::int from payment_event) as events`);
    expect(counts).toEqual({
      programs: money.programs.length,
      standards: money.programs.reduce((n, p) => n + p.entry.standards.length, 0),
      notices: money.notices.length,
      enrollments: money.enrollments.length,
      objections: money.objections.length,
      accounts: money.accounts.length,
      proxies: money.proxies.length,
      batches: money.batches.length,
      payments: money.payments.length,
      events: money.payments.reduce((n, p) => n + p.events.length, 0),
    });
    expect(counts.programs).toBe(7);
    const years = await rows<{ year: number; kinds: string[] }>(
      `select year, array_agg(distinct kind order by kind) as kinds from enrollment group by year order by year`,
    );
    expect(years).toEqual(
      [2023, 2024, 2025, 2026].map((year) => ({ year, kinds: ['CONTINUING', 'EXITED', 'NEW'] })),
    );
    const exits = await rows<{ reason: string }>(
      `select distinct exit_reason as reason from enrollment where kind = 'EXITED' order by 1`,
    );
    expect(exits.map((e) => e.reason)).toEqual(['DEATH', 'INELIGIBLE', 'MOVED']);
  });

  it('passes every rule migration 0005’s triggers and the foreign keys enforce, though loaded without them', async () => {
    expect(await checkDemoMoney(owner, COUNTY_PATH)).toEqual([]);
  });

  it.each([
    [
      'an enrollment without the evidence its program requires',
      `update enrollment set evidence = '[]' where id = (select id from enrollment where kind = 'NEW' limit 1)`,
      'an enrollment carries its variant and every piece of evidence its program requires',
    ],
    [
      'an enrollment reviewed by a village clerk',
      `update enrollment e set reviewed_by = (select u.id from app_user u where u.role = 'VILLAGE_CLERK'
                                                and u.id <> e.submitted_by limit 1)
        where id = (select id from enrollment limit 1)`,
      'an enrollment is submitted, reviewed and approved by three people with the authority, in that order',
    ],
    [
      'a payment edited after the fact',
      `update payment set amount_fen = amount_fen + 100 where id = (select id from payment where entry = 'PAYMENT' limit 1)`,
      'a payment’s amount is the standard in force on its period’s first day for the enrollment’s variant',
    ],
    [
      'a payment at a standard that does not exist',
      `update payment set standard_id = gen_random_uuid() where id = (select id from payment limit 1)`,
      'payment: references exist, region path and derived columns as the triggers write them',
    ],
    [
      'a special-assistance enrollment left visible to the village',
      `update enrollment set sensitive = false
        where id = (select e.id from enrollment e join program p on p.id = e.program_id
                     where p.code = 'SPECIAL-ASSISTANCE' limit 1)`,
      'enrollment: references exist, region path and derived columns as the triggers write them',
    ],
    [
      'a payment file that is not the one whose hash is stored',
      `update disbursement_batch set file_bytes = file_bytes || '\x0a'::bytea
        where id = (select id from disbursement_batch where status = 'EXPORTED' limit 1)`,
      'a batch is made, approved by someone else and exported by admins, with the file’s true hash',
    ],
    [
      'a settlement missing from payment_event',
      `delete from payment_event where id = (select max(id) from payment_event)`,
      'every move of a payment is in payment_event, in order, by whoever made it',
    ],
  ])('would catch %s, as the triggers would have refused it', async (_what, tamper, rule) => {
    await owner.query('begin');
    try {
      await owner.query('set local session_replication_role = replica');
      await owner.query(tamper);
      await owner.query('set local session_replication_role = origin');
      const violations = await checkDemoMoney(owner, COUNTY_PATH);
      expect(violations.map((v) => v.rule)).toContain(rule);
    } finally {
      await owner.query('rollback');
    }
  });

  it('pays every line the standard in force on its period’s first day, ×12 for a monthly standard paid yearly', async () => {
    const wrong = await one<{ n: number; lines: number }>(
      `select count(*) filter (where abs(x.amount_fen) <> s.amount_fen
                                 * case when p.amount_unit = 'PER_PERSON_MONTH' and p.payment_period = 'YEAR'
                                        then 12 else 1 end)::int as n,
              count(*)::int as lines
         from payment x
         join enrollment e on e.id = x.enrollment_id
         join program p on p.id = x.program_id
         join program_standard s on s.program_id = x.program_id and s.variant = e.variant
                                and s.effective_from <= make_date(left(x.period, 4)::int, 1, 1)
                                and (s.effective_until is null or s.effective_until > make_date(left(x.period, 4)::int, 1, 1))`,
    );
    expect(wrong.n).toBe(0);
    expect(wrong.lines).toBe(money.payments.length);
    // Special assistance is a monthly standard paid once a year: 170 yuan a month for a rural
    // family whose only child died, since 2014.
    const special = await one<{ amount: string }>(
      `select distinct x.amount_fen::text as amount from payment x join enrollment e on e.id = x.enrollment_id
         join program p on p.id = x.program_id
        where p.code = 'SPECIAL-ASSISTANCE' and e.variant = 'DIED_RURAL' and x.entry = 'PAYMENT'`,
    );
    expect(special.amount).toBe(String(170 * 100 * 12));
  });

  it('never holds two live payments for one person, program and period', async () => {
    const doubled = await rows(
      `select person_id, program_id, period from payment
        where entry in ('PAYMENT', 'REISSUE') and status in ('PLANNED', 'EXPORTED', 'PAID')
        group by 1, 2, 3 having count(*) > 1`,
    );
    expect(doubled).toEqual([]);
  });

  it('stores each exported batch’s payment file with its true sha256, the same bytes on every load', async () => {
    const batches = await rows<{ id: string; status: string; sha: string | null; bytes: Buffer | null }>(
      `select id, status, file_sha256 as sha, file_bytes as bytes from disbursement_batch order by created_at, id`,
    );
    for (const batch of batches.filter((b) => b.status === 'EXPORTED')) {
      expect(batch.sha).toBe(createHash('sha256').update(batch.bytes!).digest('hex'));
    }
    const byId = new Map(money.batches.map((b) => [b.id, b]));
    for (const batch of batches) {
      expect(batch.sha).toBe(byId.get(batch.id)?.fileSha256);
    }
    const first = batches.find((b) => b.status === 'EXPORTED')!;
    const text = first.bytes!.toString('utf8');
    expect(text.startsWith('\uFEFF序号,付款编号,收款人,账号,开户行,金额（元）,摘要\r\n')).toBe(true);
    expect(batches.filter((b) => b.status === 'EXPORTED').length).toBeGreaterThan(20);
  });

  it('has a different person at every maker–checker step', async () => {
    const same = await one<Record<string, number>>(`
      select (select count(*)::int from enrollment
               where submitted_by in (reviewed_by, approved_by) or reviewed_by = approved_by) as enrollments,
             (select count(*)::int from disbursement_batch where approved_by = created_by) as batches,
             (select count(*)::int from payee_proxy where approved_by = created_by) as proxies,
             (select count(*)::int from notice where confirmed_by = opened_by) as notices,
             (select count(*)::int from objection where resolved_by = recorded_by) as objections`);
    expect(same).toEqual({ enrollments: 0, batches: 0, proxies: 0, notices: 0, objections: 0 });
    const approvers = await rows<{ username: string; role: string }>(
      `select distinct u.username, u.role from disbursement_batch b join app_user u on u.id = b.approved_by`,
    );
    expect(approvers).toEqual([{ username: 'county.approver', role: 'COUNTY_ADMIN' }]);
  });

  it('reconciles every batch of 2023–2025: planned = paid + failed + returned, to the fen, nothing outstanding', async () => {
    const batches = await rows<{
      period: string;
      purpose: string;
      status: string;
      planned: string;
      settled: string;
      outstanding: number;
      lines: number;
    }>(
      `select b.period, b.purpose, b.status,
              coalesce(sum(p.amount_fen) filter (where p.entry <> 'REVERSAL'), 0)::text as planned,
              coalesce(sum(p.amount_fen) filter (where p.status in ('PAID', 'REVERSED', 'FAILED', 'RETURNED')), 0)::text
                as settled,
              count(*) filter (where p.status in ('PLANNED', 'EXPORTED'))::int as outstanding,
              count(*) filter (where p.entry <> 'REVERSAL')::int as lines
         from disbursement_batch b join payment p on p.batch_id = b.id
        group by b.id order by b.period`,
    );
    expect(new Set(batches.map((b) => b.period))).toEqual(new Set(PAID_YEARS.map(String)));
    for (const batch of batches) {
      expect(batch.planned).toBe(batch.settled);
      expect(batch.outstanding).toBe(0);
    }
    // The reversal journal books a reversal and pays nothing; every other batch was exported.
    expect(batches.filter((b) => b.status !== 'EXPORTED')).toEqual([
      expect.objectContaining({ purpose: 'CORRECTION', status: 'DRAFT', lines: 0, planned: '0' }),
    ]);
    const settled = await rows<{ status: string }>(
      `select distinct p.status from payment p where p.entry = 'PAYMENT' order by 1`,
    );
    expect(settled.map((s) => s.status)).toEqual(['FAILED', 'PAID', 'RETURNED', 'REVERSED']);
  });

  it('pays again, in a correction batch, every failed or returned payment, and reverses the one paid after a death', async () => {
    const unpaid = await one<{ n: number; reissued: number }>(
      `select count(*)::int as n,
              count(*) filter (where exists (select from payment r where r.corrects_id = p.id and r.entry = 'REISSUE'
                                                and r.status = 'PAID'))::int as reissued
         from payment p where p.status in ('FAILED', 'RETURNED')`,
    );
    expect(unpaid.n).toBeGreaterThan(0);
    expect(unpaid.reissued).toBe(unpaid.n);
    const reissueBatches = await rows<{ purpose: string }>(
      `select distinct b.purpose from payment r join disbursement_batch b on b.id = r.batch_id where r.entry = 'REISSUE'`,
    );
    expect(reissueBatches).toEqual([{ purpose: 'CORRECTION' }]);
    const reversal = await rows<{ resident: string; amount: string; original: string; deceased: string }>(
      `select x.resident_id as resident, r.amount_fen::text as amount, o.amount_fen::text as original,
              x.deceased_on::text as deceased
         from payment r join payment o on o.id = r.corrects_id join person x on x.id = r.person_id
        where r.entry = 'REVERSAL'`,
    );
    expect(reversal).toHaveLength(1);
    expect(reversal[0]).toMatchObject({ resident: money.planted.reversed });
    expect(BigInt(reversal[0]!.amount)).toBe(-BigInt(reversal[0]!.original));
    expect(reversal[0]!.deceased < '2024-12-01').toBe(true);
  });

  it('reads each settlement from a bank return file the ledger accepts, whose sha256 every settlement names', async () => {
    for (const batch of money.batches.filter((b) => b.bankReturnFile !== null)) {
      const parsed = parseBankReturnFile(batch.bankReturnFile!);
      expect(parsed.errors).toEqual([]);
      const sha = createHash('sha256').update(batch.bankReturnFile!, 'utf8').digest('hex');
      const events = await one<{ n: number; named: number }>(
        `select count(*)::int as n, count(*) filter (where v.source_sha256 = $2)::int as named
           from payment_event v join payment p on p.id = v.payment_id
          where p.batch_id = $1 and v.from_status = 'EXPORTED'`,
        [batch.id, sha],
      );
      expect(events.named).toBe(parsed.rows.length);
      expect(events.n).toBe(parsed.rows.length);
    }
  });

  it('leaves one notice open on the demo’s today, its enrollments in notice and an objection not yet resolved', async () => {
    const open = await rows<{ program: string; year: number; region: string; starts: string; ends: string }>(
      `select p.code as program, n.year, r.code as region, n.starts_on::text as starts, n.ends_on::text as ends
         from notice n join program p on p.id = n.program_id join region r on r.id = n.region_id
        where n.status = 'OPEN'`,
    );
    expect(open).toHaveLength(1);
    expect(`${open[0]!.program}/${open[0]!.year}/${open[0]!.region}`).toBe(money.planted.openNotice);
    expect(open[0]!.starts <= DEMO_AS_OF && DEMO_AS_OF <= open[0]!.ends).toBe(true);
    const statuses = await rows<{ status: string; open: boolean }>(
      `select distinct e.status, n.status = 'OPEN' as open from enrollment e join notice n on n.id = e.notice_id
        order by 1, 2`,
    );
    expect(statuses).toEqual([
      { status: 'CONFIRMED', open: false },
      { status: 'IN_NOTICE', open: true },
      { status: 'REJECTED', open: false },
    ]);
    const objections = await rows<{ status: string }>(
      `select o.status from objection o join notice n on n.id = o.notice_id where n.status = 'OPEN' order by 1`,
    );
    expect(objections.map((o) => o.status)).toEqual(['DISMISSED', 'OPEN']);
  });

  it('strikes off the enrollments an upheld objection names, when their notice is confirmed; dismisses the rest', async () => {
    const upheld = await rows<{ resident: string; status: string; reason: string; year: number }>(
      `select x.resident_id as resident, e.status, e.rejection_reason as reason, e.year
         from objection o join enrollment e on e.id = o.enrollment_id join person x on x.id = e.person_id
        where o.status = 'UPHELD'`,
    );
    expect(upheld.map((u) => u.resident).sort()).toEqual([...money.planted.upheld].sort());
    for (const row of upheld) {
      expect(row).toMatchObject({ status: 'REJECTED', year: 2024 });
      expect(row.reason).toMatch(/^异议成立：/);
    }
    const resolved = await one<{ dismissed: number; upheld: number }>(
      `select count(*) filter (where status = 'DISMISSED')::int as dismissed,
              count(*) filter (where status = 'UPHELD')::int as upheld from objection`,
    );
    expect(resolved.dismissed).toBeGreaterThan(resolved.upheld);
  });

  it('pays some of the oldest through a proxy a second admin approved', async () => {
    const proxied = await one<{ proxies: number; payments: number; wrong: number }>(
      `select (select count(*)::int from payee_proxy where status = 'APPROVED') as proxies,
              count(*)::int as payments,
              count(*) filter (where y.proxy_person_id <> x.payee_person_id or y.approved_at >= x.created_at)::int as wrong
         from payment x join payee_proxy y on y.id = x.proxy_id`,
    );
    expect(proxied.proxies).toBeGreaterThan(5);
    expect(proxied.payments).toBeGreaterThan(proxied.proxies);
    expect(proxied.wrong).toBe(0);
  });

  it('pays into 19-digit bank card numbers with a valid Luhn check digit, at rural banks', async () => {
    const accounts = await rows<{ bank: string; number: string }>(
      `select bank, account_number as number from person_account
       union select bank, account_number from payment`,
    );
    expect(accounts.filter((a) => a.number.length !== 19 || !isLuhnValid(a.number))).toEqual([]);
    const banks = new Set(accounts.map((a) => a.bank));
    expect([...banks].some((b) => b.includes('农村商业银行'))).toBe(true);
    expect([...banks].some((b) => b.includes('农村信用合作联社'))).toBe(true);
  });

  it('marks every special-assistance and care-payment row sensitive, and no other', async () => {
    const sensitive = await rows<{ table: string; wrong: number; rows: number }>(
      `select 'enrollment' as table, count(*) filter (where x.sensitive <> (p.code in ('SPECIAL-ASSISTANCE', 'CARE-PAYMENT')))::int as wrong,
              count(*) filter (where x.sensitive)::int as rows
         from enrollment x join program p on p.id = x.program_id
       union all
       select 'notice', count(*) filter (where x.sensitive <> (p.code in ('SPECIAL-ASSISTANCE', 'CARE-PAYMENT')))::int, count(*) filter (where x.sensitive)::int
         from notice x join program p on p.id = x.program_id
       union all
       select 'disbursement_batch', count(*) filter (where x.sensitive <> (p.code in ('SPECIAL-ASSISTANCE', 'CARE-PAYMENT')))::int, count(*) filter (where x.sensitive)::int
         from disbursement_batch x join program p on p.id = x.program_id
       union all
       select 'payment', count(*) filter (where x.sensitive <> (p.code in ('SPECIAL-ASSISTANCE', 'CARE-PAYMENT')))::int, count(*) filter (where x.sensitive)::int
         from payment x join program p on p.id = x.program_id
       union all
       select 'payment_event', count(*) filter (where v.sensitive <> x.sensitive)::int, count(*) filter (where v.sensitive)::int
         from payment_event v join payment x on x.id = v.payment_id`,
    );
    for (const row of sensitive) {
      expect(row.wrong, row.table).toBe(0);
      expect(row.rows, row.table).toBeGreaterThan(0);
    }
  });

  it('hides special-assistance enrollments and payments from the village clerks of the families’ own villages', async () => {
    const clerks = await rows<{ id: string; path: string; stored: number }>(
      `select u.id, r.path::text as path, count(*)::int as stored
         from enrollment e join program p on p.id = e.program_id
         join region r on r.id = e.region_id
         join app_user u on u.region_id = r.id and u.role = 'VILLAGE_CLERK'
        where p.code = 'SPECIAL-ASSISTANCE' group by u.id, r.path`,
    );
    expect(clerks.length).toBeGreaterThan(20);
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      const seen: number[] = [];
      for (const clerk of clerks) {
        await app.query('begin');
        await app.query(
          `select set_config('app.user_id', $1, true), set_config('app.user_role', 'VILLAGE_CLERK', true),
                  set_config('app.scope_path', $2, true)`,
          [clerk.id, clerk.path],
        );
        const { rows: counts } = await app.query<{ enrollments: number; payments: number; all: number }>(
          `select (select count(*)::int from enrollment e join program p on p.id = e.program_id
                    where p.code = 'SPECIAL-ASSISTANCE') as enrollments,
                  (select count(*)::int from payment x join program p on p.id = x.program_id
                    where p.code = 'SPECIAL-ASSISTANCE') as payments,
                  (select count(*)::int from enrollment) as all`,
        );
        await app.query('rollback');
        seen.push(counts[0]!.enrollments + counts[0]!.payments);
        // The rest of the village's rolls they do see.
        expect(counts[0]!.all).toBeGreaterThan(0);
      }
      expect(seen.every((n) => n === 0)).toBe(true);
    } finally {
      await app.end();
    }
  });

  it('has the township, never the village, submit what reveals a bereaved or disabled-child family', async () => {
    const steps = await rows<{ program: string; submitters: string[]; reviewers: string[] }>(
      `select p.code as program,
              array_agg(distinct s.role || '@' || nlevel(sr.path)) as submitters,
              array_agg(distinct r.role || '@' || nlevel(rr.path)) as reviewers
         from enrollment e join program p on p.id = e.program_id
         join app_user s on s.id = e.submitted_by join region sr on sr.id = s.region_id
         join app_user r on r.id = e.reviewed_by join region rr on rr.id = r.region_id
        where p.sensitive group by p.code order by p.code`,
    );
    expect(steps).toEqual([
      { program: 'CARE-PAYMENT', submitters: ['TOWNSHIP_ADMIN@2'], reviewers: ['COUNTY_ADMIN@1'] },
      { program: 'SPECIAL-ASSISTANCE', submitters: ['TOWNSHIP_ADMIN@2'], reviewers: ['COUNTY_ADMIN@1'] },
    ]);
  });

  it('leaves the 2026 reward-assistance roll confirmed and unpaid, every payee with an account on file', async () => {
    const [code, year] = money.planted.unpaidRoll.split('/');
    const roll = await one<{ confirmed: number; unconfirmed: number; batches: number; noAccount: number }>(
      `select count(*) filter (where e.status = 'CONFIRMED')::int as confirmed,
              count(*) filter (where e.status <> 'CONFIRMED')::int as unconfirmed,
              (select count(*)::int from disbursement_batch b where b.program_id = p.id and b.period = $2) as batches,
              count(*) filter (where e.status = 'CONFIRMED' and e.kind <> 'EXITED' and not exists (
                select from person_account a
                 where a.person_id = coalesce((select y.proxy_person_id from payee_proxy y
                                                where y.person_id = e.person_id and y.status = 'APPROVED'), e.person_id)))::int
                as "noAccount"
         from enrollment e join program p on p.id = e.program_id
        where p.code = $1 and e.year = $2::int group by p.id`,
      [code, year],
    );
    expect(roll).toMatchObject({ unconfirmed: 0, batches: 0, noAccount: 0 });
    expect(roll.confirmed).toBeGreaterThan(5000);
    expect(await rows(`select from disbursement_batch where period >= '2026'`)).toEqual([]);
  });

  it('records in the registry the deaths the rolls record as exits', async () => {
    const deaths = await rows<{ resident: string; deceased: string }>(
      `select x.resident_id as resident, x.deceased_on::text as deceased from enrollment e
         join person x on x.id = e.person_id where e.exit_reason = 'DEATH' and e.kind = 'EXITED'`,
    );
    expect(new Set(deaths.map((d) => d.resident))).toEqual(new Set(money.deaths.map((d) => d.residentId)));
    for (const death of deaths) expect(death.deceased).not.toBeNull();
  });
});
