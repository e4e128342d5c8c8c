/** The six seats of the table, in the fixed order used for player IDs and for resolving orders. */
export const SEATS = ['russia', 'japan', 'china', 'us', 'rok', 'dprk'] as const;
export type Seat = (typeof SEATS)[number];

/** boardgame.io player IDs are strings '0'..'5'; the seat order above maps them. */
export type PlayerID = '0' | '1' | '2' | '3' | '4' | '5';

/**
 * The facilitator (a teacher) is boardgame.io player '6': no seat, sees every secret but the PRNG, and has its own
 * moves (inject an event, advance idle seats, end the match). Its moves go through the reducer, so they are logged
 * and replayed like any other.
 */
export const FACILITATOR_ID = '6';
/** boardgame.io's player count: six seats and the facilitator. */
export const NUM_PLAYERS = 7;

export function seatOf(playerID: string | null | undefined): Seat | undefined {
  if (playerID == null) return undefined;
  const index = Number(playerID);
  return Number.isInteger(index) && String(index) === playerID ? SEATS[index] : undefined;
}

export function playerIDOf(seat: Seat): PlayerID {
  return String(SEATS.indexOf(seat)) as PlayerID;
}

export function isSeat(value: unknown): value is Seat {
  return typeof value === 'string' && (SEATS as readonly string[]).includes(value);
}

/** A record with one entry per seat, made by `make(seat)`; its keys are in SEATS order. */
export function perSeat<T>(make: (seat: Seat) => T): Record<Seat, T> {
  // A plain loop rather than `Object.fromEntries`: the rules build several of these a round, and this is faster.
  const out = {} as Record<Seat, T>;
  for (const s of SEATS) out[s] = make(s);
  return out;
}

/** The four disputed islands, south-west to north-east. Their names are external facts (the paper never names them). */
export const ISLANDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu'] as const;
export type Island = (typeof ISLANDS)[number];

/**
 * The negotiating ladder of GAME.md. Russia's rung is how far it has conceded; Japan's rung is the least it will
 * settle for. A treaty formula is acceptable to Russia at or below its rung and to Japan at or above its rung.
 */
export const LADDER = [
  'no-dispute',
  'acknowledged',
  'two-islands',
  'joint-development',
  'four-islands',
] as const;
export type Rung = (typeof LADDER)[number];

/** Territorial formulas a peace treaty may carry, with the ladder rung each one needs. */
export const TREATY_FORMULAS = ['none', 'two-islands', 'joint-development', 'four-islands'] as const;
export type TreatyFormula = (typeof TREATY_FORMULAS)[number];

export const FORMULA_RUNG: Record<TreatyFormula, number> = {
  none: 1,
  'two-islands': 2,
  'joint-development': 3,
  'four-islands': 4,
};

/** Islands that a ratified treaty with each formula hands to Japan. */
export const FORMULA_TRANSFERS: Record<TreatyFormula, readonly Island[]> = {
  none: [],
  'two-islands': ['habomai', 'shikotan'],
  'joint-development': ['habomai', 'shikotan'],
  'four-islands': ISLANDS,
};

export const PROJECT_STAGES = ['proposed', 'negotiating', 'financed', 'producing'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Alignment levers, each 0-100. */
export const ALIGNMENT_KEYS = [
  'usJapanAlliance',
  'sanctions',
  'sinoRussian',
  'japanChina',
  'japanRok',
] as const;
export type AlignmentKey = (typeof ALIGNMENT_KEYS)[number];

export const KOREAS = ['rok', 'dprk'] as const;
export type Korea = (typeof KOREAS)[number];
export const KOREA_PARTNERS = ['russia', 'china', 'us'] as const;
export type KoreaPartner = (typeof KOREA_PARTNERS)[number];
