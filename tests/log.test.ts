// Protects "a log that is data": the rules record typed entries (a kind with seats, ids and numbers, no prose), the
// text is rendered at the edges through a catalogue with the scenario's names (never a raw id), and the debrief and
// the bots read kinds, not wording.
import { describe, expect, test } from 'vitest';
import { LOG_TEXT, logLine } from '../src/client/strings';
import { describeLogEntry } from '../src/game/log';
import { resolveRound } from '../src/game/resolution';
import {
  type GameState,
  type LogEntry,
  type LogKind,
  createInitialState,
  scenarioOf,
} from '../src/game/state';
import { parseScenario } from '../src/game/scenario-validate';
import { recentIncident } from '../src/bots/doctrine';
import { buildDebrief } from '../src/sim/debrief';
import { logEntryText } from '../src/sim/log-text';
import { makeScenario } from './fixtures/scenario';
import { botReplay, scenarioById } from './replay-helpers';
import { buildReplay, verifyReplay } from '../src/match/replay';

const KINDS: LogKind[] = [
  'decision-pending',
  'decision-made',
  'agreement',
  'treaty-ratified',
  'treaty-not-ratified',
  'backlash',
  'leader-fell',
  'fishing-incident',
  'project-stage',
  'china-backs-japan',
];

function fixtureState(seed = 'log'): GameState {
  const parsed = parseScenario(makeScenario());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const G = createInitialState(parsed.scenario, seed);
  G.round = 1;
  return G;
}

/** A state where Russia's concession certainly backfires and topples its leader. */
function backlashState(): GameState {
  const G = fixtureState();
  G.domestic.russia = { pressure: 100, capital: 5, strain: 40 };
  G.positions.russia = 2;
  return G;
}

describe('the rules record data', () => {
  test('a backlash that topples a leader is two entries with the seat and the fallen leader, and no text', () => {
    const G = backlashState();
    const leader = G.leaders.russia;
    resolveRound(G);
    const mine = G.log.filter((e) => e.kind === 'backlash' || e.kind === 'leader-fell');
    expect(mine).toEqual([
      { round: 1, year: scenarioOf(G).startYear, kind: 'backlash', seat: 'russia' },
      { round: 1, year: scenarioOf(G).startYear, kind: 'leader-fell', seat: 'russia', leader },
    ]);
  });

  test('a played match logs only known kinds, none carrying prose', () => {
    const check = verifyReplay(botReplay('yeltsin-1992', 'log-kinds', 4));
    if (!check.ok) throw new Error(check.error);
    const log = check.driver.G.log;
    expect(log.length).toBeGreaterThan(0);
    for (const entry of log) {
      expect(KINDS).toContain(entry.kind);
      expect(Object.keys(entry)).not.toContain('text');
      expect(logEntryText(entry, check.scenario)).not.toMatch(/undefined|\[object/);
    }
  });
});

describe('rendering at the edges', () => {
  const scenario = scenarioById('abe-2013');
  const project = scenario.projects[0];
  const decisionEvent = scenario.events.find((e) => e.decision)!;
  const option = decisionEvent.decision!.options.find((o) => o.id !== decisionEvent.decision!.default)!;
  const at = { round: 1, year: 2013 };
  const entries: [string, LogEntry, string][] = [
    ['project-stage', { ...at, kind: 'project-stage', project: project.id, stage: 'financed' }, project.name],
    [
      'agreement',
      {
        ...at,
        kind: 'agreement',
        proposalId: 'p1',
        proposal: 'energy-stake',
        from: 'japan',
        to: 'russia',
        terms: { project: project.id, share: 10 },
      },
      project.name,
    ],
    [
      'decision-made',
      {
        ...at,
        kind: 'decision-made',
        seat: decisionEvent.decision!.seat,
        eventId: decisionEvent.id,
        decisionId: 'd1',
        option: option.id,
      },
      option.label,
    ],
    [
      'decision-pending',
      {
        ...at,
        kind: 'decision-pending',
        seat: decisionEvent.decision!.seat,
        eventId: decisionEvent.id,
        decisionId: 'd1',
      },
      decisionEvent.decision!.prompt,
    ],
    [
      'treaty-not-ratified',
      { ...at, kind: 'treaty-not-ratified', seat: 'japan', formula: 'two-islands' },
      'Japan',
    ],
    ['leader-fell', { ...at, kind: 'leader-fell', seat: 'us', leader: 'Obama' }, 'United States'],
  ];

  test.each(entries)('%s shows the scenario names, not ids, in both catalogues', (_kind, entry, name) => {
    for (const text of [logLine(entry, scenario), logEntryText(entry, scenario)]) {
      expect(text).toContain(name);
      for (const id of [project.id, decisionEvent.id, option.id, 'two-islands']) {
        if (!name.includes(id)) expect(text).not.toContain(id);
      }
    }
  });

  test('the browser renders through its own catalogue', () => {
    const words = { ...LOG_TEXT, backlash: (seat: string) => `Rückschlag in ${seat}` };
    expect(describeLogEntry({ ...at, kind: 'backlash', seat: 'rok' }, words, scenario)).toBe(
      'Rückschlag in South Korea',
    );
  });
});

describe('readers use kinds', () => {
  test('the debrief turns backlash and a fallen leader into drift, with the seat, from the entries alone', () => {
    const check = verifyReplay(botReplay('abe-2013', 'log-debrief', 2));
    if (!check.ok) throw new Error(check.error);
    const G = structuredClone(check.driver.G) as GameState;
    const year = G.history[0].year;
    G.log.push(
      { round: 1, year, kind: 'backlash', seat: 'japan' },
      { round: 1, year, kind: 'leader-fell', seat: 'japan', leader: 'Abe' },
      { round: 1, year, kind: 'fishing-incident' },
    );
    const replay = buildReplay({
      scenario: check.scenario,
      seed: 'log-debrief',
      seats: check.replay.seats,
      driver: check.driver,
    });
    const d = buildDebrief({ replay, scenario: check.scenario, G });
    expect(d.drift).toContainEqual(expect.objectContaining({ year, kind: 'backlash', seat: 'japan' }));
    expect(d.drift).toContainEqual(expect.objectContaining({ year, kind: 'leader-fell', seat: 'japan' }));
    const y = d.years.find((x) => x.year === year)!;
    expect(y.log.filter((l) => l.drift).map((l) => l.kind)).toEqual(['backlash', 'leader-fell']);
    expect(y.log.map((l) => l.kind)).toContain('fishing-incident');
    expect(y.log.map((l) => l.kind)).not.toContain('agreement');
  });

  test('a bot sees a recent incident from a fishing-incident or a failed ratification entry', () => {
    const G = fixtureState();
    G.round = 3;
    expect(recentIncident(G)).toBe(false);
    G.log.push({ round: 3, year: G.year, kind: 'project-stage', project: 'x', stage: 'financed' });
    expect(recentIncident(G)).toBe(false);
    G.log.push({ round: 2, year: G.year, kind: 'treaty-not-ratified', seat: 'russia', formula: 'none' });
    expect(recentIncident(G)).toBe(true);
  });
});
