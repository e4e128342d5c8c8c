/**
 * Step 3 of a round, Policy: each seat spends its action points on its own menu, hidden until every seat has
 * committed. This module says which orders are legal, and applies each when revealed at Resolution; what each action
 * does is data, in `action-effects.ts`.
 */
import { ACTIONS, type ActionId, isActionId } from './catalog';
import { ORDER_EFFECTS, applyTableEffects } from './action-effects';
import { LEVERS } from './levers';
import { ISLANDS, KOREAS, KOREA_PARTNERS, LADDER, type Island, type Seat } from './vocabulary';
import { type GameState, type Order, scenarioOf } from './state';

/** Whether the action is on this seat's menu in this era. */
export function onMenu(G: GameState, seat: Seat, action: ActionId): boolean {
  return Object.prototype.hasOwnProperty.call(scenarioOf(G).menus.weights[seat], action);
}

/** The legal targets of an action for a seat now; [undefined] for an action without a target; [] when unavailable. */
export function targetsFor(G: GameState, seat: Seat, action: ActionId): (string | undefined)[] {
  if (!onMenu(G, seat, action)) return [];
  const spec = ACTIONS[action];
  if (!precondition(G, action)) return [];
  switch ('target' in spec ? spec.target : undefined) {
    case 'island':
      return ISLANDS.filter((i) => islandTargetOk(G, action, i));
    case 'project':
      return Object.keys(G.projects);
    case 'korea':
      return [...KOREAS];
    case 'partner':
      return [...KOREA_PARTNERS];
    default:
      return [undefined];
  }
}

function islandTargetOk(G: GameState, action: ActionId, island: Island): boolean {
  const state = G.islands[island];
  if (state.administrator !== 'russia') return false;
  if (action === 'reinforce-garrison') return state.garrison < 10;
  if (action === 'drawdown-garrison') return state.garrison > 0;
  if (action === 'offer-joint-development') return state.jointActivities < 3;
  return true;
}

/**
 * Why a declaration forbids this order now, or null: Russia may not harden below its floor, and Japan may not
 * campaign for all four islands once a declaration has set its demand lower (e.g. the 1956 basis of Singapore 2018).
 * A rule for every seat, people included, as the era's signed documents bound every government.
 */
export function floorProblem(G: GameState, action: ActionId): string | null {
  if (action === 'harden-stance' && G.positions.russia > 0 && G.positions.russia <= G.floors.russia) {
    return `a declaration binds Russia: its offer cannot fall below "${LADDER[G.floors.russia]}"`;
  }
  if (
    action === 'territories-campaign' &&
    G.floors.japan < LADDER.length - 1 &&
    G.positions.japan >= G.floors.japan
  ) {
    return `a declaration binds Japan: its demand cannot rise above "${LADDER[G.floors.japan]}"`;
  }
  return null;
}

function precondition(G: GameState, action: ActionId): boolean {
  if (floorProblem(G, action) !== null) return false;
  switch (action) {
    case 'raise-offer':
      return G.positions.russia < LADDER.length - 1;
    case 'harden-stance':
      return G.positions.russia > 0;
    case 'soften-demand':
      return G.positions.japan > 1;
    case 'abandon-linkage':
      return G.linkage;
    case 'restore-linkage':
      return !G.linkage;
    case 'back-japan-claim':
      return G.alignment.sinoRussian < LEVERS.alignment.riftBelow + LEVERS.alignment.backClaimMargin;
    case 'ease-sanctions':
      return G.alignment.sanctions > 0;
    default:
      return true;
  }
}

/** Why this list of orders is not legal for the seat now, or null. */
export function ordersProblem(G: GameState, seat: Seat, orders: readonly Order[]): string | null {
  let cost = 0;
  const counts = new Map<string, number>();
  for (const [index, order] of orders.entries()) {
    if (!isActionId(order.action)) return `order ${index + 1}: unknown action "${String(order.action)}"`;
    const spec = ACTIONS[order.action];
    if (!onMenu(G, seat, order.action))
      return `order ${index + 1}: "${order.action}" is not on ${seat}'s menu`;
    const targets = targetsFor(G, seat, order.action);
    if (targets.length === 0) {
      const floor = floorProblem(G, order.action);
      return `order ${index + 1}: "${order.action}" is not available now${floor ? `: ${floor}` : ''}`;
    }
    if (!targets.includes(order.target)) {
      return `order ${index + 1}: "${order.action}" needs one of ${targets.map(String).join(', ')}, got ${String(order.target)}`;
    }
    const n = (counts.get(order.action) ?? 0) + 1;
    if (n > spec.maxPerRound)
      return `order ${index + 1}: "${order.action}" at most ${spec.maxPerRound} a round`;
    counts.set(order.action, n);
    cost += spec.cost;
  }
  const budget = scenarioOf(G).actionPoints.values[seat];
  return cost > budget ? `orders cost ${cost} action points; ${seat} has ${budget}` : null;
}

export function ordersCost(orders: readonly Order[]): number {
  return orders.reduce((sum, o) => sum + (isActionId(o.action) ? ACTIONS[o.action].cost : 0), 0);
}

/** Applies one revealed order: its row of `ORDER_EFFECTS`. Orders are legal here: they were checked when committed. */
export function applyOrder(G: GameState, seat: Seat, order: Order): void {
  applyTableEffects(G, ORDER_EFFECTS[order.action], { '@actor': seat, '@target': order.target });
}
