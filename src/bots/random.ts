/** The random bot: any legal action, for tests and fuzzing. */
import { acceptProblem } from '../game/diplomacy';
import type { Order } from '../game/state';
import type { Reason } from '../game/reasons';
import { agendaOptions, legalProposals, nextOrderChoices } from '../game/legal';
import type { Bot } from '../match/bot';

const REASON: Reason = { code: 'random-choice' };

function pick<T>(next: () => number, items: readonly T[]): T | undefined {
  return items.length ? items[Math.floor(next() * items.length)] : undefined;
}

export const randomBot: Bot = {
  kind: 'random',
  decide({ view, seat, next }) {
    return view.decisions
      .filter((d) => d.seat === seat && d.chosen === null && d.round === view.round)
      .map((d) => ({ id: d.id, option: pick(next, d.options)?.id ?? d.default, reason: REASON }));
  },
  agenda({ view, seat, next }) {
    const choice = pick(next, agendaOptions(view, seat));
    return choice ? { id: choice.id, reason: REASON } : null;
  },
  propose({ view, seat, next }) {
    if (next() < 0.4) return [];
    const choice = pick(next, legalProposals(view, seat));
    return choice ? [{ ...choice, reason: REASON }] : [];
  },
  respond({ view, next }, proposal) {
    return { accept: acceptProblem(view, proposal) === null && next() < 0.5, reason: REASON };
  },
  orders({ view, seat, next }) {
    const orders: Order[] = [];
    for (;;) {
      const choices = nextOrderChoices(view, seat, orders);
      if (choices.length === 0 || next() < 0.15) break;
      const order = pick(next, choices);
      if (!order) break;
      orders.push({ ...order, reason: REASON });
    }
    return orders;
  },
};
