// Protects the classroom server's core path: six students on real sockets play a whole round; private stays private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEATS, type Seat } from '../../src/game/vocabulary';
import type { MatchSocket } from '../../src/protocol/match-socket';
import { type CreatedMatch, type Harness, connect, createMatch, seatEveryone, startHarness } from './helpers';

describe('a full round with six seats over sockets', () => {
  let h: Harness;
  let match: CreatedMatch;
  let seats: Record<Seat, MatchSocket>;
  let spectator: MatchSocket;

  beforeAll(async () => {
    h = await startHarness();
    match = await createMatch(h.server.url);
    seats = (await seatEveryone(h, match)) as Record<Seat, MatchSocket>;
    spectator = await connect(h, match.matchID, null);
  });
  afterAll(async () => h?.close());

  it('syncs every seat to the opening briefing', () => {
    for (const seat of SEATS) {
      expect(seats[seat].state?.ctx.phase).toBe('briefing');
      expect(seats[seat].refused).toBeNull();
    }
    expect(spectator.state?.ctx.phase).toBe('briefing');
  });

  it('plays briefing, diplomacy with a private message, and policy into the next year', async () => {
    for (const seat of SEATS) expect((await seats[seat].move('ready')).ok).toBe(true);
    await seats.japan.until((s) => s.state?.ctx.phase === 'diplomacy', 10_000, 'diplomacy');
    const year = seats.japan.state?.G.year;

    const sent = await seats.japan.move('sendMessage', {
      to: 'russia',
      text: 'Shall we talk about the islands?',
    });
    expect(sent.ok).toBe(true);
    expect((await seats.china.move('makeStatement', { text: 'China watches closely.' })).ok).toBe(true);
    await seats.russia.until(
      (s) => (s.state?.G.messages ?? []).some((m) => m.from === 'japan'),
      5000,
      'the message',
    );
    await seats.us.until(
      (s) => (s.state?.G.messages ?? []).some((m) => m.from === 'china'),
      5000,
      'the statement',
    );
    await spectator.until(
      (s) => (s.state?.G.messages ?? []).some((m) => m.from === 'china'),
      5000,
      'the statement',
    );

    const privateFor = (s: MatchSocket) => (s.state?.G.messages ?? []).filter((m) => m.from === 'japan');
    expect(privateFor(seats.russia).map((m) => m.text)).toEqual(['Shall we talk about the islands?']);
    expect(privateFor(seats.japan)).toHaveLength(1);
    for (const other of ['china', 'us', 'rok', 'dprk'] as const) {
      expect(privateFor(seats[other])).toHaveLength(0);
      expect(JSON.stringify(seats[other].state)).not.toContain('Shall we talk');
    }
    expect(JSON.stringify(spectator.state)).not.toContain('Shall we talk');
    expect((spectator.state?.G.messages ?? []).map((m) => m.text)).toContain('China watches closely.');

    for (const seat of SEATS) expect((await seats[seat].move('ready')).ok).toBe(true);
    await seats.us.until((s) => s.state?.ctx.phase === 'policy', 10_000, 'policy');
    for (const seat of SEATS) expect((await seats[seat].move('commitOrders', { orders: [] })).ok).toBe(true);
    await seats.rok.until(
      (s) => s.state?.ctx.phase === 'diplomacy' && s.state.G.year === (year ?? 0) + 1,
      10_000,
      'next year',
    );
    expect(seats.rok.state?.G.history.length).toBe(1);
    expect(seats.rok.state?.G.round).toBe(2);
  });

  it('refuses a move the rules refuse, and says so', async () => {
    const answer = await seats.japan.move('respond', { id: 'p999', accept: true });
    expect(answer).toMatchObject({ ok: false, code: 'refused' });
  });

  it('keeps every client on the same state', async () => {
    const ids = SEATS.map((s) => seats[s].state?._stateID);
    await spectator.until(
      (s) => s.state?._stateID === Math.max(...(ids as number[])),
      5000,
      'the spectator to catch up',
    );
    expect(new Set(SEATS.map((s) => seats[s].state?.G.round))).toEqual(new Set([2]));
  });
});
