/**
 * One connection to a classroom match over boardgame.io's socket protocol (sync / update / matchData), plus the
 * classroom server's own events (`oaw:classroom` status, `oaw:error`) and move acknowledgements. Used by the
 * classroom pages, the remote session, the server tests and the server benchmark; it runs in browsers and in Node.
 */
import { io, type Socket } from 'socket.io-client';
import { registerScenario } from '../game/scenario-registry';
import type { MoveName } from '../game/args';
import { GAME_NAME } from '../game/game';
import { NUM_PLAYERS } from '../game/vocabulary';
import {
  type ClientToServerEvents,
  ERROR_EVENT,
  type MatchState,
  type MoveAction,
  type MoveAnswer,
  STATUS_EVENT,
  type ServerToClientEvents,
  type SocketError,
} from './events';
import type { ClassroomStatus } from './status';

export type { MatchState };

/** A move's answer as this connection sees it: the server's, or `timeout` when none came in time. */
export type MoveResult = MoveAnswer | { ok: false; code: 'timeout'; message: string };

export interface MatchSocketOptions {
  /** The server's origin, e.g. `http://127.0.0.1:8000` ('' in a page served by the server itself). */
  server: string;
  matchID: string;
  /** A seat ('0'..'5'), the facilitator ('6'), or null for a spectator. */
  playerID: string | null;
  credentials?: string;
  /** WebSocket only (no long-polling start): what Node clients use. */
  websocketOnly?: boolean;
  /** How long a move waits for its acknowledgement (ms). */
  ackTimeoutMs?: number;
}

type Listener = () => void;

export class MatchSocket {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: MatchState | null = null;
  status: ClassroomStatus | null = null;
  lastError: SocketError | null = null;
  /** Set when the server refused this connection's sync (unknown match, wrong credentials). */
  refused: SocketError | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly options: MatchSocketOptions) {
    this.socket = io(`${options.server}/${GAME_NAME}`, {
      transports: options.websocketOnly ? ['websocket'] : ['polling', 'websocket'],
      reconnection: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 2000,
    });
    // Every (re)connection syncs again: after a server restart the client picks up the stored state.
    this.socket.on('connect', () => {
      this.socket.emit('sync', options.matchID, options.playerID, options.credentials, NUM_PLAYERS);
    });
    this.socket.on('sync', (matchID, info) => {
      if (matchID !== options.matchID) return;
      this.refused = null;
      // The state holds only the scenario's hash: the sync carries the document, registered before any read.
      if (info.scenario) registerScenario(info.scenario);
      this.state = info.state;
      this.emit();
    });
    this.socket.on('update', (matchID, state) => {
      if (matchID !== options.matchID || !this.state) return;
      if (state._stateID < this.state._stateID) return;
      this.state = state;
      this.emit();
    });
    this.socket.on(STATUS_EVENT, (status) => {
      if (status.matchID !== options.matchID) return;
      this.status = status;
      this.emit();
    });
    this.socket.on(ERROR_EVENT, (error) => {
      this.lastError = error;
      if (error.code === 'unknown-match' || error.code === 'unauthorized') this.refused = error;
      this.emit();
    });
  }

  get matchID(): string {
    return this.options.matchID;
  }

  get playerID(): string | null {
    return this.options.playerID;
  }

  /** Sends a move with the state ID this client last saw; resolves with the server's answer. */
  move(type: MoveName, arg?: unknown): Promise<MoveResult> {
    const { matchID, playerID, credentials } = this.options;
    const stateID = this.state?._stateID ?? 0;
    const action: MoveAction = { type: 'MAKE_MOVE', payload: { type, args: arg === undefined ? [] : [arg], playerID, credentials } };
    return new Promise((resolve) => {
      this.socket
        .timeout(this.options.ackTimeoutMs ?? 10_000)
        .emit('update', action, stateID, matchID, playerID, (error, answer) => {
          resolve(error ? { ok: false, code: 'timeout', message: 'the server did not answer in time' } : answer);
        });
    });
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once `test` holds on this connection (checked on every change), or rejects after `timeoutMs`. */
  until(test: (socket: MatchSocket) => boolean, timeoutMs = 10_000, what = 'a condition'): Promise<void> {
    if (test(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const stop = this.subscribe(() => {
        if (!test(this)) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  }

  close(): void {
    this.listeners.clear();
    this.socket.close();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
