// The entry of every worker thread (batches, sensitivity sets, server bots), in plain JavaScript because nothing
// can load TypeScript yet: registers tsx's loader inside the thread (the parent's loader hooks are not inherited on
// Node 20) through tsx's public API, then loads the TypeScript module whose URL the parent passed as the worker's
// first argument (`new Worker(WORKER_BOOT, { argv: [moduleUrl] })`). A failure is posted as `{ error }`.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import(process.argv[2]);
} catch (error) {
  parentPort?.postMessage({
    error: `worker failed to start: ${error instanceof Error ? error.message : error}`,
  });
}
