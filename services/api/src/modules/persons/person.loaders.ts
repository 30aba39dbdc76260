import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { type PersonType, toPersonType } from './person.type.ts';

/** A person by id, batched per request; null when outside the caller's scope. */
export async function loadPerson(ctx: RequestContext, id: string): Promise<PersonType | null> {
  const actor = actorOf(ctx);
  const row = await ctx.loaders
    .get('person.byId', async (ids) => {
      const rows = await ctx.services.persons.byIds(actor, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((key) => byId.get(key) ?? null);
    })
    .load(id);
  return row ? toPersonType(row) : null;
}

/** The members of a household (those the caller may see), batched: one statement per page of households. */
export async function loadHouseholdMembers(ctx: RequestContext, householdId: string): Promise<PersonType[]> {
  const actor = actorOf(ctx);
  const rows = await ctx.loaders
    .get('person.byHousehold', async (ids) =>
      groupByKey(ids, await ctx.services.persons.byHouseholds(actor, ids), (row) => row.household_id ?? ''),
    )
    .load(householdId);
  return rows.map(toPersonType);
}
