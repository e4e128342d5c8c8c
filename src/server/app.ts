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
import { HttpError, RateLimiter, originRefusal, sendJson } from './http-util';
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
  const runtime = new ClassroomRuntime(storage, new RecordStore(db), { ...DEFAULT_RUNTIME, ...options.runtime, clock });
  const transport = new ClassroomTransport(OilAndWater, storage, runtime, { ...DEFAULT_LIMITS, ...options.socketLimits });
  const lobby = createLobby({ storage, runtime, transport, limits: { ...DEFAULT_LOBBY_LIMITS, ...options.lobbyLimits } });
  const clientBuilt = hasClientBuild(options.distDir);
  const serveStatic = createStatic(options.distDir);
  const rate = options.httpRate ?? { burst: 200, perSecond: 50 };
  const limiter = new RateLimiter(rate.burst, rate.perSecond, undefined, clock);
  const extraOrigins = options.extraOrigins ?? [];

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const pathname = (req.url ?? '/').split('?')[0];
      if (pathname.startsWith('/api/')) {
        const refusal = originRefusal(req, extraOrigins);
        if (refusal) throw new HttpError(403, refusal);
        if (!limiter.take(req.socket.remoteAddress ?? 'unknown')) {
          throw new HttpError(429, 'too many requests: wait a moment and try again', { 'Retry-After': '1' });
        }
        if (await lobby(req, res)) return;
      }
      if (await serveStatic(req, res)) return;
      const hint = clientBuilt ? '' : ' (the browser client is not built: run `npx vite build`, then restart)';
      throw new HttpError(404, `not found: ${pathname.slice(0, 200)}${hint}`);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A refused request may leave its body unread: close the connection rather than parse the rest as a request.
      const close: Record<string, string> = req.complete ? {} : { Connection: 'close' };
      if (error instanceof HttpError) sendJson(res, error.status, { error: error.message }, { ...error.headers, ...close });
      else {
        console.error('[classroom] request failed:', error);
        sendJson(res, 500, { error: 'the server failed on this request (see its log)' }, close);
      }
    }
  };

  const server = http.createServer((req, res) => void handle(req, res));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  transport.listen(server, (req) => originRefusal(req, extraOrigins));
  runtime.start(transport);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
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
      runtime.stop();
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
