/**
 * The year's recap and the islands' story, as data from a seat's view (no DOM): the seat's orders, what moved
 * between the year's snapshots, why (the year's tagged log entries and news), the other seats' revealed orders, and
 * the big moments. The end screen's account of the islands reads the same log, so "none" after a treaty that was
 * signed and failed to ratify says what happened instead.
 */
import type { GameState, LogEntry, NewsItem, Order, Snapshot } from '../game/state';
import { createInitialState } from '../game/state';
import { snapshot } from '../game/resolution';
import { scenarioOf } from '../game/scenario-registry';
import { SEATS, type Seat, type TreatyFormula } from '../game/vocabulary';
import { INDICATORS, type Indicator } from '../sim/indicators';

/** One indicator that moved over the year. */
export interface IndicatorChange {
  indicator: Indicator;
  from: number;
  to: number;
}

/** A moment big enough to be told on its own. */
export type Moment =
  | { type: 'treaty-signed'; formula: TreatyFormula; from: Seat; to: Seat }
  | { type: 'treaty-ratified'; formula: TreatyFormula }
  | { type: 'treaty-failed'; formula: TreatyFormula; seats: ('russia' | 'japan')[] }
  | { type: 'leader-fell'; seat: Seat; leader: string }
  /** Domestic backlash reversed the seat's concession of the year. */
  | { type: 'backlash'; seat: Seat }
  | { type: 'islands-changed'; from: number; to: number };

/** What one year did, as a seat saw it. */
export interface YearRecap {
  year: number;
  round: number;
  /** The seat's own orders (with nothing hidden), or null for a spectator. */
  yours: Order[] | null;
  /** Every other seat's revealed orders. */
  others: { seat: Seat; orders: Order[] }[];
  moved: IndicatorChange[];
  /** The year's log: agreements, incidents, backlash, ratification, project stages. */
  why: LogEntry[];
  news: NewsItem[];
  moments: Moment[];
}

/** The state's indicators before the first year: the era's opening, as a snapshot. */
function openingSnapshot(view: GameState): Snapshot {
  return snapshot(createInitialState(scenarioOf(view), 'recap'));
}

/** The big moments among a year's log entries: a treaty signed, ratified or failed, a backlash, a leader falling. */
export function momentsOf(entries: readonly LogEntry[]): Moment[] {
  const out: Moment[] = [];
  for (const e of entries) {
    if (e.kind === 'agreement' && e.proposal === 'peace-treaty') {
      out.push({ type: 'treaty-signed', formula: e.terms.formula ?? 'none', from: e.from, to: e.to });
    } else if (e.kind === 'treaty-ratified') out.push({ type: 'treaty-ratified', formula: e.formula });
    else if (e.kind === 'leader-fell') out.push({ type: 'leader-fell', seat: e.seat, leader: e.leader });
    else if (e.kind === 'backlash') out.push({ type: 'backlash', seat: e.seat });
  }
  // Each side that failed to ratify has its own entry; the moment is one: the treaty failed, and who refused it.
  const failed = entries.flatMap((e) => (e.kind === 'treaty-not-ratified' ? [e] : []));
  if (failed.length)
    out.push({ type: 'treaty-failed', formula: failed[0].formula, seats: failed.map((e) => e.seat) });
  return out;
}

/** The recap of the year resolved in `round`, as `seat` saw it; null when that round has not been resolved. */
export function yearRecap(view: GameState, seat: Seat | null, round: number): YearRecap | null {
  const revealed = view.revealed.find((r) => r.round === round);
  if (!revealed) return null;
  const index = view.history.findIndex((h) => h.round === round);
  const after = view.history[index];
  const before = index > 0 ? view.history[index - 1] : openingSnapshot(view);
  const moved = after
    ? INDICATORS.filter((k) => before[k] !== after[k]).map((indicator) => ({
        indicator,
        from: before[indicator],
        to: after[indicator],
      }))
    : [];
  const why = view.log.filter((e) => e.round === round && e.kind !== 'decision-pending');
  const moments = momentsOf(why);
  if (after && after.islandsJapan !== before.islandsJapan) {
    moments.push({ type: 'islands-changed', from: before.islandsJapan, to: after.islandsJapan });
  }
  return {
    year: revealed.year,
    round,
    yours: seat ? revealed.orders[seat] : null,
    others: SEATS.filter((s) => s !== seat).map((s) => ({ seat: s, orders: revealed.orders[s] })),
    moved,
    why,
    news: view.news.filter((n) => n.round === round),
    moments,
  };
}

/** What happened to the islands over the match, and why, from the record. */
export type IslandsStory =
  | { type: 'no-treaty' }
  | { type: 'ratified'; formula: TreatyFormula; year: number; islandsJapan: number }
  /** Signed, then refused at ratification by `failed`; `backlash` lists the seats whose concessions were reversed that year. */
  | {
      type: 'not-ratified';
      formula: TreatyFormula;
      year: number;
      failed: ('russia' | 'japan')[];
      backlash: Seat[];
    }
  /** Signed in the match's last year and still awaiting ratification when it ended. */
  | { type: 'signed'; formula: TreatyFormula; year: number };

/** The islands' story: every treaty the match saw ends in one of these; the last one is the one told. */
export function islandsStory(view: GameState): IslandsStory {
  const treaty = view.treaty;
  if (!treaty) return { type: 'no-treaty' };
  const islandsJapan = view.history.at(-1)?.islandsJapan ?? 0;
  if (treaty.status === 'ratified')
    return { type: 'ratified', formula: treaty.formula, year: treaty.year, islandsJapan };
  if (treaty.status === 'signed') return { type: 'signed', formula: treaty.formula, year: treaty.year };
  const thatYear = view.log.filter((e) => e.year === treaty.year);
  return {
    type: 'not-ratified',
    formula: treaty.formula,
    year: treaty.year,
    failed: thatYear.flatMap((e) => (e.kind === 'treaty-not-ratified' ? [e.seat] : [])),
    backlash: thatYear.flatMap((e) => (e.kind === 'backlash' ? [e.seat] : [])),
  };
}
