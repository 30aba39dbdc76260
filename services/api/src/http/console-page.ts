import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);
/** A package's folder, found from its main entry (some packages' `exports` hide their files). */
function packageRoot(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (path.basename(dir) !== name.split('/').pop()) dir = path.dirname(dir);
  return dir;
}

/**
 * The GraphQL console (GraphiQL) for signed-in admins. Its assets are served from our own
 * node_modules (no CDN: the county's network may not reach one), and the page carries no inline
 * script so a strict Content-Security-Policy holds.
 */
export function consoleRouter(isSignedIn: (req: express.Request) => Promise<boolean>): Router {
  const router = express.Router();
  const files: Record<string, string> = {
    'react.js': path.join(packageRoot('react'), 'umd/react.production.min.js'),
    'react-dom.js': path.join(packageRoot('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.js': path.join(packageRoot('graphiql'), 'graphiql.min.js'),
    'graphiql.css': path.join(packageRoot('graphiql'), 'graphiql.min.css'),
  };
  router.get('/console/assets/:file', (req, res) => {
    const file = files[req.params.file ?? ''];
    if (!file) {
      res.status(404).end();
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(file);
  });
  router.get('/console/assets-start.js', (_req, res) => {
    res.type('text/javascript').send(`
      const defaultQuery = ${JSON.stringify(DEFAULT_QUERY)};
      const fetcher = GraphiQL.createFetcher({ url: '/graphql', fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }));`);
  });
  router.get('/console', async (req, res) => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
    );
    if (!(await isSignedIn(req))) {
      res.status(401).type('html').send(SIGN_IN_FIRST);
      return;
    }
    res.type('html').send(CONSOLE_PAGE);
  });
  return router;
}

const DEFAULT_QUERY = `# GraphQL 控制台：以您的登录身份和管辖范围执行。
# GraphQL console: runs with your session and jurisdiction.
query LatestPolicies {
  viewer { displayName role region { name code } }
  policies(first: 10, orderBy: { field: ISSUE_DATE, direction: DESC }) {
    totalCount
    edges { node { title documentNumber status issueDate region { name } } }
  }
}
`;

const SIGN_IN_FIRST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>GraphQL 控制台</title></head>
<body><main><h1>GraphQL 控制台 / GraphQL console</h1>
<p>请先在管理后台登录。/ Sign in to the admin console first.</p></main></body></html>`;

const CONSOLE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL 控制台 · 阳光村务</title>
<link rel="stylesheet" href="/console/assets/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style></head>
<body><div id="graphiql">正在加载…</div>
<script src="/console/assets/react.js"></script>
<script src="/console/assets/react-dom.js"></script>
<script src="/console/assets/graphiql.js"></script>
<script src="/console/assets-start.js"></script>
</body></html>`;
