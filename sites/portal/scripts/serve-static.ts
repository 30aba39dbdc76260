import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface ServeStaticOptions {
  dir: string;
  /** 0 picks any free port. */
  port: number;
  host?: string;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

async function fileAt(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

/** A small static file server for the built portal: for tests and local previews, not production. */
export async function serveStatic({
  dir,
  port,
  host = '127.0.0.1',
}: ServeStaticOptions): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const target = resolve(root, `.${pathname}`);
    // The URL parser already folds `..`, but an encoded separator or NUL could still escape the root.
    const inside = (target === root || target.startsWith(root + sep)) && !pathname.includes('\0');
    const found = inside ? await fileAt(target) : undefined;
    if (
      found &&
      !pathname.endsWith('/') &&
      found.endsWith(`${sep}index.html`) &&
      !target.endsWith('index.html')
    ) {
      // Keep one URL per page, the form with the trailing slash that the site links to.
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const notFound = found ? undefined : await fileAt(join(root, '404.html'));
    const file = found ?? notFound;
    const status = found ? 200 : 404;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到');
      return;
    }
    response.writeHead(status, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ready());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.env.PORT ?? 4321);
  const { url } = await serveStatic({ dir, port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`serving ${dir} at ${url}/`);
}
