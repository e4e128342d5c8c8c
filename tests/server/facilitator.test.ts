// Protects the facilitator's controls over a live match: pause gate, timers run by the server, inject, advance, end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEATS, type Seat } from '../../src/game/vocabulary';
import type { MatchSocket } from '../../src/protocol/match-socket';
import {
  type CreatedMatch,
  type Harness,
  ManualClock,
  api,
  bearer,
  createMatch,
  facilitatorSocket,
  seatEveryone,
  startHarness,
} from './helpers';
import { scenarioOf } from '../../src/game/scenario-registry';

describe('facilitator console controls', () => {
  let h: Harness;
  let match: CreatedMatch;
  let seats: Record<Seat, MatchSocket>;
  let teacher: MatchSocket;
  // Phase timers run on this clock: the tests advance it rather than wait for real seconds.
  const clock = new ManualClock();
  const post = (route: string, body?: unknown, token = match.facilitatorToken) =>
    api(h.server.url, 'POST', `/api/matches/${match.matchID}${route}`, body, bearer(token));

  beforeAll(async () => {
    h = await startHarness({ clock });
    match = await createMatch(h.server.url, {
      startPaused: true,
      phaseSeconds: { briefing: 0, diplomacy: 0, policy: 1 },
    });
    seats = (await seatEveryone(h, match)) as Record<Seat, MatchSocket>;
    teacher = await facilitatorSocket(h, match);
  });
  afterAll(async () => h?.close());

  it('starts paused: seat moves are refused with a clear error until the facilitator resumes', async () => {
    const refused = await seats.japan.move('ready');
    expect(refused).toMatchObject({ ok: false, code: 'paused' });
    expect(seats.japan.lastError?.message).toMatch(/paused/);
    expect(seats.japan.state?.G.ready.japan).toBe(false);

    expect((await post('/resume')).status).toBe(200);
    expect((await seats.japan.move('ready')).ok).toBe(true);
    await teacher.until((s) => s.status?.paused === false, 5000, 'the resumed status');
  });

  it('sees every seat’s secrets on the facilitator socket, but not the PRNG', async () => {
    for (const seat of SEATS) if (seat !== 'japan') expect((await seats[seat].move('ready')).ok).toBe(true);
    await teacher.until((s) => s.state?.ctx.phase === 'diplomacy', 5000, 'diplomacy');
    const G = teacher.state?.G;
    expect(G?.rng).toBeNull();
    for (const seat of SEATS) expect(G?.agendas[seat]).not.toBeNull();
    expect(seats.japan.state?.G.agendas.russia).toBeNull();
  });

  it('injects an event from the era’s deck into the news, and refuses one that is not in it', async () => {
    const deck = teacher.state ? scenarioOf(teacher.state.G).wildcards.deck : [];
    const drawn = new Set(teacher.state?.G.drawn ?? []);
    const card = deck.find((c) => !drawn.has(c.id));
    expect(card).toBeDefined();
    const before = teacher.state?.G.news.length ?? 0;
    const res = await post('/inject', { id: card?.id });
    expect(res.status).toBe(200);
    await seats.china.until(
      (s) => (s.state?.G.news ?? []).some((n) => n.eventId === card?.id),
      5000,
      'the injected news',
    );
    expect(seats.china.state?.G.news.length).toBeGreaterThan(before);

    const unknown = await post('/inject', { id: 'no-such-card' });
    expect(unknown.status).toBe(400);
    expect(String(unknown.body.error)).toMatch(/not in this era's deck/);
  });

  it('advances idle seats, and the advance is a logged facilitator move', async () => {
    const res = await post('/advance');
    expect(res.status).toBe(200);
    await seats.russia.until((s) => s.state?.ctx.phase === 'policy', 5000, 'policy');
  });

  it('enforces the phase timer on the server: an expired policy timer advances the match', async () => {
    const year = seats.russia.state?.G.year ?? 0;
    await seats.russia.until((s) => s.status?.timer?.deadline != null, 5000, 'the policy timer');
    expect(seats.russia.status?.timer?.deadline).toBe(clock.now() + 1000);
    // Nobody commits orders: one millisecond short of the 1-second policy limit the phase still runs ...
    clock.advance(999);
    expect(h.server.runtime.status(match.matchID)).toMatchObject({
      phase: 'policy',
      timer: { deadline: clock.now() + 1 },
    });
    // ... then the limit runs out and the server advances.
    clock.advance(1);
    await seats.russia.until(
      (s) => s.state?.ctx.phase === 'diplomacy' && s.state.G.year === year + 1,
      10_000,
      'the timer',
    );
    expect(seats.russia.state?.G.orders.russia ?? []).toEqual([]);
  });

  it('extends a timer, and a paused timer keeps its remaining time', async () => {
    const extended = await post('/timer', { extendSeconds: 120 });
    expect(extended.status).toBe(200);
    const status = extended.body.status as { timer: { deadline: number | null; remainingMs: number | null } };
    expect(status.timer.deadline).not.toBeNull();
    expect(status.timer.deadline).toBe(clock.now() + 120_000);

    const paused = await post('/pause');
    const pausedTimer = (paused.body.status as typeof status).timer;
    expect(pausedTimer.deadline).toBeNull();
    expect(pausedTimer.remainingMs).toBe(120_000);
    expect(await seats.dprk.move('makeStatement', { text: 'We object.' })).toMatchObject({
      ok: false,
      code: 'paused',
    });
    // The facilitator still acts while the class is paused.
    const skipped = await post('/timer', { skip: true });
    expect(skipped.status).toBe(200);
    await seats.dprk.until((s) => s.state?.ctx.phase === 'policy', 5000, 'the skipped phase');
    expect((await post('/resume')).status).toBe(200);
  });

  it('refuses controls without the token or with a wrong one', async () => {
    const none = await api(h.server.url, 'POST', `/api/matches/${match.matchID}/pause`);
    expect(none.status).toBe(401);
    const wrong = await post('/pause', undefined, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect(String(wrong.body.error)).toMatch(/wrong facilitator token/);
    const seatTries = await seats.japan.move('advance');
    expect(seatTries.ok).toBe(false);
    expect(teacher.status?.paused).toBe(false);
  });

  it('ends the match; the replay is then public and re-plays to the same final state', async () => {
    const early = await api(h.server.url, 'GET', `/api/matches/${match.matchID}/replay`);
    expect(early.status).toBe(401);
    expect((await post('/end')).status).toBe(200);
    await seats.japan.until((s) => s.state?.ctx.gameover !== undefined, 5000, 'the end');
    // Once over, every secret is open to every seat, as the rules' views say.
    expect(seats.japan.state?.G.agendas.russia).not.toBeNull();
    const replay = await api<{ actions: [string, string, unknown[]][]; finished: boolean }>(
      h.server.url,
      'GET',
      `/api/matches/${match.matchID}/replay`,
    );
    expect(replay.status).toBe(200);
    expect(replay.body.finished).toBe(true);
    const moves = replay.body.actions.map(([p, m]) => `${p}:${m}`);
    expect(moves).toContain('6:inject');
    expect(moves).toContain('6:advance');
    expect(moves).toContain('6:endMatch');
    const { parseReplayText, verifyReplay } = await import('../../src/match/replay');
    const parsed = parseReplayText(JSON.stringify(replay.body));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(verifyReplay(parsed.replay)).toMatchObject({ ok: true });
  });
});
