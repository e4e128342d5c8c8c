/**
 * `npm run bench`: full-match throughput per era scenario with random bots, on one core (printed, not asserted).
 * Other benchmarks add their figures through the hooks below when present.
 */
import { SEATS } from '../game/seats';
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import { playMatch } from './match';

const RANDOM: BotSpec = Object.fromEntries(SEATS.map((s) => [s, 'random'])) as BotSpec;

/** Plays matches of one scenario for about `seconds` and returns matches per second. */
export function matchesPerSecond(scenarioId: string, bots: BotSpec, seconds = 3): { rate: number; matches: number; moves: number } {
  const scenario = builtinScenario(scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
  playMatch({ scenario, seed: 'warm-up', bots });
  const started = performance.now();
  let matches = 0;
  let moves = 0;
  while (performance.now() - started < seconds * 1000) {
    const { driver } = playMatch({ scenario, seed: `bench-${matches}`, bots });
    moves += driver.actions.length;
    matches += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { rate: matches / elapsed, matches, moves: moves / elapsed };
}

async function main(): Promise<void> {
  console.log(`Full matches per second, random bots in every seat, one core (NODE_ENV=${process.env.NODE_ENV ?? 'unset'})`);
  for (const id of BUILTIN_IDS) {
    const { rate, matches, moves } = matchesPerSecond(id, RANDOM);
    console.log(`  ${id.padEnd(16)} ${rate.toFixed(1).padStart(6)} matches/s  (${matches} matches, ${moves.toFixed(0)} moves/s)`);
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
