// Edits of a publications folder for the incremental-build test and the portal benchmark: a new
// publication run after a change in one village, and a province-sized copy of a county's publication.
// Real publications come from the API; these only reshape one.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Dataset, Manifest } from '@sunshine/disclosure/dataset';
import { datasetFile, MANIFEST_FILE, releaseFile } from '@sunshine/disclosure/publication-files';

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Recomputes the sha256 and size of every file the manifest lists, after files were edited. */
export async function refreshManifest(
  dir: string,
  stamp?: { runId: string; runAt: string },
): Promise<Manifest> {
  const manifest = await readJson<Manifest>(join(dir, MANIFEST_FILE));
  for (const entry of manifest.files) {
    const bytes = await readFile(join(dir, entry.path));
    entry.sha256 = sha256(bytes);
    entry.bytes = bytes.length;
  }
  if (stamp) Object.assign(manifest, stamp);
  await writeFile(join(dir, MANIFEST_FILE), jsonText(manifest));
  return manifest;
}

async function datasetSlugs(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'datasets')))
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -5))
    .sort();
}

interface RegionRef {
  code: string;
  level?: string;
}

export interface VillageChange {
  villageCode: string;
  /** The rows changed: the village's and its township's and county's (their totals include it). */
  changedRows: number;
}

/**
 * What a new publication run writes after one village recorded one more activity: that village's
 * activity count goes up by one, and so do the township and county rows above it (same year and
 * kind); every dataset carries the new run's id and time, every release history gets the new
 * release, the manifest the new hashes.
 */
export async function simulateVillageChange(
  dir: string,
  run: { runId: string; runAt: string; villageCode?: string; villageIndex?: number },
): Promise<VillageChange> {
  const slug = 'activity-statistics';
  const path = join(dir, datasetFile(slug));
  const dataset = await readJson<Dataset>(path);
  type ActivityRow = {
    region: RegionRef;
    parentCode: string | null;
    year: number;
    kind: string;
    activityCount: number;
  };
  const rows = dataset.rows as unknown as ActivityRow[];
  const villageCodes = [
    ...new Set(rows.filter((row) => row.region.level === 'VILLAGE').map((row) => row.region.code)),
  ];
  const code = run.villageCode ?? villageCodes[Math.min(run.villageIndex ?? 0, villageCodes.length - 1)];
  const village = rows.find((row) => row.region.code === code);
  if (!village) throw new Error(`${slug}: no village row to change`);
  let changedRows = 0;
  for (let code: string | null = village.region.code; code !== null; ) {
    const row = rows.find(
      (r) => r.region.code === code && r.year === village.year && r.kind === village.kind,
    );
    if (!row) break;
    row.activityCount += 1;
    changedRows++;
    code = row.parentCode;
  }
  await writeFile(path, jsonText(dataset));

  for (const each of await datasetSlugs(dir)) {
    const file = join(dir, datasetFile(each));
    const data = await readJson<Dataset>(file);
    data.provenance.runId = run.runId;
    data.provenance.runAt = run.runAt;
    const text = jsonText(data);
    await writeFile(file, text);
    const historyFile = join(dir, releaseFile(each));
    const history = await readJson<unknown[]>(historyFile).catch(() => null);
    if (history) {
      const changed =
        each === slug
          ? [
              {
                key: village.region.code,
                field: 'activityCount',
                before: village.activityCount - 1,
                after: village.activityCount,
                reasons: [],
              },
            ]
          : [];
      history.unshift({
        runId: run.runId,
        runAt: run.runAt,
        datasetSha256: sha256(text),
        rowCount: data.rows.length,
        diff: { added: 0, removed: 0, changed, reasons: [] },
      });
      await writeFile(historyFile, jsonText(history));
    }
  }
  await refreshManifest(dir, { runId: run.runId, runAt: run.runAt });
  return { villageCode: village.region.code, changedRows };
}

const COUNTY_PREFIX = /330199(?=[0-9]{6})/g;

/** Copy `copy` of a value: region codes moved to county `copy`, ids, tokens and program codes made unique. */
function copyValue(value: unknown, copy: number, key = ''): unknown {
  if (typeof value === 'string') {
    const moved = value.replace(COUNTY_PREFIX, `3301${String(copy).padStart(2, '0')}`);
    if (copy === 99) return moved;
    if (key === 'id' || key === 'token') return `${moved}-c${copy}`;
    if (key === 'code' && !/^[0-9]{12}$/.test(moved)) return `${moved}-C${copy}`;
    return moved;
  }
  if (Array.isArray(value)) return value.map((item) => copyValue(item, copy, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyValue(v, copy, k);
    return out;
  }
  return value;
}

/**
 * A province-sized publication from a county's: every dataset's rows repeated for `counties`
 * counties (codes 3301cc…, the original county is 330199; at most 100), each with its own ids,
 * tokens and program codes. Datasets are written row by row, so no file is ever one string.
 */
export async function replicatePublications(
  srcDir: string,
  outDir: string,
  counties: number,
): Promise<{ bytes: number }> {
  if (counties < 1 || counties > 100) throw new Error('between 1 and 100 counties');
  await mkdir(join(outDir, 'datasets'), { recursive: true });
  for (const folder of ['queries', 'releases']) {
    await cp(join(srcDir, folder), join(outDir, folder), { recursive: true }).catch(() => {});
  }
  await cp(join(srcDir, MANIFEST_FILE), join(outDir, MANIFEST_FILE));
  let bytes = 0;
  for (const slug of await datasetSlugs(srcDir)) {
    const dataset = await readJson<Dataset>(join(srcDir, datasetFile(slug)));
    const file = join(outDir, datasetFile(slug));
    await mkdir(dirname(file), { recursive: true });
    const out = createWriteStream(file);
    const write = (text: string): Promise<void> | void => {
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) return new Promise((resolve) => out.once('drain', resolve));
    };
    const provenance = { ...dataset.provenance, rowCount: dataset.rows.length * counties };
    await write(
      `{"provenance":${JSON.stringify(provenance)},"columns":${JSON.stringify(dataset.columns)},"rows":[`,
    );
    let first = true;
    for (let copy = 99; copy > 99 - counties; copy--) {
      for (const row of dataset.rows) {
        await write(`${first ? '' : ','}\n${JSON.stringify(copyValue(row, copy))}`);
        first = false;
      }
    }
    await write('\n]}\n');
    out.end();
    await finished(out);
  }
  await refreshManifest(outDir);
  return { bytes };
}
