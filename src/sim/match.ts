/**
 * Headless matches on boardgame.io's own reducer: the same code path as the server, without a network. Records
 * every non-automatic action and a state hash per round, which is what a replay file holds.
 */
import type { State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import seedrandom from 'seedrandom';
import { OilAndWater, type SetupData } from '../game/game';
import { hashValue } from '../game/hash';
import { NUM_PLAYERS, SEATS, type Seat, playerIDOf } from '../game/seats';
import type { GameState } from '../game/state';
import { viewFor } from '../game/view';
import { makeBot, type BotSpec } from '../bots/registry';
import type { Bot, BotContext } from '../bots/types';

export type MatchState = State<GameState>;

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

/** The state hash of replays: the whole of G, with the (static) scenario standing in by its content hash. */
export const stateHash = (G: GameState): string => hashValue({ ...G, scenario: G.scenarioHash });

/** Drives one match through the reducer, recording actions and per-round hashes. */
export class MatchDriver {
  readonly actions: MatchAction[] = [];
  readonly roundHashes: RoundHash[] = [];
  state: MatchState;
  private readonly reducer: ReturnType<typeof CreateGameReducer>;

  constructor(readonly setupData: SetupData) {
    this.state = InitializeGame({ game: OilAndWater, numPlayers: NUM_PLAYERS, setupData }) as MatchState;
    this.reducer = CreateGameReducer({ game: OilAndWater });
  }

  get G(): GameState {
    return this.state.G;
  }

  get over(): boolean {
    return this.state.ctx.gameover !== undefined;
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
  bots: BotSpec;
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

/** Plays one phase for every bot seat. Seats in `skip` (humans) are left alone. */
export function playBotPhase(
  driver: MatchDriver,
  bots: Partial<Record<Seat, Bot>>,
  rngs: Partial<Record<Seat, () => number>>,
  skip: ReadonlySet<Seat> = new Set(),
): void {
  const phase = driver.state.ctx.phase;
  const botSeats = SEATS.filter((s) => bots[s] && !skip.has(s));
  const ctx = (seat: Seat): BotContext => ({ seat, view: driver.view(seat), next: rngs[seat] as () => number });
  const markReady = (seat: Seat, move: string, args: unknown[] = []) => {
    if (!driver.over && driver.state.ctx.phase === phase && !driver.G.ready[seat]) driver.move(playerIDOf(seat), move, args);
  };

  if (phase === 'briefing') {
    for (const seat of botSeats) markReady(seat, 'ready');
    return;
  }
  if (phase === 'diplomacy') {
    for (const seat of botSeats) {
      const bot = bots[seat] as Bot;
      for (const d of bot.decide(ctx(seat))) driver.move(playerIDOf(seat), 'decide', [{ id: d.id, option: d.option }]);
      for (const p of bot.propose(ctx(seat))) driver.move(playerIDOf(seat), 'propose', [p]);
    }
    for (const seat of botSeats) {
      const bot = bots[seat] as Bot;
      const open = driver.view(seat).proposals.filter((p) => p.to === seat && p.status === 'open');
      for (const p of open) {
        const answer = bot.respond(ctx(seat), p);
        driver.move(playerIDOf(seat), 'respond', [{ id: p.id, accept: answer.accept }]);
      }
    }
    for (const seat of botSeats) markReady(seat, 'ready');
    return;
  }
  if (phase === 'policy') {
    for (const seat of botSeats) {
      if (driver.G.ready[seat]) continue;
      const orders = (bots[seat] as Bot).orders(ctx(seat));
      if (!driver.move(playerIDOf(seat), 'commitOrders', [{ orders }])) {
        driver.move(playerIDOf(seat), 'commitOrders', [{ orders: [] }]);
      }
    }
  }
}

/** Plays a whole match with bots in every seat. */
export function playMatch(options: PlayOptions): PlayedMatch {
  const driver = new MatchDriver({ scenario: options.scenario, seed: options.seed });
  const bots = Object.fromEntries(SEATS.map((s) => [s, makeBot(options.bots[s])])) as Record<Seat, Bot>;
  const rngs = Object.fromEntries(SEATS.map((s) => [s, botRng(options.seed, s)])) as Record<Seat, () => number>;
  let guard = 0;
  while (!driver.over) {
    if (options.maxRounds !== undefined && driver.G.round > options.maxRounds) break;
    const before = driver.state._stateID;
    playBotPhase(driver, bots, rngs);
    if (driver.state._stateID === before || ++guard > 10_000) throw new Error('the match made no progress');
  }
  return { driver, finalHash: stateHash(driver.G) };
}
