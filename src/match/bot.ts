/**
 * The bot contract. A bot sees one seat's view (never the master state, the match PRNG or another seat's secrets)
 * and a generator of its own, seeded by the runner, so its choices are reproducible and replayable.
 */
import type { ProposeArgs } from '../game/args';
import type { Seat } from '../game/vocabulary';
import type { GameState, Order, Proposal } from '../game/state';
import type { Reason } from '../game/reasons';

export interface BotContext {
  seat: Seat;
  /** The seat's player view. */
  view: GameState;
  /** The bot's own uniform [0, 1) generator. */
  next: () => number;
}

export interface BotProposal extends ProposeArgs {
  reason: Reason;
}

export interface BotDecision {
  id: string;
  option: string;
  reason: Reason;
}

/** A bot's pick among its seat's agendas in the first year, with its reason. */
export interface BotAgendaChoice {
  id: string;
  reason: Reason;
}

export interface BotResponse {
  accept: boolean;
  reason: Reason;
}

export interface Bot {
  readonly kind: string;
  /** Answers the seat's pending event decisions. */
  decide(ctx: BotContext): BotDecision[];
  /**
   * Picks the seat's agenda at the first year's Diplomacy (the view holds the one dealt); null keeps the dealt one.
   * A bot without it keeps the dealt one.
   */
  agenda?(ctx: BotContext): BotAgendaChoice | null;
  /** Proposals to send at the start of Diplomacy. */
  propose(ctx: BotContext): BotProposal[];
  /** Whether to accept a proposal addressed to the seat. */
  respond(ctx: BotContext, proposal: Proposal): BotResponse;
  /** The seat's hidden orders for Policy, each with its reason. */
  orders(ctx: BotContext): Order[];
}
