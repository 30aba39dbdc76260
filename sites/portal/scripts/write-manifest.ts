import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Manifest, manifestSchema } from '@sunshine/disclosure/dataset';
import { MANIFEST_FILE } from '@sunshine/disclosure/publication-files';
import { sha256Hex } from '../src/content/read-publications.ts';

/**
 * Writes `manifest.json` for a hand-written fixture publication, so its hashes are always right.
 * The API writes real manifests; this is for test fixtures only.
 */
export async function writeManifest(dir: string, run: { runId: string; runAt: string }): Promise<Manifest> {
  const files: Manifest['files'] = [];
  for (const folder of ['datasets', 'queries']) {
    const names = (await readdir(join(dir, folder)).catch(() => []))
      .filter((n) => n.endsWith('.json'))
      .sort();
    for (const name of names) {
      const path = `${folder}/${name}`;
      const bytes = await readFile(join(dir, path));
      files.push({ path, sha256: sha256Hex(bytes), bytes: bytes.byteLength });
    }
  }
  const manifest = manifestSchema.parse({ ...run, files });
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/write-manifest.ts <publications dir>');
  const existing = await readFile(join(dir, MANIFEST_FILE), 'utf8').then(
    (text) => manifestSchema.parse(JSON.parse(text)),
    () => undefined,
  );
  const run = existing ?? { runId: 'fixture', runAt: new Date().toISOString() };
  const manifest = await writeManifest(dir, { runId: run.runId, runAt: run.runAt });
  console.log(`wrote ${join(dir, MANIFEST_FILE)} (${manifest.files.length} files)`);
}
