import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/**
 * The admin console, a single-page app built into `adminDir` (sites/admin/dist), served under /admin/
 * on the API's own origin: its session cookie is HttpOnly and SameSite=Strict, so the console must be
 * same-origin with /graphql. Hashed assets are cached for good; every other path under /admin/ is the
 * app's index.html (the app routes in the browser), never cached, so a new build is picked up at once.
 */
export function adminSiteRouter(adminDir: string | null): Router {
  // Strict: '/admin' and '/admin/' are different paths (the first redirects to the second).
  const router = express.Router({ strict: true });
  const csp =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  router.get('/', (_req, res) => res.redirect(302, '/admin/'));
  router.get('/admin', (_req, res) => res.redirect(301, '/admin/'));
  if (adminDir) {
    router.use(
      '/admin/assets',
      express.static(path.join(adminDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
    );
  }
  // A missing asset is a 404: answering it with the app would hand a script tag an HTML page.
  router.use('/admin/assets', (_req, res) => {
    res.status(404).end();
  });
  router.get(/^\/admin\/.*/, (_req, res) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', 'no-cache');
    const index = adminDir ? path.join(adminDir, 'index.html') : null;
    if (!index || !existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          '管理后台尚未构建：请运行 npm run build -w @sunshine/admin\n' +
            'The admin console is not built: run npm run build -w @sunshine/admin\n',
        );
      return;
    }
    res.sendFile(index);
  });
  return router;
}
