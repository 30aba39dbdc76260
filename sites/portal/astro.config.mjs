// @ts-check

import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { publicationFiles } from './src/integrations/publication-files.ts';
import { sitemapLanguages } from './src/integrations/sitemap-languages.ts';

// The publication the site is built from: buildPortal names it; a plain `astro dev` or `astro build`
// reads the repository's var/publications. Set here, where this file's own location is known, for the
// pages to read (src/lib/portal-data.ts).
process.env.SUNSHINE_PUBLICATIONS_DIR ??= fileURLToPath(new URL('../../var/publications', import.meta.url));

export default defineConfig({
  site: process.env.PORTAL_SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  // buildPortal gives each build its own cache, so builds from different publications can run at once.
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
  // Every page is a folder with index.html, so every URL ends in a slash; the static server and the
  // sitemap agree on that form.
  trailingSlash: 'always',
  // One stylesheet file, cached and shared by every page instead of repeated inside each page's HTML.
  // Four pages at a time: one page's file is written while the next renders (the same output, measured
  // a fifth faster at county scale; bench/portal-bare-site.ts builds with the same settings).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [
    // Large print repeats the Simplified pages: search engines get the standard ones (canonical links too).
    sitemap(sitemapLanguages((page) => !new URL(page).pathname.startsWith('/large/'))),
    publicationFiles(),
  ],
  // Residents must get a page that works with JavaScript off; the dev toolbar would be the only script.
  devToolbar: { enabled: false },
  // Incremental builds (build-portal.ts with a cacheDir): pages whose getStaticPaths() cacheKey and code are
  // unchanged are copied from the last build. Only then, since it also writes every page into the cache.
  experimental: { incrementalBuild: process.env.PORTAL_INCREMENTAL === '1' },
  vite: {
    environments: {
      // Astro 7.3.5 needs cookie 2 (it nests its own copy), but another workspace hoists cookie 0.7 to the
      // repo root, where the prerender chunk written in this folder would resolve it; bundling cookie
      // resolves it from Astro's own folder instead (Astro does the same for neotraverse, withastro/astro#17508).
      prerender: { resolve: { noExternal: ['cookie'] } },
    },
  },
});
