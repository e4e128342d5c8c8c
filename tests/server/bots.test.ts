// Protects server-side bots: bot seats and vacant human seats are played by the server, through the move path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSocket } from '../../src/protocol/match-socket';
import {
  type CreatedMatch,
  type Harness,
  ManualClock,
  connect,
  createMatch,
  join,
  startHarness,
} from './helpers';

describe('server-side bots', () => {
  let h: Harness;
  let match: CreatedMatch;
  let japan: MatchSocket;

  // The runtime's timers run on a manual clock that stands still until Japan's student is connected, so the empty
  // seat's grace delay can never pass while joining and connecting are slow under load; then it runs fast (25 ms
  // every 5 ms), so each phase's grace delay passes within a few real milliseconds.
  const clock = new ManualClock();
  let tick: ReturnType<typeof setInterval> | undefined;

  beforeAll(async () => {
    h = await startHarness({ clock, runtime: { botDelayMs: 0, vacantDelayMs: 300 } });
    // Four bot seats; Russia is a human seat nobody joins (a stand-in bot plays it after the grace delay).
    match = await createMatch(h.server.url, {
      bots: { china: 'random', us: 'random', rok: 'random', dprk: 'random' },
    });
    const joined = await join(h.server.url, match.seats.japan.code as string, 'Aiko');
    japan = await connect(h, match.matchID, '1', joined.credentials);
    tick = setInterval(() => clock.advance(25), 5);
  });
  afterAll(async () => {
    clearInterval(tick);
    await h?.close();
  });

  it('bot seats and the vacant seat finish each phase; the match waits only for the student', async () => {
    await japan.until(
      (s) => ['china', 'us', 'rok', 'dprk', 'russia'].every((x) => s.state?.G.ready[x as 'china']),
      10_000,
      'the bots',
    );
    expect(japan.state?.ctx.phase).toBe('briefing');
    expect(japan.state?.G.ready.japan).toBe(false);
    expect((await japan.move('ready')).ok).toBe(true);
    await japan.until((s) => s.state?.ctx.phase === 'diplomacy', 10_000, 'diplomacy');
    expect((await japan.move('ready')).ok).toBe(true);
    await japan.until((s) => s.state?.ctx.phase === 'policy', 10_000, 'policy');
    expect((await japan.move('commitOrders', { orders: [] })).ok).toBe(true);
    await japan.until((s) => s.state?.G.round === 2, 10_000, 'round 2');
    // The bots' orders were revealed at resolution and recorded as their moves.
    const revealed = japan.state?.G.revealed.at(-1);
    expect(revealed?.round).toBe(1);
    expect(japan.status?.seats.russia.botPlaying).toBe(true);
    expect(japan.status?.seats.japan.botPlaying).toBe(false);
  });

  it('a student who joins the vacant seat takes it over from the bot', async () => {
    const joined = await join(h.server.url, match.seats.russia.code as string, 'Boris');
    const russia = await connect(h, match.matchID, '0', joined.credentials);
    await russia.until((s) => s.status?.seats.russia.botPlaying === false, 5000, 'the takeover');
    expect(russia.status?.seats.russia.names).toEqual(['Boris']);
  });
});
