import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '@sunshine/browser/launch-chromium';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../scripts/build-portal.ts';
import { type StaticServer, serveStatic } from '../scripts/serve-static.ts';
import { NEWSROOM_PUBLICATIONS } from './content/fixture-publication.ts';
import { SHORT_HASH_LENGTH } from './lib/format.ts';

const FIXTURE_QUERY_SHA256 = '85bedd1aab0fd8f84d93c32966d55f9920f6dabd2d23ea253323cd6252326460';
const LATEST = {
  id: '3f6b2d9e-1c4a-4e8f-a7b5-0d2c9e6f1a01',
  title: '关于开展2025年“5·29”会员活动日宣传服务活动的通知',
};

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

describe('newsroom, in a real browser', () => {
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'sunshine-newsroom-'));
    await buildPortal({
      publicationsDir: NEWSROOM_PUBLICATIONS,
      outDir,
      siteUrl: 'https://portal.example.cn',
    });
    server = await serveStatic({ dir: outDir, port: 0 });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function newPage(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    return page;
  }

  it('goes from the home page to the latest notice and shows its provenance', async () => {
    const page = await newPage(true);
    await page.goto(`${server.url}/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');

    const items = page.locator('[data-testid="latest-policies"] .policy-title');
    expect(await items.count()).toBe(5);
    expect(await items.first().textContent()).toBe(LATEST.title);

    await items.first().click();
    await page.waitForURL(`${server.url}/policies/${LATEST.id}/`);
    expect(await page.locator('[data-testid="policy-title"]').textContent()).toBe(LATEST.title);
    expect(await page.locator('[data-field="document-number"]').textContent()).toBe('青计协〔2025〕9号');

    const provenance = page.locator('[data-testid="provenance"]');
    expect(await provenance.locator('[data-field="disclosure"]').textContent()).toBe('政策文件公开');
    const hash = provenance.locator('[data-sha256]');
    expect(await hash.getAttribute('data-sha256')).toBe(FIXTURE_QUERY_SHA256);
    expect(await hash.getAttribute('title')).toBe(FIXTURE_QUERY_SHA256);
    expect(await hash.textContent()).toContain(FIXTURE_QUERY_SHA256.slice(0, SHORT_HASH_LENGTH));
    expect(await provenance.locator('[data-field="approver-role"]').textContent()).toBe('县级管理员');
    expect(await provenance.locator('[data-field="approver-region"]').textContent()).toBe('青山县');
    // 02:30Z and 01:00Z in the fixture, shown in Beijing time.
    expect(await provenance.locator('[data-field="approved-at"]').textContent()).toBe(
      '2025-05-19 10:30（北京时间）',
    );
    expect(await provenance.locator('[data-field="run-at"]').textContent()).toBe(
      '2025-05-20 09:00（北京时间）',
    );
    expect(await provenance.locator('[data-field="row-count"]').textContent()).toBe('5 条');

    // Regression: raw HTML from an admin's Markdown is shown as text, never run.
    const body = page.locator('[data-testid="policy-body"]');
    expect(await body.textContent()).toContain('<script>alert(1)</script>');
    expect(await body.locator('script, img, [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.xss)).toBeUndefined();
    expect(dialogs).toEqual([]);

    expect(await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href')).toBe(
      'https://portal.example.cn/feed.xml',
    );
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      `https://portal.example.cn/policies/${LATEST.id}/`,
    );

    await provenance.locator('[data-field="query-link"]').click();
    await page.waitForURL(`${server.url}/disclosures/policy-notices/`);
    expect(await page.locator('[data-testid="query-name"]').textContent()).toBe('政策文件公开');
    expect(await page.locator('[data-testid="query-sha256"]').textContent()).toBe(FIXTURE_QUERY_SHA256);
    const queryText = await page.locator('[data-testid="query-document"]').textContent();
    expect(queryText).toContain('query PolicyNotices($regionCode: String!)');
    expect(queryText).toContain('publishedAt');
  });

  it('serves an RSS 2.0 feed that parses as XML and lists the notice', async () => {
    const response = await fetch(`${server.url}/feed.xml`);
    expect(response.headers.get('content-type')).toContain('xml');
    const page = await newPage(true);
    const xml = await response.text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        version: doc.documentElement.getAttribute('version'),
        titles: [...doc.querySelectorAll('item > title')].map((n) => n.textContent),
        links: [...doc.querySelectorAll('item > link')].map((n) => n.textContent),
        descriptions: [...doc.querySelectorAll('item > description')].map((n) => n.textContent ?? ''),
      };
    }, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.version).toBe('2.0');
    expect(parsed.titles[0]).toBe(LATEST.title);
    expect(parsed.links[0]).toBe(`https://portal.example.cn/policies/${LATEST.id}/`);
    // Feed readers render descriptions as HTML, so they carry no markup at all.
    for (const description of parsed.descriptions) expect(description).not.toMatch(/[<>]/);
  });

  it('works with JavaScript disabled', async () => {
    const page = await newPage(false);
    await page.goto(`${server.url}/`);
    await page.locator('a[href="/policies/"]').first().click();
    await page.waitForURL(`${server.url}/policies/`);
    expect(await page.locator('.policy-item').count()).toBe(5);
    await page.locator(`a[href="/policies/${LATEST.id}/"]`).click();
    await page.waitForURL(`${server.url}/policies/${LATEST.id}/`);
    expect(await page.locator('[data-testid="provenance"] [data-field="disclosure"]').textContent()).toBe(
      '政策文件公开',
    );
  });

  it('answers an unknown address with the 404 page', async () => {
    const page = await newPage(false);
    const response = await page.goto(`${server.url}/policies/no-such-notice/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('页面未找到');
  });

  it('ships no script on any page but the search page, and there only its own small one', async () => {
    const files = await htmlFiles(outDir);
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      if (/[\\/]search[\\/]index\.html$/.test(file))
        expect(scripts, file).toEqual(['<script src="/search.js" defer>']);
      else expect(scripts, file).toEqual([]);
    }
  });
});
