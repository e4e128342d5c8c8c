/**
 * What the classroom lobby (JSON over HTTP, src/server/lobby.ts) answers, as the classroom pages read it: one
 * definition for the server that writes these and the pages that read them. The request bodies are parsed by the
 * lobby's own schemas.
 */
import type { Seat } from '../game/vocabulary';
import type { ClassroomStatus } from './status';

/** The phases a facilitator times, with their limits in seconds (0: no limit). */
export type PhaseSeconds = Record<'briefing' | 'diplomacy' | 'policy', number>;

/** How a seat is played: by students (who join with the code) or by a bot for the whole match. */
export interface SeatAssignment {
  mode: 'human' | 'bot';
  /** The bot kind: the seat's bot, or for a human seat the stand-in that plays it while nobody holds it. */
  bot: string;
  /** The join code of a human seat; null for a bot seat. */
  code: string | null;
}

/** The page links of a match. The facilitator's holds its token after `#`, which browsers never send to a server. */
export interface MatchLinks {
  facilitator?: string;
  projector: string;
  join: Partial<Record<Seat, string>>;
}

/** `GET /api/scenarios`: the built-in scenarios, bot kinds and default phase limits. */
export interface ScenariosAnswer {
  scenarios: { id: string; name: string; startYear?: number; endYear?: number }[];
  botKinds: string[];
  phaseSeconds: PhaseSeconds;
}

/** `POST /api/matches`: the new match, its facilitator token (shown once) and its links. */
export interface CreatedMatchAnswer {
  matchID: string;
  facilitatorToken: string;
  seed: string;
  seats: Record<Seat, SeatAssignment>;
  links: MatchLinks;
}

/** `POST /api/join`: the joined seat's player ID and credentials, and every name now at the seat. */
export interface JoinAnswer {
  matchID: string;
  seat: Seat;
  playerID: string;
  credentials: string;
  name: string;
  names: string[];
  /** Whether the game page asks the seat for a short reflection after each year (the teacher's choice). */
  reflectionPrompt?: boolean;
}

/** `GET /api/matches/:id/facilitator`: the facilitator's credentials, the seed, codes and names (token only). */
export interface FacilitatorAnswer {
  matchID: string;
  playerID: string;
  credentials: string;
  /** The teacher's seed label (the match seed mixes in server entropy and is revealed with the replay). */
  seed: string;
  /** Whether the debrief shows private messages (the facilitator's setting). */
  privateMessagesInDebrief?: boolean;
  /** Whether the students are asked for a reflection each year (the console then offers them as CSV). */
  reflectionPrompt?: boolean;
  phaseSeconds: PhaseSeconds;
  seats: Record<Seat, SeatAssignment & { names: string[] }>;
  status: ClassroomStatus | undefined;
  links: MatchLinks;
}

/** The facilitator's controls (pause, resume, timer, advance, end, inject): the status after the change. */
export interface ControlAnswer {
  ok: true;
  status: ClassroomStatus | undefined;
}

/** One group of a class: its match, join codes and links (the facilitator link holds the class's token). */
export interface ClassGroup {
  group: number;
  matchID: string;
  /** False once the match was deleted (by the facilitator or the expiry sweep). */
  exists: boolean;
  seats?: Record<Seat, SeatAssignment>;
  status?: ClassroomStatus;
  links?: MatchLinks;
}

/**
 * `POST /api/classes` and `GET /api/classes/:id`: several matches of one era and lesson plan, one per group, under
 * one facilitator token (every group's console opens with it).
 */
export interface ClassAnswer {
  classID: string;
  /** Only in the creation answer: shown once, as for a match. */
  facilitatorToken?: string;
  scenarioId: string;
  /** The era's name in English (a client words it in its language from the era's texts). */
  scenarioName: string;
  seed: string;
  endYear: number;
  groups: ClassGroup[];
  /** The class page (its token after `#`). */
  link?: string;
}

/** A spread of values over the simulator's runs (src/sim/aggregate.ts `spread`, fewer fields). */
export interface SpreadFigures {
  n: number;
  mean: number;
  min: number;
  p25: number;
  p50: number;
  p75: number;
  max: number;
}

/** The simulator's historical-bot runs of the same era and last year, computed once per era on worker threads. */
export type SimulatedSpread =
  | { status: 'pending' }
  | { status: 'failed'; error: string }
  | {
      status: 'ready';
      runs: number;
      bots: string;
      /** The fixed seeds, e.g. "1..12": the same numbers on every server. */
      seeds: string;
      territorial: Record<'none' | 'partial' | 'full', number>;
      /** Runs that ended with a ratified treaty. */
      treaties: number;
      scores: Record<Seat, SpreadFigures>;
      indicators: Record<string, SpreadFigures>;
      /** Share of recorded year-levels whose run median lies in the recorded band (src/sim/history.ts). */
      historyShare: number;
    };

/** One group's outcome in the comparison (finished or not: an unfinished group shows where it stands). */
export interface GroupOutcome {
  group: number;
  matchID: string;
  finished: boolean;
  year: number;
  reason: string | null;
  territorial: 'none' | 'partial' | 'full' | null;
  /** The ratified treaty's formula, or null. */
  treaty: string | null;
  /** A treaty's state when one was signed: signed, ratified or collapsed. */
  treatyStatus: string | null;
  scores: Record<Seat, number>;
  ranking: Seat[] | null;
  indicators: Record<string, number>;
  /** Recorded year-levels this group stayed within, of those it reached. */
  history: { inBand: number; total: number; share: number };
  /** Each seat's final score as a percentile of the simulator's runs (once the spread is ready). */
  percentiles?: Record<Seat, number>;
}

/** `GET /api/classes/:id/comparison` (token): every group against the others, history and the simulator. */
export interface ClassComparisonAnswer {
  classID: string;
  scenarioId: string;
  scenarioName: string;
  endYear: number;
  /** The key indicators compared, with their English labels, in display order (a client words them by id). */
  indicators: { id: string; label: string }[];
  /**
   * History's row: no peace treaty and no island changing hands in any era, and the recorded band of each
   * indicator at the lesson's last year where the era has one.
   */
  history: {
    territorial: 'none';
    treaty: null;
    levels: Record<string, { min: number; max: number; band: 'record' | 'design' }>;
  };
  spread: SimulatedSpread;
  groups: GroupOutcome[];
}
