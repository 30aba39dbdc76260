import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowAttribution } from '@sunshine/disclosure/releases/diff-datasets';
import type { MatchedReleases, Row } from '@sunshine/disclosure/releases/match-releases';
import type { ReasonCode, ReasonCount } from '@sunshine/disclosure/releases/reason-codes';
import { valueAt } from '@sunshine/disclosure/releases/row-values';
import { isUuid } from '../../validation/field-checks.ts';
import { storedObjectionToken } from '../notices/objection-token.ts';

/** Between which moments a release is compared with the previous one. */
export interface ReasonWindow {
  /** When the previous release ran: events after it are this release's news. */
  since: Date;
  /** The run's date in China (YYYY-MM-DD): notice windows close by it. */
  asOf: string;
  /** The disclosure's region: nothing outside it is read. */
  regionPath: string;
}

type Side = 'added' | 'removed' | 'changed';

/**
 * Why rows changed between two releases, read from the data: enrollments (new, continuing, exits
 * with their reason), the payment ledger (reversals and reissues), notices and upheld objections.
 * One statement per disclosure, whatever the number of rows; only rows that changed are explained.
 * Root fields without an explainer get no reasons (their diff still lists what changed).
 */
export async function explainChanges(
  em: EntityManager,
  rootField: string,
  matched: MatchedReleases,
  window: ReasonWindow,
): Promise<Map<string, RowAttribution>> {
  if (matched.rowKey === null) return new Map();
  const rows = changedRows(matched);
  if (rows.length === 0) return new Map();
  switch (rootField) {
    case 'benefitTotals':
      return explainBenefitTotals(em, rows, window);
    case 'noticeRecipients':
      return explainNoticeRecipients(em, rows, window);
    case 'publicNotices':
      return explainPublicNotices(em, rows, window);
    default:
      return new Map();
  }
}

interface ChangedRow {
  key: string;
  side: Side;
  row: Row;
}

function changedRows(matched: MatchedReleases): ChangedRow[] {
  const out: ChangedRow[] = [];
  for (const key of matched.added) out.push({ key, side: 'added', row: matched.current.get(key) as Row });
  for (const key of matched.removed)
    out.push({ key, side: 'removed', row: matched.previous.get(key) as Row });
  for (const key of matched.changed) out.push({ key, side: 'changed', row: matched.current.get(key) as Row });
  return out;
}

const ENROLLMENT_REASON_SQL = `case e.kind when 'NEW' then 'NEW_ENROLLMENT' when 'CONTINUING' then 'CONTINUING'
  else 'EXIT_' || e.exit_reason end`;

/**
 * A totals cell counts the distinct people with a live PAID payment of its program in its year
 * under its region. Who was counted when the previous release ran is rebuilt from the ledger's
 * events (paid at, reversed at), so each person who entered (+1) or left (−1) the cell, or whose
 * amount changed, gets one reason: a correction (reversal or reissue since), else their
 * enrollment's kind. A cell new in this release also shows the exits recorded in its year's roll.
 */
async function explainBenefitTotals(
  em: EntityManager,
  rows: ChangedRow[],
  window: ReasonWindow,
): Promise<Map<string, RowAttribution>> {
  const cells = rows.flatMap(({ key, side, row }) => {
    const year = Number(valueAt(row, 'year'));
    const region = valueAt(row, 'region.code');
    const program = valueAt(row, 'program.code');
    if (!Number.isInteger(year) || typeof region !== 'string' || typeof program !== 'string') return [];
    return [{ cell_key: key, region_code: region, program_code: program, year, added: side === 'added' }];
  });
  // The ledger is read once (each payment of the programs and years asked about, with when it was
  // paid and reversed), then rolled up to each cell by the region paths above the payment's.
  const result = (await em.execute(
    `with cell as (
       select * from jsonb_to_recordset(?::jsonb)
         as c (cell_key text, region_code text, program_code text, year integer, added boolean)
     ), scope as materialized (
       select c.cell_key, c.year, c.added, r.path::text as region_path, p.id as program_id
         from cell c
         join region r on r.code = c.region_code and r.path <@ ?::ltree
         join program p on p.code = c.program_code and (p.region_path <@ r.path or p.region_path @> r.path)
     ), wanted as (
       select distinct program_id, year from scope
     ), pay as materialized (
       select pm.person_id, pm.program_id, w.year, pm.region_path, pm.entry, pm.status, pm.amount_fen, e.kind,
              ev.paid_at, ev.reversed_at
         from wanted w
         join payment pm on pm.program_id = w.program_id and left(pm.period, 4) = w.year::text
         join enrollment e on e.id = pm.enrollment_id
         cross join lateral (
           select min(ev.at) filter (where ev.to_status = 'PAID') as paid_at,
                  min(ev.at) filter (where ev.to_status = 'REVERSED') as reversed_at
             from payment_event ev where ev.payment_id = pm.id) ev
        where pm.entry in ('PAYMENT', 'REISSUE') and pm.region_path <@ ?::ltree
     ), pay_up as materialized (
       -- Each payment counts in every cell above it: its own region and each region above.
       select pay.*, subpath(pay.region_path, 0, depth)::text as up
         from pay cross join generate_series(1, nlevel(pay.region_path)) as depth
     ), in_cell as (
       select s.cell_key, pay_up.*
         from pay_up
         join scope s on s.region_path = pay_up.up and s.program_id = pay_up.program_id and s.year = pay_up.year
     ), person as (
       select cell_key, person_id,
              coalesce(bool_or(paid_at <= ?::timestamptz and (reversed_at is null or reversed_at > ?::timestamptz)),
                       false) as was,
              bool_or(status = 'PAID') as now,
              coalesce(sum(amount_fen) filter (where paid_at <= ?::timestamptz
                                                 and (reversed_at is null or reversed_at > ?::timestamptz)), 0)
                as amount_was,
              coalesce(sum(amount_fen) filter (where status = 'PAID'), 0) as amount_now,
              bool_or((entry = 'REISSUE' and paid_at > ?::timestamptz) or reversed_at > ?::timestamptz) as corrected,
              max(kind) as kind
         from in_cell group by cell_key, person_id
     ), classified as (
       select cell_key,
              case when corrected or (was and not now) then 'CORRECTION'
                   when kind = 'NEW' then 'NEW_ENROLLMENT' when kind = 'CONTINUING' then 'CONTINUING'
                   else 'CORRECTION' end as code,
              case when now and not was then 1 when was and not now then -1 else 0 end as person_delta,
              amount_now <> amount_was as amount_changed
         from person
     ), exited as materialized (
       select e.program_id, e.year, e.exit_reason, subpath(e.region_path, 0, depth)::text as up
         from wanted w
         join enrollment e on e.program_id = w.program_id and e.year = w.year
         cross join generate_series(1, nlevel(e.region_path)) as depth
        where e.kind = 'EXITED' and e.status = 'CONFIRMED' and e.region_path <@ ?::ltree
     )
     select cell_key, code, sum(person_delta)::int as people, (count(*) filter (where amount_changed))::int as amounts
       from classified group by cell_key, code
     union all
     select s.cell_key, 'EXIT_' || x.exit_reason, -count(*)::int, 0
       from exited x
       join scope s on s.added and s.region_path = x.up and s.program_id = x.program_id and s.year = x.year
      group by s.cell_key, x.exit_reason`,
    [
      JSON.stringify(cells),
      window.regionPath,
      window.regionPath,
      ...Array.from({ length: 6 }, () => window.since.toISOString()),
      window.regionPath,
    ],
  )) as { cell_key: string; code: ReasonCode; people: number; amounts: number }[];
  return collect(result, (row) => ({
    key: row.cell_key,
    people: { code: row.code, count: row.people },
    amounts: { code: row.code, count: row.amounts },
  }));
}

/**
 * A names list row is one person on a notice whose names window is open, keyed by the opaque
 * objection token. Added: their enrollment's kind; removed: struck off by an upheld objection, or
 * the notice's window closed, else a correction; changed: a correction.
 */
async function explainNoticeRecipients(
  em: EntityManager,
  rows: ChangedRow[],
  window: ReasonWindow,
): Promise<Map<string, RowAttribution>> {
  const tokens = rows.flatMap(({ key, side, row }) => {
    // The list prints the token with letters for digits; the enrollment stores the hex form.
    const token = valueAt(row, 'token');
    return typeof token === 'string' ? [{ row_key: key, token: storedObjectionToken(token), side }] : [];
  });
  const result = (await em.execute(
    `select t.row_key,
            case t.side
              when 'added' then ${ENROLLMENT_REASON_SQL}
              when 'removed' then
                case when e.status = 'REJECTED'
                          and exists (select from objection o where o.enrollment_id = e.id and o.status = 'UPHELD')
                       then 'OBJECTION_UPHELD'
                     when n.status = 'CONFIRMED' or n.ends_on < ?::date then 'NOTICE_ENDED'
                     else 'CORRECTION' end
              else 'CORRECTION' end as code,
            case t.side when 'removed' then -1 else 1 end as people
       from jsonb_to_recordset(?::jsonb) as t (row_key text, token text, side text)
       join enrollment e on e.objection_token = t.token and e.region_path <@ ?::ltree
       left join notice n on n.id = e.notice_id`,
    [window.asOf, JSON.stringify(tokens), window.regionPath],
  )) as { row_key: string; code: ReasonCode; people: number }[];
  return collect(result, (row) => ({ key: row.row_key, people: { code: row.code, count: row.people } }));
}

/**
 * A notice row counts the people on one notice. New notice: who is on it, by enrollment kind;
 * changed: people struck off by an upheld objection since the previous release (what that does not
 * explain of the count's move is a correction, in the diff).
 */
async function explainPublicNotices(
  em: EntityManager,
  rows: ChangedRow[],
  window: ReasonWindow,
): Promise<Map<string, RowAttribution>> {
  const notices = rows.flatMap(({ key, side, row }) => {
    const id = valueAt(row, 'id');
    return typeof id === 'string' && isUuid(id) && side !== 'removed'
      ? [{ row_key: key, notice_id: id, side }]
      : [];
  });
  const result = (await em.execute(
    `with t as (
       select * from jsonb_to_recordset(?::jsonb) as t (row_key text, notice_id uuid, side text)
     )
     select t.row_key, ${ENROLLMENT_REASON_SQL} as code, count(*)::int as people
       from t join enrollment e on e.notice_id = t.notice_id and e.region_path <@ ?::ltree
      where t.side = 'added' and e.status in ('IN_NOTICE', 'CONFIRMED')
      group by t.row_key, 2
     union all
     select t.row_key, 'OBJECTION_UPHELD', -count(*)::int
       from t join enrollment e on e.notice_id = t.notice_id and e.region_path <@ ?::ltree
      where t.side = 'changed' and e.status = 'REJECTED' and e.rejected_at > ?::timestamptz
        and exists (select from objection o where o.enrollment_id = e.id and o.status = 'UPHELD')
      group by t.row_key`,
    [JSON.stringify(notices), window.regionPath, window.regionPath, window.since.toISOString()],
  )) as { row_key: string; code: ReasonCode; people: number }[];
  return collect(result, (row) => ({ key: row.row_key, people: { code: row.code, count: row.people } }));
}

function collect<T>(
  rows: readonly T[],
  read: (row: T) => { key: string; people: ReasonCount; amounts?: ReasonCount },
): Map<string, RowAttribution> {
  const out = new Map<string, { people: ReasonCount[]; amounts: ReasonCount[] }>();
  for (const row of rows) {
    const { key, people, amounts } = read(row);
    let entry = out.get(key);
    if (!entry) {
      entry = { people: [], amounts: [] };
      out.set(key, entry);
    }
    if (people.count !== 0) entry.people.push(people);
    if (amounts && amounts.count !== 0) entry.amounts.push(amounts);
  }
  return out;
}
