// The batch worker's entry, in plain JavaScript because nothing can load TypeScript yet: registers tsx's loader
// inside the thread (the parent's loader hooks are not inherited on Node 20) through tsx's public API, then loads
// the TypeScript worker module.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import('./worker.ts');
} catch (error) {
  parentPort?.postMessage({
    error: `worker failed to start: ${error instanceof Error ? error.message : error}`,
  });
}
