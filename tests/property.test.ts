// Protects the engine's invariants under any legal play: over random eras and seeds with random bots, every match
// ends, every lever stays in range, no number is NaN, the four islands are always accounted for, scores are finite.
// A failing run writes its replay to test-artifacts/ so it can be re-run.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ISLANDS, SEATS, perSeat } from '../src/game/vocabulary';
import type { GameState } from '../src/game/state';
import { makeBot } from '../src/bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';
import { MatchDriver, botRng, playBotPhase } from '../src/match/match';
import { buildReplay, serializeReplay } from '../src/match/replay';

function inRange(label: string, value: number, min = 0, max = 100): void {
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${label} = ${value}, outside ${min}–${max}`);
}

function everyNumberFinite(value: unknown, path = 'G'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => everyNumberFinite(v, `${path}.${i}`));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'scenario') everyNumberFinite(v, `${path}.${k}`);
  }
}

/**
 * The state is plain data, as boardgame.io sends and stores it: primitives, arrays and plain objects only. (The test
 * projects run as users do, in production mode, where boardgame.io skips its own check of this after every move.)
 */
function plainData(value: unknown, path = 'G'): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return;
  if (Array.isArray(value)) return value.forEach((v, i) => plainData(v, `${path}.${i}`));
  const proto = type === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null) throw new Error(`${path} is not plain data (${type})`);
  for (const [k, v] of Object.entries(value as object)) plainData(v, `${path}.${k}`);
}

/** Every invariant of the state; throws naming the first one broken. */
export function checkInvariants(G: GameState): void {
  plainData(G);
  everyNumberFinite(G);
  for (const a of SEATS) for (const b of SEATS) inRange(`trust.${a}.${b}`, G.trust[a][b]);
  for (const [k, v] of Object.entries(G.rapport)) inRange(`rapport.${k}`, v);
  inRange('oilPrice', G.oilPrice);
  inRange('fishingTension', G.fishingTension);
  for (const [k, v] of Object.entries(G.alignment)) inRange(`alignment.${k}`, v);
  for (const k of ['rok', 'dprk'] as const)
    for (const [p, v] of Object.entries(G.koreaTies[k])) inRange(`koreaTies.${k}.${p}`, v);
  for (const s of SEATS) {
    inRange(`domestic.${s}.pressure`, G.domestic[s].pressure);
    inRange(`domestic.${s}.capital`, G.domestic[s].capital);
    inRange(`economy.${s}`, G.economy[s], 10, 300);
  }
  for (const p of Object.values(G.projects)) {
    inRange(`projects.${p.id}.progress`, p.progress, 0, 99.99);
    inRange(`projects.${p.id}.output`, p.output, 0, p.capacity);
    inRange(
      `projects.${p.id}.stakes`,
      Object.values(p.stakes).reduce((a: number, b) => a + (b ?? 0), 0),
    );
  }
  const islands = Object.keys(G.islands).sort();
  if (islands.join() !== [...ISLANDS].sort().join()) throw new Error(`islands are ${islands.join(', ')}`);
  for (const i of ISLANDS) {
    const island = G.islands[i];
    if (island.administrator !== 'russia' && island.administrator !== 'japan')
      throw new Error(`${i} administered by ${island.administrator}`);
    if (!Number.isInteger(island.garrison)) throw new Error(`${i} garrison ${island.garrison}`);
    inRange(`${i}.garrison`, island.garrison, 0, 10);
    inRange(`${i}.jointActivities`, island.jointActivities, 0, 3);
  }
  inRange('positions.russia', G.positions.russia, 0, 4);
  inRange('positions.japan', G.positions.japan, 0, 4);
  for (const s of SEATS)
    if (!Number.isFinite(G.scores[s])) throw new Error(`score of ${s} is ${G.scores[s]}`);
}

function playChecked(scenarioId: string, seed: string): MatchDriver {
  const scenario = builtinScenario(scenarioId);
  const driver = new MatchDriver({ scenario, seed });
  const bots = perSeat(() => makeBot('random'));
  const rngs = perSeat((s) => botRng(seed, s));
  const maxRounds = scenario!.endYear - scenario!.startYear + 1;
  try {
    for (let guard = 0; !driver.over; guard++) {
      if (guard > maxRounds * 3 + 3) throw new Error('the match did not end');
      playBotPhase(driver, bots, rngs);
      checkInvariants(driver.G);
    }
    expect(driver.G.outcome).not.toBeNull();
    expect(driver.G.history.length).toBeLessThanOrEqual(maxRounds);
    expect(driver.G.history.at(-1)?.year).toBe(driver.G.outcome?.year);
    if (driver.G.outcome?.reason === 'era-end') expect(driver.G.history).toHaveLength(maxRounds);
  } catch (error) {
    fs.mkdirSync('test-artifacts', { recursive: true });
    const file = `test-artifacts/property-failure-${scenarioId}-${seed}.json`;
    const seats = perSeat(() => 'bot:random');
    fs.writeFileSync(
      file,
      serializeReplay(buildReplay({ scenario: scenario!, seed, seats, driver, createdBy: 'property-test' })),
    );
    throw new Error(`${scenarioId} seed ${seed}: ${(error as Error).message} (replay in ${file})`);
  }
  return driver;
}

describe('random legal play keeps every invariant', () => {
  test('over random eras and seeds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUILTIN_IDS), fc.integer({ min: 0, max: 1_000_000 }), (id, seed) => {
        playChecked(id, String(seed));
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  test.each(BUILTIN_IDS)(
    '%s reaches its end with a ranked outcome',
    (id) => {
      const driver = playChecked(id, 'ranked');
      const outcome = driver.G.outcome!;
      expect([...outcome.ranking].sort()).toEqual([...SEATS].sort());
      for (let i = 1; i < outcome.ranking.length; i++) {
        expect(outcome.finalScores[outcome.ranking[i - 1]]).toBeGreaterThanOrEqual(
          outcome.finalScores[outcome.ranking[i]],
        );
      }
    },
    60_000,
  );
});

describe('the invariants can fail', () => {
  test('a state that is not plain data, or has a NaN or an out-of-range lever, is named', () => {
    const G = new MatchDriver({ scenario: builtinScenario('abe-2013'), seed: 'inv' }).G;
    expect(() => checkInvariants(G)).not.toThrow();
    const withMap = { ...G, alignment: { ...G.alignment, extra: new Map() } } as unknown as GameState;
    expect(() => checkInvariants(withMap)).toThrow(/G\.alignment\.extra is not plain data/);
    const withFn = { ...G, log: [() => 0] } as unknown as GameState;
    expect(() => checkInvariants(withFn)).toThrow(/G\.log\.0 is not plain data/);
    expect(() => checkInvariants({ ...G, oilPrice: Number.NaN })).toThrow(/G\.oilPrice is NaN/);
    expect(() => checkInvariants({ ...G, oilPrice: 120 })).toThrow(/oilPrice = 120/);
  });
});
