/**
 * A direct driver: runs the Game's own moves and phase hooks (`OilAndWater` in src/game/game.ts) on a plain state,
 * without boardgame.io's reducer, Immer or log. It follows the reducer's flow after each move (game end, then the
 * phase's `endIf` → `onEnd` → next phase → `onBegin`), so the same actions give the same state byte for byte; a test
 * checks every round's hash against `MatchDriver`. It is what batches and the strategist's rollouts run on: about
 * ten times faster, and a recorded action list still replays (and verifies) through the reducer.
 */
import { INVALID_MOVE } from 'boardgame.io/core';
import { NUM_PLAYERS, type Seat } from '../game/vocabulary';
import { type GameState, createInitialState } from '../game/state';
import { viewFor } from '../game/view';
import { OilAndWater, checkSetupData, type SetupData } from '../game/game';
import { stateHash, type MatchAction, type PhaseDriver, type RoundHash } from './driver';

type PhaseName = 'briefing' | 'diplomacy' | 'policy';
type Hook = (context: { G: GameState; ctx: FlowCtx }) => unknown;
type MoveFn = (context: { G: GameState; ctx: FlowCtx; playerID: string }, args?: unknown) => unknown;
interface PhaseConfig {
  /** A name; boardgame.io rewrites it into a function when it first processes the Game. */
  next?: string | Hook;
  onBegin?: Hook;
  onEnd?: Hook;
  endIf?: Hook;
  moves?: Record<string, MoveFn | { move: MoveFn }>;
}

/** The slice of boardgame.io's ctx that the moves and hooks read. */
interface FlowCtx {
  phase: PhaseName;
  numPlayers: number;
}

const PHASES = OilAndWater.phases as unknown as Record<PhaseName, PhaseConfig>;

function moveFn(phase: PhaseName, name: string): MoveFn | undefined {
  const entry = PHASES[phase].moves?.[name];
  if (!entry || !Object.prototype.hasOwnProperty.call(PHASES[phase].moves, name)) return undefined;
  return typeof entry === 'function' ? entry : entry.move;
}

export interface DirectOptions {
  /** Record actions and per-round hashes (what a replay needs); off for rollouts. */
  record?: boolean;
}

/** Plays a match on the rules' functions directly; mutates its own plain state. */
export class DirectDriver implements PhaseDriver {
  readonly actions: MatchAction[] = [];
  readonly roundHashes: RoundHash[] = [];
  phase: PhaseName;
  over: boolean;
  /** Counts accepted moves, like boardgame.io's `_stateID`. */
  stateID = 0;
  private readonly record: boolean;

  constructor(
    public G: GameState,
    phase: PhaseName = 'briefing',
    options: DirectOptions = {},
  ) {
    this.phase = phase;
    this.over = G.outcome !== null;
    this.record = options.record ?? true;
  }

  /** A new match from setup data, validated exactly as the Game's `setup` does. */
  static start(setupData: SetupData, options: DirectOptions = {}): DirectDriver {
    const checked = checkSetupData(setupData, NUM_PLAYERS);
    if (!checked.ok) throw new Error(checked.error);
    return new DirectDriver(createInitialState(checked.scenario, checked.seed), 'briefing', options);
  }

  private ctx(): FlowCtx {
    return { phase: this.phase, numPlayers: NUM_PLAYERS };
  }

  /** Dispatches a move; false (and nothing recorded) when the rules refuse it. */
  move(playerID: string, move: string, args: unknown[] = []): boolean {
    if (this.over) return false;
    const fn = moveFn(this.phase, move);
    if (!fn) return false;
    const historyLength = this.G.history.length;
    const result = fn({ G: this.G, ctx: this.ctx(), playerID }, ...(args as [unknown]));
    if (result === INVALID_MOVE) return false;
    this.stateID += 1;
    if (this.record) this.actions.push({ playerID, move, args });
    this.flow();
    if (this.record && this.G.history.length > historyLength) {
      const snap = this.G.history[this.G.history.length - 1];
      this.roundHashes.push({ round: snap.round, year: snap.year, hash: stateHash(this.G) });
    }
    return true;
  }

  /** The reducer's order after a move: game end, then phase end → next phase → its start. */
  private flow(): void {
    for (let guard = 0; guard < 8; guard++) {
      if (this.G.outcome) {
        this.over = true;
        return;
      }
      const config = PHASES[this.phase];
      if (!config.endIf?.({ G: this.G, ctx: this.ctx() })) return;
      config.onEnd?.({ G: this.G, ctx: this.ctx() });
      if (this.G.outcome) {
        this.over = true;
        return;
      }
      const next =
        typeof config.next === 'function' ? config.next({ G: this.G, ctx: this.ctx() }) : config.next;
      this.phase = next as PhaseName;
      if (PHASES[this.phase].endIf?.({ G: this.G, ctx: this.ctx() })) continue;
      PHASES[this.phase].onBegin?.({ G: this.G, ctx: this.ctx() });
    }
  }

  view(seat: Seat): GameState {
    return viewFor(this.G, seat);
  }
}
