import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response, Router } from 'express';
import express from 'express';

/**
 * The development explorer: GraphiQL rendered from the installed npm packages (React, ReactDOM
 * and GraphiQL's own UMD build and stylesheet), so it works on an intranet with no internet —
 * Apollo Sandbox loads from Apollo's CDN and Google Fonts and stays blank there. The page's
 * Content-Security-Policy allows this origin only, so nothing is fetched from elsewhere.
 * Not served in production.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A file of an installed package (its `exports` do not list the UMD builds, so resolve the package's folder). */
function packageFile(pkg: string, file: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!existsSync(path.join(dir, 'package.json')) || JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== pkg) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package ${pkg} not found`);
    dir = parent;
  }
  return path.join(dir, file);
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>党建工作平台 — GraphQL</title>
  <link rel="stylesheet" href="/explorer/graphiql.css">
  <style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="explorer">正在加载…</div>
  <script src="/explorer/react.js"></script>
  <script src="/explorer/react-dom.js"></script>
  <script src="/explorer/graphiql.js"></script>
  <script src="/explorer/start.js"></script>
</body>
</html>`;

/** Starts GraphiQL against this gateway; the sign-in token goes in the Headers tab. */
const START = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: 'headers',
    defaultHeaders: JSON.stringify({ authorization: 'Bearer <token: npm run token>' }, null, 2),
    defaultQuery: '# 党建工作平台 — try: { searchOrganizations(name: "党") { totalCount items { name kind } } }\\n{ __typename }\\n',
  }));
})();`;

export function explorer(): { page: (req: Request, res: Response, next: NextFunction) => void; assets: Router } {
  const assets = express.Router();
  const cache = new Map<string, Buffer>();
  for (const [name, asset] of Object.entries(ASSETS)) {
    assets.get(`/${name}`, (_req, res) => {
      if (!cache.has(name)) cache.set(name, readFileSync(packageFile(asset.pkg, asset.file)));
      res.type(asset.type).set('cache-control', 'public, max-age=3600').send(cache.get(name));
    });
  }
  assets.get('/start.js', (_req, res) => void res.type('text/javascript').send(START));
  const page = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.query.query || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.type('html').set('content-security-policy', CSP).send(PAGE);
  };
  return { page, assets };
}
