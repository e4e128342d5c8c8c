// The entry of every worker thread (batches, sensitivity sets, server bots), in plain JavaScript. The parent passes
// the module to load as the worker's first argument (`new Worker(WORKER_BOOT, { argv: [moduleUrl] })`): normally a
// prebuilt bundle (src/sim/worker-bundle.ts), plain JavaScript that loads at once; a TypeScript source (`.ts`) is
// still accepted, and then tsx's loader is registered in the thread first (the parent's loader hooks are not
// inherited on Node 20), at the cost of compiling the sources in every thread. A failure is posted as `{ error }`.
import { parentPort } from 'node:worker_threads';

try {
  const url = process.argv[2];
  if (!url) throw new Error('no module given to load');
  if (url.endsWith('.ts')) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  await import(url);
} catch (error) {
  parentPort?.postMessage({
    error: `worker failed to start: ${error instanceof Error ? error.message : error}`,
  });
}
