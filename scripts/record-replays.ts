/**
 * Records the pinned replays in tests/fixtures/replays/ (`npm run record:replays`). tests/pinned-replays.test.ts
 * verifies every file there on the current build, so a rules change that makes old matches play differently
 * shows up against files an older build wrote, not only as two runs of the same build agreeing with each other.
 * Such a change must bump RULES_VERSION (src/game/state.ts) and re-record with this script.
 *
 * Every input is fixed here (scenario, seed, scripted human choices, bot kinds and generators), so the same build
 * writes the same bytes. Matches are cut after two or three years to keep the files small.
 *
 *   solo       one human seat with scripted choices, random bots elsewhere (the browser's solo play)
 *   hot-seat   two human seats sharing the device (the browser's hot-seat play)
 *   classroom  a class match stored by the server's SQLite storage through boardgame.io's master, with facilitator
 *              moves, exported by the server's own replay export (src/server/replay-export.ts)
 *   fork       a reseeded fork of the solo match (src/match/fork.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { State } from 'boardgame.io';
import { makeBot } from '../src/bots/registry';
import { OilAndWater } from '../src/game/game';
import { legalProposals, nextOrderChoices } from '../src/game/legal';
import type { GameState, Order } from '../src/game/state';
import { FACILITATOR_ID, NUM_PLAYERS, SEATS, perSeat, type Seat, playerIDOf } from '../src/game/vocabulary';
import type { Scenario } from '../src/game/scenario-schema';
import type { Bot } from '../src/match/bot';
import { Master, createMatch } from '../src/match/bgio';
import { buildForkReplay, startFork } from '../src/match/fork';
import { MatchDriver, botRng, playBotPhase } from '../src/match/match';
import { type Replay, buildReplay, serializeReplay, verifyReplay } from '../src/match/replay';
import { builtinScenario } from '../src/scenario/builtin';
import type { ClassroomRecord, SeatRecord } from '../src/server/classroom-record';
import { exportReplay } from '../src/server/replay-export';
import { SqliteStorage, openDatabase } from '../src/server/storage-sqlite';

/** Where the pinned replays live. */
export const PINNED_REPLAY_DIR = fileURLToPath(new URL('../tests/fixtures/replays/', import.meta.url));

function scenarioById(id: string): Scenario {
  const scenario = builtinScenario(id);
  if (!scenario) throw new Error(`no built-in scenario ${id}`);
  return scenario;
}

function seatsOf(humans: readonly Seat[], bot: string): Record<Seat, string> {
  return perSeat((s) => (humans.includes(s) ? 'human' : `bot:${bot}`));
}

function mustMove(driver: MatchDriver, playerID: string, move: string, args: unknown[] = []): void {
  if (!driver.move(playerID, move, args)) {
    throw new Error(
      `${playerID} ${move} ${JSON.stringify(args)} was refused in ${driver.G.year} (${driver.phase})`,
    );
  }
}

/**
 * A person at a seat, scripted: reads the briefing, answers decisions against history, accepts the first proposal
 * it receives, proposes what it can, speaks once a year and spends its action points. Choices depend only on the
 * seat's view, so the same match gives the same choices.
 */
function humanStep(driver: MatchDriver, seat: Seat): void {
  const id = playerIDOf(seat);
  const view = driver.view(seat);
  if (driver.phase === 'briefing') {
    if (!view.ready[seat]) mustMove(driver, id, 'ready');
    return;
  }
  if (driver.phase === 'diplomacy') {
    if (view.ready[seat]) return;
    for (const d of view.decisions) {
      if (d.seat !== seat || d.chosen !== null || d.round !== view.round) continue;
      const option = d.options.find((o) => o.id !== d.default) ?? d.options[0];
      mustMove(driver, id, 'decide', [{ id: d.id, option: option.id }]);
    }
    const incoming = view.proposals.filter(
      (p) => p.to === seat && p.status === 'open' && p.round === view.round,
    );
    for (const [n, p] of incoming.entries()) driver.move(id, 'respond', [{ id: p.id, accept: n === 0 }]);
    const offers = legalProposals(driver.view(seat), seat, ['summit', 'aid', 'fishing-agreement']);
    if (offers.length > 0) mustMove(driver, id, 'propose', [offers[view.round % offers.length]]);
    mustMove(driver, id, 'makeStatement', [{ text: `${seat} stands by its position in ${view.year}.` }]);
    mustMove(driver, id, 'ready');
    return;
  }
  if (driver.phase === 'policy' && view.orders[seat] === null) {
    const orders: Order[] = [];
    for (;;) {
      const choices = nextOrderChoices(driver.view(seat), seat, orders);
      if (choices.length === 0) break;
      orders.push(choices[(view.round + orders.length) % choices.length]);
    }
    mustMove(driver, id, 'commitOrders', [{ orders }]);
  }
}

interface Script {
  humans: readonly Seat[];
  /** Seats nobody plays: the facilitator advances them, as the server's phase timer does. */
  idle?: readonly Seat[];
  /** The facilitator's part, before the seats act. */
  facilitator?: (driver: MatchDriver) => void;
  bot: string;
  maxRounds: number;
}

/** Plays a match step by step: the facilitator, the scripted humans, the bots, then idle seats advanced. */
function drive(driver: MatchDriver, seed: string, script: Script): void {
  const skip = new Set<Seat>([...script.humans, ...(script.idle ?? [])]);
  const bots = Object.fromEntries(
    SEATS.filter((s) => !skip.has(s)).map((s) => [s, makeBot(script.bot)]),
  ) as Partial<Record<Seat, Bot>>;
  const rngs = perSeat((s) => botRng(seed, s));
  let guard = 0;
  while (!driver.over && driver.G.round <= script.maxRounds) {
    const before = driver.stateID;
    script.facilitator?.(driver);
    for (const seat of script.humans) if (!driver.over) humanStep(driver, seat);
    if (!driver.over) playBotPhase(driver, bots, rngs, skip);
    if (!driver.over && script.idle?.length) mustMove(driver, FACILITATOR_ID, 'advance');
    if (driver.stateID === before || ++guard > 1000)
      throw new Error(`no progress in ${driver.phase} ${driver.G.year}`);
  }
}

function play(scenarioId: string, seed: string, script: Script): Replay {
  const scenario = scenarioById(scenarioId);
  const driver = new MatchDriver({ scenario, seed });
  drive(driver, seed, script);
  return buildReplay({
    scenario,
    seed,
    seats: seatsOf(script.humans, script.bot),
    driver,
    createdBy: 'record-replays',
  });
}

/** Solo: Japan is the person, random bots play the rest of the Brezhnev era's first three years. */
export function recordSolo(): Replay {
  return play('brezhnev-1972', 'pinned-solo', { humans: ['japan'], bot: 'random', maxRounds: 3 });
}

/** Hot seat: Russia and Japan share the device in the Abe era, historical bots play the rest. */
export function recordHotSeat(): Replay {
  return play('abe-2013', 'pinned-hot-seat', {
    humans: ['russia', 'japan'],
    bot: 'historical',
    maxRounds: 2,
  });
}

/**
 * A class match on the server's own path: created as the lobby creates it, every move applied by boardgame.io's
 * master onto the SQLite storage, then exported by `exportReplay` from what was stored. The moves are chosen by
 * playing the same match on a driver first (China's seat stays empty and the facilitator advances it; the
 * facilitator injects a wildcard in the first year).
 */
export async function recordClassroom(): Promise<Replay> {
  const scenario = scenarioById('brezhnev-1972');
  const seed = 'pinned-classroom';
  const wildcard = scenario.wildcards.deck[0]?.id;
  let injected = false;
  const script: Script = {
    humans: ['japan'],
    idle: ['china'],
    bot: 'random',
    maxRounds: 2,
    facilitator: (driver) => {
      if (!injected && wildcard && driver.phase === 'diplomacy') {
        mustMove(driver, FACILITATOR_ID, 'inject', [{ id: wildcard }]);
        injected = true;
      }
    },
  };
  const planned = new MatchDriver({ scenario, seed });
  drive(planned, seed, script);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-record-'));
  const db = openDatabase(dir);
  try {
    const storage = new SqliteStorage(db);
    const matchID = 'pinned-classroom';
    const made = createMatch({
      game: OilAndWater,
      numPlayers: NUM_PLAYERS,
      setupData: { scenario, seed },
      unlisted: true,
    });
    if ('setupDataError' in made) throw new Error(String(made.setupDataError));
    await storage.createMatch(matchID, made);
    const quiet = { send: () => {}, sendAll: () => {} };
    const master = new Master(
      OilAndWater,
      storage,
      quiet as unknown as ConstructorParameters<typeof Master>[2],
    );
    for (const a of planned.actions) {
      const state = storage.fetchNow(matchID, { state: true }).state as State<GameState>;
      // No auth is configured here, so the master checks no credentials (the server's transport checks them).
      const action = {
        type: 'MAKE_MOVE' as const,
        payload: { type: a.move, args: a.args, playerID: a.playerID, credentials: '' },
      };
      await master.onUpdate(action, state._stateID, matchID, a.playerID);
      const after = storage.fetchNow(matchID, { state: true }).state as State<GameState>;
      if (after._stateID === state._stateID) throw new Error(`the master refused ${a.move} by ${a.playerID}`);
    }
    const seat = (s: Seat): SeatRecord => ({
      mode: s === 'japan' || s === 'china' ? 'human' : 'bot',
      bot: 'random',
      code: null,
      names: [],
    });
    const seats = perSeat(seat);
    const record: ClassroomRecord = {
      matchID,
      createdAt: 0,
      scenarioId: scenario.id,
      seed,
      tokenHash: '',
      seats,
      phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 },
      paused: false,
      timer: null,
      finished: false,
    };
    const stored = storage.fetchNow(matchID, { state: true, initialState: true, log: true });
    return exportReplay(record, stored as Parameters<typeof exportReplay>[1]);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fork of the solo match at its second year with a new seed, Japan still the person, for one more year. */
export function recordFork(parent: Replay): Replay {
  const fork = startFork(parent, parent.roundHashes[0].year + 1, 'pinned-fork');
  const script: Script = { humans: ['japan'], bot: 'random', maxRounds: fork.round + 1 };
  drive(fork.driver, `${fork.seed}:fork:${fork.year}`, script);
  return buildForkReplay(fork, { seats: seatsOf(script.humans, script.bot), createdBy: 'record-replays' });
}

/** Records every pinned replay, checks that each verifies, and writes them. Returns the files written. */
export async function recordAll(dir: string = PINNED_REPLAY_DIR): Promise<string[]> {
  const solo = recordSolo();
  const replays: [string, Replay][] = [
    ['solo-brezhnev-1972.json', solo],
    ['hot-seat-abe-2013.json', recordHotSeat()],
    ['classroom-brezhnev-1972.json', await recordClassroom()],
    ['fork-brezhnev-1972.json', recordFork(solo)],
  ];
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, replay] of replays) {
    const check = verifyReplay(replay);
    if (!check.ok) throw new Error(`${name} does not verify: ${check.error}`);
    const file = path.join(dir, name);
    fs.writeFileSync(file, serializeReplay(replay));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  recordAll().then(
    (files) => {
      for (const file of files)
        console.log(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`);
    },
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
