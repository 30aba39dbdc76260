import type * as pagefind from 'pagefind';

// The page feed of the search index built while Astro renders (integrations/search-while-rendering.ts):
// the integration opens it on the build's global object, the middleware hands it each finished page.
// Kept apart from the integration so the pages' bundle never loads Pagefind's Node API.
export const FEED = Symbol.for('sunshine.portal.searchFeed');

export interface Feed {
  index: pagefind.PagefindIndex;
  adds: Promise<{ errors: string[] }>[];
  pages: number;
  maxPages: number;
  overflow: boolean;
}

export type WithFeed = typeof globalThis & { [FEED]?: Feed };

/** Whether a build is feeding the search index now (the middleware reads each page only then). */
export function searchFeedActive(): boolean {
  const feed = (globalThis as WithFeed)[FEED];
  return feed !== undefined && !feed.overflow;
}

/** Middleware side: offers one rendered page (its site path, e.g. `/regions/x/`, and its final HTML). */
export function offerRenderedPage(pathname: string, html: string): void {
  const feed = (globalThis as WithFeed)[FEED];
  if (!feed || feed.overflow) return;
  if (++feed.pages > feed.maxPages) {
    feed.overflow = true;
    return;
  }
  const added = feed.index.addHTMLFile({ sourcePath: outputFileOf(pathname), content: html });
  // Awaited when the build is done; a failure must not end the process before that.
  added.catch(() => {});
  feed.adds.push(added);
}

/** The file Astro writes a page to (`build.format: 'directory'`, trailing slashes). */
export function outputFileOf(pathname: string): string {
  const path = decodeURI(pathname).replace(/^\/+/, '');
  if (path === '') return 'index.html';
  if (path.endsWith('.html')) return path;
  if (path === '404' || path === '500') return `${path}.html`;
  return `${path.replace(/\/+$/, '')}/index.html`;
}
