// The sensitivity worker's entry, in plain JavaScript like worker-boot.mjs: registers tsx's loader inside the
// thread, then loads the TypeScript sensitivity worker.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import('./sensitivity-worker.ts');
} catch (error) {
  parentPort?.postMessage({
    error: `worker failed to start: ${error instanceof Error ? error.message : error}`,
  });
}
