/**
 * The baseline of bench/portal-build.ts: the barest Astro site that writes the same number of pages
 * of the same size as the portal, generated into a folder of its own. One layout, one dynamic route
 * whose getStaticPaths() reads the pages' text from a JSON file (not bundled: read at build time, as
 * the portal reads its publications) and returns one path per page; same output settings as the
 * portal (static, directory format, trailing slashes), no integrations, no search, no scan.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface BareSiteOptions {
  pages: number;
  /** Bytes of text per page, to match the portal's HTML pages. */
  textBytes: number;
}

// Everyday words of a public notice, so the text is Chinese UTF-8 like the portal's.
const WORDS = [
  ...'关于做好年度农村部分计划生育家庭奖励扶助资格确认和公示工作的通知各乡镇街道计生协请于月底前完成本对象并在村社区务公开栏不少于天',
];

function paragraph(seed: number, characters: number): string {
  let out = '';
  let state = seed >>> 0;
  for (let i = 0; i < characters; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    out += WORDS[state % WORDS.length];
  }
  return out;
}

/** Writes the project (config, layout, route, data) into `dir`; returns the data file's size. */
export async function writeBareAstroSite(
  dir: string,
  repoRoot: string,
  { pages, textBytes }: BareSiteOptions,
): Promise<number> {
  await mkdir(path.join(dir, 'src/pages/p'), { recursive: true });
  await mkdir(path.join(dir, 'src/layouts'), { recursive: true });
  await mkdir(path.join(dir, 'data'), { recursive: true });
  // Astro from the repository's node_modules, as the portal uses it; a folder of its own (not a link to the
  // repository's node_modules), so that Vite and Astro write their caches here, not into the repository.
  await mkdir(path.join(dir, 'node_modules'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules', 'astro'), path.join(dir, 'node_modules', 'astro'), 'dir');
  await writeFile(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bare-site', private: true, type: 'module' })}\n`,
  );
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'http://localhost:4321',
  output: 'static',
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // The same resolution fix as the portal's (see sites/portal/astro.config.mjs).
  vite: { environments: { prerender: { resolve: { noExternal: ['cookie'] } } } },
});
`,
  );
  await writeFile(
    path.join(dir, 'src/layouts/Layout.astro'),
    `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><main><slot /></main></body>
</html>
`,
  );
  await writeFile(
    path.join(dir, 'src/pages/p/[id].astro'),
    `---
import { readFileSync } from 'node:fs';
import Layout from '../../layouts/Layout.astro';
export function getStaticPaths() {
  // The bundled page no longer sits next to its source, and the build runs in a folder of its own
  // (run-astro-build.ts): the data file's absolute path is written in here.
  const pages = JSON.parse(readFileSync(${JSON.stringify(path.resolve(dir, 'data/pages.json'))}, 'utf8'));
  return pages.map((page) => ({ params: { id: page.id }, props: { page } }));
}
const { page } = Astro.props;
---
<Layout title={page.title}>
  <h1>{page.title}</h1>
  {page.paragraphs.map((text) => <p>{text}</p>)}
</Layout>
`,
  );
  // Three bytes per Chinese character; paragraphs of 200 characters.
  const characters = Math.max(1, Math.round(textBytes / 3));
  const data = Array.from({ length: pages }, (_, i) => {
    const paragraphs: string[] = [];
    for (let left = characters, p = 0; left > 0; left -= 200, p++)
      paragraphs.push(paragraph(i * 1000 + p, Math.min(200, left)));
    return { id: String(i + 1).padStart(6, '0'), title: `第 ${i + 1} 页`, paragraphs };
  });
  const text = JSON.stringify(data);
  await writeFile(path.join(dir, 'data/pages.json'), text);
  return Buffer.byteLength(text);
}
