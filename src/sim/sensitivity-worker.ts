/**
 * A sensitivity worker thread: sets one sampled set of balance numbers before the rules load (the action tables
 * copy some of them at load), then runs validate's historical and control arms in this thread and posts the rows
 * (a control with overrides of its own runs on fresh threads given the set as well).
 * One thread per set: its LEVERS are patched for good and it ends with the set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setLevers } from './lever-overrides';

const { levers, seeds, claims } = workerData as {
  levers: Record<string, number>;
  seeds: string[];
  claims?: number[];
};
try {
  setLevers(levers);
  const { validateClaims } = await import('./claims');
  // The strategist arm is left out; a control played by strategists (claim 10) runs on the first two seeds.
  const result = await validateClaims({
    seeds,
    strategistSeeds: seeds.slice(0, 2),
    workers: 1,
    skipStrategist: true,
    threadLevers: levers,
    only: claims,
  });
  parentPort?.postMessage({ rows: result.rows, runs: result.runs });
} catch (error) {
  parentPort?.postMessage({ error: (error as Error).message });
}
