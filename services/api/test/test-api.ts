import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { APP_ROLE, DEFAULT_APP_PASSWORD, withCredentials } from '@sunshine/devdb/database-urls';
import { createDatabase, dropDatabase } from '@sunshine/devdb/test-cluster';
import pg from 'pg';
import { inject } from 'vitest';
import type { ApiConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { DEMO_PASSWORD } from '../src/modules/demo-data/demo-county.ts';
import type { SessionUser } from '../src/modules/identity/session-user.ts';
import { type RunningApi, startApi } from '../src/server.ts';
// The ProvidedContext keys (pgAdminUrl, templates) are declared where global setup provides them.
import type {} from './global-setup.ts';
import { signInOverHttp } from './sign-in-over-http.ts';

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

/** A private copy of the demo county (or of an empty, migrated database) for one test file. */
export async function cloneDatabase(kind: 'demo' | 'empty' = 'demo'): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const ownerUrl = await createDatabase(adminUrl, {
    template: inject(kind === 'demo' ? 'demoTemplate' : 'emptyTemplate'),
  });
  return {
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APP_ROLE, DEFAULT_APP_PASSWORD),
    drop: () => dropDatabase(adminUrl, ownerUrl),
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  api: RunningApi;
  db: TestDatabase;
  publicationsDir: string;
  /** Everything the API logged, one JSON line per entry. */
  logLines: string[];
  signIn(username: string, password?: string): Promise<string>;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    cookie?: string,
  ): Promise<GraphQLResponse<T>>;
  /** Runs SQL as the app role with the scope of `username` (as the API would). */
  sqlAs<T extends pg.QueryResultRow>(username: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL as the database owner (no row-level security): what is really stored. */
  ownerSql<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Raw HTTP against the API, for status codes and headers. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApi(
  kind: 'demo' | 'empty' = 'demo',
  overrides: Partial<ApiConfig> = {},
): Promise<TestApi> {
  const db = await cloneDatabase(kind);
  const publicationsDir = await mkdtemp(path.join(tmpdir(), 'sunshine-api-publications-'));
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const api = await startApi({
    ownerDatabaseUrl: db.ownerUrl,
    appDatabaseUrl: db.appUrl,
    env: {},
    overrides: { port: 0, publicationsDir, residentIdHmacKey: 'test-hmac-key', adminDir: null, ...overrides },
    logger: createLogger('info', sink),
  });

  const owner = new pg.Pool({ connectionString: db.ownerUrl, max: 2 });

  const graphql: TestApi['graphql'] = async (query, variables, cookie) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
    return { status: response.status, ...body } as GraphQLResponse<never>;
  };

  return {
    api,
    db,
    publicationsDir,
    logLines,
    graphql,
    signIn: (username, password = DEMO_PASSWORD) => signInOverHttp(api.url, username, password),
    async ownerSql(sql, params = []) {
      return (await owner.query(sql, params)).rows;
    },
    fetch: (urlPath, init) => fetch(`${api.url}${urlPath}`, init),
    async sqlAs(username, sql, params = []) {
      const { rows: users } = await owner.query(
        `select u.id, u.role, r.path::text as path from app_user u join region r on r.id = u.region_id
          where u.username = $1`,
        [username],
      );
      const user = users[0];
      if (!user) throw new Error(`no user ${username}`);
      const client = new pg.Client({ connectionString: db.appUrl });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(
          `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
                  set_config('app.scope_path', $3, true)`,
          [user.id, user.role, user.path],
        );
        const result = await client.query<never>(sql, params);
        await client.query('commit');
        return result.rows;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        await client.end();
      }
    },
    async close() {
      await api.close();
      await owner.end();
      await db.drop();
      await rm(publicationsDir, { recursive: true, force: true });
    },
  };
}

/** The session a signed-in user would have (read as the owner), for calling the services directly. */
export async function sessionUser(t: TestApi, username: string): Promise<SessionUser> {
  const [row] = await t.ownerSql<{
    id: string;
    display_name: string;
    role: SessionUser['role'];
    region_id: string;
    path: string;
    code: string;
    name: string;
    level: SessionUser['regionLevel'];
  }>(
    `select u.id, u.display_name, u.role, r.id as region_id, r.path::text as path, r.code, r.name, r.level
       from app_user u join region r on r.id = u.region_id where u.username = $1`,
    [username],
  );
  if (!row) throw new Error(`no user ${username}`);
  return {
    id: row.id,
    username,
    displayName: row.display_name,
    role: row.role,
    regionId: row.region_id,
    regionPath: row.path,
    regionCode: row.code,
    regionName: row.name,
    regionLevel: row.level,
  };
}
