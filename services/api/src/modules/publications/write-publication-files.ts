import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '@sunshine/disclosure/dataset';
import { datasetFile, MANIFEST_FILE, queryFile, releaseFile } from '@sunshine/disclosure/publication-files';
import { canonicalJson } from '../../canonical-json.ts';
import type { AuditChainHead } from '../audit/audit-chain.ts';
import type { PublicationFiles } from './publication.service.ts';

/**
 * The manifest with the audit chain head the run saw (ADR 0007), so that anyone holding a
 * publication can later ask whether the audit log still passes through it.
 */
export type PublishedManifest = Manifest & { auditChainHead?: AuditChainHead };

/**
 * Writes datasets, their approved queries and release histories into the publications folder,
 * keeping the files of disclosures this run did not touch, then rewrites the manifest over every
 * file present.
 * Each file is written to a temporary name and renamed, so a reader never sees half a file.
 */
export async function writePublicationFiles(dir: string, files: PublicationFiles): Promise<void> {
  await mkdir(path.join(dir, 'datasets'), { recursive: true });
  await mkdir(path.join(dir, 'queries'), { recursive: true });
  await mkdir(path.join(dir, 'releases'), { recursive: true });
  for (const dataset of files.datasets) {
    await writeAtomically(path.join(dir, datasetFile(dataset.provenance.slug)), canonicalJson(dataset));
  }
  for (const query of files.queries) {
    await writeAtomically(path.join(dir, queryFile(query.slug)), canonicalJson(query));
  }
  for (const history of files.releases) {
    await writeAtomically(path.join(dir, releaseFile(history.slug)), canonicalJson(history.releases));
  }
  const manifest: PublishedManifest = {
    runId: files.runId,
    runAt: files.runAt.toISOString(),
    ...(files.auditChainHead ? { auditChainHead: files.auditChainHead } : {}),
    files: [],
  };
  for (const folder of ['datasets', 'queries', 'releases']) {
    const names = (await readdir(path.join(dir, folder))).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) {
      const bytes = await readFile(path.join(dir, folder, name));
      manifest.files.push({
        path: `${folder}/${name}`,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      });
    }
  }
  await writeAtomically(path.join(dir, MANIFEST_FILE), canonicalJson(manifest));
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
