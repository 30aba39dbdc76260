/**
 * One build job for bench/portal-build.ts, in a process of its own so that its peak memory (measured
 * by /usr/bin/time around it) is the build's. Prints one line `RESULT <json>` at the end.
 *
 *   portal:      one buildPortal() call;
 *   bare:        the bare Astro site (portal-bare-site.ts), one `astro build`;
 *   astro:       one `astro build` of a given project (the portal's rendering alone: no search index);
 *   incremental: what `npm start` does over a day: a full build with a cache folder, then, for each
 *                change, a publication run's worth of edits in one village (simulateVillageChange, in
 *                place, as a real run rewrites the folder) and a rebuild with `changedOnly`, all in this
 *                one process, so the build process stays warm between builds as it does in `npm start`.
 */
import { performance } from 'node:perf_hooks';
import {
  type BuildPortalOptions,
  buildPortal,
  type PortalBuildSummary,
} from '../sites/portal/scripts/build-portal.ts';
import { type RunStamp, runStampOf } from '../sites/portal/scripts/compare-builds.ts';
import { simulateVillageChange, type VillageChange } from '../sites/portal/scripts/publication-edits.ts';
import { runAstroBuild, stopAstroBuildServers } from '../sites/portal/scripts/run-astro-build.ts';

type Job =
  | { kind: 'portal'; options: BuildPortalOptions }
  | { kind: 'bare'; root: string; outDir: string; cacheDir: string }
  | { kind: 'astro'; root: string; outDir: string; env: Record<string, string> }
  | {
      kind: 'incremental';
      options: BuildPortalOptions & { cacheDir: string };
      changes: { runId: string; runAt: string; villageIndex: number }[];
    };

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const started = performance.now();
if (job.kind === 'portal') {
  const summary = await buildPortal(job.options);
  console.log(`RESULT ${JSON.stringify({ wallMs: performance.now() - started, summary })}`);
} else if (job.kind === 'bare') {
  const astro = await runAstroBuild({
    root: job.root,
    outDir: job.outDir,
    env: { PORTAL_CACHE_DIR: job.cacheDir },
    force: true,
  });
  console.log(`RESULT ${JSON.stringify({ wallMs: performance.now() - started, astro })}`);
} else if (job.kind === 'astro') {
  const astro = await runAstroBuild({ root: job.root, outDir: job.outDir, env: job.env, force: true });
  console.log(`RESULT ${JSON.stringify({ wallMs: performance.now() - started, astro })}`);
} else if (job.kind === 'incremental') {
  const full = await buildPortal({ ...job.options, changedOnly: false });
  const rebuilds: { change: VillageChange; stamp: RunStamp; summary: PortalBuildSummary }[] = [];
  for (const change of job.changes) {
    const changed = await simulateVillageChange(job.options.publicationsDir, change);
    const stamp = await runStampOf(job.options.publicationsDir);
    rebuilds.push({
      change: changed,
      stamp,
      summary: await buildPortal({ ...job.options, changedOnly: true }),
    });
  }
  await stopAstroBuildServers();
  console.log(`RESULT ${JSON.stringify({ wallMs: performance.now() - started, full, rebuilds })}`);
} else {
  throw new Error('usage: portal-build-worker.ts <job json>');
}
