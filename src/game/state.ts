/**
 * The game state `G`: every lever of GAME.md, the round's diplomacy, hidden orders and agendas, and the history.
 * Plain JSON only (boardgame.io serialises it), and no clock or ambient randomness.
 */
import type { ActionId, ProposalKind } from './catalog';
import { registerScenario } from './scenario-registry';
import { initialRngState, type RngState } from './rng';
import { LEVERS } from './levers';
import type { Agenda, Scenario } from './scenario-schema';
import type { ScoreTerm } from './scoring';
import type { BotReply, Reason } from './reasons';

export { scenarioOf } from './scenario-registry';
// perSeat moved to the vocabulary; re-exported so the rules' existing imports keep working.
export { perSeat } from './vocabulary';
import {
  ISLANDS,
  KOREAS,
  KOREA_PARTNERS,
  LADDER,
  SEATS,
  perSeat,
  type AlignmentKey,
  type Island,
  type Korea,
  type KoreaPartner,
  type ProjectStage,
  type Seat,
  type TreatyFormula,
} from './vocabulary';

/**
 * Bumped whenever a rule change would make old replays play differently (2: log entries became data; 3: agendas
 * chosen with a miss cost, bot reasons and replies as codes, incidents that bite through mistrust, China's sway over
 * ratification, Russia's price for islands on offer, Japanese business after the linkage; 4: the US's
 * `back-compromise` on every era's menu).
 */
export const RULES_VERSION = 4;

export type PerSeat<T> = Record<Seat, T>;

export interface ProjectState {
  id: string;
  stage: ProjectStage;
  /** 0-100 within the current stage. */
  progress: number;
  stakes: Partial<Record<Seat, number>>;
  capacity: number;
  output: number;
}

export interface IslandState {
  administrator: 'russia' | 'japan';
  /** Garrison strength 0-10. */
  garrison: number;
  /** Joint economic activities 0-3. */
  jointActivities: number;
}

export interface DomesticState {
  /** Pressure against compromise, 0-100. */
  pressure: number;
  /** The leader's political capital, 0-100. */
  capital: number;
  /** Concessions made this round, checked for backlash at resolution. */
  strain: number;
}

export interface Proposal {
  id: string;
  round: number;
  from: Seat;
  to: Seat;
  kind: ProposalKind;
  terms: ProposalTerms;
  status: 'open' | 'accepted' | 'rejected' | 'withdrawn' | 'expired';
  /** Why a bot proposed it (src/game/reasons.ts); private to the proposer until the match ends. */
  reason?: Reason;
  /** Why the answer was given; private to the seat that answered until the match ends. */
  answerReason?: Reason;
}

export interface ProposalTerms {
  amount?: number;
  project?: string;
  share?: number;
  island?: Island;
  formula?: TreatyFormula;
}

export interface Message {
  id: string;
  round: number;
  from: Seat;
  /** A seat for a private message, 'all' for a public statement. */
  to: Seat | 'all';
  /** What the seat typed; empty for a bot's reply, which is data worded where shown. */
  text: string;
  /** A bot's answer to a private message (src/bots/replies.ts), worded in the reader's language. */
  reply?: BotReply;
}

export interface Order {
  action: ActionId;
  target?: string;
  /** Why a bot chose it, as a code worded where shown (e.g. `links-aid`: "links aid to the islands: seikei fukabun"). Private until the match ends. */
  reason?: Reason;
}

export interface PendingDecision {
  id: string;
  eventId: string;
  round: number;
  seat: Seat;
  prompt: string;
  options: { id: string; label: string }[];
  default: string;
  chosen: string | null;
  /** Why it was chosen (a bot's reason); private to the seat until the match ends. */
  reason?: Reason;
}

export interface NewsItem {
  round: number;
  year: number;
  eventId: string;
  kind: 'scheduled' | 'wildcard' | 'injected' | 'outcome';
  title: string;
  text: string;
}

/**
 * What happened, as data: a `kind` with the seats, ids and numbers it concerns, never prose. Text is made at
 * the edges by `describeLogEntry` (src/game/log.ts) from a catalogue, so the log translates and nothing parses
 * English.
 */
export type LogEvent =
  /** An event handed `seat` a decision (its prompt and options are the scenario event's). */
  | { kind: 'decision-pending'; seat: Seat; eventId: string; decisionId: string }
  /** `seat` answered a decision with the option `option` (or it took the historical default). */
  | { kind: 'decision-made'; seat: Seat; eventId: string; decisionId: string; option: string }
  /** An accepted proposal took effect. */
  | {
      kind: 'agreement';
      proposalId: string;
      proposal: ProposalKind;
      from: Seat;
      to: Seat;
      terms: ProposalTerms;
    }
  | { kind: 'treaty-ratified'; formula: TreatyFormula }
  /** `seat` failed to ratify the signed treaty, which collapses. */
  | { kind: 'treaty-not-ratified'; seat: 'russia' | 'japan'; formula: TreatyFormula }
  /** Domestic backlash reversed `seat`'s concession. */
  | { kind: 'backlash'; seat: Seat }
  /** `seat`'s leader, `leader` by name, fell after a backlash. */
  | { kind: 'leader-fell'; seat: Seat; leader: string }
  /** Russian border guards fired on a Japanese fishing boat. */
  | { kind: 'fishing-incident' }
  | { kind: 'project-stage'; project: string; stage: ProjectStage }
  /** A Sino-Russian rift opened: China backs Japan's claim to the islands. */
  | { kind: 'china-backs-japan' };

/** The kinds of log entry. */
export type LogKind = LogEvent['kind'];

/** A line of the public record: a `LogEvent` in the round and year it happened. */
export type LogEntry = LogEvent & { round: number; year: number };

/** Appends an event to the log in the current round and year. */
export function pushLog(G: GameState, event: LogEvent): void {
  G.log.push({ round: G.round, year: G.year, ...event });
}

export interface Snapshot {
  round: number;
  year: number;
  trustJapanRussia: number;
  trustRussiaJapan: number;
  rapportRussiaJapan: number;
  /** Energy output as a share of the era's total capacity, 0-100. */
  energy: number;
  oilPrice: number;
  russiaRung: number;
  japanRung: number;
  islandsJapan: number;
  garrison: number;
  jointActivities: number;
  fishingTension: number;
  sinoRussian: number;
  usJapanAlliance: number;
  sanctions: number;
  scores: PerSeat<number>;
  economy: PerSeat<number>;
  pressure: PerSeat<number>;
  /** Each project's stage at the year's end, an index into PROJECT_STAGES (absent in states made before it). */
  stages?: Record<string, number>;
  /**
   * Each seat's public score term by term (scoreBreakdown), so the score breakdown can be shown for every year; absent
   * in states made before it.
   */
  scoreTerms?: PerSeat<Partial<Record<ScoreTerm, number>>>;
}

export interface AgendaState {
  id: string;
  title: string;
  text: string;
  /** Added to the final score when the agenda is met at the end. */
  bonus: number;
  /** Taken from the final score when it is missed (`LEVERS.score.agendaMissShare` of the bonus, rounded). */
  cost: number;
  /** True once the seat picked it in the first year (`chooseAgenda`); false while the dealt one stands. */
  chosen: boolean;
}

export interface Outcome {
  reason: 'era-end' | 'treaty' | 'facilitator';
  year: number;
  territorial: 'none' | 'partial' | 'full';
  treaty: TreatyFormula | null;
  /** Public score plus the agenda bonus where the agenda was met, minus its cost where it was missed. */
  finalScores: PerSeat<number>;
  agendaMet: PerSeat<boolean>;
  /** What each seat's agenda added (its bonus, met) or took (its cost, missed); 0 for a seat without one. */
  agendaPoints?: PerSeat<number>;
  ranking: Seat[];
}

export interface GameState {
  rulesVersion: number;
  /** The scenario's id and content hash: the scenario itself is in the registry (src/game/scenario-registry.ts). */
  scenarioId: string;
  scenarioHash: string;
  /** The match seed; hidden from seats until the match ends. */
  seed: string | null;
  /** The PRNG's state; never in a player view. */
  rng: RngState | null;
  round: number;
  year: number;
  leaders: PerSeat<string>;
  trust: PerSeat<PerSeat<number>>;
  trustBaseline: PerSeat<PerSeat<number>>;
  /** Trust gained this round per directed pair, for the gradual-rise cap. */
  trustGain: Record<string, number>;
  /** Leader rapport keyed by the two seats in SEATS order joined with '|'. */
  rapport: Record<string, number>;
  oilPrice: number;
  projects: Record<string, ProjectState>;
  islands: Record<Island, IslandState>;
  visaFree: boolean;
  /** Ladder rungs (indices into LADDER). */
  positions: { russia: number; japan: number };
  /**
   * Declarations' floors under each side's concessions, as rungs: no order lowers Russia's offer below
   * `floors.russia` nor raises Japan's demand above `floors.japan`, because the era's signed documents bind every
   * government. Set by the scenario's `floors` and by `floor` effects of scheduled events; 0 and the top rung bind
   * nothing.
   */
  floors: { russia: number; japan: number };
  fishingTension: number;
  linkage: boolean;
  domestic: PerSeat<DomesticState>;
  alignment: Record<AlignmentKey, number>;
  koreaTies: Record<Korea, Record<KoreaPartner, number>>;
  economy: PerSeat<number>;
  scores: PerSeat<number>;
  flags: Record<string, boolean>;
  treaty: { formula: TreatyFormula; year: number; status: 'signed' | 'ratified' | 'collapsed' } | null;
  /** Per phase: who has finished (diplomacy) or committed orders (policy). */
  ready: PerSeat<boolean>;
  proposals: Proposal[];
  messages: Message[];
  decisions: PendingDecision[];
  /** This round's hidden orders; a seat's entry is visible only to that seat. */
  orders: PerSeat<Order[] | null>;
  revealed: { round: number; year: number; orders: PerSeat<Order[]> }[];
  agendas: PerSeat<AgendaState | null>;
  news: NewsItem[];
  log: LogEntry[];
  history: Snapshot[];
  drawn: string[];
  /** Events queued by the facilitator for the next News step. */
  injected: string[];
  nextId: number;
  outcome: Outcome | null;
  /**
   * Seats' reflections on their years, in the order written (one per seat and year; a later one replaces it).
   * Absent until the first is written, so states (and pinned replay hashes) of matches without any are unchanged.
   * Private to the seat and the facilitator until the match ends (view.ts).
   */
  reflections?: Reflection[];
  /**
   * The facilitator's notices to the whole class (the `broadcast` move), in order. Public: every seat and the
   * projector see them. Absent until the first, so states and pinned replay hashes of matches without any are
   * unchanged.
   */
  broadcasts?: Broadcast[];
}

/** A facilitator's notice to every seat and the projector. */
export interface Broadcast {
  round: number;
  year: number;
  text: string;
}

/** A seat's short written reflection on one year of its play (the `reflect` move). */
export interface Reflection {
  seat: Seat;
  year: number;
  text: string;
}

export function rapportKey(a: Seat, b: Seat): string {
  return SEATS.indexOf(a) < SEATS.indexOf(b) ? `${a}|${b}` : `${b}|${a}`;
}

export function leaderIn(scenario: Scenario, seat: Seat, year: number): string {
  const leaders = scenario.leaders[seat];
  let name = leaders[0].name;
  for (const l of leaders) if (l.from <= year) name = l.name;
  return name;
}

/** Builds the opening state of a validated scenario. Agendas are dealt later, at the first News (never in setup). */
export function createInitialState(scenario: Scenario, seed: string): GameState {
  const trust = perSeat((a) => perSeat((b) => (a === b ? 100 : scenario.trust.default.value)));
  for (const e of scenario.trust.entries) trust[e.from][e.to] = e.value;
  const rapport: Record<string, number> = {};
  for (const a of SEATS)
    for (const b of SEATS) if (a !== b) rapport[rapportKey(a, b)] = scenario.rapport.default.value;
  for (const e of scenario.rapport.entries) rapport[rapportKey(e.a, e.b)] = e.value;

  const projects: Record<string, ProjectState> = {};
  for (const p of scenario.projects) {
    projects[p.id] = {
      id: p.id,
      stage: p.stage,
      progress: p.progress,
      stakes: { ...p.stakes },
      capacity: p.capacity.value,
      output: p.stage === 'producing' ? Math.round(p.capacity.value * 0.5) : 0,
    };
  }
  const islands = Object.fromEntries(
    ISLANDS.map((i) => {
      const spec = scenario.islands[i];
      return [
        i,
        { administrator: spec.administrator, garrison: spec.garrison, jointActivities: spec.jointActivities },
      ];
    }),
  ) as Record<Island, IslandState>;

  const G: GameState = {
    rulesVersion: RULES_VERSION,
    scenarioId: scenario.id,
    scenarioHash: registerScenario(scenario),
    seed,
    rng: initialRngState(seed),
    round: 0,
    year: scenario.startYear,
    leaders: perSeat((s) => leaderIn(scenario, s, scenario.startYear)),
    trust,
    trustBaseline: structuredCloneJson(trust),
    trustGain: {},
    rapport,
    oilPrice: scenario.oilPrice.start.value,
    projects,
    islands,
    visaFree: scenario.visaFree.value,
    positions: {
      russia: LADDER.indexOf(scenario.positions.russia.value),
      japan: LADDER.indexOf(scenario.positions.japan.value),
    },
    floors: {
      russia: scenario.floors?.russia ? LADDER.indexOf(scenario.floors.russia.value) : 0,
      japan: scenario.floors?.japan ? LADDER.indexOf(scenario.floors.japan.value) : LADDER.length - 1,
    },
    fishingTension: scenario.fishingTension.value,
    linkage: scenario.linkage.value,
    domestic: perSeat((s) => ({
      pressure: scenario.domestic[s].pressure.value,
      capital: scenario.domestic[s].capital.value,
      strain: 0,
    })),
    alignment: {
      usJapanAlliance: scenario.alignment.usJapanAlliance.value,
      sanctions: scenario.alignment.sanctions.value,
      sinoRussian: scenario.alignment.sinoRussian.value,
      japanChina: scenario.alignment.japanChina.value,
      japanRok: scenario.alignment.japanRok.value,
    },
    koreaTies: Object.fromEntries(
      KOREAS.map((k) => [
        k,
        Object.fromEntries(KOREA_PARTNERS.map((p) => [p, scenario.koreaTies[k][p].value])),
      ]),
    ) as Record<Korea, Record<KoreaPartner, number>>,
    economy: perSeat((s) => scenario.economy[s].value),
    scores: perSeat(() => 0),
    flags: {},
    treaty: null,
    ready: perSeat(() => false),
    proposals: [],
    messages: [],
    decisions: [],
    orders: perSeat(() => null),
    revealed: [],
    agendas: perSeat(() => null),
    news: [],
    log: [],
    history: [],
    drawn: [],
    injected: [],
    nextId: 1,
    outcome: null,
  };
  return G;
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function agendaState(a: Agenda, chosen = false): AgendaState {
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    bonus: a.bonus,
    cost: agendaMissCost(a.bonus),
    chosen,
  };
}

/** What missing an agenda with this bonus costs at the end. */
export function agendaMissCost(bonus: number): number {
  return Math.round(bonus * LEVERS.score.agendaMissShare);
}

/** A fresh id for proposals, messages and decisions, deterministic within the match. */
export function nextId(G: GameState, prefix: string): string {
  const id = `${prefix}${G.nextId}`;
  G.nextId += 1;
  return id;
}

export function clamp(value: number, min = 0, max = 100): number {
  return value < min ? min : value > max ? max : value;
}

/** Rounds to one decimal so the state stays short and stable across engines. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
