/**
 * Step 3 of a round, Policy: each seat spends its action points on its own menu, hidden until every seat has
 * committed. This module says which orders are legal and what each action does when revealed at Resolution.
 */
import { ACTIONS, type ActionId, isActionId } from './catalog';
import {
  addCapital,
  addEconomy,
  addPressure,
  addProjectProgress,
  addStake,
  addStrain,
  addTrust,
  setPosition,
} from './effects';
import { linkageBinds } from './diplomacy';
import { LEVERS } from './levers';
import { ISLANDS, KOREAS, KOREA_PARTNERS, LADDER, SEATS, type Island, type Korea, type KoreaPartner, type Seat } from './vocabulary';
import { clamp, type GameState, type Order, round1, scenarioOf } from './state';

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

function precondition(G: GameState, action: ActionId): boolean {
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
      return G.alignment.sinoRussian < LEVERS.alignment.riftBelow + 10;
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
    if (!onMenu(G, seat, order.action)) return `order ${index + 1}: "${order.action}" is not on ${seat}'s menu`;
    const targets = targetsFor(G, seat, order.action);
    if (targets.length === 0) return `order ${index + 1}: "${order.action}" is not available now`;
    if (!targets.includes(order.target)) {
      return `order ${index + 1}: "${order.action}" needs one of ${targets.map(String).join(', ')}, got ${String(order.target)}`;
    }
    const n = (counts.get(order.action) ?? 0) + 1;
    if (n > spec.maxPerRound) return `order ${index + 1}: "${order.action}" at most ${spec.maxPerRound} a round`;
    counts.set(order.action, n);
    cost += spec.cost;
  }
  const budget = scenarioOf(G).actionPoints.values[seat];
  return cost > budget ? `orders cost ${cost} action points; ${seat} has ${budget}` : null;
}

export function ordersCost(orders: readonly Order[]): number {
  return orders.reduce((sum, o) => sum + (isActionId(o.action) ? ACTIONS[o.action].cost : 0), 0);
}

function alignment(G: GameState, key: keyof GameState['alignment'], delta: number): void {
  G.alignment[key] = round1(clamp(G.alignment[key] + delta));
}

function ties(G: GameState, korea: Korea, partner: KoreaPartner, delta: number): void {
  G.koreaTies[korea][partner] = round1(clamp(G.koreaTies[korea][partner] + delta));
}

/** Projects whose buyers include a seat, or in which it holds a stake. */
function projectsFor(G: GameState, seat: Seat): string[] {
  return scenarioOf(G).projects
    .filter((p) => p.buyers.includes(seat) || (G.projects[p.id].stakes[seat] ?? 0) > 0)
    .map((p) => p.id);
}

/** Applies one revealed order. Orders are legal here: they were checked when committed. */
export function applyOrder(G: GameState, seat: Seat, order: Order): void {
  const step = LEVERS.alignment.step;
  const tie = LEVERS.koreaTies.step;
  const P = LEVERS.projects;
  switch (order.action) {
    // --- Russia ---
    case 'reinforce-garrison': {
      const island = order.target as Island;
      G.islands[island].garrison = clamp(G.islands[island].garrison + 1, 0, 10);
      addTrust(G, 'japan', 'russia', -3);
      addPressure(G, 'russia', -2);
      G.fishingTension = round1(clamp(G.fishingTension + 3));
      return;
    }
    case 'drawdown-garrison': {
      const island = order.target as Island;
      G.islands[island].garrison = clamp(G.islands[island].garrison - 1, 0, 10);
      addTrust(G, 'japan', 'russia', 3);
      addStrain(G, 'russia', LEVERS.concession.drawdown);
      return;
    }
    case 'offer-joint-development': {
      const island = order.target as Island;
      // Joint activities take root only where Japan is willing to be seen cooperating.
      if (!G.linkage || G.trust.japan.russia >= 40) {
        G.islands[island].jointActivities = clamp(G.islands[island].jointActivities + 1, 0, 3);
      }
      addTrust(G, 'japan', 'russia', 2);
      addStrain(G, 'russia', LEVERS.concession.jointActivities / 2);
      return;
    }
    case 'energy-card-china':
      for (const id of projectsFor(G, 'china')) addProjectProgress(G, id, P.energyCardProgress);
      alignment(G, 'sinoRussian', step / 2);
      addTrust(G, 'china', 'russia', 2);
      addPressure(G, 'japan', 1);
      return;
    case 'energy-card-japan':
      for (const id of projectsFor(G, 'japan')) {
        addProjectProgress(G, id, P.energyCardProgress * (linkageBinds(G) ? P.linkageFactor : 1));
      }
      addTrust(G, 'japan', 'russia', 1);
      addTrust(G, 'china', 'russia', -2);
      return;
    case 'border-crackdown':
      G.fishingTension = round1(clamp(G.fishingTension + LEVERS.fishing.crackdown));
      addTrust(G, 'japan', 'russia', -4);
      addPressure(G, 'russia', -3);
      addCapital(G, 'russia', 2);
      return;
    case 'separate-economics':
      // The Russian separation line pays only marginally while Japan links economics to the islands (§4 claim 5).
      for (const id of projectsFor(G, 'japan')) {
        addProjectProgress(G, id, P.separationProgress * (G.linkage ? P.linkageFactor / 2 : 1));
      }
      addTrust(G, 'russia', 'japan', G.linkage ? -1 : 1);
      return;
    case 'raise-offer':
      setPosition(G, 'russia', G.positions.russia + 1);
      addStrain(G, 'russia', LEVERS.concession.raiseOffer);
      addTrust(G, 'japan', 'russia', 2);
      addPressure(G, 'china', 2);
      return;
    case 'harden-stance':
      setPosition(G, 'russia', G.positions.russia - 1);
      addPressure(G, 'russia', -4);
      addCapital(G, 'russia', 3);
      addTrust(G, 'japan', 'russia', -3);
      return;
    // --- Japan ---
    case 'invest-project': {
      const project = order.target as string;
      const factor = seat === 'japan' && linkageBinds(G) ? P.linkageFactor : 1;
      const sanctionsDrag = seat === 'china' ? 1 : 1 - G.alignment.sanctions / 250;
      addStake(G, project, seat, P.investStake);
      addProjectProgress(G, project, P.investProgress * factor * sanctionsDrag);
      addEconomy(G, seat, -1);
      addTrust(G, 'russia', seat, 1);
      if (seat === 'japan' && scenarioOf(G).projects.some((p) => p.id === project && p.buyers.includes('china'))) {
        addPressure(G, 'china', 2);
      }
      return;
    }
    case 'territories-campaign':
      setPosition(G, 'japan', LADDER.length - 1);
      addPressure(G, 'japan', 3);
      addCapital(G, 'japan', 3);
      addTrust(G, 'russia', 'japan', -3);
      return;
    case 'follow-us-line':
      alignment(G, 'usJapanAlliance', step / 2);
      if (G.alignment.sanctions > 0) alignment(G, 'sanctions', 3);
      addTrust(G, 'russia', 'japan', -2);
      addTrust(G, 'us', 'japan', 2);
      return;
    case 'abandon-linkage':
      G.linkage = false;
      addStrain(G, 'japan', LEVERS.concession.abandonLinkage);
      addPressure(G, 'japan', LEVERS.concession.abandonLinkagePressure);
      addTrust(G, 'russia', 'japan', 4);
      return;
    case 'restore-linkage':
      G.linkage = true;
      addPressure(G, 'japan', -5);
      addCapital(G, 'japan', 2);
      return;
    case 'soften-demand':
      setPosition(G, 'japan', G.positions.japan - 1);
      addStrain(G, 'japan', LEVERS.concession.softenDemand);
      addTrust(G, 'russia', 'japan', 3);
      return;
    case 'humanitarian-aid':
      addEconomy(G, 'japan', -1);
      addEconomy(G, 'russia', 1);
      addTrust(G, 'russia', 'japan', 3);
      return;
    case 'court-china':
      if (seat === 'japan') alignment(G, 'japanChina', step);
      else ties(G, 'rok', 'china', tie);
      addTrust(G, 'china', seat, 2);
      return;
    case 'court-rok':
      alignment(G, 'japanRok', step);
      addTrust(G, 'rok', 'japan', 2);
      return;
    // --- China ---
    case 'encourage-hard-line':
      addPressure(G, 'japan', 3);
      addTrust(G, 'japan', 'russia', -1);
      return;
    case 'deepen-russia-ties':
      alignment(G, 'sinoRussian', step);
      addTrust(G, 'china', 'russia', 2);
      addTrust(G, 'russia', 'china', 2);
      return;
    case 'court-koreas': {
      const korea = order.target as Korea;
      ties(G, korea, seat === 'china' ? 'china' : 'russia', tie);
      addTrust(G, korea, seat, 2);
      return;
    }
    case 'back-japan-claim':
      setPosition(G, 'japan', LADDER.length - 1);
      alignment(G, 'japanChina', step);
      alignment(G, 'sinoRussian', -step / 2);
      addTrust(G, 'japan', 'china', 3);
      addTrust(G, 'russia', 'china', -3);
      return;
    case 'court-japan':
      alignment(G, 'japanChina', step);
      addTrust(G, 'japan', 'china', 2);
      return;
    // --- United States ---
    case 'impose-sanctions':
      alignment(G, 'sanctions', 10);
      addTrust(G, 'russia', 'us', -4);
      return;
    case 'ease-sanctions':
      alignment(G, 'sanctions', -10);
      addTrust(G, 'russia', 'us', 3);
      return;
    case 'alliance-reassurance':
      alignment(G, 'usJapanAlliance', step);
      ties(G, 'rok', 'us', tie / 2);
      addTrust(G, 'japan', 'us', 2);
      return;
    case 'press-japan':
      alignment(G, 'usJapanAlliance', step / 2);
      for (const id of projectsFor(G, 'japan')) addProjectProgress(G, id, -4);
      addPressure(G, 'japan', 2);
      addTrust(G, 'japan', 'us', -1);
      return;
    case 'engage-russia':
      addTrust(G, 'us', 'russia', 3);
      addTrust(G, 'russia', 'us', 3);
      addTrust(G, 'japan', 'us', -2);
      return;
    // --- South Korea ---
    case 'outreach-moscow':
      ties(G, 'rok', 'russia', tie);
      addTrust(G, 'russia', 'rok', 3);
      addTrust(G, 'rok', 'russia', 2);
      return;
    case 'energy-imports':
      for (const id of projectsFor(G, 'rok')) addProjectProgress(G, id, P.energyCardProgress / 2);
      addEconomy(G, 'rok', 1);
      addEconomy(G, 'russia', 0.5);
      return;
    case 'mediation':
      addTrust(G, 'dprk', 'rok', 3);
      addTrust(G, 'rok', 'dprk', 2);
      ties(G, 'dprk', 'us', tie / 4);
      return;
    case 'alliance-with-us':
      ties(G, 'rok', 'us', tie);
      addTrust(G, 'us', 'rok', 2);
      return;
    // --- North Korea ---
    case 'provocation':
      for (const s of SEATS) if (s !== 'dprk') addTrust(G, s, 'dprk', -4);
      alignment(G, 'usJapanAlliance', 2);
      ties(G, 'rok', 'us', 2);
      addCapital(G, 'dprk', 4);
      addEconomy(G, 'dprk', -1);
      return;
    case 'seek-patron': {
      const partner = order.target as KoreaPartner;
      ties(G, 'dprk', partner, tie);
      addTrust(G, partner, 'dprk', 2);
      return;
    }
    case 'illicit-energy-trade':
      addEconomy(G, 'dprk', 2);
      ties(G, 'dprk', 'russia', tie / 2);
      addTrust(G, 'us', 'dprk', -3);
      return;
  }
}
