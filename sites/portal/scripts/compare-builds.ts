// Compares two builds of the portal, for the incremental-build test and the benchmark: an incremental
// build must equal a full build of the same publications, except where a page the incremental build
// copied still names the run that last rendered it.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MANIFEST_FILE } from '@sunshine/disclosure/publication-files';

/** A publication run as pages show it: its id, its time and the manifest's sha256. */
export interface RunStamp {
  runId: string;
  runAt: string;
  manifestSha256: string;
}

export async function runStampOf(publicationsDir: string): Promise<RunStamp> {
  const text = await readFile(join(publicationsDir, MANIFEST_FILE));
  const manifest = JSON.parse(text.toString('utf8')) as { runId: string; runAt: string };
  return {
    runId: manifest.runId,
    runAt: manifest.runAt,
    manifestSha256: createHash('sha256').update(text).digest('hex'),
  };
}

export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else out.push(full.slice(base.length + 1));
  }
  return out.sort();
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every mention of the given runs replaced by placeholders (time elements whole). */
export function withoutRunStamps(text: string, stamps: RunStamp[]): string {
  let out = text;
  // Longest run id first: one run's id may begin with another's (`run-7` and `run-7-next-1`).
  for (const stamp of [...stamps].sort((a, b) => b.runId.length - a.runId.length)) {
    out = out
      .replace(
        new RegExp(`<time datetime="${escapeRegExp(stamp.runAt)}"([^>]*)>[^<]*</time>`, 'g'),
        '<time$1>RUN_AT</time>',
      )
      .replaceAll(stamp.runAt, 'RUN_AT')
      .replaceAll(stamp.runId, 'RUN_ID')
      .replace(new RegExp(`${stamp.manifestSha256.slice(0, 8)}[0-9a-f]*`, 'g'), 'MANIFEST_SHA256');
  }
  return out;
}

export interface BuildComparison {
  files: number;
  /** Files equal byte for byte. */
  identical: number;
  /** Files equal once run stamps are masked. */
  equalButStamps: number;
  /** Files only one build has. */
  missing: string[];
  /** Files that differ in more than run stamps (the search index: by the pages it covers). */
  differing: string[];
}

/**
 * Compares two built sites file by file. Pagefind's files are named after their content, so the search
 * index is compared by the pages its fragments cover.
 */
export async function compareBuilds(a: string, b: string, stamps: RunStamp[]): Promise<BuildComparison> {
  const filesA = await listFiles(a);
  const filesB = await listFiles(b);
  const inB = new Set(filesB);
  const inA = new Set(filesA);
  const result: BuildComparison = {
    files: filesA.length,
    identical: 0,
    equalButStamps: 0,
    missing: [
      ...filesA.filter((f) => !inB.has(f) && !f.startsWith('pagefind/')),
      ...filesB.filter((f) => !inA.has(f) && !f.startsWith('pagefind/')),
    ],
    differing: [],
  };
  for (const file of filesA) {
    if (file.startsWith('pagefind/') || !inB.has(file)) continue;
    const bytesA = await readFile(join(a, file));
    const bytesB = await readFile(join(b, file));
    if (bytesA.equals(bytesB)) result.identical++;
    else if (
      withoutRunStamps(bytesA.toString('latin1'), stamps) ===
      withoutRunStamps(bytesB.toString('latin1'), stamps)
    ) {
      result.equalButStamps++;
    } else result.differing.push(file);
  }
  // The index is rebuilt from the pages on every build, so equal pages give an equal index but for the
  // stamps' text; what must match is which pages it covers.
  const indexed = async (site: string, files: string[]): Promise<string[]> => {
    const urls: string[] = [];
    for (const file of files.filter((f) => f.startsWith('pagefind/fragment/'))) {
      const text = gunzipSync(await readFile(join(site, file))).toString('utf8');
      urls.push((JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url);
    }
    return urls.sort();
  };
  const indexedA = await indexed(a, filesA);
  const indexedB = await indexed(b, filesB);
  if (indexedA.length !== indexedB.length || indexedA.some((url, i) => url !== indexedB[i])) {
    result.differing.push('pagefind/fragment/* (indexed pages)');
  }
  return result;
}
