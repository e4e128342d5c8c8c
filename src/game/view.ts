/**
 * What a seat may see. A seat gets the public state plus its own secrets; a spectator gets the public state only.
 * Hidden from others: the PRNG and seed, agendas, committed orders, bot reasons, proposals not yet accepted, and
 * private messages. Once the match is over every secret is open.
 */
import { type Seat, seatOf } from './seats';
import { type GameState, perSeat } from './state';

export function viewFor(G: GameState, seat: Seat | undefined): GameState {
  if (G.outcome) return { ...G, rng: null };
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
      .map((p) => (p.reason !== undefined && p.from !== seat ? { ...p, reason: undefined } : p)),
    messages: G.messages.filter((m) => m.to === 'all' || (seat !== undefined && (m.from === seat || m.to === seat))),
  };
}

/** boardgame.io's playerView hook: seats by player ID, anyone else as a spectator. */
export function playerView({ G, playerID }: { G: GameState; playerID?: string | null }): GameState {
  return viewFor(G, seatOf(playerID ?? null));
}
