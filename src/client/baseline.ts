/**
 * The one historical baseline of the browser, for the end screen and the debrief alike: each seat's final scores
 * with historical-doctrine bots in the era. A file `assets/baselines/<scenario>.json` (the debrief's format, as
 * `replay report --baseline` reads) is used when one ships; none ships today, so the honest default is to measure
 * `MEASURED_RUNS` matches here, once per era, last year and page, and say so. The runs stop at the last year the
 * match played (`playedBaseline`), so a class stopped after a year is not set against eight. The end screen and the
 * debrief share that one measurement.
 */
import { botKinds, makeBots } from '../bots/registry';
import { type GameState, perSeat } from '../game/state';
import { scenarioOf } from '../game/scenario-registry';
import { cutEra } from '../scenario/lesson-cut';
import type { Seat } from '../game/vocabulary';
import type { Scenario } from '../game/scenario-schema';
import { playMatch } from '../match/match';
import { BaselineSchema, baselineFromMatches, type Baseline } from '../sim/debrief';

export type { Baseline };

/** Matches measured in the browser when no baseline ships: enough to place a score, few enough to wait for. */
export const MEASURED_RUNS = 12;

// Not eager: a shipped file loads only when its era's baseline is asked for. Empty while no file ships.
const files = import.meta.glob<unknown>('../../assets/baselines/*.json', { import: 'default' });

/** The shipped baseline of a scenario, or undefined when none ships (or the file does not fit the schema). */
export async function shippedBaseline(scenarioId: string): Promise<Baseline | undefined> {
  const load = Object.entries(files).find(([path]) => path.endsWith(`/${scenarioId}.json`))?.[1];
  if (!load) return undefined;
  const parsed = BaselineSchema.safeParse(await load());
  return parsed.success && parsed.data.scenario === scenarioId ? parsed.data : undefined;
}

/** Whether a baseline can be measured here: the bots registry has the historical bot. */
export function canMeasureBaseline(): boolean {
  return botKinds().includes('historical');
}

export interface EraBaseline {
  baseline: Baseline;
  /** True when measured in this browser, false when a file shipped. */
  measured: boolean;
  /** The last year the baseline's runs played (the era's end, or the year a match was stopped at). */
  endYear: number;
}

/**
 * The last year a finished match played: its last resolved year, or the era's first when it was ended before any
 * year resolved. A match the facilitator ended early is compared with runs of as many years, not of the whole era.
 */
export function lastPlayedYear(view: GameState): number {
  const scenario = scenarioOf(view);
  const year = view.revealed.at(-1)?.year ?? scenario.startYear;
  return Math.min(Math.max(year, scenario.startYear), scenario.endYear);
}

/** The baseline to set a finished match against: the era's runs cut at the last year the match played. */
export function playedBaseline(
  view: GameState,
  onProgress?: (done: number) => void,
): Promise<EraBaseline | undefined> {
  return eraBaseline(scenarioOf(view), onProgress, lastPlayedYear(view));
}

const eras = new Map<string, Promise<EraBaseline | undefined>>();
const listeners = new Map<string, Set<(done: number) => void>>();

/**
 * The era's baseline: the shipped file, else `MEASURED_RUNS` matches with historical bots in every seat, yielding
 * to the browser between matches. Remembered per scenario version; `onProgress` hears the runs measured so far.
 * Undefined when none ships and the historical bot is not registered.
 */
export function eraBaseline(
  whole: Scenario,
  onProgress?: (done: number) => void,
  endYear: number = whole.endYear,
): Promise<EraBaseline | undefined> {
  // A lesson cut keeps the era's id and version, so the last year is part of the key.
  const cut = endYear < whole.endYear ? cutEra(whole, endYear) : ({ ok: true, scenario: whole } as const);
  if (!cut.ok) return Promise.resolve(undefined);
  const scenario = cut.scenario;
  const key = `${scenario.id}:${scenario.version}:${scenario.endYear}`;
  if (onProgress) {
    if (!listeners.has(key)) listeners.set(key, new Set());
    listeners.get(key)?.add(onProgress);
  }
  const hit = eras.get(key);
  if (hit) return hit;
  const run = (async (): Promise<EraBaseline | undefined> => {
    // A shipped file holds whole-era runs: it stands for the era only when the match played the whole era.
    const shipped = scenario === whole ? await shippedBaseline(scenario.id) : undefined;
    if (shipped) return { baseline: shipped, measured: false, endYear: scenario.endYear };
    if (!canMeasureBaseline()) return undefined;
    const bots = perSeat(() => 'historical');
    const matches: { finalScores: Record<Seat, number> }[] = [];
    for (let i = 0; i < MEASURED_RUNS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const outcome = playMatch({ scenario, seed: `baseline-${i + 1}`, bots: makeBots(bots) }).driver.G
        .outcome;
      if (!outcome) return undefined;
      matches.push({ finalScores: outcome.finalScores });
      for (const listener of listeners.get(key) ?? []) listener(i + 1);
    }
    return {
      baseline: baselineFromMatches(scenario.id, matches, 'historical (measured in this browser)'),
      measured: true,
      endYear: scenario.endYear,
    };
  })();
  eras.set(key, run);
  return run;
}

/** Each seat's mean final score, to one decimal (a seat the baseline leaves out has none). */
export function meanScores(baseline: Baseline): Partial<Record<Seat, number>> {
  const means: Partial<Record<Seat, number>> = {};
  for (const [seat, scores] of Object.entries(baseline.scores) as [Seat, number[] | undefined][]) {
    if (scores?.length)
      means[seat] = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
  }
  return means;
}
