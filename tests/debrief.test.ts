// Protects the debrief: the report of a known match holds its years, the era's history with what did not happen,
// each seat's decisions with reasons, scores placed against a baseline, the paper's questions with quotes, and
// renders every piece of match or scenario text escaped; `replay report` writes it and refuses bad inputs by name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nextOrderChoices } from '../src/game/legal';
import { runReplay } from '../src/cli/replay';
import { cliOf } from './cli-capture';
import { SEATS, perSeat } from '../src/game/vocabulary';
import type { GameState } from '../src/game/state';
import {
  type Baseline,
  type Debrief,
  baselineFromMatches,
  buildDebrief,
  parseBaselineText,
  percentileOf,
} from '../src/sim/debrief';
import { escapeHtml, renderDebriefHtml } from '../src/sim/debrief-html';
import { buildForkReplay, playFork, startFork } from '../src/match/fork';
import { type Replay, buildReplay, serializeReplay, verifyReplay } from '../src/match/replay';
import type { Scenario } from '../src/game/scenario-schema';
import { parseScenario } from '../src/game/scenario-validate';
import { makeScenario } from './fixtures/scenario';
import { RANDOM, botReplay, driveMatch, mustMove, scenarioById, seatsOf } from './replay-helpers';
import { makeBots } from '../src/bots/registry';

const HOSTILE_STATEMENT = '<script>alert(1)</script>';
const HOSTILE_MESSAGE = '<img src=x onerror=alert(2)> & "quotes"';

let dir: string;
let replay: Replay;
let scenario: Scenario;
let G: GameState;
let debrief: Debrief;
let html: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-water-debrief-'));
  scenario = scenarioById('yeltsin-1992');
  const seed = 'debrief';
  // Russia and China are played by people: Russia accepts the 1995 aid (history rejected it) and raises its
  // offer in 1992 with a reason (hardening is barred: the 1991 communiqué sets Russia's floor); China makes a hostile public statement; Russia a hostile private message.
  const driver = driveMatch({
    scenario,
    seed,
    humans: ['russia', 'china'],
    act: (d) => {
      const phase = d.state.ctx.phase;
      for (const seat of ['russia', 'china'] as const) {
        if (d.G.ready[seat]) continue;
        if (phase === 'diplomacy') {
          for (const dec of d.G.decisions.filter(
            (x) => x.seat === seat && x.chosen === null && x.round === d.G.round,
          )) {
            const option = dec.eventId === 'sakhalin-earthquake' ? 'accept' : dec.default;
            mustMove(d, seat, 'decide', [
              { id: dec.id, option, reason: { code: 'by-doctrine', args: { action: 'separate-economics' } } },
            ]);
          }
          if (seat === 'china' && d.G.year === 1992)
            mustMove(d, 'china', 'makeStatement', [{ text: HOSTILE_STATEMENT }]);
          if (seat === 'russia' && d.G.year === 1993)
            mustMove(d, 'russia', 'sendMessage', [{ to: 'japan', text: HOSTILE_MESSAGE }]);
        }
        if (phase === 'policy') {
          const harden = nextOrderChoices(d.view(seat), seat, []).find((o) => o.action === 'raise-offer');
          const orders =
            seat === 'russia' && d.G.year === 1992 && harden
              ? [{ ...harden, reason: { code: 'olive-branch' } as const }]
              : [];
          mustMove(d, seat, 'commitOrders', [{ orders }]);
        } else mustMove(d, seat, 'ready');
      }
    },
  });
  replay = buildReplay({
    scenario,
    seed,
    seats: seatsOf((s) => (s === 'russia' || s === 'china' ? 'human' : 'bot:random')),
    driver,
    createdBy: 'test',
  });
  const checked = verifyReplay(JSON.parse(serializeReplay(replay)) as Replay);
  if (!checked.ok) throw new Error(checked.error);
  G = checked.driver.G;
  debrief = buildDebrief({ replay: checked.replay, scenario: checked.scenario, G });
  html = renderDebriefHtml(debrief);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the debrief model of a known match', () => {
  test("states each seat's agenda with what it added when met or cost when missed, as the outcome counted it", () => {
    const outcome = G.outcome!;
    for (const s of debrief.seats) {
      const held = G.agendas[s.seat]!;
      expect(s.agenda).toMatchObject({ bonus: held.bonus, cost: held.cost, met: outcome.agendaMet[s.seat] });
      expect(outcome.agendaPoints?.[s.seat]).toBe(s.agenda!.met ? held.bonus : -held.cost);
      const line = s.agenda!.met
        ? `(bonus ${held.bonus}, met)`
        : `(bonus ${held.bonus}, not met: −${held.cost})`;
      expect(html).toContain(line);
    }
  });

  test('holds every year of the era with its round, and the outcome', () => {
    expect(debrief.years.map((y) => y.year)).toEqual([1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999]);
    expect(debrief.years.map((y) => y.round)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(debrief.finished).toBe(true);
    expect(debrief.outcome?.ranking).toHaveLength(6);
    expect(debrief.years.every((y) => !y.fromParent)).toBe(true);
  });

  test("places the era's scheduled events beside the match, and marks those that did not happen as drift", () => {
    const listed = debrief.years.flatMap((y) => y.history.map((h) => h.id));
    expect(listed.sort()).toEqual(scenario.events.map((e) => e.id).sort());
    for (const y of debrief.years) {
      for (const h of y.history) {
        const happened = G.news.some(
          (n) => n.kind === 'scheduled' && n.eventId === h.id && n.year === y.year,
        );
        expect(h.status).toBe(happened ? 'fired' : 'did-not-fire');
        if (!happened) expect(h.conditional).toBe(true);
        expect(
          debrief.drift.some(
            (d) => d.kind === 'event-did-not-fire' && d.year === y.year && d.text.startsWith(h.title),
          ),
        ).toBe(!happened);
      }
    }
    const quake = debrief.years[3].history.find((h) => h.id === 'sakhalin-earthquake');
    expect(quake?.sources[0]).toMatchObject({
      kind: 'paper',
      where: 'YELTSIN AND JAPAN › Progress, l. 450–452',
    });
  });

  test("records Russia's 1995 choice against history, with its reason, as the seat's key decision and as drift", () => {
    const quake = debrief.years[3].decisions.find(
      (d) => d.seat === 'russia' && d.prompt.startsWith('Japan offers aid'),
    );
    expect(quake).toMatchObject({
      chosen: 'Accept the Japanese aid',
      historical: "Reject it (Yeltsin's first answer)",
      againstHistory: true,
      reason: 'by doctrine: Separate economics from politics',
      answered: true,
    });
    expect(debrief.drift).toContainEqual({
      year: 1995,
      seat: 'russia',
      kind: 'decision-against-history',
      text: 'Russia chose "Accept the Japanese aid" where history chose "Reject it (Yeltsin\'s first answer)".',
    });
    expect(debrief.firstDriftYear).not.toBeNull();
    expect(debrief.firstDriftYear as number).toBeLessThanOrEqual(1995);
    const russia = debrief.seats.find((s) => s.seat === 'russia');
    expect(russia?.controller).toBe('human');
    expect(russia?.keyDecisions).toContainEqual(
      expect.objectContaining({ year: 1995, kind: 'decision', againstHistory: true }),
    );
    const harden = G.revealed[0].orders.russia.some((o) => o.action === 'raise-offer');
    expect(harden).toBe(true);
    expect(russia?.keyDecisions).toContainEqual({
      year: 1992,
      kind: 'order',
      text: 'Raise the territorial offer',
      reason: 'an olive branch: troop drawdown',
    });
  });

  test("lists bots' orders with their reasons and each seat's statements and messages", () => {
    const japan = debrief.seats.find((s) => s.seat === 'japan');
    expect(japan?.controller).toBe('bot:random');
    expect(debrief.years[0].orders.japan.every((o) => o.reason === 'random legal choice')).toBe(true);
    expect(debrief.years[0].statements).toEqual([
      { year: 1992, from: 'china', to: 'all', text: HOSTILE_STATEMENT },
    ]);
    expect(debrief.years[1].privateMessages).toContainEqual({
      year: 1993,
      from: 'russia',
      to: 'japan',
      text: HOSTILE_MESSAGE,
    });
    expect(debrief.seats.find((s) => s.seat === 'china')?.messages.map((m) => m.text)).toEqual([
      HOSTILE_STATEMENT,
    ]);
  });

  test("carries the scenario's questions with the paper's quotes: general ones for the class, the rest per seat", () => {
    const general = scenario.questions.filter((q) => !q.seat);
    expect(debrief.questions.map((q) => q.text)).toEqual(general.map((q) => q.text));
    const russia = debrief.seats.find((s) => s.seat === 'russia');
    expect(russia?.questions[0]).toMatchObject({
      text: expect.stringContaining("Yeltsin's stance shifted"),
      source: {
        kind: 'paper',
        text: "Yeltsin's attitudes and stance toward Japan was very inconsistent according to his political status",
      },
    });
    const perSeat = debrief.seats.reduce((n, s) => n + s.questions.length, 0);
    expect(perSeat + debrief.questions.length).toBe(scenario.questions.length);
  });

  test('charts follow the per-round snapshots', () => {
    const trust = debrief.charts
      .find((c) => c.id === 'russia-japan')
      ?.series.find((s) => s.key === 'trustJapanRussia');
    expect(trust?.values).toEqual(G.history.map((h) => ({ year: h.year, value: h.trustJapanRussia })));
    const scores = debrief.charts.find((c) => c.id === 'scores');
    expect(scores?.series.map((s) => s.seat)).toEqual([...SEATS]);
  });

  test('is a pure function of its input', () => {
    const again = buildDebrief({ replay, scenario, G });
    expect(again).toEqual(debrief);
    expect(renderDebriefHtml(again)).toBe(html);
  });
});

describe('the baseline and a reference run', () => {
  test.each([
    [5, [1, 2, 3, 4], 100],
    [0, [1, 2, 3, 4], 0],
    [2, [1, 2, 3, 4], 37.5],
    [2, [2, 2], 50],
    [3, [1, 2, 4, 5], 50],
  ])('score %d against %j is at percentile %d', (score, sample, expected) => {
    expect(percentileOf(score, sample)).toBe(expected);
  });

  test("places each seat's final score in the baseline distribution", () => {
    const scores = Object.fromEntries(
      SEATS.filter((s) => s !== 'dprk').map((s, i) => [s, Array.from({ length: 101 }, (_, k) => k - 50 + i)]),
    );
    const baseline: Baseline = { scenario: 'yeltsin-1992', bots: 'historical', runs: 101, scores };
    const d = buildDebrief({ replay, scenario, G, baseline });
    for (const seat of SEATS) {
      const report = d.seats.find((s) => s.seat === seat);
      if (seat === 'dprk') {
        expect(report?.baseline).toBeNull();
        continue;
      }
      const sample = scores[seat] as number[];
      expect(report?.baseline).toMatchObject({
        runs: 101,
        bots: 'historical',
        percentile: percentileOf(G.outcome?.finalScores[seat] as number, sample),
      });
      expect(report?.baseline?.median).toBe(sample[50]);
    }
    const page = renderDebriefHtml(d);
    expect(page).toContain('Against the historical baseline (101 runs, historical): percentile');
  });

  test('a reference run adds dashed lines and names where the indicators left it', () => {
    const reference = {
      label: 'historical bots',
      history: G.history.map((h) => ({ ...h, trustJapanRussia: h.trustJapanRussia + 30 })),
    };
    const d = buildDebrief({ replay, scenario, G, reference });
    const trust = d.charts[0].series.find((s) => s.key === 'trustJapanRussia');
    expect(trust?.divergence).toHaveLength(8);
    expect(d.drift).toContainEqual(
      expect.objectContaining({
        year: 1992,
        kind: 'indicator',
        text: expect.stringMatching(/^Trust Japan→Russia left the reference run \(historical bots\) in 1992/),
      }),
    );
    expect(d.charts[0].series.find((s) => s.key === 'trustRussiaJapan')?.divergence).toEqual([]);
    expect(renderDebriefHtml(d)).toContain('stroke-dasharray="5 4"');
  });

  test.each([
    ['{', /not valid JSON/],
    ['{"scores":{}}', /malformed baseline at scenario/],
    [
      '{"scenario":"yeltsin-1992","scores":{"mongolia":[1]}}',
      /malformed baseline at scores: Unrecognized key: "mongolia"/,
    ],
    ['{"scenario":"yeltsin-1992","scores":{"japan":["high"]}}', /malformed baseline at scores\.japan\.0/],
  ])('a bad baseline %s is refused by name', (text, message) => {
    const parsed = parseBaselineText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('unfinished matches and forks', () => {
  test('an unfinished match reports the years it reached, the last one part-way, and marks later events not reached', () => {
    const short = botReplay('abe-2013', 'unfinished', 2);
    const checked = verifyReplay(short);
    if (!checked.ok) throw new Error(checked.error);
    const d = buildDebrief({ replay: short, scenario: checked.scenario, G: checked.driver.G });
    expect(d.finished).toBe(false);
    expect(d.outcome).toBeNull();
    expect(d.years.map((y) => y.year)).toEqual([2013, 2014, 2015]);
    expect(d.lastYear).toBe(2015);
    expect(d.years[2].orders.japan).toEqual([]);
    expect(d.years[2].news.length).toBeGreaterThan(0);
    expect(d.seats.every((s) => s.rank === undefined)).toBe(true);
    const later = checked.scenario.events.filter((e) => e.year > 2015).map((e) => e.id);
    expect(later.length).toBeGreaterThan(0);
    expect(d.drift.some((x) => x.year > 2015)).toBe(false);
    expect(renderDebriefHtml(d)).toContain('The match did not finish: the report runs to 2015.');
  });

  test("a fork's report shades its parent's years and names the fork point and seed", () => {
    const fork = startFork(replay, 1996, 'debrief-fork');
    playFork(fork, makeBots(RANDOM));
    const forked = buildForkReplay(fork, { seats: seatsOf(() => 'bot:random') });
    const checked = verifyReplay(forked);
    if (!checked.ok) throw new Error(checked.error);
    const d = buildDebrief({ replay: forked, scenario: checked.scenario, G: checked.driver.G });
    expect(d.fork).toEqual({ year: 1996, parentFinalHash: replay.finalHash, reseed: 'debrief-fork' });
    expect(d.years.filter((y) => y.fromParent).map((y) => y.year)).toEqual([1992, 1993, 1994, 1995]);
    // The parent's 1995 choice is part of the fork's history.
    expect(d.drift).toContainEqual(expect.objectContaining({ year: 1995, kind: 'decision-against-history' }));
    expect(renderDebriefHtml(d)).toContain('draws from a new seed (debrief-fork) from there');
  });

  test('a baseline can be made from simulated matches', () => {
    const matches = [0, 1, 2].map((i) => ({
      finalScores: perSeat(() => i * 10),
    }));
    const baseline = baselineFromMatches('yeltsin-1992', matches, 'historical');
    expect(baseline).toMatchObject({ scenario: 'yeltsin-1992', runs: 3, bots: 'historical' });
    expect(baseline.scores.japan).toEqual([0, 10, 20]);
    expect(parseBaselineText(JSON.stringify(baseline)).ok).toBe(true);
  });
});

describe('the HTML report', () => {
  test('is one self-contained printable document with inline SVG charts and no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@media print');
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(7);
    expect(html).not.toMatch(/<script|src="http|href="http|<link /i);
    for (const id of ['outcome', 'drift', 'timeline', 'charts', 'seats', 'orders', 'questions'])
      expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Earthquake at Neftegorsk');
    expect(html).toContain('an olive branch: troop drawdown');
    expect(html).toContain(
      escapeHtml(
        "Yeltsin's attitudes and stance toward Japan was very inconsistent according to his political status",
      ),
    );
  });

  test('escapes a hostile statement and message', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain(HOSTILE_STATEMENT);
    expect(html).not.toContain('<img');
  });

  test('escapes hostile scenario text in an embedded scenario', () => {
    const hostile = '"><svg onload=alert(3)>';
    const input = makeScenario({
      name: `Era ${hostile}`,
      questions: [{ text: `Why ${hostile}?`, source: { kind: 'design', note: `note ${hostile}` } }],
    });
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(parsed.problems[0].message);
    const custom = parsed.scenario;
    const { driver } = { driver: driveMatch({ scenario: custom, seed: 'hostile' }) };
    const r = buildReplay({ scenario: custom, seed: 'hostile', seats: seatsOf(() => 'bot:random'), driver });
    expect(r.scenario.document).toBeDefined();
    const checked = verifyReplay(r);
    if (!checked.ok) throw new Error(checked.error);
    const page = renderDebriefHtml(
      buildDebrief({ replay: r, scenario: checked.scenario, G: checked.driver.G }),
    );
    expect(page).not.toContain(hostile);
    expect(page).toContain(escapeHtml(`Why ${hostile}?`));
    expect(page).not.toMatch(/<svg onload/);
  });
});

describe('replay report on the command line', () => {
  let file: string;
  beforeAll(() => {
    file = path.join(dir, 'match.json');
    fs.writeFileSync(file, serializeReplay(replay));
  });
  const cli = cliOf(runReplay);
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  test('writes the report, with a baseline file and a reference replay', () => {
    const out = path.join(dir, 'report', 'match.html');
    const baseline = write(
      'baseline.json',
      JSON.stringify({ scenario: 'yeltsin-1992', runs: 3, scores: { japan: [1, 2, 3] } }),
    );
    const reference = write('reference.json', serializeReplay(botReplay('yeltsin-1992', 'reference')));
    const r = cli('report', file, '--html', out, '--baseline', baseline, '--reference', reference);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /match\.html: after-action report of .* — 8 years, \d+ departures from history \(first in \d{4}\), baseline of 3 runs/,
    );
    const page = fs.readFileSync(out, 'utf8');
    expect(page).toContain('Dashed lines: the reference run (reference.json, seed reference)');
    expect(page).toContain('Against the historical baseline (3 runs)');
  });

  test.each([
    [['report', 'FILE'], 2, /--html OUT is required/],
    [['report', '--html', 'OUT'], 2, /usage: replay report FILE/],
    [
      [
        'report',
        'FILE',
        '--html',
        'OUT',
        '--baseline',
        'BASE:{"scenario":"abe-2013","scores":{"japan":[1]}}',
      ],
      1,
      /the baseline is for scenario "abe-2013", the replay plays "yeltsin-1992"/,
    ],
    [
      ['report', 'FILE', '--html', 'OUT', '--baseline', 'BASE:[1,2]'],
      1,
      /base\.json: malformed baseline at \(top level\)/,
    ],
    [
      ['report', 'FILE', '--html', 'OUT', '--reference', 'REF'],
      1,
      /the reference run plays "abe-2013", the replay plays "yeltsin-1992"/,
    ],
    [['report', 'BAD', '--html', 'OUT'], 1, /bad\.json: round 1 \(1992\) differs/],
  ])('%j exits %i', (argv, code, message) => {
    const outFile = path.join(dir, 'never.html');
    const args = (argv as string[]).map((a) => {
      if (a === 'FILE') return file;
      if (a === 'OUT') return outFile;
      if (a.startsWith('BASE:')) return write('base.json', a.slice(5));
      if (a === 'REF') return write('ref.json', serializeReplay(botReplay('abe-2013', 'ref', 1)));
      if (a === 'BAD') return write('bad.json', JSON.stringify({ ...replay, seed: 'other' }));
      return a;
    });
    const r = cli(...args);
    expect(r.code).toBe(code);
    expect(r.err.join('\n')).toMatch(message);
    expect(fs.existsSync(outFile)).toBe(false);
  });
});
