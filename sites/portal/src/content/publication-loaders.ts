import { statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '@sunshine/disclosure/publication-files';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readPolicyNotices } from './policy-notice.ts';
import {
  PublicationFileError,
  type Publications,
  readPublications,
  resolvePublicationsDir,
} from './read-publications.ts';
import { renderPolicyMarkdown } from './render-policy-markdown.ts';

export interface PublicationLoaderOptions {
  /** Absolute path; defaults to `SUNSHINE_PUBLICATIONS_DIR`, then `<repo root>/var/publications`. */
  publicationsDir?: string;
}

// Every collection reads the same publication; one read (and one hash check of every file) serves them
// all, until the manifest changes (a new export in dev).
const reads = new Map<string, Promise<Publications>>();
function readOnce(dir: string): Promise<Publications> {
  const stamp = (() => {
    try {
      const info = statSync(join(dir, MANIFEST_FILE));
      return `${info.mtimeMs}:${info.size}`;
    } catch {
      return 'none';
    }
  })();
  const key = `${dir}\u0000${stamp}`;
  let read = reads.get(key);
  if (!read) {
    reads.clear();
    read = readPublications(dir);
    reads.set(key, read);
    read.catch(() => reads.delete(key));
  }
  return read;
}

async function load(context: LoaderContext, options: PublicationLoaderOptions): Promise<Publications> {
  const dir = options.publicationsDir ?? resolvePublicationsDir(context.config.root);
  const publications = await readOnce(dir);
  if (publications.datasets.size === 0) context.logger.warn(`没有发布的数据集 (no datasets in ${dir})`);
  for (const warning of publications.warnings) context.logger.warn(warning);
  // Each build mirrors the publication exactly: an entry dropped from it must disappear from the site.
  context.store.clear();
  return publications;
}

/** One entry per dataset file, id = disclosure slug. */
export function datasetsLoader(options: PublicationLoaderOptions = {}): Loader {
  return {
    name: 'sunshine-datasets',
    load: async (context) => {
      const publications = await load(context, options);
      for (const [slug, { dataset }] of publications.datasets) {
        const data = await context.parseData({ id: slug, data: { ...dataset } });
        context.store.set({ id: slug, data, digest: context.generateDigest(data) });
      }
    },
  };
}

/** One entry per approved query, id = disclosure slug. */
export function queriesLoader(options: PublicationLoaderOptions = {}): Loader {
  return {
    name: 'sunshine-queries',
    load: async (context) => {
      const publications = await load(context, options);
      for (const [slug, { query }] of publications.queries) {
        const data = await context.parseData({ id: slug, data: { ...query } });
        context.store.set({ id: slug, data, digest: context.generateDigest(data) });
      }
    },
  };
}

/** One entry per row of the policy-notices dataset, id = row id, body rendered to safe HTML. */
export function policiesLoader(options: PublicationLoaderOptions = {}): Loader {
  return {
    name: 'sunshine-policies',
    load: async (context) => {
      const publications = await load(context, options);
      for (const notice of readPolicyNotices(publications)) {
        let html: string;
        try {
          html = renderPolicyMarkdown(notice.bodyMarkdown);
        } catch (error) {
          throw new PublicationFileError(notice.sourceFile, `row ${notice.id}: ${(error as Error).message}`);
        }
        const data = await context.parseData({ id: notice.id, data: { ...notice } });
        context.store.set({ id: notice.id, data, digest: context.generateDigest(data), rendered: { html } });
      }
    },
  };
}

/** One entry per release history, id = disclosure slug (newest release first). */
export function releasesLoader(options: PublicationLoaderOptions = {}): Loader {
  return {
    name: 'sunshine-releases',
    load: async (context) => {
      const publications = await load(context, options);
      for (const [slug, release] of publications.releases) {
        const data = await context.parseData({ id: slug, data: { slug, ...release } });
        context.store.set({ id: slug, data, digest: context.generateDigest(data) });
      }
    },
  };
}

/** The manifest as one entry, id `manifest`, with the sha256 of its bytes; absent before a first run. */
export function manifestLoader(options: PublicationLoaderOptions = {}): Loader {
  return {
    name: 'sunshine-manifest',
    load: async (context) => {
      const publications = await load(context, options);
      if (!publications.manifest || !publications.manifestSha256) return;
      const data = await context.parseData({
        id: 'manifest',
        data: { ...publications.manifest, sha256: publications.manifestSha256 },
      });
      context.store.set({ id: 'manifest', data, digest: context.generateDigest(data) });
    },
  };
}
