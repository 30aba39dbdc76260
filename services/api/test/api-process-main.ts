/**
 * The API as a process of its own, for tests that kill it (SIGKILL) in the middle of a request and
 * start it again: `test/api-process.ts` spawns this file. It reads its databases from the
 * environment and prints `listening <port>` once it serves.
 */
import { createLogger } from '../src/logger.ts';
import { startApi } from '../src/server.ts';

const ownerDatabaseUrl = process.env.SUNSHINE_TEST_OWNER_URL;
const appDatabaseUrl = process.env.SUNSHINE_TEST_APP_URL;
if (!ownerDatabaseUrl || !appDatabaseUrl)
  throw new Error('SUNSHINE_TEST_OWNER_URL and SUNSHINE_TEST_APP_URL are required');
const api = await startApi({
  ownerDatabaseUrl,
  appDatabaseUrl,
  env: {},
  overrides: {
    port: Number(process.env.SUNSHINE_TEST_PORT ?? 0),
    publicationsDir: process.env.SUNSHINE_TEST_PUBLICATIONS_DIR ?? '',
    residentIdHmacKey: 'test-hmac-key',
  },
  logger: createLogger('warn'),
});
process.stdout.write(`listening ${api.port}\n`);
