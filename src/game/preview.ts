/**
 * Previews: what an order or a proposal is expected to move before anyone commits to it. Nothing here restates a
 * rule: an order is applied with `applyOrder` (its row of ORDER_EFFECTS) and a proposal with `applyProposal` (its row
 * of PROPOSAL_EFFECTS) to a copy of the levers, and the copy is compared with the original. Applying orders and
 * proposals draws nothing from the PRNG, so a preview is exact for the seat's own effects; what other seats order,
 * ratification, backlash and drift come later, and the chance parts are reported as the rules' own odds
 * (`ratifyFailChance`, `backlashChance` of resolution.ts). Works on a seat's view (no secrets are needed).
 */
import { applyProposal } from './diplomacy';
import { applyOrder } from './policy';
import { backlashChance, ratifyFailChance } from './resolution';
import {
  ALIGNMENT_KEYS,
  ISLANDS,
  KOREAS,
  KOREA_PARTNERS,
  PROJECT_STAGES,
  SEATS,
  type AlignmentKey,
  type Island,
  type Korea,
  type KoreaPartner,
  type Seat,
} from './vocabulary';
import type { GameState, Order, Proposal, ProposalTerms } from './state';
import type { ProposalKind } from './catalog';

/** A lever a preview can name; the client renders each through its catalogue. */
export type Lever =
  /** How much `a` trusts `b`. */
  | { readonly type: 'trust'; readonly a: Seat; readonly b: Seat }
  | { readonly type: 'rapport'; readonly a: Seat; readonly b: Seat }
  /** A ladder rung (an index into LADDER): Russia's offer or Japan's demand. */
  | { readonly type: 'position'; readonly seat: 'russia' | 'japan' }
  | { readonly type: 'garrison'; readonly island: Island }
  | { readonly type: 'joint-activities'; readonly island: Island }
  /** 1 when visa-free exchange is in force, 0 when not. */
  | { readonly type: 'visa-free' }
  /** 1 while Japan links economics to the islands, 0 once it has abandoned the linkage. */
  | { readonly type: 'linkage' }
  | { readonly type: 'fishing-tension' }
  | { readonly type: 'pressure'; readonly seat: Seat }
  | { readonly type: 'capital'; readonly seat: Seat }
  /** Concessions this year, checked for backlash at Resolution. */
  | { readonly type: 'strain'; readonly seat: Seat }
  | { readonly type: 'alignment'; readonly key: AlignmentKey }
  | { readonly type: 'korea-ties'; readonly korea: Korea; readonly partner: KoreaPartner }
  | { readonly type: 'economy'; readonly seat: Seat }
  /** A project's way to production: its stage × 100 + its progress within the stage. */
  | { readonly type: 'project'; readonly project: string }
  | { readonly type: 'stake'; readonly project: string; readonly seat: Seat };

/** One lever that moves: its value before and after. */
export interface LeverChange {
  readonly lever: Lever;
  readonly from: number;
  readonly to: number;
}

/** The chance parts of a preview, as the rules compute them on the state the preview leaves. */
export interface PreviewOdds {
  /** A signed treaty: each side's chance to fail ratification at this year's Resolution, and both succeeding. */
  readonly ratification?: {
    readonly russiaFails: number;
    readonly japanFails: number;
    readonly ratifies: number;
  };
  /** Seats whose concessions risk a domestic backlash at Resolution, with its chance (strain as the preview leaves it). */
  readonly backlash: Partial<Record<Seat, number>>;
}

/** What an order or a proposal is expected to do. */
export interface Preview {
  readonly changes: readonly LeverChange[];
  readonly odds: PreviewOdds;
  /** A proposal only: whether accepting it signs a peace treaty. */
  readonly signsTreaty: boolean;
}

/** Every lever as a number, keyed in one fixed order so two readings compare entry by entry. */
function readLevers(G: GameState): { lever: Lever; value: number }[] {
  const out: { lever: Lever; value: number }[] = [];
  for (const a of SEATS)
    for (const b of SEATS) if (a !== b) out.push({ lever: { type: 'trust', a, b }, value: G.trust[a][b] });
  for (const key of Object.keys(G.rapport)) {
    const [a, b] = key.split('|') as [Seat, Seat];
    out.push({ lever: { type: 'rapport', a, b }, value: G.rapport[key] });
  }
  out.push({ lever: { type: 'position', seat: 'russia' }, value: G.positions.russia });
  out.push({ lever: { type: 'position', seat: 'japan' }, value: G.positions.japan });
  for (const island of ISLANDS) {
    out.push({ lever: { type: 'garrison', island }, value: G.islands[island].garrison });
    out.push({ lever: { type: 'joint-activities', island }, value: G.islands[island].jointActivities });
  }
  out.push({ lever: { type: 'visa-free' }, value: G.visaFree ? 1 : 0 });
  out.push({ lever: { type: 'linkage' }, value: G.linkage ? 1 : 0 });
  out.push({ lever: { type: 'fishing-tension' }, value: G.fishingTension });
  for (const seat of SEATS) {
    out.push({ lever: { type: 'pressure', seat }, value: G.domestic[seat].pressure });
    out.push({ lever: { type: 'capital', seat }, value: G.domestic[seat].capital });
    out.push({ lever: { type: 'strain', seat }, value: G.domestic[seat].strain });
    out.push({ lever: { type: 'economy', seat }, value: G.economy[seat] });
  }
  for (const key of ALIGNMENT_KEYS) out.push({ lever: { type: 'alignment', key }, value: G.alignment[key] });
  for (const korea of KOREAS) {
    for (const partner of KOREA_PARTNERS) {
      out.push({ lever: { type: 'korea-ties', korea, partner }, value: G.koreaTies[korea][partner] });
    }
  }
  for (const [project, p] of Object.entries(G.projects)) {
    out.push({
      lever: { type: 'project', project },
      value: PROJECT_STAGES.indexOf(p.stage) * 100 + p.progress,
    });
    for (const seat of SEATS)
      out.push({ lever: { type: 'stake', project, seat }, value: p.stakes[seat] ?? 0 });
  }
  return out;
}

/** The levers that differ between two readings of the same state. */
function diff(before: ReturnType<typeof readLevers>, after: ReturnType<typeof readLevers>): LeverChange[] {
  const out: LeverChange[] = [];
  for (const [i, entry] of before.entries()) {
    const to = after[i].value;
    // Values are kept to one decimal by the rules; compare at that precision so float noise is not a change.
    if (Math.round(entry.value * 10) !== Math.round(to * 10))
      out.push({ lever: entry.lever, from: entry.value, to });
  }
  return out;
}

function json<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A copy of the levers that applying effects may change; the record (log, proposals) starts empty. */
function scratch(G: GameState): GameState {
  return {
    ...G,
    trust: json(G.trust),
    trustGain: { ...G.trustGain },
    rapport: { ...G.rapport },
    projects: json(G.projects),
    islands: json(G.islands),
    positions: { ...G.positions },
    domestic: json(G.domestic),
    alignment: { ...G.alignment },
    koreaTies: json(G.koreaTies),
    economy: { ...G.economy },
    flags: { ...G.flags },
    treaty: G.treaty ? { ...G.treaty } : null,
    log: [],
    proposals: [],
  };
}

function backlashOdds(G: GameState): Partial<Record<Seat, number>> {
  const out: Partial<Record<Seat, number>> = {};
  for (const seat of SEATS) {
    if (G.domestic[seat].strain <= 0) continue;
    out[seat] = backlashChance(G, seat);
  }
  return out;
}

/**
 * What `order` is expected to move for `seat`, applied after the orders already in `draft` (the rise cap on trust
 * and conditions such as the linkage make an order's effect depend on what came before it in the same year).
 */
export function previewOrder(G: GameState, seat: Seat, order: Order, draft: readonly Order[] = []): Preview {
  const copy = scratch(G);
  for (const o of draft) applyOrder(copy, seat, o);
  const before = readLevers(copy);
  applyOrder(copy, seat, order);
  return {
    changes: diff(before, readLevers(copy)),
    odds: { backlash: backlashOdds(copy) },
    signsTreaty: false,
  };
}

/** A proposal as previewed: who makes it, to whom, its kind and terms. */
export interface ProposalShape {
  readonly from: Seat;
  readonly to: Seat;
  readonly kind: ProposalKind;
  readonly terms: ProposalTerms;
}

/**
 * What accepting the proposal is expected to move at once, and for a peace treaty the odds that it is ratified at
 * this year's Resolution (each side's failure chance as the rules compute it from pressure and capital).
 */
export function previewProposal(G: GameState, shape: ProposalShape): Preview {
  const copy = scratch(G);
  const before = readLevers(copy);
  const proposal: Proposal = {
    id: 'preview',
    round: G.round,
    status: 'accepted',
    ...shape,
    terms: { ...shape.terms },
  };
  applyProposal(copy, proposal);
  const signsTreaty =
    copy.treaty?.status === 'signed' && copy.treaty.year === G.year && G.treaty?.status !== 'signed';
  const odds: PreviewOdds = { backlash: backlashOdds(copy) };
  if (signsTreaty) {
    const russiaFails = ratifyFailChance(copy, 'russia');
    const japanFails = ratifyFailChance(copy, 'japan');
    return {
      changes: diff(before, readLevers(copy)),
      odds: {
        ...odds,
        ratification: { russiaFails, japanFails, ratifies: (1 - russiaFails) * (1 - japanFails) },
      },
      signsTreaty,
    };
  }
  return { changes: diff(before, readLevers(copy)), odds, signsTreaty };
}
