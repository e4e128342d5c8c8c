/**
 * The historical bot: plays each actor's doctrine as the paper ascribes it (src/bots/doctrine.ts), weighted by the
 * era's menu preferences (scenario `menus.weights` and `menus.proposals`) and varied by its own seeded generator.
 * Event decisions take the historical choice (each decision's `default`), and the agenda the one its government
 * pursued (the scenario's `historical` agenda).
 */
import { acceptRefusal } from '../game/diplomacy';
import { refusalReason } from '../game/reasons';
import { PROPOSAL_KINDS, type ProposalKind } from '../game/catalog';
import { weightedPick } from '../game/rng';
import type { Seat } from '../game/vocabulary';
import { scenarioOf, type GameState, type Order } from '../game/state';
import type { ProposeArgs } from '../game/args';
import {
  HISTORICAL_DECISION_REASON,
  orderStance,
  proposalStance,
  responseStance,
  type Stance,
} from './doctrine';
import { agendaOptions, legalProposals, nextOrderChoices } from '../game/legal';
import type { Bot, BotAgendaChoice, BotContext, BotDecision, BotProposal } from '../match/bot';

/** At most this many proposals a round: a historical actor pursues one or two initiatives a year. */
const MAX_PROPOSALS = 2;

/** The seat's pending decisions, answered with the historical choice. */
export function historicalDecisions({ view, seat }: BotContext): BotDecision[] {
  return view.decisions
    .filter((d) => d.seat === seat && d.chosen === null && d.round === view.round)
    .map((d) => ({ id: d.id, option: d.default, reason: HISTORICAL_DECISION_REASON }));
}

/** Samples a full set of orders by menu weight × doctrine, spending the seat's action points. */
export function historicalOrders(view: GameState, seat: Seat, next: () => number): Order[] {
  const weights = scenarioOf(view).menus.weights[seat] as Record<string, number | undefined>;
  // An order's stance depends on the view alone, which does not change while the seat chooses: each is scored once.
  const scores = new Map<string, { stance: Stance; w: number }>();
  const scoreOf = (o: Order) => {
    const key = `${o.action}|${o.target ?? ''}`;
    let score = scores.get(key);
    if (!score) {
      const stance = orderStance(view, seat, o.action, o.target);
      score = { stance, w: (weights[o.action] ?? 0) * stance.factor };
      scores.set(key, score);
    }
    return score;
  };
  const orders: Order[] = [];
  for (let guard = 0; guard < 12; guard++) {
    const scored = nextOrderChoices(view, seat, orders)
      .map((o) => ({ o, ...scoreOf(o) }))
      .filter((c) => c.w > 0);
    const pick = weightedPick(next, scored, (c) => c.w);
    if (!pick) break;
    orders.push({ ...pick.o, reason: pick.stance.reason });
  }
  return orders;
}

/** A proposal the doctrine allows, with its stance and its share of its kind's menu weight. */
interface ProposalCandidate {
  args: ProposeArgs;
  stance: Stance;
  w: number;
}

/** Samples this year's initiatives: one or two legal proposals the doctrine allows. */
export function historicalProposals(view: GameState, seat: Seat, next: () => number): BotProposal[] {
  const kindWeights = scenarioOf(view).menus.proposals[seat] as Partial<Record<ProposalKind, number>>;
  const kinds = PROPOSAL_KINDS.filter((k) => (kindWeights[k] ?? 0) > 0);
  // Listed only once the actor makes an initiative, which most years it does not: listing draws nothing from
  // `next`, so the draws, and the picks, are the same as when the candidates were listed first.
  const listCandidates = (): ProposalCandidate[] =>
    kinds.flatMap((kind) => {
      const ofKind = legalProposals(view, seat, [kind])
        .map((args) => ({ args, stance: proposalStance(view, seat, args.to, kind, args.terms) }))
        .filter((c) => c.stance.factor > 0);
      // A kind's weight is shared among its variants, so kinds with many terms (stakes) are not over-drawn.
      return ofKind.map((c) => ({ ...c, w: ((kindWeights[kind] ?? 0) * c.stance.factor) / ofKind.length }));
    });
  const want = next() < 0.5 ? 1 : MAX_PROPOSALS;
  const out: BotProposal[] = [];
  let pool: ProposalCandidate[] | null = null;
  // Each year an actor makes an initiative with probability growing with its menu's appetite for diplomacy.
  const appetite = Math.min(0.9, kinds.reduce((sum, k) => sum + (kindWeights[k] ?? 0), 0) / 30);
  for (let i = 0; i < want && next() < appetite; i++) {
    pool ??= listCandidates();
    const pick: ProposalCandidate | undefined = weightedPick(next, pool, (c) => c.w);
    if (!pick) break;
    out.push({ ...pick.args, reason: pick.stance.reason });
    pool = pool.filter((c) => c.args.kind !== pick.args.kind);
  }
  return out;
}

/** The agenda the seat's government pursued in the era (the scenario marks it `historical`); null keeps the dealt. */
export function historicalAgenda({ view, seat }: BotContext): BotAgendaChoice | null {
  const pick = agendaOptions(view, seat).find((a) => a.historical);
  return pick ? { id: pick.id, reason: { code: 'agenda-historical' } } : null;
}

export const historicalBot: Bot = {
  kind: 'historical',
  decide: historicalDecisions,
  agenda: historicalAgenda,
  propose({ view, seat, next }) {
    return historicalProposals(view, seat, next);
  },
  respond({ view, seat, next }, proposal) {
    const refusal = acceptRefusal(view, proposal);
    if (refusal !== null) return { accept: false, reason: refusalReason(refusal) };
    const stance = responseStance(view, seat, proposal);
    return { accept: next() < stance.p, reason: stance.reason };
  },
  orders({ view, seat, next }) {
    return historicalOrders(view, seat, next);
  },
};
