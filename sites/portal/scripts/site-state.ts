// What a built site folder holds, file by file (size, modification time, sha256), so that an incremental
// build reads only the files that changed: hashes are reused while a file's size and mtime are the same,
// and two folders are brought level by copying only the files whose hashes differ.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

export interface FileRecord {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** Relative path ('/' separators) → record. */
export type SiteRecord = Map<string, FileRecord>;

export async function listSiteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = join(entry.parentPath, entry.name).slice(dir.length + 1);
    files.push(sep === '/' ? relative : relative.split(sep).join('/'));
  }
  return files.sort();
}

/** Records every file of `dir`, hashing only files whose size or mtime differ from `known`. */
export async function recordSite(
  dir: string,
  known: SiteRecord = new Map(),
): Promise<{ record: SiteRecord; hashed: number }> {
  const record: SiteRecord = new Map();
  let hashed = 0;
  for (const file of await listSiteFiles(dir)) {
    const info = await stat(join(dir, file));
    const previous = known.get(file);
    if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs) {
      record.set(file, previous);
      continue;
    }
    const sha256 = createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
    hashed++;
    record.set(file, { size: info.size, mtimeMs: info.mtimeMs, sha256 });
  }
  return { record, hashed };
}

/**
 * Makes `target` hold what `source` holds, given both folders' records: copies the files whose content
 * differs, deletes the files `source` does not have. Returns `target`'s new record.
 */
export async function syncSite(
  source: string,
  sourceRecord: SiteRecord,
  target: string,
  targetRecord: SiteRecord,
): Promise<{ record: SiteRecord; copied: number; deleted: number }> {
  const record: SiteRecord = new Map();
  let copied = 0;
  let deleted = 0;
  const made = new Set<string>();
  for (const [file, wanted] of sourceRecord) {
    const have = targetRecord.get(file);
    if (have && have.sha256 === wanted.sha256) {
      record.set(file, have);
      continue;
    }
    const to = join(target, file);
    const folder = dirname(to);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    // A fresh file, never a write into an existing one: a hard link elsewhere must not see the change.
    await rm(to, { force: true });
    await copyFile(join(source, file), to);
    const info = await stat(to);
    record.set(file, { size: info.size, mtimeMs: info.mtimeMs, sha256: wanted.sha256 });
    copied++;
  }
  for (const file of targetRecord.keys()) {
    if (sourceRecord.has(file)) continue;
    await rm(join(target, file), { force: true });
    deleted++;
  }
  return { record, copied, deleted };
}

export async function saveSiteRecord(file: string, record: SiteRecord): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(Object.fromEntries(record)));
}

export async function loadSiteRecord(file: string): Promise<SiteRecord | null> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, FileRecord>));
  } catch {
    return null;
  }
}
