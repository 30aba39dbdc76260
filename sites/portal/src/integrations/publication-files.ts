import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestSchema } from '@sunshine/disclosure/dataset';
import { MANIFEST_FILE } from '@sunshine/disclosure/publication-files';
import type { AstroIntegration } from 'astro';
import { resolvePublicationsDir } from '../content/read-publications.ts';

/** Where the site publishes the publication's own files, byte for byte, so their hashes can be checked. */
export const PUBLICATION_PATH = 'publication';

/**
 * Copies the publication the site was built from into `<site>/publication/`: the manifest, every file
 * it lists and the release histories. The JSON downloads are these files, so their SHA-256 equals the
 * manifest's; nothing else in the publications folder is copied.
 */
export async function copyPublicationFiles(publicationsDir: string, siteDir: string): Promise<number> {
  const manifestPath = join(publicationsDir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return 0;
  const manifest = manifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  const releases = existsSync(join(publicationsDir, 'releases'))
    ? (await readdir(join(publicationsDir, 'releases')))
        .filter((n) => n.endsWith('.json'))
        .map((n) => `releases/${n}`)
    : [];
  const paths = new Set([MANIFEST_FILE, ...manifest.files.map((f) => f.path), ...releases]);
  const target = join(siteDir, PUBLICATION_PATH);
  for (const path of paths) {
    if (path.split('/').includes('..') || !/^[\w./-]+\.json$/.test(path)) continue;
    const to = join(target, path);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(publicationsDir, path), to);
  }
  return paths.size;
}

export function publicationFiles(): AstroIntegration {
  let root: URL | undefined;
  return {
    name: 'sunshine-publication-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!root) return;
        const copied = await copyPublicationFiles(resolvePublicationsDir(root), fileURLToPath(dir));
        logger.info(`${copied} publication files copied to /${PUBLICATION_PATH}/`);
      },
    },
  };
}
