import { auditSuppressedTable, type PublishedCell, type SuppressedTable } from '@sunshine/deidentify';
import { type Dataset, DEFAULT_DISCLOSURE_POLICY } from '@sunshine/disclosure/dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  disclosureDefinition,
  type PublicQueryHarness,
  type PublicRunOptions,
  startPublicQueryHarness,
} from '../../test/public-query-harness.ts';
import { analyzeDisclosureDocument } from '../modules/disclosures/analyze-disclosure-document.ts';

const COUNTY = '330199000000';
const STICKY_REASON = '上一期已隐藏，为防止前后对比推算，本期继续隐藏';

interface BenefitTotalRow {
  region: { code: string; name: string; level: string };
  parentCode: string | null;
  program: { code: string; name: string; sensitive: boolean };
  year: number;
  recipientCount: number | null;
  amountFen: string | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

const BENEFIT_TOTALS = disclosureDefinition('benefit-totals');

let harness: PublicQueryHarness;
beforeAll(async () => {
  harness = await startPublicQueryHarness();
});
afterAll(async () => {
  await harness?.close();
});

const benefitTotals = (options?: PublicRunOptions) => harness.run<BenefitTotalRow>(BENEFIT_TOTALS, options);

/** A previous release of the dataset as the publication run would hand it over. */
function previousRelease(rows: BenefitTotalRow[]): Dataset {
  return {
    provenance: {
      disclosureId: 'previous',
      slug: 'benefit-totals',
      name: BENEFIT_TOTALS.name,
      pageKind: 'TOTALS_TABLE',
      documentSha256: '0'.repeat(64),
      approvedBy: { role: 'COUNTY_ADMIN', roleLabel: '县级管理员', regionCode: COUNTY, regionName: '青山县' },
      approvedAt: '2026-10-01T00:00:00.000Z',
      runId: 'previous-run',
      runAt: '2026-10-01T00:00:00.000Z',
      rowCount: rows.length,
    },
    columns: [],
    rows: rows as unknown as Record<string, unknown>[],
  };
}

const tableKey = (row: BenefitTotalRow) => `${row.program.code}/${row.year}`;
const cellOf = (row: BenefitTotalRow) => `${row.region.code}/${row.program.code}/${row.year}`;

/** The published rows of one program and year as the table the audit reads (one column). */
function asTable(rows: BenefitTotalRow[], k: number): SuppressedTable {
  const first = rows[0] as BenefitTotalRow;
  return {
    k,
    columns: [first.program.code],
    generalisation: null,
    cells: rows.map(
      (row): PublishedCell => ({
        regionPath: harness.regionPaths.get(row.region.code) as string,
        column: row.program.code,
        count: row.recipientCount,
        sum: row.amountFen,
        suppression: row.suppressed ? { code: 'PRIMARY', reason: row.suppressionReason ?? '' } : null,
      }),
    ),
  };
}

function byTable(rows: BenefitTotalRow[]): Map<string, BenefitTotalRow[]> {
  const tables = new Map<string, BenefitTotalRow[]>();
  for (const row of rows) tables.set(tableKey(row), [...(tables.get(tableKey(row)) ?? []), row]);
  return tables;
}

describe('the benefit-totals disclosure', () => {
  it('allows exactly the leaves its query selects, each described, counts and amounts declared as such', () => {
    const analysis = analyzeDisclosureDocument(harness.schema, BENEFIT_TOTALS.document);
    expect(analysis.rootField).toBe('benefitTotals');
    expect(analysis.leafPaths).toEqual([...BENEFIT_TOTALS.outputFields]);
    for (const path of analysis.leafPaths)
      expect(analysis.descriptions[path], path).toMatch(/\p{Script=Han}/u);
    expect(analysis.kinds).toMatchObject({
      recipientCount: 'PERSON_COUNT',
      amountFen: 'AMOUNT_FEN',
      suppressionReason: 'SUPPRESSION_NOTE',
      year: 'TEXT',
    });
  });
});

describe('benefitTotals on the demo county', () => {
  let rows: BenefitTotalRow[];
  beforeAll(async () => {
    rows = await benefitTotals();
  });

  it('publishes every program and year paid, at county, township and village level', async () => {
    const paid = await harness.ownerRows<{ code: string; year: number }>(
      `select distinct g.code, left(p.period, 4)::int as year from payment p join program g on g.id = p.program_id
        where p.status = 'PAID'`,
    );
    expect([...byTable(rows).keys()].sort()).toEqual(paid.map((p) => `${p.code}/${p.year}`).sort());
    expect(new Set(rows.map((r) => r.region.level))).toEqual(new Set(['COUNTY', 'TOWNSHIP', 'VILLAGE']));
    expect(new Set(rows.map(cellOf)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.parentCode === null).toBe(row.region.level === 'COUNTY');
      expect(row.suppressed).toBe(row.suppressionReason !== null);
    }
  });

  it('passes the suppression audit for every program and year: no small cell, nothing recoverable', () => {
    const tables = byTable(rows);
    expect(tables.size).toBeGreaterThanOrEqual(15);
    let hidden = 0;
    for (const [key, table] of tables) {
      const k = table[0]?.program.sensitive
        ? DEFAULT_DISCLOSURE_POLICY.sensitiveK
        : DEFAULT_DISCLOSURE_POLICY.k;
      expect(auditSuppressedTable(asTable(table, k)), key).toEqual([]);
      hidden += table.filter((r) => r.suppressed).length;
    }
    // The demo has small villages and townships: suppression is exercised, not vacuous.
    expect(hidden).toBeGreaterThan(20);
  });

  it('hides counts and amounts together, and publishes amounts as whole fen', () => {
    for (const row of rows) {
      expect(row.recipientCount === null).toBe(row.suppressed);
      expect(row.amountFen === null).toBe(row.suppressed);
      if (row.amountFen !== null) expect(row.amountFen).toMatch(/^(0|[1-9][0-9]*)$/);
      if (row.suppressed) expect(row.suppressionReason).toMatch(/\p{Script=Han}/u);
    }
  });

  it('publishes sensitive programs at township level at most, with k of at least 10', () => {
    const sensitive = rows.filter((r) => r.program.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    for (const row of sensitive) {
      expect(['COUNTY', 'TOWNSHIP']).toContain(row.region.level);
      if (row.recipientCount !== null)
        expect(row.recipientCount === 0 || row.recipientCount >= 10).toBe(true);
    }
    expect(sensitive.some((r) => r.suppressed)).toBe(true);
  });

  it('gives county totals equal to the money the ledger says reached people, net of reversals', async () => {
    const ledger = await harness.ownerRows<{
      code: string;
      year: number;
      recipients: number;
      amount_fen: string;
    }>(
      `select g.code, left(p.period, 4)::int as year, count(distinct p.person_id)::int as recipients,
              sum(p.amount_fen)::text as amount_fen
         from payment p join program g on g.id = p.program_id
        where p.status = 'PAID' and p.entry in ('PAYMENT', 'REISSUE')
        group by 1, 2`,
    );
    const county = new Map(rows.filter((r) => r.region.level === 'COUNTY').map((r) => [tableKey(r), r]));
    const published = ledger.filter((truth) => !county.get(`${truth.code}/${truth.year}`)?.suppressed);
    expect(published.length).toBeGreaterThanOrEqual(ledger.length - 2);
    for (const truth of published) {
      const row = county.get(`${truth.code}/${truth.year}`);
      expect({ n: row?.recipientCount, fen: row?.amountFen }).toEqual({
        n: truth.recipients,
        fen: truth.amount_fen,
      });
    }
    // The demo's reversal (money recovered after it was paid) is not counted as paid.
    const [reversed] = await harness.ownerRows<{ code: string; year: number; amount_fen: string }>(
      `select g.code, left(p.period, 4)::int as year, p.amount_fen::text as amount_fen
         from payment p join program g on g.id = p.program_id where p.status = 'REVERSED' limit 1`,
    );
    expect(reversed).toBeDefined();
    const withReversed = await harness.ownerRows<{ fen: string }>(
      `select sum(p.amount_fen)::text as fen from payment p join program g on g.id = p.program_id
        where g.code = $1 and left(p.period, 4)::int = $2 and p.status in ('PAID', 'REVERSED')`,
      [reversed?.code, reversed?.year],
    );
    const row = county.get(`${reversed?.code}/${reversed?.year}`);
    expect(BigInt(withReversed[0]?.fen ?? 0) - BigInt(row?.amountFen ?? 0)).toBe(
      BigInt(reversed?.amount_fen ?? 0),
    );
  });

  it('hides a county total that would show every hidden village to hold exactly one recipient', async () => {
    // Emergency aid of 2024 in the demo: 27 recipients, each alone in a village. Each village row
    // is hidden, but it exists, so it counts at least one: a published 27 would make each exactly 1.
    const [alone] = await harness.ownerRows<{ code: string; year: number }>(
      `select g.code, left(p.period, 4)::int as year from payment p join program g on g.id = p.program_id
        where p.status = 'PAID' and not g.sensitive group by 1, 2
       having count(distinct p.person_id) = count(distinct subpath(p.region_path, 0, 3)) limit 1`,
    );
    expect(alone).toBeDefined();
    const table = byTable(rows).get(`${alone?.code}/${alone?.year}`) as BenefitTotalRow[];
    expect(table.every((r) => r.suppressed)).toBe(true);
  });

  it('adds up: every published parent equals the sum of its children when they are all published', () => {
    for (const table of byTable(rows).values()) {
      const children = new Map<string, BenefitTotalRow[]>();
      for (const row of table) {
        if (row.parentCode) children.set(row.parentCode, [...(children.get(row.parentCode) ?? []), row]);
      }
      for (const parent of table) {
        const kids = children.get(parent.region.code) ?? [];
        if (parent.suppressed || kids.length === 0 || kids.some((k) => k.suppressed)) continue;
        // A sensitive program's township may hold records filed at the township itself; none in the demo.
        expect(kids.reduce((n, k) => n + (k.recipientCount ?? 0), 0)).toBe(parent.recipientCount);
        expect(kids.reduce((s, k) => s + BigInt(k.amountFen ?? 0), 0n).toString()).toBe(parent.amountFen);
      }
    }
  });

  it('honours a stricter policy', async () => {
    const strict = await benefitTotals({ policy: { k: 8, sensitiveK: 15 } });
    for (const [key, table] of byTable(strict)) {
      const k = table[0]?.program.sensitive ? 15 : 8;
      expect(auditSuppressedTable(asTable(table, k)), key).toEqual([]);
    }
    expect(strict.filter((r) => r.suppressed).length).toBeGreaterThan(
      rows.filter((r) => r.suppressed).length,
    );
  });

  it('keeps the cells the previous release hid hidden, says why, and protects them again', async () => {
    // Cells published now, as if the previous release had hidden them: a large village of an
    // ordinary program and a township of a sensitive one.
    const village = rows.find(
      (r) => r.region.level === 'VILLAGE' && !r.suppressed && (r.recipientCount ?? 0) >= 20,
    );
    const township = rows.find((r) => r.program.sensitive && r.region.level === 'TOWNSHIP' && !r.suppressed);
    const emptied = { ...(rows.find((r) => r.region.level === 'VILLAGE') as BenefitTotalRow), year: 1999 };
    expect(village && township).toBeTruthy();
    const previous = previousRelease(
      [village, township, emptied].map((r) => ({
        ...(r as BenefitTotalRow),
        recipientCount: null,
        amountFen: null,
        suppressed: true,
        suppressionReason: '为保护个人隐私不予公开：人数少于5人，或可能被用来推算人数少于5人的数据',
      })),
    );
    const next = await benefitTotals({ previous });
    const find = (row: BenefitTotalRow) => next.find((r) => cellOf(r) === cellOf(row));
    for (const kept of [village, township] as BenefitTotalRow[]) {
      expect(find(kept)).toMatchObject({
        suppressed: true,
        recipientCount: null,
        suppressionReason: STICKY_REASON,
      });
    }
    // Everything else hidden before is still hidden, and the tables still pass the audit.
    for (const row of rows.filter((r) => r.suppressed)) expect(find(row)?.suppressed, cellOf(row)).toBe(true);
    for (const [key, table] of byTable(next)) {
      const k = table[0]?.program.sensitive ? 10 : 5;
      expect(auditSuppressedTable(asTable(table, k)), key).toEqual([]);
    }
    expect(next.length).toBe(rows.length);
  });
});

describe('benefitTotals by region', () => {
  it('gives a township only its own rows, the same as the county gives for it', async () => {
    const township = '330199101000';
    const rows = await benefitTotals({ regionCode: township });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.region.code.startsWith(township.slice(0, 9))).toBe(true);
    expect(rows.filter((r) => r.region.level === 'TOWNSHIP').every((r) => r.region.code === township)).toBe(
      true,
    );
    expect(rows.some((r) => r.region.level === 'COUNTY')).toBe(false);
    // A disclosure of the township run with the county's code publishes the same township only.
    const narrowed = await benefitTotals({
      regionCode: COUNTY,
      regionPath: harness.regionPaths.get(township) as string,
    });
    expect(narrowed).toEqual(rows);
  });

  it('publishes nothing for a region outside the disclosure’s region', async () => {
    const rows = await benefitTotals({
      regionCode: '330199102000',
      regionPath: harness.regionPaths.get('330199101000') as string,
    });
    expect(rows).toEqual([]);
  });
});

describe('benefitTotals of a monthly program', () => {
  const CODE = 'MONTHLY-TEST';
  const STANDARD = 15000;
  let villages: { code: string; path: string; persons: string[] }[];

  beforeAll(async () => {
    // Six people of one village paid January to March, one of them moved to a second village in
    // March, one March payment undone by a reversal. Written as the owner with the ledger's guard
    // off: the rules it enforces are tested with the disbursements; here only the figures matter.
    villages = await harness.ownerRows<{ code: string; path: string; persons: string[] }>(
      `select r.code, r.path::text as path, (array_agg(x.id order by x.id))[1:6]::text[] as persons
         from region r join person x on x.region_id = r.id
        where r.level = 'VILLAGE' group by r.id having count(*) >= 6 order by r.code limit 2`,
    );
    const [home, away] = villages as [(typeof villages)[0], (typeof villages)[0]];
    const client = await harness.owner.connect();
    try {
      await client.query('begin');
      await client.query('alter table payment disable trigger payment_guard');
      await client.query('alter table payment disable trigger payment_created');
      const [program] = (
        await client.query<{ id: string }>(
          `insert into program (region_id, region_path, code, name, kind, funding_tier, amount_unit, payment_period,
                                objection_office, objection_phone, min_amount_fen, max_amount_fen, source_document)
           select id, path, $1, '按月发放的测试项目', 'EMERGENCY_AID', 'COUNTY', 'PER_PERSON_MONTH', 'MONTH',
                  '县计生协', '0571-12345678', 100, 100000, '测试文件' from region where code = $2
           returning id`,
          [CODE, COUNTY],
        )
      ).rows;
      const [template] = (
        await client.query<{
          batch_id: string;
          enrollment_id: string;
          standard_id: string;
          created_by: string;
        }>('select batch_id, enrollment_id, standard_id, created_by from payment limit 1')
      ).rows;
      let line = 900_000;
      const insert = async (
        person: string,
        village: typeof home,
        period: string,
        extra: { entry?: string; status?: string; amount?: number; corrects?: string } = {},
      ) =>
        (
          await client.query<{ id: string }>(
            `insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id,
                                  region_id, region_path, payee_person_id, bank, account_number, amount_fen, entry,
                                  corrects_id, correction_reason, status, created_by)
             select $1, $2, $3, $4, $5, $6, $7, r.id, r.path, $5, '测试银行', '622200000000000000', $9, $10, $11,
                    case when $10 = 'REVERSAL' then '测试追回' end, $12, $8
               from region r where r.code = $13
             returning id`,
            [
              template?.batch_id,
              line++,
              program?.id,
              period,
              person,
              template?.enrollment_id,
              template?.standard_id,
              template?.created_by,
              extra.amount ?? STANDARD,
              extra.entry ?? 'PAYMENT',
              extra.corrects ?? null,
              extra.status ?? 'PAID',
              village.code,
            ],
          )
        ).rows[0]?.id as string;
      for (const [i, person] of home.persons.entries()) {
        for (const month of ['01', '02', '03']) {
          const mover = i === 5 && month === '03';
          const reversed = i === 0 && month === '03';
          const id = await insert(person, mover ? away : home, `2026-${month}`, {
            status: reversed ? 'REVERSED' : 'PAID',
          });
          if (reversed) {
            await insert(person, home, '2026-03', {
              entry: 'REVERSAL',
              status: 'BOOKED',
              amount: -STANDARD,
              corrects: id,
            });
          }
        }
      }
      // A failed payment reached nobody.
      await insert(away.persons[0] as string, away, '2026-04', { status: 'FAILED' });
      await client.query('alter table payment enable trigger payment_guard');
      await client.query('alter table payment enable trigger payment_created');
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  });

  it('folds the months into their year, counts each person once, where they were last paid, net of reversals', async () => {
    const rows = (await benefitTotals()).filter((r) => r.program.code === CODE);
    const [home, away] = villages as [(typeof villages)[0], (typeof villages)[0]];
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2026]));
    const county = rows.find((r) => r.region.level === 'COUNTY');
    // 6 people × 3 months, less the reversed one.
    expect(county).toMatchObject({ recipientCount: 6, amountFen: String(17 * STANDARD), suppressed: false });
    // The mover counts in the second village only (its one recipient: hidden), not twice; the
    // failed payment there reached nobody.
    expect(rows.find((r) => r.region.code === home.code)).toBeDefined();
    expect(rows.find((r) => r.region.code === away.code)).toMatchObject({
      suppressed: true,
      recipientCount: null,
    });
    const table = byTable(rows).get(`${CODE}/2026`) as BenefitTotalRow[];
    expect(auditSuppressedTable(asTable(table, 5))).toEqual([]);
  });
});
