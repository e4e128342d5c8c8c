/**
 * What the classroom server asks of its match storage, met by SQLite (storage-sqlite.ts, the default) and Postgres
 * (storage-pg.ts, chosen by DATABASE_URL): boardgame.io's `StorageAPI.Async` with compare-and-set on `_stateID`, plus
 * a synchronous read of the latest state and metadata the runtime, the transport and the lobby use outside the
 * master. SQLite reads its file; Postgres answers from the copy it keeps of the matches this process serves (kept
 * current by its own writes and by `refresh`, which a process calls when it takes a match over).
 */
import type { Async } from '../match/bgio';
import type { FetchFields } from './storage-sqlite';

export interface MatchStorage extends Async {
  /** The latest state and metadata known here (no initial state or log: use `fetch`). */
  fetchNow(matchID: string, opts: { state?: boolean; metadata?: boolean }): Partial<FetchFields>;
}
