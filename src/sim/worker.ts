/**
 * A batch worker thread, started by `runBatch` from the prebuilt worker bundle (src/sim/worker-bundle.ts). It
 * receives ranges of seed indices to play and posts back their records. A pooled thread serves batch after batch:
 * each batch's spec comes with its first range. A batch with lever overrides instead starts its own threads with
 * the spec as workerData, whose numbers go in before the rules load (the action tables copy some at load time).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchSpec } from './batch';
import { setLevers } from './lever-overrides';

let spec = (workerData ?? null) as BatchSpec | null;
if (spec?.levers) setLevers(spec.levers);
const { runMatchRecord } = await import('./batch');

parentPort?.on('message', (message: { from: number; to: number; spec?: BatchSpec }) => {
  const { from, to } = message;
  try {
    if (message.spec) {
      if (message.spec.levers && Object.keys(message.spec.levers).length > 0)
        throw new Error('a pooled batch thread cannot take lever overrides');
      spec = message.spec;
    }
    if (!spec) throw new Error('the batch thread received seeds before its batch');
    const records = [];
    for (let i = from; i < to; i++) records.push(runMatchRecord(spec, i));
    parentPort?.postMessage({ records });
  } catch (error) {
    parentPort?.postMessage({ error: `seed ${spec?.seeds[from] ?? from}: ${(error as Error).message}` });
  }
});
