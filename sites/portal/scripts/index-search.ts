import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { VARIANTS } from '../src/lib/variants.ts';
import { listSiteFiles } from './site-state.ts';

export interface SearchIndexResult {
  /** Pages Pagefind indexed (pages with `data-pagefind-body`, or every page when none has it). */
  pages: number;
  /** Pagefind bundles written: 1, or more when the site has more pages than one index may hold. */
  bundles: number;
  ms: number;
}

/**
 * Pages one Pagefind run may index. Pagefind holds the whole index in memory while it builds it: on
 * this machine 4.4 GB for the 30,000 pages it indexed of a ten-county site, so a hundred counties in one
 * run would not fit. Above this, the site's pages are dealt into several bundles, one run each.
 */
export const MAX_PAGES_PER_SEARCH_BUNDLE = 20_000;

/** Lists the extra bundles for the search page to merge (Pagefind's `mergeIndex`), as site paths. */
export const SEARCH_BUNDLES_FILE = 'pagefind/bundles.json';

/**
 * Folders Pagefind never opens: large print repeats the Simplified pages and marks nothing for search
 * (BaseLayout), so reading its pages would only be thrown away (a quarter of the site's pages).
 */
const UNSEARCHED_FOLDERS = new Set(VARIANTS.filter((v) => v.large).map((v) => v.param));

const isSearchedPage = (file: string): boolean =>
  file.endsWith('.html') &&
  !file.startsWith('pagefind/') &&
  !UNSEARCHED_FOLDERS.has(file.split('/')[0] ?? '');

/** A Pagefind glob for a site's pages outside the unsearched folders. */
async function searchedGlob(siteDir: string): Promise<string> {
  const parts = ['*.html'];
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'pagefind' && !UNSEARCHED_FOLDERS.has(entry.name)) {
      parts.push(`${entry.name}/**/*.html`);
    }
  }
  return `{${parts.join(',')}}`;
}

const bundleDir = (k: number): string => (k === 0 ? 'pagefind' : `pagefind/bundle-${k}`);

/** The bundle a page belongs to: stable while the number of bundles stays the same. */
function bundleOf(page: string, bundles: number): number {
  return createHash('sha256').update(page).digest().readUInt32BE(0) % bundles;
}

// Pagefind's Node API drives one backend process per Node process, and `close()` ends it for every
// caller: two builds at once in one process (a rebuild beside a test) must take turns.
let pagefindTurn: Promise<unknown> = Promise.resolve();

function withPagefind<T>(work: () => Promise<T>): Promise<T> {
  const mine = pagefindTurn.catch(() => {}).then(work);
  pagefindTurn = mine;
  return mine;
}

function indexFolder(folder: string, outputPath: string, glob?: string): Promise<number> {
  return withPagefind(() => indexFolderNow(folder, outputPath, glob));
}

async function indexFolderNow(folder: string, outputPath: string, glob?: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`pagefind: ${created.errors.join('; ')}`);
    const added = await created.index.addDirectory({ path: folder, ...(glob ? { glob } : {}) });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    // The Node API drives a Pagefind binary; stopping it after each run gives its memory back and
    // leaves no process behind the build.
    await pagefind.close();
  }
}

/**
 * Builds the Pagefind search index of a built site into `<siteDir>/pagefind/`. Pagefind indexes the
 * pages' text only; pages keep bulky tables out of it with `data-pagefind-ignore` (indexing whole data
 * pages measured 4 GB of memory at 20,000 pages). A site with more than `maxPagesPerBundle` pages gets
 * several bundles (`pagefind/`, `pagefind/bundle-1/`, …, listed in `pagefind/bundles.json`), each built
 * by its own Pagefind run over hard links to its pages.
 */
export async function indexSearch(
  siteDir: string,
  { maxPagesPerBundle = MAX_PAGES_PER_SEARCH_BUNDLE }: { maxPagesPerBundle?: number | undefined } = {},
): Promise<SearchIndexResult> {
  const started = performance.now();
  const pages = (await listSiteFiles(siteDir)).filter(isSearchedPage);
  const bundles = Math.max(1, Math.ceil(pages.length / maxPagesPerBundle));
  if (bundles === 1) {
    const indexed = await indexFolder(siteDir, join(siteDir, 'pagefind'), await searchedGlob(siteDir));
    return { pages: indexed, bundles, ms: performance.now() - started };
  }
  let indexed = 0;
  for (let k = 0; k < bundles; k++) {
    // Pagefind indexes folders; a folder of hard links to this bundle's pages costs one link each, and
    // Pagefind only reads them.
    const folder = await mkdtemp(join(dirname(siteDir), `.search-bundle-${k}-`));
    try {
      const made = new Set<string>();
      for (const page of pages) {
        if (bundleOf(page, bundles) !== k) continue;
        const target = join(folder, page);
        const parent = dirname(target);
        if (!made.has(parent)) {
          await mkdir(parent, { recursive: true });
          made.add(parent);
        }
        await link(join(siteDir, page), target);
      }
      indexed += await indexFolder(folder, join(siteDir, bundleDir(k)));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  const extra = Array.from({ length: bundles - 1 }, (_, i) => `/${bundleDir(i + 1)}/`);
  await writeFile(join(siteDir, SEARCH_BUNDLES_FILE), `${JSON.stringify({ bundles: extra })}\n`);
  return { pages: indexed, bundles, ms: performance.now() - started };
}

/**
 * Whether the search index already in `<siteDir>/pagefind/` still fits after the given pages changed
 * (no page was added or removed). Pagefind names each page's fragment after its content, and the word
 * index and metadata are made from the fragments alone; so when every changed page, indexed on its own,
 * gives a fragment the index already has, indexing the whole site again would give the same index.
 * A change inside `data-pagefind-ignore` (a table cell) or outside the indexed body leaves the fragment as
 * it was.
 */
export async function searchIndexStillFits(
  siteDir: string,
  changedPages: string[],
  htmlPages: number,
): Promise<boolean> {
  if (!existsSync(join(siteDir, 'pagefind', 'fragment'))) return false;
  // Every bundle's fragments (a big site has several bundles, see indexSearch).
  const fragmentDirs = [join(siteDir, 'pagefind', 'fragment')];
  for (const entry of await readdir(join(siteDir, 'pagefind'))) {
    if (entry.startsWith('bundle-')) fragmentDirs.push(join(siteDir, 'pagefind', entry, 'fragment'));
  }
  const known = new Set<string>();
  for (const dir of fragmentDirs) for (const name of await readdir(dir).catch(() => [])) known.add(name);
  // Fewer fragments than pages: the site marks what to index with data-pagefind-body, and a page without
  // it is not indexed, whatever it says.
  const bodyOnly = known.size < htmlPages;
  const contents: [string, string][] = [];
  for (const page of changedPages) {
    const content = await readFile(join(siteDir, page), 'utf8');
    if (bodyOnly && !content.includes('data-pagefind-body')) continue;
    contents.push([page, content]);
  }
  if (contents.length === 0) return true;
  return withPagefind(() => fragmentsKnown(contents, known));
}

async function fragmentsKnown(contents: [string, string][], known: Set<string>): Promise<boolean> {
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return false;
    for (const [page, content] of contents) {
      const added = await created.index.addHTMLFile({ sourcePath: page, content });
      if (added.errors.length > 0) return false;
    }
    const { files, errors } = await created.index.getFiles();
    if (errors.length > 0) return false;
    return files
      .filter((file) => file.path.startsWith('fragment/'))
      .every((file) => known.has(file.path.slice('fragment/'.length)));
  } finally {
    await pagefind.close();
  }
}
