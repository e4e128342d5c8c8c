// Shared harness for the classroom server tests: a server on loopback in a temp dir, lobby calls, seat sockets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type ClassroomServer,
  type ClassroomServerOptions,
  startClassroomServer,
} from '../../src/server/app';
import type { Clock, ClockTimer } from '../../src/server/clock';
import { MatchSocket } from '../../src/protocol/match-socket';
import type { CreatedMatchAnswer, FacilitatorAnswer, JoinAnswer } from '../../src/protocol/lobby';
import { SEATS, type Seat, playerIDOf } from '../../src/game/vocabulary';

export interface Harness {
  server: ClassroomServer;
  dir: string;
  sockets: MatchSocket[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0, with its data in a fresh temp dir; bots act at once by default. */
export async function startHarness(options: Partial<ClassroomServerOptions> = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-server-'));
  const server = await startClassroomServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: path.join(dir, 'data'),
    distDir: path.join(dir, 'no-dist'),
    ...options,
    runtime: { botDelayMs: 0, vacantDelayMs: 60_000, ...options.runtime },
  });
  const sockets: MatchSocket[] = [];
  return {
    server,
    dir,
    sockets,
    async close() {
      for (const s of sockets) s.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A clock that moves only when a test advances it: timers fire in deadline order, each seeing `now()` at its own
 * deadline. Pass it as `startHarness({ clock })` so rate limits and phase timers need no wall-clock sleep.
 */
export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly timers = new Map<ClockTimer, { at: number; seq: number; callback: () => void }>();

  constructor(start = Date.UTC(2024, 0, 1)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): ClockTimer {
    const handle = { __clockTimer: true } as const;
    this.timers.set(handle, { at: this.time + Math.max(0, ms), seq: this.seq++, callback });
    return handle;
  }

  clearTimeout(timer: ClockTimer | undefined): void {
    if (timer !== undefined) this.timers.delete(timer);
  }

  /** Timers still armed. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves the time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [ClockTimer, { at: number; seq: number; callback: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at > end) continue;
        if (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[1].seq < next[1].seq))
          next = entry;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
    }
    this.time = end;
  }
}

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Calls the lobby API; `body` may be a value (sent as JSON) or raw text. */
export async function api<T = Record<string, unknown>>(
  base: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}${route}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T };
}

export type CreatedMatch = CreatedMatchAnswer;

/** Creates a match (running, not paused, unless said otherwise). */
export async function createMatch(base: string, body: Record<string, unknown> = {}): Promise<CreatedMatch> {
  const res = await api<CreatedMatch>(base, 'POST', '/api/matches', {
    scenario: 'yeltsin-1992',
    seed: 'server-test',
    startPaused: false,
    ...body,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export type Joined = JoinAnswer;

export async function join(base: string, code: string, name: string): Promise<Joined> {
  const res = await api<Joined>(base, 'POST', '/api/join', { code, name });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Connects a socket and waits for its first sync. */
export async function connect(
  h: Harness,
  matchID: string,
  playerID: string | null,
  credentials?: string,
): Promise<MatchSocket> {
  const socket = new MatchSocket({
    server: h.server.url,
    matchID,
    playerID,
    credentials,
    websocketOnly: true,
  });
  h.sockets.push(socket);
  await socket.until(
    (s) => s.state !== null || s.refused !== null || s.lastError !== null,
    10_000,
    `the sync of player ${playerID}`,
  );
  return socket;
}

/** Joins every human seat with one student each and connects their sockets, in seat order. */
export async function seatEveryone(
  h: Harness,
  match: CreatedMatch,
): Promise<Partial<Record<Seat, MatchSocket>>> {
  const out: Partial<Record<Seat, MatchSocket>> = {};
  for (const seat of SEATS) {
    const code = match.seats[seat].code;
    if (!code) continue;
    const joined = await join(h.server.url, code, `student-${seat}`);
    out[seat] = await connect(h, match.matchID, playerIDOf(seat), joined.credentials);
  }
  return out;
}

/** The facilitator's socket: credentials from the facilitator endpoint. */
export async function facilitatorSocket(h: Harness, match: CreatedMatch): Promise<MatchSocket> {
  const res = await api<FacilitatorAnswer>(
    h.server.url,
    'GET',
    `/api/matches/${match.matchID}/facilitator`,
    undefined,
    bearer(match.facilitatorToken),
  );
  if (res.status !== 200) throw new Error(`facilitator failed: ${res.status}`);
  return connect(h, match.matchID, res.body.playerID, res.body.credentials);
}

/** Everything a socket has received so far that could hold a secret, as one string. */
export function wireText(s: MatchSocket): string {
  return JSON.stringify(s.state);
}
