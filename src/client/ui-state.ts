/**
 * The browser's headless UI state: which screen shows, the orders being drafted, what is selected on the map and
 * whose turn it is at the hot seat. No DOM and no Phaser, so unit tests drive it directly. Every legal choice comes
 * from the rules' own helpers (src/game/legal.ts, src/game/policy.ts): nothing here decides what is allowed.
 */
import { PROPOSAL_KINDS, type ProposalKind } from '../game/catalog';
import type { ProposeArgs } from '../game/args';
import { ordersCost } from '../game/policy';
import { isSeat, type Island, type Seat } from '../game/vocabulary';
import type { GameState, Order, Proposal } from '../game/state';
import { actionCost, legalProposals, nextOrderChoices } from '../game/legal';
import type { GameSession } from './session';
import { ACTION_LABEL, FORMULA_LABEL, ISLAND_LABEL, PROPOSAL_LABEL, SEAT_LABEL, S } from './strings';

/** Something on the map a person can point at. */
export type MapSelection =
  | { type: 'country'; seat: Seat }
  | { type: 'island'; island: Island }
  | { type: 'project'; project: string }
  | { type: 'trust'; from: Seat; to: Seat }
  | { type: 'city'; city: string }
  | { type: 'fishing' };

export type Screen = 'start' | 'pass' | 'game' | 'end';

/** A menu line: an order the seat may add now. */
export interface OrderChoice {
  order: Order;
  label: string;
  cost: number;
}

/** A seat's action-point budget this round (scenario data). */
export function budget(view: GameState, seat: Seat): number {
  return view.scenario.actionPoints.values[seat];
}

export function pointsLeft(view: GameState, seat: Seat, draft: readonly Order[]): number {
  return budget(view, seat) - ordersCost(draft);
}

/** How an order reads in the menu: the action and its target. */
export function orderLabel(view: GameState, order: Order): string {
  const action = ACTION_LABEL[order.action];
  if (order.target === undefined) return action;
  return `${action}: ${targetLabel(view, order.target)}`;
}

function targetLabel(view: GameState, target: string): string {
  if (target in ISLAND_LABEL) return ISLAND_LABEL[target as Island];
  if (isSeat(target)) return SEAT_LABEL[target];
  const project = view.scenario.projects.find((p) => p.id === target);
  return project ? project.name : target;
}

/** Orders the seat may still add to its draft. */
export function orderChoices(view: GameState, seat: Seat, draft: readonly Order[]): OrderChoice[] {
  return nextOrderChoices(view, seat, draft).map((order) => ({
    order,
    label: orderLabel(view, order),
    cost: actionCost(order.action),
  }));
}

/** Every legal proposal now, grouped by kind (kinds with none are left out). */
export function proposalChoices(view: GameState, seat: Seat): Map<ProposalKind, ProposeArgs[]> {
  const out = new Map<ProposalKind, ProposeArgs[]>();
  for (const kind of PROPOSAL_KINDS) {
    const legal = legalProposals(view, seat, [kind]);
    if (legal.length) out.set(kind, legal);
  }
  return out;
}

/** The terms of a proposal in words. */
export function termsLabel(view: GameState, terms: ProposeArgs['terms']): string {
  const parts: string[] = [];
  if (terms.amount !== undefined) parts.push(S.terms.amount(terms.amount));
  if (terms.project !== undefined) parts.push(S.terms.share(targetLabel(view, terms.project), terms.share ?? 0));
  if (terms.island !== undefined) parts.push(S.terms.island(ISLAND_LABEL[terms.island]));
  if (terms.formula !== undefined) parts.push(S.terms.formula(FORMULA_LABEL[terms.formula]));
  return parts.join(', ') || S.seat.noTerms;
}

/** A proposal in words: kind, the other seat, the terms, its status. */
export function proposalLabel(view: GameState, p: Proposal | ProposeArgs, from?: Seat): string {
  const terms = termsLabel(view, p.terms);
  const withWhom = 'from' in p && from !== undefined && p.from !== from ? SEAT_LABEL[p.from] : SEAT_LABEL[p.to];
  return `${PROPOSAL_LABEL[p.kind]} — ${withWhom}${terms === S.seat.noTerms ? '' : ` (${terms})`}`;
}

/** Open proposals addressed to the seat this round. */
export function proposalsReceived(view: GameState, seat: Seat): Proposal[] {
  return view.proposals.filter((p) => p.to === seat && p.round === view.round);
}

export function proposalsSent(view: GameState, seat: Seat): Proposal[] {
  return view.proposals.filter((p) => p.from === seat && p.round === view.round);
}

/** The seat's unanswered event decisions this round. */
export function openDecisions(view: GameState, seat: Seat) {
  return view.decisions.filter((d) => d.seat === seat && d.chosen === null && d.round === view.round);
}

/**
 * The UI's own state over a session: the screen, the order draft (kept per seat, round and phase so a hot seat
 * never shows one person's draft to the next) and the map selection.
 */
export class UiState {
  screen: Screen = 'start';
  selection: MapSelection | null = null;
  /** The seat the device must be passed to before anything shows. */
  passTo: Seat | null = null;
  private draft: Order[] = [];
  private draftKey = '';
  private shownSeat: Seat | null = null;

  constructor(private readonly session: GameSession) {
    this.sync();
  }

  /** Follows the session after a change: the pass screen, the end screen, a fresh draft each phase. */
  sync(): void {
    const s = this.session;
    if (s.over()) {
      this.screen = 'end';
      this.passTo = null;
      return;
    }
    const seat = s.activeSeat();
    if (seat !== this.shownSeat) {
      // Several people share the device: hide everything until the next one says they are there.
      if (s.humanSeats.length > 1 && seat) {
        this.passTo = seat;
        this.screen = 'pass';
      } else this.screen = 'game';
      this.shownSeat = seat;
    } else if (this.screen !== 'pass') this.screen = 'game';
    const key = `${seat}|${s.view().round}|${s.phase()}`;
    if (key !== this.draftKey) {
      this.draft = [];
      this.draftKey = key;
    }
  }

  /** The person at the device confirms they are the seat the screen was passed to. */
  confirmPass(): void {
    this.passTo = null;
    this.screen = this.session.over() ? 'end' : 'game';
  }

  get orders(): readonly Order[] {
    return this.draft;
  }

  /** Adds an order if the rules allow it on top of the draft; false otherwise. */
  addOrder(order: Order): boolean {
    const seat = this.session.activeSeat();
    if (!seat) return false;
    const legal = nextOrderChoices(this.session.view(), seat, this.draft).some(
      (o) => o.action === order.action && o.target === order.target,
    );
    if (legal) this.draft = [...this.draft, order];
    return legal;
  }

  removeOrder(index: number): void {
    this.draft = this.draft.filter((_, i) => i !== index);
  }

  /** Commits the draft as the active seat's orders. */
  commit(): boolean {
    const ok = this.session.dispatch('commitOrders', { orders: this.draft.map((o) => ({ ...o })) });
    if (ok) this.draft = [];
    return ok;
  }

  select(selection: MapSelection | null): void {
    this.selection = selection;
  }
}
