import { cellKey, suppressSmallCells, VILLAGE_DEPTH } from '@sunshine/deidentify';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { PublicAssociationStatistic } from './public-associations.type.ts';
import type { PublicContext } from './public-context.ts';
import {
  field,
  leafPath,
  mergeLeaves,
  PUBLISHED_ROOT_SQL,
  previouslySuppressed,
} from './public-statistics-tree.ts';

interface AssociationCountRow {
  code: string;
  name: string;
  level: string;
  path: string;
  parent_code: string | null;
  association_count: number;
  model_count: number;
  advanced_count: number;
}

interface MemberLeafRow {
  region_path: string;
  members: number;
}

// Associations founded by the run date, counted in their region and every region above it down
// from the published root.
const ASSOCIATIONS_SQL = `with ${PUBLISHED_ROOT_SQL},
  counted as (
    select subpath(a.region_path, 0, d) as path, count(*)::int as association_count,
           (count(*) filter (where a.standing = 'MODEL'))::int as model_count,
           (count(*) filter (where a.standing = 'ADVANCED'))::int as advanced_count
      from association a join root on a.region_path <@ root.path
      cross join lateral generate_series(nlevel(root.path), least(nlevel(a.region_path), ${VILLAGE_DEPTH})) d
     where a.founded_on is null or a.founded_on <= ?::date
     group by 1)
  select r.code, r.name, r.level, r.path::text as path, p.code as parent_code,
         c.association_count, c.model_count, c.advanced_count
    from counted c join region r on r.path = c.path
    left join region p on p.id = r.parent_id
   order by c.path`;

// Members on the run date, each person once, at the deepest association they belong to (a village
// association before the township's enterprise association), so that levels add up. Both tables are
// read once each (materialised): row-level security's index condition otherwise makes the planner
// probe the member index once per association.
const MEMBER_LEAVES_SQL = `with ${PUBLISHED_ROOT_SQL},
  in_root as materialized (
    select a.id, a.region_path from association a join root on a.region_path <@ root.path
     where a.founded_on is null or a.founded_on <= ?::date),
  membership as materialized (
    select m.person_id, m.association_id from member m join root on m.region_path <@ root.path
     where (m.joined_on is null or m.joined_on <= ?::date) and (m.left_on is null or m.left_on > ?::date)),
  current_member as (
    select distinct on (m.person_id) m.person_id, a.region_path
      from membership m join in_root a on a.id = m.association_id
     order by m.person_id, nlevel(a.region_path) desc, a.region_path)
  select region_path::text as region_path, count(*)::int as members
    from current_member group by region_path`;

const MEMBERS = 'members';

@Resolver()
export class PublicAssociationResolver {
  @Query(() => [PublicAssociationStatistic], {
    description:
      '各地区计生协会个数、示范和先进协会个数、会员人数（会员人数过少的格子及可据以推算的格子不予公开）',
  })
  async associationStatistics(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicAssociationStatistic[]> {
    const regions = (await ctx.em.execute(ASSOCIATIONS_SQL, [
      ctx.regionPath,
      regionCode,
      ctx.asOf,
    ])) as AssociationCountRow[];
    if (regions.length === 0) return [];
    const leaves = (await ctx.em.execute(MEMBER_LEAVES_SQL, [
      ctx.regionPath,
      regionCode,
      ctx.asOf,
      ctx.asOf,
      ctx.asOf,
    ])) as MemberLeafRow[];
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const kept = previouslySuppressed(ctx.previous, (row) => {
      const region = byCode.get(String(field(row, 'region.code')));
      return region ? cellKey(region.path, MEMBERS) : null;
    });
    const table = suppressSmallCells(
      mergeLeaves(
        leaves.map((leaf) => ({
          regionPath: leafPath(leaf.region_path),
          column: MEMBERS,
          count: leaf.members,
          sum: 0n,
        })),
      ),
      { k: ctx.policy.k, keepSuppressed: kept },
    );
    const members = new Map(
      table.cells.filter((c) => c.column === MEMBERS).map((c) => [c.regionPath, c] as const),
    );
    return regions.map((region) => {
      // A region absent from the table has no member in it: 0 is published, it reveals nobody.
      const cell = members.get(region.path);
      return {
        region: { code: region.code, name: region.name, level: region.level },
        parentCode: region.parent_code,
        associationCount: region.association_count,
        modelCount: region.model_count,
        advancedCount: region.advanced_count,
        memberCount: cell ? cell.count : 0,
        suppressed: cell?.suppression != null,
        suppressionReason: cell?.suppression?.reason ?? null,
      };
    });
  }
}
