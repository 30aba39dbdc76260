import { DEFAULT_APP_PASSWORD } from '@sunshine/devdb/database-urls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase, type TestDatabase } from '../../test/test-api.ts';
import { migrateDatabase } from './migrate.ts';
import { MIGRATIONS } from './migrations-list.ts';

let db: TestDatabase;
let owner: pg.Client;
beforeAll(async () => {
  db = await cloneDatabase('empty');
  owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await db?.drop();
});

describe('migrations', () => {
  it('applies nothing to an already migrated database', async () => {
    const before = await owner.query('select name from schema_migration order by id');
    expect(before.rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await migrateDatabase(db.ownerUrl, null)).toEqual([]);
    expect(await migrateDatabase(db.ownerUrl, DEFAULT_APP_PASSWORD)).toEqual([]);
    const after = await owner.query('select name from schema_migration order by id');
    expect(after.rows).toEqual(before.rows);
    // The app role still signs in with the password the API uses.
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    await app.end();
  });

  it('forces row-level security on every table with a region_path, with a read policy keyed on app_scope()', async () => {
    const { rows } = await owner.query<{
      table: string;
      rls: boolean;
      forced: boolean;
      scoped_read: boolean;
    }>(
      `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
              exists (select from pg_policies p
                       where p.schemaname = 'public' and p.tablename = c.relname
                         and p.cmd in ('SELECT', 'ALL') and p.qual like '%app_scope()%') as scoped_read
         from pg_class c
         join pg_attribute a on a.attrelid = c.oid and a.attname = 'region_path' and not a.attisdropped
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        order by 1`,
    );
    expect(rows.map((row) => row.table)).toEqual(
      expect.arrayContaining([
        'audit_event',
        'disclosure',
        'person',
        'policy',
        'publication',
        'publication_run',
      ]),
    );
    for (const row of rows) {
      expect(row).toEqual({ table: row.table, rls: true, forced: true, scoped_read: true });
    }
  });

  it('leaves no table readable by the app role without row-level security', async () => {
    const { rows } = await owner.query<{ table: string; rls: boolean; forced: boolean }>(
      `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced
         from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
          and has_table_privilege('sunshine_app', c.oid, 'SELECT')
        order by 1`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row).toEqual({ table: row.table, rls: true, forced: true });
    }
  });
});
