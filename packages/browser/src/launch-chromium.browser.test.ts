import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium, resolveChromiumExecutable } from './launch-chromium.ts';

describe('launchChromium', () => {
  const saved = { ...process.env };
  let browser: Browser | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    process.env = { ...saved };
  });

  // Guards the path a fresh machine takes: no CHROMIUM_PATH and no /usr/bin/chromium.
  it('launches the Chromium packaged in @sparticuz/chromium and renders Chinese text', {
    timeout: 120_000,
  }, async () => {
    delete process.env.CHROMIUM_PATH;
    process.env.SUNSHINE_BROWSER = 'sparticuz';
    expect((await resolveChromiumExecutable()).source).toBe('sparticuz');

    browser = await launchChromium();
    const page = await browser.newPage();
    await page.setContent('<html lang="zh-CN"><body><h1>阳光村务</h1></body></html>');
    expect(await page.textContent('h1')).toBe('阳光村务');
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome/);
  });
});
