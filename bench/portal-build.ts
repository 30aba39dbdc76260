/**
 * The public portal's build (issue 5, item 9), in one run:
 * (a) county scale: the data export (a publication run on the demo county, plus the protected-names
 *     export) and the portal build (Astro, Pagefind, leak scan, page weights), against a bare Astro site
 *     with the same number of pages of the same size: the rendering ratio (target ≤ 1.4×) and the whole
 *     pipeline's (target ≤ 3×);
 * (b) province scale: the county's publication repeated for 100 counties, built whole: time and peak
 *     memory;
 * (c) an incremental rebuild after a change in one village, against the full build (target ≤ 5%),
 *     checked equal to a full build of the same publications;
 * (d) the page-weight report.
 * See bench/README.md.
 *
 * Run from the repository root: `node bench/portal-build.ts [--rounds N] [--province-counties N]
 * [--source demo|fixture]` (or `npm run bench:portal`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { freemem, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { signInOverHttp } from '../services/api/test/sign-in-over-http.ts';
import type { PortalBuildSummary } from '../sites/portal/scripts/build-portal.ts';
import { compareBuilds, type RunStamp, runStampOf } from '../sites/portal/scripts/compare-builds.ts';
import { replicatePublications } from '../sites/portal/scripts/publication-edits.ts';
import type { AstroBuildResult } from '../sites/portal/scripts/run-astro-build.ts';
import { writeFixturePublications } from '../sites/portal/scripts/write-fixture-publications.ts';
import {
  BENCH_DIR,
  DEMO_PASSWORD,
  load,
  log,
  median,
  onCleanup,
  positiveInt,
  printTable,
  REPO_ROOT,
  round,
  runBenchmark,
  startBenchApi,
  startBenchDatabase,
  writeResults,
} from './bench-kit.ts';
import { writeBareAstroSite } from './portal-bare-site.ts';

const { exportProtectedNames } = await load<
  typeof import('../services/api/src/modules/publications/export-protected-names.ts')
>('../services/api/src/modules/publications/export-protected-names.ts');

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '2' },
    'province-counties': { type: 'string', default: '100' },
    source: { type: 'string', default: 'demo' },
    'fixture-townships': { type: 'string', default: '18' },
    'fixture-villages': { type: 'string', default: '26' },
    'province-heap-mb': { type: 'string', default: '16384' },
  },
});
const ROUNDS = positiveInt(args.rounds, '--rounds');
const PROVINCE_COUNTIES = Number(args['province-counties']);
const SOURCE = args.source === 'fixture' ? 'fixture' : 'demo';
const WORKER = path.join(BENCH_DIR, 'portal-build-worker.ts');
const TIME = '/usr/bin/time';

interface WorkerRun<T> {
  result: T & { wallMs: number };
  /** Peak resident set size of the largest process of the build (worker, Astro, Pagefind), kB. */
  maxRssKb: number | null;
}

/**
 * Runs one build job in bench/portal-build-worker.ts, under GNU time when the machine has it. `env`
 * is added to the worker's (and so to its Astro process's) environment.
 */
function runWorker<T>(job: Record<string, unknown>, env: Record<string, string> = {}): Promise<WorkerRun<T>> {
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const commandArgs = timed
    ? ['-v', process.execPath, WORKER, JSON.stringify(job)]
    : [WORKER, JSON.stringify(job)];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) {
        reject(
          new Error(`build worker failed (exit ${code}):\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`),
        );
        return;
      }
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ result: JSON.parse(line.slice('RESULT '.length)), maxRssKb: rss ? Number(rss[1]) : null });
    });
  });
}

type PortalRun = WorkerRun<{ summary: PortalBuildSummary }>;
type BareRun = WorkerRun<{ astro: AstroBuildResult }>;

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const mb = (kb: number | null): string => (kb === null ? '?' : (kb / 1024).toFixed(0));

async function main(): Promise<void> {
  log(`memory: ${(totalmem() / 2 ** 30).toFixed(1)} GB total, ${(freemem() / 2 ** 30).toFixed(1)} GB free`);
  let scratch: string;
  let serverVersion = 'none (fixture publications)';
  let publications: string;
  let namesFile: string | undefined;
  const dataExport: {
    publicationRunMs: number | null;
    namesExportMs: number | null;
    protectedNames: number | null;
  } = {
    publicationRunMs: null,
    namesExportMs: null,
    protectedNames: null,
  };

  if (SOURCE === 'demo') {
    // (a) the data export: a publication run of every approved disclosure on the demo county, as the
    // county approver through the API, and the names list the leak scan checks against.
    const db = await startBenchDatabase('bench_portal');
    scratch = db.scratch;
    serverVersion = db.serverVersion;
    const api = await startBenchApi(db);
    publications = path.join(scratch, 'publications');
    const cookie = await signInOverHttp(api.url, 'county.approver', DEMO_PASSWORD);
    const started = performance.now();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: 'mutation { runPublication { id datasets { slug rowCount } } }' }),
    });
    const body = (await response.json()) as {
      data?: { runPublication: { id: string; datasets: { slug: string; rowCount: number }[] } };
      errors?: unknown[];
    };
    dataExport.publicationRunMs = round(performance.now() - started, 0);
    if (!body.data) throw new Error(`publication run failed: ${JSON.stringify(body.errors)}`);
    log(
      `publication run: ${body.data.runPublication.datasets.length} datasets ` +
        `(${body.data.runPublication.datasets.map((d) => `${d.slug} ${d.rowCount}`).join(', ')}) ` +
        `in ${seconds(dataExport.publicationRunMs)} s`,
    );
    const namesStarted = performance.now();
    const names = await exportProtectedNames(db.ownerUrl);
    onCleanup(() => names.remove());
    dataExport.namesExportMs = round(performance.now() - namesStarted, 0);
    dataExport.protectedNames = names.count;
    namesFile = names.file;
    log(`protected names: ${names.count} exported in ${dataExport.namesExportMs} ms`);
  } else {
    scratch = await mkdtemp(path.join(tmpdir(), 'sunshine-bench-portal-'));
    onCleanup(() => rm(scratch, { recursive: true, force: true }));
    publications = path.join(scratch, 'publications');
    await writeFixturePublications(publications, {
      townships: positiveInt(args['fixture-townships'], '--fixture-townships'),
      villagesPerTownship: positiveInt(args['fixture-villages'], '--fixture-villages'),
    });
    log('publications: the portal fixture (no database, so no data export is timed)');
  }

  // ---- (a) county scale: the portal and a bare Astro site with as many pages -------------------
  const county = path.join(scratch, 'county');
  const countySite = path.join(county, 'site/dist');
  const portalJob = (options: Record<string, unknown>) => ({
    kind: 'portal',
    options: { publicationsDir: publications, protectedNamesFile: namesFile, ...options },
  });
  log('portal: warm-up build (counts the pages the bare site must have)');
  const warm = await runWorker<{ summary: PortalBuildSummary }>(
    portalJob({ outDir: path.join(county, 'warm/dist') }),
  );
  const pages = warm.result.summary.pages;
  const textBytes = Math.max(1000, warm.result.summary.pageWeight.medianHtmlBytes - 400);
  log(`portal: ${pages} pages, median HTML ${warm.result.summary.pageWeight.medianHtmlBytes} bytes`);
  if (pages < 1000) log(`warning: only ${pages} pages; the issue asks for at least 1,000 at county scale`);
  await rm(path.join(county, 'warm'), { recursive: true, force: true });

  const bare = path.join(scratch, 'bare-site');
  await writeBareAstroSite(bare, REPO_ROOT, { pages, textBytes });
  const bareRuns: BareRun[] = [];
  const renderRuns: BareRun[] = [];
  const portalRuns: PortalRun[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await rm(path.join(bare, 'dist'), { recursive: true, force: true });
    const bareRun = await runWorker<{ astro: AstroBuildResult }>({
      kind: 'bare',
      root: bare,
      outDir: path.join(bare, 'dist'),
      cacheDir: path.join(bare, `.cache-${r}`),
    });
    bareRuns.push(bareRun);
    log(`round ${r + 1}: bare Astro ${seconds(bareRun.result.astro.ms)} s`);
    // The portal's rendering alone, as the bare site's: `astro build` of the same publication, without
    // the search index the full build feeds while rendering.
    const renderOut = path.join(scratch, 'county-render-only');
    const renderRun = await runWorker<{ astro: AstroBuildResult }>({
      kind: 'astro',
      root: path.join(REPO_ROOT, 'sites/portal'),
      outDir: renderOut,
      env: {
        SUNSHINE_PUBLICATIONS_DIR: publications,
        PORTAL_CACHE_DIR: path.join(scratch, `.render-cache-${r}`),
      },
    });
    renderRuns.push(renderRun);
    await rm(renderOut, { recursive: true, force: true });
    log(`round ${r + 1}: portal astro build ${seconds(renderRun.result.astro.ms)} s`);
    // A full build as the bare site's: a fresh build process, no cache folder, every page rendered.
    const portalRun = await runWorker<{ summary: PortalBuildSummary }>(
      portalJob({ outDir: countySite, reportFile: path.join(county, 'portal-report.json') }),
    );
    portalRuns.push(portalRun);
    const s = portalRun.result.summary;
    log(
      `round ${r + 1}: portal ${seconds(s.ms.total)} s (render ${seconds(s.ms.render)}, search ${seconds(s.ms.searchIndex)}, ` +
        `scan ${seconds(s.ms.leakScan)}, weights ${seconds(s.ms.pageWeight)})`,
    );
  }
  const bareMs = median(bareRuns.map((run) => run.result.astro.ms));
  const renderMs = median(renderRuns.map((run) => run.result.astro.ms));
  const portalTotalMs = median(portalRuns.map((run) => run.result.summary.ms.total));
  const exportMs = (dataExport.publicationRunMs ?? 0) + (dataExport.namesExportMs ?? 0);
  const renderRatio = renderMs / bareMs;
  const pipelineRatio = (exportMs + portalTotalMs) / bareMs;

  // ---- (c) incremental rebuilds after a change in one village ---------------------------------
  // As in `npm start`: a full build with the cache folder, then publication runs that each change one
  // village, each followed by a rebuild with changedOnly, the build process kept warm in between. The
  // first rebuild also brings the work folder level with the site (it copies the whole site once);
  // the later ones are the steady state.
  const changing = path.join(scratch, 'publications-changing');
  await cp(publications, changing, { recursive: true });
  const before = await runStampOf(publications);
  const changes = [1, 2, 3].map((n) => ({
    runId: `${before.runId}-next-${n}`,
    runAt: new Date(Date.parse(before.runAt) + n * 3_600_000).toISOString(),
    villageIndex: n * 7,
  }));
  const sequence = await runWorker<{
    full: PortalBuildSummary;
    rebuilds: {
      change: { villageCode: string; changedRows: number };
      stamp: RunStamp;
      summary: PortalBuildSummary;
    }[];
  }>({
    kind: 'incremental',
    options: {
      publicationsDir: changing,
      outDir: path.join(county, 'incremental/dist'),
      cacheDir: path.join(county, 'incremental-cache'),
      protectedNamesFile: namesFile,
    },
    changes,
  });
  const { full: sequenceFull, rebuilds } = sequence.result;
  for (const [i, rebuild] of rebuilds.entries()) {
    const s = rebuild.summary;
    log(
      `rebuild ${i + 1} (village ${rebuild.change.villageCode}): ${seconds(s.ms.total)} s, ${s.pagesReused} of ${s.pages} pages kept, ` +
        `${s.filesChanged} files changed, search index ${s.searchIndexReused ? 'kept' : 'rebuilt'} ` +
        `(prepare ${seconds(s.ms.prepare)}, render ${seconds(s.ms.render)}, search ${seconds(s.ms.searchIndex)}, scan ${seconds(s.ms.leakScan)})`,
    );
  }
  const steady = rebuilds.slice(1).map((r) => r.summary.ms.total);
  const rebuildMs = median(steady.length > 0 ? steady : rebuilds.map((r) => r.summary.ms.total));
  const incrementalRatio = rebuildMs / portalTotalMs;
  // Correctness: the last rebuild's site against a full build of the same publications.
  const fullAfterSite = path.join(scratch, 'county-full-after/dist');
  await runWorker<{ summary: PortalBuildSummary }>(
    portalJob({ publicationsDir: changing, outDir: fullAfterSite }),
  );
  const comparison = await compareBuilds(path.join(county, 'incremental/dist'), fullAfterSite, [
    before,
    ...rebuilds.map((r) => r.stamp),
  ]);
  log(
    `rebuild = full build? ${comparison.identical} files identical, ${comparison.equalButStamps} equal but for run stamps, ` +
      `${comparison.differing.length} differing, ${comparison.missing.length} missing`,
  );
  await rm(path.dirname(fullAfterSite), { recursive: true, force: true });

  // ---- (b) province scale ----------------------------------------------------------------------
  let province: Record<string, unknown> | null = null;
  if (PROVINCE_COUNTIES > 0) {
    const provincePublications = path.join(scratch, 'province-publications');
    const replicated = await replicatePublications(publications, provincePublications, PROVINCE_COUNTIES);
    log(`province: ${PROVINCE_COUNTIES} counties, ${(replicated.bytes / 2 ** 20).toFixed(0)} MB of datasets`);
    const provinceSite = path.join(scratch, 'province-site/dist');
    const started = performance.now();
    // Astro holds every route's props at once: at 100 counties that is more than Node's default heap
    // (about 4 GB here), so the province build gets a bigger one; the machine's memory is the limit.
    const heap = positiveInt(args['province-heap-mb'], '--province-heap-mb');
    log(`province: building with --max-old-space-size=${heap}`);
    // As in `npm start` (cache folder, warm build process): the full build, then two publication runs
    // that each change one village, each followed by a rebuild with changedOnly. The first rebuild also
    // fills the work folder (it copies the whole site once); the second is the steady state, set
    // against the full build (target ≤ 5%).
    const provinceBefore = await runStampOf(provincePublications);
    const provinceChanges = [1, 2].map((n) => ({
      runId: `${provinceBefore.runId}-next-${n}`,
      runAt: new Date(Date.parse(provinceBefore.runAt) + n * 3_600_000).toISOString(),
      villageIndex: n * 11,
    }));
    const run = await runWorker<{
      full: PortalBuildSummary;
      rebuilds: { change: { villageCode: string; changedRows: number }; summary: PortalBuildSummary }[];
    }>(
      {
        kind: 'incremental',
        options: {
          publicationsDir: provincePublications,
          outDir: provinceSite,
          cacheDir: path.join(scratch, 'province-site/cache'),
          protectedNamesFile: namesFile,
        },
        changes: provinceChanges,
      },
      { NODE_OPTIONS: `--max-old-space-size=${heap}` },
    ).catch((error: Error) => ({ error }));
    const wallMs = performance.now() - started;
    if ('error' in run) {
      log(`province: FAILED after ${seconds(wallMs)} s: ${run.error.message.slice(0, 2000)}`);
      province = {
        counties: PROVINCE_COUNTIES,
        failed: true,
        wallMs: round(wallMs, 0),
        error: run.error.message.slice(-4000),
      };
    } else {
      const s = run.result.full;
      const siteBytes = await du(provinceSite);
      const rebuildSummaries = run.result.rebuilds.map((r) => r.summary);
      const steadyRebuild = rebuildSummaries.at(-1);
      province = {
        counties: PROVINCE_COUNTIES,
        heapMb: heap,
        datasetBytes: replicated.bytes,
        pages: s.pages,
        siteBytes,
        ms: s.ms,
        wallMs: round(wallMs, 0),
        maxRssKb: run.maxRssKb,
        renderMaxRssKb: s.renderMaxRssKb,
        searchIndexPages: s.searchIndexPages,
        searchIndexBundles: s.searchIndexBundles,
        leakScan: s.leakScan,
        pageWeight: {
          maxBytes: s.pageWeight.maxBytes,
          medianBytes: s.pageWeight.medianBytes,
          overBudget: s.pageWeight.overBudget.length,
        },
        rebuilds: rebuildSummaries.map((r) => ({
          ms: r.ms,
          pagesReused: r.pagesReused,
          filesChanged: r.filesChanged,
          searchIndexReused: r.searchIndexReused,
        })),
        rebuildRatio: steadyRebuild ? round(steadyRebuild.ms.total / s.ms.total, 4) : null,
      };
      log(
        `province: ${s.pages} pages in ${seconds(s.ms.total)} s, peak RSS ${mb(run.maxRssKb)} MB (Astro ${mb(s.renderMaxRssKb)} MB)`,
      );
      for (const [i, r] of rebuildSummaries.entries()) {
        log(
          `province rebuild ${i + 1}: ${seconds(r.ms.total)} s (${round((100 * r.ms.total) / s.ms.total, 1)}% of the full build), ` +
            `${r.pagesReused} of ${r.pages} pages kept, search index ${r.searchIndexReused ? 'kept' : 'rebuilt'} ` +
            `(prepare ${seconds(r.ms.prepare)}, render ${seconds(r.ms.render)}, scan ${seconds(r.ms.leakScan)})`,
        );
      }
    }
    if (province?.failed) {
      // A build the leak scan refused is the evidence: moved out of the scratch folder (removed at the
      // end) with its publications, to look at. The 2026-11-23 province run lost its one hit this way.
      const kept = await mkdtemp(path.join(tmpdir(), 'sunshine-bench-province-failed-'));
      await rename(path.dirname(provinceSite), path.join(kept, 'province-site'));
      await rename(provincePublications, path.join(kept, 'province-publications'));
      log(`province: the failed build and its publications are kept in ${kept}`);
    } else {
      await rm(path.dirname(provinceSite), { recursive: true, force: true });
      await rm(provincePublications, { recursive: true, force: true });
    }
  }

  // ---- figures ---------------------------------------------------------------------------------
  const last = portalRuns.at(-1)!.result.summary;
  printTable(
    ['county scale', 'seconds', 'ratio', 'target', 'peak RSS MB'],
    [
      ['bare Astro build', seconds(bareMs), '1.00x', '', mb(bareRuns.at(-1)!.maxRssKb)],
      [
        'portal rendering (astro build)',
        seconds(renderMs),
        `${renderRatio.toFixed(2)}x`,
        '<= 1.4x',
        mb(renderRuns.at(-1)!.result.astro.maxRssKb),
      ],
      [
        'portal build: render + search index while rendering',
        seconds(median(portalRuns.map((r) => r.result.summary.ms.render))),
        '',
        '',
        mb(last.renderMaxRssKb),
      ],
      ['data export (publication run + names)', seconds(exportMs), '', '', ''],
      [
        'search index after rendering (Pagefind)',
        seconds(median(portalRuns.map((r) => r.result.summary.ms.searchIndex))),
        '',
        '',
        '',
      ],
      ['leak scan', seconds(median(portalRuns.map((r) => r.result.summary.ms.leakScan))), '', '', ''],
      [
        'whole pipeline',
        seconds(exportMs + portalTotalMs),
        `${pipelineRatio.toFixed(2)}x`,
        '<= 3x',
        mb(portalRuns.at(-1)!.maxRssKb),
      ],
      [
        'rebuild after one village (steady)',
        seconds(rebuildMs),
        `${(incrementalRatio * 100).toFixed(1)}%`,
        '<= 5%',
        mb(sequence.maxRssKb),
      ],
    ],
  );
  log(
    `page weight: ${last.pages} pages, max ${(last.pageWeight.maxBytes / 1024).toFixed(1)} kB, median ` +
      `${(last.pageWeight.medianBytes / 1024).toFixed(1)} kB, ${last.pageWeight.overBudget.length} over 50 kB` +
      (last.pageWeight.heaviest ? ` (heaviest ${last.pageWeight.heaviest.page})` : ''),
  );
  log(
    `leak scan: ${last.leakScan.filesScanned} files, ${last.leakScan.bytesScanned} bytes, ` +
      `${last.leakScan.protectedNames} names, hits=${last.leakScan.hits}`,
  );

  const file = await writeResults('portal-build', serverVersion, {
    source: SOURCE,
    rounds: ROUNDS,
    loadAverage: loadavg(),
    county: {
      pages,
      bareSite: {
        pages,
        textBytesPerPage: textBytes,
        ms: bareRuns.map((r) => round(r.result.astro.ms, 0)),
        maxRssKb: bareRuns.map((r) => r.maxRssKb),
      },
      renderOnlyMs: renderRuns.map((r) => round(r.result.astro.ms, 0)),
      portal: portalRuns.map((r) => ({
        ms: r.result.summary.ms,
        maxRssKb: r.maxRssKb,
        renderMaxRssKb: r.result.summary.renderMaxRssKb,
      })),
      dataExport,
      renderRatio: round(renderRatio),
      pipelineRatio: round(pipelineRatio),
      leakScan: last.leakScan,
      searchIndexPages: last.searchIndexPages,
    },
    incremental: {
      fullBuildWithCache: sequenceFull.ms,
      rebuilds: rebuilds.map((r) => ({
        village: r.change.villageCode,
        changedRows: r.change.changedRows,
        ms: r.summary.ms,
        pagesReused: r.summary.pagesReused,
        pages: r.summary.pages,
        filesChanged: r.summary.filesChanged,
        searchIndexReused: r.summary.searchIndexReused,
        leakScanFilesScanned: r.summary.leakScan.filesScanned,
      })),
      steadyRebuildMs: round(rebuildMs, 0),
      ratioToFullBuild: round(incrementalRatio, 4),
      maxRssKb: sequence.maxRssKb,
      comparison: {
        ...comparison,
        differing: comparison.differing.slice(0, 50),
        missing: comparison.missing.slice(0, 50),
      },
    },
    province,
    pageWeight: { ...last.pageWeight, overBudget: last.pageWeight.overBudget.slice(0, 100) },
  });
  log(`results written to ${file}`);
}

async function du(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

await runBenchmark(main);
