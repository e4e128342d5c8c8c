/**
 * Summaries of a batch: the spread of each indicator per year and at the end, how often each territorial outcome
 * and a treaty happened (Wilson 95 % intervals), and each seat's score distribution; and, for `sim compare`, the
 * paired differences between a baseline and a variant run on the same seeds (normal-approximation 95 % intervals).
 * Pure functions of the records in seed order, so the same arguments give the same aggregates.
 */
import { perSeat } from '../game/vocabulary';
import type { PerSeat } from '../game/state';
import { INDICATORS, type Indicator, type MatchRecord } from './batch';

const Z95 = 1.959964;

/** Rounds for output, so summaries print and compare stably. */
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export interface Spread {
  n: number;
  mean: number;
  sd: number;
  min: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
}

/** The q-quantile of sorted values, by linear interpolation. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = n ? sorted.reduce((a, b) => a + b, 0) / n : NaN;
  const sd = n > 1 ? Math.sqrt(sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return {
    n,
    mean: r3(mean),
    sd: r3(sd),
    min: r3(sorted[0] ?? NaN),
    p5: r3(quantile(sorted, 0.05)),
    p25: r3(quantile(sorted, 0.25)),
    p50: r3(quantile(sorted, 0.5)),
    p75: r3(quantile(sorted, 0.75)),
    p95: r3(quantile(sorted, 0.95)),
    max: r3(sorted[n - 1] ?? NaN),
  };
}

export interface Proportion {
  count: number;
  n: number;
  p: number;
  /** Wilson score interval, 95 %. */
  low: number;
  high: number;
}

/** A proportion with its Wilson 95 % interval (sound at 0 and n, unlike the normal approximation). */
export function wilson(count: number, n: number): Proportion {
  if (n === 0) return { count, n, p: NaN, low: NaN, high: NaN };
  const p = count / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { count, n, p: r3(p), low: r3(Math.max(0, centre - half)), high: r3(Math.min(1, centre + half)) };
}

export interface Summary {
  matches: number;
  years: number[];
  /** Per indicator, its spread in each year (index matches `years`; matches that ended early count until then). */
  perYear: Record<Indicator, Spread[]>;
  final: Record<Indicator, Spread>;
  territorial: Record<'none' | 'partial' | 'full', Proportion>;
  treatyRatified: Proportion;
  treatySigned: Proportion;
  scores: PerSeat<Spread>;
  scoresPerYear: PerSeat<Spread[]>;
  wins: PerSeat<Proportion>;
  agendaMet: PerSeat<Proportion>;
  flags: Record<string, Proportion>;
}

/** Aggregates a batch's records (in seed order). */
export function summarize(records: readonly MatchRecord[]): Summary {
  const n = records.length;
  const years = [...new Set(records.flatMap((r) => r.years))].sort((a, b) => a - b);
  const at = (r: MatchRecord, values: number[], year: number) => {
    const i = r.years.indexOf(year);
    return i >= 0 ? values[i] : undefined;
  };
  const yearly = (pick: (r: MatchRecord) => number[]) =>
    years.map((y) =>
      spread(records.map((r) => at(r, pick(r), y)).filter((v): v is number => v !== undefined)),
    );
  const last = (values: number[]) => values[values.length - 1];
  const flagNames = [...new Set(records.flatMap((r) => r.flags))].sort();
  return {
    matches: n,
    years,
    perYear: Object.fromEntries(INDICATORS.map((k) => [k, yearly((r) => r.series[k])])) as Record<
      Indicator,
      Spread[]
    >,
    final: Object.fromEntries(
      INDICATORS.map((k) => [k, spread(records.map((r) => last(r.series[k])))]),
    ) as Record<Indicator, Spread>,
    territorial: {
      none: wilson(records.filter((r) => r.territorial === 'none').length, n),
      partial: wilson(records.filter((r) => r.territorial === 'partial').length, n),
      full: wilson(records.filter((r) => r.territorial === 'full').length, n),
    },
    treatyRatified: wilson(records.filter((r) => r.treaty !== null).length, n),
    treatySigned: wilson(records.filter((r) => r.treatySigned).length, n),
    scores: perSeat((s) => spread(records.map((r) => r.finalScores[s]))),
    scoresPerYear: perSeat((s) => yearly((r) => r.scores[s])),
    wins: perSeat((s) => wilson(records.filter((r) => r.ranking[0] === s).length, n)),
    agendaMet: perSeat((s) => wilson(records.filter((r) => r.agendaMet[s]).length, n)),
    flags: Object.fromEntries(
      flagNames.map((f) => [f, wilson(records.filter((r) => r.flags.includes(f)).length, n)]),
    ),
  };
}

export interface PairedDifference {
  n: number;
  baseline: number;
  variant: number;
  /** Mean of variant − baseline over the same seeds, with a normal-approximation 95 % interval. */
  diff: number;
  low: number;
  high: number;
  /** Whether the interval excludes zero. */
  significant: boolean;
}

/** Paired difference of means on the same seeds (variant − baseline). */
export function pairedDifference(baseline: readonly number[], variant: readonly number[]): PairedDifference {
  const n = Math.min(baseline.length, variant.length);
  const d = Array.from({ length: n }, (_, i) => variant[i] - baseline[i]);
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const m = mean(d);
  const sd = n > 1 ? Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? (Z95 * sd) / Math.sqrt(n) : NaN;
  return {
    n,
    baseline: r3(mean(baseline.slice(0, n))),
    variant: r3(mean(variant.slice(0, n))),
    diff: r3(m),
    low: r3(m - half),
    high: r3(m + half),
    significant: n > 1 && (m - half > 0 || m + half < 0),
  };
}

export interface Comparison {
  matches: number;
  scores: PerSeat<PairedDifference>;
  final: Record<Indicator, PairedDifference>;
  treatyRatified: { baseline: Proportion; variant: Proportion; diff: PairedDifference };
  islandsJapan: PairedDifference;
}

/** Compares a variant with its baseline, seed by seed (records must share their seeds, in the same order). */
export function compareBatches(
  baseline: readonly MatchRecord[],
  variant: readonly MatchRecord[],
): Comparison {
  if (baseline.length !== variant.length || baseline.some((r, i) => r.seed !== variant[i].seed)) {
    throw new Error('compare: baseline and variant must run on the same seeds');
  }
  const last = (r: MatchRecord, k: Indicator) => r.series[k][r.series[k].length - 1];
  const treaty = (rs: readonly MatchRecord[]): number[] => rs.map((r) => (r.treaty !== null ? 1 : 0));
  return {
    matches: baseline.length,
    scores: perSeat((s) =>
      pairedDifference(
        baseline.map((r) => r.finalScores[s]),
        variant.map((r) => r.finalScores[s]),
      ),
    ),
    final: Object.fromEntries(
      INDICATORS.map((k) => [
        k,
        pairedDifference(
          baseline.map((r) => last(r, k)),
          variant.map((r) => last(r, k)),
        ),
      ]),
    ) as Record<Indicator, PairedDifference>,
    treatyRatified: {
      baseline: wilson(
        treaty(baseline).reduce((a, b) => a + b, 0),
        baseline.length,
      ),
      variant: wilson(
        treaty(variant).reduce((a, b) => a + b, 0),
        variant.length,
      ),
      diff: pairedDifference(treaty(baseline), treaty(variant)),
    },
    islandsJapan: pairedDifference(
      baseline.map((r) => last(r, 'islandsJapan')),
      variant.map((r) => last(r, 'islandsJapan')),
    ),
  };
}
