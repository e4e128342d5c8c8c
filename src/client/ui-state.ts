/**
 * The browser's headless UI state: which screen shows, the orders being drafted, what is selected on the map and
 * whose turn it is at the hot seat. No DOM and no Phaser, so unit tests drive it directly. Every legal choice comes
 * from the rules' own helpers (src/game/legal.ts, src/game/policy.ts): nothing here decides what is allowed.
 */
import { PROPOSAL_KINDS, type ProposalKind } from '../game/catalog';
import type { ProposeArgs } from '../game/args';
import { ordersCost } from '../game/policy';
import { isSeat, SEATS, type Island, type Seat } from '../game/vocabulary';
import type { GameState, Order, Proposal } from '../game/state';
import { actionCost, legalProposals, nextOrderChoices } from '../game/legal';
import type { GameSession } from './session';
import { ACTION_LABEL, FORMULA_LABEL, ISLAND_LABEL, PROPOSAL_LABEL, SEAT_LABEL, S } from './strings';
import { scenarioOf } from './display-scenario';

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
  return scenarioOf(view).actionPoints.values[seat];
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
  const project = scenarioOf(view).projects.find((p) => p.id === target);
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
  if (terms.project !== undefined)
    parts.push(S.terms.share(targetLabel(view, terms.project), terms.share ?? 0));
  if (terms.island !== undefined) parts.push(S.terms.island(ISLAND_LABEL[terms.island]));
  if (terms.formula !== undefined) parts.push(S.terms.formula(FORMULA_LABEL[terms.formula]));
  return parts.join(', ') || S.seat.noTerms;
}

/** A proposal in words: kind, the other seat, the terms, its status. */
export function proposalLabel(view: GameState, p: Proposal | ProposeArgs, from?: Seat): string {
  const terms = termsLabel(view, p.terms);
  const withWhom =
    'from' in p && from !== undefined && p.from !== from ? SEAT_LABEL[p.from] : SEAT_LABEL[p.to];
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

/** The proposal a seat is composing, as picked in the form; `terms` indexes the legal terms for `kind` and `to`. */
export interface ProposalDraft {
  kind: ProposalKind | null;
  to: Seat | null;
  terms: number;
}

/** The new-proposal form as it shows now: the legal choices and the draft fitted to them. */
export interface ProposalForm {
  kinds: ProposalKind[];
  kind: ProposalKind | null;
  /** Seats a proposal of `kind` may go to. */
  targets: Seat[];
  to: Seat | null;
  /** The legal proposals of `kind` to `to`, one per set of terms. */
  terms: ProposeArgs[];
  termsIndex: number;
  /** What "Send" proposes, if anything is legal. */
  chosen: ProposeArgs | undefined;
}

/** A message a seat is writing: to everyone (`'all'`) or to one seat. */
export interface MessageDraft {
  to: Seat | 'all';
  text: string;
}

/**
 * Fits a draft to the proposals legal now: a kind, seat or terms no longer on offer falls back to the first one that
 * is, so the form never shows (or sends) a choice the rules would refuse.
 */
export function fitProposal(view: GameState, seat: Seat, draft: ProposalDraft): ProposalForm {
  const choices = proposalChoices(view, seat);
  const kinds = [...choices.keys()];
  const kind = draft.kind && choices.has(draft.kind) ? draft.kind : (kinds[0] ?? null);
  const ofKind = kind ? (choices.get(kind) ?? []) : [];
  const targets = SEATS.filter((s) => ofKind.some((p) => p.to === s));
  const to = draft.to && targets.includes(draft.to) ? draft.to : (targets[0] ?? null);
  const terms = ofKind.filter((p) => p.to === to);
  const termsIndex = draft.terms < terms.length ? draft.terms : 0;
  return { kinds, kind, targets, to, terms, termsIndex, chosen: terms[termsIndex] };
}

const BLANK_PROPOSAL: ProposalDraft = { kind: null, to: null, terms: 0 };
const BLANK_MESSAGE: MessageDraft = { to: 'all', text: '' };

/**
 * The UI's own state over a session: the screen, the drafts (orders, the proposal being composed, the message being
 * written) and the map selection. Drafts survive redraws — in a class match other seats' moves redraw at any time —
 * and are kept per seat, so a hot seat never shows one person's draft to the next.
 */
export class UiState {
  screen: Screen = 'start';
  selection: MapSelection | null = null;
  /**
   * Whether the map draws every seat's trust lines or only the active seat's own (to and from it): twenty arrows at
   * once are a tangle, so a player sees their own unless they ask for the whole table. Kept here so redraws keep it.
   */
  allTrust = false;
  /** The seat the device must be passed to before anything shows. */
  passTo: Seat | null = null;
  private draft: Order[] = [];
  private draftKey = '';
  private shownSeat: Seat | null = null;
  private readonly proposals = new Map<Seat, ProposalDraft>();
  private readonly messages = new Map<Seat, MessageDraft>();
  /** Per seat, the last resolved round whose recap that person has dismissed. */
  private readonly recapSeen = new Map<Seat, number>();
  /** The last round resolved before this UI opened (a fork, a class match joined late): no recap for it. */
  private readonly recapFrom: number;

  constructor(private readonly session: GameSession) {
    this.recapFrom = session.view().revealed.at(-1)?.round ?? 0;
    this.sync();
  }

  /**
   * The round whose recap the active seat has still to read: the last resolved one, until dismissed. Each person at
   * a hot seat reads their own.
   */
  recapRound(): number | null {
    const seat = this.session.activeSeat();
    const last = this.session.view().revealed.at(-1)?.round;
    if (!seat || last === undefined) return null;
    return last > (this.recapSeen.get(seat) ?? this.recapFrom) ? last : null;
  }

  /** The active seat has read the year's recap. */
  dismissRecap(): void {
    const seat = this.session.activeSeat();
    const last = this.session.view().revealed.at(-1)?.round;
    if (seat && last !== undefined) this.recapSeen.set(seat, last);
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

  setAllTrust(on: boolean): void {
    this.allTrust = on;
  }

  select(selection: MapSelection | null): void {
    this.selection = selection;
  }

  /** The seat's new-proposal form: its draft fitted to what is legal now (and remembered that way). */
  proposalForm(seat: Seat): ProposalForm {
    const form = fitProposal(this.session.view(), seat, this.proposals.get(seat) ?? BLANK_PROPOSAL);
    this.proposals.set(seat, { kind: form.kind, to: form.to, terms: form.termsIndex });
    return form;
  }

  /** Picks the kind of proposal; the terms start again from the first. */
  setProposalKind(seat: Seat, kind: ProposalKind): void {
    this.proposals.set(seat, { ...(this.proposals.get(seat) ?? BLANK_PROPOSAL), kind, terms: 0 });
  }

  /** Picks the seat the proposal goes to; the terms start again from the first. */
  setProposalTo(seat: Seat, to: Seat): void {
    this.proposals.set(seat, { ...(this.proposals.get(seat) ?? BLANK_PROPOSAL), to, terms: 0 });
  }

  /** Picks the terms, by index into `proposalForm(seat).terms`. */
  setProposalTerms(seat: Seat, index: number): void {
    this.proposals.set(seat, { ...(this.proposals.get(seat) ?? BLANK_PROPOSAL), terms: index });
  }

  /** The message the seat is writing (blank if none). */
  message(seat: Seat): Readonly<MessageDraft> {
    return this.messages.get(seat) ?? BLANK_MESSAGE;
  }

  setMessageTo(seat: Seat, to: Seat | 'all'): void {
    this.messages.set(seat, { ...this.message(seat), to });
  }

  setMessageText(seat: Seat, text: string): void {
    this.messages.set(seat, { ...this.message(seat), text });
  }

  /** The message went out: its text clears, its addressee stays for the next one. */
  messageSent(seat: Seat): void {
    this.setMessageText(seat, '');
  }
}
