/**
 * The classroom server in one process: boardgame.io's master and reducer behind the classroom transport
 * (socket.io), the lobby API, the built client from `dist/`, and SQLite storage (or Postgres, `databaseUrl`).
 * `startClassroomServer` is what `src/server/main.ts`, the integration tests and the benchmark start. With
 * `redisUrl` too, the process is one of a cluster behind one address (cluster.ts): lobby requests about a match
 * another process serves are forwarded to it. `/healthz` answers while the process runs, `/readyz` while its
 * storage (and Redis) answer and it is not shutting down; `close({ drainMs })` drains sockets first.
 *
 * boardgame.io's own Koa server and lobby routes are not used: its lobby would let anyone claim any seat (the
 * facilitator's too) and create matches on demand; the classroom lobby issues every credential itself.
 */
import http from 'node:http';
import { isIP } from 'node:net';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { OilAndWater } from '../game/game';
import { RecordStore, type RecordStoreAPI } from './classroom-record';
import { ClassStore, type ClassStoreAPI } from './classes';
import { Cluster, DEFAULT_CLUSTER, type ClusterOptions } from './cluster';
import { PgStorage } from './storage-pg';
import type { MatchStorage } from './storage';
import { type Clock, systemClock } from './clock';
import {
  HttpError,
  RateLimiter,
  allowedHosts,
  clientAddress,
  hostRefusal,
  originRefusal,
  sendJson,
  trustedProxies,
} from './http-util';
import { DEFAULT_LOBBY_LIMITS, type LobbyLimits, createLobby } from './lobby';
import { ClassroomRuntime, DEFAULT_RUNTIME, type RuntimeOptions } from './runtime';
import { createStatic, hasClientBuild } from './static';
import { SqliteStorage, openDatabase } from './storage-sqlite';
import { ClassroomTransport, DEFAULT_LIMITS, type TransportLimits } from './transport';

export interface ClassroomServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  /** The built client; served when it exists. */
  distDir: string;
  /** Browser origins allowed besides the server's own (e.g. a Vite dev server). */
  extraOrigins?: string[];
  /** `Host` names accepted besides the listening addresses (`name` or `name:port`; DNS rebinding guard). */
  extraHosts?: string[];
  /**
   * Addresses of reverse proxies (and, in a cluster, of the peer processes) whose `X-Forwarded-For` is believed:
   * requests and sockets from them are counted by the client address they forward (TRUST_PROXY). Empty: none.
   */
  trustProxy?: string[];
  /** Sockets one client address may hold open at once (a classroom behind one NAT address needs room). */
  maxSocketsPerAddress?: number;
  /** Runtime delays; the clock is `clock` below. */
  runtime?: Partial<Omit<RuntimeOptions, 'clock'>>;
  socketLimits?: Partial<TransportLimits>;
  lobbyLimits?: Partial<LobbyLimits>;
  /** Lobby requests per client address: burst and per second. */
  httpRate?: { burst: number; perSecond: number };
  /** The time and timers of the rate limiter and the phase timers (default: the real clock); tests inject a manual one. */
  clock?: Clock;
  /** Postgres instead of SQLite (`dataDir` is then unused), and the schema to use (default `public`). */
  databaseUrl?: string;
  databaseSchema?: string;
  /** Redis: this process joins a cluster serving one address (needs `databaseUrl`). */
  redisUrl?: string;
  /** Cluster settings: key prefix (default `oaw:`), this process's address for its peers, lease timings. */
  cluster?: Partial<ClusterOptions>;
}

export interface ClassroomServer {
  url: string;
  port: number;
  host: string;
  clientBuilt: boolean;
  storage: SqliteStorage | PgStorage;
  runtime: ClassroomRuntime;
  transport: ClassroomTransport;
  /** The cluster membership, when `redisUrl` was given. */
  cluster?: Cluster;
  /**
   * Stops the server. With `drainMs`, first stops taking syncs and moves, lets queued moves finish (at most that
   * long), disconnects the sockets (behind the proxy they reconnect to another process) and stores every pending
   * write, then hands its matches back to the cluster.
   */
  close(options?: { drainMs?: number }): Promise<void>;
}

/** Opens the storage, resumes stored matches and listens. */
export async function startClassroomServer(options: ClassroomServerOptions): Promise<ClassroomServer> {
  if (options.redisUrl && !options.databaseUrl)
    throw new Error(
      'a cluster (REDIS_URL) needs its storage on Postgres (DATABASE_URL): SQLite is one process',
    );
  const notAddress = (options.trustProxy ?? []).find((a) => isIP(a.trim()) === 0);
  if (notAddress !== undefined)
    throw new Error(
      `TRUST_PROXY: "${notAddress}" is not an IP address (list the proxies' addresses, comma-separated)`,
    );
  let db: Database.Database | undefined;
  let storage: SqliteStorage | PgStorage;
  let records: RecordStoreAPI;
  let classes: ClassStoreAPI;
  if (options.databaseUrl) {
    const pgStorage = await PgStorage.open(options.databaseUrl, options.databaseSchema);
    storage = pgStorage;
    records = pgStorage.records;
    classes = pgStorage.classes;
  } else {
    db = openDatabase(options.dataDir);
    storage = new SqliteStorage(db);
    records = new RecordStore(db);
    classes = new ClassStore(db);
  }
  const matchStorage: MatchStorage = storage;
  const clock = options.clock ?? systemClock;
  const runtime = new ClassroomRuntime(matchStorage, records, {
    ...DEFAULT_RUNTIME,
    ...options.runtime,
    clock,
  });
  const transport = new ClassroomTransport(OilAndWater, matchStorage, runtime, {
    ...DEFAULT_LIMITS,
    ...options.socketLimits,
  });
  const trusted = trustedProxies((options.trustProxy ?? []).join(','));
  const addressOf = (req: http.IncomingMessage) => clientAddress(req, trusted);
  const lobby = createLobby({
    clientAddress: addressOf,
    ...(storage instanceof PgStorage && options.redisUrl
      ? {
          cluster: {
            reserveCodes: storage.records.reserveCodes.bind(storage.records),
            count: storage.records.count.bind(storage.records),
            finishedBefore: (before: number) => storage.records.finishedBefore(before),
            takeForExpiry: async (matchID: string) => (cluster ? cluster.takeForExpiry(matchID) : false),
            forget: (matchID: string) => cluster?.forget(matchID),
            // The cluster starts after the lobby: until then (no request is served before) nobody else is asked.
            group: async (matchID: string) => (cluster ? cluster.group(matchID) : null),
          },
        }
      : {}),
    storage: matchStorage,
    classes,
    stored: storage instanceof PgStorage ? () => storage.flush() : undefined,
    runtime,
    transport,
    clock,
    limits: { ...DEFAULT_LOBBY_LIMITS, ...options.lobbyLimits },
  });
  const clientBuilt = hasClientBuild(options.distDir);
  const serveStatic = createStatic(options.distDir);
  const rate = options.httpRate ?? { burst: 200, perSecond: 50 };
  const limiter = new RateLimiter(rate.burst, rate.perSecond, undefined, clock);
  const extraOrigins = options.extraOrigins ?? [];
  // Filled in once the port is known (port 0 picks one); nothing is served before that.
  let hosts = new Set<string>();
  const maxSockets = options.maxSocketsPerAddress ?? 24;
  const socketsOf = new Map<string, number>();

  let cluster: Cluster | undefined;
  let draining = false;

  /** Readiness: storage (and Redis) answer and the process is not shutting down. */
  const readiness = async (): Promise<string | null> => {
    if (draining) return 'shutting down';
    if (storage instanceof PgStorage) {
      try {
        await storage.pool.query('SELECT 1');
      } catch (error) {
        return `postgres: ${(error as Error).message}`;
      }
    }
    if (cluster && !cluster.isReady) return 'redis: not connected';
    return null;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const pathname = (req.url ?? '/').split('?')[0];
      // Probes from a load balancer or an orchestrator: nothing secret, any Host.
      if (pathname === '/healthz') {
        sendJson(res, 200, { ok: true });
        return;
      }
      if (pathname === '/readyz') {
        const problem = await readiness();
        sendJson(res, problem === null ? 200 : 503, problem === null ? { ok: true } : { ok: false, problem });
        return;
      }
      const wrongHost = hostRefusal(req, hosts);
      if (wrongHost) throw new HttpError(421, wrongHost);
      if (
        cluster &&
        pathname.startsWith('/api/') &&
        (await forwarded(cluster, req, res, pathname, addressOf(req)))
      )
        return;
      if (pathname.startsWith('/api/')) {
        const refusal = originRefusal(req, extraOrigins);
        if (refusal) throw new HttpError(403, refusal);
        if (!limiter.take(addressOf(req))) {
          throw new HttpError(429, 'too many requests: wait a moment and try again', { 'Retry-After': '1' });
        }
        if (await lobby(req, res)) return;
      }
      if (await serveStatic(req, res)) return;
      const hint = clientBuilt
        ? ''
        : ' (the browser client is not built: run `npx vite build`, then restart)';
      throw new HttpError(404, `not found: ${pathname.slice(0, 200)}${hint}`);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A refused request may leave its body unread: close the connection rather than parse the rest as a request.
      const close: Record<string, string> = req.complete ? {} : { Connection: 'close' };
      if (error instanceof HttpError)
        sendJson(res, error.status, { error: error.message }, { ...error.headers, ...close });
      else {
        console.error('[classroom] request failed:', error);
        sendJson(res, 500, { error: 'the server failed on this request (see its log)' }, close);
      }
    }
  };

  const server = http.createServer((req, res) => void handle(req, res));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const io = transport.listen(server, (req) => {
    const refusal = hostRefusal(req, hosts) ?? originRefusal(req, extraOrigins);
    if (refusal) return refusal;
    const address = addressOf(req);
    return (socketsOf.get(address) ?? 0) >= maxSockets
      ? `too many connections from ${address} (at most ${maxSockets})`
      : null;
  });
  // Counted per engine.io connection (one per socket), released when it closes.
  io.engine.on(
    'connection',
    (conn: { request: http.IncomingMessage; once(event: 'close', f: () => void): void }) => {
      const address = addressOf(conn.request);
      socketsOf.set(address, (socketsOf.get(address) ?? 0) + 1);
      conn.once('close', () => {
        const left = (socketsOf.get(address) ?? 1) - 1;
        if (left <= 0) socketsOf.delete(address);
        else socketsOf.set(address, left);
      });
    },
  );
  await runtime.start(transport, !options.redisUrl);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(options.host, port, options.extraHosts);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  if (options.redisUrl) {
    cluster = new Cluster(
      {
        ...DEFAULT_CLUSTER,
        prefix: 'oaw:',
        selfUrl: url,
        ...options.cluster,
        redisUrl: options.redisUrl,
      },
      storage as PgStorage,
      runtime,
      transport,
    );
    await cluster.start();
  }

  let closed = false;
  return {
    url,
    port,
    host: options.host,
    clientBuilt,
    storage,
    runtime,
    transport,
    cluster,
    async close(closeOptions = {}) {
      if (closed) return;
      closed = true;
      draining = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (closeOptions.drainMs !== undefined) await transport.drain(closeOptions.drainMs);
      lobby.stop();
      runtime.stop();
      if (storage instanceof PgStorage) await storage.flush();
      // Sockets first (their seat changes still reach the owners), then the leases and Redis.
      await transport.close();
      await cluster?.stop();
      server.closeAllConnections();
      await stopped;
      if (storage instanceof PgStorage) await storage.close();
      db?.close();
    },
  };
}

/** A request about a match (or a join code) another process serves goes to that process; true when it went. */
async function forwarded(
  cluster: Cluster,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  client: string,
): Promise<boolean> {
  // One hop only: a request already forwarded is answered here, whoever serves the match by now.
  if (req.headers[FORWARDED_HEADER] !== undefined) return false;
  const matchID = /^\/api\/matches\/([A-Za-z0-9_-]{1,64})(\/|$)/.exec(pathname)?.[1];
  if (matchID !== undefined) {
    const owner = await cluster.owner(matchID);
    if (owner === null || owner.self) return false;
    await proxy(owner.url, req, res, client);
    return true;
  }
  if (pathname === '/api/join' && req.method === 'POST') {
    const body = await readBody(req, 16 * 1024);
    let code = '';
    try {
      const parsed = JSON.parse(body.toString('utf8')) as { code?: unknown };
      if (typeof parsed.code === 'string') code = parsed.code.trim().toUpperCase();
    } catch {
      // Not JSON: the lobby here says so.
    }
    const matchID = code ? await cluster.storageRecords().matchOfCode(code) : undefined;
    const owner = matchID === undefined ? null : await cluster.owner(matchID);
    // The body is read: even the lobby here gets it through a forward to itself.
    await proxy(owner && !owner.self ? owner.url : cluster.selfUrl, req, res, client, body);
    return true;
  }
  return false;
}

/** Marks a request forwarded by a peer process. */
const FORWARDED_HEADER = 'x-oaw-forwarded';

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `the request body is larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sends the request to a peer process and its answer back. */
function proxy(
  target: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  client: string,
  body?: Buffer,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const to = new URL(req.url ?? '/', target);
    // The peer counts the request by the client's address when it trusts this process (TRUST_PROXY).
    const headers = { ...req.headers, [FORWARDED_HEADER]: '1', 'x-forwarded-for': client };
    if (body !== undefined) {
      headers['content-length'] = String(body.length);
      delete headers['transfer-encoding'];
    }
    const out = http.request(
      { hostname: to.hostname, port: to.port, path: to.pathname + to.search, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => resolve());
        answer.on('error', reject);
      },
    );
    out.on('error', (error) =>
      reject(new HttpError(502, `the server process serving this match did not answer: ${error.message}`)),
    );
    if (body !== undefined) out.end(body);
    else req.pipe(out);
  });
}
