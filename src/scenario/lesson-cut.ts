/**
 * A shorter lesson from an era: the same scenario ending at an earlier year. The rules end a match when the year
 * reaches the scenario's `endYear` (src/game/resolution.ts), so a class that has 45 minutes plays the era's first
 * years to a real end (ranking, debrief) instead of being stopped mid-era. What belongs only to the cut years goes:
 * scheduled events after the new end, wildcards that could only be drawn after it; a wildcard's window is clipped.
 */
import type { Scenario } from '../game/scenario-schema';
import { parseScenario } from '../game/scenario-validate';

export type EraCut = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** The scenario ending at `endYear` (within the era), validated; or an error naming `endYear`. */
export function cutEra(scenario: Scenario, endYear: number): EraCut {
  if (!Number.isInteger(endYear) || endYear < scenario.startYear || endYear > scenario.endYear) {
    return {
      ok: false,
      error: `endYear: must be a year of the era ${scenario.startYear}–${scenario.endYear}`,
    };
  }
  if (endYear === scenario.endYear) return { ok: true, scenario };
  const copy = structuredClone(scenario);
  copy.endYear = endYear;
  copy.events = copy.events.filter((e) => !('year' in e) || typeof e.year !== 'number' || e.year <= endYear);
  copy.wildcards.deck = copy.wildcards.deck
    .filter((c) => c.from === undefined || c.from <= endYear)
    .map((c) => (c.to !== undefined && c.to > endYear ? { ...c, to: endYear } : c));
  const checked = parseScenario(copy);
  if (!checked.ok) {
    const first = checked.problems[0];
    return {
      ok: false,
      error: `endYear: the era cannot end in ${endYear} (${first.path}: ${first.message})`,
    };
  }
  return { ok: true, scenario: checked.scenario };
}
