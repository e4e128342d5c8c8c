// Protects the lesson presets: the estimate is briefing + years × (diplomacy + policy), each preset fits its lesson
// with the debrief, plays the era's first years, and a phase without a limit gives no estimate.
import { describe, expect, test } from 'vitest';
import {
  LESSON_PRESETS,
  customPlan,
  estimateSeconds,
  minutesOf,
  presetPlan,
} from '../src/client/classroom/lesson';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';

const yeltsin = { startYear: 1992, endYear: 1999 };

describe('estimateSeconds', () => {
  test.each([
    [{ briefing: 300, diplomacy: 480, policy: 240 }, 8, 300 + 8 * 720],
    [{ briefing: 60, diplomacy: 100, policy: 50 }, 1, 210],
    [{ briefing: 60, diplomacy: 0, policy: 50 }, 3, null],
  ])('%o for %i years is %s', (phaseSeconds, years, expected) => {
    expect(estimateSeconds(phaseSeconds, years)).toBe(expected);
  });

  test("the server's default limits make the Yeltsin era about 100 minutes", () => {
    const plan = customPlan({ briefing: 300, diplomacy: 480, policy: 240 }, yeltsin, 1999);
    expect(plan.years).toBe(8);
    expect(minutesOf(plan.playSeconds as number)).toBe(101);
  });
});

describe('presetPlan', () => {
  const eras = BUILTIN_IDS.map((id) => {
    const s = builtinScenario(id);
    if (!s) throw new Error(id);
    return [id, { startYear: s.startYear, endYear: s.endYear }] as const;
  });
  const cases = eras.flatMap(([id, era]) => LESSON_PRESETS.map((p) => [p.id, id, p, era] as const));

  test.each(cases)('%s fits %s within the lesson, debrief included', (_p, _id, preset, era) => {
    const plan = presetPlan(preset, era);
    expect(plan.lessonSeconds).not.toBeNull();
    expect(plan.lessonSeconds as number).toBeLessThanOrEqual(preset.minutes * 60);
    expect(plan.endYear).toBe(era.startYear + plan.years - 1);
    expect(plan.endYear).toBeLessThanOrEqual(era.endYear);
    expect(plan.phaseSeconds).toEqual(preset.phaseSeconds);
  });

  test('a longer lesson plays at least as many years, and 45 minutes cuts the Yeltsin era short', () => {
    const years = LESSON_PRESETS.map((p) => presetPlan(p, yeltsin).years);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years[0]).toBeLessThan(8);
    expect(years[0]).toBeGreaterThanOrEqual(3);
  });

  test('one more year would not have fitted (the preset uses its lesson)', () => {
    for (const preset of LESSON_PRESETS) {
      const plan = presetPlan(preset, { startYear: 1900, endYear: 1940 });
      const more = estimateSeconds(preset.phaseSeconds, plan.years + 1) as number;
      expect(more + preset.debriefMinutes * 60).toBeGreaterThan(preset.minutes * 60);
    }
  });
});

describe('customPlan', () => {
  test('keeps the end year within the era', () => {
    const limits = { briefing: 60, diplomacy: 60, policy: 60 };
    expect(customPlan(limits, yeltsin, 2010).endYear).toBe(1999);
    expect(customPlan(limits, yeltsin, 1980).endYear).toBe(1992);
    expect(customPlan(limits, yeltsin, 1980).years).toBe(1);
  });
});
