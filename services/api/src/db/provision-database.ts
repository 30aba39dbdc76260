import { APP_ROLE, DEFAULT_APP_PASSWORD, withCredentials } from '@sunshine/devdb/database-urls';
import { migrateDatabase } from './migrate.ts';

export interface DatabaseUrls {
  ownerDatabaseUrl: string;
  appDatabaseUrl: string;
}

/**
 * Migrates the database at `ownerDatabaseUrl` and works out how the API connects: as the
 * `sunshine_app` role, with `APP_DATABASE_URL` if given, else the owner's host and database with
 * the app role's credentials (whose password we set).
 */
export async function provisionDatabase(
  ownerDatabaseUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<DatabaseUrls> {
  const appPassword = env.APP_DB_PASSWORD ?? DEFAULT_APP_PASSWORD;
  await migrateDatabase(ownerDatabaseUrl, env.APP_DATABASE_URL ? null : appPassword);
  return {
    ownerDatabaseUrl,
    appDatabaseUrl: env.APP_DATABASE_URL ?? withCredentials(ownerDatabaseUrl, APP_ROLE, appPassword),
  };
}
