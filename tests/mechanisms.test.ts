/**
 * Issue 10, "mechanisms, not verdicts": each causal channel of the paper moves the rules (or, for the historical
 * doctrine, the bot's preference) in the paper's direction, so a player who changes the conditions changes the odds.
 */
import { describe, expect, test } from 'vitest';
import { createInitialState, type GameState } from '../src/game/state';
import { builtinScenario } from '../src/scenario/builtin';
import type { Scenario } from '../src/game/scenario-schema';
import {
  allianceFear,
  backlashChance,
  chinaEncouragesHardLine,
  concessionPressure,
  japaneseBusinessFlow,
  pressureTarget,
  ratifyFailChance,
  resolveRound,
  russiaOutsideOptions,
} from '../src/game/resolution';
import { chinaThreat, gapNarrowed, islandsOffered, publicScore, scoreBreakdown } from '../src/game/scoring';
import { incident, incidentBite } from '../src/game/effects';
import { LEVERS } from '../src/game/levers';
import { applyOrder } from '../src/game/policy';
import { concessionReadiness, orderStance, READINESS, usBackedCompromise } from '../src/bots/doctrine';
import { LADDER, perSeat } from '../src/game/vocabulary';

const state = (id: string): GameState => createInitialState(builtinScenario(id) as Scenario, 'mechanisms');

/** Russia without outside options: a Sino-Russian rift, cold ties with Seoul, cheap oil. */
function isolate(G: GameState): void {
  G.alignment.sinoRussian = 10;
  G.koreaTies.rok.russia = 10;
  G.oilPrice = 15;
}

describe("Russia's outside options set its price for a deal (claim 9)", () => {
  test('fewer options: lower concession pressure, fewer failed ratifications, fewer backlashes', () => {
    const G = state('abe-2013');
    const H = state('abe-2013');
    isolate(H);
    expect(russiaOutsideOptions(H)).toBeLessThan(russiaOutsideOptions(G));
    expect(concessionPressure(H, 'russia')).toBeLessThan(concessionPressure(G, 'russia'));
    // Japan's side is untouched by Russia's options.
    expect(concessionPressure(H, 'japan')).toBe(concessionPressure(G, 'japan'));
    for (const X of [G, H]) {
      X.domestic.russia.capital = 40;
      X.domestic.russia.strain = 18;
    }
    expect(ratifyFailChance(H, 'russia')).toBeLessThan(ratifyFailChance(G, 'russia'));
    expect(backlashChance(H, 'russia')).toBeLessThan(backlashChance(G, 'russia'));
  });
});

describe('goodwill buys domestic room', () => {
  test('trust above the baseline and rapport above 50 lower the pressure Russia and Japan drift back to', () => {
    const G = state('yeltsin-1992');
    const era = pressureTarget(G, 'japan');
    G.trust.japan.russia = G.trustBaseline.japan.russia + 20;
    expect(pressureTarget(G, 'japan')).toBeLessThan(era);
    // Ill will adds nothing here: incidents and campaigns already add pressure.
    const H = state('yeltsin-1992');
    H.trust.japan.russia = 0;
    expect(pressureTarget(H, 'japan')).toBe(era);
  });
});

describe('the doctrine is a preference, not a wall', () => {
  test('Russia raises its offer rarely under the recorded conditions, readily when free and without options', () => {
    const G = state('yeltsin-1992');
    const hist = orderStance(G, 'russia', 'raise-offer').factor;
    expect(hist).toBeGreaterThan(0);
    expect(hist).toBeLessThan(0.25);
    G.domestic.russia.pressure = 10;
    G.domestic.russia.capital = 90;
    isolate(G);
    expect(concessionReadiness(G, 'russia')).toBeGreaterThan(1);
    expect(orderStance(G, 'russia', 'raise-offer').factor).toBeGreaterThan(20 * hist);
    expect(orderStance(G, 'russia', 'harden-stance').factor).toBeLessThan(0.1);
  });

  test('Japan softens below its historical demand only toward the 1956 islands on offer, never below them', () => {
    const G = state('abe-2013');
    expect(orderStance(G, 'japan', 'soften-demand').factor).toBe(0);
    G.positions.russia = 2;
    G.domestic.japan.pressure = 10;
    G.domestic.japan.capital = 90;
    expect(orderStance(G, 'japan', 'soften-demand').factor).toBeGreaterThan(1);
    G.positions.japan = 2;
    expect(orderStance(G, 'japan', 'soften-demand').factor).toBe(0);
  });
});

describe('the US–Japan alliance raises Russia’s price; a US that engages Moscow lowers it (claim 10)', () => {
  test('a stronger alliance adds Russian concession pressure, Russian trust in Washington takes it off', () => {
    const G = state('abe-2013');
    G.alignment.usJapanAlliance = 50;
    const calm = concessionPressure(G, 'russia');
    expect(allianceFear(G)).toBe(0);
    G.alignment.usJapanAlliance = 95;
    expect(allianceFear(G)).toBeGreaterThan(0);
    expect(concessionPressure(G, 'russia')).toBeGreaterThan(calm);
    const feared = concessionPressure(G, 'russia');
    const readiness = concessionReadiness(G, 'russia');
    G.trust.russia.us = 90;
    expect(concessionPressure(G, 'russia')).toBeLessThan(feared);
    expect(concessionReadiness(G, 'russia')).toBeGreaterThan(readiness);
  });
});

describe('a US that backs a compromise moves both capitals, at a price in its alliance (claim 10)', () => {
  test('Moscow fears the alliance less, Tokyo feels less pressure, the alliance slackens, the US scores less', () => {
    const G = state('abe-2013');
    const H = state('abe-2013');
    applyOrder(H, 'us', { action: 'back-compromise' });
    expect(H.trust.russia.us).toBe(G.trust.russia.us + LEVERS.alignment.brokerAssurance);
    expect(allianceFear(H)).toBeLessThan(allianceFear(G));
    expect(concessionPressure(H, 'russia')).toBeLessThan(concessionPressure(G, 'russia'));
    expect(H.domestic.japan.pressure).toBe(G.domestic.japan.pressure - LEVERS.alignment.brokerRoom);
    expect(H.alignment.usJapanAlliance).toBe(G.alignment.usJapanAlliance - LEVERS.alignment.brokerCost);
    // The US has no stake in a deal by default: the step only costs it, and its score has no settlement term.
    expect(publicScore(H, 'us')).toBeLessThan(publicScore(G, 'us'));
    expect(scoreBreakdown(G, 'us').map((t) => t.term)).not.toContain('settlement');
  });

  test('after Washington backs a compromise, Japan is readier to take the 1956 islands (DEVELOPMENT ll. 273–275)', () => {
    const G = state('abe-2013');
    const before = concessionReadiness(G, 'japan');
    const stance = orderStance(G, 'japan', 'soften-demand');
    expect(gapNarrowed(G)).toBe(0);
    G.positions.russia = LADDER.indexOf('two-islands');
    // The stake a what-if can give the US counts the rungs the two sides have come closer.
    expect(gapNarrowed(G)).toBe(1);
    const offered = orderStance(G, 'japan', 'soften-demand');
    G.revealed.push({
      round: G.round,
      year: G.year,
      orders: { ...perSeat(() => []), us: [{ action: 'back-compromise' }] },
    });
    expect(usBackedCompromise(G)).toBe(true);
    expect(concessionReadiness(G, 'japan')).toBeCloseTo(before + 0.75 + READINESS.usPermission, 9);
    const backed = orderStance(G, 'japan', 'soften-demand');
    // Forbidden while Moscow offers less than the 1956 islands; likelier once it does, likelier still with the US.
    expect(stance.factor).toBe(0);
    expect(backed.factor).toBeGreaterThan(offered.factor);
    expect(offered.factor).toBeGreaterThan(0);
    // A step two years back no longer counts.
    G.round += 2;
    expect(usBackedCompromise(G)).toBe(false);
  });
});

describe('a Russo-Japanese deal costs China as far as it isolates Beijing (claims 7, 19)', () => {
  const ratified = (G: GameState) => {
    G.treaty = { formula: 'two-islands', year: G.year, status: 'ratified' };
    G.islands.shikotan.administrator = 'japan';
    G.islands.habomai.administrator = 'japan';
  };
  const treatyTerm = (G: GameState) => scoreBreakdown(G, 'china').find((t) => t.term === 'treaty')!.value;
  test('a honeymoon with Moscow and a hostile Tokyo make the treaty dearer; a détente with Tokyo removes the cost', () => {
    const honeymoon = state('abe-2013');
    const detente = state('abe-2013');
    detente.alignment.japanChina = 90;
    for (const G of [honeymoon, detente]) ratified(G);
    expect(chinaThreat(honeymoon)).toBeGreaterThan(1);
    expect(chinaThreat(detente)).toBe(0);
    expect(treatyTerm(honeymoon)).toBeLessThan(-10);
    expect(treatyTerm(detente)).toBeCloseTo(0, 9);
  });
  test('in a rupture, the islands Russia loses are China’s gain, as in 1964', () => {
    const rift = state('brezhnev-1972');
    rift.alignment.sinoRussian = 10;
    const before = scoreBreakdown(rift, 'china').find((t) => t.term === 'balance')!.value;
    ratified(rift);
    expect(scoreBreakdown(rift, 'china').find((t) => t.term === 'balance')!.value).toBeGreaterThan(before);
  });
});

describe('China backs Japan’s claim by its own order, never by rule (claim 12)', () => {
  test('a rift alone sets nothing; the order sets the backing, which lapses once relations recover', () => {
    const G = state('brezhnev-1972');
    G.alignment.sinoRussian = 5;
    resolveRound(G);
    expect(G.flags['china-backs-japan'] ?? false).toBe(false);
    const H = state('brezhnev-1972');
    H.alignment.sinoRussian = 5;
    applyOrder(H, 'china', { action: 'back-japan-claim' });
    expect(H.flags['china-backs-japan']).toBe(true);
    const pressure = H.domestic.japan.pressure;
    H.alignment.sinoRussian = 80;
    resolveRound(H);
    expect(H.flags['china-backs-japan']).toBe(false);
    expect(H.domestic.japan.pressure).toBeLessThanOrEqual(pressure + 2);
  });
});

describe('Pyongyang looks to Washington while the door is open (claim 20)', () => {
  test('the doctrine prefers the US when ties are open, its closest patron when they are shut', () => {
    const G = state('abe-2013');
    G.koreaTies.dprk.us = 10;
    expect(orderStance(G, 'dprk', 'seek-patron', 'us').factor).toBeGreaterThan(
      orderStance(G, 'dprk', 'seek-patron', 'russia').factor,
    );
    G.koreaTies.dprk.us = 0;
    expect(orderStance(G, 'dprk', 'seek-patron', 'us').factor).toBeLessThan(
      orderStance(G, 'dprk', 'seek-patron', 'russia').factor,
    );
  });
  test('the DPRK scores ties with Washington above ties with Moscow', () => {
    const G = state('abe-2013');
    const base = publicScore(G, 'dprk');
    G.koreaTies.dprk.us += 10;
    const toUs = publicScore(G, 'dprk') - base;
    G.koreaTies.dprk.us -= 10;
    G.koreaTies.dprk.russia += 10;
    expect(toUs).toBeGreaterThan(publicScore(G, 'dprk') - base);
  });
  test('Seoul’s outreach to a sanctioned Moscow strains its alliance with Washington', () => {
    const G = state('abe-2013');
    G.alignment.sanctions = 10;
    const open = G.koreaTies.rok.us;
    applyOrder(G, 'rok', { action: 'outreach-moscow' });
    expect(G.koreaTies.rok.us).toBe(open);
    G.alignment.sanctions = 40;
    applyOrder(G, 'rok', { action: 'outreach-moscow' });
    expect(G.koreaTies.rok.us).toBeLessThan(open);
  });
});

describe('an incident bites through the mistrust there is (claim 6)', () => {
  const fall = (trust: number) => {
    const G = state('abe-2013');
    G.trust.japan.russia = trust;
    incident(G, 'japan', 'russia', 10);
    return trust - G.trust.japan.russia;
  };
  test('in full at the mistrust of the recorded eras, less as trust is built, nothing once it is high', () => {
    const T = LEVERS.trust;
    expect(fall(T.incidentFullBelow - 10)).toBe(10);
    const halfway = fall((T.incidentFullBelow + T.incidentHealedAt) / 2);
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(10);
    expect(fall(T.incidentHealedAt + 5)).toBe(0);
  });
  test('the offender cools by the echo of its own mistrust', () => {
    const G = state('abe-2013');
    G.trust.russia.japan = LEVERS.trust.incidentFullBelow;
    incident(G, 'japan', 'russia', 10);
    expect(G.trust.russia.japan).toBeCloseTo(
      LEVERS.trust.incidentFullBelow - 10 * LEVERS.trust.incidentEcho,
      5,
    );
    expect(incidentBite(G, 'japan', 'russia')).toBeGreaterThan(0);
  });
});

describe('China encouraging the hard line weighs on Japan’s ratification as far as Tokyo listens (claim 8)', () => {
  const withOrders = (japanChina: number, china: boolean) => {
    const G = state('abe-2013');
    G.alignment.japanChina = japanChina;
    G.domestic.japan.capital = 90;
    G.domestic.japan.pressure = 20;
    G.revealed.push({
      round: G.round,
      year: G.year,
      orders: {
        ...G.orders,
        ...{ russia: [], japan: [], us: [], rok: [], dprk: [] },
        china: china ? [{ action: 'encourage-hard-line' }] : [],
      },
    });
    return G;
  };
  test('no order, no effect; with it, Japan fails more often the closer Tokyo is to Beijing; Russia is untouched', () => {
    const quiet = withOrders(90, false);
    const far = withOrders(20, true);
    const close = withOrders(90, true);
    expect(chinaEncouragesHardLine(quiet)).toBe(false);
    expect(chinaEncouragesHardLine(close)).toBe(true);
    expect(ratifyFailChance(far, 'japan')).toBeGreaterThan(ratifyFailChance(quiet, 'japan'));
    expect(ratifyFailChance(close, 'japan')).toBeGreaterThan(ratifyFailChance(far, 'japan'));
    expect(ratifyFailChance(close, 'russia')).toBe(ratifyFailChance(quiet, 'russia'));
  });
  test('last year’s orders do not count this year', () => {
    const G = withOrders(90, true);
    G.round += 1;
    expect(chinaEncouragesHardLine(G)).toBe(false);
  });
});

describe('backing Japan’s claim pays China only in a rupture (claim 12)', () => {
  const balance = (sinoRussian: number, backs: boolean) => {
    const G = state('brezhnev-1972');
    G.alignment.sinoRussian = sinoRussian;
    G.flags['china-backs-japan'] = backs;
    return scoreBreakdown(G, 'china').find((t) => t.term === 'balance')!.value;
  };
  test('a gain that deepens with the rift, and none above it', () => {
    expect(balance(5, true)).toBeGreaterThan(balance(5, false));
    expect(balance(5, true) - balance(5, false)).toBeGreaterThan(balance(20, true) - balance(20, false));
    expect(balance(LEVERS.alignment.riftBelow + 5, true)).toBe(
      balance(LEVERS.alignment.riftBelow + 5, false),
    );
  });
});

describe('the linkage holds Japanese business back (claim 5)', () => {
  test('no flow while Tokyo links; once it drops the linkage, firms speed the projects Japan buys, more with trust', () => {
    const G = state('abe-2013');
    expect(G.linkage).toBe(true);
    expect(japaneseBusinessFlow(G, 'yamal-lng')).toBe(0);
    G.linkage = false;
    const flow = japaneseBusinessFlow(G, 'yamal-lng');
    expect(flow).toBeGreaterThan(0);
    expect(japaneseBusinessFlow(G, 'power-of-siberia')).toBe(0);
    G.trust.japan.russia += 20;
    const trusted = japaneseBusinessFlow(G, 'yamal-lng');
    expect(trusted).toBeGreaterThan(flow);
    G.alignment.sanctions = 80;
    expect(japaneseBusinessFlow(G, 'yamal-lng')).toBeLessThan(trusted);
  });
  test('Russian separation moves a project Japan buys far more once the linkage is dropped', () => {
    const linked = state('abe-2013');
    const free = state('abe-2013');
    free.linkage = false;
    for (const G of [linked, free]) applyOrder(G, 'russia', { action: 'separate-economics' });
    expect(free.projects['arctic-lng-2'].progress).toBeGreaterThan(
      2 * linked.projects['arctic-lng-2'].progress,
    );
  });
});

describe('an island on offer costs Russia at home (claim 3)', () => {
  test('raising the offer to the 1956 islands lowers Russia’s score; islands already handed over are not counted twice', () => {
    const G = state('yeltsin-1992');
    G.positions.russia = 1;
    const before = publicScore(G, 'russia');
    G.positions.russia = 2;
    expect(islandsOffered(G)).toBe(2);
    expect(publicScore(G, 'russia')).toBeLessThan(before);
    G.islands.shikotan.administrator = 'japan';
    G.islands.habomai.administrator = 'japan';
    expect(islandsOffered(G)).toBe(0);
  });
});
