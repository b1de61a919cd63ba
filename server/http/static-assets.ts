// Answers for the files the server hands to browsers (the dashboard bundle, GraphiQL's
// scripts): the right content type, caching that suits hashed or unhashed names, and a
// Content-Security-Policy on pages, so that only scripts served from here ever run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Asset {
  body: Uint8Array<ArrayBuffer> | string;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Every file of `directory` (not its subdirectories), by name; empty when it does not exist. */
export function readAssetDirectory(directory: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return assets;
  }
  for (const name of names) {
    const file = path.join(directory, name);
    if (statSync(file).isFile()) assets.set(name, { body: new Uint8Array(readFileSync(file)), contentType: contentTypeOf(name) });
  }
  return assets;
}

export type Caching = 'immutable' | 'revalidate';

export function assetResponse(request: Request, asset: Asset, caching: Caching, headers: Record<string, string> = {}): Response {
  return new Response(request.method === 'HEAD' ? null : asset.body, {
    status: 200,
    headers: {
      'content-type': asset.contentType,
      // Hashed bundle names never change content; pages and unhashed files are checked each time.
      'cache-control': caching === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/**
 * The policy of the dashboard page: scripts, styles and connections from this server only, no
 * inline script, no framing. GraphiQL's editor injects its own <style> elements, so its page
 * adds 'unsafe-inline' for styles (never for scripts).
 */
export function pagePolicy(options: { inlineStyles?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${options.inlineStyles ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** GET or HEAD: the only methods that fetch a file. */
export function isFetch(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}
