// Protects seat secrets on the wire: no sync or update ever gives a seat the PRNG, the seed or another seat's secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry, State } from 'boardgame.io';
import { SEATS, type Seat } from '../../src/game/vocabulary';
import type { GameState } from '../../src/game/state';
import type { MoveName } from '../../src/game/args';
import { agendaOptions, legalProposals, nextOrderChoices } from '../../src/game/legal';
import type { MatchSocket } from '../../src/protocol/match-socket';
import {
  type CreatedMatch,
  type Harness,
  connect,
  createMatch,
  facilitatorSocket,
  join,
  seatEveryone,
  startHarness,
} from './helpers';

const SEED = 'seed-never-on-the-wire-7f3a';

/** Every game state and log a socket received, from the raw events (sync, its initial state, updates). */
function recordWire(socket: MatchSocket) {
  const states: State<GameState>[] = [];
  const logs: LogEntry[][] = [];
  const raw: string[] = [];
  socket.socket.onAny((event: string, ...args: unknown[]) => {
    raw.push(JSON.stringify(args));
    if (event === 'sync') {
      const info = args[1] as { state: State<GameState>; initialState?: State<GameState>; log: LogEntry[] };
      states.push(info.state);
      if (info.initialState) states.push(info.initialState);
      logs.push(info.log);
    }
    if (event === 'update') {
      states.push(args[1] as State<GameState>);
      logs.push(args[2] as LogEntry[]);
    }
  });
  return { states, logs, raw };
}

/** Every secret of other seats that a state could carry, for `seat` (null: a spectator). */
function leaks(G: GameState, seat: Seat | null): string[] {
  const found: string[] = [];
  if (G.rng !== null) found.push('the PRNG state');
  if (G.seed !== null) found.push('the seed');
  for (const other of SEATS) {
    if (other === seat) continue;
    if (G.agendas[other] !== null) found.push(`${other}'s agenda`);
    if (G.orders[other] !== null) found.push(`${other}'s orders`);
  }
  for (const p of G.proposals) {
    if (p.status !== 'accepted' && p.from !== seat && p.to !== seat)
      found.push(`proposal ${p.id} between ${p.from} and ${p.to}`);
  }
  for (const m of G.messages) {
    if (m.to !== 'all' && m.from !== seat && m.to !== seat)
      found.push(`message ${m.id} from ${m.from} to ${m.to}`);
  }
  return found;
}

describe('what a seat and a spectator receive', () => {
  let h: Harness;
  let match: CreatedMatch;
  let seats: Record<Seat, MatchSocket>;
  let japanWire: ReturnType<typeof recordWire>;
  let spectatorWire: ReturnType<typeof recordWire>;

  beforeAll(async () => {
    h = await startHarness();
    match = await createMatch(h.server.url, { seed: SEED });
    seats = (await seatEveryone(h, match)) as Record<Seat, MatchSocket>;
    // A second Japanese student connects later: their sync carries the match so far, and its initial state.
    const spectator = await connect(h, match.matchID, null);
    spectatorWire = recordWire(spectator);
    japanWire = recordWire(seats.japan);
    await facilitatorSocket(h, match);

    const all = async (move: MoveName, arg?: (seat: Seat) => unknown) => {
      for (const seat of SEATS) {
        const answer = await seats[seat].move(move, arg?.(seat));
        expect(answer.ok, `${seat} ${move}: ${JSON.stringify(answer)}`).toBe(true);
      }
    };
    await all('ready');
    await seats.russia.until((s) => s.state?.ctx.phase === 'diplomacy', 5000, 'diplomacy');
    const view = seats.russia.state?.G as GameState;
    const proposal = legalProposals(view, 'russia').find((p) => p.to === 'china');
    expect(proposal).toBeDefined();
    expect((await seats.russia.move('propose', proposal)).ok).toBe(true);
    expect(
      (await seats.russia.move('sendMessage', { to: 'china', text: 'A secret between Moscow and Beijing' }))
        .ok,
    ).toBe(true);
    expect(
      (await seats.us.move('sendMessage', { to: 'rok', text: 'Washington to Seoul, privately' })).ok,
    ).toBe(true);
    // Russia takes another agenda than the one dealt: its pick must reach no other seat, in the state or the log.
    const pick = agendaOptions(view, 'russia').find((a) => a.id !== view.agendas.russia?.id);
    expect((await seats.russia.move('chooseAgenda', { id: pick?.id })).ok).toBe(true);
    await all('ready');
    await seats.china.until((s) => s.state?.ctx.phase === 'policy', 5000, 'policy');
    // China commits real orders while Japan still deliberates: Japan sees updates with China's orders hidden.
    const chinaView = seats.china.state?.G as GameState;
    const order = nextOrderChoices(chinaView, 'china', [])[0];
    expect((await seats.china.move('commitOrders', { orders: order ? [order] : [] })).ok).toBe(true);
    for (const seat of SEATS)
      if (seat !== 'china') expect((await seats[seat].move('commitOrders', { orders: [] })).ok).toBe(true);
    await seats.japan.until((s) => s.state?.G.round === 2, 5000, 'round 2');

    const late = await join(h.server.url, match.seats.japan.code as string, 'late-student');
    const second = await connect(h, match.matchID, '1', late.credentials);
    const secondWire = recordWire(second);
    second.socket.disconnect();
    second.socket.connect();
    // The reconnection syncs again; its sync is what this student's wire adds.
    await second.until(() => secondWire.states.length > 0, 5000, 'the resync');
    japanWire.states.push(...secondWire.states);
    japanWire.logs.push(...secondWire.logs);
    japanWire.raw.push(...secondWire.raw);
  });
  afterAll(async () => h?.close());

  it('received syncs, initial states and updates to check', () => {
    expect(japanWire.states.length).toBeGreaterThan(10);
    // A sync carries no initial state at all (src/server/filter.ts): nothing unfiltered can ride along with it.
    expect(japanWire.raw.some((r) => r.includes('"initialState"'))).toBe(false);
    expect(spectatorWire.states.length).toBeGreaterThan(10);
  });

  it('never gives a seat the PRNG, the seed, or another seat’s agenda, orders, proposals or private messages', () => {
    for (const state of japanWire.states) expect(leaks(state.G, 'japan')).toEqual([]);
    for (const text of japanWire.raw) {
      expect(text).not.toContain(SEED);
      expect(text).not.toContain('A secret between Moscow and Beijing');
      expect(text).not.toContain('Washington to Seoul');
      expect(text).not.toContain('prngstate');
    }
  });

  it('gives a spectator public information only', () => {
    for (const state of spectatorWire.states) expect(leaks(state.G, null)).toEqual([]);
    for (const text of spectatorWire.raw) {
      expect(text).not.toContain(SEED);
      expect(text).not.toContain('A secret between');
    }
  });

  it('redacts other seats’ secret move arguments in the log', () => {
    const entries = japanWire.logs.flat().filter((e) => e.action.type === 'MAKE_MOVE');
    const secretMoves = ['propose', 'sendMessage', 'commitOrders', 'respond', 'withdraw', 'chooseAgenda'];
    const others = entries.filter(
      (e) => e.action.payload.playerID !== '1' && secretMoves.includes(e.action.payload.type),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const e of others) expect(e.action.payload.args).toBeNull();
    expect(others.some((e) => e.action.payload.type === 'chooseAgenda')).toBe(true);
  });

  it('holds the secrets on the facilitator’s own sockets (the view is not simply empty)', async () => {
    const teacher = await facilitatorSocket(h, match);
    const G = teacher.state?.G as GameState;
    expect(G.messages.some((m) => m.text === 'A secret between Moscow and Beijing')).toBe(true);
    expect(G.rng).toBeNull();
  });
});
