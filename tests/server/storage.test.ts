// Protects the SQLite match storage: compare-and-set on _stateID, log append, scenario kept once, data across reopen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { State } from 'boardgame.io';
import { createMatch } from '../../src/match/bgio';
import { OilAndWater } from '../../src/game/game';
import { builtinScenario } from '../../src/scenario/builtin';
import { SqliteStorage, openDatabase } from '../../src/server/storage-sqlite';
import { scenarioOf } from '../../src/game/scenario-registry';
import { hashValue } from '../../src/game/hash';

describe('SqliteStorage', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-storage-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes only newer states, appends logs once, and reads back after reopening', async () => {
    const db = openDatabase(dir);
    const storage = new SqliteStorage(db);
    const made = createMatch({
      game: OilAndWater,
      numPlayers: 7,
      setupData: { scenario: builtinScenario('abe-2013'), seed: 's' },
      unlisted: true,
    });
    if ('setupDataError' in made) throw new Error(String(made.setupDataError));
    await storage.createMatch('m1', made);
    const next = { ...made.initialState, _stateID: 1 } as State;
    const entry = {
      action: { type: 'MAKE_MOVE', payload: { type: 'ready', args: [], playerID: '0' } },
      _stateID: 0,
      turn: 1,
      phase: 'briefing',
    };
    expect(storage.writeState('m1', next, [entry as never])).toBe('written');
    expect(storage.writeState('m1', next, [entry as never])).toBe('stale');
    expect(storage.writeState('m1', { ...made.initialState, _stateID: 0 } as State)).toBe('stale');
    expect(storage.writeState('nope', next)).toBe('missing');
    db.close();

    const reopened = new SqliteStorage(openDatabase(dir));
    const got = reopened.fetchNow('m1', { state: true, log: true, initialState: true, metadata: true });
    expect(got.state?._stateID).toBe(1);
    expect(got.log).toHaveLength(1);
    expect(scenarioOf(got.state!.G).id).toBe('abe-2013');
    expect(got.initialState?.G.rng).not.toBeNull();
    expect(await reopened.listMatches({ where: { isGameover: false } })).toEqual(['m1']);
    // The state names its scenario by hash; the document is stored once, with the match.
    const raw = reopened.db.prepare('SELECT state, scenario FROM matches WHERE id = ?').get('m1') as {
      state: string;
      scenario: string;
    };
    expect(JSON.parse(raw.state).G.scenario).toBeUndefined();
    expect(JSON.parse(raw.state).G.scenarioHash).toBe(hashValue(JSON.parse(raw.scenario)));
    await reopened.wipe('m1');
    expect(reopened.fetchNow('m1', { state: true }).state).toBeUndefined();
    reopened.db.close();
  });
});
