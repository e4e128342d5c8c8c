/**
 * Server-side bots. A bot pass plans a phase's bot actions on a private copy of the match (boardgame.io's reducer,
 * through `playBotPhase`, where each bot sees only its seat's view), then the runtime sends those actions through
 * the master one by one, with the seats' credentials, like any client's moves: a move the match has meanwhile made
 * illegal is simply refused.
 */
import type { State } from 'boardgame.io';
import { SEATS, type Seat } from '../game/vocabulary';
import type { GameState } from '../game/state';
import { viewFor } from '../game/view';
import { makeBot } from '../bots/registry';
import type { Bot } from '../match/bot';
import { MatchDriver, botRng, playBotPhase } from '../match/match';
import type { MatchAction } from '../match/driver';

/** The phase key bots and timers work by: a phase of one round. */
export const phaseKeyOf = (state: State<GameState>): string => `${state.ctx.phase}:${state.G.round}`;

/**
 * Plans the current phase for `seats` (each played by the bot kind given), on the state as stored. The bots'
 * generators are seeded by the match seed, the phase and the seat, so a pass re-run after a restart chooses alike.
 */
export function planBotPhase(
  state: State<GameState>,
  seed: string,
  seats: Partial<Record<Seat, string>>,
): MatchAction[] {
  const bots: Partial<Record<Seat, Bot>> = {};
  const rngs: Partial<Record<Seat, () => number>> = {};
  for (const seat of SEATS) {
    const kind = seats[seat];
    if (!kind) continue;
    bots[seat] = makeBot(kind);
    rngs[seat] = botRng(`${seed}:${phaseKeyOf(state)}`, seat);
  }
  // Planned on boardgame.io's reducer over the stored state (immutable, so the stored match is untouched).
  const driver = new MatchDriver({ state });
  const skip = new Set(SEATS.filter((s) => !bots[s]));
  playBotPhase(driver, bots, rngs, skip);
  return driver.actions;
}

/** Answers to open proposals addressed to the bot seats, decided on each seat's own view. */
export function planBotAnswers(
  state: State<GameState>,
  seed: string,
  seats: Partial<Record<Seat, string>>,
): MatchAction[] {
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
      const args = [{ id: p.id, accept: answer.accept, reason: answer.reason }];
      actions.push({ playerID: String(SEATS.indexOf(seat)), move: 'respond', args });
    }
  }
  return actions;
}
