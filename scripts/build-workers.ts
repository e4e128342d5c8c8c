/**
 * `npm run build:workers`: bundles the worker threads' entries (batch, sensitivity set, server bot planner) with
 * esbuild into node_modules/.cache/oil-and-water-workers/<hash of the sources>/ (src/sim/worker-bundle.ts), so the
 * first batch or server start after a change does not pay for it. Without it the first process that starts a worker
 * thread builds the same bundle; either way a source change makes a new one.
 */
import { buildWorkerBundle, workerCacheDir } from '../src/sim/worker-bundle';

const started = performance.now();
const { hash, built, files } = buildWorkerBundle();
console.log(
  `${built ? 'built' : 'up to date:'} worker bundle ${hash} in ${workerCacheDir()} (${Object.keys(files).join(', ')}; ${(performance.now() - started).toFixed(0)} ms)`,
);
