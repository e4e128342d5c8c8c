/**
 * Plays one phase of a match for the bot seats, on any driver: the first year's agenda choice, decisions, proposals,
 * answers to proposals, ready, and hidden orders. Bots see only their own seat's view; every action they take
 * carries their reason.
 */
import { SEATS, type Seat, playerIDOf } from '../game/vocabulary';
import { agendaChoiceOpen } from '../game/legal';
import type { Bot, BotContext } from './bot';
import type { Reason } from '../game/reasons';
import type { PhaseDriver } from './driver';

/**
 * One bot action as dispatched, with the bot's reason (a code of src/game/reasons.ts); none for ready, and none for
 * committed orders, each of which carries its own in `args`.
 */
export interface BotActionNote {
  seat: Seat;
  move: string;
  args: unknown[];
  reason?: Reason;
  accepted: boolean;
}

/** Optional hooks of `playBotPhase`: see every bot action (logs, reports, the legality fuzz). */
export interface BotPhaseHooks {
  onAction?: (note: BotActionNote) => void;
}

/** Plays one phase for every bot seat. Seats in `skip` (humans) are left alone. */
export function playBotPhase(
  driver: PhaseDriver,
  bots: Partial<Record<Seat, Bot>>,
  rngs: Partial<Record<Seat, () => number>>,
  skip: ReadonlySet<Seat> = new Set(),
  hooks: BotPhaseHooks = {},
): void {
  const phase = driver.phase;
  const botSeats = SEATS.filter((s) => bots[s] && !skip.has(s));
  const ctx = (seat: Seat): BotContext => ({
    seat,
    view: driver.view(seat),
    next: rngs[seat] as () => number,
  });
  const act = (seat: Seat, move: string, args: unknown[], reason?: Reason): boolean => {
    const accepted = driver.move(playerIDOf(seat), move, args);
    hooks.onAction?.({ seat, move, args, ...(reason ? { reason } : {}), accepted });
    return accepted;
  };
  const markReady = (seat: Seat, move: string, args: unknown[] = []) => {
    if (!driver.over && driver.phase === phase && !driver.G.ready[seat]) act(seat, move, args);
  };

  if (phase === 'briefing') {
    for (const seat of botSeats) markReady(seat, 'ready');
    return;
  }
  if (phase === 'diplomacy') {
    for (const seat of botSeats) {
      const bot = bots[seat] as Bot;
      if (bot.agenda && agendaChoiceOpen(driver.G, phase) && !driver.G.agendas[seat]?.chosen) {
        const pick = bot.agenda(ctx(seat));
        // The pick's reason goes to the hooks only: the move carries no reason, as the state keeps none for it.
        if (pick) act(seat, 'chooseAgenda', [{ id: pick.id }], pick.reason);
      }
      for (const d of bot.decide(ctx(seat)))
        act(seat, 'decide', [{ id: d.id, option: d.option, reason: d.reason }], d.reason);
      for (const p of bot.propose(ctx(seat))) act(seat, 'propose', [p], p.reason);
    }
    for (const seat of botSeats) {
      const bot = bots[seat] as Bot;
      const open = driver.view(seat).proposals.filter((p) => p.to === seat && p.status === 'open');
      for (const p of open) {
        const answer = bot.respond(ctx(seat), p);
        act(seat, 'respond', [{ id: p.id, accept: answer.accept, reason: answer.reason }], answer.reason);
      }
    }
    for (const seat of botSeats) markReady(seat, 'ready');
    return;
  }
  if (phase === 'policy') {
    for (const seat of botSeats) {
      if (driver.G.ready[seat]) continue;
      const orders = (bots[seat] as Bot).orders(ctx(seat));
      if (!act(seat, 'commitOrders', [{ orders }])) act(seat, 'commitOrders', [{ orders: [] }]);
    }
  }
}

/**
 * Plays bot phases until the match is over (or, with `maxRounds`, past that round): every bot match, batch, fork
 * and measure runs this loop. A phase that changes nothing means the bots are stuck, which is an error naming
 * `what` (a seed, a fork).
 */
export function playBotsToEnd(
  driver: PhaseDriver,
  bots: Record<Seat, Bot>,
  rngs: Record<Seat, () => number>,
  options: { what?: string; maxRounds?: number; hooks?: BotPhaseHooks } = {},
): void {
  for (let guard = 0; !driver.over; guard++) {
    if (options.maxRounds !== undefined && driver.G.round > options.maxRounds) return;
    const before = driver.stateID;
    playBotPhase(driver, bots, rngs, new Set(), options.hooks);
    if (driver.stateID === before || guard >= 10_000)
      throw new Error(`${options.what ?? 'the match'} made no progress`);
  }
}
