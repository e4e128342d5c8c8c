/**
 * `npm run bench`: full-match throughput per era scenario with random bots, on one core (printed, not asserted).
 * Other benchmarks add their figures through the hooks below when present.
 *
 * Both engines play the same matches: the same seeds, in alternating batches (reducer first, then direct first), so
 * load on the machine and the JIT's warm-up fall on both alike, and each seed's final state hash must agree between
 * them. Rates are per CPU-second of this process (`process.cpuUsage`), which other processes on a shared machine
 * disturb far less than the wall clock; the wall-clock rate is printed beside them.
 */
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import { SEATS as ALL_SEATS, type Seat } from '../game/vocabulary';
import { makeBot, makeBots } from '../bots/registry';
import { DirectDriver } from '../match/direct';
import { botRng, playBotPhase, playMatch, stateHash } from '../match/match';

const RANDOM: BotSpec = Object.fromEntries(ALL_SEATS.map((s) => [s, 'random'])) as BotSpec;

export type Engine = 'reducer' | 'direct';

/** One whole match on the direct driver (the rules' own moves without boardgame.io's reducer). */
function playDirect(scenario: unknown, seed: string, bots: BotSpec): { moves: number; hash: string } {
  const driver = DirectDriver.start({ scenario, seed });
  const players = Object.fromEntries(ALL_SEATS.map((s) => [s, makeBot(bots[s])]));
  const rngs = Object.fromEntries(ALL_SEATS.map((s) => [s, botRng(seed, s)])) as Record<Seat, () => number>;
  while (!driver.over) playBotPhase(driver, players, rngs);
  return { moves: driver.actions.length, hash: stateHash(driver.G) };
}

/** One whole match on boardgame.io's reducer. */
function playReducer(scenario: unknown, seed: string, bots: BotSpec): { moves: number; hash: string } {
  const { driver, finalHash } = playMatch({ scenario, seed, bots: makeBots(bots) });
  return { moves: driver.actions.length, hash: finalHash };
}

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export interface EngineFigures {
  /** Moves per CPU-second of this process. */
  moves: number;
  /** Moves per wall-clock second. */
  wallMoves: number;
  matches: number;
}

/**
 * Plays the same seeded matches of one scenario on both engines, in alternating batches of `batch` seeds, until
 * about `seconds` of CPU time have gone by; returns each engine's rates over exactly the same matches.
 */
export function compareEngines(
  scenarioId: string,
  bots: BotSpec,
  seconds = 6,
  batch = 4,
): Record<Engine, EngineFigures> {
  const scenario = builtinScenario(scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
  const play = { reducer: playReducer, direct: playDirect };
  // Warm-up on a seed outside the measured ones, on both engines.
  for (const engine of ['reducer', 'direct'] as const) play[engine](scenario, 'warm-up', bots);
  const cpu = { reducer: 0, direct: 0 };
  const wall = { reducer: 0, direct: 0 };
  const moves = { reducer: 0, direct: 0 };
  let matches = 0;
  for (let round = 0; cpu.reducer + cpu.direct < seconds; round++) {
    const seeds = Array.from({ length: batch }, (_, i) => `bench-${round * batch + i}`);
    const hashes: Record<Engine, string[]> = { reducer: [], direct: [] };
    const order: Engine[] = round % 2 === 0 ? ['reducer', 'direct'] : ['direct', 'reducer'];
    for (const engine of order) {
      const startedCpu = cpuSeconds();
      const startedWall = performance.now();
      for (const seed of seeds) {
        const played = play[engine](scenario, seed, bots);
        moves[engine] += played.moves;
        hashes[engine].push(played.hash);
      }
      cpu[engine] += cpuSeconds() - startedCpu;
      wall[engine] += (performance.now() - startedWall) / 1000;
    }
    seeds.forEach((seed, i) => {
      if (hashes.reducer[i] !== hashes.direct[i])
        throw new Error(
          `${scenarioId} seed ${seed}: the engines disagree (${hashes.reducer[i]} vs ${hashes.direct[i]})`,
        );
    });
    matches += seeds.length;
  }
  const figures = (engine: Engine): EngineFigures => ({
    moves: moves[engine] / cpu[engine],
    wallMoves: moves[engine] / wall[engine],
    matches,
  });
  return { reducer: figures('reducer'), direct: figures('direct') };
}

/** `--engines-only` (`npm run bench:engines`) prints the engine comparison and leaves out the other benchmarks. */
async function main(enginesOnly: boolean): Promise<void> {
  console.log(
    `Full matches, random bots in every seat, one core (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}): both engines play the same seeds, in alternating batches`,
  );
  console.log(
    '  (moves per CPU-second of this process; per wall-clock second in brackets; the direct driver is hash-equal to the reducer)',
  );
  const results: Record<string, Record<Engine, EngineFigures>> = {};
  for (const id of BUILTIN_IDS) {
    const r = (results[id] = compareEngines(id, RANDOM));
    console.log(
      `  ${id.padEnd(16)} ${r.reducer.matches} matches each: reducer ${r.reducer.moves.toFixed(0)} (${r.reducer.wallMoves.toFixed(0)}) moves/s, direct ${r.direct.moves.toFixed(0)} (${r.direct.wallMoves.toFixed(0)}) moves/s`,
    );
  }
  // A move's cost on the reducer over its cost on the direct driver, bots' own time included in both.
  console.log('Reducer overhead per era (the same bots and matches on both engines):');
  for (const id of BUILTIN_IDS) {
    const { reducer, direct } = results[id];
    console.log(
      `  ${id} reducer ${reducer.moves.toFixed(0)} moves/s, direct ${direct.moves.toFixed(0)} moves/s, reducer/direct cost ${(direct.moves / reducer.moves).toFixed(1)}x`,
    );
  }
  if (enginesOnly) return;
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
if (isMain) await main(process.argv.includes('--engines-only'));
