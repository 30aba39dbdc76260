import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  /** Pages Pagefind indexed (pages with `data-pagefind-body`, or every page when none has it). */
  pages: number;
  ms: number;
}

/**
 * Builds the Pagefind search index of a built site into `<siteDir>/pagefind/`. Pagefind indexes the
 * pages' text only; pages keep bulky tables out of it with `data-pagefind-ignore` (indexing whole data
 * pages measured 4 GB of memory at 20,000 pages).
 */
export async function indexSearch(siteDir: string): Promise<SearchIndexResult> {
  const started = performance.now();
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`pagefind: ${created.errors.join('; ')}`);
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await created.index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count, ms: performance.now() - started };
  } finally {
    // The Node API drives a Pagefind binary; stop it so that no process outlives the build.
    await pagefind.close();
  }
}

/**
 * Whether the search index already in `<siteDir>/pagefind/` still fits after the given pages changed
 * (no page was added or removed). Pagefind names each page's fragment after its content, and the word
 * index and metadata are made from the fragments alone; so when every changed page, indexed on its own,
 * gives a fragment the index already has, indexing the whole site again would give the same index.
 * A change inside `data-pagefind-ignore` (a table cell) or outside the indexed body leaves the fragment as
 * it was.
 */
export async function searchIndexStillFits(
  siteDir: string,
  changedPages: string[],
  htmlPages: number,
): Promise<boolean> {
  const fragments = join(siteDir, 'pagefind', 'fragment');
  if (!existsSync(fragments)) return false;
  // Fewer fragments than pages: the site marks what to index with data-pagefind-body, and a page without
  // it is not indexed, whatever it says.
  const bodyOnly = (await readdir(fragments)).length < htmlPages;
  const contents: [string, string][] = [];
  for (const page of changedPages) {
    const content = await readFile(join(siteDir, page), 'utf8');
    if (bodyOnly && !content.includes('data-pagefind-body')) continue;
    contents.push([page, content]);
  }
  if (contents.length === 0) return true;
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return false;
    for (const [page, content] of contents) {
      const added = await created.index.addHTMLFile({ sourcePath: page, content });
      if (added.errors.length > 0) return false;
    }
    const { files, errors } = await created.index.getFiles();
    if (errors.length > 0) return false;
    return files
      .filter((file) => file.path.startsWith('fragment/'))
      .every((file) => existsSync(join(siteDir, 'pagefind', file.path)));
  } finally {
    await pagefind.close();
  }
}
