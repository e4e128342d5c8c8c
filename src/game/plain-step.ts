/**
 * Moves and phase hooks on a plain copy of G instead of an Immer draft.
 *
 * boardgame.io runs every move and hook inside Immer's `produce`, so each read of G goes through a proxy and each
 * object read is turned into a draft; Resolution reads nearly all of the state and paid several times the rules' own
 * cost for it. Here the step runs on a plain copy and returns it, which Immer takes as the new state: the copy is
 * deep for everything the rules change in place, and shares the records that are only ever appended to (history,
 * log, news, messages, revealed orders), whose entries Immer has already frozen, so a rule that ever edited an old
 * record would throw here and diverge from the direct driver, which tests/engine-moves.test.ts would catch.
 *
 * The plain G reaches the step through `PlainStatePlugin`: boardgame.io calls a game plugin's `fnWrap` outside
 * Immer (it sees the state itself), and the move inside Immer's `produce` right after. Called without the plugin
 * (the direct driver, the strategist's rollouts, a nested call) a step runs in place on the G it is given.
 */
import { INVALID_MOVE } from 'boardgame.io/core';
import type { GameState } from './state';

/** The plain state handed from the plugin to the step about to run inside Immer; taken (and cleared) by the step. */
let handed: GameState | null = null;

/** Arrays whose entries are never changed once appended: the copy shares their entries. */
const APPEND_ONLY = new Set<string>(['history', 'log', 'news', 'messages', 'revealed', 'drawn', 'injected']);

function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = deepCopy((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

/** Deep-freezes what is not frozen yet; entries shared with the previous state already are, and are skipped. */
function freezeNew<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value) freezeNew(item);
  else for (const key of Object.keys(value)) freezeNew((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * A returned state whose top is frozen is taken by Immer as it is: otherwise it walks the whole of it (a plain-object
 * test on every entry of every record) looking for drafts, and deep-freezes it. The append-only records and their
 * new entries are frozen here, since later copies share them; the rest is copied afresh by every step.
 */
function freezeForImmer(G: GameState): GameState {
  for (const key of APPEND_ONLY) freezeNew((G as unknown as Record<string, unknown>)[key]);
  return Object.freeze(G);
}

/** A copy of G the rules may change in place without touching `G`; append-only records share their entries. */
export function copyForStep(G: GameState): GameState {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(G)) {
    const value = (G as unknown as Record<string, unknown>)[key];
    out[key] =
      key === 'scenario'
        ? value
        : APPEND_ONLY.has(key) && Array.isArray(value)
          ? value.slice()
          : deepCopy(value);
  }
  return out as unknown as GameState;
}

/**
 * boardgame.io plugin that hands the plain G to the `plainStep` inside Immer. Must be in the Game's `plugins`:
 * boardgame.io wraps moves and hooks with Immer first and game plugins around it.
 */
export const PlainStatePlugin = {
  name: 'oaw-plain-state',
  fnWrap:
    <C extends { G: unknown }, R>(method: (context: C, ...args: unknown[]) => R) =>
    (context: C, ...args: unknown[]): R => {
      handed = context.G as GameState;
      try {
        return method(context, ...args);
      } finally {
        handed = null;
      }
    },
};

/**
 * Wraps a move or hook so that, under the reducer, it runs on `copyForStep` of the plain state and returns the copy
 * (INVALID_MOVE leaves the state as it was); anywhere else it runs in place.
 */
export function plainStep<C extends { G: GameState }, A extends unknown[], R>(
  fn: (context: C, ...args: A) => R,
): (context: C, ...args: A) => R | GameState {
  return (context: C, ...args: A) => {
    const base = handed;
    handed = null;
    if (base === null) return fn(context, ...args);
    const G = copyForStep(base);
    const result = fn({ ...context, G }, ...args);
    if (result === INVALID_MOVE) return result;
    return freezeForImmer(G);
  };
}
