/**
 * The bot contract. A bot sees one seat's view (never the master state, the match PRNG or another seat's secrets)
 * and a generator of its own, seeded by the runner, so its choices are reproducible and replayable.
 */
import type { ProposeArgs } from '../game/args';
import type { Seat } from '../game/vocabulary';
import type { GameState, Order, Proposal } from '../game/state';

export interface BotContext {
  seat: Seat;
  /** The seat's player view. */
  view: GameState;
  /** The bot's own uniform [0, 1) generator. */
  next: () => number;
}

export interface BotProposal extends ProposeArgs {
  reason: string;
}

export interface BotDecision {
  id: string;
  option: string;
  reason: string;
}

export interface BotResponse {
  accept: boolean;
  reason: string;
}

export interface Bot {
  readonly kind: string;
  /** Answers the seat's pending event decisions. */
  decide(ctx: BotContext): BotDecision[];
  /** Proposals to send at the start of Diplomacy. */
  propose(ctx: BotContext): BotProposal[];
  /** Whether to accept a proposal addressed to the seat. */
  respond(ctx: BotContext, proposal: Proposal): BotResponse;
  /** The seat's hidden orders for Policy, each with its reason. */
  orders(ctx: BotContext): Order[];
}
