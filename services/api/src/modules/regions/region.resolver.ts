import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { AssociationType } from '../associations/association.type.ts';
import { RegionType, toRegionType } from './region.type.ts';

@Resolver(() => RegionType)
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

  @Query(() => RegionType, {
    nullable: true,
    description: '您辖区内的一个区划 / One region in your jurisdiction',
  })
  async region(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext): Promise<RegionType> {
    return toRegionType(await ctx.services.regions.get(actorOf(ctx), code));
  }

  @FieldResolver(() => [RegionType], {
    description: '您可见的直属下级区划 / Direct child regions you may see',
  })
  async children(@Root() region: RegionType, @Ctx() ctx: RequestContext): Promise<RegionType[]> {
    const actor = actorOf(ctx);
    const rows = await ctx.loaders
      .get('region.children', (ids) => ctx.services.regions.childrenOf(actor, ids))
      .load(region.id);
    return rows.map(toRegionType);
  }

  @FieldResolver(() => [AssociationType], {
    description: '设在本区划的协会（不含下级）/ Associations filed at this region (not below)',
  })
  async associations(@Root() region: RegionType, @Ctx() ctx: RequestContext): Promise<AssociationType[]> {
    const actor = actorOf(ctx);
    return ctx.loaders
      .get('region.associations', (ids) => ctx.services.associations.byRegionIds(actor, ids))
      .load(region.id);
  }
}
