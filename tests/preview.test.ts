// Protects the previews (src/game/preview.ts): what an order or a proposal shows before it is committed must be
// exactly what the rules then do to the levers, for every order on every menu, and the odds must be the rules' own.
import { describe, expect, test } from 'vitest';
import { ACTIONS, ACTION_IDS } from '../src/game/catalog';
import { acceptRefusal, applyProposal } from '../src/game/diplomacy';
import { LEVERS } from '../src/game/levers';
import { applyOrder, targetsFor } from '../src/game/policy';
import { type Lever, previewOrder, previewProposal } from '../src/game/preview';
import { backlashChance, ratifyFailChance } from '../src/game/resolution';
import type { Scenario } from '../src/game/scenario-schema';
import { type GameState, type Order, createInitialState } from '../src/game/state';
import { LADDER, PROJECT_STAGES, type Seat } from '../src/game/vocabulary';
import { viewFor } from '../src/game/view';
import { builtinScenario } from '../src/scenario/builtin';

/** The era's opening with every action on its seats' menus, so every row of ORDER_EFFECTS is reachable. */
function opening(era = 'yeltsin-1992'): GameState {
  const scenario = structuredClone(builtinScenario(era)) as Scenario;
  for (const seat of Object.keys(scenario.menus.weights) as Seat[]) {
    scenario.menus.weights[seat] = Object.fromEntries(
      ACTION_IDS.filter((a) => (ACTIONS[a].seats as readonly Seat[]).includes(seat)).map((a) => [a, 1]),
    );
  }
  const G = createInitialState(scenario, 'preview');
  G.round = 1;
  return G;
}

/** Every changed leaf of the state as path → [before, after], computed without the preview's own lever list. */
function leafChanges(
  before: unknown,
  after: unknown,
  path: string,
  out: Map<string, [unknown, unknown]>,
): void {
  if (path === 'log' || path === 'trustGain') return;
  if (typeof before === 'object' && before !== null && typeof after === 'object' && after !== null) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) {
      const b = (before as Record<string, unknown>)[k];
      const a = (after as Record<string, unknown>)[k];
      leafChanges(b, a, path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (before !== after) out.set(path, [before, after]);
}

/** Where a previewed lever lives in the state, for comparison with the real change. */
function pathsOf(lever: Lever): string[] {
  switch (lever.type) {
    case 'trust':
      return [`trust.${lever.a}.${lever.b}`];
    case 'rapport':
      return [`rapport.${lever.a}|${lever.b}`];
    case 'position':
      return [`positions.${lever.seat}`];
    case 'garrison':
      return [`islands.${lever.island}.garrison`];
    case 'joint-activities':
      return [`islands.${lever.island}.jointActivities`];
    case 'visa-free':
      return ['visaFree'];
    case 'linkage':
      return ['linkage'];
    case 'fishing-tension':
      return ['fishingTension'];
    case 'pressure':
    case 'capital':
    case 'strain':
      return [`domestic.${lever.seat}.${lever.type}`];
    case 'alignment':
      return [`alignment.${lever.key}`];
    case 'korea-ties':
      return [`koreaTies.${lever.korea}.${lever.partner}`];
    case 'economy':
      return [`economy.${lever.seat}`];
    case 'project':
      return [`projects.${lever.project}.progress`, `projects.${lever.project}.stage`];
    case 'stake':
      return [`projects.${lever.project}.stakes.${lever.seat}`];
  }
}

const asNumber = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : ((v as number | undefined) ?? 0));

/** Every (seat, order) the rules allow in the state. */
function everyOrder(G: GameState): [Seat, Order][] {
  const out: [Seat, Order][] = [];
  for (const action of ACTION_IDS) {
    for (const seat of ACTIONS[action].seats) {
      for (const target of targetsFor(G, seat, action))
        out.push([seat, target === undefined ? { action } : { action, target }]);
    }
  }
  return out;
}

function thaw(): GameState {
  const G = opening();
  G.linkage = false;
  G.alignment.sanctions = 40;
  G.positions.russia = 2;
  G.positions.japan = 2;
  G.trust.japan.russia = 45;
  G.visaFree = false;
  return G;
}

describe('previewOrder equals what applying the order does', () => {
  for (const [name, make] of [
    ['opening', opening],
    ['thaw', thaw],
  ] as const) {
    test.each(
      everyOrder(make()).map(
        ([seat, order]) => [name, seat, order.action, order.target ?? '', order] as const,
      ),
    )('%s: %s %s %s', (_, seat, _action, _target, order) => {
      const G = make();
      const untouched = JSON.stringify(G);
      // Previewed on the seat's own view, as the browser does.
      const preview = previewOrder(viewFor(G, seat), seat, order);
      expect(JSON.stringify(G)).toBe(untouched);

      const real = structuredClone(G);
      applyOrder(real, seat, order);
      const changed = new Map<string, [unknown, unknown]>();
      leafChanges(G, real, '', changed);
      expect(changed.size).toBeGreaterThan(0);

      const covered = new Set<string>();
      for (const change of preview.changes) {
        const paths = pathsOf(change.lever).filter((p) => changed.has(p));
        expect(paths.length, JSON.stringify(change.lever)).toBeGreaterThan(0);
        paths.forEach((p) => covered.add(p));
        if (change.lever.type === 'project') {
          const p = real.projects[change.lever.project];
          expect(change.to).toBeCloseTo(PROJECT_STAGES.indexOf(p.stage) * 100 + p.progress, 5);
        } else {
          const [before, after] = changed.get(paths[0]) as [unknown, unknown];
          expect(change.from).toBeCloseTo(asNumber(before), 5);
          expect(change.to).toBeCloseTo(asNumber(after), 5);
        }
      }
      // Nothing the order really moved is missing from the preview.
      expect([...changed.keys()].filter((p) => !covered.has(p))).toEqual([]);
    });
  }

  test('softening the demand in 1992 shows the rung, the strain, the trust and a backlash chance', () => {
    const G = opening();
    const preview = previewOrder(viewFor(G, 'japan'), 'japan', { action: 'soften-demand' });
    const position = preview.changes.find((c) => c.lever.type === 'position');
    expect(position).toMatchObject({
      lever: { seat: 'japan' },
      from: LADDER.indexOf('four-islands'),
      to: LADDER.indexOf('joint-development'),
    });
    expect(preview.changes.find((c) => c.lever.type === 'strain')?.to).toBe(LEVERS.concession.softenDemand);
    const trust = preview.changes.find((c) => c.lever.type === 'trust');
    expect(trust).toMatchObject({ lever: { a: 'russia', b: 'japan' } });
    expect((trust?.to ?? 0) - (trust?.from ?? 0)).toBe(3);
    const after = structuredClone(G);
    applyOrder(after, 'japan', { action: 'soften-demand' });
    expect(preview.odds.backlash.japan).toBe(backlashChance(after, 'japan'));
  });

  test('an order after the draft sees the rise cap the draft used up', () => {
    const G = opening();
    const alone = previewOrder(G, 'japan', { action: 'abandon-linkage' });
    const afterSoften = previewOrder(G, 'japan', { action: 'abandon-linkage' }, [
      { action: 'soften-demand' },
    ]);
    const rise = (p: typeof alone) => {
      const t = p.changes.find(
        (c) => c.lever.type === 'trust' && c.lever.a === 'russia' && c.lever.b === 'japan',
      );
      return t ? t.to - t.from : 0;
    };
    expect(rise(alone)).toBe(4);
    // Softening took 3 of the yearly cap on a rise of trust: abandoning the linkage can add only what is left.
    expect(rise(afterSoften)).toBe(LEVERS.trust.riseCapPerRound - 3);
  });
});

describe('previewProposal', () => {
  test('a two-island treaty shows the rules own ratification odds and both sides strain', () => {
    const G = thaw();
    const shape = {
      from: 'japan',
      to: 'russia',
      kind: 'peace-treaty',
      terms: { formula: 'two-islands' },
    } as const;
    const preview = previewProposal(G, shape);
    expect(preview.signsTreaty).toBe(true);
    const signed = structuredClone(G);
    applyProposal(signed, {
      id: 'x',
      round: 1,
      status: 'accepted',
      ...shape,
      terms: { formula: 'two-islands' },
    });
    const russiaFails = ratifyFailChance(signed, 'russia');
    const japanFails = ratifyFailChance(signed, 'japan');
    expect(preview.odds.ratification).toEqual({
      russiaFails,
      japanFails,
      ratifies: (1 - russiaFails) * (1 - japanFails),
    });
    expect(preview.odds.backlash.russia).toBe(backlashChance(signed, 'russia'));
    expect(preview.changes.filter((c) => c.lever.type === 'strain').map((c) => c.lever)).toEqual([
      { type: 'strain', seat: 'russia' },
      { type: 'strain', seat: 'japan' },
    ]);
  });

  test('a summit moves rapport and trust both ways and signs nothing', () => {
    const preview = previewProposal(opening(), { from: 'japan', to: 'russia', kind: 'summit', terms: {} });
    expect(preview.signsTreaty).toBe(false);
    expect(preview.odds.ratification).toBeUndefined();
    expect(preview.changes.map((c) => c.lever.type).sort()).toEqual([
      'capital',
      'capital',
      'rapport',
      'trust',
      'trust',
    ]);
  });
});

describe('acceptRefusal', () => {
  test("a two-island treaty in 1992 is refused because Russia's offer sits below the formula", () => {
    const G = opening();
    const refusal = acceptRefusal(G, { kind: 'peace-treaty', terms: { formula: 'two-islands' } });
    expect(refusal).toEqual({
      type: 'treaty-outside',
      formula: 'two-islands',
      russia: G.positions.russia,
      japan: G.positions.japan,
      needs: 2,
    });
    expect(G.positions.russia).toBeLessThan(2);
  });

  test('a treaty inside both positions may be accepted', () => {
    expect(acceptRefusal(thaw(), { kind: 'peace-treaty', terms: { formula: 'two-islands' } })).toBeNull();
  });
});
