/**
 * What the classroom server asks of its match storage, met by SQLite (storage-sqlite.ts, the default) and Postgres
 * (storage-pg.ts, chosen by DATABASE_URL): boardgame.io's `StorageAPI.Async` with compare-and-set on `_stateID`, plus
 * a synchronous read of the latest state and metadata the runtime, the transport and the lobby use outside the
 * master. SQLite reads its file; Postgres answers from the copy it keeps of the matches this process serves (kept
 * current by its own writes and by `refresh`, which a process calls when it takes a match over).
 */
import type { LogEntry, Server, State } from 'boardgame.io';
import type { Async } from '../match/bgio';
import { scenarioByHash } from '../game/scenario-registry';
import type { Scenario } from '../game/scenario-schema';

export type FetchOpts = { state?: boolean; log?: boolean; metadata?: boolean; initialState?: boolean };
export type FetchFields = { state: State; log: LogEntry[]; metadata: Server.MatchData; initialState: State };
export type ListOpts = {
  gameName?: string;
  where?: { isGameover?: boolean; updatedBefore?: number; updatedAfter?: number };
};

/** The result of a compare-and-set write. */
export type SetStateResult = 'written' | 'stale' | 'missing';

/** How stale a stored `updatedAt` may get when nothing else in the metadata changed. */
export const METADATA_REFRESH_MS = 5000;

/**
 * The scenario document of a match's opening state. The state holds only the scenario's hash; the document
 * (registered by setup) is kept with the match, so a restarted server can register it again before restoring it.
 */
export function scenarioOfState(state: State): Scenario | undefined {
  const hash = (state.G as { scenarioHash?: unknown } | undefined)?.scenarioHash;
  return typeof hash === 'string' ? scenarioByHash(hash) : undefined;
}

/** A state as stored: without `G.scenario`, which is kept once per match. */
export function serialiseState(state: State): string {
  const G = state.G as Record<string, unknown> | undefined;
  if (!G || typeof G !== 'object' || !('scenario' in G)) return JSON.stringify(state);
  return JSON.stringify({ ...state, G: { ...G, scenario: null } });
}

export interface MatchStorage extends Async {
  /** The latest state and metadata known here (no initial state or log: use `fetch`). */
  fetchNow(matchID: string, opts: { state?: boolean; metadata?: boolean }): Partial<FetchFields>;
}
