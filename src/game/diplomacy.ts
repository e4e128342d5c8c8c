/**
 * Step 2 of a round, Diplomacy: proposals between seats, seen only by the two until accepted; accepting one moves
 * the levers at once. A signed peace treaty still has to survive ratification at Resolution.
 */
import type { ProposeArgs } from './args';
import {
  addEconomy,
  addPressure,
  addProjectProgress,
  addRapport,
  addStake,
  addStrain,
  addTrust,
  addCapital,
} from './effects';
import { LEVERS } from './levers';
import { FORMULA_RUNG, SEAT_NAMES, type Seat } from './vocabulary';
import { clamp, type GameState, type Proposal, nextId, round1 } from './state';

const RUSSIA_JAPAN_ONLY = new Set(['joint-activities', 'visa-free', 'fishing-agreement', 'peace-treaty']);

function isPair(p: { from: Seat; to: Seat }, a: Seat, b: Seat): boolean {
  return (p.from === a && p.to === b) || (p.from === b && p.to === a);
}

/** Japanese money toward Russia is held back while the linkage holds and Russia offers less than two islands. */
export function linkageBinds(G: GameState): boolean {
  return G.linkage && G.positions.russia < FORMULA_RUNG['two-islands'];
}

/** Why `from` may not make this proposal now, or null when it may. */
export function proposalProblem(G: GameState, from: Seat, args: ProposeArgs): string | null {
  const { to, kind, terms } = args;
  if (to === from) return 'a seat cannot propose to itself';
  if (RUSSIA_JAPAN_ONLY.has(kind) && !isPair({ from, to }, 'russia', 'japan')) return `${kind} is between Russia and Japan`;
  const mine = G.proposals.filter((p) => p.from === from && p.round === G.round);
  if (mine.length >= LEVERS.proposals.maxPerSeatPerRound) return 'too many proposals this round';
  if (mine.filter((p) => p.status === 'open').length >= LEVERS.proposals.maxOpenPerSeat) return 'too many open proposals';
  if (G.proposals.some((p) => p.round === G.round && p.status === 'open' && p.kind === kind && isPair(p, from, to))) {
    return `a ${kind} proposal between these seats is already open`;
  }
  switch (kind) {
    case 'summit':
      if (G.proposals.some((p) => p.round === G.round && p.kind === 'summit' && p.status === 'accepted' && isPair(p, from, to))) {
        return 'these leaders already met this year';
      }
      return null;
    case 'aid':
      return terms.amount === undefined ? 'aid needs an amount (1-3)' : null;
    case 'energy-stake': {
      if (from !== 'russia' && to !== 'russia') return 'energy stakes are bought in Russian projects: one side must be Russia';
      if (!terms.project || !G.projects[terms.project]) return `unknown project "${terms.project ?? ''}"`;
      if (terms.share === undefined) return 'an energy stake needs a share (5-25)';
      return null;
    }
    case 'joint-activities':
      if (!terms.island) return 'joint activities need an island';
      if (G.islands[terms.island].administrator !== 'russia') return 'that island is no longer disputed';
      return G.islands[terms.island].jointActivities >= 3 ? 'joint activities there are at their fullest' : null;
    case 'visa-free':
      return G.visaFree ? 'visa-free exchange is already in force' : null;
    case 'fishing-agreement':
      return null;
    case 'sanctions-coordination':
      if (from === 'russia' || to === 'russia') return 'sanctions are coordinated against Russia, not with it';
      return from === 'us' || to === 'us' ? null : 'sanctions coordination goes through the United States';
    case 'alliance-reassurance':
      if (!isPair({ from, to }, 'us', 'japan') && !isPair({ from, to }, 'us', 'rok')) {
        return 'alliance reassurance is between the US and Japan or South Korea';
      }
      return null;
    case 'peace-treaty':
      if (!terms.formula) return 'a peace treaty needs a territorial formula';
      if (G.treaty && G.treaty.status !== 'collapsed') return 'a treaty is already signed';
      return null;
  }
}

/** Whether an accepted treaty with this formula fits both sides' current positions. */
export function treatyFits(G: GameState, formula: keyof typeof FORMULA_RUNG): boolean {
  const rung = FORMULA_RUNG[formula];
  return G.positions.russia >= rung && G.positions.japan <= rung;
}

/** Checked again when the proposal is accepted: the levers may have moved since it was made. */
export function acceptProblem(G: GameState, p: Proposal): string | null {
  if (p.kind === 'peace-treaty') {
    if (G.treaty && G.treaty.status !== 'collapsed') return 'a treaty is already signed';
    if (!p.terms.formula || !treatyFits(G, p.terms.formula)) return "the formula lies outside the two sides' positions";
  }
  if (p.kind === 'visa-free' && G.visaFree) return 'visa-free exchange is already in force';
  if (p.kind === 'joint-activities' && p.terms.island && G.islands[p.terms.island].jointActivities >= 3) {
    return 'joint activities there are at their fullest';
  }
  return null;
}

export function makeProposal(G: GameState, from: Seat, args: ProposeArgs): Proposal {
  const proposal: Proposal = {
    id: nextId(G, 'p'),
    round: G.round,
    from,
    to: args.to,
    kind: args.kind,
    terms: { ...args.terms },
    status: 'open',
  };
  if (args.reason) proposal.reason = args.reason;
  G.proposals.push(proposal);
  return proposal;
}

export function describeProposal(p: Proposal): string {
  const a = SEAT_NAMES[p.from];
  const b = SEAT_NAMES[p.to];
  switch (p.kind) {
    case 'summit':
      return `${a} and ${b} hold a summit`;
    case 'aid':
      return `${a} gives ${b} aid (${p.terms.amount})`;
    case 'energy-stake':
      return `${a} and ${b} agree a ${p.terms.share}% stake in ${p.terms.project}`;
    case 'joint-activities':
      return `${a} and ${b} agree joint economic activities on ${p.terms.island}`;
    case 'visa-free':
      return `${a} and ${b} open visa-free exchange with the islands`;
    case 'fishing-agreement':
      return `${a} and ${b} sign a fishing agreement`;
    case 'sanctions-coordination':
      return `${a} and ${b} coordinate sanctions on Russia`;
    case 'alliance-reassurance':
      return `${a} and ${b} reaffirm their alliance`;
    case 'peace-treaty':
      return `${a} and ${b} sign a peace treaty (${p.terms.formula} formula)`;
  }
}

/** Moves the levers for an accepted proposal. */
export function applyProposal(G: GameState, p: Proposal): void {
  const { from, to } = p;
  switch (p.kind) {
    case 'summit':
      addRapport(G, from, to, LEVERS.rapport.summit);
      addTrust(G, from, to, 3);
      addTrust(G, to, from, 3);
      addCapital(G, from, 2);
      addCapital(G, to, 2);
      break;
    case 'aid': {
      const amount = (p.terms.amount ?? 1) * LEVERS.proposals.aidUnit;
      const linked = from === 'japan' && to === 'russia' && linkageBinds(G);
      addEconomy(G, from, -amount);
      addEconomy(G, to, amount);
      addTrust(G, to, from, LEVERS.proposals.aidTrust * (p.terms.amount ?? 1) * (linked ? 0.5 : 1));
      if (linked) addPressure(G, 'japan', -2);
      break;
    }
    case 'energy-stake': {
      const investor = from === 'russia' ? to : from;
      const project = p.terms.project ?? '';
      const share = p.terms.share ?? 0;
      const bought = addStake(G, project, investor, share);
      const factor = investor === 'japan' && linkageBinds(G) ? LEVERS.projects.linkageFactor : 1;
      addProjectProgress(G, project, bought * factor);
      addEconomy(G, investor, -round1(bought / 5));
      addEconomy(G, 'russia', round1(bought / 10));
      addTrust(G, investor, 'russia', 2);
      addTrust(G, 'russia', investor, 2);
      break;
    }
    case 'joint-activities': {
      const island = p.terms.island;
      if (island) G.islands[island].jointActivities = clamp(G.islands[island].jointActivities + 1, 0, 3);
      addStrain(G, 'russia', LEVERS.concession.jointActivities);
      addStrain(G, 'japan', LEVERS.concession.jointActivities);
      addTrust(G, 'japan', 'russia', 3);
      addTrust(G, 'russia', 'japan', 3);
      break;
    }
    case 'visa-free':
      G.visaFree = true;
      addStrain(G, 'russia', LEVERS.concession.visaFree);
      addTrust(G, 'japan', 'russia', 3);
      addTrust(G, 'russia', 'japan', 3);
      break;
    case 'fishing-agreement':
      G.fishingTension = round1(clamp(G.fishingTension + LEVERS.fishing.agreement));
      addTrust(G, 'japan', 'russia', 2);
      addTrust(G, 'russia', 'japan', 2);
      addEconomy(G, 'japan', 1);
      break;
    case 'sanctions-coordination': {
      const partner = from === 'us' ? to : from;
      G.alignment.sanctions = round1(clamp(G.alignment.sanctions + 10));
      if (partner === 'japan') G.alignment.usJapanAlliance = round1(clamp(G.alignment.usJapanAlliance + 3));
      addTrust(G, 'russia', partner, -5);
      addTrust(G, 'russia', 'us', -3);
      break;
    }
    case 'alliance-reassurance': {
      const ally = from === 'us' ? to : from;
      if (ally === 'japan') G.alignment.usJapanAlliance = round1(clamp(G.alignment.usJapanAlliance + 8));
      else G.koreaTies.rok.us = round1(clamp(G.koreaTies.rok.us + 8));
      addTrust(G, ally, 'us', 3);
      break;
    }
    case 'peace-treaty': {
      const formula = p.terms.formula ?? 'none';
      G.treaty = { formula, year: G.year, status: 'signed' };
      const strain = FORMULA_RUNG[formula] * LEVERS.concession.treatyPerRung;
      addStrain(G, 'russia', strain);
      addStrain(G, 'japan', strain);
      addRapport(G, 'russia', 'japan', 10);
      break;
    }
  }
  G.log.push({ round: G.round, year: G.year, text: describeProposal(p) });
}

/** Open proposals lapse when Diplomacy ends. */
export function expireProposals(G: GameState): void {
  for (const p of G.proposals) if (p.status === 'open') p.status = 'expired';
}
