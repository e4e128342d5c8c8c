/**
 * Classes: several matches of one era and lesson plan, one per group, created together under one facilitator token,
 * and their comparison with each other, with history (src/sim/history.ts) and with the simulator's spread of
 * historical-bot runs of the same era.
 *
 * The grouping is stored in its own SQLite table (`classes`, beside the matches); each match's classroom record
 * also names its class and group. The simulator's spread is computed once per era and last year on worker threads
 * (`runBatch` with two workers: src/sim/batch.ts) and kept in memory for the server's life, so the server's main
 * thread never plays a simulated match; until it is ready the comparison says `pending`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { State } from 'boardgame.io';
import { z } from 'zod';
import { perSeat, type Seat } from '../game/vocabulary';
import type { GameState } from '../game/state';
import type { Scenario } from '../game/scenario-schema';
import { runBatch, type MatchRecord } from '../sim/batch';
import { spread } from '../sim/aggregate';
import type { Indicator } from '../sim/indicators';
import en from '../i18n/locales/en';
import { batchDistanceFromHistory, matchDistanceFromHistory, recordedLevels } from '../sim/history';
import { percentileOf } from '../sim/debrief';
import type { ClassComparisonAnswer, GroupOutcome, SimulatedSpread, SpreadFigures } from '../protocol/lobby';

/** Groups a class may have. */
export const MIN_GROUPS = 3;
export const MAX_GROUPS = 6;

/** What is stored about a class. */
export interface ClassRecord {
  classID: string;
  createdAt: number;
  scenarioId: string;
  seedLabel: string;
  /** The lesson's last year (the era's own when the whole era is played). */
  endYear: number;
  /** sha256 of the shared facilitator token, hex (the same hash every group's record holds). */
  tokenHash: string;
  /** The groups' match IDs, group 1 first. */
  matchIDs: string[];
}

const ClassRecordSchema = z.object({
  classID: z.string(),
  createdAt: z.number(),
  scenarioId: z.string(),
  seedLabel: z.string(),
  endYear: z.number().int(),
  tokenHash: z.string(),
  matchIDs: z.array(z.string()),
});

/** Parses a stored class record (JSON text); throws a zod error naming the field when it is damaged. */
export function parseClassRecord(text: string): ClassRecord {
  return ClassRecordSchema.parse(JSON.parse(text));
}

/** A stored class's record, or undefined for a damaged one (reported): both class stores read rows through this. */
export function storedClass(classID: string, text: string): ClassRecord | undefined {
  try {
    return parseClassRecord(text);
  } catch (error) {
    console.error(`[classroom] class ${classID}: damaged record:`, (error as Error).message);
    return undefined;
  }
}

/** Where the lobby keeps classes: SQLite's `ClassStore` here, or Postgres's (storage-pg.ts). */
export interface ClassStoreAPI {
  save(record: ClassRecord): void;
  get(classID: string): ClassRecord | undefined | Promise<ClassRecord | undefined>;
}

/** The `classes` table: one JSON record per class. */
export class ClassStore implements ClassStoreAPI {
  private readonly put;
  private readonly one;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS classes (class_id TEXT PRIMARY KEY, record TEXT NOT NULL)');
    this.put = db.prepare(
      'INSERT INTO classes (class_id, record) VALUES (?, ?) ON CONFLICT(class_id) DO UPDATE SET record = excluded.record',
    );
    this.one = db.prepare('SELECT record FROM classes WHERE class_id = ?');
  }

  save(record: ClassRecord): void {
    this.put.run(record.classID, JSON.stringify(record));
  }

  /** The stored class, or undefined (also for a damaged row, which is reported). */
  get(classID: string): ClassRecord | undefined {
    const row = this.one.get(classID) as { record: string } | undefined;
    return row ? storedClass(classID, row.record) : undefined;
  }
}

/** Constant-time check of a token against a class (through hashes of equal length). */
export function classTokenMatches(record: ClassRecord, token: string): boolean {
  const given = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, Buffer.from(record.tokenHash, 'hex'));
}

/** The indicators the comparison shows, in order: the islands, the two ladders, trust, energy and the alignments. */
export const COMPARED_INDICATORS: readonly Indicator[] = [
  'islandsJapan',
  'russiaRung',
  'japanRung',
  'trustJapanRussia',
  'trustRussiaJapan',
  'energy',
  'sinoRussian',
  'usJapanAlliance',
  'sanctions',
];

/** The simulator's fixed seeds: the same on every server, so two classes of one era see the same spread. */
export const SPREAD_SEEDS = Array.from({ length: 12 }, (_, i) => String(i + 1));
const SPREAD_BOTS = 'historical';

const figures = (values: readonly number[]): SpreadFigures => {
  const s = spread(values);
  return { n: s.n, mean: s.mean, min: s.min, p25: s.p25, p50: s.p50, p75: s.p75, max: s.max };
};

/** Condenses a batch's records to what the comparison shows (also each seat's scores, for percentiles). */
export function spreadOf(
  scenarioId: string,
  records: readonly MatchRecord[],
): SimulatedSpread & { status: 'ready' } {
  const territorial = { none: 0, partial: 0, full: 0 };
  for (const r of records) territorial[r.territorial] += 1;
  return {
    status: 'ready',
    runs: records.length,
    bots: SPREAD_BOTS,
    seeds: `${SPREAD_SEEDS[0]}..${SPREAD_SEEDS[SPREAD_SEEDS.length - 1]}`,
    territorial,
    treaties: records.filter((r) => r.treaty !== null).length,
    scores: perSeat((s) => figures(records.map((r) => r.finalScores[s]))),
    indicators: Object.fromEntries(
      COMPARED_INDICATORS.map((k) => [
        k,
        figures(records.map((r) => r.series[k].at(-1) ?? NaN).filter(Number.isFinite)),
      ]),
    ),
    historyShare: batchDistanceFromHistory(scenarioId, records).share,
  };
}

/**
 * The simulator's spread per era and last year: started on first request (class creation asks at once, so it is
 * usually ready long before the lesson ends), played on worker threads, kept for the server's life.
 */
export class SpreadCache {
  private readonly entries = new Map<string, { spread: SimulatedSpread; scores?: Record<Seat, number[]> }>();

  constructor(private readonly workers = 2) {}

  /** The spread of `scenario` (already cut to the lesson's last year), starting its batch if none has started. */
  get(scenario: Scenario): SimulatedSpread {
    const key = `${scenario.id}@${scenario.endYear}`;
    const known = this.entries.get(key);
    if (known) return known.spread;
    this.entries.set(key, { spread: { status: 'pending' } });
    // At least two workers: runBatch plays a one-worker batch in this thread, which would stall every socket.
    const bots = perSeat(() => SPREAD_BOTS);
    runBatch({ scenario, seeds: SPREAD_SEEDS, bots, whatIfs: [] }, { workers: Math.max(2, this.workers) })
      .then((records) => {
        this.entries.set(key, {
          spread: spreadOf(scenario.id, records),
          scores: perSeat((s) => records.map((r) => r.finalScores[s])),
        });
      })
      .catch((error: unknown) => {
        console.error(`[classroom] simulator spread for ${key} failed:`, error);
        this.entries.set(key, {
          spread: { status: 'failed', error: (error as Error).message ?? String(error) },
        });
      });
    return { status: 'pending' };
  }

  /** Each seat's simulated final scores, once ready (for a group's percentiles). */
  scores(scenario: Scenario): Record<Seat, number[]> | undefined {
    return this.entries.get(`${scenario.id}@${scenario.endYear}`)?.scores;
  }
}

/** One group's standing from its latest state (final once the match is over). */
export function groupOutcome(
  group: number,
  matchID: string,
  state: State<GameState>,
  simulated?: Record<Seat, number[]>,
): GroupOutcome {
  const G = state.G;
  const o = G.outcome;
  const last = G.history.at(-1);
  const distance = matchDistanceFromHistory(G);
  const scores = o ? { ...o.finalScores } : { ...G.scores };
  const outcome: GroupOutcome = {
    group,
    matchID,
    finished: o !== null,
    year: o?.year ?? G.year,
    reason: o?.reason ?? null,
    territorial: o?.territorial ?? null,
    treaty: o?.treaty ?? null,
    treatyStatus: G.treaty?.status ?? null,
    scores,
    ranking: o ? [...o.ranking] : null,
    // Before the first year's end there is no snapshot: no indicators yet.
    indicators: last ? Object.fromEntries(COMPARED_INDICATORS.map((k) => [k, last[k]])) : {},
    history: { inBand: distance.inBand, total: distance.total, share: distance.share },
  };
  if (simulated) outcome.percentiles = perSeat((s) => percentileOf(scores[s], simulated[s]));
  return outcome;
}

/** The whole comparison of a class: groups (missing ones left out), history's row and the simulator's spread. */
export function classComparison(
  record: ClassRecord,
  scenario: Scenario,
  states: ({ matchID: string; state: State<GameState> } | undefined)[],
  spreads: SpreadCache,
): ClassComparisonAnswer {
  const simulated = spreads.get(scenario);
  const scores = simulated.status === 'ready' ? spreads.scores(scenario) : undefined;
  const levels: ClassComparisonAnswer['history']['levels'] = {};
  for (const level of recordedLevels(record.scenarioId)) {
    if (
      level.from <= record.endYear &&
      level.to >= record.endYear &&
      COMPARED_INDICATORS.includes(level.indicator as Indicator)
    ) {
      levels[level.indicator] = { min: level.min, max: level.max, band: level.band };
    }
  }
  return {
    classID: record.classID,
    scenarioId: record.scenarioId,
    scenarioName: scenario.name,
    endYear: record.endYear,
    indicators: COMPARED_INDICATORS.map((id) => ({ id, label: en.S.charts.series[id] })),
    // No peace treaty has been signed and no island has changed hands since 1945, in every era the game models.
    history: { territorial: 'none', treaty: null, levels },
    spread: simulated,
    groups: states.flatMap((s, i) => (s ? [groupOutcome(i + 1, s.matchID, s.state, scores)] : [])),
  };
}
