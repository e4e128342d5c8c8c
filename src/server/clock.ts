/**
 * The server's clock: the rate limiter and the runtime's phase timers read the time and arm timers only through
 * it, so tests can inject a manual clock and advance it instead of sleeping on the wall clock.
 */

/** An opaque timer handle, as returned by `Clock.setTimeout`. */
export type ClockTimer = { readonly __clockTimer: true } | NodeJS.Timeout;

export interface Clock {
  /** Milliseconds since the epoch (the wall clock's unit, so `serverNow` and deadlines mean the same to clients). */
  now(): number;
  setTimeout(callback: () => void, ms: number): ClockTimer;
  clearTimeout(timer: ClockTimer | undefined): void;
}

/** The real clock: `Date.now` and Node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
};
