// The leak scan: a build step that reads every byte the portal build wrote and fails when personal data is
// in it. It looks for checksum-valid resident id numbers, mainland mobile numbers, Luhn-valid card numbers
// and the exact full names of people who did not consent to publication.
//
// Every file under the directory is read, whatever its extension, binary files included. Each file is looked
// at as:
// 1. its raw bytes (ASCII digits and the UTF-8 bytes of names are matched directly, so offsets are bytes);
// 2. the same bytes with HTML character references, JavaScript/JSON escapes, URL percent-encoding and
//    full-width digits decoded (a hit is reported at the offset where its first encoded character starts);
// 3. when the file is gzip (starts 1f 8b, like Pagefind's .pf_fragment / .pf_index / .pf_meta files) or is a
//    .br file, its decompressed content, views 1 and 2 again; such hits carry `inflated: true` and their
//    offset is in the decompressed stream. Compressed data inside compressed data is opened too;
// 4. when decompressed content is a Pagefind CBOR file (index, metadata, filters), its strings alone, each
//    cut off from the binary around it (leak-scan/pagefind-view.ts).
// A compressed file that cannot be decompressed cannot be checked: it is listed in `unreadable`.
//
// Hits name the file, the offset and the kind, never the value: neither the result nor any error message
// of this module contains a matched value.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { decodeEscapes } from './leak-scan/decode-escapes.ts';
import { findIdentifierLeaks, type IdentifierLeakKind } from './leak-scan/find-identifier-leaks.ts';
import { pagefindCborView } from './leak-scan/pagefind-view.ts';
import { compileProtectedNames, type ProtectedNames } from './leak-scan/protected-names.ts';

export { compileProtectedNames, type ProtectedNames };

export type LeakKind = IdentifierLeakKind | 'NAME';

export interface LeakHit {
  /** Path relative to the scanned directory, with '/' separators. */
  file: string;
  /** Byte offset of the first byte of the leaked value (in the decompressed stream when `inflated`). */
  offset: number;
  kind: LeakKind;
  /** Present and true when the hit is inside gzip / brotli compressed content. */
  inflated?: true;
}

export interface UnreadableFile {
  file: string;
  reason: 'GZIP' | 'BROTLI' | 'READ';
}

export interface LeakScanResult {
  filesScanned: number;
  /** Bytes read from disk (compressed files count their size on disk). */
  bytesScanned: number;
  /** Files passed over because `skipFile` said an earlier scan found them clean. */
  filesSkipped: number;
  hits: LeakHit[];
  unreadable: UnreadableFile[];
}

export interface LeakScanOptions {
  /**
   * Full names of people who did not consent to publication; names shorter than 2 characters are ignored.
   * Either the names, or the matcher `compileProtectedNames` made of them (a process that scans many
   * builds with one list compiles it once).
   */
  protectedNames: Iterable<string> | { compiled: ProtectedNames };
  /**
   * Files (relative paths, '/' separators) for which this returns true are neither read nor scanned, nor
   * counted in `filesScanned`: an incremental build passes over files whose exact bytes an earlier scan
   * with the same names found clean.
   */
  skipFile?: (file: string) => boolean;
}

const MAX_INFLATE_DEPTH = 3;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

interface ViewHit {
  offset: number;
  kind: LeakKind;
}

function scanView(view: string, names: ProtectedNames): ViewHit[] {
  const hits: ViewHit[] = findIdentifierLeaks(view).map((leak) => ({ offset: leak.index, kind: leak.kind }));
  for (const index of names.find(view)) hits.push({ offset: index, kind: 'NAME' });
  return hits;
}

/** All hits in one byte stream, in every view that applies, each (offset, kind) once, in offset order. */
export function scanBytes(bytes: Uint8Array, names: ProtectedNames): ViewHit[] {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const seen = new Map<string, ViewHit>();
  const add = (hit: ViewHit): void => {
    const key = `${hit.offset}:${hit.kind}`;
    if (!seen.has(key)) seen.set(key, hit);
  };
  for (const hit of scanView(raw, names)) add(hit);
  const decoded = decodeEscapes(raw);
  if (decoded !== null) {
    for (const hit of scanView(decoded.view, names)) {
      add({ offset: decoded.offsets[hit.offset]!, kind: hit.kind });
    }
  }
  const pagefind = pagefindCborView(bytes);
  if (pagefind !== null) for (const hit of scanView(pagefind, names)) add(hit);
  return [...seen.values()].sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
}

// Synchronous reads: a site is thousands of small files, and each asynchronous read is four trips
// through libuv's thread pool (open, stat, read, close); reading them in turn measured a third of the
// scan's time. The scan yields to the event loop between files (see scanForLeaks) so that a build's
// other work (Pagefind's replies) keeps moving.
function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(full);
    } else if (entry.isFile()) {
      yield full;
    } else if (entry.isSymbolicLink()) {
      // A link to a file is read like a file; links to directories are not followed (no cycles).
      let target: ReturnType<typeof statSync> | undefined;
      try {
        target = statSync(full);
      } catch {
        target = undefined;
      }
      if (target?.isFile()) yield full;
    }
  }
}

function inflate(
  bytes: Uint8Array,
  file: string,
  names: ProtectedNames,
  depth: number,
  hits: LeakHit[],
  unreadable: UnreadableFile[],
): void {
  const brotli = depth === 1 && file.toLowerCase().endsWith('.br');
  if (!isGzip(bytes) && !brotli) return;
  let inflated: Buffer;
  try {
    inflated = brotli && !isGzip(bytes) ? brotliDecompressSync(bytes) : gunzipSync(bytes);
  } catch {
    unreadable.push({ file, reason: brotli && !isGzip(bytes) ? 'BROTLI' : 'GZIP' });
    return;
  }
  for (const hit of scanBytes(inflated, names)) hits.push({ file, ...hit, inflated: true });
  if (depth < MAX_INFLATE_DEPTH) inflate(inflated, file, names, depth + 1, hits, unreadable);
}

export async function scanForLeaks(dir: string, options: LeakScanOptions): Promise<LeakScanResult> {
  const given = options.protectedNames;
  const names = 'compiled' in given ? given.compiled : compileProtectedNames(given);
  const root = path.resolve(dir);
  const hits: LeakHit[] = [];
  const unreadable: UnreadableFile[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  let filesSkipped = 0;
  let sinceYield = 0;
  for (const full of walk(root)) {
    if (++sinceYield === 64) {
      sinceYield = 0;
      await new Promise((resume) => setImmediate(resume));
    }
    const file = path.relative(root, full).split(path.sep).join('/');
    if (options.skipFile?.(file)) {
      filesSkipped++;
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch {
      unreadable.push({ file, reason: 'READ' });
      continue;
    }
    filesScanned++;
    bytesScanned += bytes.length;
    for (const hit of scanBytes(bytes, names)) hits.push({ file, ...hit });
    inflate(bytes, file, names, 1, hits, unreadable);
  }
  return { filesScanned, bytesScanned, filesSkipped, hits, unreadable };
}
