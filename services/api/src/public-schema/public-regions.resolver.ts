import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { PublicContext } from './public-context.ts';
import { PublicRegionEntry } from './public-regions.type.ts';

@Resolver()
export class PublicRegionResolver {
  @Query(() => [PublicRegionEntry], {
    description: '某区划及其下级的乡镇、村（社区）目录，不含村民小组；按区划代码排列',
  })
  async publicRegions(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicRegionEntry[]> {
    return (await ctx.em.execute(
      `select r.code, r.name, r.level, parent.code as "parentCode"
         from region r left join region parent on parent.id = r.parent_id
        where r.level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')
          and r.path <@ ?::ltree
          and r.path <@ (select path from region where code = ?)
        order by r.code`,
      [ctx.regionPath, regionCode],
    )) as PublicRegionEntry[];
  }
}
