// The browser dashboard at / and its bundle under /assets/, both built by Vite from web/ into
// dist/web (`npm run build:web`, run by `npm install`). The files are read once, when the
// server starts, and served from memory; nothing is fetched from anywhere else.
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { projectRoot } from '../db/migrations.js';
import { assetResponse, isFetch, pagePolicy, readAssetDirectory, type Asset } from './static-assets.js';

/** Where `npm run build:web` writes the bundle. */
export const DASHBOARD_BUILD_DIR = path.join(projectRoot, 'dist', 'web');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DeskQL dashboard not built</title></head>
<body><h1>The dashboard has not been built</h1><p>Run <code>npm run build:web</code> (or <code>npm install</code>, which runs it) and restart the server.
The API is at <a href="/graphql">/graphql</a>.</p></body></html>`;

export function useDashboard(options: { directory?: string } = {}): Plugin {
  const directory = options.directory ?? DASHBOARD_BUILD_DIR;
  const page = readAssetDirectory(directory).get('index.html');
  const assets = readAssetDirectory(path.join(directory, 'assets'));
  return {
    onRequest({ request, url, endResponse }) {
      if (!isFetch(request)) return;
      if (url.pathname === '/' || url.pathname === '/index.html') {
        endResponse(
          page
            ? assetResponse(request, page, 'revalidate', { 'content-security-policy': pagePolicy() })
            : new Response(NOT_BUILT, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } }),
        );
        return;
      }
      if (url.pathname.startsWith('/assets/')) {
        const asset: Asset | undefined = assets.get(url.pathname.slice('/assets/'.length));
        endResponse(asset ? assetResponse(request, asset, 'immutable') : new Response('Not found', { status: 404 }));
      }
    },
  };
}
