import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY_NOTICES_SLUG } from '@sunshine/disclosure/publication-files';
import { afterEach, describe, expect, it } from 'vitest';
import { copyNewsroomFixture, editFixtureFile, NEWSROOM_PUBLICATIONS } from './fixture-publication.ts';
import { byIssueDateDesc, readPolicyNotices } from './policy-notice.ts';
import {
  PublicationFileError,
  readPublications,
  resolvePublicationsDir,
  sha256Hex,
} from './read-publications.ts';

const cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fixtureCopy(): Promise<string> {
  const dir = await copyNewsroomFixture();
  cleanup.push(dir);
  return dir;
}

describe('readPublications', () => {
  it('loads the newsroom fixture: its manifest hashes and query hash are right', async () => {
    const publications = await readPublications(NEWSROOM_PUBLICATIONS);
    expect([...publications.datasets.keys()]).toEqual([POLICY_NOTICES_SLUG]);
    expect([...publications.queries.keys()]).toEqual([POLICY_NOTICES_SLUG]);
    const query = publications.queries.get(POLICY_NOTICES_SLUG)!.query;
    expect(sha256Hex(query.document)).toBe(query.documentSha256);
    expect(publications.manifest?.files.map((f) => f.path)).toEqual([
      'datasets/policy-notices.json',
      'queries/policy-notices.json',
    ]);
  });

  it('every dataset column of the fixture has a description', async () => {
    const { dataset } = (await readPublications(NEWSROOM_PUBLICATIONS)).datasets.get(POLICY_NOTICES_SLUG)!;
    for (const column of dataset.columns) expect(column.description.trim()).not.toBe('');
  });

  it('treats a missing or empty folder as an empty publication', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sunshine-empty-'));
    cleanup.push(empty);
    expect((await readPublications(empty)).datasets.size).toBe(0);
    expect((await readPublications(join(empty, 'absent'))).queries.size).toBe(0);
  });

  it('rejects a dataset that breaks the contract, naming the file and the field', async () => {
    const dir = await fixtureCopy();
    await editFixtureFile(dir, 'datasets/policy-notices.json', (value) => ({
      ...value,
      provenance: { ...(value.provenance as object), approvedAt: 'yesterday' },
    }));
    const error = await readPublications(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublicationFileError);
    expect((error as PublicationFileError).file).toBe('datasets/policy-notices.json');
    expect((error as Error).message).toMatch(/datasets\/policy-notices\.json[\s\S]*approvedAt/);
  });

  it('rejects a file that is not JSON, naming it', async () => {
    const dir = await fixtureCopy();
    await writeFile(join(dir, 'queries/policy-notices.json'), '{ not json');
    await editFixtureFile(dir, 'manifest.json', (value) => value);
    await expect(readPublications(dir)).rejects.toThrow(/queries\/policy-notices\.json[\s\S]*JSON/);
  });

  it('rejects a file whose content no longer matches the manifest', async () => {
    const dir = await fixtureCopy();
    const path = join(dir, 'datasets/policy-notices.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace('青山县计划生育协会', '青山县计生协'));
    await expect(readPublications(dir)).rejects.toThrow(/datasets\/policy-notices\.json[\s\S]*清单/);
  });

  it('rejects a data file the manifest does not list', async () => {
    const dir = await fixtureCopy();
    await writeFile(join(dir, 'datasets/extra.json'), '{}');
    await expect(readPublications(dir)).rejects.toThrow(/datasets\/extra\.json/);
  });

  it('rejects an approved query whose declared hash is not the hash of its document', async () => {
    const dir = await fixtureCopy();
    await editFixtureFile(dir, 'queries/policy-notices.json', (value) => ({
      ...value,
      document: `${String(value.document)}# edited after approval\n`,
    }));
    await expect(readPublications(dir)).rejects.toThrow(/queries\/policy-notices\.json[\s\S]*documentSha256/);
  });

  it('rejects a dataset whose row count disagrees with its provenance', async () => {
    const dir = await fixtureCopy();
    await editFixtureFile(dir, 'datasets/policy-notices.json', (value) => ({
      ...value,
      rows: (value.rows as unknown[]).slice(1),
    }));
    await expect(readPublications(dir)).rejects.toThrow(/rowCount/);
  });
});

describe('readPolicyNotices', () => {
  it('returns every row with the dataset provenance, newest first when sorted', async () => {
    const notices = readPolicyNotices(await readPublications(NEWSROOM_PUBLICATIONS)).sort(byIssueDateDesc);
    expect(notices).toHaveLength(5);
    expect(notices[0]?.issueDate).toBe('2025-05-20');
    expect(notices.at(-1)?.issueDate).toBe('2024-06-03');
    expect(notices[0]?.provenance.slug).toBe(POLICY_NOTICES_SLUG);
    expect(notices[0]?.sourceFile).toBe('datasets/policy-notices.json');
  });

  it('rejects a malformed row, naming the file and the row', async () => {
    const dir = await fixtureCopy();
    await editFixtureFile(dir, 'datasets/policy-notices.json', (value) => {
      const rows = structuredClone(value.rows) as Record<string, unknown>[];
      rows[2] = { ...rows[2], issueDate: '2025/01/15' };
      return { ...value, rows };
    });
    const publications = await readPublications(dir);
    expect(() => readPolicyNotices(publications)).toThrow(
      /datasets\/policy-notices\.json[\s\S]*rows\[2\][\s\S]*issueDate/,
    );
  });
});

describe('resolvePublicationsDir', () => {
  it('prefers SUNSHINE_PUBLICATIONS_DIR, else <repo root>/var/publications', () => {
    const root = new URL('file:///srv/sunshine/sites/portal/');
    expect(resolvePublicationsDir(root, { SUNSHINE_PUBLICATIONS_DIR: '/srv/pub' })).toBe('/srv/pub');
    expect(resolvePublicationsDir(root, {})).toBe('/srv/sunshine/var/publications');
  });
});
