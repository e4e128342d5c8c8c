/**
 * The classroom server in one process: boardgame.io's master and reducer behind the classroom transport
 * (socket.io), the lobby API, the built client from `dist/`, and SQLite storage. `startClassroomServer` is what
 * `src/server/main.ts`, the integration tests and the benchmark start.
 *
 * boardgame.io's own Koa server and lobby routes are not used: its lobby would let anyone claim any seat (the
 * facilitator's too) and create matches on demand; the classroom lobby issues every credential itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { OilAndWater } from '../game/game';
import { RecordStore } from './classroom-record';
import { type Clock, systemClock } from './clock';
import { HttpError, RateLimiter, allowedHosts, hostRefusal, originRefusal, sendJson } from './http-util';
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
}

export interface ClassroomServer {
  url: string;
  port: number;
  host: string;
  clientBuilt: boolean;
  storage: SqliteStorage;
  runtime: ClassroomRuntime;
  transport: ClassroomTransport;
  close(): Promise<void>;
}

/** Opens the storage, resumes stored matches and listens. */
export async function startClassroomServer(options: ClassroomServerOptions): Promise<ClassroomServer> {
  const db: Database.Database = openDatabase(options.dataDir);
  const storage = new SqliteStorage(db);
  const clock = options.clock ?? systemClock;
  const runtime = new ClassroomRuntime(storage, new RecordStore(db), {
    ...DEFAULT_RUNTIME,
    ...options.runtime,
    clock,
  });
  const transport = new ClassroomTransport(OilAndWater, storage, runtime, {
    ...DEFAULT_LIMITS,
    ...options.socketLimits,
  });
  const lobby = createLobby({
    storage,
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

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const pathname = (req.url ?? '/').split('?')[0];
      const wrongHost = hostRefusal(req, hosts);
      if (wrongHost) throw new HttpError(421, wrongHost);
      if (pathname.startsWith('/api/')) {
        const refusal = originRefusal(req, extraOrigins);
        if (refusal) throw new HttpError(403, refusal);
        if (!limiter.take(req.socket.remoteAddress ?? 'unknown')) {
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
    const address = req.socket.remoteAddress ?? 'unknown';
    return (socketsOf.get(address) ?? 0) >= maxSockets
      ? `too many connections from ${address} (at most ${maxSockets})`
      : null;
  });
  // Counted per engine.io connection (one per socket), released when it closes.
  io.engine.on(
    'connection',
    (conn: { request: http.IncomingMessage; once(event: 'close', f: () => void): void }) => {
      const address = conn.request.socket.remoteAddress ?? 'unknown';
      socketsOf.set(address, (socketsOf.get(address) ?? 0) + 1);
      conn.once('close', () => {
        const left = (socketsOf.get(address) ?? 1) - 1;
        if (left <= 0) socketsOf.delete(address);
        else socketsOf.set(address, left);
      });
    },
  );
  runtime.start(transport);

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

  let closed = false;
  return {
    url,
    port,
    host: options.host,
    clientBuilt,
    storage,
    runtime,
    transport,
    async close() {
      if (closed) return;
      closed = true;
      lobby.stop();
      runtime.stop();
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
