/**
 * One connection to a classroom match over boardgame.io's socket protocol (sync / update / matchData), plus the
 * classroom server's own events (`oaw:classroom` status, `oaw:error`) and move acknowledgements. Used by the
 * classroom pages, the remote session, the server tests and the server benchmark; it runs in browsers and in Node.
 */
import { io, type Socket } from 'socket.io-client';
import type { State } from 'boardgame.io';
import type { GameState } from '../game/state';
import { GAME_NAME } from '../game/game';
import { NUM_PLAYERS } from '../game/vocabulary';
import type { ClassroomStatus } from './status';

export type MatchState = State<GameState>;

/** The classroom status the server pushes (a type only: nothing of the server is bundled). */
export type ClassroomStatusView = ClassroomStatus;

export interface ServerError {
  matchID?: string;
  code: string;
  message: string;
}

export type MoveAnswer = { ok: true; stateID: number } | { ok: false; code: string; message: string };

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
  readonly socket: Socket;
  state: MatchState | null = null;
  status: ClassroomStatusView | null = null;
  lastError: ServerError | null = null;
  /** Set when the server refused this connection's sync (unknown match, wrong credentials). */
  refused: ServerError | null = null;
  private scenario: GameState['scenario'] | null = null;
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
    this.socket.on('sync', (matchID: string, info: { state: MatchState }) => {
      if (matchID !== options.matchID) return;
      this.refused = null;
      this.scenario = info.state.G.scenario;
      this.state = info.state;
      this.emit();
    });
    this.socket.on('update', (matchID: string, state: MatchState) => {
      if (matchID !== options.matchID || !this.scenario) return;
      if (this.state && state._stateID < this.state._stateID) return;
      // Updates leave the (unchanging) scenario out; put back the one the sync carried.
      this.state = { ...state, G: { ...state.G, scenario: state.G.scenario ?? this.scenario } };
      this.emit();
    });
    this.socket.on('oaw:classroom', (status: ClassroomStatusView) => {
      if (status.matchID !== options.matchID) return;
      this.status = status;
      this.emit();
    });
    this.socket.on('oaw:error', (error: ServerError) => {
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
  move(type: string, arg?: unknown): Promise<MoveAnswer> {
    const { matchID, playerID, credentials } = this.options;
    const stateID = this.state?._stateID ?? 0;
    const action = { type: 'MAKE_MOVE', payload: { type, args: arg === undefined ? [] : [arg], playerID, credentials } };
    return new Promise((resolve) => {
      this.socket
        .timeout(this.options.ackTimeoutMs ?? 10_000)
        .emit('update', action, stateID, matchID, playerID, (error: Error | null, answer: MoveAnswer) => {
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
