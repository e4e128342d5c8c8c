/**
 * A batch worker thread: receives the batch spec once (workerData), then ranges of seed indices to play, and posts
 * back their records. Started by `runBatch` with tsx's loader so it runs the TypeScript sources directly.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchSpec } from './batch';
import { setLevers } from './lever-overrides';

const spec = workerData as BatchSpec;
// A sensitivity batch's numbers go in before the rules load: the action tables copy some of them at load time.
if (spec.levers) setLevers(spec.levers);
const { runMatchRecord } = await import('./batch');

parentPort?.on('message', ({ from, to }: { from: number; to: number }) => {
  try {
    const records = [];
    for (let i = from; i < to; i++) records.push(runMatchRecord(spec, i));
    parentPort?.postMessage({ records });
  } catch (error) {
    parentPort?.postMessage({ error: `seed ${spec.seeds[from] ?? from}: ${(error as Error).message}` });
  }
});
