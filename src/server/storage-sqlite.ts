/**
 * boardgame.io match storage on SQLite (better-sqlite3): one file, WAL mode, every write committed before the call
 * returns. `setState` is a compare-and-set on `_stateID`: a write whose state is not newer than the stored one is
 * refused, so a stale or duplicated write can never roll a match back or append its log twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LogEntry, Server, State } from 'boardgame.io';
import { Async, type FetchResult } from '../match/bgio';
import { registerScenario } from '../game/scenario-registry';
import type { Scenario } from '../game/scenario-schema';
import {
  type FetchFields,
  type FetchOpts,
  type ListOpts,
  METADATA_REFRESH_MS,
  type SetStateResult,
  scenarioOfState,
  serialiseState,
} from './storage';

interface MatchRow {
  scenario: string | null;
  state: string;
  initial_state: string;
  metadata: string;
  state_id: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  id TEXT PRIMARY KEY,
  game_name TEXT NOT NULL,
  scenario TEXT,
  state TEXT NOT NULL,
  initial_state TEXT NOT NULL,
  metadata TEXT NOT NULL,
  state_id INTEGER NOT NULL,
  gameover INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS match_log (
  match_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
);
CREATE TABLE IF NOT EXISTS classrooms (
  match_id TEXT PRIMARY KEY,
  record TEXT NOT NULL
);
`;

/** Opens (creating if needed) the server's database file in `dataDir`. */
export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The file holds every seat's secrets and credentials: owner-only. SQLite gives its -wal and -shm files the
  // database file's mode, so creating (or tightening) this one first covers all three.
  const file = path.join(dataDir, 'oil-and-water.sqlite');
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  const db = new Database(file);
  // WAL keeps readers off the writer's back; NORMAL sync is durable against a killed process (the OS keeps the WAL).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 2000');
  db.exec(SCHEMA);
  return db;
}

/**
 * boardgame.io's `StorageAPI.Async` on a better-sqlite3 database. The statements run synchronously inside the async
 * methods, so a write is on disk before the master's next line runs (the classroom transport relies on it to
 * broadcast only what is stored).
 *
 * A state holds only its scenario's hash; the scenario document is stored once per match and registered
 * (src/game/scenario-registry.ts) when the match is first read, e.g. after a restart. The latest state of each match is kept parsed in memory; callers must treat fetched
 * states as read-only (boardgame.io's reducer does: it works on Immer drafts).
 */
export class SqliteStorage extends Async {
  private readonly stmt;
  private readonly latest = new Map<string, State>();
  private readonly scenarios = new Map<string, unknown>();
  private readonly lastMetadata = new Map<string, { text: string; at: number }>();

  constructor(readonly db: Database.Database) {
    super();
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO matches (id, game_name, scenario, state, initial_state, metadata, state_id, gameover, updated_at)
         VALUES (@id, @gameName, @scenario, @state, @initial, @metadata, @stateID, @gameover, @updatedAt)`,
      ),
      casState: db.prepare(
        'UPDATE matches SET state = @state, state_id = @stateID WHERE id = @id AND state_id < @stateID',
      ),
      exists: db.prepare('SELECT state_id FROM matches WHERE id = ?'),
      setMetadata: db.prepare(
        'UPDATE matches SET metadata = @metadata, gameover = @gameover, updated_at = @updatedAt WHERE id = @id',
      ),
      fetch: db.prepare(
        'SELECT scenario, state, initial_state, metadata, state_id FROM matches WHERE id = ?',
      ),
      fetchMetadata: db.prepare('SELECT metadata FROM matches WHERE id = ?'),
      log: db.prepare('SELECT entry FROM match_log WHERE match_id = ? ORDER BY seq'),
      logCount: db.prepare('SELECT COUNT(*) AS n FROM match_log WHERE match_id = ?'),
      appendLog: db.prepare('INSERT INTO match_log (match_id, seq, entry) VALUES (?, ?, ?)'),
      wipe: db.prepare('DELETE FROM matches WHERE id = ?'),
      wipeLog: db.prepare('DELETE FROM match_log WHERE match_id = ?'),
      wipeClassroom: db.prepare('DELETE FROM classrooms WHERE match_id = ?'),
    };
  }

  connect(): void {}

  override async createMatch(
    matchID: string,
    opts: { initialState: State; metadata: Server.MatchData },
  ): Promise<void> {
    const scenario = scenarioOfState(opts.initialState);
    const initial = serialiseState(opts.initialState);
    this.stmt.insert.run({
      id: matchID,
      gameName: opts.metadata.gameName,
      scenario: scenario === undefined ? null : JSON.stringify(scenario),
      state: initial,
      initial,
      metadata: JSON.stringify(opts.metadata),
      stateID: opts.initialState._stateID,
      gameover: opts.metadata.gameover === undefined ? 0 : 1,
      updatedAt: opts.metadata.updatedAt,
    });
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    this.writeState(matchID, state, deltalog);
  }

  /** The compare-and-set write behind `setState`, with its outcome (tests and the crash check use it). */
  writeState(matchID: string, state: State, deltalog?: LogEntry[]): SetStateResult {
    return this.db.transaction((): SetStateResult => {
      const changed = this.stmt.casState.run({
        id: matchID,
        state: serialiseState(state),
        stateID: state._stateID,
      }).changes;
      if (changed === 0) return this.stmt.exists.get(matchID) === undefined ? 'missing' : 'stale';
      if (deltalog && deltalog.length > 0) {
        let seq = (this.stmt.logCount.get(matchID) as { n: number }).n;
        for (const entry of deltalog) this.stmt.appendLog.run(matchID, seq++, JSON.stringify(entry));
      }
      this.latest.set(matchID, state);
      return 'written';
    })();
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    // The master rewrites metadata after every move only to bump `updatedAt`: store that at most every few seconds.
    const text = JSON.stringify({ ...metadata, updatedAt: 0 });
    const last = this.lastMetadata.get(matchID);
    if (last && last.text === text && metadata.updatedAt - last.at < METADATA_REFRESH_MS) return;
    this.lastMetadata.set(matchID, { text, at: metadata.updatedAt });
    this.stmt.setMetadata.run({
      id: matchID,
      metadata: JSON.stringify(metadata),
      gameover: metadata.gameover === undefined || metadata.gameover === null ? 0 : 1,
      updatedAt: metadata.updatedAt,
    });
  }

  async fetch<O extends FetchOpts>(matchID: string, opts: O): Promise<FetchResult<O>> {
    return this.fetchNow(matchID, opts) as FetchResult<O>;
  }

  /** The synchronous fetch (the classroom runtime reads state outside the master). */
  fetchNow(matchID: string, opts: FetchOpts): Partial<FetchFields> {
    const result: Partial<FetchFields> = {};
    const cached = this.latest.get(matchID);
    if (cached && opts.state && !opts.initialState && !opts.metadata && !opts.log) return { state: cached };
    // The master reads metadata alone on every move: read that column only.
    if (opts.metadata && !opts.state && !opts.initialState && !opts.log) {
      const meta = this.stmt.fetchMetadata.get(matchID) as { metadata: string } | undefined;
      if (meta) result.metadata = JSON.parse(meta.metadata) as Server.MatchData;
      return result;
    }
    const row = this.stmt.fetch.get(matchID) as MatchRow | undefined;
    if (!row) return result;
    if (opts.state) {
      result.state = cached ?? this.parseState(matchID, row, row.state);
      this.latest.set(matchID, result.state);
    }
    if (opts.initialState) result.initialState = this.parseState(matchID, row, row.initial_state);
    if (opts.metadata) result.metadata = JSON.parse(row.metadata) as Server.MatchData;
    if (opts.log)
      result.log = (this.stmt.log.all(matchID) as { entry: string }[]).map(
        (r) => JSON.parse(r.entry) as LogEntry,
      );
    return result;
  }

  private parseState(matchID: string, row: MatchRow, text: string): State {
    const state = JSON.parse(text) as State;
    if (row.scenario !== null && !this.scenarios.has(matchID)) {
      const scenario = JSON.parse(row.scenario) as Scenario;
      registerScenario(scenario);
      this.scenarios.set(matchID, scenario);
    }
    return state;
  }

  async wipe(matchID: string): Promise<void> {
    this.latest.delete(matchID);
    this.scenarios.delete(matchID);
    this.lastMetadata.delete(matchID);
    this.db.transaction(() => {
      this.stmt.wipe.run(matchID);
      this.stmt.wipeLog.run(matchID);
      this.stmt.wipeClassroom.run(matchID);
    })();
  }

  override async listMatches(opts: ListOpts = {}): Promise<string[]> {
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    if (opts.gameName !== undefined) {
      clauses.push('game_name = @gameName');
      params.gameName = opts.gameName;
    }
    const where = opts.where ?? {};
    if (where.isGameover !== undefined) {
      clauses.push('gameover = @gameover');
      params.gameover = where.isGameover ? 1 : 0;
    }
    if (where.updatedBefore !== undefined) {
      clauses.push('updated_at < @before');
      params.before = where.updatedBefore;
    }
    if (where.updatedAfter !== undefined) {
      clauses.push('updated_at > @after');
      params.after = where.updatedAfter;
    }
    const sql = `SELECT id FROM matches${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY updated_at, id`;
    return (this.db.prepare(sql).all(params) as { id: string }[]).map((r) => r.id);
  }
}
