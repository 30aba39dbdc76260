import type { RequestContext } from '../../graphql/request-context.ts';
import { actorOf } from '../../graphql/request-context.ts';
import { type RegionType, toRegionType } from '../regions/region.type.ts';

/**
 * The region of a work record (activity, project, evaluation), batched per request: a page of
 * records costs one statement for all their regions, whichever of the three types asks.
 */
export async function loadWorkRecordRegion(
  ctx: RequestContext,
  regionId: string,
): Promise<RegionType | null> {
  const actor = actorOf(ctx);
  const region = await ctx.loaders
    .get('workRecord.region', (ids) => ctx.services.activities.regions(actor, ids))
    .load(regionId);
  return region ? toRegionType(region) : null;
}
