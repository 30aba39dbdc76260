import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { buildAdmin } from '@sunshine/admin/build-admin';
import { REPO_ROOT, readApiConfig } from '@sunshine/api/config';
import { DEMO_PASSWORD, generateDemoCounty } from '@sunshine/api/demo-county';
import { exportProtectedNames } from '@sunshine/api/export-protected-names';
import { exportPublications } from '@sunshine/api/export-publications';
import { loadDemoCounty } from '@sunshine/api/load-demo-county';
import { provisionDatabase } from '@sunshine/api/provision-database';
import { startApi } from '@sunshine/api/server';
import { MANIFEST_FILE } from '@sunshine/disclosure/publication-files';
import { buildPortal, formatBuildSummary } from '@sunshine/portal/build-portal';
import { serveStatic } from '@sunshine/portal/serve-static';
import { EMBEDDED_PORT, openLocalDatabase } from './local-database.ts';

/**
 * `npm start`: database, migrations, demo county (first run only), API, portal. Ctrl-C stops
 * everything, PostgreSQL last, with a clean shutdown.
 */
const say = (line: string) => console.log(`[sunshine] ${line}`);
const stops: (() => Promise<void>)[] = [];
let stopping = false;

async function shutdown(code: number): Promise<void> {
  // Ctrl-C reaches us twice (from the terminal and forwarded by npm): the first one stops.
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
  say('stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const database = await openLocalDatabase(say);
  if (database.embedded) stops.push(() => database.embedded!.stop());
  const urls = await provisionDatabase(database.ownerDatabaseUrl, process.env);
  say(`database ready: ${database.describe()}`);

  const config = readApiConfig(process.env, urls);
  const loaded = await loadDemoCounty({
    ...urls,
    seed: Number(process.env.SUNSHINE_DEMO_SEED ?? 2026),
    scale: 'county',
    config,
    log: (line) => say(`demo county: ${line}`),
  });
  if (loaded.loaded) say('demo county loaded and its first publication run done');
  if (!existsSync(path.join(config.publicationsDir, MANIFEST_FILE))) {
    const count = await exportPublications(urls.ownerDatabaseUrl, config.publicationsDir);
    say(`exported ${count} published dataset(s) to var/publications`);
  }

  // The admin console is served by the API at /admin/ (same origin as /graphql): built first, each start,
  // so it always matches the API it talks to.
  if (!process.env.SUNSHINE_ADMIN_DIR) {
    const admin = await buildAdmin();
    say(`admin console built in ${(admin.ms / 1000).toFixed(1)} s`);
  }
  const api = await startApi({ ...urls, env: process.env });
  stops.push(() => api.close());

  const portalDir = path.join(REPO_ROOT, 'sites/portal/dist');
  // The first build of a session renders every page; rebuilds after a publication run re-render only
  // pages whose data changed. Each build is leak-scanned against the names of everyone who did not
  // consent to publication (a private temporary file, removed after the build).
  let built = false;
  const rebuild = async () => {
    say('building the portal from the current publications…');
    const names = await exportProtectedNames(urls.ownerDatabaseUrl);
    try {
      const summary = await buildPortal({
        publicationsDir: config.publicationsDir,
        outDir: portalDir,
        protectedNamesFile: names.file,
        cacheDir: path.join(REPO_ROOT, 'var/portal-cache'),
        changedOnly: built,
        reportFile: path.join(REPO_ROOT, 'var/portal-report.json'),
      });
      built = true;
      for (const line of formatBuildSummary(summary)) say(line);
    } finally {
      await names.remove();
    }
  };
  await rebuild();
  const portalPort = Number(process.env.PORTAL_PORT ?? 4321);
  const portal = await serveStatic({ dir: portalDir, port: portalPort, host: '127.0.0.1' });
  stops.push(() => portal.close());

  // A publication run from the console rewrites the manifest: rebuild the portal after it.
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(config.publicationsDir, (_event, file) => {
    if (file !== MANIFEST_FILE) return;
    clearTimeout(timer);
    timer = setTimeout(
      () => rebuild().catch((error) => console.error('[sunshine] portal build failed', error)),
      500,
    );
  });
  stops.push(async () => watcher.close());

  say('');
  say(`admin console     ${api.url}/admin/`);
  say(`API (GraphQL)     ${api.url}/graphql`);
  say(`GraphQL console   ${api.url}/console  (sign in first)`);
  say(`health            ${api.url}/healthz`);
  say(`portal            http://localhost:${portalPort}/`);
  if (database.embedded) {
    say(`psql              psql "postgres://postgres:sunshine-local@127.0.0.1:${EMBEDDED_PORT}/sunshine"`);
  }
  say('');
  say(`demo sign-ins (password for all: ${DEMO_PASSWORD})`);
  const { users } = generateDemoCounty({
    seed: Number(process.env.SUNSHINE_DEMO_SEED ?? 2026),
    scale: 'county',
  });
  const township = users.find((user) => user.role === 'TOWNSHIP_ADMIN');
  const clerk = users.find(
    (user) =>
      user.role === 'VILLAGE_CLERK' &&
      user.username.startsWith(township?.username.replace('township', 'clerk') ?? ''),
  );
  say('  county.admin       县级管理员（起草）   county admin who drafts');
  say('  county.approver    县级管理员（审批）   county admin who approves');
  say('  county.auditor     审计监督员（只读）   auditor, read-only');
  if (township) say(`  ${township.username.padEnd(18)} 乡镇管理员           township admin`);
  if (clerk) say(`  ${clerk.username.padEnd(18)} 村计生专干           village clerk`);
  say('');
  say('Ctrl-C stops everything.');
} catch (error) {
  console.error('[sunshine] start failed:', error);
  await shutdown(1);
}
