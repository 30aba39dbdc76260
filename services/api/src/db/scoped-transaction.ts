import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SessionUser } from '../modules/identity/session-user.ts';

/**
 * Runs `work` in one transaction whose row-level security scope is the user's region subtree.
 * The settings are transaction-local (set_config(..., true)): they vanish at commit or rollback,
 * so a pooled connection never carries one caller's scope into another's query.
 * A read that is one statement can use `scopedRead` (scoped-read.ts): the same rule, one round trip.
 */
export async function withScope<T>(
  orm: MikroORM,
  user: SessionUser,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(
      `select set_config('app.user_id', ?, true), set_config('app.user_role', ?, true),
              set_config('app.scope_path', ?, true)`,
      [user.id, user.role, user.regionPath],
    );
    return work(em);
  });
}
