import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  compileProtectedNames,
  type LeakHit,
  type ProtectedNames,
  scanForLeaks,
  type UnreadableFile,
} from '@sunshine/disclosure/scan-for-leaks';
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

// The compiled names list of the last scan, by the sha256 of the list's bytes: `npm start` scans every
// rebuild with the same list, and compiling 70,000 names takes longer than scanning a rebuild's files.
let compiledNames: { sha256: string; names: ProtectedNames } | undefined;

function compiledFor(sha: string, names: string[]): ProtectedNames {
  if (compiledNames?.sha256 !== sha) compiledNames = { sha256: sha, names: compileProtectedNames(names) };
  return compiledNames.names;
}

/**
 * The leak scan of one build, possibly in parts (the site's pages while Pagefind indexes them, then the
 * index): `check` throws LeakScanFailure with everything every part found, and `remember` records the
 * whole site as clean once it has passed.
 */
export class LeakScanner {
  readonly #siteDir: string;
  readonly #protectedNames: string[];
  readonly #compiledNames: ProtectedNames;
  readonly #key: string;
  readonly #known: Set<string>;
  readonly #cacheFile: string | undefined;
  #filesScanned = 0;
  #filesReused = 0;
  #bytesScanned = 0;
  #ms = 0;
  readonly #hits: LeakHit[] = [];
  readonly #unreadable: UnreadableFile[] = [];

  private constructor(
    siteDir: string,
    protectedNames: string[],
    compiledNames: ProtectedNames,
    key: string,
    known: Set<string>,
    cacheFile?: string,
  ) {
    this.#siteDir = siteDir;
    this.#protectedNames = protectedNames;
    this.#compiledNames = compiledNames;
    this.#key = key;
    this.#known = known;
    this.#cacheFile = cacheFile;
  }

  static async open({
    siteDir,
    protectedNamesFile,
    cacheFile,
  }: Omit<LeakScanStepOptions, 'record'>): Promise<LeakScanner> {
    let namesBytes: Buffer = Buffer.alloc(0);
    if (protectedNamesFile) {
      assertNamesFileOutside(protectedNamesFile, [siteDir]);
      namesBytes = await readFile(protectedNamesFile);
    }
    const protectedNames = namesBytes
      .toString('utf8')
      .split(/\r?\n/)
      .filter((name) => name.trim());
    const namesSha256 = sha256(namesBytes);
    const key = sha256(`${await scannerDigest()}\n${namesSha256}`);
    let known = new Set<string>();
    if (cacheFile) {
      const cached = await readFile(cacheFile, 'utf8').then(
        (text) => JSON.parse(text) as CleanCache,
        () => null,
      );
      if (cached?.key === key) known = new Set(cached.clean);
    }
    const compiled = compiledFor(namesSha256, protectedNames);
    return new LeakScanner(siteDir, protectedNames, compiled, key, known, cacheFile);
  }

  /** Scans the files `select` picks, except those whose hash (in `record`) an earlier scan found clean. */
  async scan(select: (file: string) => boolean, record?: SiteRecord): Promise<void> {
    const started = performance.now();
    try {
      const result = await scanForLeaks(this.#siteDir, {
        protectedNames: { compiled: this.#compiledNames },
        skipFile: (file) => {
          if (!select(file)) return true;
          const hash = record?.get(file)?.sha256;
          if (hash === undefined || !this.#known.has(hash)) return false;
          this.#filesReused++;
          return true;
        },
      });
      this.#filesScanned += result.filesScanned;
      this.#bytesScanned += result.bytesScanned;
      this.#hits.push(...result.hits);
      this.#unreadable.push(...result.unreadable);
    } finally {
      this.#ms += performance.now() - started;
    }
  }

  /** Throws LeakScanFailure when any part found something or could not read a file. */
  check(): void {
    if (this.#hits.length > 0 || this.#unreadable.length > 0) {
      const order = (a: { file: string }, b: { file: string }) =>
        a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
      throw new LeakScanFailure([...this.#hits].sort(order), [...this.#unreadable].sort(order));
    }
  }

  /** Records every file of the (now wholly scanned) site as clean, for the next build. */
  async remember(record: SiteRecord): Promise<void> {
    if (!this.#cacheFile) return;
    // Older entries are dropped: the cache holds exactly the files of the site just published.
    const clean = new Set([...record.values()].map((entry) => entry.sha256));
    await mkdir(dirname(this.#cacheFile), { recursive: true });
    await writeFile(
      this.#cacheFile,
      JSON.stringify({ key: this.#key, clean: [...clean].sort() } satisfies CleanCache),
    );
  }

  summary(): LeakScanSummary {
    return {
      filesScanned: this.#filesScanned,
      filesReused: this.#filesReused,
      bytesScanned: this.#bytesScanned,
      protectedNames: new Set(this.#protectedNames.map((name) => name.normalize('NFC').trim())).size,
      hits: 0,
      unreadable: 0,
      ms: this.#ms,
    };
  }
}

/** The whole leak scan in one pass (see LeakScanner). */
export async function runLeakScan(options: LeakScanStepOptions): Promise<LeakScanSummary> {
  const scanner = await LeakScanner.open(options);
  await scanner.scan(() => true, options.record);
  scanner.check();
  if (options.record) await scanner.remember(options.record);
  return scanner.summary();
}
