/**
 * Simulator throughput, printed (not asserted): seeded full matches per second with historical bots in every seat,
 * on one worker and on two, for every era; and the time 1,000 matches would take. `npm run bench` calls `benchSim`.
 * Usage: tsx src/sim/bench-sim.ts [MATCHES]   (default 200 per era and worker count)
 */
import { perSeat } from '../game/vocabulary';
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import { parseSeeds, runBatch } from './batch';

const HISTORICAL: BotSpec = perSeat(() => 'historical');

export async function benchSim(matches = 200): Promise<void> {
  const seeds = (parseSeeds(String(matches)) as { seeds: string[] }).seeds;
  console.log(
    `Simulator throughput: ${matches} seeded matches per era, historical bots, direct driver (NODE_ENV=${process.env.NODE_ENV ?? 'unset'})`,
  );
  for (const workers of [1, 2]) {
    let total = 0;
    let seconds = 0;
    for (const id of BUILTIN_IDS) {
      const started = performance.now();
      await runBatch(
        { scenario: builtinScenario(id) as Scenario, seeds, bots: HISTORICAL, whatIfs: [] },
        { workers },
      );
      const s = (performance.now() - started) / 1000;
      total += seeds.length;
      seconds += s;
      console.log(
        `  ${workers} worker${workers > 1 ? 's' : ' '} ${id.padEnd(16)} ${(seeds.length / s).toFixed(1).padStart(7)} matches/s`,
      );
    }
    console.log(
      `  ${workers} worker${workers > 1 ? 's' : ' '} all eras         ${(total / seconds).toFixed(1).padStart(7)} matches/s; 1,000 matches ≈ ${((1000 * seconds) / total).toFixed(1)} s`,
    );
  }
}

const isMain = process.argv[1]?.endsWith('bench-sim.ts');
if (isMain) await benchSim(Number(process.argv[2] ?? 200) || 200);
