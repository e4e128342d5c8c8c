// Protects secrecy: a seat's view holds only its own agenda, orders, bot reasons, proposals and private messages;
// a spectator sees public information only; the facilitator sees all but the PRNG; nothing secret is in setup.
import { describe, expect, test } from 'vitest';
import { OilAndWater } from '../src/game/game';
import { FACILITATOR_ID, SEATS, perSeat, type Seat, playerIDOf } from '../src/game/vocabulary';
import type { GameState } from '../src/game/state';
import { viewFor } from '../src/game/view';
import { builtinScenario } from '../src/scenario/builtin';
import { MatchDriver } from '../src/match/match';

const scenario = builtinScenario('abe-2013');
const id = playerIDOf;

/** A match in its first Policy phase with secrets of every kind in play. */
function midMatch(): MatchDriver {
  const d = new MatchDriver({ scenario, seed: 'secrets' });
  expect(SEATS.every((s) => d.G.agendas[s] === null)).toBe(true);
  for (const s of SEATS) d.move(id(s), 'ready');
  expect(
    d.move(id('japan'), 'sendMessage', [{ to: 'russia', text: 'Quietly: we could talk about two islands.' }]),
  ).toBe(true);
  expect(
    d.move(id('china'), 'propose', [
      { to: 'us', kind: 'sanctions-coordination', reason: { code: 'coordinates-sanctions' } },
    ]),
  ).toBe(true);
  expect(
    d.move(id('us'), 'propose', [
      { to: 'japan', kind: 'alliance-reassurance', reason: { code: 'reassures-ally' } },
    ]),
  ).toBe(true);
  expect(
    d.move(id('japan'), 'respond', [
      { id: d.G.proposals[1].id, accept: true, reason: { code: 'alliance-first' } },
    ]),
  ).toBe(true);
  expect(d.move(id('rok'), 'makeStatement', [{ text: 'Seoul welcomes dialogue.' }])).toBe(true);
  for (const s of SEATS) d.move(id(s), 'ready');
  expect(
    d.move(id('japan'), 'commitOrders', [
      { orders: [{ action: 'follow-us-line', reason: { code: 'follows-us-line' } }] },
    ]),
  ).toBe(true);
  expect(d.phase).toBe('policy');
  return d;
}

function secretsOf(G: GameState, seat: Seat) {
  return {
    agenda: G.agendas[seat],
    orders: G.orders[seat],
    privateMessages: G.messages.filter((m) => m.to !== 'all' && (m.from === seat || m.to === seat)),
    openProposals: G.proposals.filter((p) => p.status !== 'accepted' && (p.from === seat || p.to === seat)),
  };
}

describe('seat views', () => {
  const d = midMatch();
  const master = d.G;

  test('the master state holds the secrets the views must hide', () => {
    expect(SEATS.every((s) => master.agendas[s] !== null)).toBe(true);
    expect(master.rng).not.toBeNull();
    expect(master.orders.japan?.[0].reason).toEqual({ code: 'follows-us-line' });
    expect(master.messages.some((m) => m.to === 'russia')).toBe(true);
  });

  test.each(SEATS)('%s sees its own secrets and no one else’s', (seat) => {
    const view: GameState = OilAndWater.playerView!({ G: master, ctx: d.state.ctx, playerID: id(seat) });
    expect(view.rng).toBeNull();
    expect(view.seed).toBeNull();
    expect(view.agendas[seat]).toEqual(master.agendas[seat]);
    expect(view.orders[seat]).toEqual(master.orders[seat]);
    for (const other of SEATS.filter((s) => s !== seat)) {
      expect(view.agendas[other]).toBeNull();
      expect(view.orders[other]).toBeNull();
    }
    for (const m of view.messages) expect(m.to === 'all' || m.from === seat || m.to === seat).toBe(true);
    for (const p of view.proposals)
      expect(p.status === 'accepted' || p.from === seat || p.to === seat).toBe(true);
    for (const p of view.proposals) if (p.from !== seat) expect(p.reason).toBeUndefined();
    for (const p of view.proposals) if (p.to !== seat) expect(p.answerReason).toBeUndefined();
    if (seat === 'japan')
      expect(view.proposals.some((p) => p.answerReason?.code === 'alliance-first')).toBe(true);
    expect(view.messages).toEqual(expect.arrayContaining(secretsOf(master, seat).privateMessages));
    expect(view.proposals).toEqual(
      expect.arrayContaining(
        secretsOf(master, seat).openProposals.map((p) => expect.objectContaining({ id: p.id })),
      ),
    );
    expect(view.messages.some((m) => m.to === 'all' && m.from === 'rok')).toBe(true);
  });

  test('a spectator sees public information only', () => {
    const view: GameState = OilAndWater.playerView!({ G: master, ctx: d.state.ctx, playerID: null });
    expect(view.rng).toBeNull();
    expect(SEATS.every((s) => view.agendas[s] === null && view.orders[s] === null)).toBe(true);
    expect(view.messages.every((m) => m.to === 'all')).toBe(true);
    expect(view.proposals.every((p) => p.status === 'accepted')).toBe(true);
  });

  test('the facilitator sees every secret but the PRNG', () => {
    const view: GameState = OilAndWater.playerView!({
      G: master,
      ctx: d.state.ctx,
      playerID: FACILITATOR_ID,
    });
    expect(view.rng).toBeNull();
    expect(view.agendas).toEqual(master.agendas);
    expect(view.orders).toEqual(master.orders);
    expect(view.messages).toEqual(master.messages);
    expect(view.proposals).toEqual(master.proposals);
  });
});

describe('after the reveal and after the match', () => {
  test('revealed orders carry reasons only in their own seat’s view until the match ends', () => {
    const d = midMatch();
    for (const s of SEATS) if (s !== 'japan') d.move(id(s), 'commitOrders', [{ orders: [] }]);
    expect(d.G.revealed).toHaveLength(1);
    expect(viewFor(d.G, 'japan').revealed[0].orders.japan[0].reason).toEqual({ code: 'follows-us-line' });
    expect(viewFor(d.G, 'russia').revealed[0].orders.japan[0]).toEqual({ action: 'follow-us-line' });
    d.move(FACILITATOR_ID, 'endMatch');
    expect(d.over).toBe(true);
    const after = viewFor(d.G, 'russia');
    expect(after.revealed[0].orders.japan[0].reason).toEqual({ code: 'follows-us-line' });
    expect(after.agendas.japan).toEqual(d.G.agendas.japan);
    expect(after.rng).toBeNull();
  });

  test('setup holds no agenda (boardgame.io sends the initial state unfiltered)', () => {
    const d = new MatchDriver({ scenario, seed: 'setup' });
    expect(SEATS.every((s) => d.G.agendas[s] === null)).toBe(true);
    expect(d.G.orders).toEqual(perSeat(() => null));
  });
});
