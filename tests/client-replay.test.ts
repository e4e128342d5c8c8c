// Protects the browser replay viewer's model: the timeline re-derives every phase boundary of a replay, a tampered file gets the verifier's own message, the read-only session shows every secret or one seat's view, and a fork played in the browser writes a replay that verifies and names its parent.
import { describe, expect, it } from 'vitest';
import { SEATS, perSeat } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import { MatchDriver, playMatch, stateHash } from '../src/match/match';
import {
  buildReplay,
  parseReplayText,
  serializeReplay,
  verifyReplay,
  type Replay,
} from '../src/match/replay';
import { ReplaySession } from '../src/client/replay/replay-session';
import {
  diplomacyRound,
  loadTimeline,
  positionAt,
  timelineOf,
  yearStartIndex,
  yearsOf,
  type Timeline,
} from '../src/client/replay/timeline';
import { startForkSession } from '../src/client/replay/fork-session';
import { debriefHtmlFor } from '../src/client/replay/debrief-view';
import { MEASURED_RUNS, eraBaseline } from '../src/client/baseline';
import { replayFileName } from '../src/client/panels/end';
import { chartColumns, CHARTS } from '../src/client/chart-data';
import { makeBots } from '../src/bots/registry';

const scenario = builtinScenario('yeltsin-1992')!;
const seats = perSeat(() => 'bot:random');
const bots = perSeat(() => 'random');

function played(seed: string, maxRounds?: number): Replay {
  const { driver } = playMatch({
    scenario,
    seed,
    bots: makeBots(bots),
    ...(maxRounds !== undefined ? { maxRounds } : {}),
  });
  return buildReplay({ scenario, seed, seats, driver, createdBy: 'test' });
}

const replay = played('viewer-1');

function timeline(r: Replay): Timeline {
  const result = timelineOf(r);
  if (!result.ok) throw new Error(result.error);
  return result.timeline;
}

/** The state hash right after the action that began each year, found by re-playing with a plain driver. */
function yearStartHashes(r: Replay): Map<number, string> {
  const driver = new MatchDriver({ scenario, seed: r.seed });
  const out = new Map<number, string>();
  for (const [playerID, move, args] of r.actions) {
    const round = driver.G.round;
    expect(driver.move(playerID, move, args)).toBe(true);
    if (driver.G.round === round + 1) out.set(driver.G.year, stateHash(driver.G));
  }
  return out;
}

describe('the replay timeline', () => {
  const t = timeline(replay);

  it('has the briefing, each year’s Diplomacy and Policy, and the end, in order', () => {
    const years = scenario.endYear - scenario.startYear + 1;
    expect(t.positions).toHaveLength(2 + 2 * years);
    expect(t.positions[0]).toMatchObject({ phase: 'briefing', round: 0, actions: 0 });
    expect(t.positions.at(-1)).toMatchObject({ phase: 'over', actions: replay.actions.length });
    expect(stateHash(t.positions.at(-1)!.state.G)).toBe(replay.finalHash);
    for (let year = scenario.startYear; year <= scenario.endYear; year++) {
      const d = positionAt(t, year, 'diplomacy');
      const p = positionAt(t, year, 'policy');
      expect(d).toBeGreaterThan(0);
      expect(p).toBe(d + 1);
      expect(yearStartIndex(t, year)).toBe(d);
    }
    expect(yearsOf(t)).toEqual(Array.from({ length: years }, (_, i) => scenario.startYear + i));
    for (const [i, pos] of t.positions.entries()) {
      expect(pos.index).toBe(i);
      if (i > 0) expect(pos.actions).toBeGreaterThan(t.positions[i - 1].actions);
    }
  });

  it('holds at each year’s start exactly the state a plain re-play reaches there', () => {
    const hashes = yearStartHashes(replay);
    expect(hashes.size).toBe(scenario.endYear - scenario.startYear + 1);
    for (const [year, hash] of hashes)
      expect(stateHash(t.positions[positionAt(t, year, 'diplomacy')].state.G)).toBe(hash);
  });

  it('gives the charts one more point per resolved year', () => {
    const at1995 = t.positions[positionAt(t, 1995, 'policy')];
    const view = new ReplaySession(t);
    view.seek(at1995.index);
    for (const chart of CHARTS) expect(chartColumns(view.view(), chart)[0]).toEqual([1991, 1992, 1993, 1994]);
    expect(at1995.forkYear).toBe(1995);
    expect(diplomacyRound(at1995)).toBe(at1995.round);
    expect(diplomacyRound(t.positions[positionAt(t, 1995, 'diplomacy')])).toBe(at1995.round - 1);
  });

  it('ends an unfinished replay at its last state', () => {
    const short = played('viewer-2', 3);
    expect(short.finished).toBe(false);
    const st = timeline(short);
    expect(st.positions.at(-1)!.actions).toBe(short.actions.length);
    expect(stateHash(st.positions.at(-1)!.state.G)).toBe(short.finalHash);
  });
});

describe('a bad or tampered replay', () => {
  it('is refused with the verifier’s own message', () => {
    const tampered = structuredClone(replay);
    tampered.roundHashes[2].hash = '0123456789abcdef';
    const result = loadTimeline(serializeReplay(tampered));
    const expected = verifyReplay(tampered);
    expect(expected.ok).toBe(false);
    expect(result).toEqual({ ok: false, error: (expected as { error: string }).error });
    expect((result as { error: string }).error).toContain('round 3 (1994) differs');
  });

  it.each([
    ['', 'the file is empty'],
    ['{"format": "chess"}', 'not an Oil & Water replay'],
    ['{"format": "oil-and-water-replay"', 'not valid JSON'],
  ])('names what is wrong with %j', (text, message) => {
    const result = loadTimeline(text);
    expect(result.ok).toBe(false);
    expect((result as { error: string }).error).toContain(message);
    expect((result as { error: string }).error).toBe((parseReplayText(text) as { error: string }).error);
  });
});

describe('the read-only replay session', () => {
  const t = timeline(replay);

  it('opens every secret, or shows one seat what it saw at the time', () => {
    const session = new ReplaySession(t);
    session.seek(positionAt(t, 1994, 'policy'));
    const master = session.position.state.G;
    expect(SEATS.every((s) => master.agendas[s] !== null)).toBe(true);
    expect(session.activeSeat()).toBeNull();
    expect(session.view().agendas).toEqual(master.agendas);
    expect(session.view().rng).toBeNull();

    session.setLens('japan');
    expect(session.activeSeat()).toBe('japan');
    const v = session.view();
    expect(v.agendas.japan).toEqual(master.agendas.japan);
    for (const s of SEATS.filter((x) => x !== 'japan')) expect(v.agendas[s]).toBeNull();
    expect(v.seed).toBeNull();
    expect(v.messages.every((m) => m.to === 'all' || m.from === 'japan' || m.to === 'japan')).toBe(true);
    // Other seats' order reasons of the revealed years are hidden from Japan, its own are not.
    const revealed = v.revealed.at(-1)!;
    expect(
      SEATS.filter((s) => s !== 'japan').every((s) =>
        revealed.orders[s].every((o) => o.reason === undefined),
      ),
    ).toBe(true);
    expect(master.revealed.at(-1)!.orders.russia.some((o) => o.reason !== undefined)).toBe(true);
  });

  it('moves only within the timeline, tells listeners once per move, and refuses every move', () => {
    const session = new ReplaySession(t);
    let heard = 0;
    const off = session.subscribe(() => (heard += 1));
    session.seek(-5);
    expect(heard).toBe(0);
    session.seek(10_000);
    expect(session.positionIndex).toBe(session.lastIndex);
    expect(session.over()).toBe(true);
    session.step(-1);
    expect(session.phase()).toBe('policy');
    expect(heard).toBe(2);
    off();
    session.step(-1);
    expect(heard).toBe(2);
    expect(session.dispatch('ready')).toBe(false);
    expect(session.replay()).toBe(replay);
    expect(session.waitingFor().length).toBeGreaterThan(0);
  });
});

describe('a fork in the browser', () => {
  it('starts at the year, plays on with a person, and saves a replay that verifies and names its parent', () => {
    const result = startForkSession(replay, { year: 1995, seat: 'russia', botKind: 'random' });
    if (!result.ok) throw new Error(result.error);
    const session = result.session;
    expect(session.activeSeat()).toBe('russia');
    expect(session.view().year).toBe(1995);
    expect(session.phase()).toBe('diplomacy');
    expect(session.dispatch('sendMessage', { to: 'japan', text: '<script>alert(1)</script>' })).toBe(true);
    expect(session.dispatch('ready')).toBe(true);
    expect(session.phase()).toBe('policy');
    expect(session.dispatch('commitOrders', { orders: [] })).toBe(true);
    expect(session.view().year).toBe(1996);

    const fork = session.replay();
    expect(fork.parent).toMatchObject({ year: 1995, finalHash: replay.finalHash, seed: replay.seed });
    expect(fork.seats.russia).toBe('human');
    expect(fork.seats.japan).toBe('bot:random');
    expect(replayFileName(fork)).toBe('oil-and-water-yeltsin-1992-seed-viewer-1-fork-1995.json');
    const parsed = parseReplayText(serializeReplay(fork));
    if (!parsed.ok) throw new Error(parsed.error);
    const check = verifyReplay(parsed.replay);
    expect(check.ok, check.ok ? '' : check.error).toBe(true);
    // The fork opens in the viewer too: the parent's years, then its own.
    const ft = timeline(fork);
    expect(ft.positions.at(-1)).toMatchObject({ year: 1996, phase: 'diplomacy' });

    const report = debriefHtmlFor(fork);
    if (!report.ok) throw new Error(report.error);
    expect(report.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report.html).not.toContain('<script>');
  });

  it('with a new seed records the reseed, and refuses a year the parent never reached', () => {
    const reseeded = startForkSession(replay, {
      year: 1993,
      seat: 'japan',
      botKind: 'random',
      seed: 'other-dice',
    });
    if (!reseeded.ok) throw new Error(reseeded.error);
    const fork = reseeded.session.replay();
    expect(fork.parent?.reseed).toBe('other-dice');
    expect(verifyReplay(fork).ok).toBe(true);

    const short = played('viewer-3', 2);
    const refused = startForkSession(short, { year: 1998, seat: 'japan', botKind: 'random' });
    expect(refused.ok).toBe(false);
    expect((refused as { error: string }).error).toContain('cannot fork at 1998');
  });
});

describe('the browser debrief', () => {
  it('places each seat against a baseline measured with historical bots, the same seeds every time', async () => {
    const progress: number[] = [];
    // No baseline ships (assets/baselines/ is absent), so the browser measures one, once per era.
    const era = await eraBaseline(scenario, (done) => progress.push(done));
    expect(era?.measured).toBe(true);
    const baseline = era?.baseline;
    expect(progress).toEqual(Array.from({ length: MEASURED_RUNS }, (_, i) => i + 1));
    expect(baseline!.runs).toBe(MEASURED_RUNS);
    for (const s of SEATS) expect(baseline!.scores[s]).toHaveLength(MEASURED_RUNS);
    expect((await eraBaseline(scenario))?.baseline).toBe(baseline);
    const report = debriefHtmlFor(replay, baseline);
    if (!report.ok) throw new Error(report.error);
    expect(report.html).toContain(
      `Against the historical baseline (${MEASURED_RUNS} runs, historical (measured in this browser))`,
    );
  });

  it('refuses a replay that does not verify, with the verifier’s message', () => {
    const tampered = structuredClone(replay);
    tampered.finalHash = 'aaaaaaaaaaaaaaaa';
    const report = debriefHtmlFor(tampered);
    expect(report.ok).toBe(false);
    expect((report as { error: string }).error).toContain('the final state differs');
  });
});
