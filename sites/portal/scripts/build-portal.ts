import { constants } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { indexSearch, searchIndexStillFits } from './index-search.ts';
import {
  assertNamesFileOutside,
  LeakScanFailure,
  LeakScanner,
  type LeakScanSummary,
} from './leak-scan-step.ts';
import { type PageWeight, type PageWeightReport, type WeighedHtml, weighPages } from './page-weight.ts';
import { runAstroBuild } from './run-astro-build.ts';
import {
  listSiteFiles,
  loadSiteRecord,
  recordSite,
  type SiteRecord,
  saveSiteRecord,
  syncSite,
} from './site-state.ts';

export interface BuildPortalOptions {
  /** Absolute path of the publications folder to build from. */
  publicationsDir: string;
  /** Absolute path where the static site is published. */
  outDir: string;
  /** Public origin used for canonical links, the feed and the sitemap. */
  siteUrl?: string;
  /**
   * One full name per line of every person who did not consent to publication (exported by the API,
   * `exportProtectedNames`); it must lie outside `outDir`. Without it the leak scan checks identifiers only.
   */
  protectedNamesFile?: string;
  /**
   * A folder kept between builds of this `outDir`: Astro's caches, the record of the published files,
   * the leak scan's record of files found clean. With it, builds run in a warm build process and keep a
   * work folder next to `outDir` (`.<name>.work`) that holds the previous site. Without it every build
   * starts from nothing.
   */
  cacheDir?: string;
  /**
   * Re-render only pages whose data changed since the last build with this `cacheDir` (Astro's
   * incremental build: pages whose `cacheKey` and code are unchanged are kept), re-index search only if
   * the indexed text changed, scan only files whose bytes are new. Without it, a build with a `cacheDir`
   * renders everything and refreshes the caches.
   */
  changedOnly?: boolean;
  /** Where to write the build report as JSON (page weights of every page, leak scan, timings); outside `outDir`. */
  reportFile?: string;
  /** Pages per Pagefind bundle (index-search.ts, MAX_PAGES_PER_SEARCH_BUNDLE); smaller only in tests. */
  searchPagesPerBundle?: number;
}

export interface PortalBuildSummary {
  /** True when the build re-rendered only changed pages (false when it had to fall back to a full build). */
  incremental: boolean;
  /** HTML pages in the published site. */
  pages: number;
  /** Pages Astro kept from the previous build instead of rendering them. */
  pagesReused: number;
  /** Files of the site whose bytes changed since the previous build (every file after a full build). */
  filesChanged: number;
  ms: {
    prepare: number;
    render: number;
    searchIndex: number;
    leakScan: number;
    pageWeight: number;
    publish: number;
    total: number;
  };
  /** Peak memory of the Astro build process, kB. */
  renderMaxRssKb: number | null;
  /** Pages in the search index; null when the previous index was kept as it was. */
  searchIndexPages: number | null;
  /** Pagefind bundles written (more than one above MAX_PAGES_PER_SEARCH_BUNDLE pages); null when kept. */
  searchIndexBundles: number | null;
  searchIndexReused: boolean;
  leakScan: LeakScanSummary;
  pageWeight: Omit<PageWeightReport, 'all'>;
}

const portalRoot = fileURLToPath(new URL('..', import.meta.url));
const SEARCH_DIR = 'pagefind/';

/** Builds of one output folder run one after the other (a publication run may land mid-build). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Builds the static portal and publishes it into `outDir` only if it passes the leak scan:
 * 1. `astro build` into a work folder next to `outDir` (run-astro-build.ts);
 * 2. the Pagefind search index;
 * 3. the leak scan over every byte written, index included: any hit fails the build, naming file and
 *    offset, never the value; the previous site stays published and the rejected build is kept,
 *    private, next to it for inspection;
 * 4. the page-weight report;
 * 5. the work folder and `outDir` trade places (three renames).
 * With a `cacheDir`, the work folder is kept: after the swap it holds the previous site, and the next
 * incremental build first brings it level with the published one by copying the files that changed.
 */
export function buildPortal(options: BuildPortalOptions): Promise<PortalBuildSummary> {
  const key = resolve(options.outDir);
  const previous = queues.get(key) ?? Promise.resolve();
  // Pagefind's service and the warm build process do not hold the event loop open while idle; a
  // build in progress must, or a script awaiting it could end half-way.
  const keepAlive = setInterval(() => {}, 60_000);
  const next = previous.catch(() => {}).then(() => build(options));
  queues.set(key, next);
  return next.finally(() => {
    clearInterval(keepAlive);
    if (queues.get(key) === next) queues.delete(key);
  });
}

interface Paths {
  outDir: string;
  work: string;
  astroCache: string;
  stateFile: string;
  workStateFile: string;
  astroManifest: string;
  cleanFile: string | undefined;
  weightsFile: string | undefined;
}

function pathsFor(outDir: string, cacheDir: string | undefined, work: string, astroCache: string): Paths {
  const cache = cacheDir ? resolve(cacheDir) : undefined;
  return {
    outDir,
    work,
    astroCache,
    stateFile: cache ? join(cache, 'site-live.json') : '',
    workStateFile: cache ? join(cache, 'site-work.json') : '',
    astroManifest: join(astroCache, 'incremental-build.json'),
    cleanFile: cache && join(cache, 'leak-scan-clean.json'),
    weightsFile: cache && join(cache, 'page-weights.json'),
  };
}

/** The files Astro's incremental cache says its cached pages were written to. */
async function astroPageOutputs(manifestFile: string): Promise<Set<string>> {
  try {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
      routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
    };
    const outputs = new Set<string>();
    for (const route of Object.values(manifest.routes)) {
      for (const path of Object.values(route.paths)) outputs.add(path.outputFile);
    }
    return outputs;
  } catch {
    return new Set();
  }
}

async function build(options: BuildPortalOptions): Promise<PortalBuildSummary> {
  const { publicationsDir, siteUrl, protectedNamesFile, cacheDir, changedOnly = false, reportFile } = options;
  if (changedOnly && !cacheDir)
    throw new Error('buildPortal: changedOnly needs the cacheDir of earlier builds');
  const outDir = resolve(options.outDir);
  if (protectedNamesFile) {
    assertNamesFileOutside(protectedNamesFile, [outDir, publicationsDir]);
    await access(protectedNamesFile, constants.R_OK);
  }
  const started = performance.now();
  await mkdir(dirname(outDir), { recursive: true });
  const persistent = cacheDir !== undefined;
  const work = persistent
    ? join(dirname(outDir), `.${basename(outDir)}.work`)
    : await mkdtemp(join(dirname(outDir), `.${basename(outDir)}.building-`));
  // Astro keeps its content store (and its incremental cache) in the cache folder; a private one keeps
  // concurrent builds of different sites apart.
  const astroCache = cacheDir
    ? join(resolve(cacheDir), 'astro')
    : await mkdtemp(join(tmpdir(), 'sunshine-portal-cache-'));
  const paths = pathsFor(outDir, cacheDir, work, astroCache);
  let rejected = false;
  try {
    // ---- 1. prepare the work folder and render --------------------------------------------------
    const prepareStarted = performance.now();
    const live = persistent ? await loadSiteRecord(paths.stateFile) : null;
    let incremental = changedOnly && live !== null;
    let before: SiteRecord = new Map();
    let outputsBefore = new Set<string>();
    if (incremental && live) {
      const workRecord = await loadSiteRecord(paths.workStateFile);
      if (!workRecord) await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      // The work folder holds an older site: copy what changed since, so it equals the published one.
      const synced = await syncSite(outDir, live, work, workRecord ?? new Map());
      outputsBefore = await astroPageOutputs(paths.astroManifest);
      if (outputsBefore.size === 0) incremental = false;
      // Astro writes everything but its cached pages again; what it does not write must not linger.
      for (const [file, entry] of synced.record) {
        if (outputsBefore.has(file) || file.startsWith(SEARCH_DIR)) before.set(file, entry);
        else await rm(join(work, file), { force: true });
      }
    }
    if (!incremental) {
      before = new Map();
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
    }
    // From here on the work folder no longer matches any record, until the build is published.
    if (persistent) await rm(paths.workStateFile, { force: true });
    // mkdtemp makes folders private; the published site is for everyone to read.
    await chmod(work, 0o755);
    const prepareMs = performance.now() - prepareStarted;

    const env: Record<string, string> = {
      SUNSHINE_PUBLICATIONS_DIR: publicationsDir,
      PORTAL_CACHE_DIR: astroCache,
      PORTAL_INCREMENTAL: persistent ? '1' : '0',
    };
    if (siteUrl) env.PORTAL_SITE_URL = siteUrl;
    let astro: Awaited<ReturnType<typeof runAstroBuild>>;
    try {
      astro = await runAstroBuild({
        root: portalRoot,
        outDir: work,
        env,
        force: !incremental,
        keepOutDir: incremental,
        warm: persistent,
      });
    } catch (error) {
      // Astro's cache may now describe pages the work folder does not hold: start over next time.
      await rm(paths.astroManifest, { force: true });
      throw error;
    }
    if (incremental) {
      // Pages that no longer exist (a village merged away, a notice whose names expired).
      const outputsAfter = await astroPageOutputs(paths.astroManifest);
      for (const file of outputsBefore)
        if (!outputsAfter.has(file)) await rm(join(work, file), { force: true });
    }
    // A record of every file (its hash) is what lets later builds skip unchanged work; a one-off build
    // has no later build and skips the hashing.
    let record: SiteRecord | undefined = persistent ? (await recordSite(work, before)).record : undefined;
    const htmlPages = record
      ? [...record.keys()].filter((file) => file.endsWith('.html'))
      : (await listSiteFiles(work)).filter((file) => file.endsWith('.html'));

    // ---- 2-4. search index, leak scan, page weights ---------------------------------------------
    // Pagefind runs in a process of its own: while it indexes, this one scans and weighs the pages it
    // reads; the index is scanned once written.
    const scanner = await LeakScanner.open({ siteDir: work, protectedNamesFile, cacheFile: paths.cleanFile });
    const published = live ?? new Map<string, { sha256: string }>();
    // Compared with the published site: which pages are new, gone or different. Decided before the
    // scan starts, so that the scan never walks into an index being deleted.
    const searchStarted = performance.now();
    const changedHtml = htmlPages.filter((file) => published.get(file)?.sha256 !== record?.get(file)?.sha256);
    const samePages =
      htmlPages.length === [...published.keys()].filter((file) => file.endsWith('.html')).length &&
      htmlPages.every((file) => published.has(file));
    const searchReused =
      incremental && samePages && (await searchIndexStillFits(work, changedHtml, htmlPages.length));
    if (!searchReused) await rm(join(work, SEARCH_DIR), { recursive: true, force: true });
    const search = (async () => {
      const indexed = searchReused
        ? null
        : await indexSearch(work, { maxPagesPerBundle: options.searchPagesPerBundle });
      return { reused: searchReused, indexed, ms: performance.now() - searchStarted };
    })();
    const pages = (async () => {
      await scanner.scan((file) => !file.startsWith(SEARCH_DIR), record);
      const started = performance.now();
      const weightCache = new Map<string, WeighedHtml>();
      if (paths.weightsFile && incremental) {
        const saved = await readFile(paths.weightsFile, 'utf8').then(
          (text) => JSON.parse(text) as Record<string, WeighedHtml>,
          () => ({}),
        );
        for (const [hash, weighed] of Object.entries(saved)) weightCache.set(hash, weighed);
      }
      const weights = await weighPages(work, { record, cache: weightCache });
      if (paths.weightsFile && record) {
        const current = new Set(htmlPages.map((file) => record?.get(file)?.sha256));
        const kept = Object.fromEntries([...weightCache].filter(([hash]) => current.has(hash)));
        await writeFile(paths.weightsFile, JSON.stringify(kept));
      }
      return { weights, ms: performance.now() - started };
    })();
    const [searched, weighed] = await Promise.allSettled([search, pages]);
    let searchResult: Awaited<typeof search>;
    let weighResult: Awaited<typeof pages>;
    try {
      if (weighed.status === 'rejected') throw weighed.reason;
      if (searched.status === 'rejected') throw searched.reason;
      searchResult = searched.value;
      weighResult = weighed.value;
      if (record && !searchResult.reused) record = (await recordSite(work, record)).record;
      await scanner.scan((file) => file.startsWith(SEARCH_DIR), record);
      scanner.check();
      if (record) await scanner.remember(record);
    } catch (error) {
      if (error instanceof LeakScanFailure) {
        rejected = true;
        // Astro's cache now holds the rejected pages: the next build renders everything again.
        await rm(paths.astroManifest, { force: true });
        let kept = work;
        if (!persistent) {
          // Kept, private to this user, so the operator can look at each file at its offset; the next
          // rejected build replaces it.
          kept = join(dirname(outDir), `.${basename(outDir)}.rejected`);
          await rm(kept, { recursive: true, force: true });
          await rename(work, kept);
        }
        await chmod(kept, 0o700);
        error.message += `\nThe rejected build is kept for inspection at ${kept} (it is never published).`;
        if (reportFile)
          await writeReport(reportFile, { failed: true, hits: error.hits, unreadable: error.unreadable });
      }
      throw error;
    }
    const leakScan = scanner.summary();
    const { all, ...pageWeight } = weighResult.weights;
    const filesChanged = record
      ? [...record].filter(([file, entry]) => published.get(file)?.sha256 !== entry.sha256).length
      : (await listSiteFiles(work)).length;

    // ---- 5. publish -----------------------------------------------------------------------------
    const publishStarted = performance.now();
    const hadLive = await swap(work, outDir);
    if (persistent && record) {
      await saveSiteRecord(paths.stateFile, record);
      // The work folder now holds the site that was published before (when there was one).
      if (hadLive && live) await saveSiteRecord(paths.workStateFile, live);
    } else if (hadLive) {
      await rm(work, { recursive: true, force: true });
    }
    const publishMs = performance.now() - publishStarted;

    const summary: PortalBuildSummary = {
      incremental,
      pages: pageWeight.pages,
      pagesReused: astro.pagesReused,
      filesChanged,
      ms: {
        prepare: round(prepareMs),
        render: round(astro.ms),
        searchIndex: round(searchResult.ms),
        leakScan: round(leakScan.ms),
        pageWeight: round(weighResult.ms),
        publish: round(publishMs),
        total: round(performance.now() - started),
      },
      renderMaxRssKb: astro.maxRssKb,
      searchIndexPages: searchResult.indexed?.pages ?? null,
      searchIndexBundles: searchResult.indexed?.bundles ?? null,
      searchIndexReused: searchResult.reused,
      leakScan: { ...leakScan, ms: round(leakScan.ms) },
      pageWeight,
    };
    if (reportFile) await writeReport(reportFile, { ...summary, pageWeights: all });
    return summary;
  } finally {
    if (!persistent && !rejected) await rm(work, { recursive: true, force: true });
    if (!cacheDir) await rm(astroCache, { recursive: true, force: true });
  }
}

/**
 * Puts the finished build in place of `outDir`, which moves to the work folder's name: the old site
 * stays whole until the new one is in place. Returns whether there was a site before.
 */
async function swap(work: string, outDir: string): Promise<boolean> {
  const aside = `${work}.swap`;
  await rm(aside, { recursive: true, force: true });
  const hadLive = await rename(outDir, aside).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    await rename(work, outDir);
  } catch (error) {
    if (hadLive) await rename(aside, outDir);
    throw error;
  }
  if (hadLive) await rename(aside, work);
  return hadLive;
}

async function writeReport(file: string, report: Record<string, unknown>): Promise<void> {
  await mkdir(dirname(resolve(file)), { recursive: true });
  await writeFile(file, `${JSON.stringify({ builtAt: new Date().toISOString(), ...report }, null, 2)}\n`);
}

const round = (ms: number): number => Math.round(ms);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The summary as the console shows it after a build. */
export function formatBuildSummary(summary: PortalBuildSummary): string[] {
  const { leakScan, pageWeight, ms } = summary;
  const over = (page: PageWeight) => `    ${page.page} ${kb(page.totalBytes)} (HTML ${kb(page.htmlBytes)})`;
  const search = summary.searchIndexReused
    ? 'search index unchanged'
    : `search index ${sec(ms.searchIndex)} for ${summary.searchIndexPages} pages` +
      (summary.searchIndexBundles && summary.searchIndexBundles > 1
        ? ` in ${summary.searchIndexBundles} bundles`
        : '');
  return [
    `portal: ${summary.pages} pages, ${summary.incremental ? `${summary.pagesReused} kept from the last build` : 'all rendered'}, ` +
      `${summary.filesChanged} files changed, ${sec(ms.total)} (render ${sec(ms.render)}, ${search}, leak scan ${sec(ms.leakScan)})`,
    `leak scan: ${leakScan.filesScanned} files scanned (${leakScan.filesReused} unchanged and known clean), ` +
      `${leakScan.bytesScanned} bytes, ${leakScan.protectedNames} protected names, hits=${leakScan.hits}`,
    `page weight (HTML + own CSS/JS, before images): max ${kb(pageWeight.maxBytes)}, median ${kb(pageWeight.medianBytes)}, ` +
      `${pageWeight.overBudget.length} page(s) over ${kb(pageWeight.budgetBytes)}`,
    ...pageWeight.overBudget.slice(0, 10).map(over),
    ...(pageWeight.overBudget.length > 10 ? [`    … and ${pageWeight.overBudget.length - 10} more`] : []),
  ];
}

if (import.meta.main) {
  const [publicationsDir, outDir] = process.argv.slice(2);
  if (!publicationsDir || !outDir) {
    throw new Error(
      'usage: node scripts/build-portal.ts <publications dir> <out dir> ' +
        '(env: PORTAL_SITE_URL, PORTAL_NAMES_FILE, PORTAL_BUILD_CACHE, PORTAL_CHANGED_ONLY=1, PORTAL_REPORT)',
    );
  }
  const summary = await buildPortal({
    publicationsDir: resolve(publicationsDir),
    outDir: resolve(outDir),
    siteUrl: process.env.PORTAL_SITE_URL,
    protectedNamesFile: process.env.PORTAL_NAMES_FILE,
    cacheDir: process.env.PORTAL_BUILD_CACHE,
    changedOnly: process.env.PORTAL_CHANGED_ONLY === '1',
    reportFile: process.env.PORTAL_REPORT,
  });
  for (const line of formatBuildSummary(summary)) console.log(line);
}
