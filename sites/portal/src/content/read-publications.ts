import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ApprovedQuery,
  approvedQuerySchema,
  type Dataset,
  datasetSchema,
  type Manifest,
  manifestSchema,
} from '@sunshine/disclosure/dataset';
import { datasetFile, MANIFEST_FILE, queryFile } from '@sunshine/disclosure/publication-files';
import { prettifyError, type ZodType } from 'zod';
import { type ReleaseEntry, releaseHistorySchema } from './public-rows.ts';

/** A publication file that the portal refuses to build from; the message names the file. */
export class PublicationFileError extends Error {
  override readonly name = 'PublicationFileError';
  readonly file: string;
  readonly detail: string;
  constructor(file: string, detail: string) {
    super(`发布文件无效 / invalid publication file ${file}:\n${detail}`);
    this.file = file;
    this.detail = detail;
  }
}

export interface DatasetFile {
  /** Path relative to the publications folder, as in the manifest. */
  file: string;
  dataset: Dataset;
}

export interface QueryFile {
  file: string;
  query: ApprovedQuery;
}

export interface ReleaseFile {
  file: string;
  /** Newest first. */
  entries: ReleaseEntry[];
}

export interface Publications {
  dir: string;
  manifest: Manifest | undefined;
  /** sha256 of the manifest file's bytes: the one hash that pins the whole release. */
  manifestSha256: string | undefined;
  /** Keyed by disclosure slug, sorted by slug. */
  datasets: Map<string, DatasetFile>;
  queries: Map<string, QueryFile>;
  /** Release histories (`releases/<slug>.json`), read leniently: an unreadable one is left out with a warning. */
  releases: Map<string, ReleaseFile>;
  /** What was left out, for the build log. */
  warnings: string[];
}

/** Where a disclosure's release history is written, relative to the publications folder. */
export const releaseFile = (slug: string): string => `releases/${slug}.json`;

export const sha256Hex = (content: string | Uint8Array): string =>
  createHash('sha256').update(content).digest('hex');

/**
 * `SUNSHINE_PUBLICATIONS_DIR` when set, else `<repo root>/var/publications`, found from the portal root
 * (`sites/portal`) Astro hands to loaders, because bundled config code has no reliable own location.
 */
export function resolvePublicationsDir(portalRoot: URL, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.SUNSHINE_PUBLICATIONS_DIR;
  if (fromEnv) return fromEnv;
  return fileURLToPath(new URL('../../var/publications', portalRoot));
}

/**
 * Reads and re-validates every file of a publication: the manifest, each dataset and each approved
 * query, and that they agree (hashes, slugs, row counts). A missing or empty folder is an empty
 * publication, so a fresh checkout still builds.
 */
export async function readPublications(dir: string): Promise<Publications> {
  const empty: Publications = {
    dir,
    manifest: undefined,
    manifestSha256: undefined,
    datasets: new Map(),
    queries: new Map(),
    releases: new Map(),
    warnings: [],
  };
  if (!existsSync(dir)) return empty;

  const datasetPaths = await listJson(dir, 'datasets');
  const queryPaths = await listJson(dir, 'queries');
  const manifestPresent = existsSync(join(dir, MANIFEST_FILE));
  if (!manifestPresent) {
    if (datasetPaths.length === 0 && queryPaths.length === 0) return empty;
    throw new PublicationFileError(MANIFEST_FILE, '缺少清单文件，但发布目录中有数据文件 (manifest missing)');
  }

  const manifestBytes = await readFile(join(dir, MANIFEST_FILE));
  const manifest = parseWith(manifestSchema, MANIFEST_FILE, manifestBytes.toString('utf8'));
  const contents = await verifyManifest(dir, manifest, [...datasetPaths, ...queryPaths]);

  const queries = new Map<string, QueryFile>();
  for (const file of queryPaths) {
    const query = parseWith(approvedQuerySchema, file, contents.get(file)!);
    expectSlugMatchesFile(file, query.slug, queryFile);
    const actual = sha256Hex(query.document);
    if (actual !== query.documentSha256) {
      throw new PublicationFileError(
        file,
        `documentSha256 与查询文本不符 (declared ${query.documentSha256}, document hashes to ${actual})`,
      );
    }
    queries.set(query.slug, { file, query });
  }

  const datasets = new Map<string, DatasetFile>();
  for (const file of datasetPaths) {
    const dataset = parseWith(datasetSchema, file, contents.get(file)!);
    const { provenance } = dataset;
    expectSlugMatchesFile(file, provenance.slug, datasetFile);
    if (provenance.rowCount !== dataset.rows.length) {
      throw new PublicationFileError(
        file,
        `provenance.rowCount 为 ${provenance.rowCount}，实际有 ${dataset.rows.length} 行`,
      );
    }
    const query = queries.get(provenance.slug);
    if (!query) {
      throw new PublicationFileError(file, `缺少对应的已批准查询 ${queryFile(provenance.slug)}`);
    }
    if (query.query.documentSha256 !== provenance.documentSha256) {
      throw new PublicationFileError(
        file,
        `provenance.documentSha256 与 ${query.file} 不一致 (${provenance.documentSha256} ≠ ${query.query.documentSha256})`,
      );
    }
    datasets.set(provenance.slug, { file, dataset });
  }

  const warnings: string[] = [];
  const releases = new Map<string, ReleaseFile>();
  for (const file of await listJson(dir, 'releases')) {
    const slug = basename(file, '.json');
    const text = contents.get(file) ?? (await readFile(join(dir, file), 'utf8'));
    try {
      releases.set(slug, { file, entries: parseWith(releaseHistorySchema, file, text) });
    } catch (error) {
      warnings.push(`发布历史无法读取，已略过 (release history skipped): ${(error as Error).message}`);
    }
  }

  return { dir, manifest, manifestSha256: sha256Hex(manifestBytes), datasets, queries, releases, warnings };
}

// A build reads one publication many times (the policy collection, every page's data): one read and one
// hash check of every file serves them all. A warm build process (scripts/astro-build-server.ts) keeps
// its modules from one build to the next, so the read is also keyed by the build it serves
// (`SUNSHINE_BUILD_GENERATION`, set by that process before each build) and by the manifest file's state.
const reads = new Map<string, Promise<Publications>>();

/** `readPublications(dir)`, read once per build and state of the manifest file within this process. */
export function readPublicationsOnce(dir: string): Promise<Publications> {
  const stamp = (() => {
    try {
      const info = statSync(join(dir, MANIFEST_FILE));
      return `${info.mtimeMs}:${info.size}`;
    } catch {
      return 'none';
    }
  })();
  const key = `${dir}\u0000${stamp}\u0000${process.env.SUNSHINE_BUILD_GENERATION ?? ''}`;
  let read = reads.get(key);
  if (!read) {
    reads.clear();
    read = readPublications(dir);
    reads.set(key, read);
    read.catch(() => reads.delete(key));
  }
  return read;
}

/** Parses JSON and validates it, turning both kinds of failure into an error naming the file. */
export function parseWith<T>(schema: ZodType<T>, file: string, text: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PublicationFileError(file, `不是有效的 JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new PublicationFileError(file, prettifyError(result.error));
  return result.data;
}

async function listJson(dir: string, folder: string): Promise<string[]> {
  const full = join(dir, folder);
  if (!existsSync(full)) return [];
  const names = await readdir(full);
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => relative(dir, join(full, name)).split(sep).join('/'));
}

/** Every listed file must exist with its hash, and every data file must be listed. */
async function verifyManifest(
  dir: string,
  manifest: Manifest,
  present: string[],
): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const full = join(dir, entry.path);
    if (entry.path.split('/').includes('..') || !existsSync(full)) {
      throw new PublicationFileError(MANIFEST_FILE, `清单列出的文件不存在: ${entry.path}`);
    }
    const bytes = await readFile(full);
    const actual = sha256Hex(bytes);
    if (actual !== entry.sha256 || bytes.byteLength !== entry.bytes) {
      throw new PublicationFileError(
        entry.path,
        `内容与清单不符 (manifest sha256 ${entry.sha256}, ${entry.bytes} bytes; file sha256 ${actual}, ${bytes.byteLength} bytes)`,
      );
    }
    contents.set(entry.path, bytes.toString('utf8'));
  }
  for (const file of present) {
    if (!listed.has(file)) throw new PublicationFileError(file, `文件未列入 ${MANIFEST_FILE}`);
  }
  return contents;
}

function expectSlugMatchesFile(file: string, slug: string, expected: (slug: string) => string): void {
  if (expected(slug) !== file) {
    throw new PublicationFileError(file, `slug "${slug}" 与文件名 ${basename(file)} 不一致`);
  }
}
