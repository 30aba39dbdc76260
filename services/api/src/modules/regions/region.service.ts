import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { withScope } from '../../db/scoped-transaction.ts';
import { notFound } from '../../errors/domain-error.ts';
import type { Actor } from '../identity/actor.ts';
import { pathWithin } from '../identity/session-user.ts';
import { type Region, RegionSchema } from './region.entity.ts';

const REGION = { zh: '行政区划', en: 'Region' };

export class RegionService {
  constructor(private readonly orm: MikroORM) {}

  /** Regions directly below `parentCode` (or the caller's own region), within the caller's scope. */
  async children(actor: Actor, parentCode?: string): Promise<Region[]> {
    return withScope(this.orm, actor.user, async (em) => {
      const parent = parentCode ? await findRegionInScope(em, actor, parentCode, 'parentCode') : null;
      if (!parent) return em.find(RegionSchema, { id: actor.user.regionId });
      return em.find(RegionSchema, { parent: parent.id }, { orderBy: { code: 'asc' } });
    });
  }
}

/**
 * A region the caller may act on: inside their subtree (ancestors are visible but not writable).
 * `field` names the argument it came from, so the form can point at it.
 */
export async function findRegionInScope(
  em: EntityManager,
  actor: Actor,
  code: string,
  field?: string,
): Promise<Region> {
  const region = await em.findOne(RegionSchema, { code });
  if (!region || !pathWithin(region.path, actor.user.regionPath)) throw notFound(REGION, field);
  return region;
}
