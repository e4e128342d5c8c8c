// Protects the replay viewer's headless player: on an injected clock it plays at the chosen speed, stops at the last position, jumps to a year's first position, and keeps its speed within 0.5–4 positions a second.
import { describe, expect, it } from 'vitest';
import { perSeat } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import { playMatch } from '../src/match/match';
import { buildReplay } from '../src/match/replay';
import { makeBots } from '../src/bots/registry';
import { ReplaySession } from '../src/client/replay/replay-session';
import { ReplayPlayer, SPEEDS, type Ticker } from '../src/client/replay/player';
import { timelineOf, yearsOf, type Timeline } from '../src/client/replay/timeline';

const scenario = builtinScenario('yeltsin-1992')!;

const timeline: Timeline = (() => {
  const { driver } = playMatch({
    scenario,
    seed: 'player-1',
    bots: makeBots(perSeat(() => 'random')),
    maxRounds: 4,
  });
  const replay = buildReplay({
    scenario,
    seed: 'player-1',
    seats: perSeat(() => 'bot:random'),
    driver,
    createdBy: 'test',
  });
  const result = timelineOf(replay);
  if (!result.ok) throw new Error(result.error);
  return result.timeline;
})();

/** A clock moved by hand: time passes only when the test says so. */
class HandClock implements Ticker {
  private onTick: ((ms: number) => void) | null = null;

  get running(): boolean {
    return this.onTick !== null;
  }

  start(onTick: (ms: number) => void): () => void {
    this.onTick = onTick;
    return () => (this.onTick = null);
  }

  /** Lets `ms` pass in ticks of `every` milliseconds. */
  pass(ms: number, every = ms): void {
    for (let t = 0; t < ms; t += every) this.onTick?.(Math.min(every, ms - t));
  }
}

function setup(): { session: ReplaySession; player: ReplayPlayer; clock: HandClock } {
  const session = new ReplaySession(timeline);
  const clock = new HandClock();
  return { session, player: new ReplayPlayer(session, clock), clock };
}

describe('the replay player', () => {
  it('has enough positions to play through', () => {
    expect(timeline.positions.length).toBeGreaterThan(6);
  });

  it('moves 3 positions in 1.5 s at 2 a second, however the time is sliced', () => {
    for (const every of [1500, 500, 100, 7]) {
      const { player, clock } = setup();
      player.setSpeed(2);
      player.play();
      clock.pass(1500, every);
      expect(player.index, `ticks of ${every} ms`).toBe(3);
      expect(player.playing).toBe(true);
    }
  });

  it('does not move while paused', () => {
    const { player, clock } = setup();
    player.play();
    clock.pass(1000);
    player.pause();
    expect(clock.running).toBe(false);
    player.tick(5000);
    expect(player.index).toBe(1);
  });

  it('stops at the last position, and plays again from the start', () => {
    const { session, player, clock } = setup();
    let heard = 0;
    player.subscribe(() => heard++);
    player.seek(session.lastIndex - 2);
    player.setSpeed(4);
    player.play();
    clock.pass(10_000, 250);
    expect(player.index).toBe(session.lastIndex);
    expect(player.playing).toBe(false);
    expect(clock.running).toBe(false);
    // Speed, play and the pause at the end.
    expect(heard).toBe(3);
    player.play();
    expect(player.index).toBe(0);
    expect(player.playing).toBe(true);
  });

  it("jumps to a year's first position and pauses", () => {
    const { session, player } = setup();
    const year = yearsOf(timeline)[2];
    player.play();
    player.jumpToYear(year);
    expect(player.playing).toBe(false);
    expect(session.position.year).toBe(year);
    expect(session.position.phase).toBe('diplomacy');
    // No earlier position is in that year's Diplomacy.
    expect(
      timeline.positions.slice(0, player.index).some((p) => p.year === year && p.phase === 'diplomacy'),
    ).toBe(false);
  });

  it('steps and goes to an end without running past it', () => {
    const { session, player } = setup();
    player.step(-1);
    expect(player.index).toBe(0);
    player.step(2);
    expect(player.index).toBe(2);
    player.goTo(session.lastIndex + 10);
    expect(player.index).toBe(session.lastIndex);
  });

  it('keeps the speed within 0.5–4 positions a second', () => {
    const { player } = setup();
    expect(SPEEDS[0]).toBe(0.5);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(4);
    player.setSpeed(10);
    expect(player.speed).toBe(4);
    player.setSpeed(0.1);
    expect(player.speed).toBe(0.5);
    player.setSpeed(Number.NaN);
    expect(player.speed).toBe(0.5);
    player.setSpeed(2);
    expect(player.speed).toBe(2);
  });
});
