// Protects the classroom server as a cluster on real Postgres and Redis (tests/services.ts): two server processes
// behind one database and one Redis; a match created on one is joined and played on the other, every update reaches
// the sockets of both, and when the owner is killed (SIGKILL) in the middle of a timed phase the other takes the
// match over: no accepted move is lost, the phase timer fires exactly once, and the match is finished there. Each run
// uses its own Postgres schema and Redis key prefix, removed at the end with the processes.
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MatchSocket } from '../../src/protocol/match-socket';
import { SEATS, type Seat, playerIDOf } from '../../src/game/vocabulary';
import type { ClassAnswer, CreatedMatchAnswer, JoinAnswer } from '../../src/protocol/lobby';
import type http from 'node:http';
import { PgStorage } from '../../src/server/storage-pg';
import { seatsActedThisPhase } from '../../src/server/runtime';
import { clientAddress, trustedProxies } from '../../src/server/http-util';
import type { State } from 'boardgame.io';
import type { GameState } from '../../src/game/state';
import { api, bearer, connect, createMatch, startHarness } from './helpers';
import type { BotPlanner } from '../../src/server/bot-pool';
import { freePort, spawnClusterProcess } from '../../src/server/bench-util';
import { TEST_DATABASE_URL, TEST_REDIS_URL, runTag } from '../services';

const LEASE_MS = 2000;
/** Long enough for every move before the kill; the timer then has to fire on the survivor. */
const DIPLOMACY_SECONDS = 10;

interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

async function waitUntil<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

describe('the seats that already moved in a phase, read from the stored log', () => {
  const state = { ctx: { phase: 'diplomacy' }, G: { round: 2 } } as unknown as State<GameState>;
  const move = (phase: string, playerID: string, type = 'MAKE_MOVE') => ({
    phase,
    action: { type, payload: { playerID } },
  });

  it('counts the moves since the phase began, not those of the same phase a round before', () => {
    const log = [
      move('diplomacy', playerIDOf('us')), // last round's diplomacy
      move('diplomacy', playerIDOf('dprk')),
      move('policy', playerIDOf('japan')),
      move('policy', '6'), // the facilitator's advance ends last round's policy
      move('diplomacy', playerIDOf('dprk')), // a bot's proposal made on the process that then died
      move('diplomacy', '6'),
      move('diplomacy', playerIDOf('china'), 'GAME_EVENT'),
    ];
    expect(seatsActedThisPhase(state, log)).toEqual(['dprk']);
    expect(seatsActedThisPhase(state, log.slice(0, 4))).toEqual([]);
  });

  it('a process taking a match over does not plan again a bot seat that moved in this phase', async () => {
    // One process (SQLite) stands for both: it gives the match up and takes it back as a new owner would.
    const h = await startHarness({ runtime: { botDelayMs: 0, vacantDelayMs: 3_600_000, botWorkers: 0 } });
    try {
      const match = await createMatch(h.server.url, { bots: { dprk: 'random' }, startPaused: false });
      const watcher = await connect(h, match.matchID, null);
      await watcher.until((x) => x.state?.G.ready.dprk === true, 15_000, 'the bot ready in briefing');
      const runtime = h.server.runtime;
      const record = runtime.get(match.matchID)!;
      const planner = (runtime as unknown as { planner: BotPlanner }).planner;
      const planned = vi.spyOn(planner, 'planPhase');
      try {
        runtime.release(match.matchID);
        // A new owner's bot pass starts as it takes the match (bot delay 0) and plans before its first wait.
        await runtime.take(record);
        expect(runtime.get(match.matchID)).toBe(record);
        expect(planned).not.toHaveBeenCalled();
      } finally {
        planned.mockRestore();
      }
    } finally {
      await h.close();
    }
  });
});

describe('the client address behind a trusted proxy (TRUST_PROXY)', () => {
  const req = (remoteAddress: string, forwarded?: string) =>
    ({
      socket: { remoteAddress },
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    }) as unknown as http.IncomingMessage;
  const trusted = trustedProxies('127.0.0.1, 10.0.0.2, not-an-address');

  it('believes X-Forwarded-For only from a trusted address, and only its nearest untrusted hop', () => {
    expect([...trusted]).toEqual(['127.0.0.1', '10.0.0.2']);
    // Not from a proxy: the header is the client's own text and ignored.
    expect(clientAddress(req('203.0.113.9', '198.51.100.1'), trusted)).toBe('203.0.113.9');
    // From nginx: the address nginx appended, not what the client wrote before it.
    expect(clientAddress(req('::ffff:127.0.0.1', '1.2.3.4, 198.51.100.7'), trusted)).toBe('198.51.100.7');
    // Through nginx and then a peer process: both trusted, the client is the nearest untrusted hop.
    expect(clientAddress(req('10.0.0.2', '198.51.100.7, 127.0.0.1'), trusted)).toBe('198.51.100.7');
    // A proxy sending no header, or garbage, counts as itself.
    expect(clientAddress(req('127.0.0.1'), trusted)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', 'evil'), trusted)).toBe('127.0.0.1');
    // Nobody trusted: every request is counted by its connection.
    expect(clientAddress(req('127.0.0.1', '198.51.100.7'), new Set())).toBe('127.0.0.1');
  });
});

describe('two server processes on Postgres and Redis', () => {
  const schema = runTag('oaw_cluster');
  const prefix = `${runTag('oaw_cluster')}:`;
  const procs: Proc[] = [];
  const sockets: MatchSocket[] = [];
  let a: Proc;
  let b: Proc;

  let finishedID = '';

  async function start(
    name: string,
    port: number,
    hosts: string,
    env: Record<string, string> = {},
  ): Promise<Proc> {
    const url = `http://127.0.0.1:${port}`;
    const child = spawnClusterProcess(
      {
        port,
        hosts,
        databaseUrl: TEST_DATABASE_URL,
        schema,
        redisUrl: TEST_REDIS_URL,
        redisPrefix: prefix,
      },
      { LEASE_MS: String(LEASE_MS), DRAIN_MS: '2000', ...env },
      ['ignore', 'pipe', 'pipe'],
    );
    const output: string[] = [];
    child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const proc = { name, url, child, output, exited };
    procs.push(proc);
    await waitUntil(
      `${name} to be ready (output: ${output.join('').slice(-600)})`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited: ${output.join('')}`);
        const res = await fetch(`${url}/readyz`);
        return res.status === 200 ? true : undefined;
      },
      60_000,
    );
    return proc;
  }

  function socket(
    proc: Proc,
    matchID: string,
    playerID: string | null,
    credentials?: string,
  ): Promise<MatchSocket> {
    const s = new MatchSocket({ server: proc.url, matchID, playerID, credentials, websocketOnly: true });
    sockets.push(s);
    return s
      .until((x) => x.state !== null || x.refused !== null, 15_000, `the sync of ${playerID} on ${proc.name}`)
      .then(() => s);
  }

  beforeAll(async () => {
    const [pa, pb] = [await freePort(), await freePort()];
    const hosts = `127.0.0.1:${pa},127.0.0.1:${pb}`;
    [a, b] = await Promise.all([start('A', pa, hosts), start('B', pb, hosts)]);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const p of procs)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('answers health and readiness on both processes', async () => {
    for (const p of [a, b]) {
      expect((await api(p.url, 'GET', '/healthz')).status).toBe(200);
      expect((await api(p.url, 'GET', '/readyz')).body).toEqual({ ok: true });
    }
  });

  it('reserves join codes in Postgres: unique across processes, drawn again on a conflict', async () => {
    const created = await api<CreatedMatchAnswer>(a.url, 'POST', '/api/matches', {
      scenario: 'yeltsin-1992',
      bots: { dprk: 'random' },
    });
    expect(created.status).toBe(201);
    const codes = SEATS.map((s) => created.body.seats[s].code).filter((c): c is string => c !== null);
    expect(codes).toHaveLength(SEATS.length - 1);
    const storage = await PgStorage.open(TEST_DATABASE_URL, schema);
    try {
      const held = await storage.pool.query<{ code: string; match_id: string }>(
        'SELECT code, match_id FROM join_codes WHERE match_id = $1',
        [created.body.matchID],
      );
      expect(held.rows.map((r) => r.code).sort()).toEqual([...codes].sort());
      // Another process drawing a code already held gets a fresh one instead.
      const draws = [codes[0], codes[1], 'ZZZZ9999'];
      const got = await storage.records.reserveCodes('another-match', 1, () => draws.shift()!);
      expect(got).toEqual(['ZZZZ9999']);
      // The match limit counts every process's matches.
      expect(await storage.records.count()).toBeGreaterThanOrEqual(1);
    } finally {
      await storage.pool.query("DELETE FROM join_codes WHERE match_id = 'another-match'");
      await storage.pool.end();
    }
  });

  it('shows a class whole from either process', async () => {
    const made = await api<ClassAnswer>(a.url, 'POST', '/api/classes', {
      scenario: 'yeltsin-1992',
      groups: 3,
    });
    expect(made.status).toBe(201);
    const token = made.body.facilitatorToken!;
    // A serves every group; B reads the class from Postgres and asks A for each group's seats and status.
    const onB = await api<ClassAnswer>(
      b.url,
      'GET',
      `/api/classes/${made.body.classID}`,
      undefined,
      bearer(token),
    );
    expect(onB.status).toBe(200);
    expect(onB.body.groups).toHaveLength(3);
    for (const [i, group] of onB.body.groups.entries()) {
      expect(group).toMatchObject({ group: i + 1, exists: true });
      expect(group.seats?.japan.code).toBe(made.body.groups[i].seats?.japan.code);
      expect(group.status?.matchID).toBe(group.matchID);
    }
  });

  it('plays a match across both, survives the owner being killed mid-phase and finishes it', async () => {
    const created = await api<CreatedMatchAnswer>(a.url, 'POST', '/api/matches', {
      scenario: 'yeltsin-1992',
      seed: 'cluster-test',
      startPaused: false,
      phaseSeconds: { briefing: 0, diplomacy: DIPLOMACY_SECONDS, policy: 0 },
    });
    expect(created.status).toBe(201);
    const match = created.body;
    const id = match.matchID;
    finishedID = id;

    // Students join through B (forwarded to A, which serves the match); half the seats connect to each process.
    const onB = new Set<Seat>(['japan', 'russia', 'china']);
    const seat = {} as Record<Seat, MatchSocket>;
    for (const s of SEATS) {
      const joined = await api<JoinAnswer>(b.url, 'POST', '/api/join', {
        code: match.seats[s].code,
        name: `student-${s}`,
      });
      expect(joined).toMatchObject({ status: 200 });
      seat[s] = await socket(onB.has(s) ? b : a, id, playerIDOf(s), joined.body.credentials);
      expect(seat[s].refused).toBeNull();
    }
    const spectatorA = await socket(a, id, null);
    const spectatorB = await socket(b, id, null);

    // Every ready is made on its own process; the phase change reaches the sockets of both.
    for (const s of SEATS) expect((await seat[s].move('ready')).ok).toBe(true);
    for (const watcher of [spectatorA, spectatorB, seat.japan, seat.us])
      await watcher.until((x) => x.state?.ctx.phase === 'diplomacy', 15_000, 'diplomacy on both');

    // A move on B reaches A's sockets and a move on A reaches B's; private stays private across processes.
    expect((await seat.japan.move('sendMessage', { to: 'us', text: 'Made on B, read on A' })).ok).toBe(true);
    expect((await seat.rok.move('makeStatement', { text: 'Made on A, read on B' })).ok).toBe(true);
    await seat.us.until(
      (x) => (x.state?.G.messages ?? []).some((m) => m.text === 'Made on B, read on A'),
      10_000,
      'the message on A',
    );
    await seat.china.until(
      (x) => (x.state?.G.messages ?? []).some((m) => m.text === 'Made on A, read on B'),
      10_000,
      'the statement on B',
    );
    expect(JSON.stringify(spectatorB.state)).not.toContain('Made on B, read on A');
    const beforeKill = seat.japan.state?._stateID ?? -1;
    expect(seat.japan.state?.ctx.phase).toBe('diplomacy');

    // The owner dies mid-phase, its diplomacy timer still running.
    a.child.kill('SIGKILL');
    await a.exited;
    // B takes the match over once A's lease expires; a move on B then goes through there.
    const answer = await waitUntil(
      'B to take the match over',
      async () => {
        const r = await seat.russia.move('makeStatement', { text: 'After the takeover' });
        return r.ok ? r : undefined;
      },
      LEASE_MS * 10,
    );
    expect(answer.ok).toBe(true);
    // The timer armed on A fires on B, once: the phase moves to policy by the facilitator's advance.
    await seat.china.until(
      (x) => x.state?.ctx.phase === 'policy',
      DIPLOMACY_SECONDS * 1000 + 15_000,
      'policy',
    );
    const texts = (seat.china.state?.G.messages ?? []).map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['Made on A, read on B', 'After the takeover']));
    expect(seat.china.state!._stateID).toBeGreaterThan(beforeKill);

    // The facilitator finishes the match on B.
    const ended = await api(b.url, 'POST', `/api/matches/${id}/end`, {}, bearer(match.facilitatorToken));
    expect(ended.status).toBe(200);
    await seat.japan.until((x) => x.state?.ctx.gameover !== undefined, 15_000, 'the end');

    // What is stored: the moves made before the kill, one timer advance for the one timed phase, the end.
    const db = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await db.connect();
    const log = (
      await db.query<{ entry: string }>('SELECT entry FROM match_log WHERE match_id = $1 ORDER BY seq', [id])
    ).rows.map((r) => JSON.parse(r.entry) as { action: { payload: { type: string; args: unknown[] } } });
    const state = JSON.parse(
      (await db.query<{ state: string }>('SELECT state FROM matches WHERE id = $1', [id])).rows[0].state,
    ) as { ctx: { gameover?: unknown }; G: { messages: { text: string }[] } };
    await db.end();
    const moves = log.map((e) => e.action.payload.type);
    expect(moves.filter((m) => m === 'advance')).toHaveLength(1);
    // It fired on B: after the move B made once it had taken the match over, still in diplomacy.
    const takeover = log.findIndex((e) =>
      JSON.stringify(e.action.payload.args ?? null).includes('After the takeover'),
    );
    expect(takeover).toBeGreaterThan(-1);
    expect(moves.indexOf('advance')).toBeGreaterThan(takeover);
    expect(moves.filter((m) => m === 'ready')).toHaveLength(SEATS.length);
    expect(moves.filter((m) => m === 'endMatch')).toHaveLength(1);
    expect(state.ctx.gameover).toBeDefined();
    expect(state.G.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining(['Made on B, read on A', 'Made on A, read on B', 'After the takeover']),
    );
  }, 120_000);

  it('drains and exits on SIGTERM, handing its matches back', async () => {
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const redis = new Redis(TEST_REDIS_URL);
    const leases = await redis.keys(`${prefix}lease:*`);
    await redis.quit();
    expect(leases).toEqual([]);
  }, 30_000);

  it('expires a finished match nobody serves', async () => {
    // The match finished on B is served by nobody now; a process whose finished-match limit has passed deletes it.
    const storage = await PgStorage.open(TEST_DATABASE_URL, schema);
    const stored = async () =>
      (await storage.pool.query('SELECT 1 FROM classrooms WHERE match_id = $1', [finishedID])).rowCount;
    try {
      expect(finishedID).not.toBe('');
      expect(await stored()).toBe(1);
      const port = await freePort();
      await start('C', port, `127.0.0.1:${port}`, { FINISHED_MATCH_HOURS: '0.0003' });
      await waitUntil('the finished match to be deleted', async () =>
        (await stored()) === 0 ? true : undefined,
      );
      const rows = await storage.pool.query(
        `SELECT (SELECT COUNT(*)::int FROM matches WHERE id = $1) + (SELECT COUNT(*)::int FROM match_log
         WHERE match_id = $1) + (SELECT COUNT(*)::int FROM join_codes WHERE match_id = $1) AS n`,
        [finishedID],
      );
      expect(rows.rows[0]).toEqual({ n: 0 });
    } finally {
      await storage.pool.end();
    }
  }, 90_000);
});
