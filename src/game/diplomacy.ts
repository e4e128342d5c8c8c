/**
 * Step 2 of a round, Diplomacy: proposals between seats, seen only by the two until accepted; accepting one moves
 * the levers at once. A signed peace treaty still has to survive ratification at Resolution.
 */
import type { ProposeArgs } from './args';
import { PROPOSAL_EFFECTS, applyTableEffects } from './action-effects';
import { LEVERS } from './levers';
import { FORMULA_RUNG, LADDER, type Seat, type TreatyFormula } from './vocabulary';
import { type GameState, type Proposal, nextId, pushLog } from './state';

const RUSSIA_JAPAN_ONLY = new Set(['joint-activities', 'visa-free', 'fishing-agreement', 'peace-treaty']);

function isPair(p: { from: Seat; to: Seat }, a: Seat, b: Seat): boolean {
  return (p.from === a && p.to === b) || (p.from === b && p.to === a);
}

/** Why `from` may not make this proposal now, or null when it may. */
export function proposalProblem(G: GameState, from: Seat, args: ProposeArgs): string | null {
  const { to, kind, terms } = args;
  if (to === from) return 'a seat cannot propose to itself';
  if (RUSSIA_JAPAN_ONLY.has(kind) && !isPair({ from, to }, 'russia', 'japan'))
    return `${kind} is between Russia and Japan`;
  const mine = G.proposals.filter((p) => p.from === from && p.round === G.round);
  if (mine.length >= LEVERS.proposals.maxPerSeatPerRound) return 'too many proposals this round';
  if (mine.filter((p) => p.status === 'open').length >= LEVERS.proposals.maxOpenPerSeat)
    return 'too many open proposals';
  if (
    G.proposals.some(
      (p) => p.round === G.round && p.status === 'open' && p.kind === kind && isPair(p, from, to),
    )
  ) {
    return `a ${kind} proposal between these seats is already open`;
  }
  switch (kind) {
    case 'summit':
      if (
        G.proposals.some(
          (p) => p.round === G.round && p.kind === 'summit' && p.status === 'accepted' && isPair(p, from, to),
        )
      ) {
        return 'these leaders already met this year';
      }
      return null;
    case 'aid':
      return terms.amount === undefined ? 'aid needs an amount (1-3)' : null;
    case 'energy-stake': {
      if (from !== 'russia' && to !== 'russia')
        return 'energy stakes are bought in Russian projects: one side must be Russia';
      if (!terms.project || !G.projects[terms.project]) return `unknown project "${terms.project ?? ''}"`;
      if (terms.share === undefined) return 'an energy stake needs a share (5-25)';
      return null;
    }
    case 'joint-activities':
      if (!terms.island) return 'joint activities need an island';
      if (G.islands[terms.island].administrator !== 'russia') return 'that island is no longer disputed';
      return G.islands[terms.island].jointActivities >= 3
        ? 'joint activities there are at their fullest'
        : null;
    case 'visa-free':
      return G.visaFree ? 'visa-free exchange is already in force' : null;
    case 'fishing-agreement':
      return null;
    case 'sanctions-coordination':
      if (from === 'russia' || to === 'russia')
        return 'sanctions are coordinated against Russia, not with it';
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

/**
 * Why the rules would refuse to accept a proposal now, as data the client renders in its own words. A treaty outside
 * the positions names both rungs and the rung its formula needs, so a player sees which side falls short.
 */
export type AcceptRefusal =
  | { readonly type: 'treaty-signed' }
  | {
      readonly type: 'treaty-outside';
      readonly formula: TreatyFormula | null;
      /** Russia's offer and Japan's demand now, as ladder rungs (indices into LADDER). */
      readonly russia: number;
      readonly japan: number;
      /** The rung the formula needs: Russia at or above it, Japan at or below it. */
      readonly needs: number;
    }
  | { readonly type: 'visa-free-in-force' }
  | { readonly type: 'joint-activities-full' };

/** Checked again when the proposal is accepted (the levers may have moved since it was made); null when it may be. */
export function acceptRefusal(G: GameState, p: Pick<Proposal, 'kind' | 'terms'>): AcceptRefusal | null {
  if (p.kind === 'peace-treaty') {
    if (G.treaty && G.treaty.status !== 'collapsed') return { type: 'treaty-signed' };
    if (!p.terms.formula || !treatyFits(G, p.terms.formula)) {
      const formula = p.terms.formula ?? null;
      const { russia, japan } = G.positions;
      return {
        type: 'treaty-outside',
        formula,
        russia,
        japan,
        needs: formula ? FORMULA_RUNG[formula] : LADDER.length,
      };
    }
  }
  if (p.kind === 'visa-free' && G.visaFree) return { type: 'visa-free-in-force' };
  if (p.kind === 'joint-activities' && p.terms.island && G.islands[p.terms.island].jointActivities >= 3) {
    return { type: 'joint-activities-full' };
  }
  return null;
}

const ACCEPT_PROBLEM: Record<AcceptRefusal['type'], string> = {
  'treaty-signed': 'a treaty is already signed',
  'treaty-outside': "the formula lies outside the two sides' positions",
  'visa-free-in-force': 'visa-free exchange is already in force',
  'joint-activities-full': 'joint activities there are at their fullest',
};

/** `acceptRefusal` as one English line, for move errors and logs; the browser renders the refusal itself. */
export function acceptProblem(G: GameState, p: Proposal): string | null {
  const refusal = acceptRefusal(G, p);
  return refusal ? ACCEPT_PROBLEM[refusal.type] : null;
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

/** Moves the levers for an accepted proposal: its row of `PROPOSAL_EFFECTS`. */
export function applyProposal(G: GameState, p: Proposal): void {
  const { from, to } = p;
  const roles = {
    '@from': from,
    '@to': to,
    '@investor': from === 'russia' ? to : from,
    '@partner': from === 'us' ? to : from,
    '@island': p.terms.island,
  };
  applyTableEffects(G, PROPOSAL_EFFECTS[p.kind], roles, p.terms);
  pushLog(G, { kind: 'agreement', proposalId: p.id, proposal: p.kind, from, to, terms: { ...p.terms } });
}

/** Open proposals lapse when Diplomacy ends. */
export function expireProposals(G: GameState): void {
  for (const p of G.proposals) if (p.status === 'open') p.status = 'expired';
}
