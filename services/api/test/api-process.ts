import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './test-api.ts';

const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'api-process-main.ts');

export interface ApiProcess {
  url: string;
  /** SIGKILL: no shutdown hook, no rollback by the API, open transactions die with their connections. */
  kill(): Promise<void>;
}

/** Starts the API in a child process over `db` and waits until it listens. */
export async function spawnApi(db: TestDatabase, publicationsDir: string): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      SUNSHINE_TEST_OWNER_URL: db.ownerUrl,
      SUNSHINE_TEST_APP_URL: db.appUrl,
      SUNSHINE_TEST_PUBLICATIONS_DIR: publicationsDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening (\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the API process exited (${code}) before listening`)));
  });
  return {
    url: `http://localhost:${port}`,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
