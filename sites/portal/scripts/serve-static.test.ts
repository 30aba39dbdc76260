import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from './serve-static.ts';

/** fetch() normalises `..` away, so traversal attempts go through a raw request. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveStatic', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sunshine-static-'));
    const site = join(root, 'site');
    await mkdir(join(site, 'policies'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<p>首页</p>');
    await writeFile(join(site, 'policies/index.html'), '<p>列表</p>');
    await writeFile(join(site, 'feed.xml'), '<rss/>');
    await writeFile(join(site, '404.html'), '<p>页面未找到</p>');
    await writeFile(join(root, 'secret.txt'), 'secret');
    server = await serveStatic({ dir: site, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html for folders, with content types', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<p>首页</p>');
    expect(await (await fetch(`${server.url}/policies/`)).text()).toBe('<p>列表</p>');
    const feed = await fetch(`${server.url}/feed.xml`);
    expect(feed.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  });

  it('redirects a folder without its trailing slash', async () => {
    const response = await fetch(`${server.url}/policies`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/policies/');
  });

  it('answers unknown paths with the 404 page', async () => {
    const response = await fetch(`${server.url}/nope/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<p>页面未找到</p>');
  });

  it('never serves files outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const { status, body } = await rawGet(server.url, path);
      expect(body).not.toBe('secret');
      expect(status).toBe(404);
    }
  });
});
