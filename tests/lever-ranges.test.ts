import { describe, expect, it } from 'vitest';
import { LEVERS, LEVER_RANGES } from '../src/game/levers';
import { leverLeaves, setLevers, withLevers } from '../src/sim/lever-overrides';
import { latinHypercube } from '../src/sim/sensitivity';

describe('lever ranges', () => {
  it('gives every numeric leaf of LEVERS a range that contains its value, with a reason', () => {
    const leaves = leverLeaves();
    expect(Object.keys(leaves).length).toBeGreaterThan(50);
    for (const [path, value] of Object.entries(leaves)) {
      const range = LEVER_RANGES[path];
      expect(range, path).toBeDefined();
      expect(range[0], path).toBeLessThanOrEqual(value);
      expect(range[1], path).toBeGreaterThanOrEqual(value);
      expect(range[2].length, path).toBeGreaterThan(10);
    }
    // And no range for a number that does not exist (a renamed lever would leave one behind).
    for (const path of Object.keys(LEVER_RANGES)) expect(leaves[path], path).toBeDefined();
  });

  it('withLevers patches and restores, even when the call throws', () => {
    const before = LEVERS.trust.drift;
    expect(withLevers({ 'trust.drift': 0.2 }, () => LEVERS.trust.drift)).toBe(0.2);
    expect(LEVERS.trust.drift).toBe(before);
    expect(() =>
      withLevers({ 'trust.drift': 0.3 }, () => {
        throw new Error('x');
      }),
    ).toThrow('x');
    expect(LEVERS.trust.drift).toBe(before);
    expect(() => withLevers({ 'trust.nope': 1 }, () => 0)).toThrow('unknown lever');
    expect(() => setLevers({ 'trust.drift': Number.NaN })).toThrow('not a number');
  });

  it('samples a seeded Latin hypercube: each range cut into N strata, each stratum used once', () => {
    const a = latinHypercube(8, 'seed-1');
    expect(latinHypercube(8, 'seed-1')).toEqual(a);
    expect(latinHypercube(8, 'seed-2')).not.toEqual(a);
    for (const path of ['trust.drift', 'treaty.ratifyFailBase']) {
      const [low, high] = LEVER_RANGES[path];
      const strata = a.map((set: Record<string, number>) =>
        Math.floor(((set[path] - low) / (high - low)) * 8),
      );
      expect(new Set(strata).size).toBe(8);
    }
    // Fixed numbers are left out of the sets.
    expect(a[0]['messages.privateMaxChars']).toBeUndefined();
  });
});
