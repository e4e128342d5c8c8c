/**
 * Replay files: what a match needs to be re-run and checked anywhere. A replay holds the scenario (by id and content
 * hash, embedded when it is not built in), the seed, the seats' controllers, every dispatched action, a state hash
 * per round and the final hash. Verification re-plays the actions and names the first round that differs.
 */
import { z } from 'zod';
import { hashValue } from '../game/hash';
import { SEATS, type Seat } from '../game/seats';
import { RULES_VERSION } from '../game/state';
import { builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { MatchDriver, type RoundHash, stateHash } from './match';

export const REPLAY_FORMAT = 'oil-and-water-replay';
export const REPLAY_FORMAT_VERSION = 1;
/** Largest replay accepted, in characters: a full match is a few hundred kilobytes at most. */
export const MAX_REPLAY_CHARS = 8_000_000;

const hash = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-digit hex hash');

export const ReplaySchema = z
  .object({
    format: z.literal(REPLAY_FORMAT),
    formatVersion: z.number().int(),
    rulesVersion: z.number().int(),
    scenario: z
      .object({ id: z.string().max(64), version: z.number().int(), hash, document: z.unknown().optional() })
      .strict(),
    seed: z.string().min(1).max(64),
    seats: z.object(Object.fromEntries(SEATS.map((s) => [s, z.string().max(64)])) as Record<Seat, z.ZodString>).strict(),
    actions: z
      .array(z.tuple([z.enum(['0', '1', '2', '3', '4', '5', '6']), z.string().max(32), z.array(z.unknown()).max(4)]))
      .max(200_000),
    roundHashes: z.array(z.object({ round: z.number().int(), year: z.number().int(), hash }).strict()).max(200),
    finalHash: hash,
    finished: z.boolean(),
    /** Where a fork came from: the parent replay's final hash and the year it was forked at. */
    parent: z.object({ finalHash: hash, year: z.number().int(), seed: z.string() }).strict().optional(),
    createdBy: z.string().max(40).optional(),
  })
  .strict();
export type Replay = z.infer<typeof ReplaySchema>;

export interface ReplayInput {
  scenario: Scenario;
  seed: string;
  seats: Record<Seat, string>;
  driver: MatchDriver;
  createdBy?: string;
  parent?: Replay['parent'];
}

/** Builds the replay record of a driven match. Built-in scenarios are referenced; others are embedded. */
export function buildReplay({ scenario, seed, seats, driver, createdBy, parent }: ReplayInput): Replay {
  const scenarioHash = hashValue(scenario);
  const builtin = builtinScenario(scenario.id);
  const embed = !builtin || hashValue(builtin) !== scenarioHash;
  const replay: Replay = {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    rulesVersion: RULES_VERSION,
    scenario: { id: scenario.id, version: scenario.version, hash: scenarioHash, ...(embed ? { document: scenario } : {}) },
    seed,
    seats,
    actions: driver.actions.map((a) => [a.playerID as Replay['actions'][number][0], a.move, a.args]),
    roundHashes: driver.roundHashes.map((r) => ({ ...r })),
    finalHash: stateHash(driver.G),
    finished: driver.over,
  };
  if (parent) replay.parent = parent;
  if (createdBy) replay.createdBy = createdBy;
  return replay;
}

/** Replays serialise with stable key order, so the same match gives byte-identical files. */
export function serializeReplay(replay: Replay): string {
  return `${JSON.stringify(replay, null, 1)}\n`;
}

export type ReplayCheck =
  | { ok: true; replay: Replay; scenario: Scenario; driver: MatchDriver; rounds: number }
  | { ok: false; error: string; round?: number; year?: number };

/** Parses replay text: size, JSON, schema, versions. Never throws. */
export function parseReplayText(text: string): { ok: true; replay: Replay } | { ok: false; error: string } {
  if (text.length > MAX_REPLAY_CHARS) {
    return { ok: false, error: `the file is too large for a replay (${text.length} characters; at most ${MAX_REPLAY_CHARS})` };
  }
  if (text.trim() === '') return { ok: false, error: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON (truncated or damaged?): ${(error as Error).message}` };
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const head = json as Record<string, unknown>;
    if (head.format !== REPLAY_FORMAT) return { ok: false, error: `not an Oil & Water replay (format is ${JSON.stringify(head.format)})` };
    if (head.formatVersion !== REPLAY_FORMAT_VERSION) {
      return {
        ok: false,
        error: `replay format version ${String(head.formatVersion)} is not supported; this build reads version ${REPLAY_FORMAT_VERSION}`,
      };
    }
    if (head.rulesVersion !== RULES_VERSION) {
      return {
        ok: false,
        error: `the replay was made with rules version ${String(head.rulesVersion)}; this build plays rules version ${RULES_VERSION} and cannot reproduce it`,
      };
    }
  }
  const parsed = ReplaySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `malformed replay at ${issue.path.join('.') || '(top level)'}: ${issue.message}` };
  }
  return { ok: true, replay: parsed.data };
}

/** The scenario a replay was made with, checked against its recorded content hash. */
export function replayScenario(replay: Replay): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  let scenario: Scenario | undefined;
  if (replay.scenario.document !== undefined) {
    const parsed = parseScenario(replay.scenario.document);
    if (!parsed.ok) {
      const p = parsed.problems[0];
      return { ok: false, error: `the embedded scenario is invalid at ${p.path}: ${p.message}` };
    }
    scenario = parsed.scenario;
  } else {
    scenario = builtinScenario(replay.scenario.id);
    if (!scenario) return { ok: false, error: `unknown scenario "${replay.scenario.id}" and none embedded in the replay` };
  }
  const actual = hashValue(scenario);
  if (actual !== replay.scenario.hash) {
    return {
      ok: false,
      error:
        `scenario "${replay.scenario.id}" differs from the one the replay was made with ` +
        `(replay: version ${replay.scenario.version}, hash ${replay.scenario.hash}; this build: version ${scenario.version}, hash ${actual})`,
    };
  }
  return { ok: true, scenario };
}

/** Re-runs a replay's actions and checks every round hash and the final hash. */
export function verifyReplay(replay: Replay, options: { untilYear?: number } = {}): ReplayCheck {
  const found = replayScenario(replay);
  if (!found.ok) return found;
  const { scenario } = found;
  let driver: MatchDriver;
  try {
    driver = new MatchDriver({ scenario, seed: replay.seed });
  } catch (error) {
    return { ok: false, error: `cannot start the match: ${(error as Error).message}` };
  }
  let checked = 0;
  const compare = (): ReplayCheck | undefined => {
    while (checked < driver.roundHashes.length) {
      const got: RoundHash = driver.roundHashes[checked];
      const want = replay.roundHashes[checked];
      if (!want) return { ok: false, error: `round ${got.round} (${got.year}) is not in the replay's hashes`, round: got.round, year: got.year };
      if (want.round !== got.round || want.year !== got.year || want.hash !== got.hash) {
        return {
          ok: false,
          error: `round ${want.round} (${want.year}) differs: the replay says ${want.hash}, re-playing gives ${got.hash}`,
          round: want.round,
          year: want.year,
        };
      }
      checked += 1;
    }
    return undefined;
  };
  for (const [index, [playerID, move, args]] of replay.actions.entries()) {
    if (options.untilYear !== undefined && driver.G.year > options.untilYear) break;
    if (!driver.move(playerID, move, args)) {
      const round = driver.G.round;
      return {
        ok: false,
        error: `action ${index + 1} (${move} by ${SEATS[Number(playerID)] ?? 'the facilitator'}, round ${round}, ${driver.G.year}) is refused by the rules`,
        round,
        year: driver.G.year,
      };
    }
    const mismatch = compare();
    if (mismatch) return mismatch;
  }
  if (options.untilYear === undefined) {
    if (checked < replay.roundHashes.length) {
      const missing = replay.roundHashes[checked];
      return {
        ok: false,
        error: `the replay ends before round ${missing.round} (${missing.year}) that its hashes record`,
        round: missing.round,
        year: missing.year,
      };
    }
    const final = stateHash(driver.G);
    if (final !== replay.finalHash) return { ok: false, error: `the final state differs: the replay says ${replay.finalHash}, re-playing gives ${final}` };
    if (driver.over !== replay.finished) return { ok: false, error: `the replay says the match ${replay.finished ? 'finished' : 'was unfinished'}, but re-playing disagrees` };
  }
  return { ok: true, replay, scenario, driver, rounds: checked };
}
