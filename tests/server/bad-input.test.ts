// Protects the server against bad input: every class of malformed lobby or socket input gets a clear refusal
// (or is dropped), and afterwards the server is up and the match is exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Socket, io } from 'socket.io-client';
import type { MatchSocket } from '../../src/protocol/match-socket';
import {
  type CreatedMatch,
  type Harness,
  ManualClock,
  api,
  bearer,
  connect,
  createMatch,
  join,
  startHarness,
} from './helpers';

describe('bad input', () => {
  let h: Harness;
  let match: CreatedMatch;
  let japan: MatchSocket;
  let japanCredentials: string;
  let stateBefore = -1;
  // The lobby's rate limit refills on this clock: the flood test advances it rather than sleeping.
  const clock = new ManualClock();

  beforeAll(async () => {
    h = await startHarness({
      httpRate: { burst: 60, perSecond: 30 },
      clock,
      socketLimits: { burst: 20, perSecond: 10, disconnectAfterDrops: 200, maxMessageBytes: 16 * 1024 },
    });
    match = await createMatch(h.server.url);
    const joined = await join(h.server.url, match.seats.japan.code as string, 'Aiko');
    japanCredentials = joined.credentials;
    japan = await connect(h, match.matchID, '1', joined.credentials);
    stateBefore = japan.state?._stateID ?? -1;
  });
  afterAll(async () => h?.close());

  const lobbyCases: [string, string, string, unknown, Record<string, string>, number, RegExp][] = [
    ['wrong type', 'POST', '/api/matches', { scenario: 42 }, {}, 400, /scenario/],
    ['missing field', 'POST', '/api/join', { code: 'ABCDEFGH' }, {}, 400, /name/],
    [
      'unknown field',
      'POST',
      '/api/join',
      { code: 'ABCDEFGH', name: 'x', admin: true },
      {},
      400,
      /admin|unrecognized/i,
    ],
    [
      'unknown scenario',
      'POST',
      '/api/matches',
      { scenario: 'napoleon-1812' },
      {},
      400,
      /unknown scenario "napoleon-1812"/,
    ],
    [
      'unknown seat in bots',
      'POST',
      '/api/matches',
      { scenario: 'abe-2013', bots: { mongolia: 'random' } },
      {},
      400,
      /mongolia/,
    ],
    [
      'unknown bot kind',
      'POST',
      '/api/matches',
      { scenario: 'abe-2013', bots: { japan: 'genius' } },
      {},
      400,
      /unknown bot kind "genius"/,
    ],
    ['unknown join code', 'POST', '/api/join', { code: 'ZZZZZZZZ', name: 'Mallory' }, {}, 404, /join code/],
    [
      'unknown match',
      'GET',
      '/api/matches/doesnotexist123/status',
      undefined,
      {},
      404,
      /no match "doesnotexist123"/,
    ],
    ['malformed match ID', 'GET', '/api/matches/..%2F..%2Fetc/status', undefined, {}, 400, /not a match ID/],
    ['unknown endpoint', 'GET', '/api/nothing-here', undefined, {}, 404, /no API endpoint/],
    ['wrong method', 'DELETE', '/api/join', undefined, {}, 405, /DELETE is not allowed/],
    ['not JSON', 'POST', '/api/join', '{"code": "AB', {}, 400, /not valid JSON/],
    ['empty body', 'POST', '/api/join', '', {}, 400, /empty/],
    [
      'not JSON content type',
      'POST',
      '/api/join',
      'code=AB',
      { 'content-type': 'text/plain' },
      415,
      /Content-Type/,
    ],
    [
      '__proto__ key',
      'POST',
      '/api/join',
      '{"code":"ABCDEFGH","name":"x","__proto__":{"admin":true}}',
      {},
      400,
      /"__proto__" is not allowed/,
    ],
    [
      'nested constructor key',
      'POST',
      '/api/matches',
      '{"scenario":"abe-2013","bots":{"constructor":"random"}}',
      {},
      400,
      /"constructor" is not allowed/,
    ],
    [
      'a name of control characters',
      'POST',
      '/api/join',
      { code: 'ABCDEFGH', name: '\u0000\u0007' },
      {},
      400,
      /name/,
    ],
    [
      'oversized body',
      'POST',
      '/api/join',
      { code: 'ABCDEFGH', name: 'x'.repeat(10_000) },
      {},
      413,
      /too large/,
    ],
    [
      'oversized create body',
      'POST',
      '/api/matches',
      { scenario: { pad: 'x'.repeat(600_000) } },
      {},
      413,
      /too large/,
    ],
    [
      'custom scenario that is invalid',
      'POST',
      '/api/matches',
      { scenario: { id: 'mine' } },
      {},
      400,
      /invalid scenario/,
    ],
    [
      'cross-origin request',
      'GET',
      '/api/scenarios',
      undefined,
      { origin: 'http://evil.example' },
      403,
      /cross-origin/,
    ],
  ];

  it.each(lobbyCases)('lobby: %s', async (_name, method, route, body, headers, status, message) => {
    const res = await api(h.server.url, method, route, body, headers);
    expect(res.status).toBe(status);
    expect(String((res.body as { error?: string }).error)).toMatch(message);
  });

  it('lobby: a wrong facilitator token, and a bad timer body', async () => {
    const wrong = await api(
      h.server.url,
      'POST',
      `/api/matches/${match.matchID}/advance`,
      undefined,
      bearer('x'.repeat(43)),
    );
    expect(wrong.status).toBe(403);
    const timer = await api(
      h.server.url,
      'POST',
      `/api/matches/${match.matchID}/timer`,
      { extendSeconds: -5 },
      bearer(match.facilitatorToken),
    );
    expect(timer.status).toBe(400);
    const tooLong = await api(
      h.server.url,
      'POST',
      `/api/matches/${match.matchID}/timer`,
      { extendSeconds: 1e9 },
      bearer(match.facilitatorToken),
    );
    expect(tooLong.status).toBe(400);
  });

  it('socket: a sync for an unknown match, bad arguments or wrong credentials is refused with a reason', async () => {
    const unknown = await connect(h, 'no-such-match-42', '0', 'x');
    expect(unknown.refused?.code).toBe('unknown-match');
    const badCreds = await connect(h, match.matchID, '0', japanCredentials);
    expect(badCreds.refused?.code).toBe('unauthorized');
    expect(badCreds.state).toBeNull();
    const badSeat = await connect(h, match.matchID, '9' as string, 'x');
    expect(badSeat.lastError?.code).toBe('bad-request');
  });

  it('socket: malformed moves, engine events, another seat’s moves and unknown moves are refused', async () => {
    // Malformed on purpose, so past the typed event maps: the socket as an untyped one.
    const raw = japan.socket as unknown as Socket;
    const ask = (...args: unknown[]) =>
      new Promise<{ ok: boolean; code?: string; message?: string }>((resolve) =>
        raw.emit('update', ...args, resolve),
      );
    const good = {
      type: 'MAKE_MOVE',
      payload: { type: 'ready', args: [], playerID: '1', credentials: japanCredentials },
    };
    const cases: unknown[][] = [
      [null, 0, match.matchID, '1'],
      ['ready', 0, match.matchID, '1'],
      [
        { ...good, type: 'GAME_EVENT', payload: { ...good.payload, type: 'endPhase' } },
        0,
        match.matchID,
        '1',
      ],
      [{ ...good, payload: { ...good.payload, type: 'teleport' } }, 0, match.matchID, '1'],
      [{ ...good, payload: { ...good.payload, args: [1, 2, 3] } }, 0, match.matchID, '1'],
      [
        JSON.parse(
          `{"type":"MAKE_MOVE","payload":${JSON.stringify(good.payload).slice(0, -1)},"__proto__":{"admin":true}}}`,
        ),
        0,
        match.matchID,
        '1',
      ],
      [
        JSON.parse(
          `{"type":"MAKE_MOVE","payload":${JSON.stringify(good.payload)},"constructor":{"prototype":{}}}`,
        ),
        0,
        match.matchID,
        '1',
      ],
      [good, 'zero', match.matchID, '1'],
      [good, 0, { $ne: null }, '1'],
    ];
    for (const args of cases) expect(await ask(...args)).toMatchObject({ ok: false, code: 'bad-request' });
    // A known move with an argument that does not fit its schema is refused at the door, naming the field.
    const badArgs: [unknown, RegExp][] = [
      [{ ...good.payload, type: 'ready', args: [{ now: true }] }, /args\.0: ready: Unrecognized key/],
      [
        { ...good.payload, type: 'propose', args: [{ to: 'mars', kind: 'summit' }] },
        /args\.0\.to: propose: /,
      ],
      [{ ...good.payload, type: 'respond', args: [null] }, /args\.0: respond: /],
      [
        { ...good.payload, type: 'commitOrders', args: [{ orders: 'all' }] },
        /args\.0\.orders: commitOrders: /,
      ],
    ];
    for (const [payload, message] of badArgs) {
      const answer = await ask({ type: 'MAKE_MOVE', payload }, 0, match.matchID, '1');
      expect(answer).toMatchObject({ ok: false, code: 'bad-request' });
      expect(answer.message).toMatch(message);
    }
    // Acting for another seat: the socket synced as Japan.
    const asRussia = { ...good, payload: { ...good.payload, playerID: '0' } };
    expect(await ask(asRussia, 0, match.matchID, '0')).toMatchObject({ ok: false, code: 'not-synced' });
    // Japan's socket with wrong credentials.
    const forged = { ...good, payload: { ...good.payload, credentials: 'forged' } };
    expect(await ask(forged, japan.state?._stateID, match.matchID, '1')).toMatchObject({
      ok: false,
      code: 'unauthorized',
    });
    // A seat trying a facilitator move is refused by the rules.
    expect(await japan.move('endMatch')).toMatchObject({ ok: false, code: 'refused' });
  });

  it('socket: a spectator cannot move', async () => {
    const spectator = await connect(h, match.matchID, null);
    const answer = await new Promise<{ ok: boolean; code?: string }>((resolve) =>
      spectator.socket.emit(
        'update',
        {
          type: 'MAKE_MOVE',
          payload: { type: 'ready', args: [], playerID: '1', credentials: japanCredentials },
        },
        0,
        match.matchID,
        '1',
        resolve,
      ),
    );
    expect(answer).toMatchObject({ ok: false, code: 'not-synced' });
  });

  it('socket: an oversized message closes that connection only', async () => {
    const big = io(`${h.server.url}/oil-and-water`, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => big.on('connect', () => resolve()));
    const closed = new Promise<string>((resolve) => big.on('disconnect', (reason) => resolve(reason)));
    big.emit('sync', match.matchID, null, 'x'.repeat(100_000));
    expect(await closed).toMatch(/transport/);
    big.close();
  });

  it('socket: a flood is dropped and reported, then the socket is cut off', async () => {
    const flood = io(`${h.server.url}/oil-and-water`, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => flood.on('connect', () => resolve()));
    const errors: string[] = [];
    flood.on('oaw:error', (e: { code: string }) => errors.push(e.code));
    const cut = new Promise<void>((resolve) => flood.on('disconnect', () => resolve()));
    for (let i = 0; i < 400; i++)
      flood.emit('chat', match.matchID, { id: 'x', sender: '1', payload: 'spam' });
    await cut;
    expect(errors).toContain('flood');
    flood.close();
  });

  it('lobby: a flood of requests gets 429s with a message, and the server answers again afterwards', async () => {
    const results = await Promise.all(
      Array.from({ length: 150 }, () => api(h.server.url, 'GET', '/api/health')),
    );
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(String((limited[0].body as { error: string }).error)).toMatch(/too many requests/);
    // The bucket is empty: 20 ms refill 0.6 of a request at 30 a second, 40 ms more than one.
    clock.advance(20);
    expect((await api(h.server.url, 'GET', '/api/health')).status).toBe(429);
    clock.advance(20);
    expect((await api(h.server.url, 'GET', '/api/health')).status).toBe(200);
    expect((await api(h.server.url, 'GET', '/api/health')).status).toBe(429);
    // A full bucket again for the checks that follow.
    clock.advance(2000);
  });

  it('after all of it the server is up and the match is exactly where it was', async () => {
    const status = await api<{ phase: string; round: number }>(
      h.server.url,
      'GET',
      `/api/matches/${match.matchID}/status`,
    );
    expect(status.status).toBe(200);
    expect(status.body.phase).toBe('briefing');
    const fresh = await connect(h, match.matchID, '1', japanCredentials);
    expect(fresh.state?._stateID).toBe(stateBefore);
    expect(fresh.state?.G.ready.japan).toBe(false);
    expect((await fresh.move('ready')).ok).toBe(true);
  });
});
