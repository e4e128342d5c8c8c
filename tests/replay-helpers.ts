/**
 * Shared fixtures of the replay, fork and debrief tests: matches played by bots, by a human-style seat and by a
 * facilitator, as replays.
 */
import { SEATS, perSeat, type Seat, playerIDOf } from '../src/game/vocabulary';
import type { BotSpec } from '../src/bots/registry';
import { makeBot, makeBots } from '../src/bots/registry';
import type { Bot } from '../src/match/bot';
import { builtinScenario } from '../src/scenario/builtin';
import type { Scenario } from '../src/game/scenario-schema';
import { MatchDriver, botRng, playBotPhase, playMatch } from '../src/match/match';
import { type Replay, buildReplay } from '../src/match/replay';

export const RANDOM: BotSpec = perSeat(() => 'random');

export function scenarioById(id: string): Scenario {
  const scenario = builtinScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

export function seatsOf(controller: (seat: Seat) => string): Record<Seat, string> {
  return perSeat(controller);
}

/** A whole match with random bots, as a replay. */
export function botReplay(scenarioId: string, seed: string, maxRounds?: number): Replay {
  const scenario = scenarioById(scenarioId);
  const { driver } = playMatch({
    scenario,
    seed,
    bots: makeBots(RANDOM),
    ...(maxRounds !== undefined ? { maxRounds } : {}),
  });
  return buildReplay({ scenario, seed, seats: seatsOf(() => 'bot:random'), driver, createdBy: 'test' });
}

/**
 * Drives a match: each step `act` plays the humans' and the facilitator's part of the current phase, then random
 * bots play the other seats, then `after`. Between them every human seat must be made ready (or advanced).
 */
export function driveMatch(options: {
  scenario: Scenario;
  seed: string;
  humans?: readonly Seat[];
  act?: (driver: MatchDriver) => void;
  /** Runs after the bots, e.g. a facilitator advancing idle seats. */
  after?: (driver: MatchDriver) => void;
  maxRounds?: number;
}): MatchDriver {
  const driver = new MatchDriver({ scenario: options.scenario, seed: options.seed });
  const humans = new Set(options.humans ?? []);
  const bots = Object.fromEntries(
    SEATS.filter((s) => !humans.has(s)).map((s) => [s, makeBot('random')]),
  ) as Partial<Record<Seat, Bot>>;
  const rngs = perSeat((s) => botRng(options.seed, s));
  let guard = 0;
  while (!driver.over) {
    if (options.maxRounds !== undefined && driver.G.round > options.maxRounds) break;
    const before = driver.state._stateID;
    options.act?.(driver);
    if (!driver.over) playBotPhase(driver, bots, rngs, humans);
    if (!driver.over) options.after?.(driver);
    if (driver.state._stateID === before || ++guard > 1000)
      throw new Error(`no progress in ${driver.state.ctx.phase} ${driver.G.year}`);
  }
  return driver;
}

/** A human seat's move that must be accepted. */
export function mustMove(
  driver: MatchDriver,
  seat: Seat | 'facilitator',
  move: string,
  args: unknown[] = [],
): void {
  const id = seat === 'facilitator' ? '6' : playerIDOf(seat);
  if (!driver.move(id, move, args))
    throw new Error(`${seat} ${move} ${JSON.stringify(args)} was refused in ${driver.G.year}`);
}

/** Position of the action whose step began each round: actions before it belong to the previous round. */
export function roundOfAction(yearStarts: { action: number }[], index: number): number {
  return yearStarts.filter((y) => y.action < index).length;
}
