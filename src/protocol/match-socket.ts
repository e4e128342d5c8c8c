/**
 * One connection to a classroom match over boardgame.io's socket protocol (sync / update / matchData), plus the
 * classroom server's own events (`oaw:classroom` status, `oaw:error`) and move acknowledgements. Used by the
 * classroom pages, the remote session, the server tests and the server benchmark; it runs in browsers and in Node.
 */
import { io, type Socket } from 'socket.io-client';
import { registerScenario } from '../game/scenario-registry';
import { loadBuiltinScenario } from '../scenario/builtin';
import type { MoveName } from '../game/args';
import type { GameState } from '../game/state';
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
  /** A resync is on its way (sent, no sync back yet): one at a time. */
  private resyncing = false;
  /** How many times this connection asked for a fresh sync because it had fallen behind (tests, benches). */
  resyncs = 0;

  constructor(private readonly options: MatchSocketOptions) {
    this.socket = io(`${options.server}/${GAME_NAME}`, {
      transports: options.websocketOnly ? ['websocket'] : ['polling', 'websocket'],
      reconnection: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 2000,
    });
    // Every (re)connection syncs again: after a server restart the client picks up the stored state.
    this.socket.on('connect', () => {
      this.resyncing = false;
      this.requestSync();
    });
    this.socket.on('sync', (matchID, info) => {
      if (matchID !== options.matchID) return;
      this.refused = null;
      this.resyncing = false;
      // The state holds only the scenario's hash: the sync carries the document, registered before any read; an
      // unchanged built-in era comes as its id only (the server's filter.ts), and this bundle has it (the browser
      // downloads it on first use: src/scenario/builtin-browser.ts).
      const apply = () => {
        this.state = info.state;
        this.emit();
      };
      if (info.scenario) {
        registerScenario(info.scenario);
        apply();
        return;
      }
      const stateID = info.state._stateID;
      void loadBuiltinScenario(info.state.G.scenarioId).then((scenario) => {
        if (scenario) registerScenario(scenario);
        // An update that arrived meanwhile is newer: keep it.
        if (!this.state || this.state._stateID <= stateID) apply();
      });
    });
    this.socket.on('update', (matchID, state) => {
      if (matchID !== options.matchID || !this.state) return;
      if (state._stateID < this.state._stateID) return;
      // The server sends every committed state in order (one state ID apart): a gap means updates were missed.
      if (state._stateID > this.state._stateID + 1) this.resync();
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
      // Any other answer (a refused sync among them) ends a pending resync, so a later one can be asked for.
      if (error.code !== 'stale') this.resyncing = false;
      if (error.code === 'unknown-match' || error.code === 'unauthorized') this.refused = error;
      // The match moved on without this client seeing it: fetch the stored state rather than stay behind.
      if (error.code === 'stale' && (error.matchID === undefined || error.matchID === options.matchID))
        this.resync();
      this.emit();
    });
  }

  get matchID(): string {
    return this.options.matchID;
  }

  /** The synced state's G (the view this socket's player may see); throws before the first sync. */
  get G(): GameState {
    if (!this.state) throw new Error('the class match has not synced yet');
    return this.state.G;
  }

  /** The synced phase; 'briefing' before the first sync. */
  get phase(): string {
    return this.state?.ctx.phase ?? 'briefing';
  }

  /** Whether the synced match is over. */
  get over(): boolean {
    const gameover = this.state?.ctx.gameover;
    return gameover !== undefined && gameover !== null;
  }

  get playerID(): string | null {
    return this.options.playerID;
  }

  /** Sends a move with the state ID this client last saw; resolves with the server's answer. */
  move(type: MoveName, arg?: unknown): Promise<MoveResult> {
    const { matchID, playerID, credentials } = this.options;
    const stateID = this.state?._stateID ?? 0;
    const action: MoveAction = {
      type: 'MAKE_MOVE',
      payload: { type, args: arg === undefined ? [] : [arg], playerID, credentials },
    };
    return new Promise((resolve) => {
      this.socket
        .timeout(this.options.ackTimeoutMs ?? 10_000)
        .emit('update', action, stateID, matchID, playerID, (error, answer) => {
          // The server sends a move's update before its acknowledgement: acknowledged but unseen means it was missed.
          if (!error && answer.ok && (this.state?._stateID ?? 0) < answer.stateID) this.resync();
          resolve(
            error ? { ok: false, code: 'timeout', message: 'the server did not answer in time' } : answer,
          );
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

  /**
   * Asks the server for the stored state again (a fresh sync) because this client fell behind: a `stale` refusal, a
   * gap in state IDs or an acknowledged move whose update never came. At most one is outstanding at a time.
   */
  resync(): void {
    if (this.resyncing || !this.socket.connected) return;
    this.resyncing = true;
    this.resyncs += 1;
    this.requestSync();
  }

  private requestSync(): void {
    const { matchID, playerID, credentials } = this.options;
    this.socket.emit('sync', matchID, playerID, credentials, NUM_PLAYERS);
  }

  close(): void {
    this.listeners.clear();
    this.socket.close();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
