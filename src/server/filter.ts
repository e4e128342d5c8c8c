/**
 * What each socket may receive. boardgame.io filters `state` and the log through the game's `playerView`, but sends
 * a sync's `initialState` unfiltered (STACK.md): our opening state holds the match seed and PRNG, which would let a
 * seat predict every wildcard. Here the initial state goes through the same filter as any update.
 */
import type { Game, LogEntry, State } from 'boardgame.io';
import { type IntermediateTransportData, type TransportData, getFilterPlayerView } from '../match/bgio';

export type { IntermediateTransportData, TransportData };

/** Filters one master payload for one receiver (a seat, the facilitator, or null for a spectator). */
export type PayloadFilter = (playerID: string | null, payload: IntermediateTransportData) => TransportData;

/** The classroom's payload filter: boardgame.io's own, plus the initial state of a sync. */
export function makePayloadFilter(game: Game): PayloadFilter {
  const base = getFilterPlayerView(game) as (playerID: string | null, payload: IntermediateTransportData) => TransportData;
  return (playerID, payload) => {
    const out = base(playerID, payload);
    if (out.type !== 'sync') return out;
    const [matchID, info] = out.args;
    const initial = info.initialState as State | undefined;
    // No initial state at all rather than an unfiltered one.
    let filteredInitial = undefined as unknown as State;
    if (initial) {
      const filtered = base(playerID, { type: 'update', args: [matchID, initial] });
      if (filtered.type === 'update') filteredInitial = filtered.args[1];
    }
    return { type: 'sync', args: [matchID, { ...info, initialState: filteredInitial, log: info.log as LogEntry[] }] };
  };
}
