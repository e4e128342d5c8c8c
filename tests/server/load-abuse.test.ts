// Protects the classroom server against load and abuse, and the secrets a class keeps: full bot-spec checks at
// creation, 400 for bad percent-encoding, the replay cache, creation rate limit, expiry and deletion, sync size and
// the socket cap per address, the Host check, owner-only database files, the seed's server entropy, the hidden
// inject queue and the facilitator's choice about private messages in the debrief.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Socket, io } from 'socket.io-client';
import type { LogEntry, State } from 'boardgame.io';
import { BUILTIN_IDS } from '../../src/scenario/builtin';
import type { GameState } from '../../src/game/state';
import { scenarioOf } from '../../src/game/scenario-registry';
import { parseReplayText, verifyReplay } from '../../src/match/replay';
import { debriefFromCheck } from '../../src/sim/debrief';
import type { FacilitatorAnswer } from '../../src/protocol/lobby';
import type { SqliteStorage } from '../../src/server/storage-sqlite';
import {
  type Harness,
  ManualClock,
  api,
  bearer,
  connect,
  createMatch,
  facilitatorSocket,
  join,
  startHarness,
} from './helpers';

/** A GET with any headers, `Host` included (fetch does not let a caller set it). */
function rawGet(
  base: string,
  route: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: route, method: 'GET', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A bare socket that syncs as `playerID` and resolves with the raw sync arguments. */
function rawSync(
  h: Harness,
  matchID: string,
  playerID: string | null,
  credentials?: string,
): Promise<{ socket: Socket; args: unknown[] }> {
  const socket = io(`${h.server.url}/oil-and-water`, { transports: ['websocket'], reconnection: false });
  return new Promise((resolve) => {
    socket.on('sync', (...args: unknown[]) => resolve({ socket, args }));
    socket.emit('sync', matchID, playerID, credentials, 7);
  });
}

describe('validation, secrets and sizes', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(async () => h?.close());

  it.each([
    [{ bots: { japan: 'strategist:HARD' } }, /bots\.japan: unknown strategist option "HARD"/],
    [{ bots: { russia: 'random:x' } }, /bots\.russia: bot kind "random" takes no option/],
    [{ bots: { china: 'strategist:hard:fast' } }, /bots\.china: .*more than one ':'/],
    [{ standIn: 'historical:x' }, /standIn: bot kind "historical" takes no option/],
  ])('refuses a bot spec that names no bot: %j', async (extra, message) => {
    const res = await api(h.server.url, 'POST', '/api/matches', { scenario: 'abe-2013', ...extra });
    expect(res.status).toBe(400);
    expect(String(res.body.error)).toMatch(message);
  });

  it('accepts a full valid spec', async () => {
    const made = await createMatch(h.server.url, {
      startPaused: true,
      bots: { japan: 'strategist:hard', russia: 'random' },
    });
    expect(made.seats.japan).toMatchObject({ mode: 'bot', bot: 'strategist:hard' });
  });

  it('answers 400, not 500, to a bad percent-encoding in the lobby and in a file path', async () => {
    const lobby = await api(h.server.url, 'GET', '/api/matches/%E0%A4%A/status');
    expect(lobby.status).toBe(400);
    expect(String(lobby.body.error)).toMatch(/percent-encoding/);
    const file = await api(h.server.url, 'GET', '/assets/%E0%A4%A.js');
    expect(file.status).toBe(400);
    expect(String((file.body as { error?: string }).error)).toMatch(/percent-encoding/);
  });

  it('refuses a Host that is not one of the server’s addresses (DNS rebinding), on HTTP and sockets', async () => {
    const port = new URL(h.server.url).port;
    const evil = await rawGet(h.server.url, '/api/scenarios', { host: `evil.example:${port}` });
    expect(evil.status).toBe(421);
    expect((JSON.parse(evil.body) as { error: string }).error).toMatch(
      /answers only as .*127\.0\.0\.1:\d+.*not "evil\.example/,
    );
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await rawGet(h.server.url, '/api/health', { host })).status).toBe(200);
    }
    const socket = io(`${h.server.url}/oil-and-water`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { host: `evil.example:${port}` },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
  });

  it('creates the database files owner-only (0600)', () => {
    const dir = path.join(h.dir, 'data');
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('oil-and-water.sqlite'));
    expect(files).toContain('oil-and-water.sqlite');
    for (const f of files) expect((fs.statSync(path.join(dir, f)).mode & 0o777).toString(8)).toBe('600');
  });

  it('keeps a sync of every era under 40 KB: no scenario document for a built-in, no initial state, no log', async () => {
    const sizes: string[] = [];
    for (const id of BUILTIN_IDS) {
      const m = await createMatch(h.server.url, { scenario: id, startPaused: true });
      const j = await join(h.server.url, m.seats.japan.code as string, 'Aiko');
      const { socket, args } = await rawSync(h, m.matchID, '1', j.credentials);
      socket.close();
      const info = args[1] as Record<string, unknown>;
      const bytes = Buffer.byteLength(JSON.stringify(args));
      sizes.push(`${id} ${(bytes / 1024).toFixed(1)} KB`);
      expect(bytes).toBeLessThan(40 * 1024);
      expect(info.scenario).toBeUndefined();
      expect(info.initialState).toBeUndefined();
      expect(info.log).toEqual([]);
      // The seat still learns its era: the bundled built-in is registered from the state's id.
      const remote = await connect(h, m.matchID, '1', j.credentials);
      expect(scenarioOf(remote.state?.G as GameState).id).toBe(id);
    }
    console.log(`[bench] opening sync per era: ${sizes.join(', ')}`);
  });

  it('still sends the document of a lesson cut (not a bundled built-in)', async () => {
    const m = await createMatch(h.server.url, { scenario: 'yeltsin-1992', endYear: 1994, startPaused: true });
    const { socket, args } = await rawSync(h, m.matchID, null);
    socket.close();
    expect((args[1] as { scenario?: { endYear: number } }).scenario?.endYear).toBe(1994);
  });

  it('mixes server entropy into the seed: the teacher’s text is a label, the replay reveals the full seed', async () => {
    const a = await createMatch(h.server.url, { seed: '7', startPaused: true });
    const b = await createMatch(h.server.url, { seed: '7', startPaused: true });
    expect(a.seed).toBe('7');
    const fa = await api<FacilitatorAnswer>(
      h.server.url,
      'GET',
      `/api/matches/${a.matchID}/facilitator`,
      undefined,
      bearer(a.facilitatorToken),
    );
    expect(fa.body.seed).toBe('7');
    const seeds: string[] = [];
    for (const m of [a, b]) {
      expect(
        (
          await api(
            h.server.url,
            'POST',
            `/api/matches/${m.matchID}/end`,
            undefined,
            bearer(m.facilitatorToken),
          )
        ).status,
      ).toBe(200);
      const replay = await api(h.server.url, 'GET', `/api/matches/${m.matchID}/replay`);
      const parsed = parseReplayText(JSON.stringify(replay.body));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(verifyReplay(parsed.replay)).toMatchObject({ ok: true });
      seeds.push(parsed.replay.seed);
    }
    for (const s of seeds) expect(s).toMatch(/^7~[A-Za-z0-9_-]{22}$/);
    expect(seeds[0]).not.toBe(seeds[1]);
  });

  it('hides the facilitator’s queued events from seats and spectators until News; the facilitator sees them', async () => {
    const m = await createMatch(h.server.url, { startPaused: true });
    const teacher = await facilitatorSocket(h, m);
    const j = await join(h.server.url, m.seats.china.code as string, 'Li');
    const china = await connect(h, m.matchID, '2', j.credentials);
    const spectator = await connect(h, m.matchID, null);
    const chinaUpdates: { G: GameState; log: LogEntry[] }[] = [];
    (china.socket as unknown as Socket).on(
      'update',
      (_id: string, state: State<GameState>, log: LogEntry[]) => chinaUpdates.push({ G: state.G, log }),
    );
    expect(teacher.state?.ctx.phase).not.toBe('diplomacy');
    const deck = scenarioOf(teacher.state?.G as GameState).wildcards.deck;
    const card = deck.find((c) => !(teacher.state?.G.drawn ?? []).includes(c.id));
    expect(card).toBeDefined();
    const res = await api(
      h.server.url,
      'POST',
      `/api/matches/${m.matchID}/inject`,
      { id: card?.id },
      bearer(m.facilitatorToken),
    );
    expect(res.status).toBe(200);
    await teacher.until(
      (s) => (s.state?.G.injected ?? []).includes(card?.id as string),
      5000,
      'the queued event',
    );
    await china.until(() => chinaUpdates.length > 0, 5000, 'the update after the inject');
    expect(china.state?.G.injected).toEqual([]);
    expect(spectator.state?.G.injected).toEqual([]);
    // Not through the log either: the inject's argument is redacted for every seat.
    const injects = chinaUpdates.flatMap((u) => u.log).filter((e) => e.action.payload.type === 'inject');
    expect(injects.length).toBeGreaterThan(0);
    for (const e of injects) expect(e.action.payload.args).toBeNull();
    expect(JSON.stringify(chinaUpdates)).not.toContain(`"${card?.id}"`);
  });

  it('caches a finished replay (same bytes) and rebuilds an unfinished one after any change', async () => {
    const m = await createMatch(h.server.url, { startPaused: true });
    const get = () =>
      api(h.server.url, 'GET', `/api/matches/${m.matchID}/replay`, undefined, bearer(m.facilitatorToken));
    const first = await get();
    expect((await post(m, '/advance')).status).toBe(200);
    const second = await get();
    expect((second.body as { actions: unknown[] }).actions.length).toBeGreaterThan(
      (first.body as { actions: unknown[] }).actions.length,
    );
    expect((await post(m, '/end')).status).toBe(200);
    const timed: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await fetch(`${h.server.url}/api/matches/${m.matchID}/replay`);
      texts.push(await res.text());
      timed.push(performance.now() - started);
    }
    expect(new Set(texts).size).toBe(1);
    expect((JSON.parse(texts[0]) as { finished: boolean }).finished).toBe(true);
    // Printed, never asserted: a short match rebuilds fast; the bench line in the report uses a full one.
    console.log(
      `[bench] replay GET: first ${timed[0].toFixed(1)} ms, cached ${timed[1].toFixed(1)} / ${timed[2].toFixed(1)} ms`,
    );
  });

  it('lets the facilitator choose whether the debrief shows private messages (withheld by default)', async () => {
    const m = await createMatch(h.server.url, { startPaused: true });
    const replayUrl = `${h.server.url}/api/matches/${m.matchID}/replay`;
    const header = async () =>
      (await fetch(replayUrl, { headers: bearer(m.facilitatorToken) })).headers.get(
        'x-debrief-private-messages',
      );
    expect(await header()).toBe('withhold');
    const settings = `/api/matches/${m.matchID}/settings`;
    expect((await api(h.server.url, 'POST', settings, { privateMessagesInDebrief: true })).status).toBe(401);
    expect(
      (
        await api(
          h.server.url,
          'POST',
          settings,
          { privateMessagesInDebrief: 'yes' },
          bearer(m.facilitatorToken),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await api(
          h.server.url,
          'POST',
          settings,
          { privateMessagesInDebrief: true },
          bearer(m.facilitatorToken),
        )
      ).status,
    ).toBe(200);
    expect(await header()).toBe('include');
    const fa = await api<FacilitatorAnswer>(
      h.server.url,
      'GET',
      `/api/matches/${m.matchID}/facilitator`,
      undefined,
      bearer(m.facilitatorToken),
    );
    expect(fa.body.privateMessagesInDebrief).toBe(true);
  });

  const post = (m: { matchID: string; facilitatorToken: string }, route: string) =>
    api(h.server.url, 'POST', `/api/matches/${m.matchID}${route}`, undefined, bearer(m.facilitatorToken));
});

describe('creation limits, expiry and deletion (on a manual clock)', () => {
  let h: Harness;
  const clock = new ManualClock();
  const HOUR = 3_600_000;
  beforeAll(
    async () =>
      (h = await startHarness({
        clock,
        maxSocketsPerAddress: 3,
        lobbyLimits: { createBurst: 6, createPerHour: 1, finishedTtlMs: HOUR, abandonedTtlMs: 2 * HOUR },
      })),
  );
  afterAll(async () => h?.close());

  const status = (id: string) => api(h.server.url, 'GET', `/api/matches/${id}/status`);
  const rows = (id: string) =>
    ['matches WHERE id', 'match_log WHERE match_id', 'classrooms WHERE match_id'].map(
      (t) =>
        (
          (h.server.storage as SqliteStorage).db.prepare(`SELECT COUNT(*) AS n FROM ${t} = ?`).get(id) as {
            n: number;
          }
        ).n,
    );

  it('deletes a match for its facilitator only: storage rows, runtime entry and sockets', async () => {
    const m = await createMatch(h.server.url, { startPaused: true });
    const spectator = await connect(h, m.matchID, null);
    await api(
      h.server.url,
      'POST',
      `/api/matches/${m.matchID}/advance`,
      undefined,
      bearer(m.facilitatorToken),
    );
    expect(rows(m.matchID).every((n) => n > 0)).toBe(true);
    expect((await api(h.server.url, 'DELETE', `/api/matches/${m.matchID}`)).status).toBe(401);
    expect(
      (await api(h.server.url, 'DELETE', `/api/matches/${m.matchID}`, undefined, bearer('x'.repeat(43))))
        .status,
    ).toBe(403);
    const ok = await api(
      h.server.url,
      'DELETE',
      `/api/matches/${m.matchID}`,
      undefined,
      bearer(m.facilitatorToken),
    );
    expect(ok).toMatchObject({ status: 200, body: { ok: true, deleted: m.matchID } });
    expect((await status(m.matchID)).status).toBe(404);
    expect(h.server.runtime.get(m.matchID)).toBeUndefined();
    expect(rows(m.matchID)).toEqual([0, 0, 0]);
    await spectator.until((s) => !s.socket.connected, 5000, 'the deleted match’s socket to close');
  });

  it('expires finished matches after FINISHED_MATCH_HOURS and idle unfinished ones nobody holds after ABANDONED', async () => {
    const finished = await createMatch(h.server.url, { startPaused: true });
    const idle = await createMatch(h.server.url, { startPaused: true });
    const watched = await createMatch(h.server.url, { startPaused: true });
    expect(
      (
        await api(
          h.server.url,
          'POST',
          `/api/matches/${finished.matchID}/end`,
          undefined,
          bearer(finished.facilitatorToken),
        )
      ).status,
    ).toBe(200);
    await connect(h, watched.matchID, null);
    clock.advance(HOUR + 15 * 60_000);
    expect((await status(finished.matchID)).status).toBe(404);
    expect(rows(finished.matchID)).toEqual([0, 0, 0]);
    expect((await status(idle.matchID)).status).toBe(200);
    clock.advance(HOUR);
    expect((await status(idle.matchID)).status).toBe(404);
    // Someone is connected to it: not abandoned, however long it waits.
    expect((await status(watched.matchID)).status).toBe(200);
  });

  it('caps sockets per address', async () => {
    const m = await createMatch(h.server.url, { startPaused: true });
    // Earlier tests' sockets are still open from this address: count what is left under the cap of 3.
    const opened: Socket[] = [];
    const open = () =>
      new Promise<boolean>((resolve) => {
        const s = io(`${h.server.url}/oil-and-water`, { transports: ['websocket'], reconnection: false });
        opened.push(s);
        s.on('connect', () => resolve(true));
        s.on('connect_error', () => resolve(false));
      });
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) results.push(await open());
    expect(results.filter(Boolean).length).toBeLessThan(4);
    expect(results[results.length - 1]).toBe(false);
    for (const s of opened) s.close();
    for (const s of h.sockets) s.close();
    // Closing them frees the address's slots (the server sees the close shortly after).
    let again = false;
    for (let i = 0; i < 50 && !again; i++) {
      again = await open();
      if (!again) await new Promise((r) => setImmediate(r));
    }
    expect(again).toBe(true);
    for (const s of opened) s.close();
    expect(m.matchID).toBeTruthy();
  });

  it('rate-limits creation per address, apart from other requests, and refills on the clock', async () => {
    let refused: { status: number; body: Record<string, unknown> } | undefined;
    for (let i = 0; i < 7 && !refused; i++) {
      const res = await api(h.server.url, 'POST', '/api/matches', { scenario: 'abe-2013' });
      if (res.status !== 201) refused = res;
    }
    expect(refused?.status).toBe(429);
    expect(String(refused?.body.error)).toMatch(/too many new matches/);
    // Other requests still pass.
    expect((await api(h.server.url, 'GET', '/api/scenarios')).status).toBe(200);
    clock.advance(HOUR);
    expect((await api(h.server.url, 'POST', '/api/matches', { scenario: 'abe-2013' })).status).toBe(201);
  });
});

describe('the debrief’s private-messages option', () => {
  it('leaves private messages out when asked, keeps public statements', async () => {
    const { MatchDriver } = await import('../../src/match/match');
    const { builtinScenario } = await import('../../src/scenario/builtin');
    const { buildReplay } = await import('../../src/match/replay');
    const scenario = builtinScenario('abe-2013');
    if (!scenario) throw new Error('no abe-2013');
    const driver = new MatchDriver({ scenario, seed: 'debrief-pm' });
    // Briefing → Diplomacy: every seat ready (the facilitator's advance does that for idle seats).
    for (let i = 0; i < 3 && driver.state.ctx.phase !== 'diplomacy'; i++) driver.move('6', 'advance', []);
    expect(driver.state.ctx.phase).toBe('diplomacy');
    expect(driver.move('1', 'sendMessage', [{ to: 'russia', text: 'a private word' }])).toBe(true);
    expect(driver.move('1', 'makeStatement', [{ text: 'a public word' }])).toBe(true);
    driver.move('6', 'endMatch', []);
    const replay = buildReplay({
      scenario,
      seed: 'debrief-pm',
      seats: { japan: 'human', russia: 'human', china: 'human', us: 'human', rok: 'human', dprk: 'human' },
      driver,
      createdBy: 'test',
    });
    const check = verifyReplay(replay);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const texts = (d: ReturnType<typeof debriefFromCheck>) => JSON.stringify(d);
    expect(texts(debriefFromCheck(check))).toContain('a private word');
    const withheld = texts(debriefFromCheck(check, { privateMessages: false }));
    expect(withheld).not.toContain('a private word');
    expect(withheld).toContain('a public word');
  });
});
