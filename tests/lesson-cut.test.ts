// Protects the lesson presets' shorter eras: every built-in era cut at any of its years is a valid scenario that
// ends that year, keeps no event the class could never reach, and a year outside the era is refused by name.
import { describe, expect, test } from 'vitest';
import { cutEra } from '../src/scenario/lesson-cut';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';
import type { Scenario } from '../src/game/scenario-schema';

const eras = BUILTIN_IDS.map((id) => [id, builtinScenario(id) as Scenario] as const);

describe('cutEra', () => {
  test.each(eras)('%s can end at every year of its era', (_id, scenario) => {
    for (let year = scenario.startYear; year <= scenario.endYear; year++) {
      const cut = cutEra(scenario, year);
      if (!cut.ok) throw new Error(cut.error);
      expect(cut.scenario.endYear).toBe(year);
      expect(cut.scenario.startYear).toBe(scenario.startYear);
      for (const e of cut.scenario.events)
        if ('year' in e && typeof e.year === 'number') expect(e.year).toBeLessThanOrEqual(year);
      for (const c of cut.scenario.wildcards.deck) {
        if (c.from !== undefined) expect(c.from).toBeLessThanOrEqual(year);
        if (c.to !== undefined) expect(c.to).toBeLessThanOrEqual(year);
      }
    }
  });

  test('leaves the shipped document untouched', () => {
    const scenario = builtinScenario('yeltsin-1992') as Scenario;
    const before = JSON.stringify(scenario);
    cutEra(scenario, 1994);
    expect(JSON.stringify(scenario)).toBe(before);
  });

  test.each([1991, 2000, 1995.5])('refuses %s for the Yeltsin era, naming endYear', (year) => {
    const cut = cutEra(builtinScenario('yeltsin-1992') as Scenario, year);
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toMatch(/^endYear: .*1992–1999/);
  });
});
