// Protects the bots: every action they take is legal (fuzzed over eras and seeds), a decision depends only on the
// view and the seed, and no bot can see another seat's secrets.
import { describe, expect, test } from 'vitest';
import { SEATS, perSeat, type Seat } from '../src/game/vocabulary';
import type { GameState } from '../src/game/state';
import { viewFor } from '../src/game/view';
import { makeBot, parseBotSpec } from '../src/bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';
import { DirectDriver } from '../src/match/direct';
import { MatchDriver, botRng, playBotPhase, type BotActionNote } from '../src/match/match';
import { mulberry } from '../src/bots/rollout';

function play(
  id: string,
  seed: string,
  spec: Record<Seat, string>,
  maxRound = 99,
): { refused: BotActionNote[]; driver: DirectDriver } {
  const driver = DirectDriver.start({ scenario: builtinScenario(id), seed });
  const bots = perSeat((s) => makeBot(spec[s]));
  const rngs = perSeat((s) => botRng(seed, s));
  const refused: BotActionNote[] = [];
  while (!driver.over && driver.G.round <= maxRound) {
    playBotPhase(driver, bots, rngs, new Set(), { onAction: (n) => void (n.accepted || refused.push(n)) });
  }
  return { refused, driver };
}

const all = (kind: string) => perSeat(() => kind);

describe('bots only produce legal actions', () => {
  test.each(BUILTIN_IDS.flatMap((id) => ['1', '2', '3'].map((seed) => [id, seed])))(
    'historical and random on %s, seed %s',
    (id, seed) => {
      for (const kind of ['historical', 'random']) {
        const { refused, driver } = play(id, seed, all(kind));
        expect(refused).toEqual([]);
        expect(driver.G.outcome).not.toBeNull();
        // Every bot action carries a reason.
        for (const r of driver.G.revealed)
          for (const s of SEATS) for (const o of r.orders[s]) expect(o.reason).toBeTruthy();
      }
    },
  );

  test('the strategist, in every seat at once, for two years of an era', () => {
    const { refused, driver } = play('gorbachev-1985', '5', all('strategist:easy'), 2);
    expect(refused).toEqual([]);
    expect(driver.G.history.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

function viewAt(
  id: string,
  seed: string,
  phase: 'diplomacy' | 'policy',
): { master: GameState; driver: DirectDriver } {
  const driver = DirectDriver.start({ scenario: builtinScenario(id), seed });
  const bots = perSeat(() => makeBot('historical'));
  const rngs = perSeat((s) => botRng(seed, s));
  while (!(driver.phase === phase && driver.G.round >= 2)) playBotPhase(driver, bots, rngs);
  return { master: driver.G, driver };
}

describe('a bot decides from its view and its seed alone', () => {
  const kinds = ['historical', 'random', 'strategist:easy'];
  test.each(kinds)(
    '%s: identical views and seeds give identical decisions',
    (kind) => {
      const { master } = viewAt('yeltsin-1992', '4', 'policy');
      const bot = makeBot(kind);
      const a = bot.orders({
        seat: 'japan',
        view: structuredClone(viewFor(master, 'japan')),
        next: mulberry(9),
      });
      const b = bot.orders({
        seat: 'japan',
        view: structuredClone(viewFor(master, 'japan')),
        next: mulberry(9),
      });
      expect(a).toEqual(b);
      const { master: dip } = viewAt('yeltsin-1992', '4', 'diplomacy');
      const p1 = bot.propose({
        seat: 'russia',
        view: structuredClone(viewFor(dip, 'russia')),
        next: mulberry(3),
      });
      const p2 = bot.propose({
        seat: 'russia',
        view: structuredClone(viewFor(dip, 'russia')),
        next: mulberry(3),
      });
      expect(p1).toEqual(p2);
    },
    60_000,
  );

  test.each(kinds)(
    "%s: other seats' secrets do not change its choice",
    (kind) => {
      const { master } = viewAt('abe-2013', '6', 'policy');
      // A second master state: every secret of the other seats changed (agendas, orders, PRNG, seed, private proposals).
      const other: GameState = structuredClone(master);
      other.seed = 'another';
      other.rng = { c: 1, s0: 0.1, s1: 0.2, s2: 0.3 };
      for (const s of SEATS)
        if (s !== 'china')
          other.agendas[s] = { id: 'x', title: 'x', text: 'x', bonus: 50, cost: 25, chosen: true };
      other.orders.russia = [{ action: 'raise-offer', reason: { code: 'step-up-rare' } }];
      other.ready.russia = true;
      other.proposals.push({
        id: 'p999',
        round: other.round,
        from: 'us',
        to: 'japan',
        kind: 'summit',
        terms: {},
        status: 'open',
      });
      const bot = makeBot(kind);
      const v1 = viewFor(master, 'china');
      const v2 = viewFor(other, 'china');
      expect(v2.rng).toBeNull();
      expect(v2.seed).toBeNull();
      expect(
        SEATS.filter((s) => s !== 'china').every((s) => v2.agendas[s] === null && v2.orders[s] === null),
      ).toBe(true);
      v2.ready = { ...v1.ready };
      expect(bot.orders({ seat: 'china', view: v1, next: mulberry(1) })).toEqual(
        bot.orders({ seat: 'china', view: v2, next: mulberry(1) }),
      );
    },
    60_000,
  );
});

describe('the direct driver plays the rules exactly as boardgame.io does', () => {
  test.each([...BUILTIN_IDS.map((id) => [id, '11'])])(
    '%s, seed %s: same round hashes',
    (id, seed) => {
      const spec = all('random');
      const run = (driver: MatchDriver | DirectDriver) => {
        const bots = perSeat((s) => makeBot(spec[s]));
        const rngs = perSeat((s) => botRng(seed, s));
        while (!driver.over) playBotPhase(driver, bots, rngs);
        return driver.roundHashes.map((r) => r.hash);
      };
      const viaReducer = run(new MatchDriver({ scenario: builtinScenario(id), seed }));
      const direct = run(DirectDriver.start({ scenario: builtinScenario(id), seed }));
      expect(direct.length).toBeGreaterThan(5);
      expect(direct).toEqual(viaReducer);
    },
    30_000,
  );
});

describe('--bots specs', () => {
  test('kinds and options parse; bad ones are named', () => {
    const ok = parseBotSpec('japan=strategist:hard,russia=historical,*=random');
    expect(ok.ok && ok.spec).toMatchObject({
      japan: 'strategist:hard',
      russia: 'historical',
      china: 'random',
    });
    const bad = parseBotSpec('japan=strategist:brutal');
    expect(!bad.ok && bad.error).toMatch(/unknown strategist option "brutal".*easy, normal, hard/);
    const noOpt = parseBotSpec('historical:hard');
    expect(!noOpt.ok && noOpt.error).toMatch(/takes no option/);
    expect(makeBot('strategist:hard').kind).toBe('strategist:hard');
  });
});
