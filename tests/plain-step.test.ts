/**
 * The reducer's plain step (src/game/plain-step.ts): a step copies only the fields it touches, the state before it
 * never changes, the new state shares every part the step left alone and is frozen through, and the rules see an
 * ordinary object (keys, `in`, spread, delete) while they run.
 */
import { describe, expect, test, vi } from 'vitest';
import { INVALID_MOVE } from 'boardgame.io/core';
import { PlainStatePlugin, plainStep } from '../src/game/plain-step';
import type { GameState } from '../src/game/state';
import { canonicalJson } from '../src/game/hash';
import { builtinScenario } from '../src/scenario/builtin';
import { MatchDriver } from '../src/match/match';
import { playerIDOf } from '../src/game/vocabulary';

/** Every object reachable from `value` that is not frozen, by path. */
function unfrozen(value: unknown, path = 'G'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return own.concat(
    ...Object.entries(value as Record<string, unknown>).map(([k, v]) => unfrozen(v, `${path}.${k}`)),
  );
}

/** Runs `fn` as a plain step under the plugin, as boardgame.io's reducer does, on `G`. */
function step(G: object, fn: (context: { G: GameState }) => unknown): unknown {
  const wrapped = PlainStatePlugin.fnWrap(plainStep(fn) as (context: { G: unknown }) => unknown);
  return wrapped({ G });
}

describe('a step on the reducer copies what it touches and shares the rest', () => {
  const scenario = builtinScenario('yeltsin-1992');

  test('a ready move changes the ready flags alone; every other field is the very same object', () => {
    const d = new MatchDriver({ scenario, seed: 'plain-step' });
    for (let i = 0; i < 6; i++) expect(d.move(String(i), 'ready')).toBe(true);
    const before = d.G;
    const text = canonicalJson(before);
    expect(d.move(playerIDOf('japan'), 'ready')).toBe(true);
    const after = d.G;
    expect(canonicalJson(before)).toBe(text);
    const changed = Object.keys(after).filter(
      (k) => after[k as keyof GameState] !== before[k as keyof GameState],
    );
    expect(changed).toEqual(['ready']);
    expect(after.ready.japan).toBe(true);
    expect(before.ready.japan).toBe(false);
    expect(unfrozen(after)).toEqual([]);
  });

  test('answering one proposal leaves the other proposals shared with the state before', () => {
    const d = new MatchDriver({ scenario, seed: 'plain-step' });
    for (let i = 0; i < 6; i++) d.move(String(i), 'ready');
    expect(d.move(playerIDOf('japan'), 'propose', [{ to: 'russia', kind: 'summit' }])).toBe(true);
    expect(d.move(playerIDOf('china'), 'propose', [{ to: 'russia', kind: 'summit' }])).toBe(true);
    const before = d.G;
    const [first, second] = before.proposals;
    expect(d.move(playerIDOf('russia'), 'respond', [{ id: second.id, accept: false }])).toBe(true);
    const after = d.G;
    expect(after.proposals).not.toBe(before.proposals);
    expect(after.proposals[0]).toBe(first);
    expect(after.proposals[1]).not.toBe(second);
    expect(after.proposals[1].status).toBe('rejected');
    expect(second.status).toBe('open');
    expect(unfrozen(after)).toEqual([]);
  });

  test('a move the rules refuse leaves the reducer with the state it had', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const d = new MatchDriver({ scenario, seed: 'plain-step' });
    for (let i = 0; i < 6; i++) d.move(String(i), 'ready');
    const before = d.state;
    const text = canonicalJson(before.G);
    // Proposing to oneself: the step runs, and its body returns INVALID_MOVE.
    expect(d.move(playerIDOf('japan'), 'propose', [{ to: 'japan', kind: 'summit' }])).toBe(false);
    expect(d.state).toBe(before);
    expect(canonicalJson(before.G)).toBe(text);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('the rules see an ordinary object', () => {
  const base = () =>
    JSON.parse(
      JSON.stringify({ a: 1, b: { c: [1, 2, { d: 3 }] }, e: { f: 'g' }, history: [{ round: 1 }] }),
    ) as Record<string, unknown>;

  test('reads, writes, keys, `in`, spread and delete behave as on the plain object, and the base is untouched', () => {
    const G = base();
    const seen: Record<string, unknown> = {};
    const result = step(G, ({ G: g }) => {
      const s = g as unknown as Record<string, unknown>;
      seen.keys = Object.keys(s);
      seen.hasA = 'a' in s;
      seen.hasZ = 'z' in s;
      (s.b as { c: unknown[] }).c.push(4);
      s.z = { new: true };
      delete s.a;
      seen.afterDelete = 'a' in s;
      seen.spread = { ...s };
      (s.history as unknown[]).push({ round: 2 });
    }) as Record<string, unknown>;
    expect(seen.keys).toEqual(['a', 'b', 'e', 'history']);
    expect(seen.hasA).toBe(true);
    expect(seen.hasZ).toBe(false);
    expect(seen.afterDelete).toBe(false);
    expect(Object.keys(seen.spread as object)).toEqual(['b', 'e', 'history', 'z']);
    expect(result).toEqual({
      b: { c: [1, 2, { d: 3 }, 4] },
      e: { f: 'g' },
      history: [{ round: 1 }, { round: 2 }],
      z: { new: true },
    });
    expect(G).toEqual(base());
    // Untouched fields and untouched parts of touched ones are shared; the base was frozen through on the way.
    expect(result.e).toBe(G.e);
    expect((result.b as { c: unknown[] }).c[2]).toBe((G.b as { c: unknown[] }).c[2]);
    expect((result.history as unknown[])[0]).toBe((G.history as unknown[])[0]);
    expect(unfrozen(result)).toEqual([]);
  });

  test('a step that writes an equal value keeps the field it had', () => {
    const G = base();
    const result = step(G, ({ G: g }) => {
      const s = g as unknown as Record<string, unknown>;
      s.b = { c: [1, 2, { d: 3 }] };
      s.a = 1;
    }) as Record<string, unknown>;
    expect(result.b).toBe(G.b);
    expect(result).toEqual(G);
  });

  test('INVALID_MOVE from the step is returned as it is, and nothing of the base changes', () => {
    const G = base();
    const result = step(G, ({ G: g }) => {
      (g as unknown as { e: { f: string } }).e.f = 'changed';
      return INVALID_MOVE;
    });
    expect(result).toBe(INVALID_MOVE);
    expect(G).toEqual(base());
  });

  test('without the plugin (the direct driver) a step runs in place', () => {
    const G = base();
    plainStep(({ G: g }: { G: GameState }) => {
      (g as unknown as { a: number }).a = 2;
    })({ G: G as unknown as GameState });
    expect(G.a).toBe(2);
  });
});
