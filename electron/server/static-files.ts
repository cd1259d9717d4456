// Serves the built renderer: known content types, index.html for client-side routes, and
// nothing outside the folder, whatever the path says or where a link points.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { sendError } from './responses.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export async function serveStatic(
  staticDir: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendError(res, { kind: 'validation', message: 'use GET' }, 405);
    return;
  }
  const root = staticDir ? await realpathOrNull(staticDir) : null;
  if (!root) {
    sendError(res, {
      kind: 'not_found',
      message: 'the control panel is not built (npm run build)',
    });
    return;
  }
  const file = (await resolveInside(root, pathname)) ?? (await spaFallback(root, pathname));
  if (!file) {
    sendError(res, { kind: 'not_found', message: `no file ${pathname}` });
    return;
  }
  const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': file.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

interface FoundFile {
  path: string;
  size: number;
}

/** A regular file under root named by the URL path, after links are followed; else null. */
async function resolveInside(root: string, pathname: string): Promise<FoundFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const real = await realpathOrNull(join(root, wanted));
  if (!real || !isWithin(root, real)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? { path: real, size: info.size } : null;
}

/** Paths without an extension are the panel's own routes: they get the page shell. */
async function spaFallback(root: string, pathname: string): Promise<FoundFile | null> {
  if (extname(pathname) !== '') return null;
  return resolveInside(root, '/index.html');
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

async function realpathOrNull(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}
