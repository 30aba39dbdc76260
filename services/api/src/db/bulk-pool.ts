import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';

/**
 * A small pool of plain `pg` connections beside the ORM's, for imports (COPY) and exports (cursors),
 * which need the connection itself. Apart from the ORM's on purpose: a long import or a slow
 * download holds its connection for minutes, and must not starve the requests' pool. Same URL and
 * role as the ORM, so the same row-level security. It connects only when first used.
 */
export function createBulkPool(orm: MikroORM, max = 6): pg.Pool {
  return new pg.Pool({
    connectionString: orm.config.get('clientUrl'),
    max,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
  });
}
