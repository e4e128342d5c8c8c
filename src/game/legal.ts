/**
 * Enumerates legal choices from a seat's view, for bots and for the browser's menus. Uses the rules' own checks,
 * so whatever is listed here the reducer accepts.
 */
import { ACTIONS, ACTION_IDS, type ActionId, PROPOSAL_KINDS, type ProposalKind } from './catalog';
import type { ProposeArgs } from './args';
import { proposalProblem } from './diplomacy';
import { onMenu, ordersProblem, targetsFor } from './policy';
import { ISLANDS, SEATS, TREATY_FORMULAS, type Seat } from './vocabulary';
import type { GameState, Order } from './state';

/** Why a declaration's floor bars an order now (harden-stance, territories-campaign), or null: for menus to show. */
export { floorProblem } from './policy';

/** Every (action, target) the seat could add to `chosen` without breaking the budget or per-round limits. */
export function nextOrderChoices(view: GameState, seat: Seat, chosen: readonly Order[]): Order[] {
  const out: Order[] = [];
  for (const action of ACTION_IDS) {
    if (!onMenu(view, seat, action)) continue;
    for (const target of targetsFor(view, seat, action)) {
      const order: Order = target === undefined ? { action } : { action, target };
      if (ordersProblem(view, seat, [...chosen, order]) === null) out.push(order);
    }
  }
  return out;
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
