/**
 * The classroom lobby API (JSON over HTTP). Every body goes through a zod schema; every error names what was wrong.
 *
 *   GET  /api/health                       liveness
 *   GET  /api/scenarios                    built-in scenarios and bot kinds
 *   POST /api/matches                      create a class match → facilitator token, join codes, links
 *   POST /api/join                         { code, name } → the seat's player ID and credentials
 *   GET  /api/matches/:id/status           public status: names, timer, pause (anyone with the match ID)
 *   GET  /api/matches/:id/facilitator      the facilitator's credentials, codes and names      (token)
 *   POST /api/matches/:id/pause | resume | advance | end | inject {id} | timer {extendSeconds} | timer {skip}  (token)
 *   POST /api/matches/:id/settings {privateMessagesInDebrief}                                   (token)
 *   DELETE /api/matches/:id                the match, its stored rows and its sockets                   (token)
 *   GET  /api/matches/:id/replay           the replay file: with the token, or by anyone once the match is over
 *   GET  /api/matches/:id/reflections.csv  the seats' reflections for grading: seat, year, names, text (token;
 *                                          ?lang= words the header and countries)
 *   POST /api/classes                      { groups: 3-6, …the match fields } → N matches under one token
 *   GET  /api/classes/:id                  the class's groups, codes and status                        (token)
 *   GET  /api/classes/:id/comparison       groups against each other, history and the simulator        (token)
 */
import type http from 'node:http';
import { z } from 'zod';
import type { State } from 'boardgame.io';
import { createMatch } from '../match/bgio';
import { OilAndWater } from '../game/game';
import { BroadcastArgs } from '../game/args';
import { FACILITATOR_ID, NUM_PLAYERS, SEATS, type Seat, isSeat, playerIDOf } from '../game/vocabulary';
import type { GameState } from '../game/state';
import { scenarioOf } from '../game/scenario-registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import { cutEra } from '../scenario/lesson-cut';
import type { Scenario } from '../game/scenario-schema';
import { botKinds, kindProblem } from '../bots/registry';
import { serializeReplay } from '../match/replay';
import {
  type ClassroomRecord,
  type SeatRecord,
  MAX_NAMES_PER_SEAT,
  MAX_NAME_CHARS,
  cleanName,
  hashToken,
  newJoinCode,
  mixSeed,
  newMatchID,
  newSecret,
  tokenMatches,
} from './classroom-record';
import { HttpError, RateLimiter, readJson, sendJson } from './http-util';
import { type Clock, type ClockTimer, systemClock } from './clock';
import { exportReplay } from './replay-export';
import type { ClassroomRuntime } from './runtime';
import { MatchIDSchema, firstIssue } from '../protocol/schemas';
import type {
  ClassAnswer,
  ClassComparisonAnswer,
  ControlAnswer,
  CreatedMatchAnswer,
  FacilitatorAnswer,
  JoinAnswer,
  MatchLinks,
  PhaseSeconds,
  ScenariosAnswer,
  SeatAssignment,
} from '../protocol/lobby';
import type { ClassroomStatus } from '../protocol/status';
import type { MatchStorage } from './storage';
import {
  type ClassStoreAPI,
  MAX_GROUPS,
  MIN_GROUPS,
  SpreadCache,
  classComparison,
  classTokenMatches,
  type ClassRecord,
} from './classes';
import { CSV_LANGUAGES, reflectionsCsv } from './reflections-csv';
import { isLanguage } from '../i18n';
import type { ClassroomTransport } from './transport';

export interface LobbyLimits {
  /** Largest create body (a custom scenario document may be sent), and largest other body, in bytes. */
  maxCreateBytes: number;
  maxBodyBytes: number;
  /** Matches this server holds at most. */
  maxMatches: number;
  /**
   * Match creation per client address, apart from the general request rate: a burst, then this many per hour
   * (a school behind one NAT address still gets a class's worth at once).
   */
  createBurst: number;
  createPerHour: number;
  /** A finished match is deleted this long after its last change (ms; 0 keeps it forever). */
  finishedTtlMs: number;
  /** An unfinished match nobody is connected to is deleted this long after its last change (ms; 0: never). */
  abandonedTtlMs: number;
  /** Finished replays kept rebuilt in memory. */
  replayCacheSize: number;
}

const HOUR = 3_600_000;

export const DEFAULT_LOBBY_LIMITS: LobbyLimits = {
  maxCreateBytes: 512 * 1024,
  maxBodyBytes: 4 * 1024,
  maxMatches: 500,
  createBurst: 20,
  createPerHour: 20,
  finishedTtlMs: 7 * 24 * HOUR,
  abandonedTtlMs: 48 * HOUR,
  replayCacheSize: 32,
};

const Seconds = z.number().int().min(0).max(86_400);
const BotKind = z.string().min(1).max(40);

export const CreateMatchBody = z
  .object({
    /** A built-in scenario id, or a whole scenario document. */
    scenario: z.union([z.string().min(1).max(64), z.record(z.string(), z.unknown())]),
    seed: z.string().min(1).max(64).optional(),
    /** Seats a bot plays for the whole match, with the bot kind. */
    bots: z.record(z.string(), BotKind).optional(),
    /** The bot that stands in for a human seat nobody holds. */
    standIn: BotKind.optional(),
    phaseSeconds: z
      .object({ briefing: Seconds, diplomacy: Seconds, policy: Seconds })
      .partial()
      .strict()
      .optional(),
    /** Created paused (the default), so nothing moves until the facilitator starts the match. */
    startPaused: z.boolean().optional(),
    /** A lesson's last year: the built-in era ends there instead (src/scenario/lesson-cut.ts). */
    endYear: z.number().int().min(1900).max(2100).optional(),
    /** Whether the debrief shows private messages (default: withheld); the facilitator may change it later. */
    privateMessagesInDebrief: z.boolean().optional(),
    /** Whether the students' game page asks for a short reflection after each year (default: no). */
    reflectionPrompt: z.boolean().optional(),
  })
  .strict();

/** A class: the match fields (a built-in era only: history and the simulator know only those) and the groups. */
export const CreateClassBody = CreateMatchBody.omit({ scenario: true })
  .extend({
    scenario: z.string().min(1).max(64),
    groups: z.number().int().min(MIN_GROUPS).max(MAX_GROUPS),
  })
  .strict();

const JoinBody = z
  .object({
    code: z.string().min(4).max(16),
    name: z
      .string()
      .min(1)
      .max(MAX_NAME_CHARS * 4),
  })
  .strict();
const InjectBody = z.object({ id: z.string().min(1).max(63) }).strict();
const TimerBody = z.union([
  z.object({ extendSeconds: z.number().int().min(1).max(3600) }).strict(),
  z.object({ skip: z.literal(true) }).strict(),
]);
const EmptyBody = z.object({}).strict();
/** A notice to the class: the rules clean and bound it again (the broadcast move), this only caps the body. */
const BroadcastBody = BroadcastArgs.extend({ text: BroadcastArgs.shape.text.min(1) }).strict();
const SettingsBody = z.object({ privateMessagesInDebrief: z.boolean() }).strict();

export const DEFAULT_PHASE_SECONDS: PhaseSeconds = { briefing: 300, diplomacy: 480, policy: 240 };

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, `bad request: ${firstIssue(result.error)}`);
  return result.data;
}

export interface LobbyDeps {
  storage: MatchStorage;
  /** Where classes are kept (beside the matches: SQLite or Postgres). */
  classes: ClassStoreAPI;
  runtime: ClassroomRuntime;
  transport: ClassroomTransport;
  limits: LobbyLimits;
  /** The creation rate limit and the expiry sweep run on it (tests inject a manual clock). */
  clock?: Clock;
  /**
   * Resolves once what was just saved is stored (Postgres queues its writes): a new match is answered only then, so
   * another server process of a cluster can already find it by its ID or a join code.
   */
  stored?: () => Promise<void>;
  /**
   * Cluster (Postgres): reserves a new match's join codes, unique across every process, and counts the matches of
   * every process for the match limit. Without them the codes are unique among this process's matches and the limit
   * counts them.
   */
  cluster?: {
    reserveCodes(matchID: string, count: number, draw: () => string): Promise<string[]>;
    count(): Promise<number>;
    /** Finished matches last written before `before` (ms since the epoch), whoever serves them. */
    finishedBefore(before: number): Promise<string[]>;
    /** True when this process serves the match (taking it if nobody does): it may then delete it. */
    takeForExpiry(matchID: string): Promise<boolean>;
    /** Gives up the lease of a deleted match. */
    forget(matchID: string): void;
    /** A group's seats and status from the process serving its match (null: no such match). */
    group(matchID: string): Promise<RemoteGroup | null>;
  };
  /** The address a request is counted by (TRUST_PROXY: the forwarded client's); default the connection's. */
  clientAddress?: (req: http.IncomingMessage) => string;
  /** The simulator's spreads for class comparisons (tests share one to wait on it); one per lobby otherwise. */
  spreads?: SpreadCache;
}

/** The lobby's request handler, and its expiry sweep (stopped at shutdown). */
export interface Lobby {
  (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
  /** Deletes expired matches now (the sweep also runs on a timer); returns the IDs deleted. */
  sweep(): string[];
  stop(): void;
}

/** The replay header that tells the debrief whether to show private messages (the facilitator's setting). */
export const PRIVATE_MESSAGES_HEADER = 'X-Debrief-Private-Messages';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, params: string[]) => Promise<void>;

/** The lobby's request handler (resolves false when the path is not an API path), with its expiry sweep. */
export function createLobby(deps: LobbyDeps): Lobby {
  const { storage, runtime, transport, limits } = deps;
  const clock = deps.clock ?? systemClock;
  /** A group's seats and status, when this process serves its match. */
  const localGroup = (matchID: string): RemoteGroup | undefined => {
    const m = runtime.get(matchID);
    if (!m) return undefined;
    const seats = Object.fromEntries(
      SEATS.map((s) => [s, { mode: m.seats[s].mode, bot: m.seats[s].bot, code: m.seats[s].code }]),
    ) as RemoteGroup['seats'];
    return { seats, status: runtime.status(matchID) };
  };
  /** The matches the limit counts: every process's in a cluster, else this one's. */
  const matchCount = async () => (deps.cluster ? await deps.cluster.count() : runtime.list().length);
  /** A new match's ID and, in a cluster, its join codes reserved across every process. */
  const prepare = async (body: { bots?: Record<string, string> }): Promise<Prepared> => {
    const matchID = newMatchID();
    if (!deps.cluster) return { matchID };
    const humans = SEATS.filter((s) => !body.bots?.[s]).length;
    return { matchID, codes: await deps.cluster.reserveCodes(matchID, humans, newJoinCode) };
  };
  const addressOf =
    deps.clientAddress ?? ((req: http.IncomingMessage) => req.socket.remoteAddress ?? 'unknown');
  const createLimiter = new RateLimiter(limits.createBurst, limits.createPerHour / 3600, undefined, clock);
  // Rebuilding a replay re-plays the whole match (hundreds of ms of main thread): keep the text per state ID, so
  // any change rebuilds it and a finished match (which never changes) is rebuilt once.
  const replays = new Map<string, { stateID: number; text: string }>();
  // The last change seen per match, on the injected clock: the sweep's idea of "last activity".
  const seen = new Map<string, { stateID: number; at: number }>();
  const classes = deps.classes;
  const spreads = deps.spreads ?? new SpreadCache();

  /** Stops serving a match and deletes everything stored about it. */
  const removeMatch = (id: string) => {
    transport.dropMatch(id);
    runtime.remove(id);
    replays.delete(id);
    seen.delete(id);
    void storage.wipe(id);
    deps.cluster?.forget(id);
  };

  /**
   * In a cluster, finished matches nobody serves (their process died or shut down) are in no process's memory: the
   * stored time of their last write says when they expire, and the process that takes one deletes it.
   */
  const sweepStored = async (): Promise<string[]> => {
    if (!deps.cluster || limits.finishedTtlMs <= 0) return [];
    const gone: string[] = [];
    for (const id of await deps.cluster.finishedBefore(Date.now() - limits.finishedTtlMs)) {
      if (runtime.get(id)) continue; // served here: the sweep counts its idle time
      if (!(await deps.cluster.takeForExpiry(id))) continue;
      removeMatch(id);
      gone.push(id);
    }
    if (gone.length > 0)
      console.log(`[classroom] deleted ${gone.length} expired unserved match(es): ${gone.join(', ')}`);
    return gone;
  };

  const sweep = (): string[] => {
    const now = clock.now();
    const gone: string[] = [];
    for (const record of runtime.list()) {
      const id = record.matchID;
      const stateID = (storage.fetchNow(id, { state: true }).state as State | undefined)?._stateID ?? -1;
      const last = seen.get(id);
      if (!last || last.stateID !== stateID) {
        seen.set(id, { stateID, at: now });
        continue;
      }
      const idle = now - last.at;
      const connected = Object.values(transport.presence(id)).some((n) => n > 0);
      const expired = record.finished
        ? limits.finishedTtlMs > 0 && idle >= limits.finishedTtlMs
        : limits.abandonedTtlMs > 0 && idle >= limits.abandonedTtlMs && !connected;
      if (expired) {
        removeMatch(id);
        gone.push(id);
      }
    }
    if (gone.length > 0)
      console.log(`[classroom] deleted ${gone.length} expired match(es): ${gone.join(', ')}`);
    return gone;
  };
  // Sweep often enough that a match outlives its limit by at most a tenth of it (and at least once an hour).
  const ttls = [limits.finishedTtlMs, limits.abandonedTtlMs].filter((t) => t > 0);
  const every = Math.max(1000, Math.min(HOUR, ...ttls.map((t) => t / 10)));
  let sweepTimer: ClockTimer | undefined;
  const arm = () => {
    sweepTimer = clock.setTimeout(() => {
      try {
        sweep();
      } catch (error) {
        console.error('[classroom] expiry sweep failed:', error);
      }
      void sweepStored().catch((error: unknown) =>
        console.error('[classroom] expiry of unserved matches failed:', (error as Error).message),
      );
      arm();
    }, every);
  };
  if (ttls.length > 0) {
    sweep();
    arm();
  }

  const matchOf = (id: string): ClassroomRecord => {
    const checked = MatchIDSchema.safeParse(id);
    if (!checked.success) throw new HttpError(400, `"${id.slice(0, 60)}" is not a match ID`);
    const record = runtime.get(id);
    if (!record) throw new HttpError(404, `no match "${id}" on this server`);
    return record;
  };

  const facilitatorOf = (req: http.IncomingMessage, id: string): ClassroomRecord => {
    const record = matchOf(id);
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.{1,200})$/.exec(header)?.[1];
    if (!token) throw new HttpError(401, 'this needs the facilitator token (Authorization: Bearer <token>)');
    if (!tokenMatches(record, token)) throw new HttpError(403, 'wrong facilitator token for this match');
    return record;
  };

  /** A class and its token check, as `facilitatorOf` for a match. */
  const classOf = async (req: http.IncomingMessage, id: string): Promise<ClassRecord> => {
    if (!MatchIDSchema.safeParse(id).success)
      throw new HttpError(400, `"${id.slice(0, 60)}" is not a class ID`);
    const record = await classes.get(id);
    if (!record) throw new HttpError(404, `no class "${id}" on this server`);
    const token = /^Bearer (.{1,200})$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new HttpError(401, 'this needs the facilitator token (Authorization: Bearer <token>)');
    if (!classTokenMatches(record, token)) throw new HttpError(403, 'wrong facilitator token for this class');
    return record;
  };

  /** The class's era as its groups play it (cut to the lesson's last year), for the simulator's spread. */
  const classScenario = (record: ClassRecord): Scenario => {
    const whole = builtinScenario(record.scenarioId) as Scenario | undefined;
    if (!whole)
      throw new HttpError(500, `class ${record.classID}: its era "${record.scenarioId}" is not built in`);
    if (record.endYear >= whole.endYear) return whole;
    const cut = cutEra(whole, record.endYear);
    if (!cut.ok) throw new HttpError(500, `class ${record.classID}: ${cut.error}`);
    return cut.scenario;
  };

  const classAnswer = async (req: http.IncomingMessage, record: ClassRecord): Promise<ClassAnswer> => {
    const base = `http://${req.headers.host ?? 'localhost'}`;
    // In a cluster a group's match may be served by another process: its seats and status come from there.
    const groups = await Promise.all(
      record.matchIDs.map(async (matchID, i): Promise<ClassAnswer['groups'][number]> => {
        const here = localGroup(matchID);
        const found = here ?? (deps.cluster ? await deps.cluster.group(matchID).catch(() => null) : null);
        if (!found) return { group: i + 1, matchID, exists: false };
        return {
          group: i + 1,
          matchID,
          exists: true,
          seats: found.seats,
          ...(found.status ? { status: found.status } : {}),
          links: links(base, { matchID, seats: found.seats }),
        };
      }),
    );
    return {
      classID: record.classID,
      scenarioId: record.scenarioId,
      scenarioName: builtinScenario(record.scenarioId)?.name ?? record.scenarioId,
      seed: record.seedLabel,
      endYear: record.endYear,
      groups,
    };
  };

  const emptyBody = async (req: http.IncomingMessage) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > 0 || req.headers['transfer-encoding'])
      parse(EmptyBody, await readJson(req, limits.maxBodyBytes));
  };

  const facilitatorMove =
    (move: 'advance' | 'endMatch' | 'inject' | 'broadcast'): Handler =>
    async (req, res, [id]) => {
      const record = facilitatorOf(req, id);
      const body = () => readJson(req, limits.maxBodyBytes);
      const args: unknown[] =
        move === 'inject'
          ? [parse(InjectBody, await body())]
          : move === 'broadcast'
            ? [parse(BroadcastBody, await body())]
            : [];
      if (args.length === 0) await emptyBody(req);
      if (move === 'inject') {
        const state = storage.fetchNow(record.matchID, { state: true }).state as State<GameState> | undefined;
        const deck = state ? scenarioOf(state.G).wildcards.deck : [];
        const wanted = (args[0] as { id: string }).id;
        if (!deck.some((c) => c.id === wanted)) {
          throw new HttpError(
            400,
            `"${wanted}" is not in this era's deck (known: ${deck.map((c) => c.id).join(', ')})`,
          );
        }
      }
      const ok = await transport.dispatch(record.matchID, FACILITATOR_ID, move, args);
      if (!ok)
        throw new HttpError(
          409,
          `the rules refused ${move} now (is the match over, or the event already used?)`,
        );
      sendJson(res, 200, { ok: true, status: runtime.status(record.matchID) } satisfies ControlAnswer);
    };

  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/api\/health$/,
      async (_req, res) => sendJson(res, 200, { ok: true, matches: runtime.list().length }),
    ],
    [
      'GET',
      /^\/api\/scenarios$/,
      async (_req, res) => {
        const scenarios = BUILTIN_IDS.map((id) => {
          const s = builtinScenario(id);
          return { id, name: s?.name ?? id, startYear: s?.startYear, endYear: s?.endYear };
        });
        sendJson(res, 200, {
          scenarios,
          botKinds: botKinds(),
          phaseSeconds: DEFAULT_PHASE_SECONDS,
        } satisfies ScenariosAnswer);
      },
    ],
    [
      'POST',
      /^\/api\/matches$/,
      async (req, res) => {
        if (!createLimiter.take(addressOf(req))) {
          throw new HttpError(
            429,
            `too many new matches from this address (at most ${limits.createPerHour} an hour): wait, or reuse one`,
            {
              'Retry-After': String(Math.ceil(3600 / Math.max(1e-9, limits.createPerHour))),
            },
          );
        }
        const body = parse(CreateMatchBody, await readJson(req, limits.maxCreateBytes));
        if ((await matchCount()) >= limits.maxMatches) {
          throw new HttpError(503, `this server already holds ${limits.maxMatches} matches`);
        }
        const { scenario: _scenario, ...created } = createClassMatch(
          body,
          deps,
          undefined,
          await prepare(body),
        );
        await deps.stored?.();
        const base = `http://${req.headers.host ?? 'localhost'}`;
        sendJson(res, 201, { ...created, links: links(base, created) } satisfies CreatedMatchAnswer);
      },
    ],
    [
      'POST',
      /^\/api\/classes$/,
      async (req, res) => {
        const body = parse(CreateClassBody, await readJson(req, limits.maxBodyBytes));
        // Each group is a match: a class takes as many of the address's creations as it has groups.
        const address = addressOf(req);
        for (let i = 0; i < body.groups; i++) {
          if (!createLimiter.take(address)) {
            throw new HttpError(
              429,
              `too many new matches from this address (at most ${limits.createPerHour} an hour): wait, or reuse one`,
              {
                'Retry-After': String(Math.ceil(3600 / Math.max(1e-9, limits.createPerHour))),
              },
            );
          }
        }
        if ((await matchCount()) + body.groups > limits.maxMatches) {
          throw new HttpError(
            503,
            `this server cannot hold ${body.groups} more matches (at most ${limits.maxMatches})`,
          );
        }
        const classID = newMatchID();
        const token = newSecret();
        const seedLabel = body.seed ?? newSecret().slice(0, 12);
        const { groups, ...matchBody } = body;
        // Same era, lesson plan, timers and seed label for every group; each match mixes its own entropy into the
        // seed (createClassMatch), so groups meet different wildcards and agendas, and nobody can compute them.
        const prepared: Prepared[] = [];
        for (let i = 0; i < groups; i++) prepared.push(await prepare(matchBody));
        const made = prepared.map((ids, i) =>
          createClassMatch({ ...matchBody, seed: seedLabel }, deps, { token, classID, group: i + 1 }, ids),
        );
        const scenario = made[0].scenario as Scenario;
        const record: ClassRecord = {
          classID,
          createdAt: Date.now(),
          scenarioId: body.scenario,
          seedLabel,
          endYear: scenario.endYear,
          tokenHash: hashToken(token),
          matchIDs: made.map((m) => m.matchID),
        };
        classes.save(record);
        await deps.stored?.();
        // Start the simulator's runs now, on worker threads, so the comparison has them by the lesson's end.
        spreads.get(scenario);
        const base = `http://${req.headers.host ?? 'localhost'}`;
        sendJson(res, 201, {
          ...(await classAnswer(req, record)),
          facilitatorToken: token,
          link: `${base}/classroom.html?class=${classID}#token=${token}`,
        } satisfies ClassAnswer);
      },
    ],
    [
      'GET',
      /^\/api\/classes\/([^/]+)$/,
      async (req, res, [id]) =>
        sendJson(res, 200, (await classAnswer(req, await classOf(req, id))) satisfies ClassAnswer),
    ],
    [
      'GET',
      /^\/api\/classes\/([^/]+)\/comparison$/,
      async (req, res, [id]) => {
        const record = await classOf(req, id);
        // In a cluster a group served by another process is read from the database (Postgres `fetch` reads it).
        const states = await Promise.all(
          record.matchIDs.map(async (matchID) => {
            const state = runtime.get(matchID)
              ? (storage.fetchNow(matchID, { state: true }).state as State<GameState> | undefined)
              : deps.cluster
                ? ((await storage.fetch(matchID, { state: true })).state as State<GameState> | undefined)
                : undefined;
            return state ? { matchID, state } : undefined;
          }),
        );
        sendJson(
          res,
          200,
          classComparison(record, classScenario(record), states, spreads) satisfies ClassComparisonAnswer,
        );
      },
    ],
    [
      'GET',
      /^\/api\/matches\/([^/]+)\/reflections\.csv$/,
      async (req, res, [id]) => {
        // Graded work: the facilitator's token even after the match ends (the replay then holds the texts too,
        // but a class list of names beside them is the teacher's alone).
        const record = facilitatorOf(req, id);
        const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? 'en';
        if (!isLanguage(lang))
          throw new HttpError(
            400,
            `lang "${lang.slice(0, 20)}": expected one of ${Object.keys(CSV_LANGUAGES).join(', ')}`,
          );
        const state = storage.fetchNow(id, { state: true }).state as State<GameState> | undefined;
        res.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="oil-and-water-reflections-${id}.csv"`,
          'Cache-Control': 'no-store',
        });
        res.end(reflectionsCsv(state?.G.reflections ?? [], record, CSV_LANGUAGES[lang]));
      },
    ],
    [
      'POST',
      /^\/api\/join$/,
      async (req, res) => {
        const body = parse(JoinBody, await readJson(req, limits.maxBodyBytes));
        const name = cleanName(body.name);
        if (name.length === 0 || name.length > MAX_NAME_CHARS) {
          throw new HttpError(400, `bad request: name must be 1-${MAX_NAME_CHARS} visible characters`);
        }
        const found = runtime.byCode(body.code.trim().toUpperCase());
        if (!found) throw new HttpError(404, 'no seat has that join code: check it with your teacher');
        const { record, seat } = found;
        const names = record.seats[seat].names;
        if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) {
          if (names.length >= MAX_NAMES_PER_SEAT)
            throw new HttpError(409, `the ${seat} seat is full (${MAX_NAMES_PER_SEAT} students)`);
          names.push(name);
          runtime.touch(record.matchID);
        }
        const { metadata } = storage.fetchNow(record.matchID, { metadata: true });
        const playerID = playerIDOf(seat);
        const credentials = metadata?.players[Number(playerID)]?.credentials;
        if (!credentials)
          throw new HttpError(500, `the ${seat} seat of match ${record.matchID} has no credentials`);
        sendJson(res, 200, {
          matchID: record.matchID,
          seat,
          playerID,
          credentials,
          name,
          names: [...names],
          ...(record.reflectionPrompt ? { reflectionPrompt: true } : {}),
        } satisfies JoinAnswer);
      },
    ],
    [
      'GET',
      /^\/api\/matches\/([^/]+)\/status$/,
      async (_req, res, [id]) => {
        matchOf(id);
        sendJson(res, 200, runtime.status(id));
      },
    ],
    [
      'GET',
      /^\/api\/matches\/([^/]+)\/facilitator$/,
      async (req, res, [id]) => {
        const record = facilitatorOf(req, id);
        const { metadata } = storage.fetchNow(id, { metadata: true });
        const seats = Object.fromEntries(
          SEATS.map((s) => [s, { ...record.seats[s], names: [...record.seats[s].names] }]),
        ) as FacilitatorAnswer['seats'];
        const credentials = metadata?.players[Number(FACILITATOR_ID)]?.credentials;
        if (!credentials) throw new HttpError(500, `the facilitator of match ${id} has no credentials`);
        sendJson(res, 200, {
          matchID: id,
          playerID: FACILITATOR_ID,
          credentials,
          seed: record.seedLabel ?? record.seed,
          privateMessagesInDebrief: record.privateMessagesInDebrief === true,
          ...(record.reflectionPrompt ? { reflectionPrompt: true } : {}),
          phaseSeconds: record.phaseSeconds,
          seats,
          status: runtime.status(id),
          links: links(`http://${req.headers.host ?? 'localhost'}`, { matchID: id, seats: record.seats }),
        } satisfies FacilitatorAnswer);
      },
    ],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/pause$/,
      async (req, res, [id]) => {
        facilitatorOf(req, id);
        await emptyBody(req);
        runtime.pause(id);
        sendJson(res, 200, { ok: true, status: runtime.status(id) } satisfies ControlAnswer);
      },
    ],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/resume$/,
      async (req, res, [id]) => {
        facilitatorOf(req, id);
        await emptyBody(req);
        runtime.resume(id);
        sendJson(res, 200, { ok: true, status: runtime.status(id) } satisfies ControlAnswer);
      },
    ],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/timer$/,
      async (req, res, [id]) => {
        facilitatorOf(req, id);
        const body = parse(TimerBody, await readJson(req, limits.maxBodyBytes));
        if ('skip' in body) {
          if (!(await runtime.skip(id)))
            throw new HttpError(409, 'the phase could not be skipped (is the match over?)');
        } else runtime.extend(id, body.extendSeconds);
        sendJson(res, 200, { ok: true, status: runtime.status(id) } satisfies ControlAnswer);
      },
    ],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/settings$/,
      async (req, res, [id]) => {
        const record = facilitatorOf(req, id);
        const body = parse(SettingsBody, await readJson(req, limits.maxBodyBytes));
        record.privateMessagesInDebrief = body.privateMessagesInDebrief;
        runtime.touch(id);
        sendJson(res, 200, { ok: true, privateMessagesInDebrief: body.privateMessagesInDebrief });
      },
    ],
    [
      'DELETE',
      /^\/api\/matches\/([^/]+)$/,
      async (req, res, [id]) => {
        facilitatorOf(req, id);
        await emptyBody(req);
        removeMatch(id);
        sendJson(res, 200, { ok: true, deleted: id });
      },
    ],
    ['POST', /^\/api\/matches\/([^/]+)\/advance$/, facilitatorMove('advance')],
    ['POST', /^\/api\/matches\/([^/]+)\/end$/, facilitatorMove('endMatch')],
    ['POST', /^\/api\/matches\/([^/]+)\/inject$/, facilitatorMove('inject')],
    ['POST', /^\/api\/matches\/([^/]+)\/broadcast$/, facilitatorMove('broadcast')],
    [
      'GET',
      /^\/api\/matches\/([^/]+)\/replay$/,
      async (req, res, [id]) => {
        const record = matchOf(id);
        // Once a match is over every secret is open (the rules' own views say so), so its replay is public.
        if (!record.finished) facilitatorOf(req, id);
        const stateID = (storage.fetchNow(id, { state: true }).state as State | undefined)?._stateID ?? -1;
        let text = replays.get(id)?.stateID === stateID ? replays.get(id)?.text : undefined;
        if (text === undefined) {
          const stored = await storage.fetch(id, { state: true, initialState: true, log: true });
          text = serializeReplay(exportReplay(record, stored as Parameters<typeof exportReplay>[1]));
          replays.delete(id);
          replays.set(id, { stateID, text });
          // Oldest first out: a Map iterates in insertion order.
          while (replays.size > limits.replayCacheSize) replays.delete(replays.keys().next().value as string);
        }
        res.writeHead(200, {
          // The facilitator's choice for the debrief; the file keeps the texts (verification re-plays them).
          [PRIVATE_MESSAGES_HEADER]: record.privateMessagesInDebrief === true ? 'include' : 'withhold',
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="oil-and-water-${record.scenarioId}-${id}.json"`,
          'Cache-Control': 'no-store',
        });
        res.end(text);
      },
    ],
  ];

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return false;
    const matching = routes.filter(([, pattern]) => pattern.test(url.pathname));
    if (matching.length === 0) throw new HttpError(404, `no API endpoint ${url.pathname}`);
    const route = matching.find(([method]) => method === req.method);
    if (!route) {
      const allowed = [...new Set(matching.map(([m]) => m))].join(', ');
      throw new HttpError(405, `${req.method} is not allowed on ${url.pathname} (use ${allowed})`, {
        Allow: allowed,
      });
    }
    const params = (route[1].exec(url.pathname) ?? []).slice(1).map((p) => decodePathPart(p));
    await route[2](req, res, params);
    return true;
  };
  return Object.assign(handler, { sweep, stop: () => clock.clearTimeout(sweepTimer) });
}

/** A path segment decoded; a malformed percent-encoding (`%E0%A4%A`) is the client's error, not a crash. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, `bad percent-encoding in the path: "${part.slice(0, 60)}"`);
  }
}

type CreatedMatch = Omit<CreatedMatchAnswer, 'links'>;

/**
 * Creates the boardgame.io match (credentials for all seven players) and its classroom record; with `group`, as
 * one group of a class, under the class's token. Also returns the scenario document the match plays.
 */
/** What a class page shows of one group, as the process serving its match answers it. */
export interface RemoteGroup {
  seats: Record<Seat, SeatAssignment>;
  status?: ClassroomStatus;
}

/** A new match's ID, and in a cluster the join codes reserved for it. */
interface Prepared {
  matchID: string;
  codes?: string[];
}

function createClassMatch(
  body: z.infer<typeof CreateMatchBody>,
  deps: LobbyDeps,
  group?: { token: string; classID: string; group: number },
  prepared: Prepared = { matchID: newMatchID() },
): CreatedMatch & { scenario: unknown } {
  const kinds = botKinds();
  // The whole entry (kind and option) is checked now: a bad one accepted here would throw in every bot pass later.
  const checkKind = (kind: string, where: string) => {
    const problem = kindProblem(kind);
    if (problem) throw new HttpError(400, `bad request: ${where}: ${problem}`);
  };
  const bots = body.bots ?? {};
  for (const [seat, kind] of Object.entries(bots)) {
    if (!isSeat(seat))
      throw new HttpError(400, `bad request: bots.${seat}: unknown seat (seats: ${SEATS.join(', ')})`);
    checkKind(kind, `bots.${seat}`);
  }
  const standIn = body.standIn ?? (kinds.includes('historical') ? 'historical' : 'random');
  checkKind(standIn, 'standIn');

  let scenarioId: string;
  let scenario: unknown;
  if (typeof body.scenario === 'string') {
    scenario = builtinScenario(body.scenario);
    if (!scenario)
      throw new HttpError(
        400,
        `bad request: scenario: unknown scenario "${body.scenario}" (known: ${BUILTIN_IDS.join(', ')})`,
      );
    scenarioId = body.scenario;
    if (body.endYear !== undefined) {
      const cut = cutEra(scenario as Scenario, body.endYear);
      if (!cut.ok) throw new HttpError(400, `bad request: ${cut.error}`);
      scenario = cut.scenario;
    }
  } else {
    // A teacher's own document says its own endYear.
    if (body.endYear !== undefined)
      throw new HttpError(400, 'bad request: endYear: only with a built-in scenario id');
    scenario = body.scenario;
    scenarioId = typeof body.scenario.id === 'string' ? body.scenario.id.slice(0, 64) : 'custom';
  }
  // The teacher's text is a label only: with 128 bits of server entropy mixed in, typing `7` no longer lets a
  // student compute the agendas offline. The full seed is revealed with everything else at the end.
  const seedLabel = body.seed ?? newSecret().slice(0, 12);
  const seed = mixSeed(seedLabel);
  const match = createMatch({
    game: OilAndWater,
    numPlayers: NUM_PLAYERS,
    setupData: { scenario, seed },
    unlisted: true,
  });
  if ('setupDataError' in match) throw new HttpError(400, `bad request: ${String(match.setupDataError)}`);
  const { metadata, initialState } = match;
  // The seed and scenario live in the classroom record; metadata is read on every move, so it stays small.
  delete metadata.setupData;
  for (let i = 0; i < NUM_PLAYERS; i++) metadata.players[i].credentials = newSecret();

  const matchID = prepared.matchID;
  const token = group?.token ?? newSecret();
  const used = new Set(deps.runtime.list().flatMap((r) => SEATS.map((s) => r.seats[s].code)));
  const reserved = [...(prepared.codes ?? [])];
  const code = () => {
    const next = reserved.shift();
    if (next !== undefined) return next;
    for (;;) {
      const c = newJoinCode();
      if (!used.has(c)) return (used.add(c), c);
    }
  };
  const record: ClassroomRecord = {
    matchID,
    createdAt: Date.now(),
    scenarioId,
    seed,
    seedLabel,
    privateMessagesInDebrief: body.privateMessagesInDebrief ?? false,
    ...(body.reflectionPrompt ? { reflectionPrompt: true } : {}),
    ...(group ? { classID: group.classID, group: group.group } : {}),
    tokenHash: hashToken(token),
    seats: Object.fromEntries(
      SEATS.map((s) => {
        const kind = bots[s];
        const seat: SeatRecord = kind
          ? { mode: 'bot', bot: kind, code: null, names: [] }
          : { mode: 'human', bot: standIn, code: code(), names: [] };
        return [s, seat];
      }),
    ) as ClassroomRecord['seats'],
    phaseSeconds: { ...DEFAULT_PHASE_SECONDS, ...body.phaseSeconds },
    paused: body.startPaused ?? true,
    timer: null,
    finished: false,
  };
  void deps.storage.createMatch(matchID, { initialState, metadata });
  deps.runtime.add(record);
  const seats = Object.fromEntries(
    SEATS.map((s) => [
      s,
      { mode: record.seats[s].mode, bot: record.seats[s].bot, code: record.seats[s].code },
    ]),
  ) as CreatedMatch['seats'];
  return { matchID, facilitatorToken: token, seed: seedLabel, seats, scenario };
}

/** The page links of a match. The token goes in the fragment, which browsers never send to a server. */
function links(
  base: string,
  match: { matchID: string; facilitatorToken?: string; seats: Record<Seat, { code: string | null }> },
): MatchLinks {
  const join: Partial<Record<Seat, string>> = {};
  for (const s of SEATS) {
    const c = match.seats[s].code;
    if (c) join[s] = `${base}/classroom.html?join=${c}`;
  }
  return {
    ...(match.facilitatorToken
      ? { facilitator: `${base}/classroom.html?facilitate=${match.matchID}#token=${match.facilitatorToken}` }
      : {}),
    projector: `${base}/classroom.html?projector=${match.matchID}`,
    join,
  };
}
