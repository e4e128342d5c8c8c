/**
 * The browser's link to a match. Panels and scenes depend only on `GameSession`, so the same UI serves solo and
 * hot-seat play (`LocalSession`, below) and classroom play over the network (`RemoteSession`, classroom/remote-session.ts).
 */
import { makeBot } from '../bots/registry';
import { replyTo } from '../bots/replies';
import type { Bot } from '../match/bot';
import { SEATS, perSeat, type Seat, playerIDOf } from '../game/vocabulary';
import type { GameState } from '../game/state';
import { viewFor } from '../game/view';
import type { Scenario } from '../game/scenario-schema';
import type { SeatMoveName } from '../game/args';
import { MatchDriver, botRng, playBotPhase } from '../match/match';
import { buildReplay, type Replay, type ReplayParent, type Reseed } from '../match/replay';

/** Who plays a seat: a person at this device, or a bot of a registered kind. */
export type Controller = { type: 'human' } | { type: 'bot'; kind: string };

/** A move a seat can make, by name (the rules' table: src/game/args.ts), with its single argument object. */
export type MoveName = SeatMoveName;

export interface GameSession {
  readonly scenario: Scenario;
  /** The seed, when this device may know it (always locally; after the end remotely). */
  readonly seed: string | null;
  /** Seats played by people at this device. */
  readonly humanSeats: readonly Seat[];
  /** The seat whose view is shown now; null for a spectator. */
  activeSeat(): Seat | null;
  /** The active seat's view of the state (never another seat's secrets). */
  view(): GameState;
  /** boardgame.io's phase: briefing, diplomacy or policy. */
  phase(): string;
  over(): boolean;
  /** Seats that have not finished the current phase. */
  waitingFor(): Seat[];
  /** Sends a move as the active seat; false when the rules refuse it. */
  dispatch(move: MoveName, args?: unknown): boolean;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The replay record of the match so far, where the session can build one. */
  replay?(): Replay;
  /** A classroom match's pause and phase clock (remote sessions only). */
  classroom?(): ClassroomBanner | null;
}

/** What the top bar shows of a classroom match: the facilitator's pause, the phase clock, the link. */
export interface ClassroomBanner {
  paused: boolean;
  finished: boolean;
  /** Time left in the phase, or null when the phase has no limit. */
  remainingMs: number | null;
  connected: boolean;
}

export interface LocalSessionOptions {
  scenario: Scenario;
  seed: string;
  controllers: Record<Seat, Controller>;
  /** Continue from a driver already part-way through a match (a fork) instead of starting a new one. */
  driver?: MatchDriver;
  /** A fork's lineage, written into its replay (src/match/fork.ts). */
  lineage?: { parent: ReplayParent; reseeds: Reseed[] };
}

/**
 * A match played in this browser: boardgame.io's reducer through `MatchDriver`, bots for the seats no person plays.
 * Bots act as each phase opens, answer a person's proposal at once, and the hot seat passes from person to person
 * in table order as each one finishes the phase.
 */
export class LocalSession implements GameSession {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly humanSeats: readonly Seat[];
  readonly driver: MatchDriver;
  /** Where a fork came from; undefined for a new match. */
  readonly lineage?: { parent: ReplayParent; reseeds: Reseed[] };
  private readonly controllers: Record<Seat, Controller>;
  private readonly bots: Partial<Record<Seat, Bot>> = {};
  private readonly rngs: Partial<Record<Seat, () => number>> = {};
  private readonly listeners = new Set<() => void>();
  private seat: Seat | null;

  constructor({ scenario, seed, controllers, driver, lineage }: LocalSessionOptions) {
    this.scenario = scenario;
    this.seed = seed;
    this.controllers = controllers;
    this.humanSeats = SEATS.filter((s) => controllers[s].type === 'human');
    for (const s of SEATS) {
      const c = controllers[s];
      if (c.type === 'bot') {
        this.bots[s] = makeBot(c.kind);
        this.rngs[s] = botRng(seed, s);
      }
    }
    this.driver = driver ?? new MatchDriver({ scenario, seed });
    if (lineage) this.lineage = lineage;
    this.seat = this.humanSeats[0] ?? null;
    this.runBots();
  }

  activeSeat(): Seat | null {
    return this.seat;
  }

  view(): GameState {
    // No seat here (every seat a bot): the public view, which `viewFor` gives for an undefined seat.
    return viewFor(this.driver.G, this.seat ?? undefined);
  }

  phase(): string {
    return this.driver.state.ctx.phase;
  }

  over(): boolean {
    return this.driver.over;
  }

  waitingFor(): Seat[] {
    if (this.over()) return [];
    return SEATS.filter((s) => !this.driver.G.ready[s]);
  }

  dispatch(move: MoveName, args?: unknown): boolean {
    const seat = this.seat;
    if (!seat || this.over()) return false;
    const before = this.driver.state;
    const ok = this.driver.move(playerIDOf(seat), move, args === undefined ? [] : [args]);
    if (!ok) return false;
    if (move === 'propose') this.botAnswers();
    if (move === 'sendMessage') this.botReplies(seat, args as { to: Seat; text: string });
    const turned = this.driver.state.ctx.phase !== before.ctx.phase || this.driver.G.round !== before.G.round;
    if (turned) this.runBots();
    this.pickSeat(turned || this.driver.state.ctx.phase !== before.ctx.phase);
    this.emit();
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  replay(): Replay {
    const seats = perSeat((s) => {
      const c = this.controllers[s];
      return c.type === 'human' ? 'human' : `bot:${c.kind}`;
    });
    return buildReplay({
      scenario: this.scenario,
      seed: this.seed,
      seats,
      driver: this.driver,
      createdBy: 'browser',
      ...(this.lineage ? { parent: this.lineage.parent, reseeds: this.lineage.reseeds } : {}),
    });
  }

  /** Bots answer proposals addressed to them as soon as they arrive, so a person hears back within the year. */
  private botAnswers(): void {
    for (const s of SEATS) {
      const bot = this.bots[s];
      if (!bot) continue;
      const open = this.driver.view(s).proposals.filter((p) => p.to === s && p.status === 'open');
      for (const p of open) {
        const answer = bot.respond(
          { seat: s, view: this.driver.view(s), next: this.rngs[s] as () => number },
          p,
        );
        // The reason is kept as playBotPhase keeps it: private to the bot's seat until the end, then in the debrief.
        this.driver.move(playerIDOf(s), 'respond', [
          { id: p.id, accept: answer.accept, reason: answer.reason },
        ]);
      }
    }
  }

  /**
   * A bot answers a person's private message at once, in a sentence from its doctrine (src/bots/replies.ts): a "no"
   * with its why, so messages matter in solo play. The reply is a real `sendMessage` move of the bot's seat, so it is
   * in the replay and replays identically; the rules' limits apply (a bot over its yearly cap stays silent). It is
   * sent and stored as data (topic, verdict, reason code, phrasing), worded where shown in the reader's language.
   */
  private botReplies(from: Seat, { to, text }: { to: Seat; text: string }): void {
    if (!this.bots[to]) return;
    const reply = replyTo(this.driver.view(to), to, text);
    this.driver.move(playerIDOf(to), 'sendMessage', [{ to: from, text: '', reply }]);
  }

  /** Lets the bots play every phase in which no person has anything left to do. */
  private runBots(): void {
    const humans = new Set(this.humanSeats);
    for (let guard = 0; guard < 1000 && !this.driver.over; guard++) {
      const before = this.driver.state._stateID;
      const phase = this.driver.state.ctx.phase;
      playBotPhase(this.driver, this.bots, this.rngs, humans);
      const humansDone = this.humanSeats.every((s) => this.driver.G.ready[s]);
      const moved = this.driver.state.ctx.phase !== phase;
      if (!moved && (!humansDone || this.driver.state._stateID === before)) return;
    }
  }

  /** The hot seat: the active person keeps the device until finished, then it passes to the next who is not. */
  private pickSeat(newPhase: boolean): void {
    if (this.over() || this.humanSeats.length === 0) return;
    const G = this.driver.G;
    if (!newPhase && this.seat && !G.ready[this.seat]) return;
    // A new phase starts again from the first person in table order.
    const start = newPhase ? -1 : this.seat ? this.humanSeats.indexOf(this.seat) : -1;
    for (let i = 1; i <= this.humanSeats.length; i++) {
      const next = this.humanSeats[(start + i) % this.humanSeats.length];
      if (!G.ready[next]) {
        this.seat = next;
        return;
      }
    }
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
