/**
 * How often each secret agenda of an era is met: plays seeded matches with the given bots (the direct driver, in
 * this process) and judges every agenda of the era's pool on each match's final state, whichever agenda the seat
 * held, plus whether it already holds in the opening state. Issue 12 asks that no agenda be a sure thing; this is
 * the measure (`npm run sim:agendas`) and the batch-level test's source (tests/agenda-choice.test.ts).
 */
import { allHoldWithoutDraw } from '../game/effects';
import { createInitialState, type GameState } from '../game/state';
import type { Scenario } from '../game/scenario-schema';
import { registerScenario } from '../game/scenario-registry';
import { perSeat, type Seat } from '../game/vocabulary';
import { makeBot, type BotSpec } from '../bots/registry';
import { DirectDriver } from '../match/direct';
import { botRng, playBotsToEnd } from '../match/match';

export interface AgendaRate {
  id: string;
  seat: Seat;
  bonus: number;
  historical: boolean;
  /** Met in the opening state (before any move). */
  metAtStart: boolean;
  /** Matches whose final state meets it, whichever agenda the seat held. */
  met: number;
  /** Matches in which the seat held it at the end, and how many of those met it. */
  held: number;
  heldMet: number;
}

export interface AgendaRates {
  scenario: string;
  matches: number;
  agendas: AgendaRate[];
  /** Per seat: matches in which the seat met the agenda it held. */
  seatMet: Record<Seat, number>;
}

/** Plays one seeded match to its end and returns the final state. */
export function playToEnd(scenario: Scenario, seed: string, bots: BotSpec): GameState {
  const driver = DirectDriver.start({ scenario, seed }, { record: false });
  const seatBots = perSeat((s) => makeBot(bots[s]));
  const rngs = perSeat((s) => botRng(seed, s));
  playBotsToEnd(driver, seatBots, rngs, { what: `seed ${seed}: the match` });
  return driver.G;
}

export function agendaRates(scenario: Scenario, seeds: readonly string[], bots: BotSpec): AgendaRates {
  registerScenario(scenario);
  const opening = createInitialState(scenario, 'agenda-rates');
  const agendas: AgendaRate[] = scenario.agendas.map((a) => ({
    id: a.id,
    seat: a.seat,
    bonus: a.bonus,
    historical: a.historical === true,
    metAtStart: allHoldWithoutDraw(opening, a.conditions),
    met: 0,
    held: 0,
    heldMet: 0,
  }));
  const seatMet = perSeat(() => 0);
  for (const seed of seeds) {
    const G = playToEnd(scenario, seed, bots);
    scenario.agendas.forEach((a, i) => {
      const ok = allHoldWithoutDraw(G, a.conditions);
      if (ok) agendas[i].met += 1;
      if (G.agendas[a.seat]?.id === a.id) {
        agendas[i].held += 1;
        if (ok) agendas[i].heldMet += 1;
      }
    });
    for (const s of Object.keys(seatMet) as Seat[]) if (G.outcome?.agendaMet[s]) seatMet[s] += 1;
  }
  return { scenario: scenario.id, matches: seeds.length, agendas, seatMet };
}
