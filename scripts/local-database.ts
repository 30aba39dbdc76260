import path from 'node:path';
import { REPO_ROOT } from '@sunshine/api/config';
import { databaseName, redactUrl, withDatabase } from '@sunshine/devdb/database-urls';
import { type RunningPostgres, startEmbeddedPostgres } from '@sunshine/devdb/embedded-postgres';
import pg from 'pg';

export const EMBEDDED_DATA_DIR = path.join(REPO_ROOT, '.data/postgres');
export const EMBEDDED_PORT = Number(process.env.SUNSHINE_PG_PORT ?? 54329);
export const EMBEDDED_DATABASE = 'sunshine';

export interface LocalDatabase {
  ownerDatabaseUrl: string;
  embedded: RunningPostgres | null;
  describe(): string;
}

/**
 * The database `npm start` and `npm run seed` use: `DATABASE_URL` when set (any PostgreSQL ≥ 16,
 * whose user can create roles), else the embedded PostgreSQL 18 kept in `.data/postgres`.
 */
export async function openLocalDatabase(log: (line: string) => void): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { ownerDatabaseUrl: url, embedded: null, describe: () => redactUrl(url) };
  }
  log(`starting embedded PostgreSQL 18 on 127.0.0.1:${EMBEDDED_PORT} (data: .data/postgres)`);
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
  const ownerDatabaseUrl = withDatabase(embedded.superuserUrl, EMBEDDED_DATABASE);
  const client = new pg.Client({ connectionString: embedded.superuserUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE]);
    if (exists.rowCount === 0) await client.query(`create database ${EMBEDDED_DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    ownerDatabaseUrl,
    embedded,
    describe: () => `${redactUrl(ownerDatabaseUrl)} (${databaseName(ownerDatabaseUrl)})`,
  };
}
