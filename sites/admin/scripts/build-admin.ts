import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The built console's folder by default: what the API serves at /admin/ unless SUNSHINE_ADMIN_DIR says otherwise. */
export const ADMIN_DIST = path.join(ROOT, 'dist');

/**
 * Builds the admin console (Vite, production) into `outDir`. `npm start` runs it before the API
 * starts; the browser tests build into a folder of their own.
 */
export async function buildAdmin(outDir: string = ADMIN_DIST): Promise<{ outDir: string; ms: number }> {
  const started = performance.now();
  await build({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return { outDir, ms: performance.now() - started };
}
