/**
 * `npm run bench:queue [-- REDIS_URL [MATCHES]]`: simulator throughput on the job queue, printed (not asserted).
 * Plays the same seeded batch (historical bots, yeltsin-1992) locally on one worker and on the queue with one and
 * then two queue workers in this process (one thread each), and prints matches per second and per queue worker:
 * what the queue's bookkeeping costs next to a local run. Uses its own key prefix and removes it.
 * Redis: the first argument, else REDIS_URL, else redis://127.0.0.1:6379.
 */
import os from 'node:os';
import { perSeat } from '../game/vocabulary';
import { builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import { parseSeeds, runBatch, type BatchSpec } from './batch';
import { runBatchOnQueue, startSimWorker } from './queue-jobs';

async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const matches = Number(process.argv[3] ?? 200) || 200;
  const prefix = `oil-and-water-bench-${process.pid}`;
  const spec: BatchSpec = {
    scenario: builtinScenario('yeltsin-1992') as Scenario,
    seeds: (parseSeeds(String(matches)) as { seeds: string[] }).seeds,
    bots: perSeat(() => 'historical'),
    whatIfs: [],
  };
  console.log(
    `Queue throughput: ${matches} matches of yeltsin-1992, historical bots (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} on ${os.availableParallelism()} cores)`,
  );
  // Warm the local path and build the worker bundle before timing.
  await runBatch({ ...spec, seeds: spec.seeds.slice(0, 5) }, { workers: 1, offThread: true });
  let started = performance.now();
  await runBatch(spec, { workers: 1, offThread: true });
  const local = matches / ((performance.now() - started) / 1000);
  console.log(`  local, 1 worker thread       ${local.toFixed(1).padStart(7)} matches/s`);
  for (const count of [1, 2]) {
    const workers = await Promise.all(
      Array.from({ length: count }, () => startSimWorker({ url, prefix }, { threads: 1, pollMs: 100 })),
    );
    try {
      // A short batch first: the workers' threads start and warm up, as on a long-running worker.
      await runBatchOnQueue({ ...spec, seeds: spec.seeds.slice(0, 10) }, { url, prefix }, { chunk: 1 });
      started = performance.now();
      await runBatchOnQueue(spec, { url, prefix }, { pollMs: 100 });
      const rate = matches / ((performance.now() - started) / 1000);
      console.log(
        `  queue, ${count} worker${count > 1 ? 's' : ' '}              ${rate.toFixed(1).padStart(7)} matches/s, ${(rate / count).toFixed(1)} per worker (${((100 * rate) / count / local).toFixed(0)} % of local per worker)`,
      );
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }
}

await main();
