import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_ROLE, DEFAULT_APP_PASSWORD, withCredentials } from '@sunshine/devdb/database-urls';
import { createDatabase, startTestCluster } from '@sunshine/devdb/test-cluster';
import pg from 'pg';
import { provisionDatabase } from '../../db/provision-database.ts';
import { loadDemoCounty } from './load-demo-county.ts';

const cluster = await startTestCluster();
try {
  const url = await createDatabase(cluster.adminUrl, { prefix: 'scratch' });
  await provisionDatabase(url, {});
  await loadDemoCounty({
    ownerDatabaseUrl: url,
    appDatabaseUrl: withCredentials(url, APP_ROLE, DEFAULT_APP_PASSWORD),
    seed: 2026, scale: 'county',
    config: { residentIdHmacKey: 'k', publicationsDir: await mkdtemp(path.join(tmpdir(), 'scratch-pub-')), sessionIdleMinutes: 60, sessionMaxHours: 12 },
  });
  const c = new pg.Client({ connectionString: url }); await c.connect();
  const time = async (label: string, sql: string) => { const t = performance.now(); await c.query(sql); console.log(label, ((performance.now() - t) / 1000).toFixed(2)); };
  await c.query('begin');
  await time('like incl all', `create table p2 (like person including all); insert into p2 select * from person`);
  await time('like incl all, sorted by id', `create table p6 (like person including all); insert into p6 select * from person order by id`);
  await time('pk+hmac only, sorted', `create table p7 (like person including defaults including constraints, primary key (id), unique (resident_id_hmac)); insert into p7 select * from person order by id`);
  await time('pk+hmac only, random', `create table p8 (like person including defaults including constraints, primary key (id), unique (resident_id_hmac)); insert into p8 select * from person`);
  await time('then 4 indexes', `create index on p8 using gist (region_path); create index on p8 (household_id); create index on p8 (name, birth_date); create index on p8 (region_id, name)`);
  await time('show', `select 1`);
  console.log((await c.query(`select name, setting from pg_settings where name in ('shared_buffers','wal_level','max_wal_size','checkpoint_timeout','fsync','synchronous_commit','full_page_writes','work_mem','maintenance_work_mem')`)).rows);
  await c.query('rollback');
  await c.end();
} finally {
  await cluster.stop();
}
