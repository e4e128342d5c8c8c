/**
 * boardgame.io match storage on Postgres (`pg`), chosen by DATABASE_URL; SQLite (storage-sqlite.ts) stays the
 * default. The same contract: `setState` is a compare-and-set on `_stateID` (a write whose state is not newer than
 * the stored one is refused, so a stale or duplicated write, from this process or another, never rolls a match back
 * or appends its log twice), the state holds only its scenario's hash (the document is stored once per match), and
 * the classroom's own tables (`classrooms`, `classes`) live beside the matches.
 *
 * Writes of one match are queued in order (a match created and moved at once is inserted before its first state),
 * and the latest state and metadata of each match this process has read or written are kept in memory for
 * `fetchNow`. `fetch` always reads the database, so a process serving sockets of a match another process owns sees
 * what that process committed. Every table lives in one schema (`DATABASE_SCHEMA`, default `public`); tests use a
 * fresh schema per run.
 */
import pg from 'pg';
import type { LogEntry, Server, State } from 'boardgame.io';
import { Async, type FetchResult } from '../match/bgio';
import { registerScenario } from '../game/scenario-registry';
import type { Scenario } from '../game/scenario-schema';
import { SEATS } from '../game/vocabulary';
import { type ClassroomRecord, type RecordStoreAPI, parseRecord } from './classroom-record';
import { type ClassRecord, type ClassStoreAPI, storedClass } from './classes';
import {
  type FetchFields,
  type FetchOpts,
  type ListOpts,
  METADATA_REFRESH_MS,
  type MatchStorage,
  type SetStateResult,
  scenarioOfState,
  serialiseState,
} from './storage';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS matches (
  id TEXT PRIMARY KEY,
  game_name TEXT NOT NULL,
  scenario TEXT,
  state TEXT NOT NULL,
  initial_state TEXT NOT NULL,
  metadata TEXT NOT NULL,
  state_id INTEGER NOT NULL,
  gameover BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS match_log (
  match_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
);
CREATE TABLE IF NOT EXISTS classrooms (
  match_id TEXT PRIMARY KEY,
  record TEXT NOT NULL,
  finished BOOLEAN NOT NULL DEFAULT FALSE,
  codes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS join_codes (
  code TEXT PRIMARY KEY,
  match_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS join_codes_match ON join_codes (match_id);
CREATE TABLE IF NOT EXISTS classes (
  class_id TEXT PRIMARY KEY,
  record TEXT NOT NULL
);
`;

/** A schema name we accept (it is spliced into SQL): letters, digits and underscores. */
function checkedSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`DATABASE_SCHEMA "${schema.slice(0, 80)}" must be lower-case letters, digits and _`);
  return schema;
}

/** A per-key queue: tasks of one key run one after another, in the order given. */
class Chains {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves once every queued task has run. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}

interface MatchRow {
  scenario: string | null;
  state: string;
  initial_state: string;
  metadata: string;
  state_id: number;
}

/** Opens a pool on `url`, creating the schema and tables if needed. */
export async function openPostgres(url: string, schema = 'public'): Promise<pg.Pool> {
  const name = checkedSchema(schema);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c search_path=${name}`,
    connectionTimeoutMillis: 10_000,
  });
  // A dropped connection (a restarting database) must not take the process down: queries report it instead.
  pool.on('error', (error) => console.error('[classroom] postgres connection failed:', error.message));
  const client = await pool.connect();
  try {
    if (name !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
    // Two processes starting at once must not race on CREATE TABLE.
    await client.query('SELECT pg_advisory_lock(7011)');
    try {
      await client.query(SCHEMA_SQL);
      // Matches stored before join codes were reserved keep theirs: a new match never draws one of them.
      await client.query(
        `INSERT INTO join_codes (code, match_id)
         SELECT code, match_id FROM classrooms, unnest(string_to_array(codes, ' ')) AS code WHERE code <> ''
         ON CONFLICT (code) DO NOTHING`,
      );
    } finally {
      await client.query('SELECT pg_advisory_unlock(7011)');
    }
  } finally {
    client.release();
  }
  return pool;
}

/** boardgame.io's `StorageAPI.Async` on Postgres, with the classroom's record and class tables. */
export class PgStorage extends Async implements MatchStorage {
  private readonly latest = new Map<string, State>();
  private readonly metadata = new Map<string, Server.MatchData>();
  private readonly scenarios = new Set<string>();
  private readonly lastMetadata = new Map<string, { text: string; at: number }>();
  private readonly writes = new Chains();
  readonly records: PgRecordStore;
  readonly classes: PgClassStore;

  constructor(readonly pool: pg.Pool) {
    super();
    this.records = new PgRecordStore(pool, this.writes);
    this.classes = new PgClassStore(pool, this.writes);
  }

  /** Opens the database at `url` (schema and tables created if needed). */
  static async open(url: string, schema?: string): Promise<PgStorage> {
    return new PgStorage(await openPostgres(url, schema));
  }

  connect(): void {}

  override async createMatch(
    matchID: string,
    opts: { initialState: State; metadata: Server.MatchData },
  ): Promise<void> {
    const scenario = scenarioOfState(opts.initialState);
    const initial = serialiseState(opts.initialState);
    // Known at once to this process (the lobby does not wait for the insert); the insert runs first in the queue.
    this.latest.set(matchID, opts.initialState);
    this.metadata.set(matchID, opts.metadata);
    if (scenario !== undefined) this.scenarios.add(matchID);
    await this.writes.run(matchID, async () => {
      await this.pool.query(
        `INSERT INTO matches (id, game_name, scenario, state, initial_state, metadata, state_id, gameover, updated_at)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8)`,
        [
          matchID,
          opts.metadata.gameName,
          scenario === undefined ? null : JSON.stringify(scenario),
          initial,
          JSON.stringify(opts.metadata),
          opts.initialState._stateID,
          opts.metadata.gameover !== undefined,
          opts.metadata.updatedAt,
        ],
      );
    });
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    await this.writeState(matchID, state, deltalog);
  }

  /** The compare-and-set write behind `setState`, with its outcome. */
  writeState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<SetStateResult> {
    return this.writes.run(matchID, async (): Promise<SetStateResult> => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        // The row lock taken here orders concurrent writers of one match (from any process) until COMMIT.
        const changed = await client.query(
          'UPDATE matches SET state = $2, state_id = $3 WHERE id = $1 AND state_id < $3',
          [matchID, serialiseState(state), state._stateID],
        );
        if (changed.rowCount === 0) {
          const exists = await client.query('SELECT 1 FROM matches WHERE id = $1', [matchID]);
          await client.query('ROLLBACK');
          return exists.rowCount === 0 ? 'missing' : 'stale';
        }
        if (deltalog && deltalog.length > 0) {
          const count = await client.query<{ n: number }>(
            'SELECT COUNT(*)::int AS n FROM match_log WHERE match_id = $1',
            [matchID],
          );
          const first = count.rows[0].n;
          await client.query(
            `INSERT INTO match_log (match_id, seq, entry)
             SELECT $1, $2::int + ord::int - 1, entry FROM unnest($3::text[]) WITH ORDINALITY AS t(entry, ord)`,
            [matchID, first, deltalog.map((e) => JSON.stringify(e))],
          );
        }
        await client.query('COMMIT');
        const cached = this.latest.get(matchID);
        if (!cached || cached._stateID < state._stateID) this.latest.set(matchID, state);
        return 'written';
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    this.metadata.set(matchID, metadata);
    const text = JSON.stringify({ ...metadata, updatedAt: 0 });
    const last = this.lastMetadata.get(matchID);
    if (last && last.text === text && metadata.updatedAt - last.at < METADATA_REFRESH_MS) return;
    this.lastMetadata.set(matchID, { text, at: metadata.updatedAt });
    await this.writes.run(matchID, async () => {
      await this.pool.query(
        'UPDATE matches SET metadata = $2, gameover = $3, updated_at = $4 WHERE id = $1',
        [
          matchID,
          JSON.stringify(metadata),
          metadata.gameover !== undefined && metadata.gameover !== null,
          metadata.updatedAt,
        ],
      );
    });
  }

  async fetch<O extends FetchOpts>(matchID: string, opts: O): Promise<FetchResult<O>> {
    return (await this.read(matchID, opts)) as FetchResult<O>;
  }

  /** Reads the database (after this process's queued writes of the match), refreshing the copy kept here. */
  private async read(matchID: string, opts: FetchOpts): Promise<Partial<FetchFields>> {
    await this.writes.run(matchID, async () => undefined);
    const result: Partial<FetchFields> = {};
    const row = (
      await this.pool.query<MatchRow>(
        'SELECT scenario, state, initial_state, metadata, state_id FROM matches WHERE id = $1',
        [matchID],
      )
    ).rows[0];
    if (!row) return result;
    this.registerScenario(matchID, row);
    const metadata = JSON.parse(row.metadata) as Server.MatchData;
    this.metadata.set(matchID, metadata);
    const cached = this.latest.get(matchID);
    const state = cached && cached._stateID >= row.state_id ? cached : (JSON.parse(row.state) as State);
    this.latest.set(matchID, state);
    if (opts.state) result.state = state;
    if (opts.metadata) result.metadata = metadata;
    if (opts.initialState) result.initialState = JSON.parse(row.initial_state) as State;
    if (opts.log) {
      const rows = await this.pool.query<{ entry: string }>(
        'SELECT entry FROM match_log WHERE match_id = $1 ORDER BY seq',
        [matchID],
      );
      result.log = rows.rows.map((r) => JSON.parse(r.entry) as LogEntry);
    }
    return result;
  }

  /** Brings the copy of one match kept here up to the database (a process taking the match over calls it). */
  async refresh(matchID: string): Promise<boolean> {
    const got = await this.read(matchID, { state: true });
    return got.state !== undefined;
  }

  /** The latest state and metadata this process knows (from its writes, `fetch` and `refresh`). */
  fetchNow(matchID: string, opts: { state?: boolean; metadata?: boolean }): Partial<FetchFields> {
    const result: Partial<FetchFields> = {};
    if (opts.state) {
      const state = this.latest.get(matchID);
      if (state) result.state = state;
    }
    if (opts.metadata) {
      const metadata = this.metadata.get(matchID);
      if (metadata) result.metadata = metadata;
    }
    return result;
  }

  /** Forgets the copy of a match kept here (another process now serves it). */
  forget(matchID: string): void {
    this.latest.delete(matchID);
    this.metadata.delete(matchID);
    this.lastMetadata.delete(matchID);
  }

  private registerScenario(matchID: string, row: MatchRow): void {
    if (row.scenario === null || this.scenarios.has(matchID)) return;
    registerScenario(JSON.parse(row.scenario) as Scenario);
    this.scenarios.add(matchID);
  }

  async wipe(matchID: string): Promise<void> {
    this.forget(matchID);
    this.scenarios.delete(matchID);
    await this.writes.run(matchID, async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('DELETE FROM matches WHERE id = $1', [matchID]);
        await client.query('DELETE FROM match_log WHERE match_id = $1', [matchID]);
        await client.query('DELETE FROM classrooms WHERE match_id = $1', [matchID]);
        await client.query('DELETE FROM join_codes WHERE match_id = $1', [matchID]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  override async listMatches(opts: ListOpts = {}): Promise<string[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (opts.gameName !== undefined) {
      params.push(opts.gameName);
      clauses.push(`game_name = $${params.length}`);
    }
    const where = opts.where ?? {};
    if (where.isGameover !== undefined) {
      params.push(where.isGameover);
      clauses.push(`gameover = $${params.length}`);
    }
    if (where.updatedBefore !== undefined) {
      params.push(where.updatedBefore);
      clauses.push(`updated_at < $${params.length}`);
    }
    if (where.updatedAfter !== undefined) {
      params.push(where.updatedAfter);
      clauses.push(`updated_at > $${params.length}`);
    }
    const sql = `SELECT id FROM matches${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY updated_at, id`;
    return (await this.pool.query<{ id: string }>(sql, params)).rows.map((r) => r.id);
  }

  /** Waits for every queued write (shutdown). */
  flush(): Promise<void> {
    return this.writes.drain();
  }

  /** Finishes the queued writes and closes the pool. */
  async close(): Promise<void> {
    await this.flush();
    await this.pool.end();
  }
}

/** The `classrooms` table on Postgres: one JSON record per match, with its join codes and whether it finished. */
export class PgRecordStore implements RecordStoreAPI {
  constructor(
    private readonly pool: pg.Pool,
    private readonly writes: Chains,
  ) {}

  save(record: ClassroomRecord): void {
    const text = JSON.stringify(record);
    const codes = SEATS.map((s) => record.seats[s].code ?? '').join(' ');
    void this.writes
      .run(`record:${record.matchID}`, async () => {
        await this.pool.query(
          `INSERT INTO classrooms (match_id, record, finished, codes) VALUES ($1, $2, $3, $4)
           ON CONFLICT (match_id) DO UPDATE SET record = excluded.record, finished = excluded.finished,
           codes = excluded.codes`,
          [record.matchID, text, record.finished, codes],
        );
      })
      .catch((error: unknown) =>
        console.error(`[classroom] saving the record of ${record.matchID} failed:`, error),
      );
  }

  /** Resolves once this process's queued saves of the match are stored. */
  saved(matchID: string): Promise<void> {
    return this.writes.run(`record:${matchID}`, async () => undefined);
  }

  async load(): Promise<ClassroomRecord[]> {
    const rows = await this.pool.query<{ record: string }>('SELECT record FROM classrooms');
    return rows.rows.flatMap((r) => this.parse(r.record));
  }

  /** One stored record (after this process's queued saves of it), or undefined. */
  async loadOne(matchID: string): Promise<ClassroomRecord | undefined> {
    await this.saved(matchID);
    const rows = await this.pool.query<{ record: string }>(
      'SELECT record FROM classrooms WHERE match_id = $1',
      [matchID],
    );
    return rows.rows.flatMap((r) => this.parse(r.record))[0];
  }

  /** The IDs of matches not finished (a cluster looks for ones nobody serves). */
  async unfinished(): Promise<string[]> {
    const rows = await this.pool.query<{ match_id: string }>(
      'SELECT match_id FROM classrooms WHERE NOT finished ORDER BY match_id',
    );
    return rows.rows.map((r) => r.match_id);
  }

  /**
   * Reserves `count` join codes for a new match, unique across every process on this database: each is inserted
   * into `join_codes` (its primary key), and a code another match already holds is drawn again.
   */
  async reserveCodes(matchID: string, count: number, draw: () => string): Promise<string[]> {
    const codes: string[] = [];
    for (let attempts = 0; codes.length < count; attempts++) {
      if (attempts > count * 20)
        throw new Error('could not draw unused join codes (the code space is full?)');
      const code = draw();
      const inserted = await this.pool.query(
        'INSERT INTO join_codes (code, match_id) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING',
        [code, matchID],
      );
      if (inserted.rowCount === 1) codes.push(code);
    }
    return codes;
  }

  /** Finished matches last written before `before` (ms since the epoch), at most `limit`: the expiry's candidates. */
  async finishedBefore(before: number, limit = 200): Promise<string[]> {
    const rows = await this.pool.query<{ match_id: string }>(
      `SELECT c.match_id FROM classrooms c JOIN matches m ON m.id = c.match_id
       WHERE c.finished AND m.updated_at < $1 ORDER BY m.updated_at LIMIT $2`,
      [before, limit],
    );
    return rows.rows.map((r) => r.match_id);
  }

  /** How many matches are stored, across every process (the per-server match limit counts these). */
  async count(): Promise<number> {
    const rows = await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM classrooms');
    return rows.rows[0]?.n ?? 0;
  }

  /** The match a join code opens, if any (codes are upper-case letters and digits). */
  async matchOfCode(code: string): Promise<string | undefined> {
    if (!/^[A-Z0-9]{4,16}$/.test(code)) return undefined;
    const rows = await this.pool.query<{ match_id: string }>(
      `SELECT match_id FROM classrooms WHERE (' ' || codes || ' ') LIKE '% ' || $1 || ' %'`,
      [code],
    );
    return rows.rows[0]?.match_id;
  }

  private parse(text: string): ClassroomRecord[] {
    try {
      return [parseRecord(text)];
    } catch (error) {
      console.error('[classroom] skipping a damaged match record:', (error as Error).message);
      return [];
    }
  }
}

/** The `classes` table on Postgres. */
export class PgClassStore implements ClassStoreAPI {
  constructor(
    private readonly pool: pg.Pool,
    private readonly writes: Chains,
  ) {}

  save(record: ClassRecord): void {
    void this.writes
      .run(`class:${record.classID}`, async () => {
        await this.pool.query(
          `INSERT INTO classes (class_id, record) VALUES ($1, $2)
           ON CONFLICT (class_id) DO UPDATE SET record = excluded.record`,
          [record.classID, JSON.stringify(record)],
        );
      })
      .catch((error: unknown) => console.error(`[classroom] saving class ${record.classID} failed:`, error));
  }

  async get(classID: string): Promise<ClassRecord | undefined> {
    await this.writes.run(`class:${classID}`, async () => undefined);
    const row = (
      await this.pool.query<{ record: string }>('SELECT record FROM classes WHERE class_id = $1', [classID])
    ).rows[0];
    return row ? storedClass(classID, row.record) : undefined;
  }
}
