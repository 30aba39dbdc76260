import { cellKey, maskName, suppressSmallCells, TOWNSHIP_DEPTH, VILLAGE_DEPTH } from '@sunshine/deidentify';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { publicObjectionToken } from '../modules/notices/objection-token.ts';
import { monthsPerPayment } from '../modules/programs/program.service.ts';
import type { AmountUnit, PaymentPeriod } from '../modules/programs/program-catalogue.ts';
import type { PublicContext } from './public-context.ts';
import { PublicNotice, PublicNoticeRecipient } from './public-notices.type.ts';

// A notice lists who will receive a program's money in a year: the new and continuing enrollments
// on it (an exit receives nothing; one struck off after an objection is REJECTED). Their amount is
// what a disbursement would pay: the standard of their variant in force on the first day of the
// year (a monthly standard paid yearly is twelve months: `monthsPerPayment`).
const ON_THE_ROLL = `e.status in ('IN_NOTICE', 'CONFIRMED') and e.kind in ('NEW', 'CONTINUING')`;
const STANDARD_FOR_YEAR = `left join lateral (
    select s.amount_fen::text as amount_fen from program_standard s
     where s.program_id = p.id and s.variant = e.variant
       and s.effective_from <= make_date(e.year, 1, 1)
       and (s.effective_until is null or s.effective_until > make_date(e.year, 1, 1))) s on true`;

/**
 * Whether a notice's named list is out on `asOf`: from its first day to its last, and after that
 * for as long as an objection to it is still being handled (the roll cannot be confirmed before).
 * Never for a sensitive program.
 */
const NAMES_WINDOW = `not p.sensitive and ?::date >= n.starts_on
  and (?::date <= n.ends_on
       or (n.status = 'OPEN' and exists (select from objection o where o.notice_id = n.id and o.status = 'OPEN')))`;

interface RecipientRow {
  token: string;
  name: string;
  villager_group: string | null;
  village_code: string;
  village_name: string;
  village_level: string;
  township_code: string;
  township_name: string;
  township_level: string;
  program_code: string;
  program_name: string;
  amount_unit: AmountUnit;
  payment_period: PaymentPeriod;
  year: number;
  standard_fen: string | null;
  notice_id: string;
  starts_on: string;
  ends_on: string;
  objection_office: string;
  objection_phone: string;
}

interface NoticeRow {
  id: string;
  year: number;
  starts_on: string;
  ends_on: string;
  stored_status: 'OPEN' | 'CONFIRMED';
  objection_office: string;
  objection_phone: string;
  township_path: string;
  township_code: string;
  township_name: string;
  township_level: string;
  program_id: string;
  program_code: string;
  program_name: string;
  sensitive: boolean;
  amount_unit: AmountUnit;
  payment_period: PaymentPeriod;
  open_objection: boolean;
  in_region: boolean;
  /** Enrollments on the roll by variant, with that variant's standard for the year (null if none). */
  roll: { n: number; standardFen: string | null }[];
}

/** A standard's amount per payment: a monthly standard paid yearly is twelve months. */
function yearlyAmount(
  standardFen: string,
  program: { amount_unit: AmountUnit; payment_period: PaymentPeriod },
): bigint {
  return (
    BigInt(standardFen) *
    monthsPerPayment({ amountUnit: program.amount_unit, paymentPeriod: program.payment_period })
  );
}

type NoticeStatus = 'UPCOMING' | 'OPEN' | 'CLOSED' | 'CONFIRMED';
const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  UPCOMING: '尚未开始',
  OPEN: '公示中',
  CLOSED: '公示期满，待确认',
  CONFIRMED: '名单已确认',
};

function noticeStatus(row: NoticeRow, asOf: string): NoticeStatus {
  if (row.stored_status === 'CONFIRMED') return 'CONFIRMED';
  if (asOf < row.starts_on) return 'UPCOMING';
  return asOf <= row.ends_on ? 'OPEN' : 'CLOSED';
}

/** Whether the named list is out, and why or why not, in the words the notice page shows. */
function namesOut(row: NoticeRow, asOf: string): { published: boolean; note: string } {
  if (row.sensitive) {
    return { published: false, note: '特别扶助等涉及家庭隐私的项目不公布名单，仅公布乡镇汇总' };
  }
  if (asOf < row.starts_on) {
    return { published: false, note: `公示将于 ${row.starts_on} 开始，届时公布名单` };
  }
  if (asOf <= row.ends_on) return { published: true, note: `公示中，至 ${row.ends_on} 止` };
  if (row.stored_status === 'OPEN' && row.open_objection) {
    return { published: true, note: '公示期已满，尚有异议正在处理，处理完毕前继续公布名单' };
  }
  return { published: false, note: '公示期及异议处理已结束，按规定不再公布名单，仅公布汇总' };
}

@Resolver()
export class PublicNoticeResolver {
  @Query(() => [PublicNoticeRecipient], {
    description:
      '正在公示的扶助对象名单（姓名部分隐去）：只在公示期内及异议处理期间公布；特别扶助等涉及家庭隐私的项目从不公布名单',
  })
  async noticeRecipients(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicNoticeRecipient[]> {
    // The notices whose list is out first (a handful), then their people.
    const rows = (await ctx.em.execute(
      `with named as materialized (
         select n.id, n.program_id, n.starts_on, n.ends_on, n.objection_office, n.objection_phone
           from notice n join program p on p.id = n.program_id
          where ${NAMES_WINDOW} and not n.sensitive and n.region_path <@ ?::ltree)
       select e.objection_token as token, x.name, g.name as villager_group,
              v.code as village_code, v.name as village_name, v.level as village_level,
              t.code as township_code, t.name as township_name, t.level as township_level,
              p.code as program_code, p.name as program_name, p.amount_unit, p.payment_period,
              e.year, s.amount_fen as standard_fen,
              n.id as notice_id, n.starts_on::text as starts_on, n.ends_on::text as ends_on,
              n.objection_office, n.objection_phone
         from named n
         join program p on p.id = n.program_id
         join enrollment e on e.notice_id = n.id
         join person x on x.id = e.person_id
         join region v on v.code = path_code(e.region_path, least(nlevel(e.region_path), ?))
         join region t on t.code = path_code(e.region_path, least(nlevel(e.region_path), ?))
         left join household h on h.id = x.household_id
         left join region g on g.id = h.region_id and g.level = 'GROUP' and g.path <@ v.path
         ${STANDARD_FOR_YEAR}
        where not e.sensitive and ${ON_THE_ROLL}
          and e.region_path <@ ?::ltree
          and e.region_path <@ (select path from region where code = ?)
        order by n.starts_on, p.code, t.code, v.code, g.code nulls first, e.objection_token`,
      [ctx.asOf, ctx.asOf, ctx.regionPath, VILLAGE_DEPTH, TOWNSHIP_DEPTH, ctx.regionPath, regionCode],
    )) as RecipientRow[];
    return rows.map((row) => ({
      token: publicObjectionToken(row.token),
      maskedName: maskName(row.name),
      villagerGroup: row.villager_group,
      village: { code: row.village_code, name: row.village_name, level: row.village_level },
      township: { code: row.township_code, name: row.township_name, level: row.township_level },
      program: { code: row.program_code, name: row.program_name, sensitive: false },
      year: row.year,
      amountFen: row.standard_fen === null ? null : yearlyAmount(row.standard_fen, row).toString(),
      notice: {
        id: row.notice_id,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        objectionOffice: row.objection_office,
        objectionPhone: row.objection_phone,
      },
    }));
  }

  @Query(() => [PublicNotice], {
    description:
      '扶助对象公示一览：每期公示的期限、异议受理方式、人数和金额汇总（人数过少的不予公开），以及是否公布名单',
  })
  async publicNotices(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicNotice[]> {
    // Every notice of the disclosure's region is read, not only those of `regionCode`: which cells
    // are suppressed is decided over the whole region, so a township's page and the county's page
    // suppress the same notices. Two statements, each one pass: the notices, and their rolls
    // priced by variant.
    const notices = (await ctx.em.execute(
      `select n.id, n.year, n.starts_on::text as starts_on, n.ends_on::text as ends_on,
              n.status as stored_status, n.objection_office, n.objection_phone,
              t.path::text as township_path, t.code as township_code, t.name as township_name,
              t.level as township_level,
              p.id as program_id, p.code as program_code, p.name as program_name, p.sensitive,
              p.amount_unit, p.payment_period,
              exists (select from objection o where o.notice_id = n.id and o.status = 'OPEN') as open_objection,
              coalesce(n.region_path <@ (select path from region where code = ?), false) as in_region
         from notice n
         join program p on p.id = n.program_id
         join region t on t.code = path_code(n.region_path, least(nlevel(n.region_path), ?))
        where n.region_path <@ ?::ltree
        order by n.starts_on desc, p.code, t.code, n.id`,
      [regionCode, TOWNSHIP_DEPTH, ctx.regionPath],
    )) as Omit<NoticeRow, 'roll'>[];
    const rolls = (await ctx.em.execute(
      `with roll as materialized (
         select e.notice_id, e.program_id, e.variant, e.year, count(*)::int as n
           from enrollment e
          where ${ON_THE_ROLL} and e.notice_id is not null and e.region_path <@ ?::ltree
          group by e.notice_id, e.program_id, e.variant, e.year)
       select r.notice_id, r.n, s.amount_fen::text as standard_fen
         from roll r
         left join program_standard s on s.program_id = r.program_id and s.variant = r.variant
          and s.effective_from <= make_date(r.year, 1, 1)
          and (s.effective_until is null or s.effective_until > make_date(r.year, 1, 1))`,
      [ctx.regionPath],
    )) as { notice_id: string; n: number; standard_fen: string | null }[];
    const rollOf = new Map<string, NoticeRow['roll']>();
    for (const part of rolls) {
      const roll = rollOf.get(part.notice_id) ?? [];
      roll.push({ n: part.n, standardFen: part.standard_fen });
      rollOf.set(part.notice_id, roll);
    }
    const rows: NoticeRow[] = notices.map((notice) => ({ ...notice, roll: rollOf.get(notice.id) ?? [] }));

    const published = suppressNotices(rows, ctx.policy, hiddenBefore(ctx.previous));
    return rows
      .filter((row) => row.in_region)
      .map((row) => {
        const cell = published.get(row.id) as NoticeCell;
        const status = noticeStatus(row, ctx.asOf);
        const names = namesOut(row, ctx.asOf);
        return {
          id: row.id,
          program: { code: row.program_code, name: row.program_name, sensitive: row.sensitive },
          year: row.year,
          township: { code: row.township_code, name: row.township_name, level: row.township_level },
          startsOn: row.starts_on,
          endsOn: row.ends_on,
          status,
          statusLabel: NOTICE_STATUS_LABELS[status],
          namesPublished: names.published,
          namesNote: names.note,
          recipientCount: cell.count,
          amountFen: cell.amountFen,
          suppressed: cell.reason !== null,
          suppressionReason: cell.reason,
          objectionOffice: row.objection_office,
          objectionPhone: row.objection_phone,
        };
      });
  }
}

interface NoticeCell {
  count: number | null;
  amountFen: string | null;
  reason: string | null;
}

/**
 * Small-cell suppression of the notices' counts and amounts, per program and year: each notice is a
 * cell under its township, and the county total of the program and year (published elsewhere, in
 * the benefit totals) is their sum. So a notice of fewer than k people is suppressed, and when that
 * would leave it recoverable from the total, another notice of the same program and year is too
 * (secondary suppression by `suppressSmallCells`). Sensitive programs use k ≥ sensitiveK; their
 * notices are township-level by construction (the township of the notice's region). A notice
 * whose figures the previous release hid stays hidden while it counts anyone, so that the two
 * releases side by side give nothing away.
 */
function suppressNotices(
  rows: readonly NoticeRow[],
  policy: PublicContext['policy'],
  hidden: ReadonlySet<string>,
): Map<string, NoticeCell> {
  const groups = new Map<string, NoticeRow[]>();
  for (const row of rows) {
    const key = `${row.program_id}/${row.year}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const cells = new Map<string, NoticeCell>();
  for (const group of groups.values()) {
    const sensitive = (group[0] as NoticeRow).sensitive;
    const amounts = new Map<string, { sum: bigint; complete: boolean; count: number }>();
    const leafOf = (row: NoticeRow) => `${row.township_path}.n${row.id.replaceAll('-', '')}`;
    for (const row of group) {
      let sum = 0n;
      let count = 0;
      let complete = true;
      for (const part of row.roll) {
        count += part.n;
        if (part.standardFen === null) complete = false;
        else sum += BigInt(part.n) * yearlyAmount(part.standardFen, row);
      }
      amounts.set(row.id, { sum, complete, count });
    }
    const table = suppressSmallCells(
      group.map((row) => {
        const amount = amounts.get(row.id) as { sum: bigint; count: number };
        return { regionPath: leafOf(row), column: 'notice', count: amount.count, sum: amount.sum };
      }),
      {
        k: sensitive ? Math.max(policy.sensitiveK, policy.k) : policy.k,
        keepSuppressed: new Set(
          group.filter((row) => hidden.has(row.id)).map((row) => cellKey(leafOf(row), 'notice')),
        ),
      },
    );
    const byLeaf = new Map(
      table.cells.filter((cell) => cell.column === 'notice').map((cell) => [cell.regionPath, cell]),
    );
    for (const row of group) {
      // Every leaf given is in the table; its sum is hidden exactly when its count is.
      const cell = byLeaf.get(leafOf(row)) as (typeof table.cells)[number];
      const amount = amounts.get(row.id) as { complete: boolean };
      cells.set(row.id, {
        count: cell.count,
        amountFen: amount.complete ? cell.sum : null,
        reason: cell.suppression?.reason ?? null,
      });
    }
  }
  return cells;
}

/** The notices whose figures the previous release of this dataset hid. */
function hiddenBefore(previous: PublicContext['previous']): Set<string> {
  const hidden = new Set<string>();
  for (const row of previous?.rows ?? []) {
    const hid = row.suppressed === true || ('recipientCount' in row && row.recipientCount === null);
    if (hid && typeof row.id === 'string') hidden.add(row.id);
  }
  return hidden;
}
