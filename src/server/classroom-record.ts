/**
 * What the classroom keeps about a match beyond boardgame.io's state: the facilitator token (hashed), each seat's
 * join code, controller and students' names, the phase time limits, pause and the running timer. Stored beside the
 * match in SQLite so a restarted server resumes timers and pauses where they were.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { perSeat, type Seat } from '../game/vocabulary';

/** Phases with a time limit, in seconds (0: none). */
export const TIMED_PHASES = ['briefing', 'diplomacy', 'policy'] as const;
export type TimedPhase = (typeof TIMED_PHASES)[number];

export interface SeatRecord {
  /** 'bot': always a bot; 'human': students join with the code, and a stand-in bot plays it while nobody is there. */
  mode: 'human' | 'bot';
  /** The bot kind that plays the seat (always for bot seats, while vacant for human seats). */
  bot: string;
  code: string | null;
  names: string[];
}

export interface TimerRecord {
  /** The phase the timer runs for (`phase:round`). */
  key: string;
  /** When it expires (epoch ms) while running; null while paused or without a limit. */
  deadline: number | null;
  /** What is left while paused; null while running or without a limit. */
  remainingMs: number | null;
}

export interface ClassroomRecord {
  matchID: string;
  createdAt: number;
  scenarioId: string;
  /**
   * The match seed: the teacher's label mixed with 128 bits of server entropy (`label~entropy`), so nobody can compute
   * the agendas or the PRNG from the label. It reaches players only at the end (the views and the replay).
   */
  seed: string;
  /** What the teacher typed (or a random label): shown on screen; undefined for records made before the mixing. */
  seedLabel?: string;
  /**
   * Whether the debrief shows private messages (the facilitator's choice; undefined: withheld). Display only: the
   * replay file keeps them, because their texts are move arguments that verification re-plays.
   */
  privateMessagesInDebrief?: boolean;
  /** Whether the students' game page asks for a short reflection after each year's recap (the teacher's choice). */
  reflectionPrompt?: boolean;
  /** The class this match is one group of (`POST /api/classes`), with its 1-based group number. */
  classID?: string;
  group?: number;
  /** sha256 of the facilitator token, hex. */
  tokenHash: string;
  seats: Record<Seat, SeatRecord>;
  phaseSeconds: Record<TimedPhase, number>;
  paused: boolean;
  timer: TimerRecord | null;
  finished: boolean;
}

/** Names per seat, and characters per name. */
export const MAX_NAMES_PER_SEAT = 8;
export const MAX_NAME_CHARS = 24;

// Join codes avoid look-alike characters (0/O, 1/I/L) because students type them from a projector.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random join code: 8 characters, about 40 bits. */
export function newJoinCode(): string {
  const bytes = randomBytes(8);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** A random secret (facilitator token, seat credentials): 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The match seed for a teacher's label: the label (cut to fit 64 characters) and 128 bits of entropy. */
export function mixSeed(label: string): string {
  return `${label.slice(0, 41)}~${randomBytes(16).toString('base64url')}`;
}

/** A random match ID: 16 characters, unguessable, so a match ID alone is enough for the public projector view. */
export function newMatchID(): string {
  return randomBytes(12).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of two secrets (through their hashes, so lengths never leak). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Constant-time check of a facilitator token against a record. */
export function tokenMatches(record: ClassroomRecord, token: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  return timingSafeEqual(given, Buffer.from(record.tokenHash, 'hex'));
}

/** Student names: control characters stripped, space collapsed, bounded. */
export function cleanName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F\u200B-\u200F\u2028-\u202E]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const SeatRecordSchema = z.object({
  mode: z.enum(['human', 'bot']),
  bot: z.string(),
  code: z.string().nullable(),
  names: z.array(z.string()),
});

const RecordSchema = z.object({
  matchID: z.string(),
  createdAt: z.number(),
  scenarioId: z.string(),
  seed: z.string(),
  seedLabel: z.string().optional(),
  privateMessagesInDebrief: z.boolean().optional(),
  reflectionPrompt: z.boolean().optional(),
  classID: z.string().optional(),
  group: z.number().int().optional(),
  tokenHash: z.string(),
  seats: z.object(perSeat(() => SeatRecordSchema)),
  phaseSeconds: z.object({ briefing: z.number(), diplomacy: z.number(), policy: z.number() }),
  paused: z.boolean(),
  timer: z
    .object({ key: z.string(), deadline: z.number().nullable(), remainingMs: z.number().nullable() })
    .nullable(),
  finished: z.boolean(),
});

/** Parses a stored record (JSON text); throws a zod error naming the field when it is damaged. */
export function parseRecord(text: string): ClassroomRecord {
  return RecordSchema.parse(JSON.parse(text)) as ClassroomRecord;
}

/** Where the runtime keeps its records: SQLite's `RecordStore` here, or Postgres's (storage-pg.ts). */
export interface RecordStoreAPI {
  /** Stores the record (a Postgres store queues the write in order and returns at once). */
  save(record: ClassroomRecord): void;
  /** Every stored record; a damaged one is reported and skipped. */
  load(): ClassroomRecord[] | Promise<ClassroomRecord[]>;
}

/** The `classrooms` table: one JSON record per match. */
export class RecordStore implements RecordStoreAPI {
  private readonly put;
  private readonly all;

  constructor(db: Database.Database) {
    this.put = db.prepare(
      'INSERT INTO classrooms (match_id, record) VALUES (?, ?) ON CONFLICT(match_id) DO UPDATE SET record = excluded.record',
    );
    this.all = db.prepare('SELECT record FROM classrooms');
  }

  save(record: ClassroomRecord): void {
    this.put.run(record.matchID, JSON.stringify(record));
  }

  /** Every stored record; a damaged one is reported and skipped rather than stopping the server. */
  load(): ClassroomRecord[] {
    const records: ClassroomRecord[] = [];
    for (const row of this.all.all() as { record: string }[]) {
      try {
        records.push(parseRecord(row.record));
      } catch (error) {
        console.error('[classroom] skipping a damaged match record:', (error as Error).message);
      }
    }
    return records;
  }
}
