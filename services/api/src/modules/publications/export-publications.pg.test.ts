import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  const run = await t.graphql('mutation { runPublication { id } }', {}, approver);
  expect(run.errors).toBeUndefined();

  expect(await exportPublications(t.db.ownerUrl, exportDir)).toBe(1);
  for (const file of ['datasets/policy-notices.json', 'queries/policy-notices.json', 'manifest.json']) {
    const written = await readFile(path.join(t.publicationsDir, file), 'utf8');
    expect(await readFile(path.join(exportDir, file), 'utf8'), file).toBe(written);
  }
});
