/**
 * Headless matches on boardgame.io's own reducer: the same code path as the server, without a network. Records
 * every non-automatic action and a state hash per round, which is what a replay file holds.
 */
import type { State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame } from './bgio';
import seedrandom from 'seedrandom';
import { OilAndWater, type SetupData } from '../game/game';
import { stateHash, type MatchAction, type PhaseDriver, type RoundHash } from './driver';
import { NUM_PLAYERS, perSeat, type Seat } from '../game/vocabulary';
import type { GameState } from '../game/state';
import { viewFor } from '../game/view';
import type { Bot } from './bot';
import { playBotsToEnd } from './botphase';

export type MatchState = State<GameState>;

const REDUCER = CreateGameReducer({ game: OilAndWater });

export type { MatchAction, PhaseDriver, RoundHash } from './driver';
export { stateHash } from './driver';
export { playBotPhase, playBotsToEnd, type BotActionNote, type BotPhaseHooks } from './botphase';

/** Drives one match through the reducer, recording actions and per-round hashes. */
export class MatchDriver implements PhaseDriver {
  readonly actions: MatchAction[] = [];
  readonly roundHashes: RoundHash[] = [];
  state: MatchState;
  private readonly reducer: typeof REDUCER;

  /** A new match from setup data, or (`{ state }`) a driver that carries on from a stored state. */
  constructor(source: SetupData | { state: MatchState }) {
    this.state =
      'state' in source
        ? source.state
        : (InitializeGame({ game: OilAndWater, numPlayers: NUM_PLAYERS, setupData: source }) as MatchState);
    this.reducer = REDUCER;
  }

  get G(): GameState {
    return this.state.G;
  }

  get over(): boolean {
    return this.state.ctx.gameover !== undefined;
  }

  get phase(): string {
    return this.state.ctx.phase;
  }

  get stateID(): number {
    return this.state._stateID;
  }

  /** Dispatches a move; returns false (and records nothing) when the rules refuse it. */
  move(playerID: string, move: string, args: unknown[] = []): boolean {
    const before = this.state;
    const historyLength = before.G.history.length;
    const next = this.reducer(before, {
      type: 'MAKE_MOVE',
      payload: { type: move, args, playerID },
    } as Parameters<typeof this.reducer>[1]) as MatchState;
    if (next._stateID === before._stateID) return false;
    this.state = next;
    this.actions.push({ playerID, move, args });
    if (next.G.history.length > historyLength) {
      const snap = next.G.history[next.G.history.length - 1];
      this.roundHashes.push({ round: snap.round, year: snap.year, hash: stateHash(next.G) });
    }
    return true;
  }

  view(seat: Seat): GameState {
    return viewFor(this.state.G, seat);
  }
}

export interface PlayOptions {
  scenario: unknown;
  seed: string;
  /** One bot per seat (see `makeBots` in src/bots/registry.ts). */
  bots: Record<Seat, Bot>;
  /** Stops after this many rounds (for forks and tests); the match is then unfinished. */
  maxRounds?: number;
}

export interface PlayedMatch {
  driver: MatchDriver;
  finalHash: string;
}

/** A bot's own generator: derived from the match seed and seat, never the match PRNG. */
export function botRng(seed: string, seat: Seat): () => number {
  const rng = seedrandom(`oil-and-water:bot:${seed}:${seat}`);
  return () => rng.quick();
}

/** Plays a whole match with bots in every seat. */
export function playMatch(options: PlayOptions): PlayedMatch {
  const driver = new MatchDriver({ scenario: options.scenario, seed: options.seed });
  const rngs = perSeat((s) => botRng(options.seed, s));
  playBotsToEnd(driver, options.bots, rngs, { maxRounds: options.maxRounds });
  return { driver, finalHash: stateHash(driver.G) };
}
