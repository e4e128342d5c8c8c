// Protects the match storage, on SQLite (the default) and on Postgres (DATABASE_URL), with the same assertions:
// compare-and-set on _stateID, log append, scenario kept once, the classroom's record and class tables, data across
// reopening. Postgres runs in a fresh schema per run (TEST_DATABASE_URL, tests/services.ts), dropped at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEntry, State } from 'boardgame.io';
import { createMatch } from '../../src/match/bgio';
import { OilAndWater } from '../../src/game/game';
import { builtinScenario } from '../../src/scenario/builtin';
import { SqliteStorage, openDatabase } from '../../src/server/storage-sqlite';
import { PgStorage } from '../../src/server/storage-pg';
import { type ClassroomRecord, RecordStore, type RecordStoreAPI } from '../../src/server/classroom-record';
import { type ClassRecord, ClassStore, type ClassStoreAPI } from '../../src/server/classes';
import type { MatchStorage } from '../../src/server/storage';
import { scenarioOf } from '../../src/game/scenario-registry';
import { hashValue } from '../../src/game/hash';
import { SEATS } from '../../src/game/vocabulary';
import { TEST_DATABASE_URL, runTag } from '../services';

/** One backend as the tests drive it. */
interface Opened {
  storage: MatchStorage & {
    writeState(
      id: string,
      state: State,
      deltalog?: LogEntry[],
    ): 'written' | 'stale' | 'missing' | Promise<'written' | 'stale' | 'missing'>;
  };
  records: RecordStoreAPI;
  classes: ClassStoreAPI;
  /** The stored row's state and scenario texts, read straight from the database. */
  raw(id: string): Promise<{ state: string; scenario: string } | undefined>;
  /** Waits for queued writes. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

interface Backend {
  name: string;
  open(): Promise<Opened>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-storage-'));
  return {
    name: 'SQLite',
    async open() {
      const db = openDatabase(dir);
      const storage = new SqliteStorage(db);
      return {
        storage,
        records: new RecordStore(db),
        classes: new ClassStore(db),
        raw: async (id) =>
          db.prepare('SELECT state, scenario FROM matches WHERE id = ?').get(id) as
            { state: string; scenario: string } | undefined,
        settle: async () => undefined,
        close: async () => {
          db.close();
        },
      };
    },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresBackend(): Backend {
  const schema = runTag('oaw_storage');
  return {
    name: 'Postgres',
    async open() {
      const storage = await PgStorage.open(TEST_DATABASE_URL, schema);
      return {
        storage,
        records: storage.records,
        classes: storage.classes,
        raw: async (id) =>
          (
            await storage.pool.query<{ state: string; scenario: string }>(
              'SELECT state, scenario FROM matches WHERE id = $1',
              [id],
            )
          ).rows[0],
        settle: () => storage.flush(),
        close: () => storage.close(),
      };
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

function made() {
  const m = createMatch({
    game: OilAndWater,
    numPlayers: 7,
    setupData: { scenario: builtinScenario('abe-2013'), seed: 's' },
    unlisted: true,
  });
  if ('setupDataError' in m) throw new Error(String(m.setupDataError));
  return m;
}

function classroomRecord(matchID: string, finished: boolean): ClassroomRecord {
  return {
    matchID,
    createdAt: 1,
    scenarioId: 'abe-2013',
    seed: 's~x',
    tokenHash: 'ab'.repeat(32),
    seats: Object.fromEntries(
      SEATS.map((s, i) => [
        s,
        { mode: 'human' as const, bot: 'historical', code: `CODE${i}${matchID.toUpperCase()}`, names: [] },
      ]),
    ) as unknown as ClassroomRecord['seats'],
    phaseSeconds: { briefing: 10, diplomacy: 20, policy: 30 },
    paused: false,
    timer: { key: 'briefing:0:1', deadline: 12345, remainingMs: null },
    finished,
  };
}

describe.each([sqliteBackend(), postgresBackend()])('match storage on $name', (backend) => {
  afterAll(() => backend.cleanup());

  it('writes only newer states, appends logs once, and reads back after reopening', async () => {
    const first = await backend.open();
    const m = made();
    await first.storage.createMatch('m1', m);
    const next = { ...m.initialState, _stateID: 1 } as State;
    const entry = {
      action: { type: 'MAKE_MOVE', payload: { type: 'ready', args: [], playerID: '0' } },
      _stateID: 0,
      turn: 1,
      phase: 'briefing',
    };
    expect(await first.storage.writeState('m1', next, [entry as never])).toBe('written');
    expect(await first.storage.writeState('m1', next, [entry as never])).toBe('stale');
    expect(await first.storage.writeState('m1', { ...m.initialState, _stateID: 0 } as State)).toBe('stale');
    expect(await first.storage.writeState('nope', next)).toBe('missing');
    expect(first.storage.fetchNow('m1', { state: true }).state?._stateID).toBe(1);
    await first.settle();
    await first.close();

    const reopened = await backend.open();
    const got = await reopened.storage.fetch('m1', {
      state: true,
      log: true,
      initialState: true,
      metadata: true,
    });
    expect(got.state?._stateID).toBe(1);
    expect(got.log).toHaveLength(1);
    expect(scenarioOf(got.state!.G).id).toBe('abe-2013');
    expect(got.initialState?.G.rng).not.toBeNull();
    expect(got.metadata?.gameName).toBe(OilAndWater.name);
    expect(reopened.storage.fetchNow('m1', { state: true }).state?._stateID).toBe(1);
    expect(await reopened.storage.listMatches({ where: { isGameover: false } })).toEqual(['m1']);
    expect(await reopened.storage.listMatches({ where: { isGameover: true } })).toEqual([]);
    // The state names its scenario by hash; the document is stored once, with the match.
    const raw = await reopened.raw('m1');
    expect(JSON.parse(raw!.state).G.scenario).toBeUndefined();
    expect(JSON.parse(raw!.state).G.scenarioHash).toBe(hashValue(JSON.parse(raw!.scenario)));
    await reopened.storage.wipe('m1');
    expect((await reopened.storage.fetch('m1', { state: true })).state).toBeUndefined();
    expect(reopened.storage.fetchNow('m1', { state: true }).state).toBeUndefined();
    await reopened.close();
  });

  it('of two writers of the same state ID, exactly one wins and the log grows once', async () => {
    const a = await backend.open();
    const m = made();
    await a.storage.createMatch('race', m);
    const entry = { action: { type: 'MAKE_MOVE', payload: { type: 'ready', args: [], playerID: '1' } } };
    const writes = await Promise.all(
      [1, 1, 1].map((id) =>
        a.storage.writeState('race', { ...m.initialState, _stateID: id } as State, [entry as never]),
      ),
    );
    expect(writes.filter((w) => w === 'written')).toHaveLength(1);
    expect(writes.filter((w) => w === 'stale')).toHaveLength(2);
    expect((await a.storage.fetch('race', { log: true })).log).toHaveLength(1);
    await a.close();
  });

  it('keeps the classroom records and classes, and skips a damaged record', async () => {
    const a = await backend.open();
    a.records.save(classroomRecord('r1', false));
    a.records.save(classroomRecord('r2', true));
    const changed = classroomRecord('r1', false);
    changed.paused = true;
    a.records.save(changed);
    const klass: ClassRecord = {
      classID: 'c1',
      createdAt: 2,
      scenarioId: 'abe-2013',
      seedLabel: 'lesson',
      endYear: 2016,
      tokenHash: 'cd'.repeat(32),
      matchIDs: ['r1', 'r2'],
    };
    a.classes.save(klass);
    await a.settle();
    await a.close();

    const b = await backend.open();
    const loaded = (await b.records.load()).sort((x, y) => x.matchID.localeCompare(y.matchID));
    expect(loaded.map((r) => [r.matchID, r.paused, r.finished])).toEqual([
      ['r1', true, false],
      ['r2', false, true],
    ]);
    expect(loaded[0].timer).toEqual({ key: 'briefing:0:1', deadline: 12345, remainingMs: null });
    expect(await b.classes.get('c1')).toEqual(klass);
    expect(await b.classes.get('missing')).toBeUndefined();
    if (b.storage instanceof PgStorage) {
      expect(await b.storage.records.unfinished()).toEqual(['r1']);
      expect(await b.storage.records.matchOfCode('CODE3R1')).toBe('r1');
      expect(await b.storage.records.matchOfCode('CODE0R2')).toBe('r2');
      expect(await b.storage.records.matchOfCode('CODE9R1')).toBeUndefined();
      expect(await b.storage.records.matchOfCode('CODE')).toBeUndefined();
      expect(await b.storage.records.matchOfCode('nope!')).toBeUndefined();
      await b.storage.pool.query(`UPDATE classrooms SET record = '{"matchID":1}' WHERE match_id = 'r2'`);
    } else {
      (b.storage as SqliteStorage).db
        .prepare(`UPDATE classrooms SET record = '{"matchID":1}' WHERE match_id = 'r2'`)
        .run();
    }
    expect((await b.records.load()).map((r) => r.matchID)).toEqual(['r1']);
    await b.close();
  });
});
