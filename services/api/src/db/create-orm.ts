import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities.ts';
import { MIGRATIONS } from './migrations-list.ts';

export async function createOrm(clientUrl: string, options: { poolMax?: number } = {}): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'schema_migration',
      transactional: true,
      allOrNothing: true,
      // Migrations are written by hand: no schema snapshot files beside them.
      snapshot: false,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    // The database is the source of truth for the schema: migrations are written by hand and committed.
    discovery: { warnWhenNoEntities: true },
    debug: false,
    ensureDatabase: false,
  });
}
