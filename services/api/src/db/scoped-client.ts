import type pg from 'pg';
import type { SessionUser } from '../modules/identity/session-user.ts';

export type ScopeUser = Pick<SessionUser, 'id' | 'role' | 'regionPath'>;

/**
 * `withScope` for work that needs the driver's own connection, such as COPY streams or server-side
 * cursors (MikroORM hands out its pool, not the transaction's connection): one transaction on one
 * pooled client, with the same transaction-local row-level security settings as `withScope`.
 */
export function withScopedClient<T>(
  pool: pg.Pool,
  user: ScopeUser,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return scopedTransaction(pool, user, work, 'commit');
}

/** The same, but always rolled back: a dry run stages and checks, then leaves no trace. */
export function withScopedDryRun<T>(
  pool: pg.Pool,
  user: ScopeUser,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return scopedTransaction(pool, user, work, 'rollback');
}

async function scopedTransaction<T>(
  pool: pg.Pool,
  user: ScopeUser,
  work: (client: pg.PoolClient) => Promise<T>,
  end: 'commit' | 'rollback',
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  let finished = false;
  try {
    await client.query('begin');
    await client.query(
      `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
              set_config('app.scope_path', $3, true)`,
      [user.id, user.role, user.regionPath],
    );
    const result = await work(client);
    await client.query(end);
    finished = true;
    return result;
  } finally {
    if (!finished) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('rollback').catch(() => {
        broken = true;
      });
    }
    client.release(broken);
  }
}
