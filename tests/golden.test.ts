// Pins the resolution formulas on hand-made states, so a balance change in src/game/levers.ts (or a formula) shows
// up here as a reviewable diff of numbers.
import { describe, expect, test } from 'vitest';
import { addTrust, incident } from '../src/game/effects';
import { applyOrder } from '../src/game/policy';
import { backlashChance, outputTarget, ratifyFailChance, resolveRound } from '../src/game/resolution';
import { energyIndex, publicScore } from '../src/game/scoring';
import { perSeat } from '../src/game/vocabulary';
import { type GameState, createInitialState } from '../src/game/state';
import { parseScenario } from '../src/game/scenario-validate';
import { makeScenario } from './fixtures/scenario';

function fixtureState(seed = 'golden'): GameState {
  const parsed = parseScenario(makeScenario());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const G = createInitialState(parsed.scenario, seed);
  G.round = 1;
  return G;
}

describe('trust', () => {
  test('rises are capped at 6 a round; falls apply in full', () => {
    const G = fixtureState();
    expect(G.trust.japan.russia).toBe(25);
    addTrust(G, 'japan', 'russia', 4);
    addTrust(G, 'japan', 'russia', 4);
    expect(G.trust.japan.russia).toBe(31);
    addTrust(G, 'japan', 'russia', -10);
    expect(G.trust.japan.russia).toBe(21);
  });

  test('an incident hits the wronged side fully, the other by 60 %, and rapport by half the severity', () => {
    const G = fixtureState();
    // Both at or below trust.incidentFullBelow (25): the full bite.
    G.trust.russia.japan = 25;
    incident(G, 'japan', 'russia', 10);
    expect(G.trust.japan.russia).toBe(15);
    expect(G.trust.russia.japan).toBe(19);
    expect(G.rapport['russia|japan']).toBe(35);
  });

  test('an incident bites through mistrust: half at trust 40, nothing from trust 55 (incidentFullBelow 25, incidentHealedAt 55)', () => {
    const G = fixtureState();
    G.trust.japan.russia = 40;
    G.trust.russia.japan = 60;
    incident(G, 'japan', 'russia', 10);
    expect(G.trust.japan.russia).toBe(35);
    expect(G.trust.russia.japan).toBe(60);
    expect(G.rapport['russia|japan']).toBe(37.5);
  });
});

describe('domestic politics', () => {
  test.each([
    // strain, pressure, capital → chance = clamp((strain × pressure / 50 − capital / 2) / 40, 0, 0.9)
    [18, 80, 40, 0.22],
    [18, 40, 60, 0],
    [40, 90, 20, 0.9],
    [6, 60, 50, 0],
  ])(
    'backlash chance for strain %d, pressure %d, capital %d is %d',
    (strain, pressure, capital, expected) => {
      const G = fixtureState();
      G.domestic.russia = { strain, pressure, capital };
      // Russia's outside options at their neutral level (0.45 × 300), so they add nothing to its pressure, and the
      // alliance at 50, so Moscow's fear of it adds nothing either.
      G.alignment.sinoRussian = 45;
      G.koreaTies.rok.russia = 45;
      G.oilPrice = 45;
      G.alignment.usJapanAlliance = 50;
      expect(backlashChance(G, 'russia')).toBeCloseTo(expected, 10);
    },
  );

  test.each([
    // pressure, capital → fail chance = clamp(0.35 + (pressure − capital) / 100, 0.1, 0.95)
    [90, 30, 0.95],
    [40, 60, 0.15],
    [60, 50, 0.45],
    [10, 90, 0.1],
  ])('ratification fails with chance %d/%d → %d', (pressure, capital, expected) => {
    const G = fixtureState();
    G.domestic.japan = { strain: 0, pressure, capital };
    expect(ratifyFailChance(G, 'japan')).toBeCloseTo(expected, 10);
  });
});

describe('energy', () => {
  test('output target: capacity × (0.35 + buyers’ mean trust in Russia / 100), capped at capacity', () => {
    const G = fixtureState();
    // Sakhalin: capacity 40, buyers Japan (trust 25) and the ROK (default 45): 40 × (0.35 + 0.35) = 28.
    expect(outputTarget(G, 'sakhalin')).toBeCloseTo(28, 10);
    G.trust.japan.russia = 100;
    G.trust.rok.russia = 100;
    expect(outputTarget(G, 'sakhalin')).toBe(40);
  });

  test('the energy index is output over total capacity', () => {
    const G = fixtureState();
    G.projects.sakhalin.output = 20;
    G.projects.altai.output = 10;
    expect(energyIndex(G)).toBe(30);
  });
});

describe('scores and one full resolution', () => {
  test('public scores of the opening fixture state', () => {
    const G = fixtureState();
    expect(perSeat((s) => publicScore(G, s))).toMatchInlineSnapshot(`
      {
        "china": -0.6,
        "dprk": -1,
        "japan": 1.8,
        "rok": 2.7,
        "russia": 13,
        "us": 7.8,
      }
    `);
  });

  test('a resolution with a fixed set of orders', () => {
    const G = fixtureState('golden-resolution');
    G.orders = {
      russia: [{ action: 'drawdown-garrison', target: 'kunashiri' }, { action: 'separate-economics' }],
      japan: [{ action: 'invest-project', target: 'sakhalin' }, { action: 'territories-campaign' }],
      china: [{ action: 'deepen-russia-ties' }, { action: 'encourage-hard-line' }],
      us: [{ action: 'alliance-reassurance' }, { action: 'impose-sanctions' }],
      rok: [{ action: 'outreach-moscow' }, { action: 'energy-imports' }],
      dprk: [{ action: 'seek-patron', target: 'china' }, { action: 'provocation' }],
    };
    resolveRound(G);
    const snap = G.history[0];
    expect({
      year: G.year,
      trust: [snap.trustJapanRussia, snap.trustRussiaJapan],
      rapport: snap.rapportRussiaJapan,
      energy: snap.energy,
      sakhalin: G.projects.sakhalin,
      garrison: G.islands.kunashiri.garrison,
      alignment: G.alignment,
      economy: G.economy,
      scores: G.scores,
    }).toMatchInlineSnapshot(`
      {
        "alignment": {
          "japanChina": 40,
          "japanRok": 45,
          "sanctions": 9.4,
          "sinoRussian": 57.5,
          "usJapanAlliance": 84.4,
        },
        "economy": {
          "china": 99.9,
          "dprk": 98.9,
          "japan": 98.9,
          "rok": 100.8,
          "russia": 100.2,
          "us": 99.9,
        },
        "energy": 0,
        "garrison": 4,
        "rapport": 38,
        "sakhalin": {
          "capacity": 40,
          "id": "sakhalin",
          "output": 0,
          "progress": 36,
          "stage": "negotiating",
          "stakes": {
            "japan": 25,
          },
        },
        "scores": {
          "china": 1.4,
          "dprk": 0.2,
          "japan": 2.4,
          "rok": 3.9,
          "russia": 12.1,
          "us": 10,
        },
        "trust": [
          26.8,
          47.4,
        ],
        "year": 2001,
      }
    `);
  });

  test('each policy action moves its levers in the paper’s direction', () => {
    const G = fixtureState();
    applyOrder(G, 'russia', { action: 'border-crackdown' });
    expect(G.fishingTension).toBe(55);
    expect(G.trust.japan.russia).toBe(21);
    applyOrder(G, 'japan', { action: 'abandon-linkage' });
    expect(G.linkage).toBe(false);
    expect(G.domestic.japan.pressure).toBe(75);
    applyOrder(G, 'china', { action: 'deepen-russia-ties' });
    expect(G.alignment.sinoRussian).toBe(58);
  });
});
