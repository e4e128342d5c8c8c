/**
 * The streaming canonical JSON (src/game/hash.ts) against the plain definition it replaced: JSON.stringify of a
 * copy with sorted keys. State hashes in replays depend on it byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/game/hash';
import { builtinScenario } from '../src/scenario/builtin';
import { DirectDriver } from '../src/match/direct';
import { MatchDriver, botRng, playBotPhase } from '../src/match/match';
import { makeBots } from '../src/bots/registry';
import { perSeat } from '../src/game/vocabulary';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
const reference = (value: unknown) => JSON.stringify(sortKeys(value));

describe('canonicalJson', () => {
  it('matches JSON.stringify of a key-sorted copy on awkward values', () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5,
      1e21,
      1e-7,
      NaN,
      Infinity,
      '',
      'a"b\\c\n\u2028é',
      true,
      false,
      [],
      {},
      [undefined, () => 1, null, 3],
      { b: 1, a: undefined, c: () => 2, 'd"e': [1, { z: 1, y: [null] }] },
      { nested: { arr: [{ b: 2, a: 1 }], n: -3.25 } },
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(reference(v));
    expect(canonicalJson(undefined)).toBe(reference(undefined));
  });

  it('matches it on a whole match state, at every round', () => {
    const scenario = builtinScenario('yeltsin-1992');
    const driver = DirectDriver.start({ scenario, seed: 'canonical' });
    const bots = makeBots(perSeat(() => 'random'));
    const rngs = perSeat((s) => botRng('canonical', s));
    let rounds = 0;
    while (!driver.over && rounds < 6) {
      playBotPhase(driver, bots, rngs);
      expect(canonicalJson(driver.G)).toBe(reference(driver.G));
      rounds = driver.G.round;
    }
    expect(canonicalJson(scenario)).toBe(reference(scenario));
  });

  it('gives frozen objects (kept by identity) the same text as their unfrozen copies, on the reducer too', () => {
    const deepFreeze = <T>(v: T): T => {
      if (v && typeof v === 'object') {
        for (const x of Object.values(v as object)) deepFreeze(x);
        Object.freeze(v);
      }
      return v;
    };
    const value = { b: [{ y: 1, x: 'two' }, [3, { z: null }]], a: { c: true } };
    const frozen = deepFreeze(structuredClone(value));
    expect(canonicalJson(frozen)).toBe(reference(value));
    expect(canonicalJson({ outer: frozen, again: frozen })).toBe(reference({ outer: value, again: value }));
    const driver = new MatchDriver({ scenario: builtinScenario('brezhnev-1972'), seed: 'frozen' });
    const bots = makeBots(perSeat(() => 'random'));
    const rngs = perSeat((s) => botRng('frozen', s));
    while (!driver.over && driver.G.round < 4) {
      playBotPhase(driver, bots, rngs);
      expect(canonicalJson(driver.G)).toBe(reference(driver.G));
    }
  });
});
