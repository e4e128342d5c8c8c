/**
 * Step 4 of a round, Resolution, in one documented order:
 *  1. reveal every seat's orders;            2. apply them, seat by seat in table order;
 *  3. treaty ratification;                   4. domestic backlash checks;
 *  5. fishing incidents;                     6. trust drift and rapport decay;
 *  7. energy projects and output;            8. the oil price;
 *  9. alignment drift and China's Kuril stance; 10. economies;
 * 11. domestic recovery;                     12. scores;
 * 13. the year's snapshot;                   14. the next year, or the end of the match.
 */
import {
  addCapital,
  addPressure,
  addRapport,
  addTrust,
  addEconomy,
  changeLeader,
  incident,
  islandsHeld,
  movePosition,
  rapport,
} from './effects';
import { LEVERS } from './levers';
import { applyOrder } from './policy';
import { chance } from './rng';
import { energyBought, energyIndex, energyShare, finishMatch, scoreBreakdown, updateScores } from './scoring';
import {
  FORMULA_TRANSFERS,
  ISLANDS,
  KOREAS,
  KOREA_PARTNERS,
  PROJECT_STAGES,
  SEATS,
  type Seat,
} from './vocabulary';
import {
  clamp,
  type GameState,
  type PerSeat,
  perSeat,
  pushLog,
  round1,
  type Order,
  scenarioOf,
} from './state';

export function resolveRound(G: GameState): void {
  const orders: PerSeat<Order[]> = perSeat((s) => G.orders[s] ?? []);
  G.revealed.push({ round: G.round, year: G.year, orders });
  for (const seat of SEATS) for (const order of orders[seat]) applyOrder(G, seat, order);
  G.orders = perSeat(() => null);

  ratifyTreaty(G);
  backlashChecks(G);
  fishingIncidents(G);
  driftTrustAndRapport(G);
  advanceProjects(G);
  moveOilPrice(G);
  driftAlignment(G);
  updateEconomies(G);
  recoverDomestic(G);
  updateScores(G);
  G.history.push(snapshot(G));

  if (G.treaty?.status === 'ratified' && islandsHeld(G, 'japan') > 0) {
    finishMatch(G, 'treaty');
  } else if (G.year >= scenarioOf(G).endYear) {
    finishMatch(G, 'era-end');
  } else {
    G.year += 1;
    G.trustGain = {};
  }
}

/**
 * Russia's outside options, 0-1: the Sino-Russian alignment, its ties with Seoul and the oil price, averaged. With
 * China and the ROK as partners and oil dear, Moscow needs Japanese money less (paper-facts §2.5, CONCLUSION
 * ll. 1022–1024; §2.2, GORBACHEV ll. 313–315). Pyongyang is no economic partner, so its tie does not count.
 */
export function russiaOutsideOptions(G: GameState): number {
  return clamp((G.alignment.sinoRussian + G.koreaTies.rok.russia + G.oilPrice) / 300, 0, 1);
}

/**
 * Moscow's fear of the US–Japan alliance, 0-1: the alliance above 50, discounted by Russia's trust in Washington.
 * Islands returned to Japan could host US forces, so a strong alliance and a distrusted US raise Russia's price; a
 * US that engages Moscow or lets the alliance slacken lowers it (INTRODUCTION ll. 42–44; PROSPECTS ll. 968–970).
 */
export function allianceFear(G: GameState): number {
  return clamp(((G.alignment.usJapanAlliance - 50) / 50) * (1 - G.trust.russia.us / 100), 0, 1);
}

/**
 * Pressure against compromise as it bears on a concession (backlash, ratification). For Russia it rises with its
 * outside options above `LEVERS.outsideOptions.neutral` and falls below it: the price of a deal is set by what
 * Moscow gives up elsewhere, so a rift with Beijing, cold ties with Seoul and cheap oil make yielding cheaper; and
 * it rises with its fear of the US–Japan alliance.
 */
export function concessionPressure(G: GameState, seat: Seat): number {
  const pressure = G.domestic[seat].pressure;
  if (seat !== 'russia') return pressure;
  const O = LEVERS.outsideOptions;
  return clamp(
    pressure +
      O.pressure * 100 * (russiaOutsideOptions(G) - O.neutral) +
      LEVERS.alignment.allianceFear * allianceFear(G),
  );
}

/** The last revealed year's orders when that year is `round` or later, else undefined. */
export function ordersRevealedSince(G: GameState, round: number): PerSeat<Order[]> | undefined {
  const last = G.revealed[G.revealed.length - 1];
  return last && last.round >= round ? last.orders : undefined;
}

/** Whether China ordered `encourage-hard-line` in this round's revealed orders. */
export function chinaEncouragesHardLine(G: GameState): boolean {
  return ordersRevealedSince(G, G.round)?.china.some((o) => o.action === 'encourage-hard-line') ?? false;
}

/**
 * A side fails to ratify with chance base + (pressure − capital) / 100, clamped; Russia's pressure as above. In a
 * year China encourages Japan's hard line, Japan's chance rises by `LEVERS.treaty.chinaSway` × Japan–China ties / 100
 * (up to the maximum): Beijing wanted no Japanese compromise over the Kurils (CHINA FACTOR ll. 710–713, 763–765) and
 * is heard in Tokyo as far as Tokyo is close to it. Far apart, as in every post-Soviet era, it cannot block a deal.
 */
export function ratifyFailChance(G: GameState, seat: 'russia' | 'japan'): number {
  const T = LEVERS.treaty;
  const d = G.domestic[seat];
  const own = clamp(
    T.ratifyFailBase + (concessionPressure(G, seat) - d.capital) / 100,
    T.ratifyFailMin,
    T.ratifyFailMax,
  );
  if (seat !== 'japan' || !chinaEncouragesHardLine(G)) return own;
  return Math.min(T.ratifyFailMax, own + (T.chinaSway * G.alignment.japanChina) / 100);
}

function ratifyTreaty(G: GameState): void {
  if (G.treaty?.status !== 'signed' || G.treaty.year !== G.year) return;
  const failed = (['russia', 'japan'] as const).filter((s) => chance(G) < ratifyFailChance(G, s));
  if (failed.length === 0) {
    G.treaty.status = 'ratified';
    for (const island of FORMULA_TRANSFERS[G.treaty.formula]) {
      G.islands[island].administrator = 'japan';
      G.islands[island].garrison = 0;
    }
    if (G.treaty.formula === 'joint-development') {
      for (const island of ISLANDS) G.islands[island].jointActivities = 3;
    }
    addTrust(G, 'japan', 'russia', 6);
    addTrust(G, 'russia', 'japan', 6);
    pushLog(G, { kind: 'treaty-ratified', formula: G.treaty.formula });
    return;
  }
  G.treaty.status = 'collapsed';
  for (const seat of failed) {
    // The walk-back stops at the declarations' floors: a failed ratification does not unsign them.
    movePosition(G, seat, G.positions[seat] + (seat === 'russia' ? -1 : 1));
    addCapital(G, seat, -LEVERS.domestic.backlashCapitalLoss);
    pushLog(G, { kind: 'treaty-not-ratified', seat, formula: G.treaty.formula });
  }
  incident(G, 'japan', 'russia', LEVERS.treaty.collapseSeverity);
}

/** Backlash chance = (strain × pressure / 50 − capital × share) / scale, clamped. */
export function backlashChance(G: GameState, seat: Seat): number {
  const D = LEVERS.domestic;
  const d = G.domestic[seat];
  if (d.strain <= 0) return 0;
  const load = (d.strain * concessionPressure(G, seat)) / 50;
  return clamp((load - d.capital * D.backlashCapitalShare) / D.backlashScale, 0, D.backlashMax);
}

function backlashChecks(G: GameState): void {
  const D = LEVERS.domestic;
  for (const seat of SEATS) {
    const d = G.domestic[seat];
    if (d.strain <= 0) continue;
    const p = backlashChance(G, seat);
    if (p > 0 && chance(G) < p) {
      // A reversal: the concession is walked back, the leader pays, hardliners gain.
      // Backlash reverses this year's concession, never below a declaration's floor (GameState.floors).
      if (seat === 'russia') movePosition(G, 'russia', G.positions.russia - 1);
      if (seat === 'japan') {
        movePosition(G, 'japan', G.positions.japan + 1);
        if (!G.linkage) G.linkage = true;
      }
      addCapital(G, seat, -D.backlashCapitalLoss);
      addPressure(G, seat, D.backlashPressureGain);
      addRapport(G, 'russia', 'japan', -5);
      pushLog(G, { kind: 'backlash', seat });
      if (G.domestic[seat].capital < D.leaderFallsBelow) {
        const fallen = G.leaders[seat];
        changeLeader(G, seat, `Successor to ${fallen}`, LEVERS.rapport.leaderChangeKept);
        pushLog(G, { kind: 'leader-fell', seat, leader: fallen });
      }
    } else {
      // The concession holds, paid for in political capital.
      addCapital(G, seat, -d.strain * 0.3);
    }
    G.domestic[seat].strain = 0;
  }
}

function fishingIncidents(G: GameState): void {
  const F = LEVERS.fishing;
  if (G.fishingTension > F.incidentAbove && chance(G) < (G.fishingTension - F.incidentAbove) / 100) {
    incident(G, 'japan', 'russia', F.incidentSeverity);
    pushLog(G, { kind: 'fishing-incident' });
  }
  G.fishingTension = round1(G.fishingTension + (F.baseline - G.fishingTension) * F.drift);
}

/**
 * Energy interdependence, 0-1: the share of the era's capacity that flows to Japan as a buyer. It lifts the level
 * Russo-Japanese trust drifts back to, both ways (`LEVERS.trust.interdependence`).
 */
export function energyInterdependence(G: GameState): number {
  const capacity = Object.values(G.projects).reduce((sum, p) => sum + p.capacity, 0);
  return capacity > 0 ? clamp(energyBought(G, 'japan') / capacity, 0, 1) : 0;
}

/** The level trust of `a` in `b` drifts back to: the era's baseline, plus energy interdependence for the pair. */
export function trustTarget(G: GameState, a: Seat, b: Seat): number {
  const pair = (a === 'japan' && b === 'russia') || (a === 'russia' && b === 'japan');
  return clamp(G.trustBaseline[a][b] + (pair ? LEVERS.trust.interdependence * energyInterdependence(G) : 0));
}

function driftTrustAndRapport(G: GameState): void {
  for (const a of SEATS) {
    for (const b of SEATS) {
      if (a === b) continue;
      const t = G.trust[a][b];
      G.trust[a][b] = round1(t + (trustTarget(G, a, b) - t) * LEVERS.trust.drift);
    }
  }
  for (const key of Object.keys(G.rapport))
    G.rapport[key] = round1(G.rapport[key] * (1 - LEVERS.rapport.decay));
}

/** Output target: capacity × (floor + buyers' mean trust in Russia / 100), at most the capacity. */
export function outputTarget(G: GameState, projectId: string): number {
  const spec = scenarioOf(G).projects.find((p) => p.id === projectId);
  const p = G.projects[projectId];
  if (!spec || !p) return 0;
  const buyers = spec.buyers.filter((s) => s !== 'russia');
  const trust = buyers.length ? buyers.reduce((sum, s) => sum + G.trust[s].russia, 0) / buyers.length : 100;
  return Math.min(p.capacity, p.capacity * (LEVERS.projects.outputFloor + trust / 100));
}

/**
 * Progress Japanese business adds each year to a project Japan buys once Tokyo has dropped the linkage: firms follow
 * the government's line, so while it links economics to the islands they hold back ("As long as Japan is preoccupied
 * with its territorial claim, it is highly unlikely that the further development of economic cooperation will
 * happen", IMPLICATIONS ll. 867–869; the dispute has "prevented an active economic relationship", ll. 844–846). It
 * grows with Japan's trust in Russia (1 at 50) and is slowed by sanctions like any Western investment. Design.
 */
export function japaneseBusinessFlow(G: GameState, projectId: string): number {
  if (G.linkage) return 0;
  const spec = scenarioOf(G).projects.find((p) => p.id === projectId);
  if (!spec?.buyers.includes('japan')) return 0;
  const P = LEVERS.projects;
  const sanctionsDrag = Math.max(0, 1 - G.alignment.sanctions / P.sanctionsDragScale);
  return P.japaneseBusiness * clamp(G.trust.japan.russia / 50, 0, 2) * sanctionsDrag;
}

function advanceProjects(G: GameState): void {
  const P = LEVERS.projects;
  const oilFactor = 0.5 + G.oilPrice / 100;
  const sanctionsDrag = 1 - G.alignment.sanctions / 200;
  for (const p of Object.values(G.projects)) {
    if (p.stage === 'producing') {
      p.output = round1(p.output + (outputTarget(G, p.id) - p.output) * P.rampUp);
      continue;
    }
    const before = p.stage;
    p.progress = round1(
      p.progress + P.baseProgress * oilFactor * sanctionsDrag + japaneseBusinessFlow(G, p.id),
    );
    if (p.progress >= 100) {
      const stages = ['proposed', 'negotiating', 'financed', 'producing'] as const;
      p.stage = stages[stages.indexOf(p.stage) + 1];
      p.progress = 0;
    }
    if (before !== p.stage) pushLog(G, { kind: 'project-stage', project: p.id, stage: p.stage });
  }
}

function moveOilPrice(G: GameState): void {
  const baseline = scenarioOf(G).oilPrice.baseline.value;
  const noise = (chance(G) * 2 - 1) * LEVERS.oil.noise;
  G.oilPrice = round1(clamp(G.oilPrice + (baseline - G.oilPrice) * LEVERS.oil.drift + noise));
}

function driftAlignment(G: GameState): void {
  const A = LEVERS.alignment;
  const s = scenarioOf(G);
  for (const key of Object.keys(G.alignment) as (keyof GameState['alignment'])[]) {
    G.alignment[key] = round1(G.alignment[key] + (s.alignment[key].value - G.alignment[key]) * A.drift);
  }
  for (const k of KOREAS) {
    for (const p of KOREA_PARTNERS) {
      const v = G.koreaTies[k][p];
      G.koreaTies[k][p] = round1(v + (s.koreaTies[k][p].value - v) * LEVERS.koreaTies.drift);
    }
  }
  // China backs Japan's claim by its own order (back-japan-claim, legal only near a rift, as in 1964: paper-facts
  // §4 claim 12), never by rule; the backing lasts until Sino-Russian relations leave the rift's margin.
  if (G.flags['china-backs-japan'] && G.alignment.sinoRussian >= A.riftBelow + A.backClaimMargin)
    G.flags['china-backs-japan'] = false;
  if (G.flags['china-backs-japan']) {
    addPressure(G, 'japan', 2);
    addTrust(G, 'japan', 'china', 1);
  }
}

function updateEconomies(G: GameState): void {
  const E = LEVERS.economy;
  for (const seat of SEATS) {
    const others = SEATS.filter((s) => s !== seat);
    const trustIn = others.reduce((sum, s) => sum + G.trust[s][seat], 0) / others.length;
    const trustOut = others.reduce((sum, s) => sum + G.trust[seat][s], 0) / others.length;
    let delta = E.energyRevenue * energyShare(G, seat) + E.energyBuyer * energyBought(G, seat);
    delta += E.tradePerTrust * (trustIn + trustOut - 100);
    if (seat === 'russia')
      delta += E.oilExporter * (G.oilPrice - 50) - E.sanctionsOnRussia * G.alignment.sanctions;
    else delta -= E.oilImporter * (G.oilPrice - 50) * (seat === 'japan' || seat === 'rok' ? 1 : 0.5);
    delta += (100 - G.economy[seat]) * E.drift;
    addEconomy(G, seat, delta);
  }
}

/**
 * The level a seat's pressure against compromise drifts back to: the era's, less the goodwill between Russia and
 * Japan for those two (trust above the era's baseline, rapport above 50; never more pressure for ill will, which
 * incidents and campaigns already add). Goodwill is the channel by which aid, energy and summits buy domestic room.
 */
export function pressureTarget(G: GameState, seat: Seat): number {
  const era = scenarioOf(G).domestic[seat].pressure.value;
  if (seat !== 'russia' && seat !== 'japan') return era;
  const other = seat === 'russia' ? 'japan' : 'russia';
  const goodwill = G.trust[seat][other] - G.trustBaseline[seat][other] + (rapport(G, 'russia', 'japan') - 50);
  return clamp(era - LEVERS.domestic.goodwillRoom * Math.max(0, goodwill));
}

function recoverDomestic(G: GameState): void {
  const D = LEVERS.domestic;
  for (const seat of SEATS) {
    const d = G.domestic[seat];
    const toward = D.capitalTarget - d.capital;
    addCapital(G, seat, clamp(toward, -D.capitalRecovery, D.capitalRecovery));
    addPressure(G, seat, (pressureTarget(G, seat) - d.pressure) * D.pressureDrift);
  }
}

export function snapshot(G: GameState) {
  return {
    round: G.round,
    year: G.year,
    trustJapanRussia: G.trust.japan.russia,
    trustRussiaJapan: G.trust.russia.japan,
    rapportRussiaJapan: rapport(G, 'russia', 'japan'),
    energy: energyIndex(G),
    oilPrice: G.oilPrice,
    russiaRung: G.positions.russia,
    japanRung: G.positions.japan,
    islandsJapan: islandsHeld(G, 'japan'),
    garrison: ISLANDS.reduce((sum, i) => sum + G.islands[i].garrison, 0),
    jointActivities: ISLANDS.reduce((sum, i) => sum + G.islands[i].jointActivities, 0),
    fishingTension: G.fishingTension,
    sinoRussian: G.alignment.sinoRussian,
    usJapanAlliance: G.alignment.usJapanAlliance,
    sanctions: G.alignment.sanctions,
    scores: { ...G.scores },
    economy: { ...G.economy },
    pressure: perSeat((s) => G.domestic[s].pressure),
    // Each project's stage as an index into PROJECT_STAGES: the distance from history (src/sim/history.ts) reads it.
    stages: Object.fromEntries(Object.values(G.projects).map((p) => [p.id, PROJECT_STAGES.indexOf(p.stage)])),
    scoreTerms: perSeat((s) =>
      Object.fromEntries(scoreBreakdown(G, s).map((t) => [t.term, round1(t.value)])),
    ),
  };
}
