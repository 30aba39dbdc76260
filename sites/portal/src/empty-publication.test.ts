import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPortal } from '../scripts/build-portal.ts';

// Regression: a fresh checkout (nothing published yet) must still produce a site, not a crash.
describe('building from an empty publications folder', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('builds a home page that says there are no notices yet', { timeout: 180_000 }, async () => {
    const publicationsDir = await mkdtemp(join(tmpdir(), 'sunshine-empty-pub-'));
    const outDir = await mkdtemp(join(tmpdir(), 'sunshine-empty-site-'));
    dirs.push(publicationsDir, outDir);
    await buildPortal({ publicationsDir, outDir });
    const home = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('暂无已公开的政策文件');
    expect(home).toContain('lang="zh-CN"');
    expect(await readdir(outDir)).toEqual(expect.arrayContaining(['404.html', 'feed.xml', 'policies']));
    expect(await readFile(join(outDir, 'feed.xml'), 'utf8')).toContain('<rss');
  });
});
