import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeManifest } from '../../scripts/write-manifest.ts';

/** The hand-written newsroom publication the tests build from. */
export const NEWSROOM_PUBLICATIONS = fileURLToPath(
  new URL('../../__tests__/newsroom/publications', import.meta.url),
);

/** A writable copy of the newsroom fixture, so a test can break one file without touching the others. */
export async function copyNewsroomFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sunshine-publications-'));
  await cp(NEWSROOM_PUBLICATIONS, dir, { recursive: true });
  return dir;
}

/** Rewrites one JSON file of a fixture copy and refreshes the manifest so only the edit is wrong. */
export async function editFixtureFile(
  dir: string,
  path: string,
  edit: (value: Record<string, unknown>) => unknown,
): Promise<void> {
  const value = JSON.parse(await readFile(join(dir, path), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, path), JSON.stringify(edit(value), null, 2));
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
    runId: string;
    runAt: string;
  };
  await writeManifest(dir, { runId: manifest.runId, runAt: manifest.runAt });
}
