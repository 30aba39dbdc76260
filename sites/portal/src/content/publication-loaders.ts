import { renderPolicyMarkdown } from '@sunshine/disclosure/render-policy-markdown';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readPolicyNotices } from './policy-notice.ts';
import {
  PublicationFileError,
  type Publications,
  readPublicationsOnce,
  resolvePublicationsDir,
} from './read-publications.ts';

export interface PublicationLoaderOptions {
  /** Absolute path; defaults to `SUNSHINE_PUBLICATIONS_DIR`, then `<repo root>/var/publications`. */
  publicationsDir?: string;
}

async function load(context: LoaderContext, options: PublicationLoaderOptions): Promise<Publications> {
  const dir = options.publicationsDir ?? resolvePublicationsDir(context.config.root);
  const publications = await readPublicationsOnce(dir);
  if (publications.datasets.size === 0) context.logger.warn(`没有发布的数据集 (no datasets in ${dir})`);
  for (const warning of publications.warnings) context.logger.warn(warning);
  // Each build mirrors the publication exactly: an entry dropped from it must disappear from the site.
  context.store.clear();
  return publications;
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
