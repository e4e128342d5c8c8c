/**
 * Enumerates legal choices from a seat's view, for bots and for the browser's menus. Uses the rules' own checks,
 * so whatever is listed here the reducer accepts.
 */
import { ACTIONS, ACTION_IDS, type ActionId, PROPOSAL_KINDS, type ProposalKind } from './catalog';
import type { ProposeArgs } from './args';
import { proposalProblem } from './diplomacy';
import { onMenu, ordersCost, ordersProblem, targetsFor } from './policy';
import { ISLANDS, SEATS, TREATY_FORMULAS, perSeat, type Seat } from './vocabulary';
import { scenarioOf, type GameState, type Order } from './state';
import type { Agenda, Scenario } from './scenario-schema';
import { allHoldWithoutDraw } from './effects';

/** Why a declaration's floor bars an order now (harden-stance, territories-campaign), or null: for menus to show. */
export { floorProblem } from './policy';
/** The agendas a seat is offered, whether the first year's choice is still open, and why a pick would be refused. */
export { agendaChoiceProblem, agendaOptions, agendaChoiceOpen } from './news';

/** Whether an agenda's conditions hold in this view as things stand (it is judged only at the end). */
export function agendaMetNow(view: GameState, agenda: Pick<Agenda, 'conditions'>): boolean {
  return allHoldWithoutDraw(view, agenda.conditions);
}

/** Every (action, target) the seat could add to `chosen` without breaking the budget or per-round limits. */
export function nextOrderChoices(view: GameState, seat: Seat, chosen: readonly Order[]): Order[] {
  // The same as keeping each order for which `ordersProblem(view, seat, [...chosen, order])` is null, without
  // checking `chosen` again per candidate (bots call this once per order they add, so that was most of their time):
  // when `chosen` has a problem every longer list has it too (costs are never negative), and an order `targetsFor`
  // lists is on the menu and available, so only its per-round limit and the budget are left to check.
  if (ordersProblem(view, seat, chosen) !== null) return [];
  const spent = ordersCost(chosen);
  const budget = scenarioOf(view).actionPoints.values[seat];
  const out: Order[] = [];
  for (const action of menuActions(view, seat)) {
    const spec = ACTIONS[action];
    if (spent + spec.cost > budget) continue;
    if (chosen.filter((o) => o.action === action).length >= spec.maxPerRound) continue;
    for (const target of targetsFor(view, seat, action))
      out.push(target === undefined ? { action } : { action, target });
  }
  return out;
}

/** Each seat's menu in `ACTION_IDS` order, by scenario: a registered scenario never changes, so it is listed once. */
const MENUS = new WeakMap<Scenario, Record<Seat, readonly ActionId[]>>();

/** The actions on the seat's menu (`onMenu`), in `ACTION_IDS` order. */
function menuActions(view: GameState, seat: Seat): readonly ActionId[] {
  const scenario = scenarioOf(view);
  let menus = MENUS.get(scenario);
  if (!menus) {
    menus = perSeat((s) => ACTION_IDS.filter((action) => onMenu(view, s, action)));
    MENUS.set(scenario, menus);
  }
  return menus[seat];
}

export function actionCost(action: ActionId): number {
  return ACTIONS[action].cost;
}

/** Candidate terms for a proposal kind; the caller filters them with `proposalProblem`. */
export function candidateTerms(view: GameState, kind: ProposalKind): ProposeArgs['terms'][] {
  switch (kind) {
    case 'aid':
      return [{ amount: 1 }, { amount: 2 }, { amount: 3 }];
    case 'energy-stake':
      return Object.keys(view.projects).flatMap((project) =>
        [5, 10, 20].map((share) => ({ project, share })),
      );
    case 'joint-activities':
      return ISLANDS.map((island) => ({ island }));
    case 'peace-treaty':
      return TREATY_FORMULAS.map((formula) => ({ formula }));
    default:
      return [{}];
  }
}

/** Every legal proposal the seat could make now. */
export function legalProposals(
  view: GameState,
  seat: Seat,
  kinds: readonly ProposalKind[] = PROPOSAL_KINDS,
): ProposeArgs[] {
  const out: ProposeArgs[] = [];
  for (const kind of kinds) {
    for (const to of SEATS) {
      if (to === seat) continue;
      for (const terms of candidateTerms(view, kind)) {
        const args: ProposeArgs = { to, kind, terms };
        if (proposalProblem(view, seat, args) === null) out.push(args);
      }
    }
  }
  return out;
}
