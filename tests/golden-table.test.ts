// Pins what every policy action and every accepted proposal does to the levers, on fixed states of a built-in
// era: a balance change in src/game/levers.ts or src/game/action-effects.ts shows as a reviewable diff of numbers in
// tests/__snapshots__/golden-table.test.ts.snap, and the paper's directions are asserted outright.
import { describe, expect, test } from 'vitest';
import { ORDER_EFFECTS, PROPOSAL_EFFECTS, type TableEffect } from '../src/game/action-effects';
import { ACTIONS, ACTION_IDS, type ActionId, PROPOSAL_KINDS, type ProposalKind } from '../src/game/catalog';
import { applyProposal, proposalProblem } from '../src/game/diplomacy';
import { applyOrder, targetsFor } from '../src/game/policy';
import type { ProposeArgs } from '../src/game/args';
import { EffectSchema, type Scenario } from '../src/game/scenario-schema';
import { type GameState, type Proposal, createInitialState } from '../src/game/state';
import type { Seat } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';

const ERA = 'yeltsin-1992';
const SEED = 'golden-table';

/** The era's opening, with every action on its seats' menus so `targetsFor` judges only the state. */
function opening(): GameState {
  const era = builtinScenario(ERA);
  if (!era) throw new Error(`no built-in scenario ${ERA}`);
  const scenario = structuredClone(era) as Scenario;
  for (const seat of Object.keys(scenario.menus.weights) as Seat[]) {
    scenario.menus.weights[seat] = Object.fromEntries(
      ACTION_IDS.filter((a) => (ACTIONS[a].seats as readonly Seat[]).includes(seat)).map((a) => [a, 1]),
    );
  }
  const G = createInitialState(scenario, SEED);
  G.round = 1;
  return G;
}

/**
 * Two fixed states, so both sides of every conditional effect are pinned: the 1992 opening (Japan's linkage binds,
 * no sanctions, a warm Sino-Russian line, visa-free exchange in force) and a thaw (linkage abandoned, sanctions in
 * force, a Sino-Russian rift, Russia at the 1956 formula, trust high enough for joint activities to take root, no
 * visa-free exchange yet).
 */
const STATES: Record<string, () => GameState> = {
  opening,
  thaw: () => {
    const G = opening();
    G.linkage = false;
    G.alignment.sanctions = 40;
    G.alignment.sinoRussian = 20;
    G.positions.russia = 2;
    G.positions.japan = 2;
    G.trust.japan.russia = 45;
    G.visaFree = false;
    return G;
  },
};

/**
 * Every changed leaf of the state as `path: before → after`. The log is text, left to its own tests; `trustGain` only
 * books each rise of trust against the yearly cap, so it would repeat every trust line.
 */
function leverDeltas(before: unknown, after: unknown, path = ''): string[] {
  if (path === 'log' || path === 'trustGain') return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => leverDeltas(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));
  return [`${path}: ${show(before)} → ${show(after)}`];
}

interface OrderCase {
  state: string;
  seat: Seat;
  action: ActionId;
  target?: string;
}

/** Each action for each seat that may order it, in each state where it is legal: every target of a project, Korea
 * or partner action (the target changes what moves), the first legal island of an island action. */
const ORDER_CASES: OrderCase[] = Object.keys(STATES).flatMap((state) =>
  ACTION_IDS.flatMap((action) =>
    ACTIONS[action].seats.flatMap((seat: Seat) => {
      const targets = targetsFor(STATES[state](), seat, action);
      const chosen =
        'target' in ACTIONS[action] && ACTIONS[action].target === 'island' ? targets.slice(0, 1) : targets;
      return chosen.map((target) => ({ state, seat, action, target }));
    }),
  ),
);

function ordered({ state, seat, action, target }: OrderCase): { before: GameState; after: GameState } {
  const before = STATES[state]();
  const after = structuredClone(before);
  applyOrder(after, seat, target === undefined ? { action } : { action, target });
  return { before, after };
}

interface ProposalCase {
  state: string;
  from: Seat;
  args: ProposeArgs;
}

/** Every proposal kind, between the seats and with the terms that change what it does. */
const PROPOSALS: [Seat, ProposeArgs][] = [
  ['japan', { to: 'russia', kind: 'summit', terms: {} }],
  ['china', { to: 'russia', kind: 'summit', terms: {} }],
  ['japan', { to: 'russia', kind: 'aid', terms: { amount: 1 } }],
  ['japan', { to: 'russia', kind: 'aid', terms: { amount: 3 } }],
  ['us', { to: 'russia', kind: 'aid', terms: { amount: 2 } }],
  ['russia', { to: 'japan', kind: 'energy-stake', terms: { project: 'sakhalin-1', share: 25 } }],
  ['china', { to: 'russia', kind: 'energy-stake', terms: { project: 'east-siberian-oil-gas', share: 10 } }],
  ['russia', { to: 'japan', kind: 'joint-activities', terms: { island: 'shikotan' } }],
  ['japan', { to: 'russia', kind: 'visa-free', terms: {} }],
  ['russia', { to: 'japan', kind: 'fishing-agreement', terms: {} }],
  ['us', { to: 'japan', kind: 'sanctions-coordination', terms: {} }],
  ['rok', { to: 'us', kind: 'sanctions-coordination', terms: {} }],
  ['us', { to: 'japan', kind: 'alliance-reassurance', terms: {} }],
  ['rok', { to: 'us', kind: 'alliance-reassurance', terms: {} }],
  ['russia', { to: 'japan', kind: 'peace-treaty', terms: { formula: 'none' } }],
  ['japan', { to: 'russia', kind: 'peace-treaty', terms: { formula: 'two-islands' } }],
];
/** Each of them in each state where it may be made. */
const PROPOSAL_CASES: ProposalCase[] = Object.keys(STATES).flatMap((state) =>
  PROPOSALS.filter(([from, args]) => proposalProblem(STATES[state](), from, args) === null).map(
    ([from, args]) => ({
      state,
      from,
      args,
    }),
  ),
);

function accepted({ state, from, args }: ProposalCase): { before: GameState; after: GameState } {
  const before = STATES[state]();
  const after = structuredClone(before);
  const proposal: Proposal = {
    id: 'p1',
    round: after.round,
    from,
    to: args.to,
    kind: args.kind,
    terms: args.terms,
    status: 'accepted',
  };
  applyProposal(after, proposal);
  return { before, after };
}

const orderLabel = (c: OrderCase) =>
  `${c.state}: ${c.seat} orders ${c.action}${c.target ? ` → ${c.target}` : ''}`;
const proposalLabel = ({ state, from, args }: ProposalCase) =>
  `${state}: ${from} and ${args.to} agree ${args.kind} ${Object.values(args.terms).join(' ')}`.trimEnd();

describe('the golden table', () => {
  test('covers every action and every proposal kind', () => {
    expect(new Set(ORDER_CASES.map((c) => c.action))).toEqual(new Set(ACTION_IDS));
    expect(new Set(PROPOSAL_CASES.map((c) => c.args.kind))).toEqual(new Set<ProposalKind>(PROPOSAL_KINDS));
  });

  test.each(ORDER_CASES.map((c) => [orderLabel(c), c] as const))('%s', (_, c) => {
    const { before, after } = ordered(c);
    const deltas = leverDeltas(before, after);
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.join('\n')).toMatchSnapshot();
  });

  test.each(PROPOSAL_CASES.map((c) => [proposalLabel(c), c] as const))('%s', (_, c) => {
    const { before, after } = accepted(c);
    const deltas = leverDeltas(before, after);
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.join('\n')).toMatchSnapshot();
  });
});

/** A table's plain effects (inside `if` and `per-amount` too), leaving out the four formulas computed in code. */
function plainEffects(effects: readonly TableEffect<string>[]): object[] {
  return effects.flatMap((e) => {
    if (e.type === 'if') return plainEffects([...e.then, ...(e.else ?? [])]);
    if (e.type === 'per-amount') return plainEffects(e.effects);
    if (['buyer-projects', 'investment', 'stake-purchase', 'treaty-signed'].includes(e.type)) return [];
    return [e];
  });
}

/** A role filled with a name its field accepts, so the effect can be checked against the scenario schema. */
const SAMPLE: Record<string, string> = {
  island: 'habomai',
  project: 'sakhalin-1',
  korea: 'rok',
  partner: 'china',
};
const filled = (e: object) =>
  Object.fromEntries(
    Object.entries(e).map(([k, v]) => [
      k,
      typeof v === 'string' && v.startsWith('@') ? (SAMPLE[k] ?? 'japan') : v,
    ]),
  );

describe('the effect tables', () => {
  test.each([
    ...ACTION_IDS.map((a) => [a, ORDER_EFFECTS[a]] as const),
    ...PROPOSAL_KINDS.map((k) => [k, PROPOSAL_EFFECTS[k]] as const),
  ])('%s speaks the scenario effect vocabulary, within its ranges', (_, effects) => {
    for (const effect of plainEffects(effects))
      expect(EffectSchema.safeParse(filled(effect)).error).toBeUndefined();
  });
});

/** A lever read off the state, and the sign the paper gives its move. */
type Direction = [label: string, read: (G: GameState) => unknown, sign: 1 | -1];
const trustIn = (a: Seat, b: Seat) => (G: GameState) => G.trust[a][b];

/** Directions the paper states (paper-facts §2 "what raises it / what lowers it"), checked in the opening. */
const ORDER_DIRECTIONS: [Seat, ActionId, string | undefined, Direction[], state?: string][] = [
  [
    'russia',
    'reinforce-garrison',
    'habomai',
    [
      ['garrison', (G) => G.islands.habomai.garrison, 1],
      ['Japan trusts Russia', trustIn('japan', 'russia'), -1],
    ],
  ],
  [
    'russia',
    'drawdown-garrison',
    'habomai',
    [
      ['garrison', (G) => G.islands.habomai.garrison, -1],
      ['Japan trusts Russia', trustIn('japan', 'russia'), 1],
    ],
  ],
  [
    'russia',
    'border-crackdown',
    undefined,
    [
      ['fishing tension', (G) => G.fishingTension, 1],
      ['Japan trusts Russia', trustIn('japan', 'russia'), -1],
    ],
  ],
  [
    'russia',
    'raise-offer',
    undefined,
    [
      ["Russia's offer", (G) => G.positions.russia, 1],
      ["Russia's strain", (G) => G.domestic.russia.strain, 1],
    ],
  ],
  [
    'russia',
    'harden-stance',
    undefined,
    [
      ["Russia's offer", (G) => G.positions.russia, -1],
      ['Japan trusts Russia', trustIn('japan', 'russia'), -1],
    ],
    // In 1992 Russia stands at its floor (the 1991 communiqué acknowledged the dispute): harden from the thaw.
    'thaw',
  ],
  ['russia', 'energy-card-china', undefined, [['Sino-Russian', (G) => G.alignment.sinoRussian, 1]]],
  [
    'japan',
    'invest-project',
    'sakhalin-1',
    [['Japanese stake', (G) => G.projects['sakhalin-1'].stakes.japan, 1]],
  ],
  ['japan', 'territories-campaign', undefined, [['Russia trusts Japan', trustIn('russia', 'japan'), -1]]],
  [
    'japan',
    'abandon-linkage',
    undefined,
    [
      ["Japan's pressure", (G) => G.domestic.japan.pressure, 1],
      ['Russia trusts Japan', trustIn('russia', 'japan'), 1],
    ],
  ],
  ['japan', 'soften-demand', undefined, [["Japan's demand", (G) => G.positions.japan, -1]]],
  ['china', 'deepen-russia-ties', undefined, [['Sino-Russian', (G) => G.alignment.sinoRussian, 1]]],
  ['china', 'encourage-hard-line', undefined, [["Japan's pressure", (G) => G.domestic.japan.pressure, 1]]],
  [
    'us',
    'impose-sanctions',
    undefined,
    [
      ['sanctions', (G) => G.alignment.sanctions, 1],
      ['Russia trusts the US', trustIn('russia', 'us'), -1],
    ],
  ],
  ['us', 'alliance-reassurance', undefined, [['US–Japan alliance', (G) => G.alignment.usJapanAlliance, 1]]],
  ['rok', 'outreach-moscow', undefined, [['ROK–Russia ties', (G) => G.koreaTies.rok.russia, 1]]],
  [
    'dprk',
    'provocation',
    undefined,
    [
      ['Japan trusts the DPRK', trustIn('japan', 'dprk'), -1],
      ['US–Japan alliance', (G) => G.alignment.usJapanAlliance, 1],
    ],
  ],
];

const PROPOSAL_DIRECTIONS: [Seat, ProposeArgs, Direction[]][] = [
  ['japan', { to: 'russia', kind: 'summit', terms: {} }, [['rapport', (G) => G.rapport['russia|japan'], 1]]],
  [
    'japan',
    { to: 'rok', kind: 'aid', terms: { amount: 2 } },
    [
      ['ROK trusts Japan', trustIn('rok', 'japan'), 1],
      ["Japan's economy", (G) => G.economy.japan, -1],
    ],
  ],
  [
    'russia',
    { to: 'japan', kind: 'fishing-agreement', terms: {} },
    [['fishing tension', (G) => G.fishingTension, -1]],
  ],
  [
    'us',
    { to: 'japan', kind: 'sanctions-coordination', terms: {} },
    [
      ['sanctions', (G) => G.alignment.sanctions, 1],
      ['Russia trusts Japan', trustIn('russia', 'japan'), -1],
    ],
  ],
  [
    'russia',
    { to: 'japan', kind: 'joint-activities', terms: { island: 'shikotan' } },
    [['joint activities', (G) => G.islands.shikotan.jointActivities, 1]],
  ],
];

function expectDirections(before: GameState, after: GameState, directions: Direction[]): void {
  for (const [label, read, sign] of directions) {
    const moved = Number(read(after) ?? 0) - Number(read(before) ?? 0);
    expect(Math.sign(moved), label).toBe(sign);
  }
}

describe("the paper's directions", () => {
  test.each(ORDER_DIRECTIONS)('%s: %s', (seat, action, target, directions, state = 'opening') => {
    expect(targetsFor(STATES[state](), seat, action)).toContain(target);
    const { before, after } = ordered({ state, seat, action, target });
    expectDirections(before, after, directions);
  });

  test.each(PROPOSAL_DIRECTIONS)('%s: %s', (from, args, directions) => {
    const { before, after } = accepted({ state: 'opening', from, args });
    expectDirections(before, after, directions);
  });

  test('a signed treaty strains both sides by its rung and awaits ratification', () => {
    const { before, after } = accepted({
      state: 'thaw',
      from: 'russia',
      args: { to: 'japan', kind: 'peace-treaty', terms: { formula: 'two-islands' } },
    });
    expect(after.treaty).toMatchObject({ formula: 'two-islands', status: 'signed' });
    expect(after.domestic.russia.strain).toBeGreaterThan(before.domestic.russia.strain);
    expect(after.domestic.japan.strain).toBeGreaterThan(before.domestic.japan.strain);
  });
});
