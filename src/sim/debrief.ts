/**
 * The debrief (after-action report) as data: what happened in a match year by year, where it left the era's history,
 * how the indicators moved, what each seat decided and why, how each seat scored against the historical baseline,
 * and the discussion questions for the class. A pure function of the match's final state and its replay; the HTML
 * rendering is `debrief-html.ts`, the browser may render the same model.
 *
 * The state is the master state, so every secret (agendas, orders, bot reasons, private messages) is open: a debrief
 * is for after the match, or for the facilitator.
 */
import { z } from 'zod';
import type { ActionId } from '../game/catalog';
import { describeAgreement, describeLogEntry } from '../game/log';
import { ISLANDS, LADDER, SEATS, perSeat, type Seat } from '../game/vocabulary';
import type { GameState, LogKind, NewsItem, Outcome, Snapshot } from '../game/state';
import type { Scenario, Source } from '../game/scenario-schema';
import type { Replay, ReplayCheck } from '../match/replay';
import type { Indicator } from './indicators';
import { matchDistanceFromHistory, type HistoryCell } from './history';
import { reportEnglish, type ReportWords, type Translate } from './debrief-words';
import { reasonText, replyWords } from '../bots/reason-text';

/** Largest baseline file accepted, in characters. */
export const MAX_BASELINE_CHARS = 20_000_000;

/**
 * The historical baseline: each seat's final scores over many simulated matches of the same scenario with
 * historical-doctrine bots (from the simulator). A JSON file of this shape is what `replay report --baseline` reads.
 */
export const BaselineSchema = z
  .object({
    format: z.literal('oil-and-water-baseline').optional(),
    /** The scenario id the runs played; must match the replay's. */
    scenario: z.string().min(1).max(64),
    /** How the runs were played, e.g. "historical" (shown in the report). */
    bots: z.string().max(200).optional(),
    runs: z.number().int().min(1).optional(),
    /** Final scores (public score plus any agenda bonus) per seat, one per run. */
    scores: z.partialRecord(z.enum(SEATS), z.array(z.number().finite()).min(1).max(1_000_000)),
  })
  .strict();
export type Baseline = z.infer<typeof BaselineSchema>;

/** Parses a baseline file's text; errors name the field. Never throws. */
export function parseBaselineText(
  text: string,
): { ok: true; baseline: Baseline } | { ok: false; error: string } {
  if (text.length > MAX_BASELINE_CHARS)
    return { ok: false, error: `too large for a baseline (${text.length} characters)` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `malformed baseline at ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    };
  }
  return { ok: true, baseline: parsed.data };
}

/** A reference run to compare the indicators with, e.g. a historical-bot match of the same era. */
export interface ReferenceRun {
  label: string;
  history: Snapshot[];
}

export interface DebriefInput {
  replay: Replay;
  scenario: Scenario;
  /** The match's final master state. */
  G: GameState;
  baseline?: Baseline;
  reference?: ReferenceRun;
  /**
   * False leaves private messages (seat to seat) out of the debrief: a classroom's facilitator may keep them
   * private (the server's `X-Debrief-Private-Messages: withhold`). Public statements always show. Default true.
   */
  privateMessages?: boolean;
  /** The report's language: its words and the era's texts in it. Default English, as the command line writes. */
  words?: ReportWords;
}

export interface SourceNote {
  kind: Source['kind'];
  /** The paper's verbatim quote, or the reference or note. */
  text: string;
  /** Where in the paper: section and lines. */
  where?: string;
}

export interface HistoricalEvent {
  year: number;
  id: string;
  title: string;
  text: string;
  sources: SourceNote[];
  /** The event only happens if its conditions hold. */
  conditional: boolean;
  status: 'fired' | 'did-not-fire' | 'not-reached';
}

export type DriftKind =
  | 'event-did-not-fire'
  | 'decision-against-history'
  | 'treaty-signed'
  | 'treaty-ratified'
  | 'treaty-collapsed'
  | 'backlash'
  | 'leader-fell'
  | 'islands-changed-hands'
  | 'linkage-abandoned'
  | 'facilitator-inject'
  | 'indicator';

/** One way the match left the era's history. */
export interface DriftItem {
  year: number;
  kind: DriftKind;
  text: string;
  seat?: Seat;
}

export interface DecisionRecord {
  year: number;
  seat: Seat;
  prompt: string;
  chosen: string;
  historical: string;
  againstHistory: boolean;
  /**
   * The bot's reason in the report's words (worded from its code, src/game/reasons.ts); absent when the seat gave
   * none (an unanswered decision takes the historical default).
   */
  reason?: string;
  answered: boolean;
}

export interface AgreementRecord {
  from: Seat;
  to: Seat;
  kind: string;
  text: string;
  /** The proposer's reason in the report's words, if it gave one. */
  reason?: string;
}

export interface OrderRecord {
  action: string;
  target?: string;
  /** The order in words (the action's name and its target's), what the report shows instead of the ids. */
  text: string;
  /** The bot's reason in the report's words. */
  reason?: string;
}

export interface MessageRecord {
  year: number;
  from: Seat;
  /** A seat for a private message, 'all' for a public statement. */
  to: Seat | 'all';
  text: string;
}

export interface DebriefYear {
  year: number;
  round: number;
  news: Pick<NewsItem, 'eventId' | 'kind' | 'title' | 'text'>[];
  history: HistoricalEvent[];
  decisions: DecisionRecord[];
  agreements: AgreementRecord[];
  orders: Record<Seat, OrderRecord[]>;
  statements: MessageRecord[];
  privateMessages: MessageRecord[];
  /** The rest of the public record for the year (backlash, ratification, project stages, …). */
  log: DebriefLogLine[];
  drift: DriftItem[];
  /** Years before a fork point were played by the parent match. */
  fromParent: boolean;
}

/** A line of the year's public record, in English, with the kind it was recorded as. */
export interface DebriefLogLine {
  kind: LogKind;
  text: string;
  seat?: Seat;
  /** Set when the line marks a departure from history (it is in `drift` too). */
  drift?: DriftKind;
}

export interface SeriesPoint {
  year: number;
  value: number;
}

export interface IndicatorSeries {
  key: string;
  label: string;
  seat?: Seat;
  values: SeriesPoint[];
  reference?: SeriesPoint[];
  /** Years where the match and the reference run differ by at least the indicator's threshold. */
  divergence?: { year: number; value: number; reference: number }[];
}

export interface IndicatorChart {
  id: string;
  title: string;
  /** Fixed bounds for 0-100 levers and ladder rungs; undefined for free scales (scores, economies). */
  min?: number;
  max?: number;
  /** Tick labels for ordinal scales (the ladder). */
  tickLabels?: string[];
  series: IndicatorSeries[];
}

export interface KeyDecision {
  year: number;
  kind: 'decision' | 'proposal' | 'response' | 'order';
  text: string;
  reason?: string;
  /** A choice the historical actor did not make. */
  againstHistory?: boolean;
}

export interface BaselinePlacement {
  runs: number;
  bots?: string;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Share of baseline runs scoring below this match's score (ties count half), 0-100. */
  percentile: number;
  /** The baseline sorted, for a distribution strip. */
  sample: number[];
}

export interface DebriefQuestion {
  seat?: Seat;
  text: string;
  source: SourceNote;
}

export interface SeatReport {
  seat: Seat;
  name: string;
  controller: string;
  /** 1-based rank at the end; undefined for an unfinished match. */
  rank?: number;
  finalScore: number;
  publicScore: number;
  /** The seat's secret agenda: its bonus if met, its cost if missed (`met` once the match is over). */
  agenda: { title: string; text: string; bonus: number; cost: number; met?: boolean } | null;
  baseline: BaselinePlacement | null;
  keyDecisions: KeyDecision[];
  messages: MessageRecord[];
  /** The seat's written reflections (the `reflect` move), by year: what its students said they did and why. */
  reflections: { year: number; text: string }[];
  questions: DebriefQuestion[];
}

export interface Debrief {
  title: string;
  scenario: {
    id: string;
    name: string;
    version: number;
    startYear: number;
    endYear: number;
    briefing: string;
  };
  seed: string;
  createdBy?: string;
  finished: boolean;
  finalHash: string;
  outcome: Outcome | null;
  /** The last year played (fully or in part). */
  lastYear: number;
  fork?: { year: number; parentFinalHash: string; reseed?: string };
  years: DebriefYear[];
  drift: DriftItem[];
  /** The first year the match left the era's history, if it did. */
  firstDriftYear: number | null;
  /**
   * The distance from history (src/sim/history.ts): the era's recorded year-indicators this match measured, how
   * many stayed within the recorded band, and those that left it, each with its band and source.
   */
  recordedLevels: { inBand: number; total: number; share: number; outOfBand: HistoryCell[] };
  charts: IndicatorChart[];
  reference?: { label: string };
  baseline?: { scenario: string; runs: number; bots?: string; mismatch?: string };
  seats: SeatReport[];
  /** Questions for the whole class (those for one seat are in its report). */
  questions: DebriefQuestion[];
}

/** The debrief's distance-from-history section: the year-indicators of the record this match left. */
function recordedLevelsSection(G: GameState): Debrief['recordedLevels'] {
  const d = matchDistanceFromHistory(G);
  return { inBand: d.inBand, total: d.total, share: d.share, outOfBand: d.cells.filter((c) => !c.inBand) };
}

/**
 * Orders that change the dispute, the alignment or the balance — the ones a debrief names as key decisions (the rest
 * are still listed year by year).
 */
export const KEY_ACTIONS: ReadonlySet<ActionId> = new Set<ActionId>([
  'reinforce-garrison',
  'drawdown-garrison',
  'offer-joint-development',
  'raise-offer',
  'harden-stance',
  'energy-card-china',
  'energy-card-japan',
  'abandon-linkage',
  'restore-linkage',
  'soften-demand',
  'humanitarian-aid',
  'encourage-hard-line',
  'back-japan-claim',
  'deepen-russia-ties',
  'impose-sanctions',
  'ease-sanctions',
  'press-japan',
  'engage-russia',
  'back-compromise',
  'mediation',
  'provocation',
]);

/** How far apart the match and a reference run must be for an indicator to count as diverged. */
const DIVERGENCE: Partial<Record<LeverKey, number>> = {
  trustJapanRussia: 10,
  trustRussiaJapan: 10,
  rapportRussiaJapan: 10,
  energy: 10,
  oilPrice: 15,
  russiaRung: 1,
  japanRung: 1,
  islandsJapan: 1,
  sinoRussian: 12,
  usJapanAlliance: 12,
  sanctions: 12,
};

type LeverKey =
  | 'trustJapanRussia'
  | 'trustRussiaJapan'
  | 'rapportRussiaJapan'
  | 'energy'
  | 'oilPrice'
  | 'russiaRung'
  | 'japanRung'
  | 'islandsJapan'
  | 'sinoRussian'
  | 'usJapanAlliance'
  | 'sanctions'
  | 'fishingTension';

function sourceNotes(source: Source | Source[]): SourceNote[] {
  return (Array.isArray(source) ? source : [source]).map(sourceNote);
}

function sourceNote(source: Source): SourceNote {
  switch (source.kind) {
    case 'paper':
      return { kind: 'paper', text: source.quote, where: `${source.section}, l. ${source.lines}` };
    case 'external':
      return {
        kind: 'external',
        text: source.note ? `${source.reference} (${source.note})` : source.reference,
      };
    case 'design':
      return { kind: 'design', text: source.note };
  }
}

/** The share of `sample` below `score`, ties counting half, as a percentage with one decimal. */
export function percentileOf(score: number, sample: readonly number[]): number {
  if (sample.length === 0) return NaN;
  let below = 0;
  let equal = 0;
  for (const x of sample) {
    if (x < score) below += 1;
    else if (x === score) equal += 1;
  }
  return Math.round((1000 * (below + equal / 2)) / sample.length) / 10;
}

function placement(score: number, sample: readonly number[], bots: string | undefined): BaselinePlacement {
  const sorted = [...sample].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const result: BaselinePlacement = {
    runs: n,
    mean: round1(sorted.reduce((a, b) => a + b, 0) / n),
    median: round1(mid),
    min: sorted[0],
    max: sorted[n - 1],
    percentile: percentileOf(score, sorted),
    // A strip of at most 400 points is enough to show the shape in print.
    sample:
      n <= 400 ? sorted : Array.from({ length: 400 }, (_, i) => sorted[Math.floor((i * (n - 1)) / 399)]),
  };
  if (bots) result.bots = bots;
  return result;
}

/** An order in words: its action's name and its target's (an island, a seat or one of the era's projects). */
function orderText(o: { action: string; target?: string }, scenario: Scenario, w: ReportWords): string {
  const action = w.t(`action.${o.action}`);
  if (o.target === undefined) return action;
  const target = (ISLANDS as readonly string[]).includes(o.target)
    ? w.t(`island.${o.target}`)
    : (SEATS as readonly string[]).includes(o.target)
      ? w.log.seat(o.target as Seat)
      : (scenario.projects.find((p) => p.id === o.target)?.name ?? o.target);
  return w.t('report.orders.order', { action, target });
}

/** The kinds of log entry that mark a departure from history. */
const LOG_DRIFT: Partial<Record<LogKind, DriftKind>> = {
  backlash: 'backlash',
  'leader-fell': 'leader-fell',
  'treaty-not-ratified': 'treaty-collapsed',
  'treaty-ratified': 'treaty-ratified',
};

/** Log kinds the debrief lists elsewhere: decisions and agreements have their own lists. */
const LISTED_ELSEWHERE: ReadonlySet<LogKind> = new Set<LogKind>([
  'decision-pending',
  'decision-made',
  'agreement',
]);

/** Builds the debrief of a match from its final state and its replay. Pure: same input, same report. */
export function buildDebrief(input: DebriefInput): Debrief {
  const { replay, G, baseline, reference } = input;
  const w = input.words ?? reportEnglish();
  const t = w.t;
  // The era as the report's language words it (the rules' scenario in English); ids and years are the same.
  const scenario = w.scenario ? w.scenario(input.scenario) : input.scenario;
  const seatName = (seat: Seat) => w.log.seat(seat);
  const playedYears = new Map<number, number>();
  for (const h of G.history) playedYears.set(h.year, h.round);
  // An unfinished match may be part-way through a year: its News ran, Resolution has not.
  if (G.round > 0 && !playedYears.has(G.year)) playedYears.set(G.year, G.round);
  const lastYear = playedYears.size ? Math.max(...playedYears.keys()) : scenario.startYear;
  const forkYear = replay.parent?.prefixLength !== undefined ? replay.parent.year : undefined;

  const fired = new Set(G.news.filter((n) => n.kind === 'scheduled').map((n) => `${n.year}:${n.eventId}`));
  const years: DebriefYear[] = [...playedYears.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, round]) => ({
      year,
      round,
      news: G.news
        .filter((n) => n.year === year)
        .map(({ eventId, kind, title, text }) => ({
          eventId,
          kind,
          ...(w.news ? w.news({ eventId, title, text }) : { title, text }),
        })),
      history: [],
      decisions: [],
      agreements: [],
      orders: perSeat<OrderRecord[]>(() => []),
      statements: [],
      privateMessages: [],
      log: [],
      drift: [],
      fromParent: forkYear !== undefined && year < forkYear,
    }));
  const byYear = new Map(years.map((y) => [y.year, y]));
  const byRound = new Map(years.map((y) => [y.round, y]));
  const drift: DriftItem[] = [];
  const addDrift = (item: DriftItem) => {
    drift.push(item);
    byYear.get(item.year)?.drift.push(item);
  };

  // The era's history beside the match: scheduled events, and which of them this match did not see.
  const history: HistoricalEvent[] = scenario.events
    .map((e): HistoricalEvent => {
      const reached = playedYears.has(e.year);
      return {
        year: e.year,
        id: e.id,
        title: e.title,
        text: e.text,
        sources: sourceNotes(e.source),
        conditional: e.conditions.length > 0,
        status: !reached ? 'not-reached' : fired.has(`${e.year}:${e.id}`) ? 'fired' : 'did-not-fire',
      };
    })
    .sort((a, b) => a.year - b.year);
  for (const e of history) {
    byYear.get(e.year)?.history.push(e);
    if (e.status === 'did-not-fire') {
      addDrift({
        year: e.year,
        kind: 'event-did-not-fire',
        text: t('report.drift.eventDidNotFire', { title: e.title }),
      });
    }
  }
  for (const n of G.news) {
    if (n.kind === 'injected') {
      const title = w.news ? w.news(n).title : n.title;
      addDrift({ year: n.year, kind: 'facilitator-inject', text: t('report.drift.injected', { title }) });
    }
  }

  // Decisions handed to seats by events, against the historical default.
  const decisions: DecisionRecord[] = [];
  for (const d of G.decisions) {
    if (d.chosen === null) continue;
    const words = w.decision?.(d);
    const label = (id: string) => {
      const english = d.options.find((o) => o.id === id)?.label ?? id;
      return words ? words.label(id, english) : english;
    };
    const y = byRound.get(d.round);
    const year = y?.year ?? scenario.startYear + d.round - 1;
    const record: DecisionRecord = {
      year,
      seat: d.seat,
      prompt: words ? words.prompt : d.prompt,
      chosen: label(d.chosen),
      historical: label(d.default),
      againstHistory: d.chosen !== d.default,
      answered: d.reason !== undefined || d.chosen !== d.default,
    };
    if (d.reason) record.reason = reasonText(t, d.reason);
    decisions.push(record);
    y?.decisions.push(record);
    if (record.againstHistory) {
      addDrift({
        year,
        seat: d.seat,
        kind: 'decision-against-history',
        text: t('report.drift.decision', {
          seat: seatName(d.seat),
          chosen: record.chosen,
          historical: record.historical,
        }),
      });
    }
  }

  // Accepted proposals; a signed treaty is itself a departure (none was signed in any era of the paper).
  for (const p of G.proposals) {
    if (p.status !== 'accepted') continue;
    const y = byRound.get(p.round);
    const text = describeAgreement(p, w.log, scenario);
    const record: AgreementRecord = { from: p.from, to: p.to, kind: p.kind, text };
    if (p.reason) record.reason = reasonText(t, p.reason);
    y?.agreements.push(record);
    if (p.kind === 'peace-treaty' && y)
      addDrift({
        year: y.year,
        kind: 'treaty-signed',
        text: t('report.drift.treatySigned', { text: record.text }),
      });
  }

  for (const r of G.revealed) {
    const y = byYear.get(r.year);
    if (!y) continue;
    for (const seat of SEATS)
      y.orders[seat] = r.orders[seat].map(({ reason, ...o }) => ({
        ...o,
        text: orderText(o, scenario, w),
        ...(reason ? { reason: reasonText(t, reason) } : {}),
      }));
    const japan = r.orders.japan.find((o) => o.action === 'abandon-linkage');
    if (japan)
      addDrift({
        year: r.year,
        seat: 'japan',
        kind: 'linkage-abandoned',
        text: t('report.drift.linkage'),
      });
  }

  const shown = input.privateMessages === false ? G.messages.filter((m) => m.to === 'all') : G.messages;
  const messages: MessageRecord[] = shown.map((m) => ({
    year: byRound.get(m.round)?.year ?? scenario.startYear + Math.max(0, m.round - 1),
    from: m.from,
    to: m.to,
    // A bot's reply is stored as data and worded here, in the report's language.
    text: m.reply ? replyWords(t, m.reply) : m.text,
  }));
  for (const m of messages) {
    const y = byYear.get(m.year);
    if (y) (m.to === 'all' ? y.statements : y.privateMessages).push(m);
  }

  for (const entry of G.log) {
    const y = byYear.get(entry.year);
    if (!y || LISTED_ELSEWHERE.has(entry.kind)) continue;
    const line: DebriefLogLine = { kind: entry.kind, text: describeLogEntry(entry, w.log, scenario) };
    if ('seat' in entry) line.seat = entry.seat;
    const drifted = LOG_DRIFT[entry.kind];
    if (drifted) {
      line.drift = drifted;
      addDrift(
        line.seat
          ? { year: entry.year, seat: line.seat, kind: drifted, text: line.text }
          : { year: entry.year, kind: drifted, text: line.text },
      );
    }
    y.log.push(line);
  }

  let heldBefore = 0;
  for (const h of G.history) {
    if (h.islandsJapan !== heldBefore) {
      addDrift({
        year: h.year,
        kind: 'islands-changed-hands',
        text: t('report.drift.islands', { count: String(h.islandsJapan) }),
      });
      heldBefore = h.islandsJapan;
    }
  }

  const charts = buildCharts(G.history, reference?.history, t);
  if (reference) {
    for (const chart of charts) {
      for (const s of chart.series) {
        const first = s.divergence?.[0];
        if (!first) continue;
        addDrift({
          year: first.year,
          kind: 'indicator',
          text: t('report.drift.indicator', {
            series: s.label,
            reference: reference.label,
            year: String(first.year),
            value: String(first.value),
            expected: String(first.reference),
          }),
        });
      }
    }
  }
  drift.sort((a, b) => a.year - b.year);

  const seats = SEATS.map((seat) =>
    seatReport(seat, { replay, scenario, G, baseline, decisions, messages, byRound, w }),
  );
  const debrief: Debrief = {
    title: t('report.title', { era: scenario.name }),
    scenario: {
      id: scenario.id,
      name: scenario.name,
      version: scenario.version,
      startYear: scenario.startYear,
      endYear: scenario.endYear,
      briefing: scenario.briefing,
    },
    seed: replay.seed,
    finished: replay.finished,
    finalHash: replay.finalHash,
    outcome: G.outcome,
    lastYear,
    years,
    drift,
    firstDriftYear: drift.length ? drift[0].year : null,
    recordedLevels: recordedLevelsSection(G),
    charts,
    seats,
    questions: scenario.questions
      .filter((q) => q.seat === undefined)
      .map((q) => ({ text: q.text, source: sourceNote(q.source) })),
  };
  if (replay.createdBy) debrief.createdBy = replay.createdBy;
  if (replay.parent && forkYear !== undefined) {
    debrief.fork = { year: forkYear, parentFinalHash: replay.parent.finalHash };
    if (replay.parent.reseed) debrief.fork.reseed = replay.parent.reseed;
  }
  if (reference) debrief.reference = { label: reference.label };
  if (baseline) {
    debrief.baseline = {
      scenario: baseline.scenario,
      runs: baseline.runs ?? Math.max(0, ...Object.values(baseline.scores).map((s) => s?.length ?? 0)),
    };
    if (baseline.bots) debrief.baseline.bots = baseline.bots;
    if (baseline.scenario !== scenario.id) {
      debrief.baseline.mismatch = t('report.seat.baselineMismatch', {
        baseline: baseline.scenario,
        scenario: scenario.id,
      });
    }
  }
  return debrief;
}

/**
 * A baseline from simulated matches (e.g. the simulator's match records of a historical-bot batch): each seat's
 * final scores.
 */
export function baselineFromMatches(
  scenarioId: string,
  matches: readonly { finalScores: Record<Seat, number> }[],
  bots?: string,
): Baseline {
  const baseline: Baseline = {
    format: 'oil-and-water-baseline',
    scenario: scenarioId,
    runs: matches.length,
    scores: perSeat((s) => matches.map((m) => m.finalScores[s])),
  };
  if (bots) baseline.bots = bots;
  return baseline;
}

/** `buildDebrief` from a successful `verifyReplay`. */
export function debriefFromCheck(
  check: Extract<ReplayCheck, { ok: true }>,
  extra: {
    baseline?: Baseline;
    reference?: ReferenceRun;
    privateMessages?: boolean;
    words?: ReportWords;
  } = {},
): Debrief {
  return buildDebrief({ replay: check.replay, scenario: check.scenario, G: check.driver.G, ...extra });
}

interface SeatContext {
  replay: Replay;
  scenario: Scenario;
  G: GameState;
  baseline?: Baseline;
  decisions: DecisionRecord[];
  messages: MessageRecord[];
  byRound: Map<number, DebriefYear>;
  w: ReportWords;
}

function seatReport(seat: Seat, c: SeatContext): SeatReport {
  const { G, scenario, w } = c;
  const t = w.t;
  const yearOf = (round: number) => c.byRound.get(round)?.year ?? scenario.startYear + round - 1;
  const keyDecisions: KeyDecision[] = [];
  for (const d of c.decisions) {
    if (d.seat !== seat) continue;
    const k: KeyDecision = {
      year: d.year,
      kind: 'decision',
      text: t(d.answered ? 'report.seat.decided' : 'report.seat.decidedDefault', {
        prompt: d.prompt,
        chosen: d.chosen,
      }),
      againstHistory: d.againstHistory,
    };
    if (d.reason) k.reason = d.reason;
    keyDecisions.push(k);
  }
  for (const p of G.proposals) {
    if (p.from === seat && (p.status === 'accepted' || p.status === 'rejected')) {
      const k: KeyDecision = {
        year: yearOf(p.round),
        kind: 'proposal',
        text: t(p.status === 'accepted' ? 'report.seat.proposedAccepted' : 'report.seat.proposedRejected', {
          seat: w.log.seat(p.to),
          agreement: describeAgreement(p, w.log, scenario),
        }),
      };
      if (p.reason) k.reason = reasonText(t, p.reason);
      if (p.kind === 'peace-treaty') k.againstHistory = true;
      keyDecisions.push(k);
    } else if (p.to === seat && (p.status === 'accepted' || p.status === 'rejected')) {
      keyDecisions.push({
        year: yearOf(p.round),
        kind: 'response',
        text: t(p.status === 'accepted' ? 'report.seat.accepted' : 'report.seat.rejected', {
          seat: w.log.seat(p.from),
          agreement: describeAgreement(p, w.log, scenario),
        }),
        ...(p.answerReason ? { reason: reasonText(t, p.answerReason) } : {}),
        ...(p.kind === 'peace-treaty' && p.status === 'accepted' ? { againstHistory: true } : {}),
      });
    }
  }
  for (const r of G.revealed) {
    for (const o of r.orders[seat]) {
      if (!KEY_ACTIONS.has(o.action)) continue;
      const k: KeyDecision = { year: r.year, kind: 'order', text: orderText(o, scenario, w) };
      if (o.reason) k.reason = reasonText(t, o.reason);
      if (o.action === 'abandon-linkage') k.againstHistory = true;
      keyDecisions.push(k);
    }
  }
  const kindOrder = { decision: 0, proposal: 1, response: 2, order: 3 };
  keyDecisions.sort((a, b) => a.year - b.year || kindOrder[a.kind] - kindOrder[b.kind]);

  const outcome = G.outcome;
  const finalScore = outcome ? outcome.finalScores[seat] : G.scores[seat];
  const agenda = G.agendas[seat];
  const sample = c.baseline && c.baseline.scenario === scenario.id ? c.baseline.scores[seat] : undefined;
  const report: SeatReport = {
    seat,
    name: w.log.seat(seat),
    controller: c.replay.seats[seat],
    finalScore,
    publicScore: G.scores[seat],
    agenda: agenda
      ? {
          ...(w.agenda ? w.agenda(agenda) : { title: agenda.title, text: agenda.text }),
          bonus: agenda.bonus,
          cost: agenda.cost,
          ...(outcome ? { met: outcome.agendaMet[seat] } : {}),
        }
      : null,
    baseline: sample && sample.length ? placement(finalScore, sample, c.baseline?.bots) : null,
    keyDecisions,
    messages: c.messages.filter((m) => m.from === seat),
    reflections: (G.reflections ?? [])
      .filter((r) => r.seat === seat)
      .map((r) => ({ year: r.year, text: r.text }))
      .sort((a, b) => a.year - b.year),
    questions: scenario.questions
      .filter((q) => q.seat === seat)
      .map((q) => ({ seat, text: q.text, source: sourceNote(q.source) })),
  };
  if (outcome) report.rank = outcome.ranking.indexOf(seat) + 1;
  return report;
}

function series(
  history: Snapshot[],
  key: string,
  label: string,
  pick: (h: Snapshot) => number,
  seat?: Seat,
): IndicatorSeries {
  const s: IndicatorSeries = { key, label, values: history.map((h) => ({ year: h.year, value: pick(h) })) };
  if (seat) s.seat = seat;
  return s;
}

function withReference(
  s: IndicatorSeries,
  reference: Snapshot[] | undefined,
  pick: (h: Snapshot) => number,
  threshold?: number,
): IndicatorSeries {
  if (!reference) return s;
  s.reference = reference.map((h) => ({ year: h.year, value: pick(h) }));
  if (threshold !== undefined) {
    const ref = new Map(s.reference.map((p) => [p.year, p.value]));
    s.divergence = s.values
      .filter((p) => ref.has(p.year) && Math.abs(p.value - (ref.get(p.year) as number)) >= threshold)
      .map((p) => ({ year: p.year, value: p.value, reference: ref.get(p.year) as number }));
  }
  return s;
}

function lever(
  history: Snapshot[],
  reference: Snapshot[] | undefined,
  key: LeverKey & Indicator,
  t: Translate,
): IndicatorSeries {
  const pick = (h: Snapshot) => h[key];
  return withReference(
    series(history, key, t(`S.charts.series.${key}`), pick),
    reference,
    pick,
    DIVERGENCE[key],
  );
}

function perSeatSeries(
  history: Snapshot[],
  reference: Snapshot[] | undefined,
  field: 'scores' | 'economy' | 'pressure',
  t: Translate,
): IndicatorSeries[] {
  return SEATS.map((seat) => {
    const pick = (h: Snapshot) => h[field][seat];
    return withReference(series(history, `${field}.${seat}`, t(`seat.${seat}`), pick, seat), reference, pick);
  });
}

/** The indicator charts of GAME.md's levers, from the per-round snapshots. */
export function buildCharts(
  history: Snapshot[],
  reference?: Snapshot[],
  t: Translate = reportEnglish().t,
): IndicatorChart[] {
  const l = (key: LeverKey) => lever(history, reference, key, t);
  return [
    {
      id: 'russia-japan',
      title: t('report.charts.russia-japan'),
      min: 0,
      max: 100,
      series: [l('trustJapanRussia'), l('trustRussiaJapan'), l('rapportRussiaJapan')],
    },
    {
      id: 'islands',
      title: t('report.charts.islands'),
      min: 0,
      max: LADDER.length - 1,
      tickLabels: LADDER.map((rung) => t(`rung.${rung}`)),
      series: [l('russiaRung'), l('japanRung'), l('islandsJapan')],
    },
    {
      id: 'energy',
      title: t('report.charts.energy'),
      min: 0,
      max: 100,
      series: [l('energy'), l('oilPrice')],
    },
    {
      id: 'alignment',
      title: t('report.charts.alignment'),
      min: 0,
      max: 100,
      series: [l('sinoRussian'), l('usJapanAlliance'), l('sanctions'), l('fishingTension')],
    },
    {
      id: 'scores',
      title: t('report.charts.scores'),
      series: perSeatSeries(history, reference, 'scores', t),
    },
    {
      id: 'economy',
      title: t('report.charts.economy'),
      series: perSeatSeries(history, reference, 'economy', t),
    },
    {
      id: 'pressure',
      title: t('report.charts.pressure'),
      min: 0,
      max: 100,
      series: perSeatSeries(history, reference, 'pressure', t),
    },
  ];
}
