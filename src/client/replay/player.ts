/**
 * The replay viewer's player, apart from its buttons: play and pause, speed, step, jump to a year, stop at the end.
 * No DOM: it moves a `ReplaySession` on a `Ticker`, the browser's interval in the viewer and a hand-driven clock in
 * tests, so playback is checked without waiting on real time.
 */
import type { ReplaySession } from './replay-session';
import { yearStartIndex } from './timeline';

/** Positions per second the player may pick; the first and last are the bounds `setSpeed` keeps to. */
export const SPEEDS = [0.5, 1, 2, 4] as const;
const MIN_SPEED = SPEEDS[0];
const MAX_SPEED = SPEEDS[SPEEDS.length - 1];

/** A clock that calls back while the player plays. */
export interface Ticker {
  /** Starts calling `onTick` with the milliseconds elapsed since its previous call (or the start); returns the stop. */
  start(onTick: (elapsedMs: number) => void): () => void;
}

/**
 * The browser's ticker: a short interval that reports the time really elapsed, so a late or throttled callback
 * still moves the player by the right number of positions.
 */
export function intervalTicker(everyMs = 50, now: () => number = () => performance.now()): Ticker {
  return {
    start(onTick) {
      let last = now();
      const id = setInterval(() => {
        const t = now();
        onTick(t - last);
        last = t;
      }, everyMs);
      return () => clearInterval(id);
    },
  };
}

/** Plays a replay session's timeline; the session keeps the position, the player moves it. */
export class ReplayPlayer {
  private rate: number = SPEEDS[1];
  private stopTicker: (() => void) | null = null;
  /** Time played since the last step, in milliseconds. */
  private owed = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: ReplaySession,
    private readonly ticker: Ticker,
  ) {}

  /** The position's index in the timeline. */
  get index(): number {
    return this.session.positionIndex;
  }

  get playing(): boolean {
    return this.stopTicker !== null;
  }

  /** Positions a second. */
  get speed(): number {
    return this.rate;
  }

  /** Starts playing; at the end it starts over from the first position. */
  play(): void {
    if (this.playing) return;
    if (this.index >= this.session.lastIndex) this.session.seek(0);
    this.owed = 0;
    this.stopTicker = this.ticker.start((ms) => this.tick(ms));
    this.emit();
  }

  pause(): void {
    if (!this.stopTicker) return;
    this.stopTicker();
    this.stopTicker = null;
    this.emit();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Sets the speed, kept within 0.5–4 positions a second (a value that is not a number is ignored). */
  setSpeed(positionsPerSecond: number): void {
    if (Number.isNaN(positionsPerSecond)) return;
    const next = Math.min(MAX_SPEED, Math.max(MIN_SPEED, positionsPerSecond));
    if (next === this.rate) return;
    this.rate = next;
    // A new speed counts from now, as if play had just been pressed at it.
    this.owed = 0;
    this.emit();
  }

  /** Moves to a position without touching play (the scrubber: dragging while playing keeps playing from there). */
  seek(index: number): void {
    this.session.seek(index);
  }

  /** Pauses, then moves to a position (first, last). */
  goTo(index: number): void {
    this.pause();
    this.session.seek(index);
  }

  /** Pauses, then moves by `delta` positions. */
  step(delta: number): void {
    this.goTo(this.index + delta);
  }

  /** Pauses, then moves to the first position of `year` (its Diplomacy; the briefing for the era's first year). */
  jumpToYear(year: number): void {
    const at = yearStartIndex(this.session.timeline, year);
    if (at >= 0) this.goTo(at);
  }

  /** Time passes while playing: one position per 1/speed seconds, stopping at the last. */
  tick(elapsedMs: number): void {
    if (!this.playing) return;
    this.owed += elapsedMs;
    const every = 1000 / this.rate;
    while (this.owed >= every && this.playing) {
      this.owed -= every;
      this.session.step(1);
      if (this.index >= this.session.lastIndex) this.pause();
    }
  }

  /** Hears of play, pause and speed changes (position changes are the session's: `ReplaySession.subscribe`). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the ticker and forgets the listeners. */
  destroy(): void {
    this.pause();
    this.listeners.clear();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
