/**
 * A read-only `GameSession` over a replay's timeline: its state is the selected position, seen through a lens — every
 * secret (the facilitator's view) or what one seat saw at the time (`viewFor`). The map scene and the panels follow it
 * exactly as they follow a live match; it dispatches nothing.
 */
import { SEATS, type Seat } from '../../game/vocabulary';
import type { GameState } from '../../game/state';
import { facilitatorView, viewFor } from '../../game/view';
import type { Scenario } from '../../game/scenario-schema';
import type { Replay } from '../../match/replay';
import type { GameSession, MoveName } from '../session';
import type { Lens, Position, Timeline } from './timeline';

export class ReplaySession implements GameSession {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly humanSeats: readonly Seat[] = [];
  private index = 0;
  private seat: Lens = null;
  private readonly listeners = new Set<() => void>();

  constructor(readonly timeline: Timeline) {
    this.scenario = timeline.scenario;
    this.seed = timeline.replay.seed;
  }

  /** The selected position. */
  get position(): Position {
    return this.timeline.positions[this.index];
  }

  get positionIndex(): number {
    return this.index;
  }

  get lastIndex(): number {
    return this.timeline.positions.length - 1;
  }

  /** Moves to a position (clamped to the timeline); listeners hear of it only if it changed. */
  seek(index: number): void {
    const next = Math.max(0, Math.min(this.lastIndex, Math.round(index)));
    if (next === this.index) return;
    this.index = next;
    this.emit();
  }

  step(delta: number): void {
    this.seek(this.index + delta);
  }

  /** The lens: null shows every secret, a seat shows that seat's view at the time. */
  get lens(): Lens {
    return this.seat;
  }

  setLens(lens: Lens): void {
    if (lens === this.seat) return;
    this.seat = lens;
    this.emit();
  }

  activeSeat(): Seat | null {
    return this.seat;
  }

  view(): GameState {
    const G = this.position.state.G;
    return this.seat ? viewFor(G, this.seat) : facilitatorView(G);
  }

  phase(): string {
    return this.position.state.ctx.phase ?? 'over';
  }

  over(): boolean {
    return this.position.phase === 'over';
  }

  /** Who the table still waited for at this position. */
  waitingFor(): Seat[] {
    if (this.over()) return [];
    const G = this.position.state.G;
    return SEATS.filter((s) => !G.ready[s]);
  }

  dispatch(_move: MoveName, _args?: unknown): boolean {
    return false;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The replay as it was loaded. */
  replay(): Replay {
    return this.timeline.replay;
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
