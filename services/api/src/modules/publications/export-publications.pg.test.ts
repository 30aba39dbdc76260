import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PUBLIC_DISCLOSURES } from '@sunshine/disclosure/disclosures';
import { datasetFile, queryFile, releaseFile } from '@sunshine/disclosure/publication-files';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { exportPublications } from './export-publications.ts';

let t: TestApi;
let exportDir: string;
beforeAll(async () => {
  t = await startTestApi();
  exportDir = await mkdtemp(path.join(tmpdir(), 'sunshine-export-'));
});
afterAll(async () => {
  await t?.close();
  await rm(exportDir, { recursive: true, force: true });
});

// A fresh checkout has a database with publications but no files: `npm start` re-exports them, and
// the portal must then show exactly what the publication run wrote, hashes included.
it('re-exports the latest publication byte for byte as the run wrote it', async () => {
  const approver = await t.signIn('county.approver');
  const run = await t.graphql<{ runPublication: { id: string } }>(
    'mutation { runPublication { id } }',
    {},
    approver,
  );
  expect(run.errors).toBeUndefined();

  // Every disclosure the demo county approved, each with its latest release and its history.
  expect(await exportPublications(t.db.ownerUrl, exportDir)).toBe(PUBLIC_DISCLOSURES.length);
  const files = [
    'manifest.json',
    ...PUBLIC_DISCLOSURES.flatMap(({ slug }) => [datasetFile(slug), queryFile(slug), releaseFile(slug)]),
  ];
  for (const file of files) {
    const written = await readFile(path.join(t.publicationsDir, file), 'utf8');
    expect(await readFile(path.join(exportDir, file), 'utf8'), file).toBe(written);
  }
  // The demo's first release and this run's, newest first.
  const history = JSON.parse(await readFile(path.join(exportDir, releaseFile('policy-notices')), 'utf8'));
  expect(history.map((release: { runId: string }) => release.runId)[0]).toBe(run.data?.runPublication.id);
  expect(history).toHaveLength(2);
});
