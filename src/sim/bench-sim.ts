/**
 * Simulator throughput, printed (not asserted): seeded full matches per second with historical bots in every seat,
 * on one worker and on two, for every era; the time 1,000 matches would take, and two workers' speed over one's (the
 * threads start from the prebuilt bundle, src/sim/worker-bundle.ts). `npm run bench` calls `benchSim`.
 * Usage: tsx src/sim/bench-sim.ts [MATCHES]   (default 200 per era and worker count)
 */
import { perSeat } from '../game/vocabulary';
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import os from 'node:os';
import { parseSeeds, runBatch } from './batch';
import { buildWorkerBundle } from './worker-bundle';

const HISTORICAL: BotSpec = perSeat(() => 'historical');

export async function benchSim(matches = 200): Promise<void> {
  const seeds = (parseSeeds(String(matches)) as { seeds: string[] }).seeds;
  console.log(
    `Simulator throughput: ${matches} seeded matches per era, historical bots, direct driver (NODE_ENV=${process.env.NODE_ENV ?? 'unset'})`,
  );
  // Built (or checked) before timing, as a batch's first thread would.
  buildWorkerBundle();
  const rates: Record<number, number> = {};
  /** Matches per CPU-second of the whole process (every thread), per worker count. */
  const perCpu: Record<number, number> = {};
  for (const workers of [1, 2]) {
    let total = 0;
    let seconds = 0;
    // A warm-up batch of every era first, untimed: the threads start and compile the hot code once, as in a process
    // that runs batch after batch (batch threads are pooled), and one worker's thread warms up alike.
    for (const id of BUILTIN_IDS)
      await runBatch(
        {
          scenario: builtinScenario(id) as Scenario,
          seeds: seeds.slice(0, 8),
          bots: HISTORICAL,
          whatIfs: [],
        },
        { workers },
      );
    const cpu = process.cpuUsage();
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
    rates[workers] = total / seconds;
    const used = process.cpuUsage(cpu);
    perCpu[workers] = total / ((used.user + used.system) / 1e6);
    console.log(
      `  ${workers} worker${workers > 1 ? 's' : ' '} all eras         ${(total / seconds).toFixed(1).padStart(7)} matches/s; 1,000 matches ≈ ${((1000 * seconds) / total).toFixed(1)} s`,
    );
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
  console.log(
    `  2 workers over 1, wall clock: ${(rates[2] / rates[1]).toFixed(2)}x (load average ${load} on ${os.availableParallelism()} cores)`,
  );
  // On a loaded machine the wall clock measures the other jobs as much as ours. CPU time does not: what two workers
  // spend per match beyond one worker's (thread start, compiling, messages) is their overhead, and on two idle cores
  // they reach at most twice one worker's rate times that efficiency.
  const efficiency = perCpu[2] / perCpu[1];
  console.log(
    `  matches per CPU-second: 1 worker ${perCpu[1].toFixed(1)}, 2 workers ${perCpu[2].toFixed(1)} (every thread counted): ` +
      `efficiency ${(100 * efficiency).toFixed(0)} %, so at most ${(2 * efficiency).toFixed(2)}x on two idle cores`,
  );
}

const isMain = process.argv[1]?.endsWith('bench-sim.ts');
if (isMain) await benchSim(Number(process.argv[2] ?? 200) || 200);
