/**
 * Issue 12, "scores that reflect choices": every secret agenda's rule says what its text says. For each agenda of
 * every era, the table below re-states the text as state changes, written from the words and not from the rule: one
 * `meet` that makes everything the text asks for true, and one `breaks` entry per clause of the text that undoes
 * only that clause. The rule must be met after `meet` and missed after each break. A rule that checks something the
 * text never mentions (the old "Linkage pays", judged on Japan's four-island demand) or ignores a clause fails here.
 */
import { describe, expect, test } from 'vitest';
import { agendaMet, chinaThreat, publicScore, scoreBreakdown } from '../src/game/scoring';
import { registerScenario } from '../src/game/scenario-registry';
import { agendaState, createInitialState, rapportKey, type GameState } from '../src/game/state';
import { ISLANDS, LADDER, SEATS, type Rung } from '../src/game/vocabulary';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';

type Step = (G: GameState) => void;

/** Japan administers `n` islands (the rest are Russia's). */
const japanHolds =
  (n: number): Step =>
  (G) =>
    ISLANDS.forEach((i, k) => (G.islands[i].administrator = k < n ? 'japan' : 'russia'));
const treaty =
  (ratified: boolean): Step =>
  (G) =>
    (G.treaty = ratified ? { formula: 'two-islands', year: G.year, status: 'ratified' } : null);
const stage =
  (project: string, s: GameState['projects'][string]['stage']): Step =>
  (G) =>
    (G.projects[project].stage = s);
const stake =
  (project: string, seat: 'japan' | 'rok' | 'china', v: number): Step =>
  (G) =>
    (G.projects[project].stakes[seat] = v);
const align =
  (key: keyof GameState['alignment'], v: number): Step =>
  (G) =>
    (G.alignment[key] = v);
const ties =
  (korea: 'rok' | 'dprk', partner: 'russia' | 'china' | 'us', v: number): Step =>
  (G) =>
    (G.koreaTies[korea][partner] = v);
const trust =
  (from: 'japan' | 'us', to: 'russia', v: number): Step =>
  (G) =>
    (G.trust[from][to] = v);
const economy =
  (seat: 'russia' | 'japan' | 'us' | 'rok', v: number): Step =>
  (G) =>
    (G.economy[seat] = v);
const linkage =
  (v: boolean): Step =>
  (G) =>
    (G.linkage = v);
const position =
  (seat: 'russia' | 'japan', rung: Rung): Step =>
  (G) =>
    (G.positions[seat] = LADDER.indexOf(rung));
const flag =
  (name: string, v: boolean): Step =>
  (G) =>
    (G.flags[name] = v);
const rapport =
  (v: number): Step =>
  (G) =>
    (G.rapport[rapportKey('russia', 'japan')] = v);
const s1978 = 'sino-japanese-treaty-1978';

interface Row {
  readonly meet: readonly Step[];
  /** One break per clause of the text. */
  readonly breaks: Readonly<Record<string, Step>>;
}

const TABLE: Record<string, Record<string, Row>> = {
  'brezhnev-1972': {
    // "End with all four islands and without the Sino-Japanese treaty."
    'ru-hold-and-split': {
      meet: [japanHolds(0), flag(s1978, false)],
      breaks: { 'an island lost': japanHolds(1), 'treaty signed': flag(s1978, true) },
    },
    // "Get Japan into Siberian development (the Sakhalin shelf financed or producing) without giving up an island."
    // "... (the Sakhalin shelf financed or producing, Japan holding 45 % or more) without giving up an island."
    'ru-siberian-partner': {
      meet: [stage('sakhalin-shelf', 'financed'), stake('sakhalin-shelf', 'japan', 45), japanHolds(0)],
      breaks: {
        'not financed': stage('sakhalin-shelf', 'negotiating'),
        'Japan 44 %': stake('sakhalin-shelf', 'japan', 44),
        'an island lost': japanHolds(1),
      },
    },
    // "End with the US-Japan alliance weakened to below 75 (it begins at 85)."
    'ru-weaken-alliance': {
      meet: [align('usJapanAlliance', 74)],
      breaks: { at75: align('usJapanAlliance', 75) },
    },
    'jp-four-islands': { meet: [japanHolds(4)], breaks: { three: japanHolds(3) } },
    // "Recover at least two islands under a ratified peace treaty."
    'jp-two-plus-treaty': {
      meet: [japanHolds(2), treaty(true)],
      breaks: { 'one island': japanHolds(1), 'no treaty': treaty(false) },
    },
    // "Sign the treaty with China and have Sakhalin oil financed, with the economy still at 85 or more."
    'jp-energy-and-china': {
      meet: [flag(s1978, true), stage('sakhalin-shelf', 'financed'), economy('japan', 85)],
      breaks: {
        'no treaty': flag(s1978, false),
        'not financed': stage('sakhalin-shelf', 'negotiating'),
        'economy 84': economy('japan', 84),
      },
    },
    // "Sign the treaty with Japan, keep Japan hard on the islands and see sanctions on Moscow raised to 90 or more."
    'cn-anti-hegemony': {
      meet: [flag(s1978, true), position('japan', 'four-islands'), align('sanctions', 90)],
      breaks: {
        'no treaty': flag(s1978, false),
        'Japan softens': position('japan', 'two-islands'),
        'sanctions 89': align('sanctions', 89),
      },
    },
    'cn-no-deal': {
      meet: [treaty(false), trust('japan', 'russia', 3)],
      breaks: { treaty: treaty(true), 'trust 4': trust('japan', 'russia', 4) },
    },
    'us-alliance-intact': {
      meet: [align('usJapanAlliance', 90), align('sanctions', 75)],
      breaks: { 'alliance 89': align('usJapanAlliance', 89), 'sanctions 74': align('sanctions', 74) },
    },
    'us-contain': {
      meet: [align('sanctions', 90), trust('japan', 'russia', 5)],
      breaks: { 'sanctions 89': align('sanctions', 89), 'trust 6': trust('japan', 'russia', 6) },
    },
    // "Raise ties with the US to 95 or more and keep ties with Moscow under 35 while Moscow and Tokyo sign no treaty."
    'rok-alliance': {
      meet: [ties('rok', 'us', 95), ties('rok', 'russia', 34), treaty(false)],
      breaks: {
        'ties 94': ties('rok', 'us', 94),
        'Moscow 35': ties('rok', 'russia', 35),
        treaty: treaty(true),
      },
    },
    'rok-grow': {
      meet: [economy('rok', 105), treaty(false)],
      breaks: { 'economy 104': economy('rok', 104), treaty: treaty(true) },
    },
    'dprk-two-patrons': {
      meet: [ties('dprk', 'russia', 90), ties('dprk', 'china', 90)],
      breaks: { 'Moscow 89': ties('dprk', 'russia', 89), 'Beijing 89': ties('dprk', 'china', 89) },
    },
    'dprk-split-alliance': { meet: [ties('rok', 'us', 79)], breaks: { 80: ties('rok', 'us', 80) } },
  },
  'gorbachev-1985': {
    'ru-capital-no-land': {
      meet: [stage('sakhalin-shelf', 'producing'), japanHolds(0)],
      breaks: { 'not producing': stage('sakhalin-shelf', 'financed'), 'an island lost': japanHolds(1) },
    },
    'ru-image': {
      meet: [trust('japan', 'russia', 30), japanHolds(0)],
      breaks: { 'trust 29': trust('japan', 'russia', 29), 'an island lost': japanHolds(1) },
    },
    'ru-beijing-first': { meet: [align('sinoRussian', 75)], breaks: { 74: align('sinoRussian', 74) } },
    'jp-four-islands': { meet: [japanHolds(4)], breaks: { three: japanHolds(3) } },
    // "... acknowledge the territorial question at a summit (leaders' rapport 8 or more) while keeping the linkage and
    // the alliance at 75 or more."
    'jp-acknowledged': {
      meet: [position('russia', 'acknowledged'), rapport(8), linkage(true), align('usJapanAlliance', 75)],
      breaks: {
        'no acknowledgement': position('russia', 'no-dispute'),
        'rapport 7': rapport(7),
        'linkage abandoned': linkage(false),
        'alliance 74': align('usJapanAlliance', 74),
      },
    },
    'jp-visa-free-and-energy': {
      meet: [stage('sakhalin-shelf', 'producing'), trust('japan', 'russia', 25)],
      breaks: {
        'not producing': stage('sakhalin-shelf', 'financed'),
        'trust 24': trust('japan', 'russia', 24),
      },
    },
    'cn-outpace': {
      meet: [align('sinoRussian', 70), trust('japan', 'russia', 30)],
      breaks: { 'Sino-Soviet 69': align('sinoRussian', 69), 'trust 31': trust('japan', 'russia', 31) },
    },
    'cn-no-compromise': {
      meet: [position('japan', 'four-islands'), treaty(false), align('japanChina', 95)],
      breaks: {
        'Japan softens': position('japan', 'joint-development'),
        treaty: treaty(true),
        'Japan–China 94': align('japanChina', 94),
      },
    },
    'us-contain': {
      meet: [align('sanctions', 70), align('usJapanAlliance', 80)],
      breaks: { 'sanctions 69': align('sanctions', 69), 'alliance 79': align('usJapanAlliance', 79) },
    },
    'us-end-cold-war': {
      meet: [trust('us', 'russia', 25), align('usJapanAlliance', 70)],
      breaks: { 'trust 24': trust('us', 'russia', 24), 'alliance 69': align('usJapanAlliance', 69) },
    },
    'rok-nordpolitik': {
      meet: [ties('rok', 'russia', 70), ties('rok', 'us', 75)],
      breaks: { 'Moscow 69': ties('rok', 'russia', 69), 'US 74': ties('rok', 'us', 74) },
    },
    'rok-grow': {
      meet: [economy('rok', 105), treaty(false)],
      breaks: { 'economy 104': economy('rok', 104), treaty: treaty(true) },
    },
    'dprk-keep-moscow': { meet: [ties('dprk', 'russia', 85)], breaks: { 84: ties('dprk', 'russia', 84) } },
    'dprk-beijing-anchor': { meet: [ties('dprk', 'china', 90)], breaks: { 89: ties('dprk', 'china', 89) } },
  },
  'yeltsin-1992': {
    'ru-integrity': {
      meet: [japanHolds(0), economy('russia', 102)],
      breaks: { 'an island lost': japanHolds(1), 'economy 101': economy('russia', 101) },
    },
    // "Get both Sakhalin projects financed or producing and East Siberian oil and gas into negotiation, without
    // giving up an island."
    'ru-money-without-islands': {
      meet: [
        stage('sakhalin-1', 'financed'),
        stage('sakhalin-2', 'producing'),
        stage('east-siberian-oil-gas', 'negotiating'),
        japanHolds(0),
      ],
      breaks: {
        'Sakhalin-1 not financed': stage('sakhalin-1', 'negotiating'),
        'Sakhalin-2 not financed': stage('sakhalin-2', 'negotiating'),
        'East Siberia only proposed': stage('east-siberian-oil-gas', 'proposed'),
        'an island lost': japanHolds(1),
      },
    },
    'ru-asia-options': {
      meet: [align('sinoRussian', 80), ties('rok', 'russia', 75)],
      breaks: { 'Beijing 79': align('sinoRussian', 79), 'Seoul 74': ties('rok', 'russia', 74) },
    },
    'jp-four-islands': { meet: [japanHolds(4)], breaks: { three: japanHolds(3) } },
    'jp-1956-plus': {
      meet: [japanHolds(2), treaty(true)],
      breaks: { 'one island': japanHolds(1), 'no treaty': treaty(false) },
    },
    // "Keep the linkage and still see Sakhalin-2 produce, with Japanese money in it (a stake of 45 % or more)."
    // Japan's demand is not part of it.
    'jp-linkage-pays': {
      meet: [
        linkage(true),
        stage('sakhalin-2', 'producing'),
        stake('sakhalin-2', 'japan', 45),
        position('japan', 'two-islands'),
      ],
      breaks: {
        'linkage abandoned': linkage(false),
        'not producing': stage('sakhalin-2', 'financed'),
        'Japan 44 %': stake('sakhalin-2', 'japan', 44),
      },
    },
    'cn-strategic-partner': {
      meet: [align('sinoRussian', 90), treaty(false)],
      breaks: { 'Sino-Russian 89': align('sinoRussian', 89), treaty: treaty(true) },
    },
    'cn-no-rival-for-capital': {
      meet: [stage('east-siberian-oil-gas', 'negotiating'), trust('japan', 'russia', 16)],
      breaks: {
        financed: stage('east-siberian-oil-gas', 'financed'),
        'trust 17': trust('japan', 'russia', 17),
      },
    },
    'us-partner-russia': {
      meet: [trust('us', 'russia', 68), align('sanctions', 10), align('usJapanAlliance', 70)],
      breaks: {
        'trust 67': trust('us', 'russia', 67),
        'sanctions 11': align('sanctions', 11),
        'alliance 69': align('usJapanAlliance', 69),
      },
    },
    'us-passive': {
      meet: [align('usJapanAlliance', 85), japanHolds(0), economy('us', 95)],
      breaks: {
        'alliance 84': align('usJapanAlliance', 84),
        'an island moved': japanHolds(1),
        'economy 94': economy('us', 94),
      },
    },
    // "Keep ties with Moscow at 60 or more and put Korean money into East Siberian energy."
    'rok-russia-partner': {
      meet: [ties('rok', 'russia', 60), stake('east-siberian-oil-gas', 'rok', 5)],
      breaks: {
        'Moscow 59': ties('rok', 'russia', 59),
        'no Korean money': stake('east-siberian-oil-gas', 'rok', 0),
      },
    },
    'rok-grow': {
      meet: [economy('rok', 105), treaty(false)],
      breaks: { 'economy 104': economy('rok', 104), treaty: treaty(true) },
    },
    'dprk-washington': { meet: [ties('dprk', 'us', 65)], breaks: { 64: ties('dprk', 'us', 64) } },
    'dprk-survive': {
      meet: [ties('dprk', 'china', 80), ties('dprk', 'russia', 40)],
      breaks: { 'Beijing 79': ties('dprk', 'china', 79), 'Moscow 39': ties('dprk', 'russia', 39) },
    },
  },
  'abe-2013': {
    // "Get Yamal LNG producing with Japanese money and keep every island."
    'ru-lng-leader': {
      meet: [stage('yamal-lng', 'producing'), stake('yamal-lng', 'japan', 10), japanHolds(0)],
      breaks: {
        'not producing': stage('yamal-lng', 'financed'),
        'no Japanese money': stake('yamal-lng', 'japan', 0),
        'an island lost': japanHolds(1),
      },
    },
    'ru-treaty-without-islands': {
      meet: [treaty(true), japanHolds(0)],
      breaks: { 'no treaty': treaty(false), 'an island lost': japanHolds(1) },
    },
    'ru-two-cards': {
      meet: [align('sinoRussian', 80), stage('altai-pipeline', 'negotiating')],
      breaks: {
        'honeymoon 79': align('sinoRussian', 79),
        'Altai proposed': stage('altai-pipeline', 'proposed'),
      },
    },
    'jp-four-islands': { meet: [japanHolds(4)], breaks: { three: japanHolds(3) } },
    'jp-two-islands': {
      meet: [japanHolds(2), treaty(true)],
      breaks: { 'one island': japanHolds(1), 'no treaty': treaty(false) },
    },
    'jp-counterweight': {
      meet: [rapport(70), align('sinoRussian', 79)],
      breaks: { 'rapport 69': rapport(69), 'honeymoon 80': align('sinoRussian', 80) },
    },
    'jp-energy': {
      meet: [stage('yamal-lng', 'producing'), economy('japan', 100)],
      breaks: { 'not producing': stage('yamal-lng', 'financed'), 'economy 99': economy('japan', 99) },
    },
    'cn-nightmare-avoided': {
      meet: [align('sinoRussian', 80), stage('altai-pipeline', 'negotiating'), treaty(false)],
      breaks: {
        'honeymoon 79': align('sinoRussian', 79),
        'Altai proposed': stage('altai-pipeline', 'proposed'),
        treaty: treaty(true),
      },
    },
    'cn-energy-first': {
      meet: [stage('power-of-siberia', 'producing'), trust('japan', 'russia', 32)],
      breaks: {
        'not producing': stage('power-of-siberia', 'financed'),
        'trust 33': trust('japan', 'russia', 33),
      },
    },
    'us-sanctions-hold': {
      meet: [align('sanctions', 90), align('usJapanAlliance', 75)],
      breaks: { 'sanctions 89': align('sanctions', 89), 'alliance 74': align('usJapanAlliance', 74) },
    },
    // "Raise the alliance to 90 or more and let Tokyo warm to Moscow: Japanese trust in Moscow at 36 or more."
    'us-not-hurt': {
      meet: [align('usJapanAlliance', 90), trust('japan', 'russia', 36)],
      breaks: { 'alliance 89': align('usJapanAlliance', 89), 'trust 35': trust('japan', 'russia', 35) },
    },
    'rok-resist-wedge': {
      meet: [ties('rok', 'us', 85), ties('rok', 'china', 85)],
      breaks: { 'US 84': ties('rok', 'us', 84), 'Beijing 84': ties('rok', 'china', 84) },
    },
    'rok-grow': {
      meet: [economy('rok', 102), treaty(false)],
      breaks: { 'economy 101': economy('rok', 101), treaty: treaty(true) },
    },
    'dprk-washington': { meet: [ties('dprk', 'us', 80)], breaks: { 79: ties('dprk', 'us', 79) } },
    'dprk-putin-ally': { meet: [ties('dprk', 'russia', 90)], breaks: { 89: ties('dprk', 'russia', 89) } },
  },
};

/** A state of the era with the agenda dealt to its seat and `steps` applied in order. */
function judged(scenarioId: string, agendaId: string, steps: readonly Step[]): boolean {
  const scenario = builtinScenario(scenarioId)!;
  registerScenario(scenario);
  const G = createInitialState(scenario, 'agendas');
  const agenda = scenario.agendas.find((a) => a.id === agendaId)!;
  G.agendas[agenda.seat] = agendaState(agenda);
  for (const step of steps) step(G);
  return agendaMet(G, agenda.seat);
}

describe('every agenda rule says what its text says', () => {
  test('the table covers every agenda of every era, and nothing else', () => {
    for (const id of BUILTIN_IDS) {
      const ids = builtinScenario(id)!.agendas.map((a) => a.id);
      expect(Object.keys(TABLE[id] ?? {}).sort(), id).toEqual([...ids].sort());
    }
  });

  for (const [scenarioId, rows] of Object.entries(TABLE)) {
    for (const [agendaId, row] of Object.entries(rows)) {
      test(`${scenarioId}: ${agendaId}`, () => {
        expect(judged(scenarioId, agendaId, row.meet), 'met when the text holds').toBe(true);
        for (const [clause, undo] of Object.entries(row.breaks)) {
          expect(judged(scenarioId, agendaId, [...row.meet, undo]), `missed when ${clause}`).toBe(false);
        }
      });
    }
  }

  // Issue 12: an agenda is a choice with a cost, not the status quo. Were any met at the start, a seat dealt it
  // would score its bonus for doing nothing (5 of 6 seats could be dealt one met on day one before).
  test('no agenda is met at its era’s start: every one asks a seat to move something', () => {
    for (const id of BUILTIN_IDS) {
      const scenario = builtinScenario(id)!;
      // Except a status quo the era's own script threatens: a flag a scheduled event sets (the 1978 treaty, which
      // Moscow can only hold off by keeping Tokyo and Beijing apart).
      const scripted = new Set(
        scenario.events.flatMap((e) => e.effects.flatMap((x) => (x.type === 'flag' ? [x.flag] : []))),
      );
      const metAtStart = scenario.agendas
        .filter((a) => judged(id, a.id, []))
        .filter((a) => !a.conditions.some((c) => c.type === 'flag' && scripted.has(c.flag)))
        .map((a) => a.id);
      expect(metAtStart, id).toEqual([]);
    }
  });

  test('"Linkage pays" is missed once the linkage is abandoned, whatever Japan demands', () => {
    const steps = [stage('sakhalin-2', 'producing'), position('japan', 'four-islands'), linkage(false)];
    expect(judged('yeltsin-1992', 'jp-linkage-pays', steps)).toBe(false);
  });
});

describe('the score breakdown', () => {
  test("each seat's terms add up to its public score, in every era", () => {
    for (const id of BUILTIN_IDS) {
      const scenario = builtinScenario(id)!;
      registerScenario(scenario);
      const G = createInitialState(scenario, 'breakdown');
      G.treaty = { formula: 'two-islands', year: G.year, status: 'ratified' };
      japanHolds(2)(G);
      for (const seat of SEATS) {
        const terms = scoreBreakdown(G, seat);
        const sum = terms.reduce((a, t) => a + t.value, 0);
        // The public score is the sum rounded to a tenth.
        expect(Math.abs(publicScore(G, seat) - sum), `${id} ${seat}`).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(new Set(terms.map((t) => t.term)).size, 'no term twice').toBe(terms.length);
      }
      // The ratified treaty is China's loss as far as it isolates Beijing, shown as its own term.
      expect(scoreBreakdown(G, 'china').find((t) => t.term === 'treaty')?.value).toBeCloseTo(
        -10 * chinaThreat(G),
        9,
      );
    }
  });
});
