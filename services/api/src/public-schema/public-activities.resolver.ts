import { VILLAGE_DEPTH } from '@sunshine/deidentify';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ACTIVITY_KINDS } from '../modules/imports/activity-import.ts';
import { PublicActivityStatistic } from './public-activities.type.ts';
import type { PublicContext } from './public-context.ts';
import { PUBLISHED_ROOT_SQL } from './public-statistics-tree.ts';

interface ActivityStatisticRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  year: number;
  kind: string;
  activity_count: number;
  participants: number;
  leaflets: number;
  consultations: number;
  people_screened: number;
}

// Each activity counts in its association's region and in every region above it, down from the
// published root (a township's row holds its own association's activities and its villages').
const ACTIVITY_STATISTICS_SQL = `with ${PUBLISHED_ROOT_SQL},
  counted as (
    select subpath(x.region_path, 0, d) as path, extract(year from x.held_on)::int as year, x.kind,
           count(*)::int as activity_count, sum(x.participants)::int as participants,
           sum(x.leaflets)::int as leaflets, sum(x.consultations)::int as consultations,
           sum(x.people_screened)::int as people_screened
      from activity x join root on x.region_path <@ root.path
      cross join lateral generate_series(nlevel(root.path), least(nlevel(x.region_path), ${VILLAGE_DEPTH})) d
     where x.held_on <= ?::date
     group by 1, 2, 3)
  select r.code, r.name, r.level, p.code as parent_code, c.year, c.kind, c.activity_count,
         c.participants, c.leaflets, c.consultations, c.people_screened
    from counted c join region r on r.path = c.path
    left join region p on p.id = r.parent_id
   order by c.year, c.path, c.kind`;

@Resolver()
export class PublicActivityResolver {
  @Query(() => [PublicActivityStatistic], {
    description: '各地区各年度计生协会活动次数、参加人次、宣传品和义诊咨询、普查受检人次（按活动类型）',
  })
  async activityStatistics(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicActivityStatistic[]> {
    const rows = (await ctx.em.execute(ACTIVITY_STATISTICS_SQL, [
      ctx.regionPath,
      regionCode,
      ctx.asOf,
    ])) as ActivityStatisticRow[];
    return rows.map((row) => ({
      region: { code: row.code, name: row.name, level: row.level },
      parentCode: row.parent_code,
      year: row.year,
      kind: row.kind,
      kindLabel: ACTIVITY_KINDS.label(row.kind),
      activityCount: row.activity_count,
      participants: row.participants,
      leaflets: row.leaflets,
      consultations: row.consultations,
      peopleScreened: row.people_screened,
    }));
  }
}
