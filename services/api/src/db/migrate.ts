import { APP_ROLE } from '@sunshine/devdb/database-urls';
import pg from 'pg';
import { createOrm } from './create-orm.ts';

/**
 * Brings a database to the latest schema, as its owner, and sets the app role's password.
 * Idempotent: safe to run at every start.
 */
export async function migrateDatabase(ownerUrl: string, appPassword: string | null): Promise<string[]> {
  const orm = await createOrm(ownerUrl, { poolMax: 2 });
  try {
    const applied = await orm.migrator.up();
    if (appPassword === null) return applied.map((migration) => migration.name);
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const escaped = client.escapeLiteral(appPassword);
      await client.query(`alter role ${APP_ROLE} password ${escaped}`);
    } finally {
      await client.end();
    }
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
