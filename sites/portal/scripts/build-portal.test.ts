import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pagefindCborView } from '@sunshine/disclosure/pagefind-view';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortal, formatBuildSummary, type PortalBuildSummary } from './build-portal.ts';
import { LeakScanFailure } from './leak-scan-step.ts';
import { writeFixturePublications } from './write-fixture-publications.ts';

// Synthetic values with valid checksums (GB 11643 check character, Luhn), nobody's real numbers; the
// same ones the scanner's own tests plant (packages/disclosure/src/leak-scan/test-values.ts).
const RESIDENT_ID = '330102198503140146';
const MOBILE = '13912345678';
const CARD = '6222020200001235';
const NAME = '张晓娓';
const PLANTED = [RESIDENT_ID, MOBILE, CARD, NAME];

let root: string;
let clean: string;
let leaky: string;
let namesFile: string;
let leakyPolicyId: string;

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else out.push(full.slice(base.length + 1));
  }
  return out.sort();
}

/** Puts the values into one policy's text, in the dataset the portal builds from, and fixes the manifest. */
async function plantLeaks(dir: string): Promise<string> {
  const datasetPath = join(dir, 'datasets/policy-notices.json');
  const dataset = JSON.parse(await readFile(datasetPath, 'utf8'));
  const row = dataset.rows[0];
  row.bodyMarkdown += `\n\n联系人：${NAME}，身份证号 ${RESIDENT_ID}，手机 ${MOBILE}，银行卡 ${CARD}。`;
  const text = `${JSON.stringify(dataset, null, 2)}\n`;
  await writeFile(datasetPath, text);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const entry = manifest.files.find((file: { path: string }) => file.path === 'datasets/policy-notices.json');
  entry.sha256 = createHash('sha256').update(text).digest('hex');
  entry.bytes = Buffer.byteLength(text);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return row.id;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sunshine-build-portal-'));
  clean = join(root, 'clean');
  leaky = join(root, 'leaky');
  await writeFixturePublications(clean, { townships: 3, villagesPerTownship: 2 });
  await writeFixturePublications(leaky, { townships: 3, villagesPerTownship: 2 });
  leakyPolicyId = await plantLeaks(leaky);
  // The names list as the API exports it: one full name per line (here: the planted one and two others).
  namesFile = join(root, 'names.txt');
  await writeFile(namesFile, `李雷\n${NAME}\n欧阳明月\n`, { mode: 0o600 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the leak scan as a build step', () => {
  let summary: PortalBuildSummary;
  const site = () => join(root, 'site/dist');

  it('publishes a clean build and reports what it scanned', async () => {
    const reportFile = join(root, 'report/portal-report.json');
    summary = await buildPortal({
      publicationsDir: clean,
      outDir: site(),
      protectedNamesFile: namesFile,
      reportFile,
    });
    const files = await walk(site());
    // Every byte written is scanned: pages, feed, sitemap, assets and the search index.
    expect(summary.leakScan).toMatchObject({
      filesScanned: files.length,
      filesReused: 0,
      hits: 0,
      protectedNames: 3,
    });
    let bytes = 0;
    for (const file of files) bytes += (await stat(join(site(), file))).size;
    expect(summary.leakScan.bytesScanned).toBe(bytes);
    expect(files).toContain('feed.xml');
    expect(files.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(files.some((file) => file.startsWith('pagefind/index/'))).toBe(true);
    expect(formatBuildSummary(summary).join('\n')).toContain(
      `leak scan: ${files.length} files scanned (0 unchanged and known clean), ${bytes} bytes, 3 protected names, hits=0`,
    );
    const report = JSON.parse(await readFile(reportFile, 'utf8'));
    expect(report.leakScan.hits).toBe(0);
    expect(report.pageWeights).toHaveLength(summary.pages);
  });

  // Regression: Pagefind indexes "0571-56120358" as the one word 057156120358. With more digits (an
  // extension, another area code) such a word reads as a card number, and the province build's scan
  // refused its English index for one. Phone numbers stay on the pages, out of the search index.
  it('keeps no word of eleven or more digits in the search index', async () => {
    const long: string[] = [];
    for (const file of (await walk(site())).filter(
      (f) => f.startsWith('pagefind/') && f.endsWith('.pf_index'),
    )) {
      const view = pagefindCborView(gunzipSync(await readFile(join(site(), file))));
      for (const match of (view ?? '').matchAll(/[0-9]{11,}/g))
        long.push(`${file}: ${match[0].length} digits`);
    }
    expect(long).toEqual([]);
  });

  it('fails a build with an id number, a mobile, a card number and a protected name, naming file and offset only', async () => {
    const before = await readFile(join(site(), 'index.html'));
    const error = await buildPortal({
      publicationsDir: leaky,
      outDir: site(),
      protectedNamesFile: namesFile,
    }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(LeakScanFailure);
    const failure = error as LeakScanFailure;
    const page = `policies/${leakyPolicyId}/index.html`;
    const onPage = failure.hits.filter((hit) => hit.file === page && !hit.inflated);
    expect(onPage.map((hit) => hit.kind).sort()).toEqual(['CARD', 'MOBILE', 'NAME', 'RESIDENT_ID']);
    const rejected = join(root, 'site/.dist.rejected');
    expect(failure.message).toContain(rejected);
    const html = await readFile(join(rejected, page));
    const plantedValue = { RESIDENT_ID, MOBILE, CARD, NAME } as const;
    for (const hit of onPage) {
      expect(failure.message).toContain(`  ${page}:${hit.offset} ${hit.kind}`);
      // The offset is the first byte of the value in the file.
      const value = Buffer.from(plantedValue[hit.kind]);
      expect(html.subarray(hit.offset, hit.offset + value.length)).toEqual(value);
    }
    expect((await stat(rejected)).mode & 0o777).toBe(0o700);
    // Found inside the search index's compressed files as well, the name included (Pagefind writes it
    // with zero-width spaces between the characters).
    const inIndex = failure.hits.filter((hit) => hit.file.startsWith('pagefind/') && hit.inflated);
    expect(new Set(inIndex.map((hit) => hit.kind))).toEqual(
      new Set(['CARD', 'MOBILE', 'NAME', 'RESIDENT_ID']),
    );
    // Never the value: not in the message, not in the hits.
    for (const value of PLANTED) {
      expect(failure.message).not.toContain(value);
      expect(failure.stack).not.toContain(value);
      expect(JSON.stringify(failure.hits)).not.toContain(value);
    }
    // The site that was published stays published, untouched; no half-built folder is left behind.
    expect(await readFile(join(site(), 'index.html'))).toEqual(before);
    expect((await readdir(join(root, 'site'))).sort()).toEqual(['.dist.rejected', 'dist']);
  });

  it('builds two sites at once from the one portal, each from its own publication', async () => {
    // npm start's rebuild, a test and a benchmark may build at the same time, in one process or several:
    // they take turns with Pagefind's one backend per process (index-search.ts), and each Astro build
    // keeps its server bundle in a folder of its own (run-astro-build.ts, buildCwd). The bundle race
    // needs a long build to show (a province build failed when a test deleted its bundle mid-render);
    // here the builds are short, so this checks the two sites come out whole and apart.
    const small = join(root, 'small');
    await writeFixturePublications(small, { townships: 3, villagesPerTownship: 1 });
    const [a, b] = await Promise.all([
      buildPortal({ publicationsDir: clean, outDir: join(root, 'at-once-a/dist') }),
      buildPortal({ publicationsDir: small, outDir: join(root, 'at-once-b/dist') }),
    ]);
    expect(a.pages).toBeGreaterThan(b.pages);
    const regions = async (site: string) =>
      (await readdir(join(root, site, 'dist/regions'))).filter((name) => /^[0-9]{12}$/.test(name)).length;
    // A county and three townships, of two villages each against one.
    expect(await regions('at-once-a')).toBe(1 + 3 + 3 * 2);
    expect(await regions('at-once-b')).toBe(1 + 3 + 3 * 1);
  }, 180_000);

  it('fails when the names file would be published with the site', async () => {
    const outDir = join(root, 'names-inside');
    await expect(
      buildPortal({
        publicationsDir: clean,
        outDir,
        protectedNamesFile: join(outDir, '..', 'names-inside', 'names.txt'),
      }),
    ).rejects.toThrow('the names file lies inside the site or its publications');
  });
});
