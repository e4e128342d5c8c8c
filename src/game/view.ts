/**
 * What a seat may see. A seat gets the public state plus its own secrets; a spectator gets the public state only.
 * Hidden from others: the PRNG and seed, agendas, committed orders, bot reasons, proposals not yet accepted, and
 * private messages. Once the match is over every secret is open.
 */
import { FACILITATOR_ID, type Seat, seatOf } from './seats';
import { type GameState, type PendingDecision, type Proposal, perSeat } from './state';

function withoutReason<T extends Proposal | PendingDecision>(item: T): T {
  if (item.reason === undefined) return item;
  const copy = { ...item };
  delete copy.reason;
  return copy;
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
        mine(s) ? r.orders[s] : r.orders[s].map((o) => (o.target === undefined ? { action: o.action } : { action: o.action, target: o.target })),
      ),
    })),
    proposals: G.proposals
      .filter((p) => p.status === 'accepted' || (seat !== undefined && (p.from === seat || p.to === seat)))
      .map((p) => (p.from === seat ? p : withoutReason(p))),
    decisions: G.decisions.map((d) => (d.seat === seat ? d : withoutReason(d))),
    messages: G.messages.filter((m) => m.to === 'all' || (seat !== undefined && (m.from === seat || m.to === seat))),
  };
}

/** boardgame.io's playerView hook: seats by player ID, anyone else as a spectator. */
export function playerView({ G, playerID }: { G: GameState; playerID?: string | null }): GameState {
  if (playerID === FACILITATOR_ID) return facilitatorView(G);
  return viewFor(G, seatOf(playerID ?? null));
}
