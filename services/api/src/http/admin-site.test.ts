import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSiteRouter } from './admin-site.ts';

let dir: string;
const servers: Server[] = [];

async function serve(adminDir: string | null): Promise<string> {
  const app = express();
  app.use(adminSiteRouter(adminDir));
  const server = app.listen(0);
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sunshine-admin-site-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dir, 'assets/index-abc123.js'), 'console.log(1)');
});
afterAll(async () => {
  for (const server of servers) server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the admin console on the API origin', () => {
  it('answers every console path with the app, under a strict CSP, never cached', async () => {
    const base = await serve(dir);
    for (const route of ['/admin/', '/admin/policies/7f1d', '/admin/persons?search=x']) {
      const response = await fetch(`${base}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('caches hashed assets for good and answers a missing one with 404, not the app', async () => {
    const base = await serve(dir);
    const asset = await fetch(`${base}/admin/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${base}/admin/assets/gone.js`);
    expect(missing.status).toBe(404);
  });

  it('sends the root and /admin to /admin/', async () => {
    const base = await serve(dir);
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/admin/');
    const bare = await fetch(`${base}/admin`, { redirect: 'manual' });
    expect(bare.headers.get('location')).toBe('/admin/');
  });

  it('says in both languages how to build the console when it is not built', async () => {
    const base = await serve(path.join(dir, 'not-built'));
    const response = await fetch(`${base}/admin/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/管理后台尚未构建.*\n.*admin console is not built/);
  });
});
