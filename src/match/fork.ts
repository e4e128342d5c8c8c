/**
 * Forks: a new match that starts from any year of a replay. "What if we had accepted the aid in 1995?" is a fork at
 * 1995, played differently from there.
 *
 * The fork point of year Y is the start of Y: the state just after the action that began Y, the step in which the
 * previous year's Resolution (or, for the era's first year, the briefing) ended and Y's News ran — the first moment
 * a seat can act in Y, before any decision of Y is answered. Without a new seed the fork's state there is the
 * parent's, hash for hash. With a new seed S the same step runs with the PRNG replaced by `forkRngState(S)` just
 * before Y's News, so Y's wildcards and everything after draw from S while everything before Y stays the parent's.
 *
 * A fork's replay holds the parent's actions up to the fork point (`parent.prefixLength`), then its own; the reseeds
 * of its lineage and its own are in `reseeds`. `verifyReplay` re-derives all of it, and checks the prefix against the
 * parent's state hash at the fork point (`parent.prefixHash`).
 */
import { perSeat, type Seat } from '../game/vocabulary';
import type { Bot } from './bot';
import type { Scenario } from '../game/scenario-schema';
import { MatchDriver, botRng, playBotsToEnd, stateHash } from './match';
import {
  type Replay,
  type ReplayParent,
  type Reseed,
  moveWithReseed,
  buildReplay,
  verifyReplay,
} from './replay';

/** A match positioned at the start of a year of its parent, ready to be played on. */
export interface Fork {
  /** Drives the fork; its recorded actions and round hashes already hold the parent's prefix. */
  driver: MatchDriver;
  scenario: Scenario;
  /** The setup seed (the parent's); a reseed, if any, is in `reseeds`. */
  seed: string;
  year: number;
  round: number;
  parent: ReplayParent;
  reseeds: Reseed[];
  /** The years of the parent that can be forked, for messages and menus. */
  forkableYears: { first: number; last: number };
}

export type ForkResult = { ok: true; fork: Fork } | { ok: false; error: string };

export interface ForkOptions {
  /** The year to fork at: the fork starts at the beginning of that year. */
  year: number;
  /** A new seed for the match PRNG from the fork point on; without it the fork keeps the parent's PRNG. */
  seed?: string;
}

/** The seed's shape, as setup data demands of any seed. */
function seedProblem(seed: string): string | null {
  return seed.length === 0 || seed.length > 64 ? 'a fork seed must be 1-64 characters' : null;
}

/**
 * Starts a fork of `parent` at the start of `options.year`. The parent is verified first: a fork of a replay that
 * does not reproduce is refused. Errors name the problem (a year outside the parent's played range names it).
 */
export function forkReplay(parent: Replay, options: ForkOptions): ForkResult {
  if (options.seed !== undefined) {
    const problem = seedProblem(options.seed);
    if (problem) return { ok: false, error: problem };
  }
  const check = verifyReplay(parent);
  if (!check.ok) return { ok: false, error: `the parent replay does not verify: ${check.error}` };
  const { scenario, yearStarts } = check;
  if (yearStarts.length === 0) {
    return { ok: false, error: 'the parent replay never got past the briefing: no year to fork at' };
  }
  const forkableYears = { first: yearStarts[0].year, last: yearStarts[yearStarts.length - 1].year };
  const start = yearStarts.find((y) => y.year === options.year);
  if (!Number.isInteger(options.year) || !start) {
    return {
      ok: false,
      error: `cannot fork at ${String(options.year)}: the parent played ${forkableYears.first}–${forkableYears.last} (${scenario.id} runs ${scenario.startYear}–${scenario.endYear})`,
    };
  }
  // Verification kept the state before the action that began the year: the fork re-runs only that action, under
  // the new seed if there is one, else under the parent's own reseed there (if any). That action also ends the
  // previous round, so its round hash is recorded again by the move.
  const driver = new MatchDriver({ scenario, seed: parent.seed });
  driver.state = start.stateBefore;
  for (const [playerID, move, args] of parent.actions.slice(0, start.action)) {
    driver.actions.push({ playerID, move, args: structuredClone(args) });
  }
  driver.roundHashes.push(
    ...parent.roundHashes.filter((h) => h.round < start.round - 1).map((h) => ({ ...h })),
  );
  const recorded = (parent.reseeds ?? []).filter((r) => r.at === start.action);
  const seed = options.seed ?? recorded[recorded.length - 1]?.seed;
  const [playerID, move, args] = parent.actions[start.action];
  if (!moveWithReseed(driver, seed, playerID, move, args) || driver.G.round !== start.round) {
    return {
      ok: false,
      error: `cannot start the fork: action ${start.action + 1} no longer begins ${start.year}`,
    };
  }
  if (options.seed === undefined && stateHash(driver.G) !== start.hash) {
    return {
      ok: false,
      error: `cannot start the fork: the state at the start of ${start.year} does not reproduce`,
    };
  }

  const inherited = (parent.reseeds ?? []).filter((r) => r.at <= start.action);
  const reseeds =
    options.seed === undefined ? inherited : [...inherited, { at: start.action, seed: options.seed }];
  const forkParent: ReplayParent = {
    finalHash: parent.finalHash,
    year: start.year,
    round: start.round,
    seed: parent.seed,
    prefixLength: start.action + 1,
    prefixHash: start.hash,
  };
  if (options.seed !== undefined) forkParent.reseed = options.seed;
  return {
    ok: true,
    fork: {
      driver,
      scenario,
      seed: parent.seed,
      year: start.year,
      round: start.round,
      parent: forkParent,
      reseeds,
      forkableYears,
    },
  };
}

/** `forkReplay` for callers that prefer a throw (the browser, the server, `sim`): the error names the problem. */
export function startFork(parent: Replay, year: number, seed?: string): Fork {
  const result = forkReplay(parent, seed === undefined ? { year } : { year, seed });
  if (!result.ok) throw new Error(result.error);
  return result.fork;
}

/** The state hash at the fork point (the parent's, when the fork keeps its PRNG). */
export function forkStartHash(fork: Fork): string {
  return stateHash(fork.driver.G);
}

/**
 * The replay of a fork as played so far: the parent's prefix, the fork's own actions, its lineage. `driver` is the
 * fork's driver (default) or any driver that continued from it.
 */
export function buildForkReplay(
  fork: Fork,
  options: { seats: Record<Seat, string>; createdBy?: string; driver?: MatchDriver },
): Replay {
  return buildReplay({
    scenario: fork.scenario,
    seed: fork.seed,
    seats: options.seats,
    driver: options.driver ?? fork.driver,
    createdBy: options.createdBy,
    parent: fork.parent,
    reseeds: fork.reseeds,
  });
}

/**
 * Plays a fork to its end with bots in every seat. Bots draw from generators seeded by the parent's seed, the fork
 * year and the fork's seed, so the same fork command gives the same file.
 */
export function playFork(fork: Fork, made: Record<Seat, Bot>): void {
  const lineage = `${fork.seed}:fork:${fork.year}:${fork.parent.reseed ?? ''}`;
  const rngs = perSeat((s) => botRng(lineage, s));
  playBotsToEnd(fork.driver, made, rngs, { what: 'the fork' });
}
