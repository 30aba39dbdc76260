import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSearch, SEARCH_BUNDLES_FILE, searchIndexStillFits } from './index-search.ts';

let root: string;

const page = (title: string, body: string, ignored = ''): string =>
  `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><nav>导航</nav>` +
  `<main data-pagefind-body><h1>${title}</h1><p>${body}</p><table data-pagefind-ignore><tr><td>${ignored}</td></tr></table></main></body></html>`;

async function writeSite(dir: string, pages: Record<string, string>): Promise<void> {
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), html);
  }
}

/** The page URLs each bundle's fragments hold. */
async function indexedUrls(site: string, bundle: string): Promise<string[]> {
  const dir = join(site, bundle, 'fragment');
  const urls: string[] = [];
  for (const name of await readdir(dir)) {
    const text = gunzipSync(await readFile(join(dir, name))).toString('utf8');
    urls.push((JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url);
  }
  return urls.sort();
}

const PAGES: Record<string, string> = {
  'index.html': page('首页', '最新通知与公示'),
  'regions/a/index.html': page('青溪镇', '奖励扶助公示', '1,200 元'),
  'regions/b/index.html': page('王家村', '村务公开', '960 元'),
  'regions/c/index.html': page('李家村', '活动统计', '3 次'),
  'policies/p/index.html': page('政策文件', '关于做好年度奖励扶助资格确认的通知'),
  'notices/n/index.html': page('公示', '公示期内可提出异议'),
  // Large print repeats the Simplified pages: never read for the index, even when marked.
  'large/index.html': page('首页', '最新通知与公示'),
  'large/regions/a/index.html': page('青溪镇', '奖励扶助公示', '1,200 元'),
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sunshine-search-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the search index', () => {
  it('deals a big site into bundles, each page in exactly one, and lists the extra bundles', async () => {
    const site = join(root, 'big');
    await writeSite(site, PAGES);
    const result = await indexSearch(site, { maxPagesPerBundle: 2 });
    expect(result).toMatchObject({ pages: 6, bundles: 3 });
    const listed = JSON.parse(await readFile(join(site, SEARCH_BUNDLES_FILE), 'utf8')) as {
      bundles: string[];
    };
    expect(listed.bundles).toEqual(['/pagefind/bundle-1/', '/pagefind/bundle-2/']);
    const all = [
      ...(await indexedUrls(site, 'pagefind')),
      ...(await indexedUrls(site, 'pagefind/bundle-1')),
      ...(await indexedUrls(site, 'pagefind/bundle-2')),
    ].sort();
    expect(all).toEqual(['/', '/notices/n/', '/policies/p/', '/regions/a/', '/regions/b/', '/regions/c/']);
    // The links the bundles were built from are gone; the site's own pages are untouched.
    expect((await readdir(root)).filter((name) => name.startsWith('.search-bundle'))).toEqual([]);
  });

  it('is kept when a change stays out of the indexed text, and not otherwise', async () => {
    const site = join(root, 'small');
    await writeSite(site, PAGES);
    const result = await indexSearch(site);
    expect(result).toMatchObject({ pages: 6, bundles: 1 });
    expect(await indexedUrls(site, 'pagefind')).toEqual([
      '/',
      '/notices/n/',
      '/policies/p/',
      '/regions/a/',
      '/regions/b/',
      '/regions/c/',
    ]);
    const pages = Object.keys(PAGES).length;
    expect(await searchIndexStillFits(site, [], pages)).toBe(true);
    // A number in an ignored table changes: the index still fits.
    await writeFile(join(site, 'regions/b/index.html'), page('王家村', '村务公开', '1,020 元'));
    expect(await searchIndexStillFits(site, ['regions/b/index.html'], pages)).toBe(true);
    // The indexed text changes: it does not.
    await writeFile(join(site, 'regions/c/index.html'), page('李家村', '活动统计（已更正）', '3 次'));
    expect(await searchIndexStillFits(site, ['regions/b/index.html', 'regions/c/index.html'], pages)).toBe(
      false,
    );
  });
});
