/**
 * Server-side bots. A bot pass plans a phase's bot actions on a private copy of the match (boardgame.io's reducer,
 * through `playBotPhase`, where each bot sees only its seat's view), then the runtime sends those actions through
 * the master one by one, with the seats' credentials, like any client's moves: a move the match has meanwhile made
 * illegal is simply refused.
 */
import type { State } from 'boardgame.io';
import { CreateGameReducer } from 'boardgame.io/internal';
import { OilAndWater } from '../game/game';
import { SEATS, type Seat } from '../game/seats';
import type { GameState } from '../game/state';
import { viewFor } from '../game/view';
import { makeBot } from '../bots/registry';
import type { Bot } from '../bots/types';
import { botRng, playBotPhase } from '../sim/match';
import type { MatchAction, PhaseDriver } from '../sim/driver';

const reducer = CreateGameReducer({ game: OilAndWater });

/** A driver over a copy of the stored state that records what the bots would do. */
class PlanningDriver implements PhaseDriver {
  readonly actions: MatchAction[] = [];

  constructor(private state: State<GameState>) {}

  get G(): GameState {
    return this.state.G;
  }
  get over(): boolean {
    return this.state.ctx.gameover !== undefined;
  }
  get phase(): string {
    return this.state.ctx.phase;
  }
  get stateID(): number {
    return this.state._stateID;
  }

  move(playerID: string, move: string, args: unknown[] = []): boolean {
    const next = reducer(this.state, {
      type: 'MAKE_MOVE',
      payload: { type: move, args, playerID },
    } as Parameters<typeof reducer>[1]) as State<GameState>;
    if (next._stateID === this.state._stateID) return false;
    this.state = next;
    // A decision's reason is private to its seat, but `decide` is not a redacted move: keep it out of the log.
    const sent = move === 'decide' ? args.map((a) => withoutReason(a)) : args;
    this.actions.push({ playerID, move, args: sent });
    return true;
  }

  view(seat: Seat): GameState {
    return viewFor(this.state.G, seat);
  }
}

function withoutReason(arg: unknown): unknown {
  if (typeof arg !== 'object' || arg === null || !('reason' in arg)) return arg;
  const copy = { ...(arg as Record<string, unknown>) };
  delete copy.reason;
  return copy;
}

/** The phase key bots and timers work by: a phase of one round. */
export const phaseKeyOf = (state: State<GameState>): string => `${state.ctx.phase}:${state.G.round}`;

/**
 * Plans the current phase for `seats` (each played by the bot kind given), on the state as stored. The bots'
 * generators are seeded by the match seed, the phase and the seat, so a pass re-run after a restart chooses alike.
 */
export function planBotPhase(state: State<GameState>, seed: string, seats: Partial<Record<Seat, string>>): MatchAction[] {
  const bots: Partial<Record<Seat, Bot>> = {};
  const rngs: Partial<Record<Seat, () => number>> = {};
  for (const seat of SEATS) {
    const kind = seats[seat];
    if (!kind) continue;
    bots[seat] = makeBot(kind);
    rngs[seat] = botRng(`${seed}:${phaseKeyOf(state)}`, seat);
  }
  const driver = new PlanningDriver(state);
  const skip = new Set(SEATS.filter((s) => !bots[s]));
  playBotPhase(driver, bots, rngs, skip);
  return driver.actions;
}

/** Answers to open proposals addressed to the bot seats, decided on each seat's own view. */
export function planBotAnswers(state: State<GameState>, seed: string, seats: Partial<Record<Seat, string>>): MatchAction[] {
  const actions: MatchAction[] = [];
  if (state.ctx.phase !== 'diplomacy' || state.ctx.gameover !== undefined) return actions;
  for (const seat of SEATS) {
    const kind = seats[seat];
    if (!kind) continue;
    const view = viewFor(state.G, seat);
    const open = view.proposals.filter((p) => p.to === seat && p.status === 'open');
    if (open.length === 0) continue;
    const bot = makeBot(kind);
    const next = botRng(`${seed}:${phaseKeyOf(state)}:answers:${open.map((p) => p.id).join(',')}`, seat);
    for (const p of open) {
      const answer = bot.respond({ seat, view, next }, p);
      actions.push({ playerID: String(SEATS.indexOf(seat)), move: 'respond', args: [{ id: p.id, accept: answer.accept }] });
    }
  }
  return actions;
}
