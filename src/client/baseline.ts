/**
 * The historical reference the end screen places each score against: what historical-doctrine bots reach in the
 * era. Read from `assets/baselines/<scenario>.json` when one ships; otherwise measured here with the `historical`
 * bot if the registry has it; otherwise there is none, and the end screen says so.
 */
import { z } from 'zod';
import { botKinds, makeBots } from '../bots/registry';
import { SEATS, type Seat } from '../game/vocabulary';
import type { Scenario } from '../game/scenario-schema';
import { playMatch } from '../match/match';

/**
 * A shipped baseline file: the debrief's format (`{scenario, bots, runs, scores: {seat: [final scores…]}}`, seats may
 * be left out) or a ready mean per seat. Either way the end screen shows the mean.
 */
export const BaselineFileSchema = z
  .object({
    scenario: z.string().max(64),
    bots: z.string().max(64).optional(),
    runs: z.number().int().min(1).optional(),
    source: z.string().max(200).optional(),
    scores: z.partialRecord(z.enum(SEATS), z.union([z.number(), z.array(z.number()).min(1).max(100_000)])),
  })
  .strict();

export interface Baseline {
  scenario: string;
  /** How it was measured, e.g. "historical bots, 500 runs". */
  source: string;
  /** Mean final score per seat (a seat the file leaves out has none). */
  scores: Partial<Record<Seat, number>>;
}

const mean = (values: number | number[]) =>
  Array.isArray(values) ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : values;

/** Reads a baseline file's content; undefined when it does not fit. */
export function parseBaseline(data: unknown): Baseline | undefined {
  const parsed = BaselineFileSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const f = parsed.data;
  const scores: Partial<Record<Seat, number>> = {};
  for (const seat of SEATS) {
    const v = f.scores[seat];
    if (v !== undefined) scores[seat] = mean(v);
  }
  const source = f.source ?? `${f.bots ?? 'historical'} bots${f.runs ? `, ${f.runs} runs` : ''}`;
  return { scenario: f.scenario, source, scores };
}

const files = import.meta.glob('../../assets/baselines/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

/** The shipped baseline of a scenario, or undefined when none ships (or the file does not fit the schema). */
export function historicalBaseline(scenarioId: string): Baseline | undefined {
  for (const [path, data] of Object.entries(files)) {
    if (!path.endsWith(`/${scenarioId}.json`)) continue;
    const baseline = parseBaseline(data);
    if (baseline && baseline.scenario === scenarioId) return baseline;
  }
  return undefined;
}

/** Whether a baseline can be measured here: the bots registry has the historical bot. */
export function canMeasureBaseline(): boolean {
  return botKinds().includes('historical');
}

/**
 * Measures a baseline by playing `seeds` matches with historical bots in every seat, yielding to the browser
 * between matches so the end screen stays responsive.
 */
export async function measureBaseline(scenario: Scenario, seeds = 12): Promise<Baseline | undefined> {
  if (!canMeasureBaseline()) return undefined;
  const totals = Object.fromEntries(SEATS.map((s) => [s, 0])) as Record<Seat, number>;
  const bots = Object.fromEntries(SEATS.map((s) => [s, 'historical'])) as Record<Seat, string>;
  for (let i = 0; i < seeds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { driver } = playMatch({ scenario, seed: `baseline-${i + 1}`, bots: makeBots(bots) });
    const outcome = driver.G.outcome;
    if (!outcome) return undefined;
    for (const s of SEATS) totals[s] += outcome.finalScores[s];
  }
  const scores = Object.fromEntries(SEATS.map((s) => [s, Math.round((totals[s] / seeds) * 10) / 10])) as Record<Seat, number>;
  return { scenario: scenario.id, source: `historical bots, ${seeds} seeds, measured in this browser`, scores };
}
