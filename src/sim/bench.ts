/**
 * `npm run bench`: full-match throughput per era scenario with random bots, on one core (printed, not asserted).
 * Other benchmarks add their figures through the hooks below when present.
 */
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import { SEATS as ALL_SEATS, type Seat } from '../game/vocabulary';
import { makeBot, makeBots } from '../bots/registry';
import { DirectDriver } from '../match/direct';
import { botRng, playBotPhase, playMatch } from '../match/match';

const RANDOM: BotSpec = Object.fromEntries(ALL_SEATS.map((s) => [s, 'random'])) as BotSpec;

/** One whole match on the direct driver (the rules' own moves without boardgame.io's reducer); returns its moves. */
function playDirect(scenario: unknown, seed: string, bots: BotSpec): number {
  const driver = DirectDriver.start({ scenario, seed });
  const players = Object.fromEntries(ALL_SEATS.map((s) => [s, makeBot(bots[s])]));
  const rngs = Object.fromEntries(ALL_SEATS.map((s) => [s, botRng(seed, s)])) as Record<Seat, () => number>;
  while (!driver.over) playBotPhase(driver, players, rngs);
  return driver.actions.length;
}

/** Plays matches of one scenario for about `seconds` and returns matches per second. */
export function matchesPerSecond(
  scenarioId: string,
  bots: BotSpec,
  engine: 'reducer' | 'direct',
  seconds = 3,
): { rate: number; matches: number; moves: number } {
  const scenario = builtinScenario(scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
  const play = (seed: string) =>
    engine === 'direct'
      ? playDirect(scenario, seed, bots)
      : playMatch({ scenario, seed, bots: makeBots(bots) }).driver.actions.length;
  play('warm-up');
  const started = performance.now();
  let matches = 0;
  let moves = 0;
  while (performance.now() - started < seconds * 1000) {
    moves += play(`bench-${matches}`);
    matches += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { rate: matches / elapsed, matches, moves: moves / elapsed };
}

async function main(): Promise<void> {
  console.log(
    `Full matches per second, random bots in every seat, one core (NODE_ENV=${process.env.NODE_ENV ?? 'unset'})`,
  );
  const movesPerSecond: Record<string, Record<'reducer' | 'direct', number>> = {};
  for (const engine of ['reducer', 'direct'] as const) {
    console.log(
      engine === 'reducer'
        ? ' boardgame.io reducer (the reference engine):'
        : ' direct driver (batch engine, hash-equal to the reducer):',
    );
    for (const id of BUILTIN_IDS) {
      const { rate, matches, moves } = matchesPerSecond(id, RANDOM, engine);
      (movesPerSecond[id] ??= { reducer: 0, direct: 0 })[engine] = moves;
      console.log(
        `  ${id.padEnd(16)} ${rate.toFixed(1).padStart(6)} matches/s  (${matches} matches, ${moves.toFixed(0)} moves/s)`,
      );
    }
  }
  // A move's cost on the reducer over its cost on the direct driver, bots' own time included in both.
  console.log('Reducer overhead per era (the same bots and matches on both engines):');
  for (const id of BUILTIN_IDS) {
    const { reducer, direct } = movesPerSecond[id];
    console.log(
      `  ${id} reducer ${reducer.toFixed(0)} moves/s, direct ${direct.toFixed(0)} moves/s, reducer/direct cost ${(direct / reducer).toFixed(1)}x`,
    );
  }
  for (const extra of ['./bench-sim', './bench-replay']) {
    try {
      const mod = (await import(extra)) as Record<string, () => unknown>;
      const fn = mod.benchSim ?? mod.benchReplay;
      if (fn) await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  }
}

const isMain = process.argv[1]?.endsWith('bench.ts');
if (isMain) await main();
