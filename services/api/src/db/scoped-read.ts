import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { type ScopeUser, SET_SCOPE_SQL, scopeParams } from './scoped-transaction.ts';

const pools = new WeakMap<MikroORM, Promise<pg.Pool>>();

/**
 * `withScope` for a single read statement, in one round trip instead of four (begin, scope,
 * statement, commit): the scope settings and the statement travel as one simple-query message,
 * which PostgreSQL runs as one implicit transaction, so the transaction-local settings
 * (set_config(..., true)) hold for the statement and vanish when it ends, exactly as with
 * `withScope`. Nested reads run one of these per level (batch loaders), so a deep page pays one
 * round trip per level.
 *
 * Reads only: a use case that writes, or that needs several statements to agree, uses `withScope`.
 * Parameters are formatted into the text by MikroORM, as `em.execute` does (`?` placeholders), and
 * the rows come from the ORM's own pool with its type parsers, so the rows are those `em.execute`
 * would return.
 */
export async function scopedRead<T>(
  orm: MikroORM,
  user: ScopeUser,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  const platform = orm.em.getPlatform();
  const text = `${platform.formatQuery(SET_SCOPE_SQL, scopeParams(user))};\n${platform.formatQuery(sql, [...params])}`;
  let pool = pools.get(orm);
  if (!pool) {
    pool = orm.em.getConnection().getNativeClient() as Promise<pg.Pool>;
    pools.set(orm, pool);
  }
  try {
    // Two statements, two results: the scope's, then the read's.
    const results = (await (await pool).query(text)) as unknown as pg.QueryResult[];
    return (results[1]?.rows ?? []) as T[];
  } catch (error) {
    throw platform.getExceptionConverter().convertException(error as Error);
  }
}
