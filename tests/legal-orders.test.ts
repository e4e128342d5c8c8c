// Protects `nextOrderChoices` (src/game/legal.ts), which bots and the browser's order menu call once per order they
// add: it skips re-checking the orders already chosen for every candidate, and must still list exactly the orders
// that `ordersProblem` accepts after them, from legal and from broken drafts alike.
import { describe, expect, test } from 'vitest';
import { ACTION_IDS, ACTIONS } from '../src/game/catalog';
import { nextOrderChoices } from '../src/game/legal';
import { ordersProblem, targetsFor } from '../src/game/policy';
import type { GameState, Order } from '../src/game/state';
import { ISLANDS, SEATS, perSeat, type Seat } from '../src/game/vocabulary';
import { makeBot } from '../src/bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';
import { MatchDriver, botRng, playBotPhase } from '../src/match/match';
import { mulberry } from '../src/bots/rollout';

/** The definition: every (action, target) of the seat's menu that `ordersProblem` accepts after `chosen`. */
function byDefinition(G: GameState, seat: Seat, chosen: readonly Order[]): Order[] {
  const out: Order[] = [];
  for (const action of ACTION_IDS)
    for (const target of targetsFor(G, seat, action)) {
      const order: Order = target === undefined ? { action } : { action, target };
      if (ordersProblem(G, seat, [...chosen, order]) === null) out.push(order);
    }
  return out;
}

/** Drafts to test from: orders the seat could legally add one after another, and some that break a rule. */
function drafts(G: GameState, seat: Seat, next: () => number): Order[][] {
  const out: Order[][] = [[]];
  const legal: Order[] = [];
  for (let i = 0; i < 6; i++) {
    const choices = nextOrderChoices(G, seat, legal);
    if (choices.length === 0) break;
    legal.push(choices[Math.floor(next() * choices.length)]);
    out.push([...legal]);
  }
  const any = (): Order => {
    const action = ACTION_IDS[Math.floor(next() * ACTION_IDS.length)];
    const target = 'target' in ACTIONS[action] ? ISLANDS[Math.floor(next() * ISLANDS.length)] : undefined;
    return target === undefined ? { action } : { action, target };
  };
  // An order off the menu or with a wrong target, the same order past its per-round limit, and past the budget.
  out.push([any()], [...legal.slice(0, 2), any()], [...legal, ...legal], [any(), any(), any(), any()]);
  if (legal[0]) out.push(Array.from({ length: 4 }, () => legal[0]));
  return out;
}

describe('the orders a seat can add', () => {
  test.each(BUILTIN_IDS)('%s: the same list as checking each candidate with ordersProblem', (id) => {
    const scenario = builtinScenario(id);
    const driver = new MatchDriver({ scenario, seed: 'legal-orders' });
    const bots = perSeat(() => makeBot('random'));
    const rngs = perSeat((s) => botRng('legal-orders', s));
    const next = mulberry(7);
    let checked = 0;
    let nonEmpty = 0;
    for (let guard = 0; !driver.over && guard < 60; guard++) {
      if (driver.phase === 'policy')
        for (const seat of SEATS)
          for (const draft of drafts(driver.G, seat, next)) {
            const listed = nextOrderChoices(driver.G, seat, draft);
            expect(listed, `${id} ${driver.G.year} ${seat} after ${JSON.stringify(draft)}`).toEqual(
              byDefinition(driver.G, seat, draft),
            );
            checked += 1;
            if (listed.length > 0) nonEmpty += 1;
          }
      playBotPhase(driver, bots, rngs);
    }
    // Sanity: both kinds of draft were met, those with orders left to add and those with none.
    expect(nonEmpty).toBeGreaterThan(20);
    expect(checked - nonEmpty).toBeGreaterThan(20);
  });
});
