/**
 * The match's seeded PRNG. Its whole state lives in `G.rng`, so a move is a pure function of (G, args): the same
 * scenario, seed and actions replay to the same bytes in any process.
 */
import seedrandom from 'seedrandom';

/**
 * Alea's state as seedrandom serialises it with `{ state: true }`: four numbers, cheap to copy on every draw
 * (ARC4's 256-entry table made each move's state diff large).
 */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export function initialRngState(seed: string): RngState {
  return seedrandom.alea(`oil-and-water:${seed}`, { state: true }).state() as RngState;
}

/** Something that owns an RNG state (the game state). */
export interface HasRng {
  rng: RngState | null;
}

/**
 * Runs `fn` with a generator restored from `owner.rng`, then stores the advanced state back.
 * Every random draw of the rules goes through here.
 */
export function withRng<T>(owner: HasRng, fn: (next: () => number) => T): T {
  if (!owner.rng) throw new Error('the PRNG state is not available in a player view');
  const { c, s0, s1, s2 } = owner.rng;
  const prng = seedrandom.alea('', { state: { c, s0, s1, s2 } });
  const result = fn(() => prng());
  owner.rng = prng.state() as RngState;
  return result;
}

/** A uniform draw in [0, 1). */
export function chance(owner: HasRng): number {
  return withRng(owner, (next) => next());
}

/** Picks from weighted items with one draw; undefined when there is nothing to pick. */
export function weightedPick<T>(
  next: () => number,
  items: readonly T[],
  weight: (item: T) => number,
): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0);
  if (total <= 0) return undefined;
  let roll = next() * total;
  for (const item of items) {
    roll -= Math.max(0, weight(item));
    if (roll < 0) return item;
  }
  return items[items.length - 1];
}
