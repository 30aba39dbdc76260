import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_ROLE, DEFAULT_APP_PASSWORD, databaseName, withCredentials } from '@sunshine/devdb/database-urls';
import { createDatabase, startTestCluster } from '@sunshine/devdb/test-cluster';
import type { TestProject } from 'vitest/node';
import { provisionDatabase } from '../src/db/provision-database.ts';
import { loadDemoCounty } from '../src/modules/demo-data/load-demo-county.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** A migrated database holding the demo county: each test file clones it. */
    demoTemplate: string;
    /** A migrated, empty database. */
    emptyTemplate: string;
  }
}

export const TEST_HMAC_KEY = 'test-hmac-key';

/** One PostgreSQL for the whole run; templates are built once and cloned per test file. */
export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  const scratch = await mkdtemp(path.join(tmpdir(), 'sunshine-test-publications-'));
  try {
    await prepareTemplates(project, cluster.adminUrl, scratch);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return async () => {
    await cluster.stop();
    await rm(scratch, { recursive: true, force: true });
  };
}

async function prepareTemplates(project: TestProject, adminUrl: string, scratch: string) {
  const cluster = { adminUrl };
  const emptyUrl = await createDatabase(cluster.adminUrl, { prefix: 'sunshine_empty' });
  await provisionDatabase(emptyUrl, {});
  const demoUrl = await createDatabase(cluster.adminUrl, { prefix: 'sunshine_demo' });
  await provisionDatabase(demoUrl, {});
  await loadDemoCounty({
    ownerDatabaseUrl: demoUrl,
    appDatabaseUrl: withCredentials(demoUrl, APP_ROLE, DEFAULT_APP_PASSWORD),
    seed: 2026,
    scale: 'county',
    config: {
      residentIdHmacKey: TEST_HMAC_KEY,
      publicationsDir: scratch,
      sessionIdleMinutes: 60,
      sessionMaxHours: 12,
    },
  });
  project.provide('pgAdminUrl', cluster.adminUrl);
  project.provide('demoTemplate', databaseName(demoUrl));
  project.provide('emptyTemplate', databaseName(emptyUrl));
}
