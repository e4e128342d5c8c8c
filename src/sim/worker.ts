/**
 * A batch worker thread: receives the batch spec once (workerData), then ranges of seed indices to play, and posts
 * back their records. Started by `runBatch` with tsx's loader so it runs the TypeScript sources directly.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runMatchRecord, type BatchSpec } from './batch';

const spec = workerData as BatchSpec;

parentPort?.on('message', ({ from, to }: { from: number; to: number }) => {
  try {
    const records = [];
    for (let i = from; i < to; i++) records.push(runMatchRecord(spec, i));
    parentPort?.postMessage({ records });
  } catch (error) {
    parentPort?.postMessage({ error: `seed ${spec.seeds[from] ?? from}: ${(error as Error).message}` });
  }
});
