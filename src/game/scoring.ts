/**
 * National-interest scores, built from the interests the paper gives each actor (paper-facts §1), and the end of a
 * match: agendas judged, seats ranked.
 */
import { allHoldWithoutDraw, islandsHeld, rapport } from './effects';
import { LEVERS } from './levers';
import { SEATS, type Seat } from './vocabulary';
import { type GameState, type Outcome, type PerSeat, perSeat, round1, scenarioOf } from './state';

/** Energy output a seat earns from: its stake share plus, for Russia, the remainder. */
export function energyShare(G: GameState, seat: Seat): number {
  let total = 0;
  for (const p of Object.values(G.projects)) {
    const invested = Object.values(p.stakes).reduce((a, b) => a + (b ?? 0), 0);
    const share = seat === 'russia' ? 100 - invested : (p.stakes[seat] ?? 0);
    total += (p.output * share) / 100;
  }
  return total;
}

/** Energy output flowing to a seat's market. */
export function energyBought(G: GameState, seat: Seat): number {
  let total = 0;
  for (const spec of scenarioOf(G).projects) {
    if (spec.buyers.includes(seat)) total += G.projects[spec.id].output / spec.buyers.length;
  }
  return total;
}

/** Total output as a share of the era's total capacity, 0-100. */
export function energyIndex(G: GameState): number {
  const projects = Object.values(G.projects);
  const capacity = projects.reduce((a, p) => a + p.capacity, 0);
  return capacity > 0 ? round1((100 * projects.reduce((a, p) => a + p.output, 0)) / capacity) : 0;
}

/** How close Russia and Japan have come: trust both ways and the leaders' rapport, 0-100. */
export function rapprochement(G: GameState): number {
  return (G.trust.japan.russia + G.trust.russia.japan + rapport(G, 'russia', 'japan')) / 3;
}

export function publicScore(G: GameState, seat: Seat): number {
  const S = LEVERS.score;
  const economy = S.economy * (G.economy[seat] - 100);
  const energy = S.energyShare * energyShare(G, seat) + S.energyBuyer * energyBought(G, seat);
  const a = G.alignment;
  const k = G.koreaTies;
  let score = economy + energy;
  switch (seat) {
    case 'russia':
      // Sovereignty first (Yeltsin), Japanese capital (every era), China as partner, the alliance as a barrier.
      score += S.islandRussia * islandsHeld(G, 'russia');
      score += (a.sinoRussian - 50) / 10 - (a.usJapanAlliance - 50) / 10 - a.sanctions / 10;
      score += (G.trust.japan.russia - 30) / 10;
      break;
    case 'japan':
      // The Northern Territories are the aim of any treaty; energy and the alliance.
      score += S.islandJapan * islandsHeld(G, 'japan');
      score += (a.usJapanAlliance - 50) / 10 + (a.japanChina + a.japanRok - 100) / 20;
      break;
    case 'china':
      // Balance of power: a Russo-Japanese thaw is China's loss; Sino-Russian ties and the Koreas are its gain.
      score += (a.sinoRussian - 50) / 5 - (rapprochement(G) - 35) / 5;
      score += (k.rok.china + k.dprk.china - 100) / 20;
      if (G.treaty?.status === 'ratified') score -= 10;
      break;
    case 'us':
      score +=
        (a.usJapanAlliance - 50) / 5 + (k.rok.us - 50) / 10 - (k.dprk.russia + k.dprk.china - 100) / 40;
      break;
    case 'rok':
      // An alternative partner for Russia that gains from the stalemate.
      score += (k.rok.russia + k.rok.us - 100) / 10 + (k.rok.china - 50) / 20;
      score += (G.trust.dprk.rok - 30) / 20 - (rapprochement(G) - 35) / 10;
      break;
    case 'dprk':
      score += (Math.max(k.dprk.russia, k.dprk.china) - 50) / 5 + (k.dprk.us - 20) / 10;
      score += (G.domestic.dprk.capital - 50) / 10;
      break;
  }
  return round1(score);
}

export function updateScores(G: GameState): void {
  for (const seat of SEATS) G.scores[seat] = publicScore(G, seat);
}

export function agendaMet(G: GameState, seat: Seat): boolean {
  const held = G.agendas[seat];
  const agenda = held && scenarioOf(G).agendas.find((a) => a.id === held.id);
  return !!agenda && allHoldWithoutDraw(G, agenda.conditions);
}

export function finishMatch(G: GameState, reason: Outcome['reason']): void {
  updateScores(G);
  const agendaMetBySeat = perSeat((s) => agendaMet(G, s));
  const finalScores: PerSeat<number> = perSeat((s) =>
    round1(G.scores[s] + (agendaMetBySeat[s] ? (G.agendas[s]?.bonus ?? 0) : 0)),
  );
  const ranking = [...SEATS].sort(
    (x, y) => finalScores[y] - finalScores[x] || SEATS.indexOf(x) - SEATS.indexOf(y),
  );
  const japanIslands = islandsHeld(G, 'japan');
  G.outcome = {
    reason,
    year: G.year,
    territorial: japanIslands === 4 ? 'full' : japanIslands > 0 ? 'partial' : 'none',
    treaty: G.treaty?.status === 'ratified' ? G.treaty.formula : null,
    finalScores,
    agendaMet: agendaMetBySeat,
    ranking,
  };
}
