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
