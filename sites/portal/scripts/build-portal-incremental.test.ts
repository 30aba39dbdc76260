import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortal, type PortalBuildSummary } from './build-portal.ts';
import { compareBuilds, listFiles, runStampOf } from './compare-builds.ts';
import { simulateVillageChange } from './publication-edits.ts';
import { stopAstroBuildServers } from './run-astro-build.ts';
import { writeFixturePublications } from './write-fixture-publications.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sunshine-incremental-'));
});
afterAll(async () => {
  await stopAstroBuildServers();
  await rm(root, { recursive: true, force: true });
});

describe('incremental portal builds', () => {
  it('re-renders only what a change in one village touches, and equals a full build but for the run stamps', async () => {
    // As `npm start` does: the publication run rewrites the same folder, and the build process stays warm
    // between the two builds (it must not serve the first build's data to the second).
    const publications = join(root, 'publications');
    const before = join(root, 'publications-before');
    await writeFixturePublications(publications, { townships: 3, villagesPerTownship: 4 });
    await cp(publications, before, { recursive: true });

    const cacheDir = join(root, 'cache');
    const site = join(root, 'incremental/dist');
    const first = await buildPortal({ publicationsDir: publications, outDir: site, cacheDir });
    expect(first.pagesReused).toBe(0);

    const change = await simulateVillageChange(publications, {
      runId: 'run-20250611-0900',
      runAt: '2025-06-11T01:00:00.000Z',
    });
    expect(change.changedRows).toBe(3);
    const incremental: PortalBuildSummary = await buildPortal({
      publicationsDir: publications,
      outDir: site,
      cacheDir,
      changedOnly: true,
    });
    const full = join(root, 'full/dist');
    await buildPortal({ publicationsDir: publications, outDir: full });

    // Most pages were copied, not rendered; the leak scan read only files whose bytes are new.
    expect(incremental.incremental).toBe(true);
    // Rendered again, in each of the four variants: the village, its township and county (their counts),
    // each dataset's release history, the home page and provenance (the new release); and the 404 page.
    const datasets = (await readdir(join(publications, 'datasets'))).length;
    expect(incremental.pages - incremental.pagesReused).toBeLessThanOrEqual(4 * (3 + datasets + 2) + 1);
    expect(incremental.leakScan.filesReused).toBeGreaterThan(0);
    // Only text outside the search index changed (counts in tables, provenance, release history).
    expect(incremental.searchIndexReused).toBe(true);

    // Equal to a full build, byte for byte, except where a copied page names the run that rendered it.
    const firstRun = await runStampOf(before);
    const comparison = await compareBuilds(site, full, [firstRun, await runStampOf(publications)]);
    expect(comparison.missing).toEqual([]);
    expect(comparison.differing).toEqual([]);
    expect(comparison.identical + comparison.equalButStamps).toBeGreaterThan(0);

    // The changed village's page was rendered again and shows the new count.
    const files = await listFiles(site);
    const villagePages = files.filter((f) => f.includes(change.villageCode) && f.endsWith('.html'));
    expect(villagePages.length).toBeGreaterThan(0);
    for (const page of villagePages) {
      expect(await readFile(join(site, page))).toEqual(await readFile(join(full, page)));
    }
    // A notice board poster whose list did not change is kept as printed: it still carries the release
    // it was first published in, so the paper on the board and the page behind its QR code agree.
    const posters = files.filter((f) => /(^|\/)notices\/[^/]+\/[0-9]{12}\/index\.html$/.test(f));
    expect(posters.length).toBeGreaterThan(0);
    for (const poster of posters) {
      expect(await readFile(join(site, poster), 'utf8'), poster).toContain(firstRun.manifestSha256);
    }
  }, 180_000);

  it('with nothing changed, renders only the pages that have no cache key and reuses every scanned file', async () => {
    const publications = join(root, 'same');
    await writeFixturePublications(publications, { townships: 2, villagesPerTownship: 2 });
    const cacheDir = join(root, 'same-cache');
    const site = join(root, 'same-site/dist');
    await buildPortal({ publicationsDir: publications, outDir: site, cacheDir });
    const before = new Map<string, Buffer>();
    for (const file of await listFiles(site)) before.set(file, await readFile(join(site, file)));
    const again = await buildPortal({
      publicationsDir: publications,
      outDir: site,
      cacheDir,
      changedOnly: true,
    });
    expect(again.pagesReused).toBeGreaterThan(again.pages / 2);
    expect(again.leakScan.filesScanned).toBe(0);
    const after = await listFiles(site);
    expect(after).toEqual([...before.keys()]);
    for (const file of after) expect(await readFile(join(site, file)), file).toEqual(before.get(file));
  }, 120_000);
});
