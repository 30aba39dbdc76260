import pg from 'pg';
import { SET_SCOPE_SQL, scopeParams } from '../src/db/scoped-transaction.ts';
import { programIsSensitive } from '../src/modules/programs/eligibility.ts';
import { PROGRAM_CATALOGUE } from '../src/modules/programs/program-catalogue.ts';
import { addUser } from './registry-fixtures.ts';
import { sessionUser, type TestApi } from './test-api.ts';

/**
 * A confirmed roll without the roll's API: a program from the catalogue with its standards,
 * person accounts, and N persons of one village taken through the whole enrollment workflow, each
 * step written by raw SQL as the app role under the scope the API would set (SET_SCOPE_SQL), as
 * the person whose role the database demands: the village clerk submits (the township admin for a
 * sensitive program), the township reviews, the county approves, the township opens a public
 * notice that started 40 days ago (so it has ended), and the county confirms it and the roll.
 * Every statement is set-based, so a roll of a few hundred persons takes well under a second.
 */

export interface MoneyUser {
  username: string;
  id: string;
  role: string;
  regionPath: string;
}

export interface RollPerson {
  id: string;
  name: string;
  enrollmentId: string;
  /** The full number, as the fixture recorded it. */
  accountNumber: string;
}

export interface ConfirmedRoll {
  programId: string;
  programCode: string;
  programName: string;
  /** What one line pays: the standard in force on the period's first day (× 12 for monthly standards paid yearly). */
  amountFen: string;
  year: number;
  period: string;
  countyCode: string;
  townshipCode: string;
  villageCode: string;
  villagePath: string;
  persons: RollPerson[];
  users: { clerk: string; township: string; county: string; countyApprover: string };
}

export interface RollOptions {
  /** How many persons of the village (default 10). */
  persons?: number;
  /** The catalogue program to copy (default REWARD-NATIONAL); it gets a fresh code. */
  catalogueCode?: string;
  /** The roll's year (default the current year in China). */
  year?: number;
  /** Skip the first N villages that hold enough persons, to take a different one. */
  villageOffset?: number;
  /** Record person accounts for the persons (default true). */
  withAccounts?: boolean;
}

const EVIDENCE_FOR = (kinds: readonly string[]) =>
  JSON.stringify(
    kinds.map((kind, index) => ({ kind, documentNumber: `证字第${2000 + index}号`, issuedOn: '2024-03-15' })),
  );

let programSerial = 0;

/** The app user behind a username, as the API's session would know them. */
export async function moneyUser(t: TestApi, username: string): Promise<MoneyUser> {
  const { id, role, regionPath } = await sessionUser(t, username);
  return { username, id, role, regionPath };
}

/** A user the demo county lacks (a second admin at a level), created once. */
export async function ensureUser(
  t: TestApi,
  username: string,
  role: string,
  regionCode: string,
): Promise<void> {
  const [existing] = await t.ownerSql('select 1 from app_user where username = $1', [username]);
  if (!existing) await addUser(t, username, role, regionCode);
}

// The API's scope statement with pg's numbered placeholders.
const SET_SCOPE = (() => {
  let index = 0;
  return SET_SCOPE_SQL.replace(/\?/g, () => `$${++index}`);
})();

/**
 * Runs `work` in one transaction as the app role with the user's scope, exactly as `withScope`
 * sets it; commits, or rolls back and rethrows.
 */
export async function asUser<T>(
  t: TestApi,
  user: MoneyUser,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: t.db.appUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      SET_SCOPE,
      scopeParams({ id: user.id, role: user.role as never, regionPath: user.regionPath }),
    );
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** A deterministic 19-digit account number for a person (a bank card's length). */
export const ACCOUNT_NUMBER_SQL = (column: string) =>
  `'6228' || lpad((abs(hashtext(${column}::text)) % 1000000000000000)::text, 15, '0')`;

/** Records (or replaces) the accounts of these persons as `username`. */
export async function recordAccounts(
  t: TestApi,
  username: string,
  personIds: readonly string[],
): Promise<void> {
  const user = await moneyUser(t, username);
  await asUser(t, user, (client) =>
    client.query(
      `insert into person_account (person_id, region_id, region_path, bank, account_number, updated_by)
       select x.id, x.region_id, x.region_path, '中国农业银行示范县支行', ${ACCOUNT_NUMBER_SQL('x.id')}, $2
         from person x where x.id = any($1::uuid[])
       on conflict (person_id) do update
         set bank = excluded.bank, account_number = excluded.account_number, updated_by = excluded.updated_by,
             updated_at = now(), version = person_account.version + 1`,
      [personIds, user.id],
    ),
  );
}

export async function confirmedRoll(t: TestApi, options: RollOptions = {}): Promise<ConfirmedRoll> {
  const size = options.persons ?? 10;
  const catalogue = PROGRAM_CATALOGUE.find(
    (program) => program.code === (options.catalogueCode ?? 'REWARD-NATIONAL'),
  );
  if (!catalogue) throw new Error(`no catalogue program ${options.catalogueCode}`);
  const year = options.year ?? Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const sensitive = programIsSensitive(catalogue.kind, catalogue.eligibility);

  const villages = await t.ownerSql<{
    code: string;
    path: string;
    township_code: string;
    county_code: string;
  }>(
    `select v.code, v.path::text as path, tw.code as township_code, c.code as county_code
       from region v join region tw on tw.id = v.parent_id join region c on c.id = tw.parent_id
      where v.level = 'VILLAGE'
        and (select count(*) from (select from person x where x.region_path <@ v.path and x.deceased_on is null
                                     limit $1) enough) >= $1
        and exists (select from app_user u where u.region_id = v.id and u.role = 'VILLAGE_CLERK')
      order by v.code offset $2 limit 1`,
    [size, options.villageOffset ?? 0],
  );
  const village = villages[0];
  if (!village) throw new Error(`no village with ${size} persons`);
  const users = {
    clerk: `clerk.${village.code.slice(6, 9)}.${village.code.slice(9, 12)}`,
    township: `township.${village.township_code.slice(6, 9)}`,
    county: 'county.admin',
    countyApprover: 'county.approver',
  };
  const [clerk, township, county, countyApprover] = (await Promise.all(
    [users.clerk, users.township, users.county, users.countyApprover].map((name) => moneyUser(t, name)),
  )) as [MoneyUser, MoneyUser, MoneyUser, MoneyUser];
  // Who submits, reviews and approves: three different people, as enrollment_guard demands. A
  // sensitive program is never seen by a village clerk: its township submits it.
  const [submitter, reviewer, approver] = sensitive
    ? [township, county, countyApprover]
    : [clerk, township, county];

  programSerial += 1;
  const programCode = `${catalogue.code}-M${process.pid % 1000}-${programSerial}`.slice(0, 40);
  const programId = await asUser(t, county, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into program (region_id, code, name, kind, funding_tier, amount_unit, payment_period, sensitive,
                            variants, eligibility, required_evidence, notice_days, notice_day_kind, objection_office,
                            objection_phone, min_amount_fen, max_amount_fen, source_document, created_by, updated_by)
       values ((select id from region where code = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
               '示范县计生协会', '0571-12345678', $14, $15, $16, $17, $17)
       returning id`,
      [
        village.county_code,
        programCode,
        catalogue.name,
        catalogue.kind,
        catalogue.fundingTier,
        catalogue.amountUnit,
        catalogue.paymentPeriod,
        sensitive,
        catalogue.variants,
        JSON.stringify(catalogue.eligibility),
        JSON.stringify(catalogue.requiredEvidence),
        catalogue.noticeDays,
        catalogue.noticeDayKind,
        catalogue.minAmountFen,
        catalogue.maxAmountFen,
        catalogue.sourceDocument,
        county.id,
      ],
    );
    const id = (rows[0] as { id: string }).id;
    for (const standard of catalogue.standards) {
      await client.query(
        `insert into program_standard (program_id, region_id, variant, effective_from, effective_until, amount_fen,
                                       source_document, created_by)
         values ($1, (select id from region where code = $2), $3, $4, $5, $6, $7, $8)`,
        [
          id,
          village.county_code,
          standard.variant,
          standard.effectiveFrom,
          standard.effectiveUntil,
          standard.amountFen,
          standard.sourceDocument,
          county.id,
        ],
      );
    }
    return id;
  });

  const variant = catalogue.variants[0] as string;
  const firstDay = `${year}-01-01`;
  const standard = catalogue.standards.find(
    (s) =>
      s.variant === variant &&
      s.effectiveFrom <= firstDay &&
      (s.effectiveUntil === null || s.effectiveUntil > firstDay),
  );
  if (!standard) throw new Error(`no standard of ${catalogue.code} in force on ${firstDay}`);
  const months = catalogue.amountUnit === 'PER_PERSON_MONTH' && catalogue.paymentPeriod === 'YEAR' ? 12 : 1;

  const persons = await t.ownerSql<{ id: string; name: string }>(
    `select x.id, x.name from person x where x.region_path <@ $1::ltree and x.deceased_on is null order by x.id limit $2`,
    [village.path, size],
  );
  const personIds = persons.map((person) => person.id);
  if (options.withAccounts ?? true) {
    await recordAccounts(t, users.clerk, personIds);
  } else {
    // Whatever the demo county recorded for them: these persons have no account.
    await t.ownerSql('delete from person_account where person_id = any($1::uuid[])', [personIds]);
  }

  const enrollments = await asUser(t, submitter, async (client) => {
    const { rows } = await client.query<{ id: string; person_id: string }>(
      `insert into enrollment (program_id, person_id, year, region_id, region_path, kind, variant, evidence, submitted_by)
       select $1, x.id, $2, x.region_id, x.region_path, 'NEW', $3, $4::jsonb, $5
         from person x where x.id = any($6::uuid[])
       returning id, person_id`,
      [programId, year, variant, EVIDENCE_FOR(catalogue.requiredEvidence.NEW ?? []), submitter.id, personIds],
    );
    return rows;
  });
  const enrollmentIds = enrollments.map((row) => row.id);
  await asUser(t, reviewer, (client) =>
    client.query(`update enrollment set status = 'REVIEWED', reviewed_by = $1 where id = any($2::uuid[])`, [
      reviewer.id,
      enrollmentIds,
    ]),
  );
  await asUser(t, approver, (client) =>
    client.query(`update enrollment set status = 'APPROVED', approved_by = $1 where id = any($2::uuid[])`, [
      approver.id,
      enrollmentIds,
    ]),
  );
  const noticeId = await asUser(t, township, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into notice (program_id, year, region_id, starts_on, ends_on, objection_office, objection_phone, opened_by)
       select $1, $2, r.id, china_today() - 40, notice_end(china_today() - 40, $3, $4), '示范镇计生办', '0571-87654321', $5
         from region r where r.code = $6
       returning id`,
      [programId, year, catalogue.noticeDays, catalogue.noticeDayKind, township.id, village.code],
    );
    const id = (rows[0] as { id: string }).id;
    await client.query(
      `update enrollment set status = 'IN_NOTICE', notice_id = $1 where id = any($2::uuid[])`,
      [id, enrollmentIds],
    );
    return id;
  });
  await asUser(t, county, async (client) => {
    await client.query(`update notice set status = 'CONFIRMED', confirmed_by = $1 where id = $2`, [
      county.id,
      noticeId,
    ]);
    await client.query(`update enrollment set status = 'CONFIRMED' where id = any($1::uuid[])`, [
      enrollmentIds,
    ]);
  });

  const accounts = await t.ownerSql<{ person_id: string; account_number: string }>(
    'select person_id, account_number from person_account where person_id = any($1::uuid[])',
    [personIds],
  );
  const accountOf = new Map(accounts.map((row) => [row.person_id, row.account_number]));
  const enrollmentOf = new Map(enrollments.map((row) => [row.person_id, row.id]));
  return {
    programId,
    programCode,
    programName: catalogue.name,
    amountFen: String(standard.amountFen * months),
    year,
    period: String(year),
    countyCode: village.county_code,
    townshipCode: village.township_code,
    villageCode: village.code,
    villagePath: village.path,
    persons: persons.map((person) => ({
      id: person.id,
      name: person.name,
      enrollmentId: enrollmentOf.get(person.id) as string,
      accountNumber: accountOf.get(person.id) ?? '',
    })),
    users,
  };
}
