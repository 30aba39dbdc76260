import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WEIGHT_BUDGET_BYTES, weighPages } from './page-weight.ts';

let site: string;

const page = (body: string, head = ''): string =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'sunshine-page-weight-'));
  const files: Record<string, string | Buffer> = {
    '_astro/site.css': 'x'.repeat(4000),
    '_astro/search.js': 'y'.repeat(10_000),
    'img/big.png': Buffer.alloc(200_000),
    // Uses the stylesheet twice (counted once), an image (not counted) and an external script (not counted).
    'index.html': page(
      '<img src="/img/big.png"><script src="https://cdn.example/x.js"></script>',
      '<link rel="stylesheet" href="/_astro/site.css"><link href="/_astro/site.css" rel="stylesheet">',
    ),
    // A relative reference, resolved against the page's folder.
    'regions/a/index.html': page('<p>乡镇</p>', '<link rel="stylesheet" href="../../_astro/site.css">'),
    // A heavy page: over budget with its script.
    'regions/b/index.html': page(
      `<table>${'<tr><td>村</td></tr>'.repeat(2000)}</table><script type="module" src="/_astro/search.js"></script>`,
    ),
    '404.html': page('<p>未找到</p>'),
    'feed.xml': '<rss/>',
  };
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(site, file)), { recursive: true });
    await writeFile(join(site, file), content);
  }
});

afterAll(async () => {
  await rm(site, { recursive: true, force: true });
});

describe('the page-weight report', () => {
  it('weighs each HTML page with its own stylesheets and scripts, never images, and lists pages over 50 kB', async () => {
    const report = await weighPages(site);
    const bytes = (text: string) => Buffer.byteLength(text);
    const home = page(
      '<img src="/img/big.png"><script src="https://cdn.example/x.js"></script>',
      '<link rel="stylesheet" href="/_astro/site.css"><link href="/_astro/site.css" rel="stylesheet">',
    );
    const region = page('<p>乡镇</p>', '<link rel="stylesheet" href="../../_astro/site.css">');
    const heavyHtml = bytes(
      page(
        `<table>${'<tr><td>村</td></tr>'.repeat(2000)}</table><script type="module" src="/_astro/search.js"></script>`,
      ),
    );
    const weights = Object.fromEntries(report.all.map((w) => [w.page, w]));
    expect(Object.keys(weights).sort()).toEqual([
      '404.html',
      'index.html',
      'regions/a/index.html',
      'regions/b/index.html',
    ]);
    expect(weights['index.html']).toMatchObject({ htmlBytes: bytes(home), totalBytes: bytes(home) + 4000 });
    expect(weights['regions/a/index.html']).toMatchObject({ totalBytes: bytes(region) + 4000 });
    expect(weights['regions/b/index.html']).toMatchObject({
      htmlBytes: heavyHtml,
      totalBytes: heavyHtml + 10_000,
    });
    expect(weights['404.html']!.totalBytes).toBe(bytes(page('<p>未找到</p>')));
    // Compressed sizes for the heaviest page and those over budget (here the same one), not for the rest.
    expect(report.all.filter((w) => w.gzipBytes !== undefined).map((w) => w.page)).toEqual([
      'regions/b/index.html',
    ]);
    expect(weights['regions/b/index.html']!.gzipBytes).toBeLessThan(heavyHtml / 10);

    expect(report).toMatchObject({
      budgetBytes: PAGE_WEIGHT_BUDGET_BYTES,
      pages: 4,
      maxBytes: heavyHtml + 10_000,
      maxHtmlBytes: heavyHtml,
      // The median of four pages is the mean of the middle two.
      medianBytes: Math.round((bytes(home) + 4000 + bytes(region) + 4000) / 2),
    });
    expect(report.heaviest?.page).toBe('regions/b/index.html');
    expect(report.overBudget.map((w) => w.page)).toEqual(['regions/b/index.html']);
  });
});
