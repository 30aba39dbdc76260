import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { type RegionType, toRegionType } from './region.type.ts';

/**
 * A region by id, batched per request: a page of persons, households or anything else that hangs
 * off a region costs one statement for all their regions. Null for a region outside the caller's
 * sight (row-level security: their subtree and the regions above it).
 */
export async function loadRegion(ctx: RequestContext, regionId: string): Promise<RegionType | null> {
  const actor = actorOf(ctx);
  const region = await ctx.loaders
    .get('region.byId', async (ids) => {
      const rows = await ctx.services.regions.byIds(actor, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(regionId);
  return region ? toRegionType(region) : null;
}
