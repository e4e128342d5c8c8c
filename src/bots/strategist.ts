/**
 * The strategist: searches for its own best score. At every choice (orders, proposals, answers, event decisions)
 * it lists candidates, plays each forward many times from its own view with sampled hidden information
 * (src/bots/rollout.ts), and keeps the best by successive halving: every candidate gets a few rollouts, the better
 * half gets more, until one is left. Rollout i shares its sampled world across candidates (common random numbers),
 * so differences come from the choice, not the luck. Strength trades time for play: more candidates, more
 * rollouts, a longer horizon.
 */
import { acceptProblem } from '../game/diplomacy';
import { ACTIONS, PROPOSAL_KINDS } from '../game/catalog';
import type { Seat } from '../game/vocabulary';
import type { GameState, Order, Proposal } from '../game/state';
import { legalProposals, nextOrderChoices } from '../game/legal';
import { historicalOrders } from './historical';
import { representativeIsland, rollout, type Script } from './rollout';
import type { Bot, BotContext, BotDecision, BotProposal } from '../match/bot';

export const STRENGTHS = ['easy', 'normal', 'hard'] as const;
export type Strength = (typeof STRENGTHS)[number];

interface Budget {
  /** Most candidates considered at one choice. */
  candidates: number;
  /** Rollouts each candidate gets in the first halving round. */
  firstRollouts: number;
  /** Years simulated past the current one. */
  horizon: number;
}

const BUDGETS: Record<Strength, Budget> = {
  easy: { candidates: 6, firstRollouts: 2, horizon: 2 },
  normal: { candidates: 16, firstRollouts: 3, horizon: 3 },
  hard: { candidates: 32, firstRollouts: 4, horizon: 6 },
};

interface Candidate<T> {
  value: T;
  script: Script;
  total: number;
  n: number;
}

/** Successive halving over candidates; returns the winner and its mean value. */
function bestOf<T>(ctx: BotContext, phase: string, budget: Budget, candidates: Candidate<T>[]): Candidate<T> {
  // One seed per decision from the bot's own generator: reproducible, and shared by all candidates.
  const base = Math.floor(ctx.next() * 2 ** 31);
  let alive = candidates;
  let rollouts = budget.firstRollouts;
  let done = 0;
  while (alive.length > 1) {
    for (const c of alive) {
      for (let i = c.n; i < done + rollouts; i++) {
        c.total += rollout(ctx.view, ctx.seat, phase, c.script, base + i, budget.horizon);
        c.n += 1;
      }
    }
    done += rollouts;
    alive = [...alive].sort((a, b) => b.total / b.n - a.total / a.n).slice(0, Math.ceil(alive.length / 2));
    rollouts *= 2;
  }
  return alive[0];
}

/** Reasons travel in move arguments, which allow 160 characters. */
const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);

const candidate = <T>(value: T, script: Script): Candidate<T> => ({ value, script, total: 0, n: 0 });

/** Samples `k` items without replacement with the bot's generator, keeping the first `keep` in place. */
function sample<T>(next: () => number, items: T[], k: number, keep = 0): T[] {
  if (items.length <= k) return items;
  const rest = items.slice(keep);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return [...items.slice(0, keep), ...rest.slice(0, k - keep)];
}

const orderKey = (o: Order) => `${o.action}:${o.target ?? ''}`;

/** Every distinct order set (up to order and interchangeable islands) the seat could commit now. */
export function orderSets(view: GameState, seat: Seat, cap = 2000): Order[][] {
  const sets: Order[][] = [];
  const walk = (chosen: Order[], minKey: string) => {
    if (sets.length >= cap) return;
    sets.push(chosen);
    const seen = new Set<string>();
    for (const o of nextOrderChoices(view, seat, chosen)) {
      const island = 'target' in ACTIONS[o.action] ? representativeIsland(view, o.action) : undefined;
      if (island !== undefined && o.target !== island) continue;
      const key = orderKey(o);
      if (key < minKey || seen.has(key)) continue;
      seen.add(key);
      walk([...chosen, o], key);
    }
  };
  walk([], '');
  return sets;
}

function describeOrders(orders: Order[]): string {
  return orders.length ? orders.map((o) => o.action).join(', ') : 'no orders';
}

/** The strategist at a strength. */
export function makeStrategist(strength: string): Bot {
  if (!(STRENGTHS as readonly string[]).includes(strength)) {
    throw new Error(`unknown strategist strength "${strength}" (options: ${STRENGTHS.join(', ')})`);
  }
  const budget = BUDGETS[strength as Strength];
  const tag = `strategist:${strength}`;

  const decide = (ctx: BotContext): BotDecision[] => {
    const mine = ctx.view.decisions.filter(
      (d) => d.seat === ctx.seat && d.chosen === null && d.round === ctx.view.round,
    );
    return mine.map((d) => {
      const best = bestOf(
        ctx,
        'diplomacy',
        budget,
        d.options.map((o) => candidate(o.id, { decisions: [{ id: d.id, option: o.id }] })),
      );
      return {
        id: d.id,
        option: best.value,
        reason: clip(
          `${tag}: "${best.value}" scores best in ${best.n} rollouts (${(best.total / best.n).toFixed(1)})`,
        ),
      };
    });
  };

  const propose = (ctx: BotContext): BotProposal[] => {
    const legal = legalProposals(ctx.view, ctx.seat, PROPOSAL_KINDS);
    const options = sample(ctx.next, legal, budget.candidates - 1);
    const none = candidate<BotProposal | null>(null, { proposals: [] });
    const all = [
      none,
      ...options.map((p) =>
        candidate<BotProposal | null>({ ...p, reason: '' }, { proposals: [{ ...p, reason: '' }] }),
      ),
    ];
    const best = bestOf(ctx, 'diplomacy', budget, all);
    if (!best.value) return [];
    const gain = best.total / best.n - none.total / Math.max(1, none.n);
    const reason = `${tag}: ${best.value.kind} to ${best.value.to} adds ${none.n ? gain.toFixed(1) : '?'} to its expected score`;
    return [{ ...best.value, reason: clip(reason) }];
  };

  const respond = (ctx: BotContext, proposal: Proposal) => {
    if (acceptProblem(ctx.view, proposal) !== null)
      return { accept: false, reason: `${tag}: cannot accept as things stand` };
    const yes = candidate(true, { responses: new Map([[proposal.id, true]]) });
    const no = candidate(false, { responses: new Map([[proposal.id, false]]) });
    const best = bestOf(ctx, 'diplomacy', budget, [yes, no]);
    const verdict = best.value ? 'accepting' : 'refusing';
    return {
      accept: best.value,
      reason: clip(
        `${tag}: ${verdict} scores better (${(best.total / best.n).toFixed(1)} over ${best.n} rollouts)`,
      ),
    };
  };

  const orders = (ctx: BotContext): Order[] => {
    // The doctrine's own pick is always a candidate, so search can only improve on it in expectation.
    const doctrine = historicalOrders(ctx.view, ctx.seat, ctx.next).map(({ action, target }) =>
      target === undefined ? { action } : { action, target },
    );
    const sets = orderSets(ctx.view, ctx.seat);
    const seen = new Set([doctrine.map(orderKey).sort().join('|')]);
    const others = sets.filter((s) => !seen.has(s.map(orderKey).sort().join('|')));
    // Fuller sets first: an unspent action point is rarely the best play, but keep a few short sets to compare.
    others.sort((a, b) => b.length - a.length);
    const full = others.filter((s) => s.length === others[0]?.length);
    const picked = sample(
      ctx.next,
      [doctrine, ...sample(ctx.next, full, budget.candidates), ...sample(ctx.next, others, 2)],
      budget.candidates,
      1,
    );
    const best = bestOf(
      ctx,
      'policy',
      budget,
      picked.map((o) => candidate(o, { orders: o })),
    );
    const reason = `${tag}: ${describeOrders(best.value)} scores best (${(best.total / best.n).toFixed(1)} over ${best.n} rollouts)`;
    return best.value.map((o) => ({ ...o, reason: clip(reason) }));
  };

  return { kind: tag, decide, propose, respond, orders };
}
