import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { notFound } from '../../errors/domain-error.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import type { Actor } from '../identity/actor.ts';
import { pathWithin } from '../identity/session-user.ts';
import { type Region, RegionSchema } from './region.entity.ts';

const REGION = { zh: '行政区划', en: 'Region' };
const REGION_BY_CODE = 'select id, code, name, level, path::text as path from region where code = ?';

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

  /** Regions by id, as plain rows, for batch loaders; ids the caller may not see are left out. */
  async byIds(actor: Actor, ids: readonly string[]): Promise<RegionRow[]> {
    return scopedRead<RegionRow>(
      this.orm,
      actor.user,
      'select id, code, name, level, path::text as path from region where id = any(?::uuid[])',
      [sqlArray(ids)],
    );
  }

  /** The region with this code, inside the caller's subtree. */
  async get(actor: Actor, code: string): Promise<RegionRow> {
    const [region] = await scopedRead<RegionRow>(this.orm, actor.user, REGION_BY_CODE, [code]);
    return regionInScope(region, actor, 'code');
  }

  /** Batch: the regions directly below each region that the caller may see, by code. */
  async childrenOf(actor: Actor, parentIds: readonly string[]): Promise<RegionRow[][]> {
    const rows = await scopedRead<RegionRow & { parent_id: string }>(
      this.orm,
      actor.user,
      `select id, code, name, level, path::text as path, parent_id from region
        where parent_id = any(?::uuid[]) order by code`,
      [sqlArray(parentIds)],
    );
    return groupByKey(parentIds, rows, (row) => row.parent_id);
  }
}

export interface RegionRow {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
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

/**
 * The same rule as `findRegionInScope`, as a plain row by SQL: for read paths, which never hydrate
 * entities, and for writes that only need the id and path.
 */
export async function findRegionRowInScope(
  em: EntityManager,
  actor: Actor,
  code: string,
  field?: string,
): Promise<RegionRow> {
  const [region] = (await em.execute(REGION_BY_CODE, [code])) as RegionRow[];
  return regionInScope(region, actor, field);
}

function regionInScope(region: RegionRow | undefined, actor: Actor, field?: string): RegionRow {
  if (!region || !pathWithin(region.path, actor.user.regionPath)) throw notFound(REGION, field);
  return region;
}
