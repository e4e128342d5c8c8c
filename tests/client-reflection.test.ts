// When the classroom reflection box asks, and about which year (src/client/classroom/reflection.ts).
import { describe, expect, test } from 'vitest';
import { reflectionYear } from '../src/client/classroom/reflection';
import type { GameState } from '../src/game/state';

const at = (year: number, phase: string, over = false) => ({
  view: () => ({ year }) as GameState,
  phase: () => phase,
  over: () => over,
});

describe('the reflection prompt', () => {
  test('asks in Diplomacy about the year just resolved, never before the first', () => {
    expect(reflectionYear(at(1993, 'diplomacy'), 1992, 1999)).toBe(1992);
    expect(reflectionYear(at(1992, 'diplomacy'), 1992, 1999)).toBeNull();
    expect(reflectionYear(at(1995, 'policy'), 1992, 1999)).toBeNull();
  });

  test('asks about the last year during its Policy, since no Diplomacy follows it, and never after the end', () => {
    expect(reflectionYear(at(1999, 'policy'), 1992, 1999)).toBe(1999);
    expect(reflectionYear(at(1999, 'diplomacy'), 1992, 1999)).toBe(1998);
    expect(reflectionYear(at(1999, 'policy', true), 1992, 1999)).toBeNull();
  });
});
