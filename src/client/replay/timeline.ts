/**
 * A replay as a scrubbable timeline: the file is parsed and verified (every round hash, the final hash, a fork's
 * prefix), then its actions are re-played once more on the rules, keeping the match state at every phase boundary —
 * the briefing, the start of each year's Diplomacy (just after its News, which is also just after the previous year's
 * Resolution), the start of each Policy phase, and the end. No DOM: the viewer and the tests share it.
 */
import type { Seat } from '../../game/vocabulary';
import type { GameState } from '../../game/state';
import type { Scenario } from '../../game/scenario-schema';
import type { MatchState } from '../../match/match';
import { ReplayRunner, parseReplayText, verifyReplay, type Replay } from '../../match/replay';

/** Where a position sits in a round. */
export type PositionPhase = 'briefing' | 'diplomacy' | 'policy' | 'over';

/** One stop of the scrubber: the master state after `actions` of the replay's actions. */
export interface Position {
  /** 0-based index in the timeline. */
  index: number;
  /** How many of the replay's actions were applied to reach it. */
  actions: number;
  year: number;
  round: number;
  phase: PositionPhase;
  /** The master state: every secret (the viewer filters it through a seat's view when asked). */
  state: MatchState;
  /** The year a fork from here starts at: the latest year begun at or before this position (the first for the briefing). */
  forkYear: number;
}

export interface Timeline {
  replay: Replay;
  scenario: Scenario;
  positions: Position[];
  /** The years a fork can start at, in order. */
  forkYears: number[];
}

export type TimelineResult = { ok: true; timeline: Timeline } | { ok: false; error: string };

function phaseOf(state: MatchState): PositionPhase {
  if (state.ctx.gameover !== undefined) return 'over';
  const phase = state.ctx.phase;
  return phase === 'diplomacy' || phase === 'policy' ? phase : 'briefing';
}

/** The timeline of a parsed replay, or the verifier's own message naming what is wrong with it. */
export function timelineOf(replay: Replay): TimelineResult {
  const check = verifyReplay(replay);
  if (!check.ok) return { ok: false, error: check.error };
  const created = ReplayRunner.create(replay, check.scenario);
  if (!created.ok) return { ok: false, error: created.error };
  const { runner } = created;
  const forkYears = check.yearStarts.map((y) => y.year);
  const firstYear = forkYears[0] ?? check.scenario.startYear;
  const positions: Position[] = [];
  let forkYear = firstYear;
  const add = (state: MatchState) => {
    positions.push({
      index: positions.length,
      actions: runner.next,
      year: state.G.year,
      round: state.G.round,
      phase: phaseOf(state),
      state,
      forkYear,
    });
  };
  add(runner.driver.state);
  while (!runner.done) {
    const before = runner.driver.state;
    const problem = runner.step();
    // verifyReplay just re-played the same actions, so this cannot fail unless the rules changed in between.
    if (problem) return { ok: false, error: problem.error };
    const after = runner.driver.state;
    const began = check.yearStarts.find((y) => y.action === runner.next - 1);
    if (began) forkYear = began.year;
    if (
      after.ctx.phase !== before.ctx.phase ||
      after.G.round !== before.G.round ||
      phaseOf(after) !== phaseOf(before)
    )
      add(after);
  }
  // An unfinished match may stop part-way through a phase: its last state is a position too.
  if (positions[positions.length - 1].actions !== runner.next) add(runner.driver.state);
  return { ok: true, timeline: { replay, scenario: check.scenario, positions, forkYears } };
}

/** Parses, verifies and indexes replay text. Never throws: a bad or tampered file gives the verifier's message. */
export function loadTimeline(text: string): TimelineResult {
  const parsed = parseReplayText(text);
  if (!parsed.ok) return parsed;
  return timelineOf(parsed.replay);
}

/** The index of the position at (year, phase), or -1 when the match has none there. */
export function positionAt(timeline: Timeline, year: number, phase: PositionPhase): number {
  return timeline.positions.findIndex((p) => p.year === year && p.phase === phase);
}

/** The first position of a year: the start of its Diplomacy (or the briefing, for the era's first year). */
export function yearStartIndex(timeline: Timeline, year: number): number {
  const at = positionAt(timeline, year, 'diplomacy');
  return at >= 0 ? at : timeline.positions.findIndex((p) => p.year === year);
}

/** The years the timeline reaches, for a "jump to" menu. */
export function yearsOf(timeline: Timeline): number[] {
  return [...new Set(timeline.positions.filter((p) => p.phase !== 'briefing').map((p) => p.year))];
}

/** The round whose diplomacy a position has seen complete: this round in Policy or at the end, else the one before. */
export function diplomacyRound(position: Position): number {
  return position.phase === 'diplomacy' ? position.round - 1 : position.round;
}

/** The latest orders revealed at or before a position, as the view shows them (reasons only where it may see them). */
export function latestRevealed(view: GameState): GameState['revealed'][number] | undefined {
  return view.revealed[view.revealed.length - 1];
}

/** The seat a lens shows, or null for "everything". */
export type Lens = Seat | null;
