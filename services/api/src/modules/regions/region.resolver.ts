import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { RegionType, toRegionType } from './region.type.ts';

@Resolver()
export class RegionResolver {
  @Query(() => [RegionType], {
    description: '下级区划（不传则为本人所辖区划）/ Child regions (default: your own region)',
  })
  async regions(
    @Arg('parentCode', () => String, { nullable: true }) parentCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RegionType[]> {
    const regions = await ctx.services.regions.children(actorOf(ctx), parentCode ?? undefined);
    return regions.map(toRegionType);
  }
}
