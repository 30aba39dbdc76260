import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type LeakHit, scanForLeaks, type UnreadableFile } from '@sunshine/disclosure/scan-for-leaks';
import type { SiteRecord } from './site-state.ts';

export interface LeakScanStepOptions {
  siteDir: string;
  /** One protected full name per line; must lie outside the site. Without it only identifiers are checked. */
  protectedNamesFile?: string;
  /**
   * Remembers the content hashes of files a scan found clean, per names list and scanner version, so
   * that an incremental build scans only files whose bytes are new. Needs `record`.
   */
  cacheFile?: string;
  /** The site's file record (site-state.ts), giving each file's content hash. */
  record?: SiteRecord;
}

export interface LeakScanSummary {
  filesScanned: number;
  /** Files whose exact bytes an earlier scan with the same names and rules found clean. */
  filesReused: number;
  bytesScanned: number;
  protectedNames: number;
  hits: number;
  unreadable: number;
  ms: number;
}

/** A build the leak scan refused. The message names file, byte offset and kind of each hit, never a value. */
export class LeakScanFailure extends Error {
  readonly hits: LeakHit[];
  readonly unreadable: UnreadableFile[];

  constructor(hits: LeakHit[], unreadable: UnreadableFile[]) {
    const lines = [
      ...hits.map(
        (hit) => `  ${hit.file}:${hit.offset} ${hit.kind}${hit.inflated ? ' (in decompressed content)' : ''}`,
      ),
      ...unreadable.map((file) => `  ${file.file} UNREADABLE_${file.reason}`),
    ];
    const shown = lines.slice(0, 50);
    if (lines.length > shown.length) shown.push(`  … and ${lines.length - shown.length} more`);
    super(
      `leak scan: ${hits.length} hit(s) and ${unreadable.length} unreadable file(s) in the built portal; ` +
        `the build was not published.\n${shown.join('\n')}`,
    );
    this.name = 'LeakScanFailure';
    this.hits = hits;
    this.unreadable = unreadable;
  }
}

interface CleanCache {
  key: string;
  clean: string[];
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** A digest of the scanner's own source, so that changed rules never reuse an older verdict. */
async function scannerDigest(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('@sunshine/disclosure/scan-for-leaks'));
  const folders = [dirname(entry), join(dirname(entry), 'leak-scan')];
  for (const specifier of ['@sunshine/identifiers/luhn', '@sunshine/identifiers/resident-id']) {
    folders.push(dirname(fileURLToPath(import.meta.resolve(specifier))));
  }
  const hash = createHash('sha256');
  for (const folder of [...new Set(folders)]) {
    const names = (await readdir(folder))
      .filter((name) => name.endsWith('.ts') && !name.includes('.test.'))
      .sort();
    for (const name of names) hash.update(name).update(await readFile(join(folder, name)));
  }
  return hash.digest('hex');
}

function inside(parent: string, child: string): boolean {
  const path = relative(resolve(parent), resolve(child));
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The list holds every protected resident's name: it must never be published with the site or its data. */
export function assertNamesFileOutside(namesFile: string, folders: string[]): void {
  if (folders.some((folder) => inside(folder, namesFile))) {
    throw new Error('leak scan: the names file lies inside the site or its publications');
  }
}

/**
 * Scans every byte of the built site (scanForLeaks: raw, decoded, decompressed and Pagefind views) and
 * throws LeakScanFailure when anything is found or a file cannot be checked.
 */
export async function runLeakScan({
  siteDir,
  protectedNamesFile,
  cacheFile,
  record,
}: LeakScanStepOptions): Promise<LeakScanSummary> {
  const started = performance.now();
  let namesBytes: Buffer = Buffer.alloc(0);
  if (protectedNamesFile) {
    assertNamesFileOutside(protectedNamesFile, [siteDir]);
    namesBytes = await readFile(protectedNamesFile);
  }
  const protectedNames = namesBytes
    .toString('utf8')
    .split(/\r?\n/)
    .filter((name) => name.trim());
  const key = sha256(`${await scannerDigest()}\n${sha256(namesBytes)}`);

  let known = new Set<string>();
  if (cacheFile && record) {
    const cached = await readFile(cacheFile, 'utf8').then(
      (text) => JSON.parse(text) as CleanCache,
      () => null,
    );
    if (cached?.key === key) known = new Set(cached.clean);
  }
  const result = await scanForLeaks(siteDir, {
    protectedNames,
    skipFile: (file) => {
      const hash = record?.get(file)?.sha256;
      return hash !== undefined && known.has(hash);
    },
  });
  if (result.hits.length > 0 || result.unreadable.length > 0) {
    throw new LeakScanFailure(result.hits, result.unreadable);
  }
  if (cacheFile && record) {
    // Everything in the site is clean now: remember it all (older entries are dropped with it).
    const clean = new Set([...record.values()].map((entry) => entry.sha256));
    await mkdir(dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify({ key, clean: [...clean].sort() } satisfies CleanCache));
  }
  const filesReused = result.filesSkipped;
  return {
    filesScanned: result.filesScanned,
    filesReused,
    bytesScanned: result.bytesScanned,
    protectedNames: new Set(protectedNames.map((name) => name.normalize('NFC').trim())).size,
    hits: 0,
    unreadable: 0,
    ms: performance.now() - started,
  };
}
