import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { FEED, type WithFeed } from '../lib/search-feed.ts';

/**
 * Builds the Pagefind index while Astro renders, instead of reading the finished site afterwards: each
 * rendered HTML page is handed to Pagefind's backend (a process of its own, so it parses on the other
 * core while this one renders the next page), and the index is written when the build is done. The
 * pages are the bytes Astro writes, under the paths it writes them to, so the index equals one built
 * from the folder (`scripts/index-search.ts`; the build test compares the two).
 *
 * Only when `PORTAL_SEARCH_WHILE_RENDERING` names a report file (buildPortal does, for a build that
 * renders every page into one bundle): an incremental build renders only changed pages, and a site
 * above `PORTAL_SEARCH_MAX_PAGES` is indexed in bundles afterwards. Past that many pages the feed stops
 * and writes nothing, and the report says so.
 */
export interface SearchWhileRenderingReport {
  written: boolean;
  pages: number;
  ms: number;
}

export function searchWhileRendering(): AstroIntegration {
  let report: string | undefined;
  let started = 0;
  return {
    name: 'sunshine-search-while-rendering',
    hooks: {
      'astro:build:start': async () => {
        report = process.env.PORTAL_SEARCH_WHILE_RENDERING || undefined;
        // A feed left by a build that failed half-way (a warm build process lives on): end its backend.
        if ((globalThis as WithFeed)[FEED]) {
          delete (globalThis as WithFeed)[FEED];
          await pagefind.close();
        }
        if (!report) return;
        started = performance.now();
        const created = await pagefind.createIndex({});
        if (!created.index) throw new Error(`pagefind: ${created.errors.join('; ')}`);
        (globalThis as WithFeed)[FEED] = {
          index: created.index,
          adds: [],
          pages: 0,
          maxPages: Number(process.env.PORTAL_SEARCH_MAX_PAGES ?? 20_000),
          overflow: false,
        };
      },
      'astro:build:done': async ({ dir }) => {
        const feed = (globalThis as WithFeed)[FEED];
        delete (globalThis as WithFeed)[FEED];
        if (!report || !feed) return;
        try {
          const added = await Promise.all(feed.adds);
          const errors = added.flatMap((result) => result.errors);
          if (errors.length > 0) throw new Error(`pagefind: ${errors.join('; ')}`);
          if (!feed.overflow) {
            const written = await feed.index.writeFiles({
              outputPath: fileURLToPath(new URL('pagefind/', dir)),
            });
            if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
          }
          const result: SearchWhileRenderingReport = {
            written: !feed.overflow,
            pages: feed.overflow ? 0 : feed.pages,
            ms: performance.now() - started,
          };
          await writeFile(report, JSON.stringify(result));
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
