/**
 * The strategist: searches for its own best score. At every choice (its agenda, orders, proposals, answers, event
 * decisions) it lists candidates, plays each forward many times from its own view with sampled hidden information
 * (src/bots/rollout.ts), and keeps the best by successive halving: every candidate gets a few rollouts, the better
 * half gets more, until one is left. Rollout i shares its sampled world across candidates (common random numbers),
 * so differences come from the choice, not the luck. Strength trades time for play: more candidates, more
 * rollouts, a longer horizon.
 */
import { acceptRefusal } from '../game/diplomacy';
import { refusalReason, type Reason, type ReasonArgs } from '../game/reasons';
import { ACTIONS, PROPOSAL_KINDS } from '../game/catalog';
import type { Seat } from '../game/vocabulary';
import { round1, scenarioOf, type GameState, type Order, type Proposal } from '../game/state';
import { agendaOptions, legalProposals, nextOrderChoices } from '../game/legal';
import { historicalOrders } from './historical';
import { representativeIsland, rollout, rolloutBase, type Script } from './rollout';
import type { Bot, BotAgendaChoice, BotContext, BotDecision, BotProposal } from '../match/bot';

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
  // Every rollout starts from a copy of the same plain view, made once here.
  const start = rolloutBase(ctx.view);
  let alive = candidates;
  let rollouts = budget.firstRollouts;
  let done = 0;
  while (alive.length > 1) {
    for (const c of alive) {
      for (let i = c.n; i < done + rollouts; i++) {
        c.total += rollout(ctx.view, ctx.seat, phase, c.script, base + i, budget.horizon, start);
        c.n += 1;
      }
    }
    done += rollouts;
    alive = [...alive].sort((a, b) => b.total / b.n - a.total / a.n).slice(0, Math.ceil(alive.length / 2));
    rollouts *= 2;
  }
  return alive[0];
}

/** A candidate proposal's reason until it wins (src/bots/rollout.ts sends proposals without one). */
const UNSCORED: Reason = { code: 'random-choice' };

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

/** The strategist at a strength. */
export function makeStrategist(strength: string): Bot {
  if (!(STRENGTHS as readonly string[]).includes(strength)) {
    throw new Error(`unknown strategist strength "${strength}" (options: ${STRENGTHS.join(', ')})`);
  }
  const budget = BUDGETS[strength as Strength];
  const tag = `strategist:${strength}`;
  const level = strength as Strength;
  // A reason quotes the winner's mean score over its rollouts (src/game/reasons.ts; worded where shown).
  const scored = (
    code:
      | 'strategist-decision'
      | 'strategist-agenda'
      | 'strategist-accepting'
      | 'strategist-refusing'
      | 'strategist-orders',
    best: Candidate<unknown>,
    extra: ReasonArgs = {},
  ): Reason => ({
    code,
    args: { level, ...extra, score: round1(best.total / Math.max(1, best.n)), rollouts: best.n },
  });

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
        reason: scored('strategist-decision', best),
      };
    });
  };

  // The agenda is judged at the era's end, so each option is played to the end (the miss cost counts too).
  const agenda = (ctx: BotContext): BotAgendaChoice | null => {
    const options = agendaOptions(ctx.view, ctx.seat);
    if (options.length < 2) return null;
    const toEnd = { ...budget, horizon: scenarioOf(ctx.view).endYear - ctx.view.year + 1 };
    const best = bestOf(
      ctx,
      'diplomacy',
      toEnd,
      options.map((a) => candidate(a.id, { agenda: a.id })),
    );
    return {
      id: best.value,
      reason: scored('strategist-agenda', best),
    };
  };

  const propose = (ctx: BotContext): BotProposal[] => {
    const legal = legalProposals(ctx.view, ctx.seat, PROPOSAL_KINDS);
    const options = sample(ctx.next, legal, budget.candidates - 1);
    const none = candidate<BotProposal | null>(null, { proposals: [] });
    const all = [
      none,
      ...options.map((p) =>
        // The winner's reason is set below; rollouts send proposals without one.
        candidate<BotProposal | null>(
          { ...p, reason: UNSCORED },
          { proposals: [{ ...p, reason: UNSCORED }] },
        ),
      ),
    ];
    const best = bestOf(ctx, 'diplomacy', budget, all);
    if (!best.value) return [];
    const gain = best.total / best.n - none.total / Math.max(1, none.n);
    const reason: Reason = {
      code: 'strategist-proposal',
      args: { level, kind: best.value.kind, seat: best.value.to, score: round1(gain) },
    };
    return [{ ...best.value, reason }];
  };

  const respond = (ctx: BotContext, proposal: Proposal) => {
    const refusal = acceptRefusal(ctx.view, proposal);
    if (refusal !== null) return { accept: false, reason: refusalReason(refusal) };
    const yes = candidate(true, { responses: new Map([[proposal.id, true]]) });
    const no = candidate(false, { responses: new Map([[proposal.id, false]]) });
    const best = bestOf(ctx, 'diplomacy', budget, [yes, no]);
    const verdict = best.value ? 'strategist-accepting' : 'strategist-refusing';
    return {
      accept: best.value,
      reason: scored(verdict, best),
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
    const reason: Reason = scored('strategist-orders', best, { actions: best.value.map((o) => o.action) });
    return best.value.map((o) => ({ ...o, reason }));
  };

  return { kind: tag, decide, agenda, propose, respond, orders };
}
