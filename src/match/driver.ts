/**
 * What every match driver shares: the recorded action, the per-round hash, the state hash of replays and the
 * interface bots are played through. Kept apart from the drivers so bots (the strategist's rollouts) can use the
 * direct driver without importing the reducer-based one.
 */
import { hashValue } from '../game/hash';
import type { Seat } from '../game/vocabulary';
import type { GameState } from '../game/state';

/** One dispatched action: a seat's move and its arguments. */
export interface MatchAction {
  playerID: string;
  move: string;
  args: unknown[];
}

export interface RoundHash {
  round: number;
  year: number;
  hash: string;
}

/** The state hash of replays: the whole of G (which names its static scenario by content hash). */
export const stateHash = (G: GameState): string => hashValue(G);

/** What `playBotPhase` needs of a driver: the reducer's `MatchDriver` or the direct one (src/match/direct.ts). */
export interface PhaseDriver {
  readonly G: GameState;
  readonly over: boolean;
  /** The current boardgame.io phase name. */
  readonly phase: string;
  /** Grows with every accepted move. */
  readonly stateID: number;
  move(playerID: string, move: string, args?: unknown[]): boolean;
  view(seat: Seat): GameState;
}
