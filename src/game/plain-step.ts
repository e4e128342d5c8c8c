/**
 * Moves and phase hooks on a plain copy of G instead of an Immer draft.
 *
 * boardgame.io runs every move and hook inside Immer's `produce`, so each read of G goes through a proxy and each
 * object read is turned into a draft; Resolution reads nearly all of the state and paid several times the rules' own
 * cost for it. Here the step runs on a plain state of its own and returns it, which Immer takes as the new state.
 *
 * The step's state is copied lazily, one top-level field at a time: the rules see G through a thin proxy that hands
 * out a deep copy of a field the first time the step reads or writes it, and the new state shares every field the
 * step never touched with the state before it. A `ready` move copies the six ready flags, not the whole match. The
 * records that are only ever appended to (history, log, news, messages, revealed orders) are copied shallowly when
 * touched: their entries are frozen and shared, so a rule that ever edited an old record would throw here and diverge
 * from the direct driver, which tests/engine-moves.test.ts and the round-hash comparison would catch.
 *
 * The new state shares with the state before it every part the step did not change (a touched field is compared
 * with the field before, and each equal part is replaced by the old one), and it is frozen through: a field shared
 * from state to state never changes, and `canonicalJson` (src/game/hash.ts) keeps the text of everything a round
 * left alone instead of writing it again at the round's hash. A base that was never frozen (a match's opening
 * state, a state read from storage) is frozen once, by the first step on it.
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

/** A deep copy of JSON data (what `JSON.parse` returns): the same as a JSON round trip of it, several times faster. */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item !== null && typeof item === 'object' ? deepCopy(item) : item;
    }
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    const item = (value as Record<string, unknown>)[key];
    out[key] = item !== null && typeof item === 'object' ? deepCopy(item) : item;
  }
  return out as T;
}

/** Deep-freezes what is not frozen yet; what is frozen already is (frozen through), and is skipped. */
function freezeNew<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value) freezeNew(item);
  else for (const key of Object.keys(value)) freezeNew((value as Record<string, unknown>)[key]);
  return value;
}

/** A step's copy of one top-level field: append-only records shallowly (entries shared), the rest deeply. */
function copyField(key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return APPEND_ONLY.has(key) && Array.isArray(value) ? value.slice() : deepCopy(value);
}

/**
 * `value` (what the step left in a field) with every part that equals the same part of `before` (the field before
 * the step) replaced by that part, so the new state shares all it did not change with the old one; `before` itself
 * when nothing changed. Only objects the step made are written to (frozen ones are left as they are). Equal means
 * equal as data: the same keys, and numbers, strings and booleans that are `Object.is` the same.
 */
function shareUnchanged(value: unknown, before: unknown): unknown {
  if (value === before || value === null || before === null) return value;
  if (typeof value !== 'object' || typeof before !== 'object') return value;
  const writable = !Object.isFrozen(value);
  if (Array.isArray(value)) {
    if (!Array.isArray(before)) return value;
    let same = value.length === before.length;
    const n = Math.min(value.length, before.length);
    for (let i = 0; i < n; i++) {
      const v: unknown = value[i];
      const b: unknown = before[i];
      if (Object.is(v, b)) continue;
      const shared = shareUnchanged(v, b);
      if (shared === b) {
        if (writable) value[i] = b;
        else same = false;
      } else same = false;
    }
    return same ? before : value;
  }
  if (Array.isArray(before)) return value;
  const record = value as Record<string, unknown>;
  const old = before as Record<string, unknown>;
  let count = 0;
  let same = true;
  for (const key in record) {
    count += 1;
    const v = record[key];
    const b = old[key];
    if (Object.is(v, b)) {
      if (b === undefined && !hasOwn(old, key)) same = false;
      continue;
    }
    const shared = shareUnchanged(v, b);
    if (shared === b) {
      if (writable) record[key] = b;
      else same = false;
    } else same = false;
  }
  if (same && count !== Object.keys(old).length) same = false;
  return same ? before : value;
}

/** States a step returned: frozen through, so the next step need only freeze what it touched. */
const FROZEN_THROUGH = new WeakSet<object>();

const hasOwn = (object: object, key: PropertyKey): boolean =>
  Object.prototype.hasOwnProperty.call(object, key);

/**
 * The proxy handler of one step. Its target holds the fields the step has touched (copied on first read, or
 * written); every other field reads through to `base`, which is never changed.
 */
class StepFields implements ProxyHandler<Record<string, unknown>> {
  /** Fields of `base` the step deleted. */
  private deleted: Set<string> | null = null;
  /** Fields the step copied or wrote, in the order it first touched them (with repeats after a delete). */
  private readonly touched: string[] = [];

  constructor(private readonly base: Record<string, unknown>) {}

  private inBase(key: string): boolean {
    return hasOwn(this.base, key) && !this.deleted?.has(key);
  }

  get(target: Record<string, unknown>, key: string | symbol): unknown {
    if (typeof key === 'symbol' || hasOwn(target, key)) return Reflect.get(target, key);
    const value = this.base[key];
    if (value === null || typeof value !== 'object') return this.deleted?.has(key) ? undefined : value;
    if (!this.inBase(key)) return Reflect.get(target, key);
    const copy = copyField(key, value);
    target[key] = copy;
    this.touched.push(key);
    return copy;
  }

  set(target: Record<string, unknown>, key: string | symbol, value: unknown): boolean {
    if (typeof key === 'string') {
      this.deleted?.delete(key);
      if (!hasOwn(target, key)) this.touched.push(key);
    }
    return Reflect.set(target, key, value);
  }

  has(target: Record<string, unknown>, key: string | symbol): boolean {
    return (typeof key === 'string' && this.inBase(key)) || Reflect.has(target, key);
  }

  deleteProperty(target: Record<string, unknown>, key: string | symbol): boolean {
    if (typeof key === 'string' && hasOwn(this.base, key)) (this.deleted ??= new Set()).add(key);
    return Reflect.deleteProperty(target, key);
  }

  ownKeys(target: Record<string, unknown>): (string | symbol)[] {
    const keys: (string | symbol)[] = Object.keys(this.base).filter((k) => this.inBase(k));
    for (const key of Reflect.ownKeys(target))
      if (typeof key !== 'string' || !this.inBase(key)) keys.push(key);
    return keys;
  }

  getOwnPropertyDescriptor(
    target: Record<string, unknown>,
    key: string | symbol,
  ): PropertyDescriptor | undefined {
    if (typeof key === 'string' && !hasOwn(target, key) && this.inBase(key))
      return { value: this.get(target, key), writable: true, enumerable: true, configurable: true };
    return Reflect.getOwnPropertyDescriptor(target, key);
  }

  defineProperty(
    target: Record<string, unknown>,
    key: string | symbol,
    attributes: PropertyDescriptor,
  ): boolean {
    if (typeof key === 'string') {
      this.deleted?.delete(key);
      if (!hasOwn(target, key)) this.touched.push(key);
    }
    return Reflect.defineProperty(target, key, attributes);
  }

  /**
   * The state after the step, as a plain object frozen through: `base`'s fields in their order (new ones after), the
   * touched ones from the step with every unchanged part shared with `base`, the others shared with `base` whole.
   * Fields of a base that was never frozen (a match's opening state, a state read from storage) are frozen here once.
   */
  finish(target: Record<string, unknown>): GameState {
    const out: Record<string, unknown> = { ...this.base };
    for (const key of this.touched)
      if (hasOwn(target, key)) out[key] = shareUnchanged(target[key], this.base[key]);
    if (this.deleted) for (const key of this.deleted) delete out[key];
    if (FROZEN_THROUGH.has(this.base)) for (const key of this.touched) freezeNew(out[key]);
    else for (const key in out) freezeNew(out[key]);
    FROZEN_THROUGH.add(out);
    return Object.freeze(out) as unknown as GameState;
  }
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
 * Wraps a move or hook so that, under the reducer, it runs on a lazily copied view of the plain state and returns
 * the new state (INVALID_MOVE leaves the state as it was); anywhere else it runs in place.
 */
export function plainStep<C extends { G: GameState }, A extends unknown[], R>(
  fn: (context: C, ...args: A) => R,
): (context: C, ...args: A) => R | GameState {
  return (context: C, ...args: A) => {
    const base = handed;
    handed = null;
    if (base === null) return fn(context, ...args);
    const fields = new StepFields(base as unknown as Record<string, unknown>);
    const target: Record<string, unknown> = {};
    const G = new Proxy(target, fields) as unknown as GameState;
    const result = fn({ ...context, G }, ...args);
    if (result === INVALID_MOVE) return result;
    return fields.finish(target);
  };
}
