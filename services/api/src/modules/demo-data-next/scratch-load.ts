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
  let t = performance.now();
  await provisionDatabase(url, {});
  console.log('provision s', ((performance.now() - t) / 1000).toFixed(1));
  t = performance.now();
  const result = await loadDemoCounty({
    ownerDatabaseUrl: url,
    appDatabaseUrl: withCredentials(url, APP_ROLE, DEFAULT_APP_PASSWORD),
    seed: 2026,
    scale: 'county',
    config: { residentIdHmacKey: 'k', publicationsDir: await mkdtemp(path.join(tmpdir(), 'scratch-pub-')), sessionIdleMinutes: 60, sessionMaxHours: 12 },
    log: (l) => console.log(((performance.now() - t) / 1000).toFixed(1), l),
  });
  console.log('load s', ((performance.now() - t) / 1000).toFixed(1), result);
  const again = await loadDemoCounty({
    ownerDatabaseUrl: url,
    appDatabaseUrl: withCredentials(url, APP_ROLE, DEFAULT_APP_PASSWORD),
    seed: 2026, scale: 'county',
    config: { residentIdHmacKey: 'k', publicationsDir: '/tmp', sessionIdleMinutes: 60, sessionMaxHours: 12 },
  });
  console.log('again loaded?', again.loaded);
  const c = new pg.Client({ connectionString: url }); await c.connect();
  console.log((await c.query(`select (select count(*) from person) persons, (select count(*) from evaluation where not passed) failed, (select count(*) from person_duplicate_flag) flags, pg_size_pretty(pg_database_size(current_database())) size`)).rows);
  await c.end();
} finally {
  await cluster.stop();
}
