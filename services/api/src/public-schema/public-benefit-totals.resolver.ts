import { cellKey, suppressSmallCells, type TableCellInput } from '@sunshine/deidentify';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { PublicBenefitTotal } from './public-benefit-totals.type.ts';
import type { PublicContext } from './public-context.ts';
import {
  field,
  leafPath,
  mergeLeaves,
  PUBLISHED_ROOT_SQL,
  previouslySuppressed,
  ROOT_REGIONS_SQL,
  type RootRegionRow,
} from './public-statistics-tree.ts';

interface PaidCellRow {
  program_id: string;
  program_code: string;
  program_name: string;
  sensitive: boolean;
  year: number;
  region_path: string;
  recipients: number;
  amount_fen: string;
}

// Money actually received, by beneficiary, program and year (a monthly program's periods
// 'YYYY-MM' fold into their year). The ledger is never edited (ADR 0006): a payment PAID stays paid;
// one undone later is REVERSED and has a REVERSAL entry of the opposite amount; a FAILED or
// RETURNED one never reached anyone, and its REISSUE is a payment of its own. So the net amount is
// the sum of paid, reversed and reversal entries, and a beneficiary counts when one of their
// payments or reissues is PAID. Each beneficiary counts once, in the village of their latest paid
// payment, so that villages add up to townships exactly.
const PAID_CELLS_SQL = `with ${PUBLISHED_ROOT_SQL},
  per_person as (
    select p.program_id, left(p.period, 4)::int as year, p.person_id,
           bool_or(p.entry <> 'REVERSAL' and p.status = 'PAID') as paid,
           sum(p.amount_fen) as net_fen,
           (array_agg(p.region_path order by p.period collate "C" desc, p.created_at desc, p.id)
              filter (where p.entry <> 'REVERSAL' and p.status = 'PAID'))[1] as region_path
      from payment p join root on p.region_path <@ root.path
     where p.entry = 'REVERSAL' or p.status in ('PAID', 'REVERSED')
     group by p.program_id, left(p.period, 4)::int, p.person_id)
  select g.id as program_id, g.code as program_code, g.name as program_name, g.sensitive,
         pp.year, pp.region_path::text as region_path, count(*)::int as recipients, sum(pp.net_fen)::text as amount_fen
    from per_person pp join program g on g.id = pp.program_id
   where pp.paid
   group by g.id, g.code, g.name, g.sensitive, pp.year, pp.region_path
   order by g.code, g.id, pp.year`;

@Resolver()
export class PublicBenefitTotalResolver {
  @Query(() => [PublicBenefitTotal], {
    description:
      '各地区、各项目、各年度扶助资金实际发放的人数和金额（人数过少的格子及可据以推算的格子不予公开；涉及家庭隐私的项目只到乡镇）',
  })
  async benefitTotals(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicBenefitTotal[]> {
    const params = [ctx.regionPath, regionCode];
    const regions = (await ctx.em.execute(ROOT_REGIONS_SQL, params)) as RootRegionRow[];
    if (regions.length === 0) return [];
    const cells = (await ctx.em.execute(PAID_CELLS_SQL, params)) as PaidCellRow[];
    const byPath = new Map(regions.map((r) => [r.path, r]));
    const byCode = new Map(regions.map((r) => [r.code, r]));

    // One table per program and year: programs are not added up (one person may receive several),
    // so no total links two tables and each table's suppression stands on its own.
    const tables = new Map<string, { first: PaidCellRow; input: TableCellInput[] }>();
    for (const cell of cells) {
      const key = `${cell.program_id}\u0000${cell.year}`;
      const table = tables.get(key) ?? { first: cell, input: [] };
      table.input.push({
        regionPath: leafPath(cell.region_path),
        column: cell.program_code,
        count: cell.recipients,
        sum: cell.amount_fen,
      });
      tables.set(key, table);
    }
    // Two people of one village in one program and year each counted at their own leaf: merge them.
    for (const table of tables.values()) table.input = mergeLeaves(table.input);

    const kept = previouslySuppressed(ctx.previous, (row) => {
      const region = byCode.get(String(field(row, 'region.code')));
      const program = field(row, 'program.code');
      const year = field(row, 'year');
      if (!region || typeof program !== 'string' || typeof year !== 'number') return null;
      return `${year}\u0000${cellKey(region.path, program)}`;
    });

    const rows: PublicBenefitTotal[] = [];
    for (const { first, input } of tables.values()) {
      const keepSuppressed = new Set(
        [...kept].flatMap((key) =>
          key.startsWith(`${first.year}\u0000`) ? [key.slice(key.indexOf('\u0000') + 1)] : [],
        ),
      );
      const table = suppressSmallCells(input, {
        k: first.sensitive ? ctx.policy.sensitiveK : ctx.policy.k,
        sensitive: first.sensitive,
        keepSuppressed,
      });
      for (const cell of table.cells) {
        // The row total of a one-column table repeats the column; the own leaves are not regions;
        // regions above the published root would show only the part inside it.
        const region = cell.column === null ? undefined : byPath.get(cell.regionPath);
        if (!region) continue;
        rows.push({
          region: { code: region.code, name: region.name, level: region.level },
          parentCode: region.parent_code,
          program: { code: first.program_code, name: first.program_name, sensitive: first.sensitive },
          year: first.year,
          recipientCount: cell.count,
          amountFen: cell.sum,
          suppressed: cell.suppression !== null,
          suppressionReason: cell.suppression?.reason ?? null,
        });
      }
    }
    return rows;
  }
}
