/**
 * Forward simulation for the strategist, from one seat's view only. The hidden information is sampled (other seats'
 * agendas from the era's pool; the match PRNG, which no view holds, reseeded from the bot's own generator), then the
 * rest of the match is played on the rules' own functions (the direct driver) with the historical doctrine as a
 * cheap policy for every seat, and the seat's own score is read at the horizon.
 */
import { ISLANDS, SEATS, playerIDOf, type Seat } from '../game/vocabulary';
import { initialRngState, weightedPick } from '../game/rng';
import { agendaScore } from '../game/scoring';
import { agendaState, scenarioOf, type GameState, type Order } from '../game/state';
import { deepCopy } from '../game/plain-step';
import { DirectDriver } from '../match/direct';
import { historicalBot, historicalOrders } from './historical';
import type { BotProposal } from '../match/bot';

/** What the seat does in the rest of the current phase; anything not scripted follows the doctrine. */
export interface Script {
  /** The seat's agenda pick (the first year only). */
  agenda?: string;
  decisions?: { id: string; option: string }[];
  proposals?: BotProposal[];
  /** Answers to proposals addressed to the seat, by proposal id. */
  responses?: Map<string, boolean>;
  orders?: Order[];
}

/** A small fast PRNG (mulberry32) for rollouts: seeded, portable, cheap to create per seat. */
export function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What every rollout from a view starts from, before its own sampling: the view with recent records only (nothing
 * later rules read is older than a round), as plain JSON data. A decision makes it once and `determinize` copies it
 * for each of its rollouts, which gives the same state as a JSON round trip of the view per rollout: the view does
 * not change while the bot decides.
 */
export function rolloutBase(view: GameState): GameState {
  const since = view.round - 1;
  const trimmed: GameState = {
    ...view,
    log: view.log.filter((l) => l.round >= since),
    news: view.news.filter((n) => n.round >= since),
    revealed: [],
    messages: [],
    history: [],
    proposals: view.proposals.filter((p) => p.round === view.round),
    decisions: view.decisions.filter((d) => d.round === view.round),
  };
  return JSON.parse(JSON.stringify(trimmed)) as GameState;
}

/**
 * A playable state sampled from a seat's view (`base` is its `rolloutBase`): other seats' agendas drawn from the
 * era's pool, and a fresh PRNG from `seed`.
 */
export function determinize(
  view: GameState,
  seat: Seat,
  seed: number,
  phase: string,
  base: GameState = rolloutBase(view),
): GameState {
  const G = deepCopy(base);
  G.rng = initialRngState(`strategist:${seat}:${view.round}:${seed}`);
  G.seed = `rollout-${seed}`;
  const next = mulberry(seed ^ 0x5eed);
  const pool = scenarioOf(view).agendas;
  for (const other of SEATS) {
    if (other === seat || view.outcome) continue;
    if (view.round === 0) continue; // agendas are dealt at the first News, by the rules themselves
    const agenda = weightedPick(
      next,
      pool.filter((a) => a.seat === other),
      () => 1,
    );
    G.agendas[other] = agenda ? agendaState(agenda) : null;
  }
  // Other seats' hidden orders are unknown: in the rollout they choose again.
  if (phase === 'policy')
    for (const other of SEATS) if (other !== seat && G.orders[other] === null) G.ready[other] = false;
  return G;
}

/** The seat's score as the match would count it now: public score plus its agenda's bonus, or less its miss cost. */
export function seatValue(G: GameState, seat: Seat): number {
  if (G.outcome) return G.outcome.finalScores[seat];
  return G.scores[seat] + agendaScore(G, seat);
}

function seatRngs(seed: number): Record<Seat, () => number> {
  return Object.fromEntries(SEATS.map((s, i) => [s, mulberry(seed * 7 + i * 1013 + 1)])) as Record<
    Seat,
    () => number
  >;
}

/** Finishes the current phase with the script for `seat` and the doctrine for everyone else. */
function finishPhase(d: DirectDriver, seat: Seat, script: Script, rngs: Record<Seat, () => number>): void {
  const me = playerIDOf(seat);
  if (d.phase === 'diplomacy') {
    if (script.agenda) d.move(me, 'chooseAgenda', [{ id: script.agenda }]);
    for (const x of script.decisions ?? []) d.move(me, 'decide', [x]);
    for (const p of script.proposals ?? [])
      d.move(me, 'propose', [{ to: p.to, kind: p.kind, terms: p.terms }]);
    for (const s of SEATS) {
      for (const p of d.G.proposals) {
        if (p.to !== s || p.status !== 'open' || p.round !== d.G.round) continue;
        const scripted = s === seat ? script.responses?.get(p.id) : undefined;
        const accept = scripted ?? historicalBot.respond({ seat: s, view: d.G, next: rngs[s] }, p).accept;
        d.move(playerIDOf(s), 'respond', [{ id: p.id, accept }]);
      }
    }
    for (const s of SEATS)
      if (!d.over && d.phase === 'diplomacy' && !d.G.ready[s]) d.move(playerIDOf(s), 'ready');
    return;
  }
  if (d.phase === 'policy') {
    for (const s of SEATS) {
      if (d.over || d.phase !== 'policy' || d.G.ready[s]) continue;
      const orders = s === seat && script.orders ? script.orders : historicalOrders(d.G, s, rngs[s]);
      if (
        !d.move(playerIDOf(s), 'commitOrders', [
          {
            orders: orders.map(({ action, target }) =>
              target === undefined ? { action } : { action, target },
            ),
          },
        ])
      ) {
        d.move(playerIDOf(s), 'commitOrders', [{ orders: [] }]);
      }
    }
    return;
  }
  for (const s of SEATS)
    if (!d.over && d.phase === 'briefing' && !d.G.ready[s]) d.move(playerIDOf(s), 'ready');
}

/**
 * One rollout: from the view, with sampled hidden information, the script for the rest of this phase, then the
 * doctrine for everyone (proposals left out for speed) until `horizon` more years have resolved or the match ends.
 * Returns the seat's value at that point. `base` is the view's `rolloutBase`, which a caller running many rollouts
 * from one view makes once.
 */
export function rollout(
  view: GameState,
  seat: Seat,
  phase: string,
  script: Script,
  seed: number,
  horizon: number,
  base: GameState = rolloutBase(view),
): number {
  const G = determinize(view, seat, seed, phase, base);
  const d = new DirectDriver(G, phase as 'diplomacy', { record: false });
  const rngs = seatRngs(seed);
  const startRound = G.round;
  finishPhase(d, seat, script, rngs);
  for (let guard = 0; guard < 200 && !d.over; guard++) {
    const resolved = d.G.round - startRound + (d.phase === 'diplomacy' ? 0 : 1);
    if (resolved >= horizon && d.phase === 'diplomacy') break;
    const before = d.stateID;
    finishPhase(d, seat, {}, rngs);
    if (d.stateID === before) break;
  }
  return seatValue(d.G, seat);
}

/** One island stands for all in candidate sets: islands are interchangeable for every score. */
export function representativeIsland(view: GameState, action: string): string | undefined {
  const disputed = ISLANDS.filter((i) => view.islands[i].administrator === 'russia');
  if (action === 'drawdown-garrison')
    return [...disputed].sort((a, b) => view.islands[b].garrison - view.islands[a].garrison)[0];
  if (action === 'reinforce-garrison')
    return [...disputed].sort((a, b) => view.islands[a].garrison - view.islands[b].garrison)[0];
  if (action === 'offer-joint-development')
    return [...disputed].sort((a, b) => view.islands[a].jointActivities - view.islands[b].jointActivities)[0];
  return undefined;
}
