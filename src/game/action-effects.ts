/**
 * The effect tables: what every policy action and every accepted proposal does to the levers, as data in the
 * scenario's own effect vocabulary (`Effect` of scenario-schema.ts, applied by `applyEffect`). Names such as
 * `'@actor'` stand for the seat, island or project of the order or proposal at hand. Code remains only where an
 * effect is genuinely conditional or computed: named tests of the state (`if`), and four formulas (progress on a
 * buyer's projects, an investment's progress, a stake purchase, a signed treaty).
 *
 * Every number here is either a `LEVERS` entry or written once in these tables, so tests/golden-table.test.ts shows
 * a balance change as a reviewable diff of numbers. Effects apply in table order; none draws from the PRNG.
 */
import type { ActionId, ProposalKind } from './catalog';
import {
  addEconomy,
  addProjectProgress,
  addStake,
  addStrain,
  applyEffect,
  conditionHolds,
  linkageBinds,
  movePosition,
} from './effects';
import { LEVERS } from './levers';
import type { Condition, Effect } from './scenario-schema';
import { FORMULA_RUNG, LADDER, type Rung, type Seat } from './vocabulary';
import { type GameState, type ProposalTerms, round1, scenarioOf } from './state';

/** What a name in an order's effects stands for: the seat giving the order, or the order's target. */
export type OrderRole = '@actor' | '@target';
/**
 * What a name in a proposal's effects stands for: either side, the side that is not Russia (who buys a stake), the
 * side that is not the United States (its partner in sanctions or an alliance), or the island of the terms.
 */
export type ProposalRole = '@from' | '@to' | '@investor' | '@partner' | '@island';

/** A scenario effect whose seat, island, project or Korea may be a role. */
type WithRoles<E, R extends string> = E extends unknown
  ? { readonly [K in keyof E]: K extends 'type' ? E[K] : E[K] extends string ? E[K] | R : E[K] }
  : never;

/** A check of the state that decides between effects. Never a `chance`: applying orders draws nothing. */
export type Test<R extends string> =
  | Exclude<Condition, { type: 'chance' }>
  /** Japan links economics to the islands (seikei fukabun), or has abandoned the linkage. */
  | 'linkage'
  | 'no-linkage'
  /** The linkage holds and Russia offers less than two islands: Japanese money is held back. */
  | 'linkage-binds'
  | { readonly role: R; readonly is: Seat }
  /** The project named by the role is one the seat buys from. */
  | { readonly project: R; readonly boughtBy: Seat }
  | { readonly any: readonly Test<R>[] }
  | { readonly all: readonly Test<R>[] };

/** One entry of an effect table. */
export type TableEffect<R extends string> =
  | WithRoles<Effect, R>
  | {
      readonly type: 'if';
      readonly test: Test<R>;
      readonly then: readonly TableEffect<R>[];
      readonly else?: readonly TableEffect<R>[];
    }
  /** Progress on every project the buyer buys from or holds a stake in. */
  | { readonly type: 'buyer-projects'; readonly buyer: Seat; readonly delta: number }
  /**
   * An investor's progress on a project: × the linkage factor for Japan while the linkage binds, × (1 − sanctions /
   * `sanctionsDragScale`) for every investor but China, which does not sanction Russia.
   */
  | { readonly type: 'investment'; readonly project: R; readonly seat: R; readonly delta: number }
  /** Each delta inside × the proposal's amount (aid units, default 1). */
  | { readonly type: 'per-amount'; readonly effects: readonly TableEffect<R>[] }
  /** The investor buys the share of the terms (as far as the project has room) and pays for it; Russia is paid. */
  | { readonly type: 'stake-purchase' }
  /** The treaty of the terms is signed; both sides bear strain by its formula's rung. */
  | { readonly type: 'treaty-signed' };

export type OrderEffect = TableEffect<OrderRole>;
export type ProposalEffect = TableEffect<ProposalRole>;

const P = LEVERS.projects;
const C = LEVERS.concession;
/** One step of an alignment lever, and of a Korea's ties. */
const A = LEVERS.alignment.step;
const T = LEVERS.koreaTies.step;

/** What each policy action does when revealed at Resolution (paper-facts §2 gives the directions). */
export const ORDER_EFFECTS: Readonly<Record<ActionId, readonly OrderEffect[]>> = {
  // --- Russia ---
  'reinforce-garrison': [
    { type: 'garrison', island: '@target', delta: 1 },
    { type: 'trust', from: 'japan', to: 'russia', delta: -3 },
    { type: 'pressure', seat: 'russia', delta: -2 },
    { type: 'fishing-tension', delta: 3 },
  ],
  'drawdown-garrison': [
    { type: 'garrison', island: '@target', delta: -1 },
    { type: 'trust', from: 'japan', to: 'russia', delta: 3 },
    { type: 'strain', seat: 'russia', delta: C.drawdown },
  ],
  'offer-joint-development': [
    // Joint activities take root only where Japan is willing to be seen cooperating.
    {
      type: 'if',
      test: { any: ['no-linkage', { type: 'trust', from: 'japan', to: 'russia', op: '>=', value: 40 }] },
      then: [{ type: 'joint-activities', island: '@target', delta: 1 }],
    },
    { type: 'trust', from: 'japan', to: 'russia', delta: 2 },
    { type: 'strain', seat: 'russia', delta: C.jointActivities / 2 },
  ],
  'energy-card-china': [
    { type: 'buyer-projects', buyer: 'china', delta: P.energyCardProgress },
    { type: 'alignment', key: 'sinoRussian', delta: A / 2 },
    { type: 'trust', from: 'china', to: 'russia', delta: 2 },
    { type: 'pressure', seat: 'japan', delta: 1 },
  ],
  'energy-card-japan': [
    {
      type: 'if',
      test: 'linkage-binds',
      then: [{ type: 'buyer-projects', buyer: 'japan', delta: P.energyCardProgress * P.linkageFactor }],
      else: [{ type: 'buyer-projects', buyer: 'japan', delta: P.energyCardProgress }],
    },
    { type: 'trust', from: 'japan', to: 'russia', delta: 1 },
    { type: 'trust', from: 'china', to: 'russia', delta: -2 },
  ],
  'border-crackdown': [
    { type: 'fishing-tension', delta: LEVERS.fishing.crackdown },
    { type: 'trust', from: 'japan', to: 'russia', delta: -4 },
    { type: 'pressure', seat: 'russia', delta: -3 },
    { type: 'capital', seat: 'russia', delta: 2 },
  ],
  // The Russian separation line pays only marginally while Japan links economics to the islands (§4 claim 5).
  'separate-economics': [
    {
      type: 'if',
      test: 'linkage',
      then: [
        { type: 'buyer-projects', buyer: 'japan', delta: P.separationProgress * (P.linkageFactor / 2) },
        { type: 'trust', from: 'russia', to: 'japan', delta: -1 },
      ],
      else: [
        { type: 'buyer-projects', buyer: 'japan', delta: P.separationProgress },
        { type: 'trust', from: 'russia', to: 'japan', delta: 1 },
      ],
    },
  ],
  'raise-offer': [
    { type: 'position', seat: 'russia', delta: 1 },
    { type: 'strain', seat: 'russia', delta: C.raiseOffer },
    { type: 'trust', from: 'japan', to: 'russia', delta: 2 },
    { type: 'pressure', seat: 'china', delta: 2 },
  ],
  'harden-stance': [
    { type: 'position', seat: 'russia', delta: -1 },
    { type: 'pressure', seat: 'russia', delta: -4 },
    { type: 'capital', seat: 'russia', delta: 3 },
    { type: 'trust', from: 'japan', to: 'russia', delta: -3 },
  ],
  // --- Japan (invest-project also for China and the ROK) ---
  'invest-project': [
    { type: 'project-stake', project: '@target', seat: '@actor', delta: P.investStake },
    { type: 'investment', project: '@target', seat: '@actor', delta: P.investProgress },
    { type: 'economy', seat: '@actor', delta: -1 },
    { type: 'trust', from: 'russia', to: '@actor', delta: 1 },
    // Japanese money in energy China buys too is a rival's supply.
    {
      type: 'if',
      test: {
        all: [
          { role: '@actor', is: 'japan' },
          { project: '@target', boughtBy: 'china' },
        ],
      },
      then: [{ type: 'pressure', seat: 'china', delta: 2 }],
    },
  ],
  'territories-campaign': [
    { type: 'position', seat: 'japan', rung: 'four-islands' },
    { type: 'pressure', seat: 'japan', delta: 3 },
    { type: 'capital', seat: 'japan', delta: 3 },
    { type: 'trust', from: 'russia', to: 'japan', delta: -3 },
  ],
  'follow-us-line': [
    { type: 'alignment', key: 'usJapanAlliance', delta: A / 2 },
    {
      type: 'if',
      test: { type: 'alignment', key: 'sanctions', op: '>', value: 0 },
      then: [{ type: 'alignment', key: 'sanctions', delta: 3 }],
    },
    { type: 'trust', from: 'russia', to: 'japan', delta: -2 },
    { type: 'trust', from: 'us', to: 'japan', delta: 2 },
  ],
  'abandon-linkage': [
    { type: 'linkage', value: false },
    { type: 'strain', seat: 'japan', delta: C.abandonLinkage },
    { type: 'pressure', seat: 'japan', delta: C.abandonLinkagePressure },
    { type: 'trust', from: 'russia', to: 'japan', delta: 4 },
  ],
  'restore-linkage': [
    { type: 'linkage', value: true },
    { type: 'pressure', seat: 'japan', delta: -5 },
    { type: 'capital', seat: 'japan', delta: 2 },
  ],
  'soften-demand': [
    { type: 'position', seat: 'japan', delta: -1 },
    { type: 'strain', seat: 'japan', delta: C.softenDemand },
    { type: 'trust', from: 'russia', to: 'japan', delta: 3 },
  ],
  'humanitarian-aid': [
    { type: 'economy', seat: 'japan', delta: -1 },
    { type: 'economy', seat: 'russia', delta: 1 },
    { type: 'trust', from: 'russia', to: 'japan', delta: 3 },
  ],
  'court-china': [
    {
      type: 'if',
      test: { role: '@actor', is: 'japan' },
      then: [{ type: 'alignment', key: 'japanChina', delta: A }],
      else: [{ type: 'korea-ties', korea: 'rok', partner: 'china', delta: T }],
    },
    { type: 'trust', from: 'china', to: '@actor', delta: 2 },
  ],
  'court-rok': [
    { type: 'alignment', key: 'japanRok', delta: A },
    { type: 'trust', from: 'rok', to: 'japan', delta: 2 },
  ],
  // --- China (court-koreas also for Russia) ---
  'encourage-hard-line': [
    { type: 'pressure', seat: 'japan', delta: 3 },
    { type: 'trust', from: 'japan', to: 'russia', delta: -1 },
  ],
  'deepen-russia-ties': [
    { type: 'alignment', key: 'sinoRussian', delta: A },
    { type: 'trust', from: 'china', to: 'russia', delta: 2 },
    { type: 'trust', from: 'russia', to: 'china', delta: 2 },
  ],
  'court-koreas': [
    { type: 'korea-ties', korea: '@target', partner: '@actor', delta: T },
    { type: 'trust', from: '@target', to: '@actor', delta: 2 },
  ],
  'back-japan-claim': [
    // The backing holds while the rift does: Japan's hardliners gain a little each year (resolution.ts).
    { type: 'flag', flag: 'china-backs-japan', value: true },
    { type: 'position', seat: 'japan', rung: 'four-islands' },
    { type: 'alignment', key: 'japanChina', delta: A },
    { type: 'alignment', key: 'sinoRussian', delta: -A / 2 },
    { type: 'trust', from: 'japan', to: 'china', delta: 3 },
    { type: 'trust', from: 'russia', to: 'china', delta: -3 },
  ],
  'court-japan': [
    { type: 'alignment', key: 'japanChina', delta: A },
    { type: 'trust', from: 'japan', to: 'china', delta: 2 },
  ],
  // --- United States ---
  'impose-sanctions': [
    { type: 'alignment', key: 'sanctions', delta: 10 },
    { type: 'trust', from: 'russia', to: 'us', delta: -4 },
  ],
  'ease-sanctions': [
    { type: 'alignment', key: 'sanctions', delta: -10 },
    { type: 'trust', from: 'russia', to: 'us', delta: 3 },
  ],
  'alliance-reassurance': [
    { type: 'alignment', key: 'usJapanAlliance', delta: A },
    { type: 'korea-ties', korea: 'rok', partner: 'us', delta: T / 2 },
    { type: 'trust', from: 'japan', to: 'us', delta: 2 },
  ],
  'press-japan': [
    { type: 'alignment', key: 'usJapanAlliance', delta: A / 2 },
    { type: 'buyer-projects', buyer: 'japan', delta: -4 },
    { type: 'pressure', seat: 'japan', delta: 2 },
    { type: 'trust', from: 'japan', to: 'us', delta: -1 },
  ],
  'engage-russia': [
    { type: 'trust', from: 'us', to: 'russia', delta: 3 },
    { type: 'trust', from: 'russia', to: 'us', delta: 3 },
    { type: 'trust', from: 'japan', to: 'us', delta: -2 },
  ],
  // Design (levers.ts `alignment.broker*`): the step toward a settlement the paper says the US will not take.
  'back-compromise': [
    { type: 'trust', from: 'russia', to: 'us', delta: LEVERS.alignment.brokerAssurance },
    { type: 'pressure', seat: 'japan', delta: -LEVERS.alignment.brokerRoom },
    { type: 'alignment', key: 'usJapanAlliance', delta: -LEVERS.alignment.brokerCost },
  ],
  // --- South Korea ---
  'outreach-moscow': [
    { type: 'korea-ties', korea: 'rok', partner: 'russia', delta: T },
    // Courting a Moscow under Western sanctions strains the alliance with Washington (design).
    {
      type: 'if',
      test: { type: 'alignment', key: 'sanctions', op: '>=', value: 20 },
      then: [{ type: 'korea-ties', korea: 'rok', partner: 'us', delta: -T }],
    },
    { type: 'trust', from: 'russia', to: 'rok', delta: 3 },
    { type: 'trust', from: 'rok', to: 'russia', delta: 2 },
  ],
  'energy-imports': [
    { type: 'buyer-projects', buyer: 'rok', delta: P.energyCardProgress / 2 },
    { type: 'economy', seat: 'rok', delta: 1 },
    { type: 'economy', seat: 'russia', delta: 0.5 },
  ],
  mediation: [
    { type: 'trust', from: 'dprk', to: 'rok', delta: 3 },
    { type: 'trust', from: 'rok', to: 'dprk', delta: 2 },
    { type: 'korea-ties', korea: 'dprk', partner: 'us', delta: T / 4 },
  ],
  'alliance-with-us': [
    { type: 'korea-ties', korea: 'rok', partner: 'us', delta: T },
    { type: 'trust', from: 'us', to: 'rok', delta: 2 },
  ],
  // --- North Korea ---
  provocation: [
    { type: 'trust', from: 'russia', to: 'dprk', delta: -4 },
    { type: 'trust', from: 'japan', to: 'dprk', delta: -4 },
    { type: 'trust', from: 'china', to: 'dprk', delta: -4 },
    { type: 'trust', from: 'us', to: 'dprk', delta: -4 },
    { type: 'trust', from: 'rok', to: 'dprk', delta: -4 },
    { type: 'alignment', key: 'usJapanAlliance', delta: 2 },
    { type: 'korea-ties', korea: 'rok', partner: 'us', delta: 2 },
    { type: 'capital', seat: 'dprk', delta: 4 },
    { type: 'economy', seat: 'dprk', delta: -1 },
  ],
  'seek-patron': [
    { type: 'korea-ties', korea: 'dprk', partner: '@target', delta: T },
    { type: 'trust', from: '@target', to: 'dprk', delta: 2 },
  ],
  'illicit-energy-trade': [
    { type: 'economy', seat: 'dprk', delta: 2 },
    { type: 'korea-ties', korea: 'dprk', partner: 'russia', delta: T / 2 },
    { type: 'trust', from: 'us', to: 'dprk', delta: -3 },
  ],
};

const PR = LEVERS.proposals;

/** What an accepted proposal does, at once. A signed treaty still faces ratification at Resolution. */
export const PROPOSAL_EFFECTS: Readonly<Record<ProposalKind, readonly ProposalEffect[]>> = {
  summit: [
    { type: 'rapport', a: '@from', b: '@to', delta: LEVERS.rapport.summit },
    { type: 'trust', from: '@from', to: '@to', delta: 3 },
    { type: 'trust', from: '@to', to: '@from', delta: 3 },
    { type: 'capital', seat: '@from', delta: 2 },
    { type: 'capital', seat: '@to', delta: 2 },
  ],
  aid: [
    {
      type: 'per-amount',
      effects: [
        { type: 'economy', seat: '@from', delta: -PR.aidUnit },
        { type: 'economy', seat: '@to', delta: PR.aidUnit },
      ],
    },
    {
      type: 'if',
      test: { all: [{ role: '@from', is: 'japan' }, { role: '@to', is: 'russia' }, 'linkage-binds'] },
      then: [
        {
          type: 'per-amount',
          effects: [{ type: 'trust', from: '@to', to: '@from', delta: PR.aidTrust * PR.aidLinkedTrustShare }],
        },
        { type: 'pressure', seat: 'japan', delta: PR.aidLinkedPressure },
      ],
      else: [
        { type: 'per-amount', effects: [{ type: 'trust', from: '@to', to: '@from', delta: PR.aidTrust }] },
      ],
    },
  ],
  'energy-stake': [
    { type: 'stake-purchase' },
    { type: 'trust', from: '@investor', to: 'russia', delta: 2 },
    { type: 'trust', from: 'russia', to: '@investor', delta: 2 },
  ],
  'joint-activities': [
    { type: 'joint-activities', island: '@island', delta: 1 },
    { type: 'strain', seat: 'russia', delta: C.jointActivities },
    { type: 'strain', seat: 'japan', delta: C.jointActivities },
    { type: 'trust', from: 'japan', to: 'russia', delta: 3 },
    { type: 'trust', from: 'russia', to: 'japan', delta: 3 },
  ],
  'visa-free': [
    { type: 'visa-free', value: true },
    { type: 'strain', seat: 'russia', delta: C.visaFree },
    { type: 'trust', from: 'japan', to: 'russia', delta: 3 },
    { type: 'trust', from: 'russia', to: 'japan', delta: 3 },
  ],
  'fishing-agreement': [
    { type: 'fishing-tension', delta: LEVERS.fishing.agreement },
    { type: 'trust', from: 'japan', to: 'russia', delta: 2 },
    { type: 'trust', from: 'russia', to: 'japan', delta: 2 },
    { type: 'economy', seat: 'japan', delta: 1 },
  ],
  'sanctions-coordination': [
    { type: 'alignment', key: 'sanctions', delta: 10 },
    {
      type: 'if',
      test: { role: '@partner', is: 'japan' },
      then: [{ type: 'alignment', key: 'usJapanAlliance', delta: 3 }],
    },
    { type: 'trust', from: 'russia', to: '@partner', delta: -5 },
    { type: 'trust', from: 'russia', to: 'us', delta: -3 },
  ],
  'alliance-reassurance': [
    {
      type: 'if',
      test: { role: '@partner', is: 'japan' },
      then: [{ type: 'alignment', key: 'usJapanAlliance', delta: 8 }],
      else: [{ type: 'korea-ties', korea: 'rok', partner: 'us', delta: 8 }],
    },
    { type: 'trust', from: '@partner', to: 'us', delta: 3 },
  ],
  'peace-treaty': [{ type: 'treaty-signed' }, { type: 'rapport', a: 'russia', b: 'japan', delta: 10 }],
};

/** The roles of one order or proposal, and a proposal's terms. An unset role skips the effects that name it. */
interface Context {
  readonly roles: Readonly<Partial<Record<string, string>>>;
  readonly terms: ProposalTerms;
  /** Multiplies every delta, inside `per-amount`. */
  readonly scale?: number;
}

/** The effect with its roles filled in, or null when one of them is unset. */
function bind<E extends object>(effect: E, ctx: Context): E | null {
  const bound: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(effect)) {
    if (typeof value === 'string' && value.startsWith('@')) {
      const filled = ctx.roles[value];
      if (filled === undefined) return null;
      bound[key] = filled;
    } else {
      bound[key] = key === 'delta' && ctx.scale !== undefined ? (value as number) * ctx.scale : value;
    }
  }
  return bound as E;
}

function role(ctx: Context, name: string): string | undefined {
  return ctx.roles[name];
}

function passes(G: GameState, test: Test<string>, ctx: Context): boolean {
  if (test === 'linkage') return G.linkage;
  if (test === 'no-linkage') return !G.linkage;
  if (test === 'linkage-binds') return linkageBinds(G);
  if ('any' in test) return test.any.some((t) => passes(G, t, ctx));
  if ('all' in test) return test.all.every((t) => passes(G, t, ctx));
  if ('boughtBy' in test) {
    const project = role(ctx, test.project);
    return scenarioOf(G).projects.some((p) => p.id === project && p.buyers.includes(test.boughtBy));
  }
  if ('role' in test) return role(ctx, test.role) === test.is;
  return conditionHolds(G, test);
}

/** Projects whose buyers include a seat, or in which it holds a stake. */
function projectsFor(G: GameState, seat: Seat): string[] {
  return scenarioOf(G)
    .projects.filter((p) => p.buyers.includes(seat) || (G.projects[p.id].stakes[seat] ?? 0) > 0)
    .map((p) => p.id);
}

function applyOne(G: GameState, effect: TableEffect<string>, ctx: Context): void {
  switch (effect.type) {
    case 'if': {
      const branch = passes(G, effect.test, ctx) ? effect.then : (effect.else ?? []);
      for (const e of branch) applyOne(G, e, ctx);
      return;
    }
    case 'per-amount':
      for (const e of effect.effects) applyOne(G, e, { ...ctx, scale: ctx.terms.amount ?? 1 });
      return;
    case 'buyer-projects':
      for (const id of projectsFor(G, effect.buyer)) addProjectProgress(G, id, effect.delta);
      return;
    case 'investment': {
      const bound = bind(effect, ctx);
      if (!bound) return;
      const seat = bound.seat as Seat;
      const factor = seat === 'japan' && linkageBinds(G) ? P.linkageFactor : 1;
      const sanctionsDrag = seat === 'china' ? 1 : 1 - G.alignment.sanctions / P.sanctionsDragScale;
      addProjectProgress(G, bound.project, bound.delta * factor * sanctionsDrag);
      return;
    }
    case 'stake-purchase': {
      const investor = role(ctx, '@investor') as Seat;
      const project = ctx.terms.project ?? '';
      const bought = addStake(G, project, investor, ctx.terms.share ?? 0);
      const factor = investor === 'japan' && linkageBinds(G) ? P.linkageFactor : 1;
      addProjectProgress(G, project, bought * factor);
      addEconomy(G, investor, -round1(bought / PR.stakeCostDivisor));
      addEconomy(G, 'russia', round1(bought / PR.stakeRevenueDivisor));
      return;
    }
    case 'treaty-signed': {
      const formula = ctx.terms.formula ?? 'none';
      G.treaty = { formula, year: G.year, status: 'signed' };
      const strain = FORMULA_RUNG[formula] * C.treatyPerRung;
      addStrain(G, 'russia', strain);
      addStrain(G, 'japan', strain);
      return;
    }
    case 'position': {
      // An order or an agreement is a government's own act: the declarations' floors hold (GameState.floors).
      const seat = effect.seat as 'russia' | 'japan';
      const delta = effect.delta ?? 0;
      const to = effect.rung !== undefined ? LADDER.indexOf(effect.rung as Rung) : G.positions[seat] + delta;
      movePosition(G, seat, to);
      return;
    }
    default: {
      const bound = bind(effect, ctx);
      if (bound) applyEffect(G, bound as Effect);
    }
  }
}

/** Applies a table's effects in order for one order (`'@actor'`, `'@target'`) or proposal (its roles and terms). */
export function applyTableEffects(
  G: GameState,
  effects: readonly TableEffect<string>[],
  roles: Readonly<Partial<Record<string, string>>>,
  terms: ProposalTerms = {},
): void {
  for (const effect of effects) applyOne(G, effect, { roles, terms });
}
