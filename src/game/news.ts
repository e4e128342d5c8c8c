/**
 * Step 1 of a round, News: deal the secret agendas (first round only; a seat may choose another through the first
 * year), fire the year's scheduled events whose conditions hold, draw wildcards from the seeded deck, and apply
 * facilitator injects. Events may hand a seat a decision, answered during Diplomacy.
 */
import type { Agenda, GameEvent, Wildcard } from './scenario-schema';
import { allHold, applyEffect, incident } from './effects';
import { weightedPick, withRng } from './rng';
import { SEATS, type Seat } from './vocabulary';
import { agendaState, type GameState, type NewsItem, nextId, pushLog, scenarioOf } from './state';
import type { Reason } from './reasons';

/**
 * Deals each seat one of its era's agendas by the match PRNG. It is only the default: through the first year's
 * Diplomacy and Policy the seat may pick another of its own (`chooseAgenda`); whatever it holds when the first
 * Policy ends stands for the match.
 */
export function dealAgendas(G: GameState): void {
  for (const seat of SEATS) {
    const agenda = withRng(G, (next) => weightedPick(next, agendaOptions(G, seat), () => 1));
    G.agendas[seat] = agenda ? agendaState(agenda) : null;
  }
}

/** The agendas a seat is offered: its own in the era's pool, in the scenario's order. */
export function agendaOptions(G: GameState, seat: Seat): Agenda[] {
  return scenarioOf(G).agendas.filter((a) => a.seat === seat);
}

/** Whether agendas may still be chosen: the first year's Diplomacy and Policy, once they have been dealt. */
export function agendaChoiceOpen(G: GameState, phase: string): boolean {
  return G.round === 1 && !G.outcome && (phase === 'diplomacy' || phase === 'policy');
}

/** Why `seat` may not take agenda `id` now, or null. Names the agenda, the seat and when agendas are chosen. */
export function agendaChoiceProblem(G: GameState, seat: Seat, id: string, phase: string): string | null {
  const agenda = scenarioOf(G).agendas.find((a) => a.id === id);
  if (!agenda) return `chooseAgenda: "${id}" is not an agenda of ${scenarioOf(G).id}`;
  if (agenda.seat !== seat) return `chooseAgenda: "${id}" is ${agenda.seat}'s agenda, not ${seat}'s`;
  if (!agendaChoiceOpen(G, phase)) {
    const first = scenarioOf(G).startYear;
    return G.round === 0
      ? `chooseAgenda: agendas are offered when ${first} begins, after the briefing`
      : `chooseAgenda: agendas are chosen in ${first}'s Diplomacy and Policy only; it is ${G.year}, ${phase}`;
  }
  return null;
}

/** The seat takes agenda `id` (already checked by `agendaChoiceProblem`). */
export function chooseAgenda(G: GameState, seat: Seat, id: string): void {
  const agenda = agendaOptions(G, seat).find((a) => a.id === id);
  if (agenda) G.agendas[seat] = agendaState(agenda, true);
}

/** Applies one event: its effects, its incident, its decision; records the news item. */
export function fireEvent(G: GameState, event: GameEvent, kind: NewsItem['kind']): void {
  for (const effect of event.effects) applyEffect(G, effect);
  if (event.incident) incident(G, event.incident.wronged, event.incident.offender, event.incident.severity);
  G.news.push({
    round: G.round,
    year: G.year,
    eventId: event.id,
    kind,
    title: event.title,
    text: event.text,
  });
  if (event.decision) {
    const d = event.decision;
    const id = nextId(G, 'd');
    G.decisions.push({
      id,
      eventId: event.id,
      round: G.round,
      seat: d.seat,
      prompt: d.prompt,
      options: d.options.map((o) => ({ id: o.id, label: o.label })),
      default: d.default,
      chosen: null,
    });
    pushLog(G, { kind: 'decision-pending', seat: d.seat, eventId: event.id, decisionId: id });
  }
}

function wildcardEligible(G: GameState, card: Wildcard): boolean {
  if (G.drawn.includes(card.id)) return false;
  if (card.from !== undefined && G.year < card.from) return false;
  if (card.to !== undefined && G.year > card.to) return false;
  return true;
}

export function runNews(G: GameState): void {
  if (G.round === 1) dealAgendas(G);

  for (const event of scenarioOf(G).events) {
    if (event.year === G.year && allHold(G, event.conditions)) fireEvent(G, event, 'scheduled');
  }

  const { min, max } = scenarioOf(G).wildcards.draws;
  const count = withRng(G, (next) => min + Math.floor(next() * (max - min + 1)));
  for (let n = 0; n < count; n++) {
    const eligible = scenarioOf(G).wildcards.deck.filter((c) => wildcardEligible(G, c));
    const card = withRng(G, (next) => weightedPick(next, eligible, (c) => c.weight));
    if (!card) break;
    G.drawn.push(card.id);
    if (allHold(G, card.conditions)) fireEvent(G, card, 'wildcard');
  }

  for (const id of G.injected) injectEvent(G, id);
  G.injected = [];
}

/** Fires a wildcard from the era's deck now, at the facilitator's word. False for an unknown id. */
export function injectEvent(G: GameState, id: string): boolean {
  const card = scenarioOf(G).wildcards.deck.find((c) => c.id === id);
  if (!card) return false;
  if (!G.drawn.includes(card.id)) G.drawn.push(card.id);
  fireEvent(G, card, 'injected');
  return true;
}

/** Applies a decision option's effects. */
export function applyDecision(G: GameState, decisionId: string, optionId: string, reason?: Reason): boolean {
  const decision = G.decisions.find((d) => d.id === decisionId);
  if (!decision || decision.chosen !== null) return false;
  const event = [...scenarioOf(G).events, ...scenarioOf(G).wildcards.deck].find(
    (e) => e.id === decision.eventId,
  );
  const option = event?.decision?.options.find((o) => o.id === optionId);
  if (!option) return false;
  decision.chosen = optionId;
  if (reason) decision.reason = reason;
  for (const effect of option.effects) applyEffect(G, effect);
  pushLog(G, {
    kind: 'decision-made',
    seat: decision.seat,
    eventId: decision.eventId,
    decisionId: decision.id,
    option: optionId,
  });
  return true;
}

/** At the end of Diplomacy, every unanswered decision takes its default (the historical choice). */
export function settleDecisions(G: GameState): void {
  for (const d of G.decisions)
    if (d.chosen === null && d.round === G.round) applyDecision(G, d.id, d.default);
}
