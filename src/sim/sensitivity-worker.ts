/**
 * A sensitivity worker thread: sets one sampled set of balance numbers before the rules load (the action tables
 * copy some of them at load), then runs validate's historical and control arms in this thread and posts the rows.
 * One thread per set: its LEVERS are patched for good and it ends with the set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setLevers } from './lever-overrides';

const { levers, seeds } = workerData as { levers: Record<string, number>; seeds: string[] };
try {
  setLevers(levers);
  const { validateClaims } = await import('./claims');
  const result = await validateClaims({ seeds, strategistSeeds: [], workers: 1, skipStrategist: true });
  parentPort?.postMessage({ rows: result.rows, runs: result.runs });
} catch (error) {
  parentPort?.postMessage({ error: (error as Error).message });
}
