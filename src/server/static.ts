/**
 * Serves the built client (`dist/`) read-only: GET and HEAD, paths kept inside the directory, a content type per
 * extension, long caching for Vite's hashed assets and none for the HTML pages.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { HttpError } from './http-util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Whether `dir` holds a built client. */
export function hasClientBuild(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html')) || fs.existsSync(path.join(dir, 'classroom.html'));
}

/** A handler for files under `root`; resolves false when there is no such file (the caller sends the 404). */
export function createStatic(
  root: string,
): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> {
  const base = path.resolve(root);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      // A malformed percent-encoding names no file: say so rather than answer "not found".
      throw new HttpError(400, 'bad percent-encoding in the path');
    }
    if (pathname.includes('\0')) return false;
    if (pathname === '/' || pathname === '') pathname = '/index.html';
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) return false;
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      return false;
    }
    if (!stat.isFile()) return false;
    const ext = path.extname(file).toLowerCase();
    const hashed = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(ext === '.html' ? { 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((resolve) => {
      const stream = fs.createReadStream(file);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', () => resolve());
      stream.pipe(res);
    });
    return true;
  };
}
