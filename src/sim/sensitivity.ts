/**
 * `validate --sensitivity N`: are the claims robust to the numbers the paper does not give? Samples N sets of
 * balance numbers across LEVER_RANGES by a seeded Latin hypercube (each range cut into N equal strata, each stratum
 * used exactly once per number, strata paired at random), reruns the historical and control arms of every claim
 * under each set, and reports per claim the share of sets in which it holds (and its control still flips) and the
 * three numbers it depends on most: the largest absolute Spearman rank correlations between a number and holding.
 */
import seedrandom from 'seedrandom';
import { LEVER_RANGES } from '../game/levers';
import { Worker } from 'node:worker_threads';
import type { ClaimRow } from './claims';
import { WORKER_BOOT, workerModule } from './worker-bundle';

/**
 * Runs validate's historical and control arms under one set of numbers in a fresh worker thread (also what a queue
 * worker runs for a sensitivity job, src/sim/queue-jobs.ts).
 */
export function runSensitivitySet(
  levers: Record<string, number>,
  seeds: string[],
  claims?: readonly number[],
): Promise<{ rows: ClaimRow[]; runs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, {
      workerData: { levers, seeds, claims },
      argv: [workerModule('sensitivity')],
    });
    worker.once('message', (m: { rows?: ClaimRow[]; runs?: number; error?: string }) => {
      void worker.terminate();
      if (m.error || !m.rows) reject(new Error(m.error ?? 'sensitivity worker sent no rows'));
      else resolve({ rows: m.rows, runs: m.runs ?? 0 });
    });
    worker.once('error', reject);
  });
}

/** The ranges a sensitivity run samples: every LEVER_RANGES entry whose low and high differ. */
export function sampledLevers(): string[] {
  return Object.keys(LEVER_RANGES)
    .filter((k) => LEVER_RANGES[k][0] !== LEVER_RANGES[k][1])
    .sort();
}

/** N parameter sets by a Latin hypercube over the sampled ranges; the same seed gives the same sets. */
export function latinHypercube(n: number, seed: string): Record<string, number>[] {
  const next = seedrandom.alea(`oil-and-water:sensitivity:${seed}`);
  const sets: Record<string, number>[] = Array.from({ length: n }, () => ({}));
  for (const path of sampledLevers()) {
    const [low, high] = LEVER_RANGES[path];
    const strata = Array.from({ length: n }, (_, i) => i);
    // Fisher–Yates with the seeded generator: which set gets which stratum.
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let k = 0; k < n; k++) {
      const u = (strata[k] + next()) / n;
      // Four significant digits: the sets print and diff legibly and still fill every stratum.
      sets[k][path] = Number((low + u * (high - low)).toPrecision(4));
    }
  }
  return sets;
}

/** Ranks with ties averaged (for Spearman's correlation). */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation; 0 when either side does not vary. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const a = ranks(xs);
  const b = ranks(ys);
  const ma = a.reduce((s, x) => s + x, 0) / a.length;
  const mb = b.reduce((s, x) => s + x, 0) / b.length;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** One claim across the sampled sets. */
export interface SensitivityRow {
  id: number;
  claim: string;
  /** Sets in which the historical arm holds and the control flips (a pass without the strategist arm). */
  passes: number;
  /** Sets in which the historical arm holds, whatever the control does. */
  holds: number;
  sets: number;
  /** The three numbers with the largest |Spearman ρ| against passing, strongest first. */
  dependsOn: { lever: string; rho: number }[];
}

export interface SensitivityOptions {
  sets: number;
  seeds: string[];
  /** Seeds the Latin hypercube. */
  seed: string;
  workers?: number;
  /** Only these claims (by id), as `validate --claims`; every claim when unset. */
  claims?: readonly number[];
  onSet?: (done: number, total: number) => void;
  /**
   * Runs every set elsewhere and returns their results in set order (`validate --sensitivity --queue`:
   * `runSensitivitySetsOnQueue`); by default each set runs on a worker thread here, `workers` at a time.
   */
  runSets?: (
    sets: readonly Record<string, number>[],
    seeds: string[],
    claims?: readonly number[],
  ) => Promise<{ rows: ClaimRow[]; runs: number }[]>;
}

/** Runs validate (historical and control arms) under each sampled set and summarises per claim. */
export async function runSensitivity(
  options: SensitivityOptions,
): Promise<{ rows: SensitivityRow[]; sets: Record<string, number>[]; runs: number }> {
  const sets = latinHypercube(options.sets, options.seed);
  const results: ClaimRow[][] = new Array(sets.length);
  let runs = 0;
  let next = 0;
  let done = 0;
  // One worker thread per set (its numbers must be in place before the rules load), `workers` at a time; results
  // are kept by set index, so the summary does not depend on the order they finish in.
  const lane = async () => {
    while (next < sets.length) {
      const i = next++;
      const r = await runSensitivitySet(sets[i], options.seeds, options.claims);
      results[i] = r.rows.filter((row) => row.status !== 'untestable');
      runs += r.runs;
      options.onSet?.(++done, sets.length);
    }
  };
  if (options.runSets) {
    const all = await options.runSets(sets, options.seeds, options.claims);
    all.forEach((r, i) => {
      results[i] = r.rows.filter((row) => row.status !== 'untestable');
      runs += r.runs;
    });
  } else
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.workers ?? 1, sets.length)) }, lane));
  const levers = sampledLevers();
  const rows: SensitivityRow[] = results[0].map((first, k) => {
    const passed = results.map((rs) => (rs[k].status === 'pass' ? 1 : 0));
    const held = results.map((rs) => (rs[k].historical?.holds ? 1 : 0));
    const dependsOn = levers
      .map((lever) => ({
        lever,
        rho: spearman(
          sets.map((s) => s[lever]),
          passed,
        ),
      }))
      .filter((d) => d.rho !== 0)
      .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || a.lever.localeCompare(b.lever))
      .slice(0, 3);
    return {
      id: first.id,
      claim: first.claim,
      passes: passed.reduce<number>((t, x) => t + x, 0),
      holds: held.reduce<number>((t, x) => t + x, 0),
      sets: sets.length,
      dependsOn,
    };
  });
  return { rows, sets, runs };
}

/** The sensitivity table as text. */
export function formatSensitivity(rows: readonly SensitivityRow[]): string[] {
  const lines = [
    'claim | passes (holds, control flips) | holds | depends most on (Spearman ρ with passing)',
    '---|---|---|---',
  ];
  for (const r of rows) {
    const deps = r.dependsOn.length
      ? r.dependsOn.map((d) => `${d.lever} ${d.rho >= 0 ? '+' : ''}${d.rho.toFixed(2)}`).join(', ')
      : 'none (same in every set)';
    lines.push(
      `${r.id}. ${r.claim} | ${r.passes}/${r.sets} (${Math.round((100 * r.passes) / r.sets)} %) | ${r.holds}/${r.sets} | ${deps}`,
    );
  }
  return lines;
}
