/**
 * What each socket may receive. boardgame.io filters `state` and the log through the game's `playerView`, but sends
 * a sync's `initialState` unfiltered (STACK.md): our opening state holds the match seed and PRNG, which would let a
 * seat predict every wildcard. A sync here carries neither the initial state nor the log: the classroom's clients
 * (src/protocol/match-socket.ts) read only `state`, so both were dead weight (the log alone grows by every move of
 * the match, each sent again on every reconnection) and one less place a secret could slip through. Updates keep
 * their delta log, redacted per receiver by boardgame.io.
 */
import type { Game, LogEntry, State } from 'boardgame.io';
import { type IntermediateTransportData, type TransportData, getFilterPlayerView } from '../match/bgio';
import { scenarioOf } from '../game/scenario-registry';
import type { Scenario } from '../game/scenario-schema';
import { hashValue } from '../game/hash';
import { builtinScenario } from '../scenario/builtin';

export type { IntermediateTransportData, TransportData };

/** Filters one master payload for one receiver (a seat, the facilitator, or null for a spectator). */
export type PayloadFilter = (playerID: string | null, payload: IntermediateTransportData) => TransportData;

/** The classroom's payload filter: boardgame.io's own; a sync without its initial state and log. */
export function makePayloadFilter(game: Game): PayloadFilter {
  const base = getFilterPlayerView(game) as (
    playerID: string | null,
    payload: IntermediateTransportData,
  ) => TransportData;
  return (playerID, payload) => {
    if (payload.type !== 'sync') return base(playerID, payload);
    const [matchID, info] = payload.args;
    // Filtered without them, so the unfiltered initial state is never even copied into what is sent.
    const out = base(playerID, {
      type: 'sync',
      args: [matchID, { ...info, initialState: undefined as unknown as State, log: [] }],
    });
    if (out.type !== 'sync') return out;
    const [, filtered] = out.args;
    const { initialState: _dropped, ...rest } = filtered;
    return { type: 'sync', args: [matchID, { ...rest, log: [] as LogEntry[] } as typeof filtered] };
  };
}

/**
 * The scenario document a sync must carry for a match state: none when the match plays an unchanged built-in era,
 * which every client bundles (src/scenario/builtin.ts) and registers by id (about 50-60 KB saved per sync); the
 * document for a teacher's own scenario or a lesson cut.
 */
export function syncScenario(G: { scenarioHash: string; scenarioId?: string }): Scenario | undefined {
  const id = G.scenarioId;
  if (id !== undefined && !BUILTIN_HASHES.has(id)) {
    const builtin = builtinScenario(id);
    BUILTIN_HASHES.set(id, builtin ? hashValue(builtin) : null);
  }
  if (id !== undefined && BUILTIN_HASHES.get(id) === G.scenarioHash) return undefined;
  return scenarioOf(G);
}

/** Built-in scenario hashes by id, computed once (null: no such built-in). */
const BUILTIN_HASHES = new Map<string, string | null>();
