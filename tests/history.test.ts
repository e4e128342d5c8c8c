/**
 * "History stays history": declarations' floors on the ladder, the historical doctrine's limits, and the distance
 * from history (src/sim/history.ts), which must be able to fail.
 */
import { describe, expect, test } from 'vitest';
import { LADDER } from '../src/game/vocabulary';
import { createInitialState } from '../src/game/state';
import { applyEffect } from '../src/game/effects';
import { nextOrderChoices } from '../src/game/legal';
import { ordersProblem } from '../src/game/policy';
import { parseScenario } from '../src/game/scenario-validate';
import { applyOrder } from '../src/game/policy';
import { builtinScenario, BUILTIN_DOCUMENTS } from '../src/scenario/builtin';
import { orderStance, proposalStance } from '../src/bots/doctrine';
import { parseBotSpec } from '../src/bots/registry';
import { runMatchRecord } from '../src/sim/batch';
import { applyWhatIfs, parseWhatIfFlag } from '../src/sim/whatif';
import {
  batchDistanceFromHistory,
  distanceFromHistory,
  RECORDED_LEVELS,
  yearLevels,
} from '../src/sim/history';

const rung = (r: (typeof LADDER)[number]) => LADDER.indexOf(r);

function scenario(id: string) {
  const s = builtinScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

function historical() {
  const spec = parseBotSpec('historical');
  if (!spec.ok) throw new Error(spec.error);
  return spec.spec;
}

describe('declaration floors', () => {
  test('Irkutsk 2001 binds Russia from the start of abe-2013: it may not harden below "acknowledged"', () => {
    const G = createInitialState(scenario('abe-2013'), 'floor');
    expect(G.positions.russia).toBe(rung('acknowledged'));
    expect(G.floors.russia).toBe(rung('acknowledged'));
    expect(nextOrderChoices(G, 'russia', []).some((o) => o.action === 'harden-stance')).toBe(false);
    expect(ordersProblem(G, 'russia', [{ action: 'harden-stance' }])).toMatch(
      /declaration binds Russia.*acknowledged/,
    );
    // Above the floor the order is legal again, and lowers the offer only down to the floor.
    G.positions.russia = rung('two-islands');
    expect(ordersProblem(G, 'russia', [{ action: 'harden-stance' }])).toBeNull();
    applyOrder(G, 'russia', { action: 'harden-stance' });
    expect(G.positions.russia).toBe(rung('acknowledged'));
  });

  test('an era with no declaration yet binds nothing: Brezhnev may harden', () => {
    const G = createInitialState(scenario('gorbachev-1985'), 'floor');
    G.positions.russia = rung('acknowledged');
    expect(G.floors.russia).toBe(0);
    expect(ordersProblem(G, 'russia', [{ action: 'harden-stance' }])).toBeNull();
  });

  test("Singapore 2018 sets Japan's floor at the 1956 basis: no campaign for four islands, China's backing clamped", () => {
    const G = createInitialState(scenario('abe-2013'), 'floor');
    const singapore = scenario('abe-2013').events.find((e) => e.id === 'singapore-1956-basis');
    for (const e of singapore?.effects ?? []) applyEffect(G, e);
    expect(G.positions.japan).toBe(rung('two-islands'));
    expect(G.floors.japan).toBe(rung('two-islands'));
    expect(ordersProblem(G, 'japan', [{ action: 'territories-campaign' }])).toMatch(
      /declaration binds Japan/,
    );
    applyOrder(G, 'china', { action: 'back-japan-claim' });
    expect(G.positions.japan).toBe(rung('two-islands'));
  });

  test('a scheduled event still moves a position past the floor (a what-if, or history itself)', () => {
    const G = createInitialState(scenario('abe-2013'), 'floor');
    applyEffect(G, { type: 'position', seat: 'russia', rung: 'no-dispute' });
    expect(G.positions.russia).toBe(0);
    expect(G.floors.russia).toBe(rung('acknowledged'));
  });

  test("a starting floor the era's opening position breaks is refused", () => {
    const doc = structuredClone(BUILTIN_DOCUMENTS['abe-2013']) as { floors: { russia: { value: string } } };
    doc.floors.russia.value = 'two-islands';
    const result = parseScenario(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('floors.russia');
  });

  test('in historical play Russia never falls below its floor and Japan keeps its 2018 shift (yeltsin, abe)', () => {
    for (const [id, seeds] of [
      ['yeltsin-1992', ['1', '2', '3']],
      ['abe-2013', ['1', '2', '3']],
    ] as const) {
      for (const seed of seeds) {
        const r = runMatchRecord(
          { scenario: scenario(id), seeds: [seed], bots: historical(), whatIfs: [] },
          0,
        );
        const levels = r.levels ?? [];
        expect(levels.length).toBeGreaterThan(0);
        for (const y of levels)
          expect(y.values.russiaRung, `${id} ${seed} ${y.year}`).toBeGreaterThanOrEqual(1);
        if (id === 'abe-2013') {
          const fired = levels.find((y) => y.year === 2018)?.values.japanRung === rung('two-islands');
          if (fired)
            for (const y of levels.filter((l) => l.year > 2018))
              expect(y.values.japanRung).toBe(rung('two-islands'));
        }
      }
    }
  });
});

describe('the historical doctrine keeps to what governments did', () => {
  const G = createInitialState(scenario('abe-2013'), 'doctrine');

  test('the ROK gives no aid to the US, and none takes aid no government of the era gave', () => {
    expect(proposalStance(G, 'rok', 'us', 'aid', { amount: 1 }).factor).toBe(0);
    expect(proposalStance(G, 'rok', 'us', 'aid', { amount: 1 }).reason).toEqual({
      code: 'no-aid-to',
      args: { seat: 'us' },
    });
    expect(proposalStance(G, 'rok', 'russia', 'aid', { amount: 1 }).factor).toBeGreaterThan(0);
  });

  test('the ROK takes no stake in Yamal LNG unless its ties with Moscow give it a reason', () => {
    expect(
      proposalStance(G, 'rok', 'russia', 'energy-stake', { project: 'yamal-lng', share: 20 }).factor,
    ).toBe(0);
    expect(orderStance(G, 'rok', 'invest-project', 'yamal-lng').factor).toBe(0);
    const close = structuredClone(G);
    close.koreaTies.rok.russia = 90;
    const small = proposalStance(close, 'rok', 'russia', 'energy-stake', { project: 'yamal-lng', share: 5 });
    expect(small.factor).toBeGreaterThan(0);
    expect(small.reason).toEqual({ code: 'rok-first-stake', args: { ties: 90 } });
  });
});

describe('distance from history', () => {
  test('every recorded level has a source and a band inside its scale', () => {
    for (const [id, levels] of Object.entries(RECORDED_LEVELS)) {
      const s = scenario(id);
      for (const l of levels) {
        expect(l.from).toBeGreaterThanOrEqual(s.startYear);
        expect(l.to).toBeLessThanOrEqual(s.endYear);
        expect(l.min).toBeLessThanOrEqual(l.max);
        if (l.indicator.startsWith('stage:'))
          expect(s.projects.map((p) => p.id)).toContain(l.indicator.slice(6));
        expect(l.source.kind).toMatch(/paper|external|design/);
      }
    }
  });

  test('a run where Russia drops to "no dispute" is out of band; one that keeps the record is in', () => {
    const years = Array.from({ length: 8 }, (_, i) => 2013 + i);
    const kept = years.map((year) => ({ year, values: { russiaRung: 1, japanRung: year >= 2018 ? 2 : 4 } }));
    const dropped = years.map((year) => ({
      year,
      values: { russiaRung: 0, japanRung: year >= 2018 ? 2 : 4 },
    }));
    const good = distanceFromHistory('abe-2013', [kept]);
    const bad = distanceFromHistory('abe-2013', [dropped]);
    expect(good.share).toBe(1);
    expect(good.total).toBe(16);
    expect(bad.inBand).toBe(8);
    expect(bad.cells.filter((c) => !c.inBand).every((c) => c.indicator === 'russiaRung')).toBe(true);
  });

  test('a real match with Russia held at "no dispute" from 2016 leaves the band in those years', () => {
    const w = parseWhatIfFlag('russia:position=no-dispute@2016');
    if (!w.ok) throw new Error(w.error);
    const s = applyWhatIfs(scenario('abe-2013'), [w.value]);
    if (!s.ok) throw new Error(s.error);
    const record = runMatchRecord(
      { scenario: s.value, seeds: ['4'], bots: historical(), whatIfs: [w.value] },
      0,
    );
    const d = batchDistanceFromHistory('abe-2013', [record]);
    const out = d.cells.filter((c) => !c.inBand && c.indicator === 'russiaRung').map((c) => c.year);
    expect(out).toEqual([2016, 2017, 2018, 2019, 2020].filter((y) => y <= record.endYear));
    expect(d.share).toBeLessThan(1);
    // The same seed without the what-if stays within the record.
    const plain = runMatchRecord(
      { scenario: scenario('abe-2013'), seeds: ['4'], bots: historical(), whatIfs: [] },
      0,
    );
    expect(
      batchDistanceFromHistory('abe-2013', [plain]).cells.filter(
        (c) => c.indicator === 'russiaRung' && !c.inBand,
      ),
    ).toEqual([]);
  });

  test('yearLevels reads project stages from the snapshots', () => {
    const plain = runMatchRecord(
      { scenario: scenario('abe-2013'), seeds: ['5'], bots: historical(), whatIfs: [] },
      0,
    );
    const y2018 = plain.levels?.find((y) => y.year === 2018);
    expect(y2018?.values['stage:yamal-lng']).toBe(3);
    expect(yearLevels([])).toEqual([]);
  });
});
