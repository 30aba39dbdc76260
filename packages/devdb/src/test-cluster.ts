import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseName, withDatabase } from './database-urls.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface TestCluster {
  /** Superuser (or DATABASE_URL's user) connection to the maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The server tests run against: `DATABASE_URL`'s server when set, else a throw-away embedded
 * PostgreSQL on a free port in a temporary folder, so tests never touch `npm start`'s cluster.
 */
export async function startTestCluster(env: NodeJS.ProcessEnv = process.env): Promise<TestCluster> {
  if (env.DATABASE_URL) {
    return { adminUrl: env.DATABASE_URL, stop: async () => {} };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'sunshine-test-pg-'));
  const pgServer = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    ephemeral: true,
  });
  return {
    adminUrl: pgServer.superuserUrl,
    async stop() {
      await pgServer.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh database, optionally as a copy of a template database. Returns its URL. */
export async function createDatabase(adminUrl: string, options: { template?: string; prefix?: string } = {}) {
  const name = `${options.prefix ?? 'sunshine_test'}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const template = options.template ? ` template ${client.escapeIdentifier(options.template)}` : '';
    await client.query(`create database ${client.escapeIdentifier(name)}${template}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(databaseName(url))} with (force)`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
