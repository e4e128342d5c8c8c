// Protects correctness under real traffic: a committed move is always broadcast (even when a refused or stale move
// of the same match is handled in the same tick), a clock timer never ends a phase nobody has seen, a client that
// fell behind catches up by itself, and a phase timer longer than Node's ~24.8-day limit does not fire at once.
import { afterEach, describe, expect, it } from 'vitest';
import { GAME_NAME } from '../../src/game/game';
import { SEATS } from '../../src/game/vocabulary';
import { MatchDriver } from '../../src/match/match';
import type { MatchState } from '../../src/protocol/match-socket';
import type { ClockTimer } from '../../src/server/clock';
import {
  type Harness,
  ManualClock,
  connect,
  createMatch,
  facilitatorSocket,
  join,
  seatEveryone,
  startHarness,
} from './helpers';

/**
 * A bare engine.io long-polling client: one POST body may carry several socket.io packets, which the server decodes
 * and handles in the same tick, which is what a double click or a bot and a student together can produce.
 */
class PollingClient {
  private sid = '';
  private readonly ns = `/${GAME_NAME}`;

  constructor(private readonly base: string) {}

  private url(): string {
    return `${this.base}/socket.io/?EIO=4&transport=polling${this.sid ? `&sid=${this.sid}` : ''}`;
  }

  async open(): Promise<void> {
    const hello = await (await fetch(this.url())).text();
    this.sid = (JSON.parse(hello.slice(1)) as { sid: string }).sid;
    await this.post([`40${this.ns},`]);
    await this.read(); // the namespace's connect answer
  }

  /** Sends every packet in ONE request body (engine.io joins them with the record separator). */
  async post(packets: string[]): Promise<void> {
    const res = await fetch(this.url(), {
      method: 'POST',
      body: packets.join('\x1e'),
      headers: { 'content-type': 'text/plain' },
    });
    if (!res.ok) throw new Error(`engine.io POST: ${res.status} ${await res.text()}`);
  }

  /** One long-poll read: the packets the server had queued. */
  async read(): Promise<string[]> {
    return (await (await fetch(this.url())).text()).split('\x1e');
  }

  event(name: string, ...args: unknown[]): string {
    return `42${this.ns},${JSON.stringify([name, ...args])}`;
  }

  async close(): Promise<void> {
    await this.post(['1']).catch(() => undefined);
  }
}

/** A manual clock whose timers misbehave like Node's: a wait over 2^31-1 ms fires at once. */
class NodeLikeClock extends ManualClock {
  override setTimeout(callback: () => void, ms: number): ClockTimer {
    return super.setTimeout(callback, ms > 2 ** 31 - 1 ? 1 : ms);
  }
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('correctness under real traffic', () => {
  it('a move committed in the same tick as a stale one is broadcast to every client and the match goes on', async () => {
    h = await startHarness({ runtime: { botDelayMs: 0, vacantDelayMs: 3_600_000 } });
    const bots = Object.fromEntries(SEATS.filter((s) => s !== 'japan').map((s) => [s, 'random']));
    const match = await createMatch(h.server.url, {
      bots,
      phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 },
    });
    const joined = await join(h.server.url, match.seats.japan.code as string, 'Aiko');
    // Two ordinary clients watch: the Japan seat on a second tab, and the facilitator.
    const japanTab = await connect(h, match.matchID, '1', joined.credentials);
    const teacher = await facilitatorSocket(h, match);
    await japanTab.until(
      (s) => SEATS.every((x) => x === 'japan' || s.state?.G.ready[x]),
      10_000,
      'the bots to be ready',
    );
    const before = japanTab.state as MatchState;
    expect(before.ctx.phase).toBe('briefing');

    const raw = new PollingClient(h.server.url);
    await raw.open();
    await raw.post([raw.event('sync', match.matchID, '1', joined.credentials, SEATS.length)]);
    await raw.read();
    // A double-clicked Ready in one write: the first ends the briefing, the second is one phase behind.
    const ready = {
      type: 'MAKE_MOVE',
      payload: { type: 'ready', args: [], playerID: '1', credentials: joined.credentials },
    };
    const update = raw.event('update', ready, before._stateID, match.matchID, '1');
    await raw.post([update, update]);

    for (const client of [japanTab, teacher]) {
      await client.until((s) => (s.state?._stateID ?? 0) > before._stateID, 10_000, 'the committed Ready');
    }
    // Every client received the very state that was stored (not only a later one, nor a resync).
    const first = h.server.storage.fetchNow(match.matchID, { state: true }).state as MatchState;
    expect(first.ctx.phase).toBe('diplomacy');
    // The match continues: the bots act in the new phase and the student's next move goes through.
    await japanTab.until(
      (s) => SEATS.every((x) => x === 'japan' || s.state?.G.ready[x]) && s.state?.ctx.phase === 'diplomacy',
      10_000,
      'bots in diplomacy',
    );
    expect(await japanTab.move('ready')).toMatchObject({ ok: true });
    await teacher.until((s) => s.state?.ctx.phase === 'policy', 10_000, 'policy');
    expect(japanTab.resyncs).toBe(0);
    expect(teacher.resyncs).toBe(0);
    await raw.close();
  });

  it('a phase timer finding the stored match in another phase does not advance it', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock, runtime: { botDelayMs: 0, vacantDelayMs: 3_600_000 } });
    const match = await createMatch(h.server.url, {
      phaseSeconds: { briefing: 60, diplomacy: 600, policy: 600 },
    });
    const teacher = await facilitatorSocket(h, match);
    const { storage } = h.server;
    // A briefing ended by a state the runtime has not observed (what a lost broadcast used to leave behind).
    const driver = new MatchDriver({
      state: storage.fetchNow(match.matchID, { state: true }).state as MatchState,
    });
    for (let i = 0; i < SEATS.length; i++) expect(driver.move(String(i), 'ready')).toBe(true);
    expect(driver.phase).toBe('diplomacy');
    await storage.setState(match.matchID, driver.state);

    clock.advance(61_000);
    // The timer catches up with the stored phase and arms the diplomacy timer instead of advancing.
    await teacher.until(
      (s) => s.status?.phase === 'diplomacy' && s.status.timer?.limitSeconds === 600,
      10_000,
      'the new timer',
    );
    const stored = storage.fetchNow(match.matchID, { state: true }).state as MatchState;
    expect(stored.ctx.phase).toBe('diplomacy');
    expect(stored._stateID).toBe(driver.stateID);
    expect(stored.G.round).toBe(1);
    // Later, that timer does end the diplomacy phase.
    clock.advance(601_000);
    await teacher.until((s) => s.status?.phase === 'policy', 10_000, 'policy after the diplomacy timer');
  });

  it('a client that fell behind (a stale refusal) resyncs to the stored state by itself', async () => {
    h = await startHarness({ runtime: { botDelayMs: 0, vacantDelayMs: 3_600_000 } });
    const match = await createMatch(h.server.url, { phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 } });
    const seats = [];
    for (const seat of SEATS) {
      const joined = await join(h.server.url, match.seats[seat].code as string, `s-${seat}`);
      seats.push(await connect(h, match.matchID, String(SEATS.indexOf(seat)), joined.credentials));
    }
    const lagging = seats[0];
    const briefing = lagging.state as MatchState;
    for (const s of seats) expect((await s.move('ready')).ok).toBe(true);
    await lagging.until((s) => s.state?.ctx.phase === 'diplomacy', 10_000, 'diplomacy');
    expect(lagging.resyncs).toBe(0);
    // As if the updates since the briefing had been lost: this client still shows the briefing.
    lagging.state = briefing;
    const answer = await lagging.move('makeStatement', { text: 'hello' });
    expect(answer).toMatchObject({ ok: false, code: 'stale' });
    const stored = h.server.storage.fetchNow(match.matchID, { state: true }).state as MatchState;
    await lagging.until((s) => s.state?._stateID === stored._stateID, 10_000, 'the catch-up');
    expect(lagging.state?.ctx.phase).toBe('diplomacy');
    expect(lagging.resyncs).toBe(1);
    // Caught up, its moves go through again.
    expect(await lagging.move('makeStatement', { text: 'hello again' })).toMatchObject({ ok: true });
  });

  it('a phase timer extended past 24.8 days does not fire at once', async () => {
    const clock = new NodeLikeClock();
    h = await startHarness({ clock, runtime: { botDelayMs: 0, vacantDelayMs: 3_600_000 } });
    const match = await createMatch(h.server.url, {
      phaseSeconds: { briefing: 60, diplomacy: 0, policy: 0 },
    });
    // Every seat is held, so no stand-in bot ends the briefing during the long wait.
    await seatEveryone(h, match);
    const teacher = await facilitatorSocket(h, match);
    const days = 30;
    // The lobby takes at most an hour per request; a facilitator can repeat it, so the runtime gets the total.
    h.server.runtime.extend(match.matchID, days * 86_400);
    const deadline = h.server.runtime.get(match.matchID)?.timer?.deadline as number;
    expect(deadline).toBeGreaterThan(clock.now() + (days - 1) * 86_400_000);
    clock.advance((days - 1) * 86_400_000);
    // An expiry clears the deadline before it advances: after 29 days the timer still waits for the same deadline.
    expect(h.server.runtime.get(match.matchID)?.timer?.deadline).toBe(deadline);
    expect(h.server.storage.fetchNow(match.matchID, { state: true }).state?.ctx.phase).toBe('briefing');
    clock.advance(2 * 86_400_000);
    await teacher.until((s) => s.state?.ctx.phase === 'diplomacy', 10_000, 'the timer to end the briefing');
  });
});
