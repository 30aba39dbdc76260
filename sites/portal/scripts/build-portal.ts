import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildPortalOptions {
  /** Absolute path of the publications folder to build from. */
  publicationsDir: string;
  /** Absolute path where the static site is written. */
  outDir: string;
  /** Public origin used for canonical links, the feed and the sitemap. */
  siteUrl?: string;
}

const portalRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the static portal in a child process: Astro reads its configuration and environment once per
 * process, so a child keeps builds from different publications (and the test runner) apart.
 */
export async function buildPortal({ publicationsDir, outDir, siteUrl }: BuildPortalOptions): Promise<void> {
  const require = createRequire(import.meta.url);
  const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env, SUNSHINE_PUBLICATIONS_DIR: publicationsDir };
  if (siteUrl) env.PORTAL_SITE_URL = siteUrl;
  // Vitest marks its workers as tests; Astro must build for production regardless.
  delete env.VITEST;
  delete env.NODE_ENV;
  env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro keeps its content store in the cache folder; a private one keeps concurrent builds apart.
  const cacheDir = await mkdtemp(join(tmpdir(), 'sunshine-portal-cache-'));
  env.PORTAL_CACHE_DIR = cacheDir;

  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir, '--silent'], {
      cwd: portalRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  }).finally(() => rm(cacheDir, { recursive: true, force: true }));
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output.join('')}`);
}

if (import.meta.main) {
  const [publicationsDir, outDir] = process.argv.slice(2);
  if (!publicationsDir || !outDir)
    throw new Error('usage: node scripts/build-portal.ts <publications dir> <out dir>');
  await buildPortal({ publicationsDir, outDir, siteUrl: process.env.PORTAL_SITE_URL });
  console.log(`built portal into ${outDir}`);
}
