import type pg from 'pg';
import { type ScopeUser, SET_SCOPE_SQL, scopeParams } from './scoped-transaction.ts';

// The same statement for the driver, which numbers its placeholders.
let placeholder = 0;
const SET_SCOPE_PG = SET_SCOPE_SQL.replace(/\?/g, () => `$${++placeholder}`);

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
    await client.query(SET_SCOPE_PG, scopeParams(user));
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
