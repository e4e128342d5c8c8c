/**
 * Worker threads start from plain JavaScript: the worker entries (batch, sensitivity set, server bot planner) are
 * bundled once by esbuild into a cache directory keyed by a hash of every source file the bundle was built from, so
 * a thread loads one prebuilt file instead of starting tsx's loader and compiling the TypeScript sources itself (on
 * two cores, two tsx-booted workers were slower than one). The bundle keeps ES module semantics (code splitting):
 * a worker still sets a sensitivity set's numbers before it imports the rules.
 *
 * `npm run build:workers` (scripts/build-workers.ts) builds it ahead of time; otherwise the first process that needs
 * a worker builds it (about a second) and later processes reuse it while no source changes. Bare imports stay
 * external and resolve from the project's node_modules, which is why the cache lives under node_modules/.cache.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The project root: two folders up from this file in the sources. A bundled worker's copy of this file lives in the
 * cache instead, so the first process records the root in its environment, which the threads it starts inherit (a
 * sensitivity set's thread starts batch threads of its own).
 */
const ROOT =
  process.env.OIL_AND_WATER_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.env.OIL_AND_WATER_ROOT = ROOT;

/** Where every worker thread starts (src/sim/worker-boot.mjs, which loads the bundle named as its argument). */
export const WORKER_BOOT = pathToFileURL(path.join(ROOT, 'src/sim/worker-boot.mjs'));

/** The worker entries, by the name a caller asks for, as paths from the project root. */
export const WORKER_ENTRIES = {
  batch: 'src/sim/worker.ts',
  sensitivity: 'src/sim/sensitivity-worker.ts',
  bots: 'src/server/bot-worker.ts',
} as const;
export type WorkerName = keyof typeof WORKER_ENTRIES;

/** Where bundles are kept: `OIL_AND_WATER_WORKER_CACHE`, else node_modules/.cache/oil-and-water-workers. */
export function workerCacheDir(): string {
  return (
    process.env.OIL_AND_WATER_WORKER_CACHE ?? path.join(ROOT, 'node_modules/.cache/oil-and-water-workers')
  );
}

/**
 * boardgame.io's subpaths (`boardgame.io/core`) are directories with their own package.json and no `exports` map,
 * which Node's ES module loader does not resolve (tsx did): the bundle imports the CommonJS file each one names as
 * its `main`, the same file Node itself points to.
 */
function boardgameAliases(): Record<string, string> {
  const base = path.join(ROOT, 'node_modules/boardgame.io');
  const aliases: Record<string, string> = {};
  for (const sub of ['core', 'internal', 'master']) {
    const pkg = JSON.parse(fs.readFileSync(path.join(base, sub, 'package.json'), 'utf8')) as { main: string };
    aliases[`boardgame.io/${sub}`] = `boardgame.io/${path.posix.join(sub, pkg.main)}`;
  }
  return aliases;
}

/** Bumped when the build options below change, so an old bundle is not reused. */
const BUILD_FORMAT = 'esm-split-node20-v2';

interface Manifest {
  format: string;
  /** Hash of the inputs' contents (and BUILD_FORMAT); the bundle's directory name. */
  hash: string;
  /** Every source file the bundle was built from, relative to the root. */
  inputs: string[];
}

function hashInputs(inputs: readonly string[]): string | null {
  const h = crypto.createHash('sha256').update(BUILD_FORMAT);
  for (const input of [...inputs].sort()) {
    let text: Buffer;
    try {
      text = fs.readFileSync(path.join(ROOT, input));
    } catch {
      return null;
    }
    h.update(`\0${input}\0`).update(text);
  }
  return h.digest('hex').slice(0, 20);
}

function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return m.format === BUILD_FORMAT && Array.isArray(m.inputs) && typeof m.hash === 'string' ? m : null;
  } catch {
    return null;
  }
}

function bundleFiles(dir: string, hash: string): Record<WorkerName, string> {
  return Object.fromEntries(
    Object.keys(WORKER_ENTRIES).map((name) => [name, path.join(dir, hash, `${name}.mjs`)]),
  ) as Record<WorkerName, string>;
}

/** The bundle in the cache when it matches the sources as they are now, else null. */
function cached(dir: string): Record<WorkerName, string> | null {
  const manifest = readManifest(dir);
  if (!manifest || hashInputs(manifest.inputs) !== manifest.hash) return null;
  const files = bundleFiles(dir, manifest.hash);
  return Object.values(files).every((f) => fs.existsSync(f)) ? files : null;
}

/** Builds the bundle into the cache (a temporary directory renamed into place, so racing processes are safe). */
export function buildWorkerBundle(dir = workerCacheDir()): {
  files: Record<WorkerName, string>;
  hash: string;
  built: boolean;
} {
  const hit = cached(dir);
  if (hit) return { files: hit, hash: path.basename(path.dirname(hit.batch)), built: false };
  // Loaded only here (synchronously, so callers that start threads stay synchronous): a bundled worker never needs it.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(dir, 'build-'));
  try {
    const result = esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: Object.entries(WORKER_ENTRIES).map(([out, input]) => ({ in: input, out })),
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      alias: boardgameAliases(),
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
    const hash = hashInputs(inputs);
    if (!hash) throw new Error('a worker source changed while it was being bundled');
    const target = path.join(dir, hash);
    if (!fs.existsSync(target)) {
      try {
        fs.renameSync(tmp, target);
      } catch (error) {
        // Another process put the same bundle in place first.
        if (!fs.existsSync(target)) throw error;
      }
    }
    const manifest: Manifest = { format: BUILD_FORMAT, hash, inputs };
    const manifestTmp = path.join(dir, `manifest-${process.pid}-${crypto.randomUUID()}.json`);
    fs.writeFileSync(manifestTmp, JSON.stringify(manifest));
    fs.renameSync(manifestTmp, path.join(dir, 'manifest.json'));
    prune(dir, hash);
    return { files: bundleFiles(dir, hash), hash, built: true };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Keeps the newest few bundles and any from the last day (a process started before a rebuild may still use its own). */
function prune(dir: string, keep: string): void {
  const bundles = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[0-9a-f]{20}$/.test(d.name) && d.name !== keep)
    .map((d) => ({ name: d.name, at: fs.statSync(path.join(dir, d.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  // A long-running process (a server's bot pool) may start threads from its bundle for days: only day-old ones go.
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const old of bundles.slice(3))
    if (old.at < dayAgo) fs.rmSync(path.join(dir, old.name), { recursive: true, force: true });
}

/**
 * The hash of every source file the worker threads run, as they are now (the bundle's directory name): a queue job
 * carries the coordinator's, and a worker whose sources differ refuses the job instead of playing other rules or
 * bots. Checking costs one read of the sources (milliseconds); a change makes a new bundle.
 */
export function workerCodeHash(): string {
  return bundle().hash;
}

function bundle(): { files: Record<WorkerName, string>; hash: string } {
  try {
    return buildWorkerBundle();
  } catch (error) {
    throw new Error(`could not bundle the worker threads' code: ${(error as Error).message}`);
  }
}

/**
 * The file URL a worker thread should load for `name` (through src/sim/worker-boot.mjs): the bundled entry of the
 * sources as they are now, built when they changed.
 */
export function workerModule(name: WorkerName): string {
  return pathToFileURL(bundle().files[name]).href;
}
