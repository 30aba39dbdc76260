import type { SitemapItem } from '@astrojs/sitemap';

/** The site's languages by their path prefix (none for the default, Simplified Chinese), as hreflang. */
export const SITEMAP_LANGUAGES: Readonly<Record<string, string>> = {
  zh: 'zh-CN',
  'zh-hant': 'zh-Hant',
  en: 'en',
};
const DEFAULT_PREFIX = 'zh';

function languageOf(url: string): { prefix: string; path: string } {
  const pathname = new URL(url).pathname;
  const first = pathname.split('/')[1] ?? '';
  if (first !== DEFAULT_PREFIX && first in SITEMAP_LANGUAGES) {
    return { prefix: first, path: pathname.slice(first.length + 1) || '/' };
  }
  return { prefix: DEFAULT_PREFIX, path: pathname };
}

/**
 * The sitemap's language alternates (`<xhtml:link hreflang>`), in one pass. @astrojs/sitemap's own `i18n`
 * option finds each page's alternates by comparing it with every other page: at province scale (300,000
 * pages) that never finished. Here `filter` sees every page first (it keeps what it is given) and
 * groups them by path, and `serialize` adds each page's group: the same links, in the same order.
 */
export function sitemapLanguages(keep: (page: string) => boolean) {
  const byPath = new Map<string, { url: string; lang: string }[]>();
  let serializing = false;
  return {
    filter(page: string): boolean {
      // A new build: the previous build's pages go (a warm build process keeps this configuration).
      if (serializing) {
        byPath.clear();
        serializing = false;
      }
      if (!keep(page)) return false;
      const { prefix, path } = languageOf(page);
      const group = byPath.get(path) ?? [];
      group.push({ url: page, lang: SITEMAP_LANGUAGES[prefix] ?? prefix });
      byPath.set(path, group);
      return true;
    },
    serialize(item: SitemapItem): SitemapItem {
      serializing = true;
      const group = byPath.get(languageOf(item.url).path);
      if (!group || group.length <= 1) return item;
      group.sort((a, b) => a.url.localeCompare(b.url, 'en', { numeric: true }));
      return { ...item, links: group };
    },
  };
}
