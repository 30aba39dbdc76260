import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { launchChromium } from '@sunshine/browser/launch-chromium';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../scripts/build-portal.ts';
import { type StaticServer, serveStatic } from '../scripts/serve-static.ts';
import {
  FIXTURE_AS_OF,
  FIXTURE_AWARD_ROUND_ID,
  FIXTURE_COUNTY,
  FIXTURE_ENDED_NOTICE_ID,
  FIXTURE_OPEN_NOTICE_ID,
  FIXTURE_OPEN_TOWNSHIP,
  FIXTURE_OPEN_VILLAGE,
  writeFixturePublications,
} from '../scripts/write-fixture-publications.ts';

const SITE = 'https://portal.example.cn';
const POSTER = `/notices/${FIXTURE_OPEN_NOTICE_ID}/${FIXTURE_OPEN_VILLAGE.code}/`;

/** One page of every template, in every variant that renders differently. */
const TEMPLATES = [
  '/',
  '/regions/',
  `/regions/${FIXTURE_COUNTY.code}/`,
  `/regions/${FIXTURE_OPEN_TOWNSHIP.code}/`,
  `/regions/${FIXTURE_OPEN_VILLAGE.code}/`,
  '/notices/',
  `/notices/${FIXTURE_OPEN_NOTICE_ID}/`,
  `/notices/${FIXTURE_ENDED_NOTICE_ID}/`,
  POSTER,
  '/programs/',
  '/programs/SPECIAL-ASSISTANCE/',
  '/awards/',
  `/awards/${FIXTURE_AWARD_ROUND_ID}/`,
  '/policies/',
  '/policies/policy-2025-009/',
  '/data/',
  '/data/benefit-totals/',
  '/data/license/',
  '/disclosures/benefit-totals/',
  '/provenance/',
  '/search/',
  '/en/',
  `/en/regions/${FIXTURE_OPEN_TOWNSHIP.code}/`,
  `/en${POSTER}`,
  '/en/disclosures/benefit-totals/',
  '/zh-hant/',
  `/zh-hant/regions/${FIXTURE_OPEN_VILLAGE.code}/`,
  `/zh-hant${POSTER}`,
  '/large/',
  `/large/regions/${FIXTURE_COUNTY.code}/`,
  `/large${POSTER}`,
  '/large/data/benefit-totals/',
];

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describe('the portal built from the fixture publication, in a real browser', () => {
  let root: string;
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sunshine-portal-browser-'));
    const publicationsDir = join(root, 'publications');
    outDir = join(root, 'site');
    await writeFixturePublications(publicationsDir);
    // Days left are counted from the fixture's run date, whatever today is.
    process.env.PORTAL_BUILD_DATE = FIXTURE_AS_OF;
    await buildPortal({ publicationsDir, outDir, siteUrl: SITE });
    server = await serveStatic({ dir: outDir, port: 0 });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function newPage(options: {
    javaScriptEnabled: boolean;
    width?: number;
    scale?: number;
  }): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled,
      viewport: { width: options.width ?? 390, height: 844 },
      deviceScaleFactor: options.scale ?? 1,
    });
    contexts.push(context);
    return context.newPage();
  }

  it('axe-core finds no serious or critical violation on any page template or variant', {
    timeout: 180_000,
  }, async () => {
    const page = await newPage({ javaScriptEnabled: true });
    const problems: string[] = [];
    for (const path of TEMPLATES) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.addScriptTag({ path: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target })),
        }));
      });
      for (const v of violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          problems.push(
            `${path}: ${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('prints a village notice as exactly one A4 poster whose QR code opens the page', async () => {
    const page = await newPage({ javaScriptEnabled: false, width: 794, scale: 2 });
    await page.goto(`${server.url}${POSTER}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pageCount = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length;
    expect(pageCount).toBe(1);

    await page.emulateMedia({ media: 'print' });
    // What the poster carries on paper: the list, the objection channel, the QR code, the release hash.
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-testid="poster-names"] li').count()).resolves.toBeGreaterThan(2);
    await expect(
      page.locator('[data-testid="objection"] [data-field="objection-phone"]').isVisible(),
    ).resolves.toBe(true);
    const manifest = JSON.parse(await readFile(join(outDir, 'publication/manifest.json'), 'utf8')) as {
      runId: string;
    };
    const releaseHash = page.locator('[data-testid="release-hash"]');
    await expect(releaseHash.isVisible()).resolves.toBe(true);
    expect(await releaseHash.textContent()).toContain(manifest.runId);
    expect(await releaseHash.locator('[data-sha256]').textContent()).toMatch(/^[0-9a-f]{64}$/);

    const png = PNG.sync.read(await page.locator('[data-testid="qr"]').screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${SITE}${POSTER}`);
  });

  it('prints a township notice (counts by village, names withheld when ended) on one A4 page too', async () => {
    const page = await newPage({ javaScriptEnabled: false, width: 794 });
    for (const id of [FIXTURE_OPEN_NOTICE_ID, FIXTURE_ENDED_NOTICE_ID]) {
      await page.goto(`${server.url}/notices/${id}/`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length, id).toBe(1);
    }
    expect(await page.locator('[data-testid="names-note"]').textContent()).toContain('不再公布个人名单');
  });

  it('navigates home → county → township → village → notice with JavaScript off', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/`);
    expect(
      await page.locator('[data-testid="open-notices"] [data-field="days-left"]').first().textContent(),
    ).toBe('还剩 3 天');
    await page.getByRole('link', { name: FIXTURE_COUNTY.name, exact: true }).first().click();
    await page.waitForURL(`${server.url}/regions/${FIXTURE_COUNTY.code}/`);
    await page
      .locator('[data-testid="child-regions"]')
      .getByRole('link', { name: FIXTURE_OPEN_TOWNSHIP.name })
      .click();
    await page.waitForURL(`${server.url}/regions/${FIXTURE_OPEN_TOWNSHIP.code}/`);
    await page
      .locator('[data-testid="child-regions"]')
      .getByRole('link', { name: FIXTURE_OPEN_VILLAGE.name })
      .click();
    await page.waitForURL(`${server.url}/regions/${FIXTURE_OPEN_VILLAGE.code}/`);
    expect(await page.locator('[data-testid="region-name"]').textContent()).toContain(
      FIXTURE_OPEN_VILLAGE.name,
    );
    await page
      .locator(`[data-testid="region-notices"] [data-notice-id="${FIXTURE_OPEN_NOTICE_ID}"] a`)
      .click();
    await page.waitForURL(`${server.url}${POSTER}`);
    const names = await page.locator('[data-testid="poster-names"] .person').allTextContents();
    expect(names.length).toBeGreaterThan(2);
    // Masked as published: surname, a star, at most the last character.
    for (const name of names) expect(name).toMatch(/^\p{Script=Han}\*\p{Script=Han}?$/u);
    expect(await page.locator('[data-testid="objection"] [data-field="objection-phone"]').textContent()).toBe(
      '0571-56120358',
    );
  });

  it('switches language and print size with JavaScript off, staying on the same page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const path = `/regions/${FIXTURE_OPEN_VILLAGE.code}/`;
    await page.goto(`${server.url}${path}`);
    await page.locator('[data-variant-link="zh-hant"]').click();
    await page.waitForURL(`${server.url}/zh-hant${path}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.locator('nav.main-nav').textContent()).toContain('首頁');
    expect(await page.locator('#totals-heading').textContent()).toBe('扶助資金發放');

    await page.locator('[data-variant-link="en"]').click();
    await page.waitForURL(`${server.url}/en${path}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#totals-heading').textContent()).toBe('Benefits paid');
    // Place names stay as published.
    expect(await page.locator('[data-testid="region-name"]').textContent()).toContain(
      FIXTURE_OPEN_VILLAGE.name,
    );
    // Every link keeps the reader in English.
    const hrefs = await page
      .locator('main a[href^="/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs.filter((h) => !h.startsWith('/publication/') && !/\.(csv|xml)$/.test(h))) {
      expect(href).toMatch(/^\/en\//);
    }

    await page.locator('[data-variant-link="large"]').click();
    await page.waitForURL(`${server.url}/large${path}`);
    const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(22);
    await page.locator('[data-variant-link="standard"]').click();
    await page.waitForURL(`${server.url}${path}`);
    expect(
      await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize)),
    ).toBeLessThan(20);
  });

  it('searches with JavaScript, and without it says how to browse instead', async () => {
    const page = await newPage({ javaScriptEnabled: true });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('青溪镇')}`);
    const results = page.locator('[data-testid="search-results"] li a');
    await results.first().waitFor({ timeout: 20_000 });
    const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/regions/${FIXTURE_OPEN_TOWNSHIP.code}/`);
    expect(hrefs.every((h) => !h?.startsWith('/large/'))).toBe(true);

    const noScript = await newPage({ javaScriptEnabled: false });
    await noScript.goto(`${server.url}/search/?q=${encodeURIComponent('青溪镇')}`);
    await expect(noScript.locator('[data-testid="search-noscript"]').isVisible()).resolves.toBe(true);
  });

  it('indexes for search only text that is on its pages, and no listed name', {
    timeout: 120_000,
  }, async () => {
    const recipients = JSON.parse(
      await readFile(join(outDir, 'publication/datasets/notice-recipients.json'), 'utf8'),
    ) as {
      rows: { maskedName: string }[];
    };
    const awards = JSON.parse(
      await readFile(join(outDir, 'publication/datasets/award-recipients.json'), 'utf8'),
    ) as {
      rows: { recipientName: string }[];
    };
    // Award recipients are searchable by design; a listed name that is also part of one is not a leak.
    const awarded = awards.rows.map((r) => r.recipientName);
    const listed = recipients.rows
      .map((r) => r.maskedName)
      .filter((name) => !awarded.some((a) => a.includes(name)));
    expect(listed.length).toBeGreaterThan(10);
    const fragments = (await readdir(join(outDir, 'pagefind/fragment'))).filter((f) =>
      f.endsWith('.pf_fragment'),
    );
    expect(fragments.length).toBeGreaterThan(10);
    // Pagefind marks the word breaks it found in Chinese text with zero-width spaces.
    const squash = (text: string) => text.replace(/[\s\u200b]+/g, '');
    const page = await newPage({ javaScriptEnabled: true });
    for (const name of fragments) {
      const raw = gunzipSync(await readFile(join(outDir, 'pagefind/fragment', name))).toString('utf8');
      const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string };
      expect(fragment.url.startsWith('/large/'), fragment.url).toBe(false);
      await page.goto(`${server.url}${fragment.url}`);
      // The text Pagefind may see: the page body without what the page keeps out of the index.
      const pageText = squash(
        await page.evaluate(() => {
          const body = document.querySelector('[data-pagefind-body]')?.cloneNode(true) as
            | HTMLElement
            | undefined;
          if (!body) return '';
          for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.replaceWith(' ');
          return body.textContent ?? '';
        }),
      );
      // Word by word (Pagefind joins blocks and skips some), every indexed word is on the page.
      for (const word of fragment.content.split(/[\s\u200b.,，。：:；;、（）()“”"·|]+/).filter(Boolean)) {
        expect(pageText.includes(word), `${fragment.url}: ${word}`).toBe(true);
      }
      for (const name of listed)
        expect(fragment.content.includes(name), `${fragment.url}: ${name}`).toBe(false);
    }
  });
});
