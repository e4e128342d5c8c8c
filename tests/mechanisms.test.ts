/**
 * Issue 10, "mechanisms, not verdicts": each causal channel of the paper moves the rules (or, for the historical
 * doctrine, the bot's preference) in the paper's direction, so a player who changes the conditions changes the odds.
 */
import { describe, expect, test } from 'vitest';
import { createInitialState, type GameState } from '../src/game/state';
import { builtinScenario } from '../src/scenario/builtin';
import type { Scenario } from '../src/game/scenario-schema';
import {
  backlashChance,
  concessionPressure,
  pressureTarget,
  ratifyFailChance,
  russiaOutsideOptions,
} from '../src/game/resolution';
import { concessionReadiness, orderStance } from '../src/bots/doctrine';

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
