import { rm } from 'node:fs/promises';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { copyNewsroomFixture, editFixtureFile, NEWSROOM_PUBLICATIONS } from './fixture-publication.ts';
import { policiesLoader } from './publication-loaders.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  rendered?: { html: string };
}

/** Just enough of Astro's loader context to run a loader outside a build. */
function fakeContext(): { context: LoaderContext; entries: Map<string, StoredEntry>; warnings: string[] } {
  const entries = new Map<string, StoredEntry>();
  const warnings: string[] = [];
  const context = {
    collection: 'test',
    config: { root: new URL('file:///srv/sunshine/sites/portal/') },
    logger: {
      warn: (message: string) => warnings.push(message),
      info: () => {},
      error: () => {},
      debug: () => {},
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: unknown) => JSON.stringify(data).length.toString(),
    store: {
      clear: () => entries.clear(),
      set: (entry: StoredEntry) => {
        entries.set(entry.id, entry);
        return true;
      },
    },
  } as unknown as LoaderContext;
  return { context, entries, warnings };
}

describe('policies loader', () => {
  it('load one policy entry per row, with provenance and safe HTML', async () => {
    const options = { publicationsDir: NEWSROOM_PUBLICATIONS };
    const policies = fakeContext();
    await policiesLoader(options).load(policies.context);
    expect(policies.entries.size).toBe(5);
    const notice = policies.entries.get('3f6b2d9e-1c4a-4e8f-a7b5-0d2c9e6f1a01');
    expect(notice?.data.provenance).toMatchObject({ slug: 'policy-notices', rowCount: 5 });
    expect(notice?.rendered?.html).toContain('&lt;script&gt;');
    expect(notice?.rendered?.html).not.toContain('<script');
  });

  it('fail the build on a malformed file, naming it', async () => {
    const dir = await copyNewsroomFixture();
    await editFixtureFile(dir, 'queries/policy-notices.json', (value) => ({
      ...value,
      slug: 'Policy Notices',
    }));
    const { context } = fakeContext();
    try {
      await expect(policiesLoader({ publicationsDir: dir }).load(context)).rejects.toThrow(
        /invalid publication file queries\/policy-notices\.json[\s\S]*slug/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('load nothing, with a warning, from an empty folder', async () => {
    const { context, entries, warnings } = fakeContext();
    await policiesLoader({ publicationsDir: '/nonexistent/publications' }).load(context);
    expect(entries.size).toBe(0);
    expect(warnings.join()).toMatch(/no datasets/);
  });
});
