/**
 * Replay files: what a match needs to be re-run and checked anywhere. A replay holds the scenario (by id and content
 * hash, embedded when it is not built in), the seed, the seats' controllers, every dispatched action, a state hash
 * per round and the final hash. Verification re-plays the actions and names the first round that differs.
 *
 * A fork (src/match/fork.ts) is a replay like any other: its first `parent.prefixLength` actions are its parent's, up to
 * the action that began the fork year, and `reseeds` records where the match PRNG was replaced. A reseed applies
 * inside that action's step, after the previous year's Resolution and just before the fork year's News, by running
 * the Diplomacy phase's `onBegin` once with `G.rng` set to `forkRngState(seed)`; every other step is the plain rules.
 */
import type { Game } from 'boardgame.io';
import { CreateGameReducer } from './bgio';
import { z } from 'zod';
import { OilAndWater } from '../game/game';
import { hashValue } from '../game/hash';
import { initialRngState, type RngState } from '../game/rng';
import { plainStep } from '../game/plain-step';
import { SEATS, perSeat, type Seat } from '../game/vocabulary';
import { type GameState, RULES_VERSION } from '../game/state';
import { builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import { parseScenario } from '../game/scenario-validate';
import { MatchDriver, type MatchState, type RoundHash, stateHash } from './match';

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
    seats: z.object(perSeat(() => z.string().max(64))).strict(),
    actions: z
      .array(
        z.tuple([
          z.enum(['0', '1', '2', '3', '4', '5', '6']),
          z.string().max(32),
          z.array(z.unknown()).max(4),
        ]),
      )
      .max(200_000),
    roundHashes: z
      .array(z.object({ round: z.number().int(), year: z.number().int(), hash }).strict())
      .max(200),
    finalHash: hash,
    finished: z.boolean(),
    /**
     * Hash of the action list itself. Round hashes catch every edit that changes the state; this also catches edits
     * that leave it unchanged (two independent moves swapped). Optional: files without it still verify.
     */
    actionsHash: hash.optional(),
    /**
     * Where a fork came from: the parent replay's final hash, the year and round it was forked at (the start of that
     * year, after its News) and the parent's seed. `prefixLength` (how many leading actions are the parent's) and
     * `prefixHash` (the parent's state hash at the fork point) make the fork verifiable; `reseed` is the fork's own
     * new seed, if it was given one (then the last entry of `reseeds`).
     */
    parent: z
      .object({
        finalHash: hash,
        year: z.number().int(),
        seed: z.string().max(64),
        round: z.number().int().min(1).optional(),
        prefixLength: z.number().int().min(1).optional(),
        prefixHash: hash.optional(),
        reseed: z.string().min(1).max(64).optional(),
      })
      .strict()
      .optional(),
    /** PRNG reseeds, in order: before the News of the year that action `at` (0-based) begins; see `forkRngState`. */
    reseeds: z
      .array(z.object({ at: z.number().int().min(0), seed: z.string().min(1).max(64) }).strict())
      .max(200)
      .optional(),
    createdBy: z.string().max(40).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const p = r.parent;
    if (p && p.prefixLength !== undefined) {
      if (p.prefixHash === undefined || p.round === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['parent'],
          message: 'a fork with prefixLength needs round and prefixHash',
        });
      }
      if (p.prefixLength > r.actions.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['parent', 'prefixLength'],
          message: `longer than the ${r.actions.length} actions`,
        });
      }
      if (p.seed !== r.seed) {
        ctx.addIssue({
          code: 'custom',
          path: ['parent', 'seed'],
          message: `a fork keeps its parent's seed (${p.seed}), not ${r.seed}`,
        });
      }
    }
    if (p?.reseed !== undefined) {
      const last = r.reseeds?.[r.reseeds.length - 1];
      if (p.prefixLength === undefined || !last || last.seed !== p.reseed || last.at !== p.prefixLength - 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['parent', 'reseed'],
          message: "the fork's reseed must be the last reseed, at its last parent action",
        });
      }
    }
    (r.reseeds ?? []).forEach((x, i, all) => {
      if (x.at >= r.actions.length)
        ctx.addIssue({
          code: 'custom',
          path: ['reseeds', i, 'at'],
          message: `beyond the ${r.actions.length} actions`,
        });
      if (i > 0 && x.at < all[i - 1].at)
        ctx.addIssue({
          code: 'custom',
          path: ['reseeds', i, 'at'],
          message: 'reseeds must be in action order',
        });
    });
  });
export type Replay = z.infer<typeof ReplaySchema>;
export type ReplayParent = NonNullable<Replay['parent']>;
export type Reseed = NonNullable<Replay['reseeds']>[number];

/**
 * The PRNG state a fork reseeded with `seed` continues from: the state a new match seeded `fork:<seed>` would start
 * with. A deterministic function of the seed alone.
 */
export function forkRngState(seed: string): RngState {
  return initialRngState(`fork:${seed}`);
}

type Reducer = ReturnType<typeof CreateGameReducer>;
let plainReducer: Reducer | undefined;
const reseedReducers = new Map<string, Reducer>();

/** The rules' own reducer, or one whose next Diplomacy `onBegin` first replaces the PRNG (a fork's reseed). */
function reducerFor(seed: string | undefined): Reducer {
  if (seed === undefined) return (plainReducer ??= CreateGameReducer({ game: OilAndWater }));
  const hit = reseedReducers.get(seed);
  if (hit) return hit;
  // boardgame.io writes its wrapped hooks into the phase and turn configs it is given: copy them, so the variant
  // never touches the objects of the Game the rest of the process uses.
  const phases = Object.fromEntries(
    Object.entries(OilAndWater.phases as NonNullable<typeof OilAndWater.phases>).map(([name, config]) => [
      name,
      { ...config, ...(config.turn ? { turn: { ...config.turn } } : {}) },
    ]),
  );
  const diplomacy = phases.diplomacy;
  const onBegin = diplomacy.onBegin as NonNullable<typeof diplomacy.onBegin>;
  // One plain step around both, so the reseed and the News see the same copy of G (src/game/plain-step.ts).
  diplomacy.onBegin = plainStep((context: Parameters<typeof onBegin>[0]) => {
    context.G.rng = forkRngState(seed);
    return onBegin(context);
  }) as typeof onBegin;
  const game = { ...OilAndWater, plugins: [...(OilAndWater.plugins ?? [])], phases } as Game<GameState>;
  const reducer = CreateGameReducer({ game });
  if (reseedReducers.size >= 32) reseedReducers.clear();
  reseedReducers.set(seed, reducer);
  return reducer;
}

function reduce(
  state: MatchState,
  seed: string | undefined,
  playerID: string,
  move: string,
  args: unknown[],
): MatchState {
  return reducerFor(seed)(state, {
    type: 'MAKE_MOVE',
    payload: { type: move, args, playerID },
  } as Parameters<Reducer>[1]) as MatchState;
}

/**
 * Dispatches one action on a driver, reseeding the PRNG before the News this action may begin; records it like
 * `MatchDriver.move`. False (nothing recorded) when the rules refuse it.
 */
export function moveWithReseed(
  driver: MatchDriver,
  seed: string | undefined,
  playerID: string,
  move: string,
  args: unknown[],
): boolean {
  if (seed === undefined) return driver.move(playerID, move, args);
  const before = driver.state;
  const next = reduce(before, seed, playerID, move, args);
  if (next._stateID === before._stateID) return false;
  driver.state = next;
  driver.actions.push({ playerID, move, args });
  if (next.G.history.length > before.G.history.length) {
    const snap = next.G.history[next.G.history.length - 1];
    driver.roundHashes.push({ round: snap.round, year: snap.year, hash: stateHash(next.G) });
  }
  return true;
}

export interface ReplayInput {
  scenario: Scenario;
  seed: string;
  seats: Record<Seat, string>;
  /** Any engine that recorded the match: the reducer's `MatchDriver` or the direct driver. */
  driver: Pick<MatchDriver, 'actions' | 'roundHashes' | 'G' | 'over'>;
  createdBy?: string;
  parent?: Replay['parent'];
  /** A fork's reseeds (its lineage's and its own); see `forkRngState`. */
  reseeds?: Reseed[];
}

/** Builds the replay record of a driven match. Built-in scenarios are referenced; others are embedded. */
export function buildReplay({
  scenario,
  seed,
  seats,
  driver,
  createdBy,
  parent,
  reseeds,
}: ReplayInput): Replay {
  const scenarioHash = hashValue(scenario);
  const builtin = builtinScenario(scenario.id);
  const embed = !builtin || hashValue(builtin) !== scenarioHash;
  const replay: Replay = {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    rulesVersion: RULES_VERSION,
    scenario: {
      id: scenario.id,
      version: scenario.version,
      hash: scenarioHash,
      ...(embed ? { document: scenario } : {}),
    },
    seed,
    seats,
    actions: driver.actions.map((a) => [a.playerID as Replay['actions'][number][0], a.move, a.args]),
    roundHashes: driver.roundHashes.map((r) => ({ ...r })),
    finalHash: stateHash(driver.G),
    finished: driver.over,
    actionsHash: actionsHash(driver.actions.map((a) => [a.playerID, a.move, a.args])),
  };
  if (parent) replay.parent = parent;
  if (reseeds && reseeds.length > 0) replay.reseeds = reseeds.map((r) => ({ ...r }));
  if (createdBy) replay.createdBy = createdBy;
  return replay;
}

/** The hash of an action list as a replay stores it. */
export function actionsHash(actions: readonly (readonly [string, string, readonly unknown[]])[]): string {
  return hashValue(actions);
}

/** Replays serialise with stable key order, so the same match gives byte-identical files. */
export function serializeReplay(replay: Replay): string {
  return `${JSON.stringify(replay, null, 1)}\n`;
}

/** Where a year began in a replay: the action whose step ran its News, and the state hash just after it. */
export interface YearStart {
  round: number;
  year: number;
  /** 0-based index of the action that began the year. */
  action: number;
  hash: string;
  /** The match state just before that action (what a fork with a new seed re-runs the action from). */
  stateBefore: MatchState;
}

export type ReplayCheck =
  | {
      ok: true;
      replay: Replay;
      scenario: Scenario;
      driver: MatchDriver;
      rounds: number;
      yearStarts: YearStart[];
    }
  | { ok: false; error: string; round?: number; year?: number };

type Problem = { ok: false; error: string; round?: number; year?: number };

/** Why a replay made under other rules cannot be re-played: which version made it, which this build plays. */
function rulesVersionError(made: unknown): string {
  return (
    `the replay was made with rules version ${String(made)}; ` +
    `this build plays rules version ${RULES_VERSION} and cannot reproduce it`
  );
}

/** Parses replay text: size, JSON, schema, versions. Never throws. */
export function parseReplayText(text: string): { ok: true; replay: Replay } | { ok: false; error: string } {
  if (text.length > MAX_REPLAY_CHARS) {
    return {
      ok: false,
      error: `the file is too large for a replay (${text.length} characters; at most ${MAX_REPLAY_CHARS})`,
    };
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
    if (head.format !== REPLAY_FORMAT)
      return { ok: false, error: `not an Oil & Water replay (format is ${JSON.stringify(head.format)})` };
    if (head.formatVersion !== REPLAY_FORMAT_VERSION) {
      return {
        ok: false,
        error: `replay format version ${String(head.formatVersion)} is not supported; this build reads version ${REPLAY_FORMAT_VERSION}`,
      };
    }
    if (head.rulesVersion !== RULES_VERSION) {
      return { ok: false, error: rulesVersionError(head.rulesVersion) };
    }
  }
  const parsed = ReplaySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `malformed replay at ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    };
  }
  return { ok: true, replay: parsed.data };
}

/** The scenario a replay was made with, checked against its recorded content hash. */
export function replayScenario(
  replay: Replay,
): { ok: true; scenario: Scenario } | { ok: false; error: string } {
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
    if (!scenario)
      return { ok: false, error: `unknown scenario "${replay.scenario.id}" and none embedded in the replay` };
  }
  const actual = hashValue(scenario);
  if (actual !== replay.scenario.hash || scenario.version !== replay.scenario.version) {
    return {
      ok: false,
      error:
        `scenario "${replay.scenario.id}" differs from the one the replay was made with ` +
        `(replay: version ${replay.scenario.version}, hash ${replay.scenario.hash}; this build: version ${scenario.version}, hash ${actual})`,
    };
  }
  return { ok: true, scenario };
}

function describeAction(index: number, playerID: string, move: string, when?: string): string {
  return `action ${index + 1} (${move} by ${SEATS[Number(playerID)] ?? 'the facilitator'}${when ? `, ${when}` : ''})`;
}

/**
 * Re-plays a replay's actions one at a time with its reseeds, checking a fork's prefix against its parent's state.
 * `verifyReplay` and forks are built on it.
 */
export class ReplayRunner {
  readonly driver: MatchDriver;
  /** Index of the next action to apply. */
  next = 0;
  readonly yearStarts: YearStart[] = [];
  private readonly reseedsAt = new Map<number, string[]>();

  private constructor(
    readonly replay: Replay,
    readonly scenario: Scenario,
  ) {
    this.driver = new MatchDriver({ scenario, seed: replay.seed });
    for (const r of replay.reseeds ?? [])
      this.reseedsAt.set(r.at, [...(this.reseedsAt.get(r.at) ?? []), r.seed]);
  }

  /** A runner at the start of the match, or why the match cannot start. */
  static create(replay: Replay, scenario: Scenario): { ok: true; runner: ReplayRunner } | Problem {
    try {
      return { ok: true, runner: new ReplayRunner(replay, scenario) };
    } catch (error) {
      return { ok: false, error: `cannot start the match: ${(error as Error).message}` };
    }
  }

  get done(): boolean {
    return this.next >= this.replay.actions.length;
  }

  /**
   * Applies the next action. `override` replaces the recorded reseed at this action (how a fork with a new seed
   * leaves its parent); the action must then begin a year.
   */
  step(override?: string): Problem | undefined {
    const index = this.next;
    const [playerID, move, args] = this.replay.actions[index];
    const driver = this.driver;
    const before = driver.state;
    const recorded = this.reseedsAt.get(index) ?? [];
    const seed = override ?? recorded[recorded.length - 1];
    const parent = this.replay.parent;
    const prefixEnd = parent?.prefixLength === index + 1 && override === undefined;
    const hashedBefore = driver.roundHashes.length;
    if (!moveWithReseed(driver, seed, playerID, move, args)) {
      const round = driver.G.round;
      return {
        ok: false,
        error: `${describeAction(index, playerID, move, `round ${round}, ${driver.G.year}`)} is refused by the rules`,
        round,
        year: driver.G.year,
      };
    }
    this.next += 1;
    const began = driver.G.round === before.G.round + 1 && driver.state.ctx.phase === 'diplomacy';
    if (seed !== undefined && !began) {
      return {
        ok: false,
        error: `a reseed is recorded at ${describeAction(index, playerID, move)}, but that action does not begin a year`,
        round: driver.G.round,
        year: driver.G.year,
      };
    }
    if (began) {
      // The action that begins a year also ends the previous Resolution, whose round hash is of this same state.
      const hash =
        driver.roundHashes.length > hashedBefore
          ? driver.roundHashes[driver.roundHashes.length - 1].hash
          : stateHash(driver.G);
      this.yearStarts.push({
        round: driver.G.round,
        year: driver.G.year,
        action: index,
        hash,
        stateBefore: before,
      });
    }
    if (prefixEnd && parent) {
      // The parent's state here is this step under the parent's own reseeds: without the fork's reseed, if it has one.
      const parentSeeds = parent.reseed !== undefined ? recorded.slice(0, -1) : recorded;
      const parentSeed = parentSeeds[parentSeeds.length - 1];
      const parentState =
        parentSeed === seed ? driver.state : reduce(before, parentSeed, playerID, move, args);
      const where = `${parent.year}, round ${parent.round ?? '?'}`;
      if (!began || driver.G.round !== parent.round || driver.G.year !== parent.year) {
        return {
          ok: false,
          error: `the fork's ${index + 1} parent actions end in round ${driver.G.round} (${driver.G.year}), not at the start of ${where}`,
          round: driver.G.round,
          year: driver.G.year,
        };
      }
      const got = stateHash(parentState.G);
      if (got !== parent.prefixHash) {
        return {
          ok: false,
          error: `the fork's ${index + 1} parent actions do not reproduce its parent's state at ${where}: the replay says ${parent.prefixHash}, re-playing gives ${got}`,
          round: parent.round,
          year: parent.year,
        };
      }
    }
    return undefined;
  }
}

/** Re-runs a replay's actions (with a fork's reseeds) and checks every round hash and the final hash. */
export function verifyReplay(replay: Replay, options: { untilYear?: number } = {}): ReplayCheck {
  // A replay object built in code skips parseReplayText: other rules would only show up as a hash mismatch.
  if (replay.rulesVersion !== RULES_VERSION) {
    return { ok: false, error: rulesVersionError(replay.rulesVersion) };
  }
  const found = replayScenario(replay);
  if (!found.ok) return found;
  const { scenario } = found;
  const created = ReplayRunner.create(replay, scenario);
  if (!created.ok) return created;
  const { runner } = created;
  const driver = runner.driver;
  let checked = 0;
  const compare = (): Problem | undefined => {
    while (checked < driver.roundHashes.length) {
      const got: RoundHash = driver.roundHashes[checked];
      const want = replay.roundHashes[checked];
      if (!want)
        return {
          ok: false,
          error: `round ${got.round} (${got.year}) is not in the replay's hashes`,
          round: got.round,
          year: got.year,
        };
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
  while (!runner.done) {
    if (options.untilYear !== undefined && driver.G.year > options.untilYear) break;
    const problem = runner.step() ?? compare();
    if (problem) return problem;
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
    if (final !== replay.finalHash) {
      const round = driver.G.round;
      return {
        ok: false,
        error: `the final state differs: the replay says ${replay.finalHash}, re-playing gives ${final} (after round ${round}, ${driver.G.year})`,
        round,
        year: driver.G.year,
      };
    }
    if (driver.over !== replay.finished)
      return {
        ok: false,
        error: `the replay says the match ${replay.finished ? 'finished' : 'was unfinished'}, but re-playing disagrees`,
      };
    if (replay.actionsHash !== undefined && actionsHash(replay.actions) !== replay.actionsHash) {
      return {
        ok: false,
        error:
          'the actions are not the ones the replay recorded (edited, reordered, dropped or added entries), although every state hash matches',
      };
    }
  }
  return { ok: true, replay, scenario, driver, rounds: checked, yearStarts: runner.yearStarts };
}
