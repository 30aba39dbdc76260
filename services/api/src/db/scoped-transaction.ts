import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SessionUser } from '../modules/identity/session-user.ts';

/** What the row-level policies need of the caller. */
export type ScopeUser = Pick<SessionUser, 'id' | 'role' | 'regionPath'>;

/**
 * The one statement that gives a transaction its caller (ADR 0003), with `?` placeholders
 * (MikroORM's); `scopeParams` are its values in order. Transaction-local: set_config(..., true).
 */
export const SET_SCOPE_SQL = `select set_config('app.user_id', ?, true), set_config('app.user_role', ?, true),
       set_config('app.scope_path', ?, true)`;

export function scopeParams(user: ScopeUser): [string, string, string] {
  return [user.id, user.role, user.regionPath];
}

/**
 * Runs `work` in one transaction whose row-level security scope is the user's region subtree.
 * The settings are transaction-local (set_config(..., true)): they vanish at commit or rollback,
 * so a pooled connection never carries one caller's scope into another's query.
 * A read that is one statement can use `scopedRead` (scoped-read.ts): the same rule, one round trip.
 */
export async function withScope<T>(
  orm: MikroORM,
  user: ScopeUser,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(SET_SCOPE_SQL, scopeParams(user));
    return work(em);
  });
}
