/**
 * National-interest scores, built from the interests the paper gives each actor (paper-facts §1), and the end of a
 * match: agendas judged, seats ranked.
 */
import { allHoldWithoutDraw, islandsHeld, rapport } from './effects';
import { LEVERS } from './levers';
import { FORMULA_RUNG, LADDER, SEATS, type Seat } from './vocabulary';
import {
  type GameState,
  type Outcome,
  type PerSeat,
  agendaMissCost,
  perSeat,
  round1,
  scenarioOf,
} from './state';

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

/**
 * Ladder rungs by which Japan's demand and Russia's offer stand closer than at the era's start (negative when further
 * apart); a ratified treaty closes the gap.
 */
export function gapNarrowed(G: GameState): number {
  const start = scenarioOf(G).positions;
  const gap = G.treaty?.status === 'ratified' ? 0 : G.positions.japan - G.positions.russia;
  return LADDER.indexOf(start.japan.value) - LADDER.indexOf(start.russia.value) - gap;
}

/**
 * How much a Russo-Japanese rapprochement threatens China, 0 to `LEVERS.score.chinaThreatCap`: it would isolate
 * Beijing, "losing its only and the last strategic partner" (CHINA FACTOR ll. 800–802, 815–817), so it grows with the
 * Sino-Russian partnership and with Japan's distance from China, and vanishes at a Sino-Japanese détente (ties at
 * `LEVERS.score.chinaDetente`); 1 at a partnership of 50 and Japan–China ties of 50.
 */
export function chinaThreat(G: GameState): number {
  const a = G.alignment;
  const S = LEVERS.score;
  const distance = Math.max(0, S.chinaDetente - a.japanChina) / (S.chinaDetente - 50);
  return Math.min(S.chinaThreatCap, (a.sinoRussian / 50) * distance);
}

/**
 * What backing Japan's Kuril claim is worth to China in a Sino-Russian rupture: `LEVERS.score.chinaRiftLeverage` at
 * the deepest rift, scaled by how far relations lie below `LEVERS.alignment.riftBelow`, while the backing holds (the
 * `china-backs-japan` flag), and nothing outside a rupture. China's aim in the split was "to maintain the pressure on
 * the Soviets to meet their demands as well as to prevent a Soviet-Japanese rapprochement" (CHINA FACTOR ll. 719–721),
 * and its support for Japan's claim "was aimed directly against Moscow" (ll. 752–755).
 */
export function chinaRiftLeverage(G: GameState): number {
  if (!G.flags['china-backs-japan']) return 0;
  const rift = LEVERS.alignment.riftBelow;
  return (LEVERS.score.chinaRiftLeverage * Math.max(0, rift - G.alignment.sinoRussian)) / rift;
}

/**
 * Islands Russia's standing offer would hand over that it still holds: two at the 1956 formula (or joint
 * development), four at the top of the ladder. Russian opinion counts a promise as part of a cession, so Russia's
 * score loses `LEVERS.score.offerShare` of each island's worth while it is on offer: "Neither of these two countries
 * will take a chance first to abandon this territorial issue in exchange for even grand scale tempting energy card"
 * (PROSPECTS ll. 983–986); to Moscow the Kurils are "not a territorial issue at all but a war compensatory one"
 * (IMPLICATIONS ll. 871–872).
 */
export function islandsOffered(G: GameState): number {
  const rung = G.positions.russia;
  const promised = rung >= FORMULA_RUNG['four-islands'] ? 4 : rung >= FORMULA_RUNG['two-islands'] ? 2 : 0;
  return Math.max(0, promised - islandsHeld(G, 'japan'));
}

/** The terms of a public score, each one interest the paper gives the seat (paper-facts §1). */
export const SCORE_TERMS = [
  'economy',
  'energy',
  'islands',
  'alignment',
  'trust',
  'balance',
  'treaty',
  'korea',
  'capital',
  'settlement',
] as const;
export type ScoreTerm = (typeof SCORE_TERMS)[number];

/**
 * A seat's public score term by term, in the order they are added: the end screen and the charts panel show it so a
 * player sees which choices moved the score. `publicScore` is the sum of these terms, added in this order (floating
 * point sums depend on order, and pinned replays on the sums), so the two can never disagree.
 */
export function scoreBreakdown(G: GameState, seat: Seat): { term: ScoreTerm; value: number }[] {
  const S = LEVERS.score;
  const a = G.alignment;
  const k = G.koreaTies;
  const terms: [ScoreTerm, number][] = [
    ['economy', S.economy * (G.economy[seat] - 100)],
    ['energy', S.energyShare * energyShare(G, seat) + S.energyBuyer * energyBought(G, seat)],
  ];
  switch (seat) {
    case 'russia':
      // Sovereignty first (Yeltsin), Japanese capital (every era), China as partner, the alliance as a barrier.
      terms.push(['islands', S.islandRussia * (islandsHeld(G, 'russia') - S.offerShare * islandsOffered(G))]);
      terms.push(['alignment', (a.sinoRussian - 50) / 10 - (a.usJapanAlliance - 50) / 10 - a.sanctions / 10]);
      terms.push(['trust', (G.trust.japan.russia - 30) / 10]);
      break;
    case 'japan':
      // The Northern Territories are the aim of any treaty; energy and the alliance.
      terms.push(['islands', S.islandJapan * islandsHeld(G, 'japan')]);
      terms.push(['alignment', (a.usJapanAlliance - 50) / 10 + (a.japanChina + a.japanRok - 100) / 20]);
      break;
    case 'china': {
      // Balance of power: a Russo-Japanese thaw costs China as far as it isolates Beijing (its partner lost, Japan
      // hostile); in a rupture Russia's losses are China's gain (1964), and so is the pressure of backing Japan's
      // claim (`chinaRiftLeverage`); Sino-Russian ties and the Koreas are its gain.
      const threat = chinaThreat(G);
      terms.push([
        'balance',
        (a.sinoRussian - 50) / 5 -
          (threat * (rapprochement(G) - 35)) / 5 +
          (Math.max(0, 50 - a.sinoRussian) / 10) * islandsHeld(G, 'japan') +
          chinaRiftLeverage(G),
      ]);
      terms.push(['korea', (k.rok.china + k.dprk.china - 100) / 20]);
      if (G.treaty?.status === 'ratified') terms.push(['treaty', -10 * threat]);
      break;
    }
    case 'us':
      terms.push([
        'alignment',
        (a.usJapanAlliance - 50) / 5 + (k.rok.us - 50) / 10 - (k.dprk.russia + k.dprk.china - 100) / 40,
      ]);
      // No stake in a deal unless a what-if gives it one (claim 10's control): the term is left out at 0.
      if (S.usSettlement !== 0) terms.push(['settlement', S.usSettlement * gapNarrowed(G)]);
      break;
    case 'rok':
      // An alternative partner for Russia that gains from the stalemate.
      // The alliance first; Moscow no longer a lever over Pyongyang (CONCLUSION ll. 1052–1054), so its tie weighs
      // no more than Beijing's.
      terms.push(['korea', (k.rok.us - 50) / 10 + (k.rok.russia - 50) / 20 + (k.rok.china - 50) / 20]);
      terms.push(['balance', (G.trust.dprk.rok - 30) / 20 - (rapprochement(G) - 35) / 10]);
      break;
    case 'dprk':
      // Pyongyang weighs Washington above Moscow (CONCLUSION ll. 1056–1058), a patron in Moscow or Beijing next.
      terms.push(['korea', (Math.max(k.dprk.russia, k.dprk.china) - 50) / 10 + (k.dprk.us - 20) / 5]);
      terms.push(['capital', (G.domestic.dprk.capital - 50) / 10]);
      break;
  }
  return terms.map(([term, value]) => ({ term, value }));
}

export function publicScore(G: GameState, seat: Seat): number {
  const terms = scoreBreakdown(G, seat);
  // economy + energy first, then each further term, exactly as the score has always been summed.
  let score = terms[0].value + terms[1].value;
  for (const t of terms.slice(2)) score += t.value;
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

/**
 * What the seat's agenda is worth if the match ended now: its bonus when met, minus its miss cost when not (a cost
 * from an older state without one is the lever's share of the bonus); 0 without an agenda.
 */
export function agendaScore(G: GameState, seat: Seat): number {
  const held = G.agendas[seat];
  if (!held) return 0;
  return agendaMet(G, seat) ? held.bonus : -(held.cost ?? agendaMissCost(held.bonus));
}

export function finishMatch(G: GameState, reason: Outcome['reason']): void {
  updateScores(G);
  const agendaMetBySeat = perSeat((s) => agendaMet(G, s));
  const agendaPoints = perSeat((s) => agendaScore(G, s));
  const finalScores: PerSeat<number> = perSeat((s) => round1(G.scores[s] + agendaPoints[s]));
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
    agendaPoints,
    ranking,
  };
}
