import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { mayReadSensitive, type SensitiveStatusRow } from './household.service.ts';
import { type HouseholdType, toHouseholdType } from './household.type.ts';

/** A household by id, batched per request; null when it is outside the caller's scope. */
export async function loadHousehold(ctx: RequestContext, id: string): Promise<HouseholdType | null> {
  const actor = actorOf(ctx);
  const row = await ctx.loaders
    .get('household.byId', async (ids) => {
      const rows = await ctx.services.households.byIds(actor, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((key) => byId.get(key) ?? null);
    })
    .load(id);
  return row ? toHouseholdType(row) : null;
}

/**
 * A household's sensitive status, batched per request. Null when it has none, and, without any
 * query, for every caller who may not read it.
 */
export async function loadSensitiveStatus(
  ctx: RequestContext,
  householdId: string,
): Promise<SensitiveStatusRow | null> {
  const actor = actorOf(ctx);
  if (!mayReadSensitive(actor.user)) return null;
  return ctx.loaders
    .get('household.sensitiveStatus', async (ids) => {
      const rows = await ctx.services.households.sensitiveStatuses(actor, ids);
      const byId = new Map(rows.map((r) => [r.household_id, r]));
      return ids.map((key) => byId.get(key) ?? null);
    })
    .load(householdId);
}
