import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '@sunshine/api/test-api';
import { launchChromium } from '@sunshine/browser/launch-chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildAdmin } from '../scripts/build-admin.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
export const PASSWORD = 'sunshine-demo-2026';

export interface ConsoleHarness {
  t: TestApi;
  newPage(options?: { width?: number; bypassCSP?: boolean }): Promise<Page>;
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** The console's address for a path inside it, e.g. `/policies`. */
  url(consolePath: string): string;
}

/**
 * The console as admins use it: the production build, served by the real API over a clone of the demo
 * county, in Chromium. Registers the hooks of the calling test file.
 */
export function setUpConsole(): ConsoleHarness {
  let t: TestApi | undefined;
  let browser: Browser | undefined;
  let adminDir: string | undefined;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    adminDir = await mkdtemp(path.join(tmpdir(), 'sunshine-admin-build-'));
    await buildAdmin(adminDir);
    t = await startTestApi('demo', { adminDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (adminDir) await rm(adminDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
  });
  const harness: ConsoleHarness = {
    get t() {
      if (!t) throw new Error('the API is not started yet');
      return t;
    },
    async newPage(options = {}) {
      if (!browser) throw new Error('the browser is not started yet');
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: 900 },
        locale: 'zh-CN',
        acceptDownloads: true,
        // axe is injected as an inline script, which the console's CSP rightly refuses.
        bypassCSP: options.bypassCSP ?? false,
      });
      contexts.push(context);
      return context.newPage();
    },
    async signIn(page, username, password = PASSWORD) {
      await page.goto(harness.url('/'));
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('who').waitFor();
    },
    url: (consolePath) => `${harness.t.api.url}/admin${consolePath}`,
  };
  return harness;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the page as it stands, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}
