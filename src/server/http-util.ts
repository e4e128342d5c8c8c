/**
 * Small HTTP helpers for the lobby: JSON bodies read with a size limit and without prototype keys, errors that say
 * what was wrong (never a stack trace), a per-address rate limit, and the same-origin rule.
 */
import type http from 'node:http';
import { isIP } from 'node:net';
import os from 'node:os';
import { type Clock, systemClock } from './clock';

/** An error the client caused (or a refusal), sent as `{ error }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses JSON text, refusing `__proto__`, `constructor` and `prototype` keys anywhere in it. */
export function parseJsonStrict(text: string): unknown {
  let bad: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) bad ??= key;
      return v;
    });
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
  if (bad !== undefined) throw new HttpError(400, `the key "${bad}" is not allowed in a request`);
  return value;
}

/** Reads a JSON request body of at most `limit` bytes. */
export async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(415, 'send the body as JSON (Content-Type: application/json)');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    throw new HttpError(413, `the body is too large (at most ${limit} bytes)`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is too large (at most ${limit} bytes)`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'the body is empty: expected a JSON object');
  return parseJsonStrict(text);
}

/** Sends a JSON response. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** A token bucket per client address; the map is bounded so a spray of addresses cannot grow it forever. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
    private readonly clock: Pick<Clock, 'now'> = systemClock,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string): boolean {
    const now = this.clock.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    // A wall clock set back must not drain the bucket.
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.perSecond,
    );
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * Same-origin rule for browsers: a request carrying an `Origin` header must come from this server's own origin (the
 * host the browser used to reach it) or a configured extra origin. Requests without one (curl, Node) pass.
 */
export function originRefusal(req: http.IncomingMessage, extraOrigins: readonly string[]): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  if (extraOrigins.includes(origin)) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `the origin "${origin}" is not allowed`;
  }
  if (host !== '' && host === req.headers.host) return null;
  return `cross-origin requests are not allowed (origin ${origin})`;
}

/** Addresses students on the same network can use when the server listens on every interface. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => (i as os.NetworkInterfaceInfo).address);
}

/**
 * The `Host` values this server answers to: its loopback names, the listening address, the LAN addresses when it
 * listens on every interface, and `extraHosts` (a bare name means that name on the server's port). Anything else is
 * a DNS rebinding (a hostile name resolved to this address, which the same-origin check alone lets through).
 */
export function allowedHosts(
  listenHost: string,
  port: number,
  extraHosts: readonly string[] = [],
): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  const everywhere = listenHost === '0.0.0.0' || listenHost === '::';
  if (!everywhere) names.add(listenHost.includes(':') ? `[${listenHost}]` : listenHost);
  else for (const address of lanAddresses()) names.add(address);
  const out = new Set<string>();
  for (const name of names) {
    out.add(`${name}:${port}`.toLowerCase());
    if (port === 80) out.add(name.toLowerCase());
  }
  for (const extra of extraHosts) {
    const e = extra.trim().toLowerCase();
    if (e === '') continue;
    if (/:\d+$/.test(e)) out.add(e);
    else {
      // A bare name is the public one a reverse proxy passes on (`Host: games.school.example`, default port), and
      // the same name reaching this port directly.
      out.add(e);
      out.add(`${e}:${port}`);
    }
  }
  return out;
}

/** Why a request's `Host` header is refused (null when it names this server). */
export function hostRefusal(req: http.IncomingMessage, allowed: ReadonlySet<string>): string | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (allowed.has(host)) return null;
  const shown = [...allowed].slice(0, 6).join(', ');
  return `this server answers only as ${shown} (not "${host.slice(0, 80)}"): set EXTRA_HOSTS to add a name`;
}

/** An address as compared with TRUST_PROXY's: IPv4 addresses lose the `::ffff:` prefix of a dual-stack socket. */
function plainAddress(address: string): string {
  const a = address.trim();
  return a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

/** The addresses of TRUST_PROXY (comma-separated): the reverse proxy's, and in a cluster every process's own. */
export function trustedProxies(list: string | undefined): Set<string> {
  return new Set(
    (list ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => isIP(s) !== 0)
      .map(plainAddress),
  );
}

/**
 * The address a client is counted by (rate limits, sockets per address): the connection's own, unless it comes
 * from a trusted proxy; then the nearest address in `X-Forwarded-For` that is not itself a trusted proxy (each proxy
 * appends the address it was reached from, so anything left of that is the client's to write). A header that is not
 * a list of addresses counts as the proxy's own address.
 */
export function clientAddress(req: http.IncomingMessage, trusted: ReadonlySet<string>): string {
  const peer = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').slice(-32);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i]);
    if (isIP(hop) === 0) return peer;
    if (!trusted.has(hop)) return hop;
  }
  return peer;
}
