import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian and Ubuntu put the distribution's Chromium. */
export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Tests run as root in containers (no user namespaces, hence no sandbox) and must never reach the
 * network on their own: background updates, sync and QUIC probes are turned off.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export type ChromiumSource = 'env' | 'system' | 'sparticuz';

export interface ChromiumExecutable {
  path: string;
  source: ChromiumSource;
  /** Extra environment the browser process needs, on top of the current one. */
  env: Record<string, string>;
}

/**
 * Picks the Chromium binary: `CHROMIUM_PATH`, else the system one, else the build packaged in
 * `@sparticuz/chromium`, so a machine with only npm packages can still run browser tests.
 * `SUNSHINE_BROWSER=sparticuz` skips the first two, to test the packaged path where a system
 * Chromium exists.
 */
export async function resolveChromiumExecutable(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChromiumExecutable> {
  const forced = env.SUNSHINE_BROWSER;
  if (forced !== undefined && forced !== '' && forced !== 'sparticuz' && forced !== 'auto') {
    throw new Error(`SUNSHINE_BROWSER must be "sparticuz" or "auto", got "${forced}"`);
  }
  if (forced !== 'sparticuz') {
    const fromEnv = env.CHROMIUM_PATH;
    if (fromEnv) {
      if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to a missing file: ${fromEnv}`);
      return { path: fromEnv, source: 'env', env: {} };
    }
    if (existsSync(SYSTEM_CHROMIUM_PATH)) return { path: SYSTEM_CHROMIUM_PATH, source: 'system', env: {} };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  // Inflates the brotli archives into the temp folder on first use (Chromium, its fonts, SwiftShader).
  const path = await packaged.executablePath();
  const extra: Record<string, string> = {};
  // A bare container may have no fontconfig setup at all; the package ships a fonts.conf that
  // points at the fonts it inflated, so text still renders (Latin only: see the README of this package).
  if (!env.FONTCONFIG_PATH && !existsSync('/etc/fonts/fonts.conf')) {
    extra.FONTCONFIG_PATH = join(tmpdir(), 'fonts');
  }
  return { path, source: 'sparticuz', env: extra };
}

export async function launchChromium(): Promise<Browser> {
  const executable = await resolveChromiumExecutable();
  return chromium.launch({
    executablePath: executable.path,
    headless: true,
    args: [...CHROMIUM_ARGS],
    env: { ...process.env, ...executable.env },
  });
}
