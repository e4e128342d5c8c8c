/**
 * A student's seat in a classroom match as a `GameSession`, so the map UI that serves solo play serves the class too.
 * The state comes from the server over `MatchSocket`, already filtered for this seat (never another seat's agenda,
 * orders, proposals or private messages). States hold only the scenario's hash: the sync carries the document, which
 * the socket registers (src/game/scenario-registry.ts). Moves go over the socket: `dispatch` says only whether a move was sent, and
 * the server's answer arrives later; a refusal is kept in `lastError` and passed to `onError` for the UI to show.
 * Replays are the server's (`GET /api/matches/:id/replay`), so there is no `replay()` here.
 */
import { type Seat, playerIDOf } from '../../game/vocabulary';
import { scenarioOf } from '../../game/scenario-registry';
import { builtinScenario } from '../../scenario/builtin';
import type { Scenario } from '../../game/scenario-schema';
import type { ClassroomBanner, GameSession, MoveName } from '../session';
import { type MatchSocketOptions, MatchSocket } from '../../protocol/match-socket';
import { SocketSession } from './socket-session';

export interface RemoteSessionOptions {
  /** The server's origin ('' in a page the server itself serves). */
  server: string;
  matchID: string;
  seat: Seat;
  credentials: string;
  /** WebSocket only (what Node clients use). */
  websocketOnly?: boolean;
  ackTimeoutMs?: number;
}

/** A move the server did not accept, with its code (`refused`, `paused`, `stale`, …) and its sentence. */
export interface RemoteError {
  move: MoveName | null;
  code: string;
  message: string;
}

export class RemoteSession extends SocketSession implements GameSession {
  readonly seat: Seat;
  readonly humanSeats: readonly Seat[];
  /** The last move the server refused (cleared by the next accepted one). */
  lastError: RemoteError | null = null;
  /** Called with each refusal's message; the app shows it as a toast. */
  onError: ((message: string, error: RemoteError) => void) | null = null;
  /** Moves sent whose answers have not arrived yet. */
  pending = 0;
  private readonly listeners = new Set<() => void>();
  /** When (local clock) the last status arrived, so the phase clock runs between pushes without trusting our clock. */
  private statusAt = 0;
  private fallbackScenario: Scenario | null = null;

  constructor(private readonly options: RemoteSessionOptions) {
    const socketOptions: MatchSocketOptions = {
      server: options.server,
      matchID: options.matchID,
      playerID: playerIDOf(options.seat),
      credentials: options.credentials,
      ...(options.websocketOnly ? { websocketOnly: true } : {}),
      ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
    };
    super(new MatchSocket(socketOptions));
    this.seat = options.seat;
    this.humanSeats = [options.seat];
    let lastStatus = this.socket.status;
    this.socket.subscribe(() => {
      if (this.socket.status !== lastStatus) {
        lastStatus = this.socket.status;
        this.statusAt = Date.now();
      }
      this.emit();
    });
    // The banner says when the link drops (the socket reconnects and syncs again by itself).
    this.socket.socket.on('disconnect', () => this.emit());
    this.socket.socket.on('connect', () => this.emit());
  }

  get matchID(): string {
    return this.options.matchID;
  }

  /** Resolves at the first sync; rejects when the server refuses this seat or nothing arrives in time. */
  async ready(timeoutMs = 15_000): Promise<void> {
    await this.socket.until((s) => s.state !== null || s.refused !== null, timeoutMs, 'the class match');
    if (this.socket.state === null && this.socket.refused) throw new Error(this.socket.refused.message);
  }

  get scenario(): Scenario {
    const synced = this.socket.state?.G;
    if (synced) return scenarioOf(synced);
    const id = this.socket.status?.scenarioId;
    this.fallbackScenario ??= id ? (builtinScenario(id) ?? null) : null;
    if (!this.fallbackScenario) throw new Error('the class match has not synced yet');
    return this.fallbackScenario;
  }

  /** Known once the match is over (the rules open every secret then). */
  get seed(): string | null {
    return this.over() ? (this.socket.state?.G.seed ?? null) : null;
  }

  activeSeat(): Seat | null {
    return this.seat;
  }

  dispatch(move: MoveName, args?: unknown): boolean {
    if (!this.socket.state || this.over()) return false;
    this.pending++;
    void this.socket.move(move, args).then((answer) => {
      this.pending--;
      if (answer.ok) {
        if (this.lastError) {
          this.lastError = null;
          this.emit();
        }
        return;
      }
      this.lastError = { move, code: answer.code, message: answer.message };
      this.onError?.(answer.message, this.lastError);
      this.emit();
    });
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The facilitator's pause and the phase clock, as of now. */
  classroom(): ClassroomBanner | null {
    const status = this.socket.status;
    if (!status)
      return { paused: false, finished: false, remainingMs: null, connected: this.socket.socket.connected };
    const t = status.timer;
    let remainingMs: number | null = null;
    if (t?.deadline != null) remainingMs = t.deadline - status.serverNow - (Date.now() - this.statusAt);
    else if (t?.remainingMs != null) remainingMs = t.remainingMs;
    return {
      paused: status.paused,
      finished: status.finished,
      remainingMs: remainingMs === null ? null : Math.max(0, remainingMs),
      connected: this.socket.socket.connected,
    };
  }

  close(): void {
    this.listeners.clear();
    this.socket.close();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
