import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortal, type PortalBuildSummary } from '../scripts/build-portal.ts';
import { PAGE_WEIGHT_BUDGET_BYTES } from '../scripts/page-weight.ts';
import {
  FIXTURE_AS_OF,
  FIXTURE_OPEN_TOWNSHIP,
  FIXTURE_OPEN_VILLAGE,
  writeFixturePublications,
} from '../scripts/write-fixture-publications.ts';
import { CSV_BOM } from './lib/csv.ts';

const SITE = 'https://portal.example.cn';

async function htmlPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the portal built from the fixture publication', () => {
  let root: string;
  let publicationsDir: string;
  let outDir: string;
  let summary: PortalBuildSummary;
  let pages: string[];
  const read = (path: string) => readFile(join(outDir, path), 'utf8');

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sunshine-portal-site-'));
    publicationsDir = join(root, 'publications');
    outDir = join(root, 'site');
    await writeFixturePublications(publicationsDir);
    process.env.PORTAL_BUILD_DATE = FIXTURE_AS_OF;
    summary = await buildPortal({ publicationsDir, outDir, siteUrl: SITE });
    pages = await htmlPages(outDir);
  }, 300_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('keeps every page within 50 kB before images (HTML plus the stylesheet)', () => {
    expect(summary.pageWeight.budgetBytes).toBe(PAGE_WEIGHT_BUDGET_BYTES);
    expect(summary.pageWeight.overBudget.map((p) => `${p.page} ${p.totalBytes}`)).toEqual([]);
    expect(summary.pageWeight.maxBytes).toBeLessThanOrEqual(50 * 1024);
    expect(summary.leakScan.hits).toBe(0);
  });

  it('has every page in Simplified, Traditional, English and large print', () => {
    const standard = pages.filter((p) => !/^(zh-hant|en|large)\//.test(p) && p !== '404.html');
    expect(standard.length).toBeGreaterThan(60);
    for (const prefix of ['zh-hant/', 'en/', 'large/']) {
      for (const page of standard) expect(pages, prefix + page).toContain(prefix + page);
    }
    expect(pages).toEqual(
      expect.arrayContaining([
        `regions/${FIXTURE_OPEN_VILLAGE.code}/index.html`,
        `notices/notice-reward-2025-101/${FIXTURE_OPEN_VILLAGE.code}/index.html`,
        'programs/SPECIAL-ASSISTANCE/index.html',
        'data/benefit-totals/index.html',
        'data/license/index.html',
        'disclosures/benefit-totals/index.html',
        'provenance/index.html',
        'search/index.html',
      ]),
    );
  });

  it('converts Traditional pages at build time: text only, hashes and links as they were', async () => {
    const path = `regions/${FIXTURE_OPEN_TOWNSHIP.code}/index.html`;
    const simplified = await read(path);
    const traditional = await read(`zh-hant/${path}`);
    expect(traditional).toContain('<html lang="zh-Hant">');
    expect(traditional).toContain('扶助資金發放');
    expect(traditional).toContain('青溪鎮');
    expect(traditional).not.toContain('扶助资金发放');
    const hashes = (html: string) => [...html.matchAll(/data-sha256="([0-9a-f]{64})"/g)].map((m) => m[1]);
    expect(hashes(traditional)).toEqual(hashes(simplified));
    expect(hashes(traditional).length).toBeGreaterThan(3);
    expect(traditional).toContain(`href="/zh-hant/regions/${FIXTURE_OPEN_VILLAGE.code}/"`);
    // The approved query is shown verbatim in every script, so its hash can be checked.
    const query = JSON.parse(await readFile(join(publicationsDir, 'queries/benefit-totals.json'), 'utf8'))
      .document as string;
    const shown = (await read('zh-hant/disclosures/benefit-totals/index.html')).match(
      /<pre class="query-document"[^>]*><code>([\s\S]*?)<\/code><\/pre>/,
    )?.[1];
    expect(shown?.replaceAll('&#123;', '{').replaceAll('&#125;', '}')).toBe(query);
  });

  it('offers every dataset as CSV (BOM, CRLF, declared columns) and as the published JSON, hash for hash', async () => {
    const manifest = JSON.parse(await read('publication/manifest.json')) as {
      files: { path: string; sha256: string }[];
    };
    for (const slug of ['benefit-totals', 'notice-recipients', 'policy-notices', 'programs']) {
      const dataset = JSON.parse(await readFile(join(publicationsDir, `datasets/${slug}.json`), 'utf8'));
      const csv = await read(`data/${slug}.csv`);
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      const lines = csv.slice(1).split('\r\n');
      expect(lines[0]).toBe(dataset.columns.map((c: { name: string }) => c.name).join(','));
      expect(lines.at(-1)).toBe('');
      const json = await readFile(join(outDir, `publication/datasets/${slug}.json`));
      expect(sha256(json)).toBe(manifest.files.find((f) => f.path === `datasets/${slug}.json`)?.sha256);
    }
    expect(await read('publication/releases/benefit-totals.json')).toContain('NEW_ENROLLMENT');
  });

  it('lists the languages in the sitemap and leaves large print out of it', async () => {
    const sitemap = await read('sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${SITE}/regions/${FIXTURE_OPEN_VILLAGE.code}/</loc>`);
    expect(sitemap).toContain(`${SITE}/zh-hant/regions/${FIXTURE_OPEN_VILLAGE.code}/`);
    expect(sitemap).toContain(`${SITE}/en/regions/${FIXTURE_OPEN_VILLAGE.code}/`);
    expect(sitemap).toContain('hreflang="zh-Hant"');
    expect(sitemap).not.toContain('/large/');
    const large = await read(`large/regions/${FIXTURE_OPEN_VILLAGE.code}/index.html`);
    expect(large).toContain(`<link rel="canonical" href="${SITE}/regions/${FIXTURE_OPEN_VILLAGE.code}/">`);
    expect(large).toContain('<html lang="zh-CN" class="large">');
  });

  it('publishes the newsroom as RSS and Atom', async () => {
    const atom = await read('atom.xml');
    expect(atom).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(atom.match(/<entry>/g)?.length).toBe(3);
    expect(atom).toContain(
      `<link rel="alternate" type="text/html" href="${SITE}/policies/policy-2025-009/"/>`,
    );
    expect(await read('feed.xml')).toContain('<rss');
  });

  it('loads nothing from other hosts and runs no script outside the search page', async () => {
    for (const page of pages) {
      const html = await read(page);
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts, page).toEqual(
        page.endsWith('search/index.html') ? ['<script src="/search.js" defer>'] : [],
      );
      for (const match of html.matchAll(
        /<(?:img|script|link|iframe|source)\b[^>]*\b(?:src|href)="(https?:[^"]*)"/g,
      )) {
        // Only canonical and alternate links name the site's own origin; nothing is fetched from elsewhere.
        expect(match[1]?.startsWith(SITE), `${page}: ${match[1]}`).toBe(true);
      }
    }
  });
});

describe('a publication with datasets missing', () => {
  let root: string;

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('builds without them: their sections are simply absent', { timeout: 300_000 }, async () => {
    root = await mkdtemp(join(tmpdir(), 'sunshine-portal-partial-'));
    const publicationsDir = join(root, 'publications');
    const outDir = join(root, 'site');
    await writeFixturePublications(publicationsDir);
    const manifestPath = join(publicationsDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { path: string }[] };
    const dropped = ['benefit-totals', 'regions', 'activity-statistics'];
    for (const slug of dropped) {
      for (const folder of ['datasets', 'queries', 'releases'])
        await unlink(join(publicationsDir, `${folder}/${slug}.json`));
    }
    manifest.files = manifest.files.filter((f) => !dropped.some((slug) => f.path.endsWith(`/${slug}.json`)));
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

    process.env.PORTAL_BUILD_DATE = FIXTURE_AS_OF;
    await buildPortal({ publicationsDir, outDir, siteUrl: SITE });
    // Regions still come from the other datasets (notices, recipients, associations).
    const village = await readFile(join(outDir, `regions/${FIXTURE_OPEN_VILLAGE.code}/index.html`), 'utf8');
    expect(village).toContain(FIXTURE_OPEN_VILLAGE.name);
    expect(village).toContain('id="recipients-heading"');
    expect(village).not.toContain('id="totals-heading"');
    expect(village).not.toContain('id="activity-heading"');
    expect(await readdir(join(outDir, 'data'))).not.toContain('benefit-totals.csv');
  });
});
