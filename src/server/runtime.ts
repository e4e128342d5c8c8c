/**
 * The classroom runtime: what boardgame.io does not do for a class. It keeps each match's classroom record, enforces
 * phase timers on the server (on expiry the facilitator's `advance` move is dispatched, so the log and the replay
 * hold it), gates seat moves while the match is paused, and plays bot seats and vacant human seats through the
 * master with those seats' credentials.
 *
 * Pause is a server-level gate outside G: while paused, seat moves get a `paused` error, timers stand still and bots
 * wait; the facilitator's own moves still go through.
 */
import type { ClassroomStatus } from '../protocol/status';
import type { State } from 'boardgame.io';
import { FACILITATOR_ID, SEATS, type Seat, playerIDOf, seatOf } from '../game/vocabulary';
import type { GameState } from '../game/state';
import type { RecordStoreAPI } from './classroom-record';
import { type ClassroomRecord, TIMED_PHASES, type TimedPhase } from './classroom-record';
import { phaseKeyOf } from './bot-planner';
import { type BotPlanner, BotWorkerPool, defaultBotWorkers, inlinePlanner } from './bot-pool';
import type { MatchStorage } from './storage';
import type { ClassroomTransport, TransportHooks } from './transport';
import type { MatchAction } from '../match/driver';
import { type Clock, type ClockTimer, systemClock } from './clock';

export interface RuntimeOptions {
  /** Delay before bot seats act in a new phase (ms): lets people see the phase open. */
  botDelayMs: number;
  /** Grace before a stand-in bot plays a human seat nobody holds (ms): time for students to join or reconnect. */
  vacantDelayMs: number;
  /** The time and the timers: tests inject a manual clock and advance it. */
  clock: Clock;
  /** Worker threads that plan bot moves (bot-pool.ts); 0 plans on the main thread, which then stalls while it does. */
  botWorkers: number;
  /** Wall-time ceiling of one bot pass on a worker before it is planned again one strength lower (ms). */
  botPassBudgetMs: number;
}

export const DEFAULT_RUNTIME: RuntimeOptions = {
  botDelayMs: 1500,
  vacantDelayMs: 45_000,
  clock: systemClock,
  botWorkers: defaultBotWorkers(),
  botPassBudgetMs: 120_000,
};

/**
 * The longest single wait the runtime arms: Node's timers take at most 2^31-1 ms (~24.8 days) and fire at once
 * beyond it. A longer phase timer (a facilitator may extend again and again) waits in chunks of this size.
 */
export const MAX_TIMER_CHUNK_MS = 2 ** 31 - 1;

interface Live {
  record: ClassroomRecord;
  phaseKey: string;
  phaseStartedAt: number;
  vacantSince: Partial<Record<Seat, number>>;
  done: Set<string>;
  answered: Set<string>;
  timerHandle?: ClockTimer;
  botHandle?: ClockTimer;
  passRunning: boolean;
  passAgain: boolean;
  /** Seats that already moved in the stored phase when this process took the match (read from the log). */
  primed?: { key: string; seats: Seat[] };
}

/** The log entries the runtime reads (boardgame.io's `LogEntry`, narrowed). */
interface LoggedMove {
  phase?: string;
  action?: { type?: string; payload?: { playerID?: string | null } };
}

/**
 * The seats that made a move in the current phase, read from the stored log: the entries since the last one logged
 * in another phase (boardgame.io logs each move with the phase it was made in, and every phase ends by a logged
 * move). A process taking a match over counts these seats as played this phase, so their bots do not act again.
 */
export function seatsActedThisPhase(state: State<GameState>, log: readonly LoggedMove[]): Seat[] {
  const seats = new Set<Seat>();
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i];
    if (entry.phase !== state.ctx.phase) break;
    if (entry.action?.type !== 'MAKE_MOVE') continue;
    const seat = seatOf(entry.action.payload?.playerID);
    if (seat) seats.add(seat);
  }
  return SEATS.filter((s) => seats.has(s));
}

export class ClassroomRuntime implements TransportHooks {
  private readonly live = new Map<string, Live>();
  private transport!: ClassroomTransport;
  private closed = false;
  private readonly planner: BotPlanner;

  constructor(
    private readonly storage: MatchStorage,
    private readonly records: RecordStoreAPI,
    private readonly options: RuntimeOptions = DEFAULT_RUNTIME,
  ) {
    this.planner =
      options.botWorkers > 0
        ? new BotWorkerPool({ workers: options.botWorkers, passBudgetMs: options.botPassBudgetMs })
        : inlinePlanner;
  }

  /** Called when this process starts serving a new match (the cluster takes its lease). */
  onAdded?: (matchID: string) => void;

  /**
   * Connects the transport and resumes every stored match (after a restart: timers, pauses, bots). In a cluster
   * (`adoptStored` false) matches are resumed one by one, by whichever process takes each one's lease (`take`).
   */
  async start(transport: ClassroomTransport, adoptStored = true): Promise<void> {
    this.transport = transport;
    if (!adoptStored) return;
    for (const record of await this.records.load()) {
      const primed = record.finished ? undefined : await this.actedNow(record.matchID).catch(() => undefined);
      this.adopt(record, primed);
    }
  }

  /**
   * Starts serving a stored match this process has just taken over (cluster handover): its timers resume, and the
   * seats that already moved in the current phase (the stored log says which) count as played, so a bot seat whose
   * pass ran on the previous owner, even in part, does not act again.
   */
  async take(record: ClassroomRecord): Promise<void> {
    if (this.closed || this.live.has(record.matchID)) return;
    const primed = await this.actedNow(record.matchID);
    if (this.closed || this.live.has(record.matchID)) return;
    this.adopt(record, primed);
  }

  private async actedNow(matchID: string): Promise<Live['primed']> {
    const { state, log } = await this.storage.fetch(matchID, { state: true, log: true });
    if (!state || !log) return undefined;
    const s = state as State<GameState>;
    return { key: phaseKeyOf(s), seats: seatsActedThisPhase(s, log as LoggedMove[]) };
  }

  /**
   * Stops serving a match another process now serves (its lease was lost): timers stop here, nothing is changed in
   * the stored record, and a bot pass still running sees the match gone.
   */
  release(matchID: string): void {
    const live = this.live.get(matchID);
    if (!live) return;
    this.options.clock.clearTimeout(live.timerHandle);
    this.options.clock.clearTimeout(live.botHandle);
    this.live.delete(matchID);
  }

  /** Stops every timer (shutdown); stored records keep what a restart needs. */
  stop(): void {
    this.closed = true;
    for (const live of this.live.values()) {
      this.options.clock.clearTimeout(live.timerHandle);
      this.options.clock.clearTimeout(live.botHandle);
    }
    void this.planner.close();
  }

  /** Starts serving a newly created match. */
  add(record: ClassroomRecord): void {
    this.records.save(record);
    this.adopt(record);
    this.onAdded?.(record.matchID);
  }

  get(matchID: string): ClassroomRecord | undefined {
    return this.live.get(matchID)?.record;
  }

  /**
   * Stops serving a match (deleted by the facilitator or expired): its timers stop and a bot pass still running sees
   * it finished. Wiping its stored rows and closing its sockets is the caller's part (lobby.ts).
   */
  remove(matchID: string): boolean {
    const live = this.live.get(matchID);
    if (!live) return false;
    this.options.clock.clearTimeout(live.timerHandle);
    this.options.clock.clearTimeout(live.botHandle);
    live.record.finished = true;
    this.live.delete(matchID);
    return true;
  }

  /** Matches served, newest first. */
  list(): ClassroomRecord[] {
    return [...this.live.values()].map((l) => l.record).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Finds the seat a join code opens. */
  byCode(code: string): { record: ClassroomRecord; seat: Seat } | undefined {
    for (const { record } of this.live.values()) {
      for (const seat of SEATS) if (record.seats[seat].code === code) return { record, seat };
    }
    return undefined;
  }

  /** Saves a changed record and tells the match's sockets. */
  touch(matchID: string): void {
    const live = this.live.get(matchID);
    if (!live) return;
    this.records.save(live.record);
    this.broadcast(matchID);
  }

  // --- TransportHooks -------------------------------------------------------------------------------------------

  exists(matchID: string): boolean {
    return this.live.has(matchID);
  }

  gate(matchID: string, playerID: string): string | null {
    const live = this.live.get(matchID);
    if (!live) return `no match "${matchID}" on this server`;
    if (live.record.paused && playerID !== FACILITATOR_ID)
      return 'the facilitator has paused the match: wait for them to resume it';
    return null;
  }

  committed(matchID: string, state: State<GameState>): void {
    const live = this.live.get(matchID);
    if (!live) return;
    this.observe(live, state);
    this.broadcast(matchID);
  }

  presence(matchID: string): void {
    const live = this.live.get(matchID);
    if (!live) return;
    const counts = this.transport.presence(matchID);
    const now = this.options.clock.now();
    for (const seat of SEATS) {
      const here = (counts[playerIDOf(seat)] ?? 0) > 0;
      if (here) delete live.vacantSince[seat];
      else if (live.vacantSince[seat] === undefined) live.vacantSince[seat] = now;
    }
    this.broadcast(matchID);
    this.scheduleBots(live);
  }

  // --- facilitator controls -------------------------------------------------------------------------------------

  pause(matchID: string): void {
    const live = this.mustLive(matchID);
    if (live.record.paused) return;
    live.record.paused = true;
    const timer = live.record.timer;
    if (timer && timer.deadline !== null) {
      timer.remainingMs = Math.max(0, timer.deadline - this.options.clock.now());
      timer.deadline = null;
    }
    this.options.clock.clearTimeout(live.timerHandle);
    this.options.clock.clearTimeout(live.botHandle);
    this.touch(matchID);
  }

  resume(matchID: string): void {
    const live = this.mustLive(matchID);
    if (!live.record.paused) return;
    live.record.paused = false;
    const timer = live.record.timer;
    if (timer && timer.remainingMs !== null) {
      timer.deadline = this.options.clock.now() + timer.remainingMs;
      timer.remainingMs = null;
    }
    // Bots and stand-ins count their delays from the resume, not from before the pause.
    live.phaseStartedAt = Math.max(live.phaseStartedAt, this.options.clock.now() - this.options.botDelayMs);
    this.touch(matchID);
    this.armTimer(live);
    this.scheduleBots(live);
  }

  /** Adds time to the current phase's timer; a phase without a limit gets one of `seconds` from now. */
  extend(matchID: string, seconds: number): void {
    const live = this.mustLive(matchID);
    const timer = live.record.timer;
    if (!timer) return;
    const ms = seconds * 1000;
    if (timer.deadline !== null) timer.deadline += ms;
    else if (timer.remainingMs !== null) timer.remainingMs += ms;
    else if (live.record.paused) timer.remainingMs = ms;
    else timer.deadline = this.options.clock.now() + ms;
    this.touch(matchID);
    this.armTimer(live);
  }

  /** Ends the current phase now, as its timer would: the facilitator's `advance` for every idle seat. */
  async skip(matchID: string): Promise<boolean> {
    this.mustLive(matchID);
    return this.transport.dispatch(matchID, FACILITATOR_ID, 'advance');
  }

  /** The match's public status (names, timer, pause, who is playing each seat). */
  status(matchID: string): ClassroomStatus | undefined {
    const live = this.live.get(matchID);
    if (!live) return undefined;
    const state = this.storage.fetchNow(matchID, { state: true }).state as State<GameState> | undefined;
    const counts = this.transport.presence(matchID);
    const { record } = live;
    const phase = state?.ctx.phase ?? 'briefing';
    const seats = Object.fromEntries(
      SEATS.map((s) => {
        const connected = counts[playerIDOf(s)] ?? 0;
        const seat = record.seats[s];
        return [
          s,
          {
            mode: seat.mode,
            names: [...seat.names],
            connected,
            botPlaying: seat.mode === 'bot' || connected === 0,
          },
        ];
      }),
    ) as ClassroomStatus['seats'];
    const timer = record.timer;
    return {
      matchID,
      scenarioId: record.scenarioId,
      phase,
      round: state?.G.round ?? 0,
      year: state?.G.year ?? 0,
      paused: record.paused,
      finished: record.finished,
      serverNow: this.options.clock.now(),
      timer: timer
        ? {
            deadline: timer.deadline,
            remainingMs: timer.remainingMs,
            limitSeconds: record.phaseSeconds[phase as TimedPhase] ?? 0,
          }
        : null,
      seats,
    };
  }

  // --- internals ------------------------------------------------------------------------------------------------

  private mustLive(matchID: string): Live {
    const live = this.live.get(matchID);
    if (!live) throw new Error(`no match "${matchID}"`);
    return live;
  }

  private broadcast(matchID: string): void {
    const status = this.status(matchID);
    if (status) this.transport.emitStatus(matchID, status);
  }

  private adopt(record: ClassroomRecord, primed?: Live['primed']): void {
    const now = this.options.clock.now();
    const live: Live = {
      record,
      phaseKey: '',
      phaseStartedAt: now,
      vacantSince: Object.fromEntries(SEATS.map((s) => [s, now])),
      done: new Set(),
      answered: new Set(),
      passRunning: false,
      passAgain: false,
      primed,
    };
    this.live.set(record.matchID, live);
    const state = this.storage.fetchNow(record.matchID, { state: true }).state as
      State<GameState> | undefined;
    if (state) this.observe(live, state);
  }

  /** Reacts to the match's latest state: a new phase restarts the timer; the end stops everything. */
  private observe(live: Live, state: State<GameState>): void {
    const { record } = live;
    if (state.ctx.gameover !== undefined) {
      if (!record.finished) {
        record.finished = true;
        record.timer = null;
        this.options.clock.clearTimeout(live.timerHandle);
        this.options.clock.clearTimeout(live.botHandle);
        this.records.save(record);
      }
      return;
    }
    const key = phaseKeyOf(state);
    if (key !== live.phaseKey) {
      live.phaseKey = key;
      live.phaseStartedAt = this.options.clock.now();
      live.done.clear();
      if (live.primed?.key === key) for (const seat of live.primed.seats) live.done.add(`${key}|${seat}`);
      live.primed = undefined;
      if (!record.timer || record.timer.key !== key) {
        // A stored timer for this phase (after a restart) keeps its deadline; a new phase starts a new one.
        const limit = (record.phaseSeconds[state.ctx.phase as TimedPhase] ?? 0) * 1000;
        record.timer = { key, deadline: null, remainingMs: null };
        if (limit > 0) {
          if (record.paused) record.timer.remainingMs = limit;
          else record.timer.deadline = this.options.clock.now() + limit;
        }
        this.records.save(record);
      }
      this.armTimer(live);
    }
    this.scheduleBots(live);
  }

  private armTimer(live: Live): void {
    this.options.clock.clearTimeout(live.timerHandle);
    const timer = live.record.timer;
    if (this.closed || live.record.paused || live.record.finished || !timer || timer.deadline === null)
      return;
    const key = timer.key;
    // Node's setTimeout fires at once past ~24.8 days, and repeated extensions can pass that: wait in chunks and
    // re-arm until the deadline is really reached (`expire` checks it).
    const wait = Math.min(MAX_TIMER_CHUNK_MS, Math.max(0, timer.deadline - this.options.clock.now()));
    live.timerHandle = this.options.clock.setTimeout(() => void this.expire(live, key), wait);
  }

  private async expire(live: Live, key: string): Promise<void> {
    if (this.closed || live.record.paused || live.record.timer?.key !== key || live.phaseKey !== key) return;
    if (this.live.get(live.record.matchID) !== live) return;
    const deadline = live.record.timer.deadline;
    if (deadline !== null && deadline > this.options.clock.now()) {
      // A chunk of a long wait ended (or the clock fired early): keep waiting.
      this.armTimer(live);
      return;
    }
    const matchID = live.record.matchID;
    // The timer belongs to the phase it was armed in. If the stored match is elsewhere (a state committed but not yet
    // observed), advancing would end a phase no client has seen and wipe every seat's orders: catch up instead.
    const stored = this.storage.fetchNow(matchID, { state: true }).state as State<GameState> | undefined;
    if (!stored || phaseKeyOf(stored) !== key) {
      if (stored) this.committed(matchID, stored);
      return;
    }
    live.record.timer = { key, deadline: null, remainingMs: null };
    this.records.save(live.record);
    try {
      // Checked again inside the match's queue: a move queued before this one may still end the phase.
      const advanced = await this.transport.dispatch(
        matchID,
        FACILITATOR_ID,
        'advance',
        [],
        (state) => phaseKeyOf(state) === key,
      );
      if (!advanced) {
        const latest = this.storage.fetchNow(matchID, { state: true }).state as State<GameState> | undefined;
        if (latest) this.committed(matchID, latest);
      }
    } catch (error) {
      console.error(`[classroom] timer advance failed for ${matchID}:`, error);
    }
  }

  /** Which seats a bot plays now, and from when each may act. */
  private botSeats(live: Live): { seat: Seat; kind: string; at: number }[] {
    const counts = this.transport.presence(live.record.matchID);
    const out: { seat: Seat; kind: string; at: number }[] = [];
    for (const seat of SEATS) {
      const s = live.record.seats[seat];
      if (s.mode === 'bot') {
        out.push({ seat, kind: s.bot, at: live.phaseStartedAt + this.options.botDelayMs });
      } else if ((counts[playerIDOf(seat)] ?? 0) === 0) {
        const since = live.vacantSince[seat] ?? this.options.clock.now();
        out.push({
          seat,
          kind: s.bot,
          at: Math.max(live.phaseStartedAt, since) + this.options.vacantDelayMs,
        });
      }
    }
    return out;
  }

  private scheduleBots(live: Live): void {
    this.options.clock.clearTimeout(live.botHandle);
    if (this.closed || live.record.paused || live.record.finished) return;
    const now = this.options.clock.now();
    const seats = this.botSeats(live);
    const due = seats.filter((s) => s.at <= now);
    const later = seats.filter((s) => s.at > now).map((s) => s.at);
    if (due.length > 0) void this.runPass(live);
    if (later.length > 0)
      live.botHandle = this.options.clock.setTimeout(() => this.scheduleBots(live), Math.min(...later) - now);
  }

  /** One bot pass: the phase's actions for seats not yet played this phase, then answers to proposals. */
  private async runPass(live: Live): Promise<void> {
    if (live.passRunning) {
      live.passAgain = true;
      return;
    }
    live.passRunning = true;
    try {
      do {
        live.passAgain = false;
        await this.passOnce(live);
      } while (live.passAgain && !this.closed);
    } catch (error) {
      // At shutdown the pool rejects the plans it had not finished: nothing to report.
      if (!this.closed) console.error(`[classroom] bot pass failed for ${live.record.matchID}:`, error);
    } finally {
      live.passRunning = false;
    }
  }

  private async passOnce(live: Live): Promise<void> {
    const matchID = live.record.matchID;
    const now = this.options.clock.now();
    const due = this.botSeats(live).filter((s) => s.at <= now);
    if (due.length === 0 || live.record.paused || live.record.finished) return;
    const state = this.storage.fetchNow(matchID, { state: true }).state as State<GameState> | undefined;
    if (!state || state.ctx.gameover !== undefined) return;
    const key = phaseKeyOf(state);
    const kinds: Partial<Record<Seat, string>> = {};
    const fresh: Partial<Record<Seat, string>> = {};
    for (const { seat, kind } of due) {
      kinds[seat] = kind;
      if (!live.done.has(`${key}|${seat}`)) fresh[seat] = kind;
    }
    if (Object.keys(fresh).length > 0) {
      const actions = await this.planner.planPhase(state, live.record.seed, fresh);
      for (const seat of Object.keys(fresh)) live.done.add(`${key}|${seat}`);
      await this.send(live, key, actions);
    }
    const latest = this.storage.fetchNow(matchID, { state: true }).state as State<GameState> | undefined;
    if (!latest || phaseKeyOf(latest) !== key) return;
    // Most passes have nothing to answer: no need to queue behind other matches' planning to learn that.
    const open = latest.G.proposals.some(
      (p) => p.status === 'open' && kinds[p.to] !== undefined && !live.answered.has(p.id),
    );
    if (latest.ctx.phase !== 'diplomacy' || !open) return;
    const answers = (await this.planner.planAnswers(latest, live.record.seed, kinds)).filter((a) => {
      const id = (a.args[0] as { id: string }).id;
      if (live.answered.has(id)) return false;
      live.answered.add(id);
      return true;
    });
    await this.send(live, key, answers);
  }

  /** Sends planned actions in order while the phase lasts and the match is not paused. */
  private async send(live: Live, key: string, actions: MatchAction[]): Promise<void> {
    for (const a of actions) {
      if (this.closed || live.record.paused || live.phaseKey !== key) return;
      if (this.live.get(live.record.matchID) !== live) return;
      await this.transport.dispatch(live.record.matchID, a.playerID, a.move, a.args);
    }
  }
}

export { TIMED_PHASES };
