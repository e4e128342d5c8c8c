/**
 * What a seat may see. A seat gets the public state plus its own secrets; a spectator gets the public state only.
 * Hidden from others: the PRNG and seed, agendas, committed orders, bot reasons, proposals not yet accepted, and
 * private messages. Events the facilitator has queued are hidden from every seat until News fires them (a seat that
 * saw the queue would know next year's shock a phase early), and seats' reflections are their own. Once the match is
 * over every secret is open.
 */
import { FACILITATOR_ID, type Seat, seatOf } from './vocabulary';
import { type GameState, type PendingDecision, type Proposal, perSeat } from './state';

/**
 * A copy of `item` without the named fields, its other fields in their order. (A spread and `delete` gave the same
 * object but a slow one: V8 turns an object it deletes from into a dictionary, and views are made many times a round.)
 */
function without<T extends object>(item: T, hidden: ReadonlySet<string>): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(item))
    if (!hidden.has(key)) copy[key] = (item as Record<string, unknown>)[key];
  return copy as T;
}

const REASON = new Set(['reason']);
const ANSWER_REASON = new Set(['answerReason']);
const BOTH_REASONS = new Set(['reason', 'answerReason']);

function withoutReason<T extends PendingDecision>(item: T): T {
  return item.reason === undefined ? item : without(item, REASON);
}

/** A proposal as `seat` may see it: the proposer's reason and the answerer's reason stay with their authors. */
function proposalFor(p: Proposal, seat: Seat | undefined): Proposal {
  const hideReason = p.reason !== undefined && p.from !== seat;
  const hideAnswer = p.answerReason !== undefined && p.to !== seat;
  if (!hideReason && !hideAnswer) return p;
  return without(p, hideReason && hideAnswer ? BOTH_REASONS : hideReason ? REASON : ANSWER_REASON);
}

/** The facilitator's view: every secret but the PRNG. */
export function facilitatorView(G: GameState): GameState {
  return { ...G, rng: null };
}

export function viewFor(G: GameState, seat: Seat | undefined): GameState {
  if (G.outcome) return facilitatorView(G);
  const mine = (s: Seat) => s === seat;
  return {
    ...G,
    rng: null,
    seed: null,
    agendas: perSeat((s) => (mine(s) ? G.agendas[s] : null)),
    orders: perSeat((s) => (mine(s) ? G.orders[s] : null)),
    revealed: G.revealed.map((r) => ({
      ...r,
      orders: perSeat((s) =>
        mine(s)
          ? r.orders[s]
          : r.orders[s].map((o) =>
              o.target === undefined ? { action: o.action } : { action: o.action, target: o.target },
            ),
      ),
    })),
    proposals: G.proposals
      .filter((p) => p.status === 'accepted' || (seat !== undefined && (p.from === seat || p.to === seat)))
      .map((p) => proposalFor(p, seat)),
    decisions: G.decisions.map((d) => (d.seat === seat ? d : withoutReason(d))),
    messages: G.messages.filter(
      (m) => m.to === 'all' || (seat !== undefined && (m.from === seat || m.to === seat)),
    ),
    // News empties the queue into the public news, so an empty queue here is what every seat sees after News too.
    injected: [],
    // A reflection is written for the teacher: other seats and the projector see none until the match is over.
    ...(G.reflections
      ? { reflections: G.reflections.filter((r) => seat !== undefined && r.seat === seat) }
      : {}),
  };
}

/** boardgame.io's playerView hook: seats by player ID, anyone else as a spectator. */
export function playerView({ G, playerID }: { G: GameState; playerID?: string | null }): GameState {
  if (playerID === FACILITATOR_ID) return facilitatorView(G);
  return viewFor(G, seatOf(playerID ?? null));
}
