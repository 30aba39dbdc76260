// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.PORTAL_SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  // buildPortal gives each build its own cache, so builds from different publications can run at once.
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
  // Every page is a folder with index.html, so every URL ends in a slash; the static server and the
  // sitemap agree on that form.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
  // Residents must get a page that works with JavaScript off; the dev toolbar would be the only script.
  devToolbar: { enabled: false },
  vite: {
    environments: {
      // Astro 7.3.5 needs cookie 2 (it nests its own copy), but another workspace hoists cookie 0.7 to the
      // repo root, where the prerender chunk written in this folder would resolve it; bundling cookie
      // resolves it from Astro's own folder instead (Astro does the same for neotraverse, withastro/astro#17508).
      prerender: { resolve: { noExternal: ['cookie'] } },
    },
  },
});
