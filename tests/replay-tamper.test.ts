// Protects replay verification: replays from the command line, a browser-style human seat and a facilitator verify;
// every kind of tampering is refused with a message naming the problem and, where it applies, the first divergent round.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { legalProposals, nextOrderChoices } from '../src/game/legal';
import { run } from '../src/cli/main';
import { runReplay } from '../src/cli/replay';
import { cliOf } from './cli-capture';
import { SEATS } from '../src/game/vocabulary';
import { RULES_VERSION } from '../src/game/state';
import { MatchDriver, stateHash } from '../src/match/match';
import {
  MAX_REPLAY_CHARS,
  REPLAY_FORMAT_VERSION,
  type Replay,
  buildReplay,
  parseReplayText,
  serializeReplay,
  verifyReplay,
} from '../src/match/replay';
import { botReplay, driveMatch, mustMove, roundOfAction, scenarioById, seatsOf } from './replay-helpers';

let dir: string;
let cliFile: string;
let cliText: string;
let yearStarts: { round: number; year: number; action: number }[];

const clone = (): Replay => JSON.parse(cliText) as Replay;

function check(replay: Replay | string) {
  const text = typeof replay === 'string' ? replay : JSON.stringify(replay);
  const parsed = parseReplayText(text);
  return parsed.ok ? verifyReplay(parsed.replay) : parsed;
}

const cli = cliOf(run);
const replayCli = cliOf(runReplay);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-water-tamper-'));
  cliFile = path.join(dir, 'cli.json');
  const r = cli('play', '--scenario', 'yeltsin-1992', '--seed', 'tamper', '--out', cliFile);
  expect(r.code).toBe(0);
  cliText = fs.readFileSync(cliFile, 'utf8');
  const verified = verifyReplay(clone());
  if (!verified.ok) throw new Error(verified.error);
  yearStarts = verified.yearStarts;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The index of the n-th action (0-based) of a move in a round. */
function actionIn(
  replay: Replay,
  round: number,
  move: string,
  nth = 0,
  accept?: (args: unknown[]) => boolean,
): number {
  const found = replay.actions
    .map((a, i) => ({ a, i }))
    .filter(
      ({ a, i }) => a[1] === move && roundOfAction(yearStarts, i) === round && (!accept || accept(a[2])),
    );
  if (!found[nth]) throw new Error(`no ${move} #${nth} in round ${round}`);
  return found[nth].i;
}

describe('a replay from the command line', () => {
  test('verifies, through the API and the command line', () => {
    const result = check(cliText);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rounds).toBe(8);
    const out: string[] = [];
    expect(runReplay(['verify', cliFile], (l) => out.push(l))).toBe(0);
    expect(out[0]).toMatch(/ok — yeltsin-1992, seed tamper, 8 rounds verified/);
  });
});

describe('tampering is refused', () => {
  type Case = [string, (r: Replay) => Replay | string, RegExp, number | undefined];
  const cases: Case[] = [
    [
      'an edited action (round 3 orders)',
      (r) => {
        const i = actionIn(
          r,
          3,
          'commitOrders',
          0,
          (args) => ((args[0] as { orders: unknown[] }).orders ?? []).length > 0,
        );
        r.actions[i][2] = [{ orders: [] }];
        return r;
      },
      /round 3 \(1994\) differs/,
      3,
    ],
    [
      'an edited reason only (round 2 orders)',
      (r) => {
        const i = actionIn(
          r,
          2,
          'commitOrders',
          0,
          (args) => ((args[0] as { orders: unknown[] }).orders ?? []).length > 0,
        );
        (r.actions[i][2][0] as { orders: { reason?: unknown }[] }).orders[0].reason = {
          code: 'what-if-seeks-treaty',
        };
        return r;
      },
      /round 2 \(1993\) differs/,
      2,
    ],
    [
      'two proposals of round 4 reordered',
      (r) => {
        const a = actionIn(r, 4, 'propose', 0);
        const b = actionIn(r, 4, 'propose', 1);
        [r.actions[a], r.actions[b]] = [r.actions[b], r.actions[a]];
        return r;
      },
      /round 4(, | \()1995/,
      4,
    ],
    [
      'a dropped ready of round 2',
      (r) => {
        r.actions.splice(actionIn(r, 2, 'ready', 0), 1);
        return r;
      },
      /round 2, 1993\) is refused by the rules|round 2 \(1993\) differs/,
      2,
    ],
    [
      'a dropped commit of round 5',
      (r) => {
        r.actions.splice(actionIn(r, 5, 'commitOrders', 2), 1);
        return r;
      },
      /round 5/,
      5,
    ],
    [
      'the last action dropped',
      (r) => {
        r.actions.pop();
        return r;
      },
      /the replay ends before round 8 \(1999\)/,
      8,
    ],
    [
      'a duplicated action',
      (r) => {
        const i = actionIn(r, 6, 'propose', 0);
        r.actions.splice(i, 0, r.actions[i]);
        return r;
      },
      /round 6/,
      6,
    ],
    ['another seed', (r) => ({ ...r, seed: 'another' }), /round 1 \(1992\)/, 1],
    [
      'another scenario hash',
      (r) => ({ ...r, scenario: { ...r.scenario, hash: '0123456789abcdef' } }),
      /scenario "yeltsin-1992" differs from the one the replay was made with \(replay: version 1, hash 0123456789abcdef; this build: version 1, hash [0-9a-f]{16}\)/,
      undefined,
    ],
    [
      'another scenario version',
      (r) => ({ ...r, scenario: { ...r.scenario, version: 2 } }),
      /replay: version 2, .*this build: version 1/,
      undefined,
    ],
    [
      'a modified embedded scenario',
      (r) => {
        const doc = structuredClone(scenarioById('yeltsin-1992')) as { events: { title: string }[] };
        doc.events[0].title = 'A different history';
        return { ...r, scenario: { ...r.scenario, document: doc } };
      },
      /scenario "yeltsin-1992" differs/,
      undefined,
    ],
    [
      'an unknown scenario id',
      (r) => ({ ...r, scenario: { ...r.scenario, id: 'atlantis-2050' } }),
      /unknown scenario "atlantis-2050" and none embedded/,
      undefined,
    ],
    [
      'truncated JSON',
      () => cliText.slice(0, Math.floor(cliText.length / 2)),
      /not valid JSON \(truncated or damaged\?\)/,
      undefined,
    ],
    ['an empty file', () => '  \n', /the file is empty/, undefined],
    [
      'a 50 MB file',
      () => ' '.repeat(50 * 1024 * 1024),
      /too large for a replay \(52428800 characters; at most 8000000\)/,
      undefined,
    ],
    [
      'another format version',
      (r) => ({ ...r, formatVersion: REPLAY_FORMAT_VERSION + 1 }),
      /replay format version 2 is not supported; this build reads version 1/,
      undefined,
    ],
    [
      'another rules version',
      (r) => ({ ...r, rulesVersion: RULES_VERSION + 7 }),
      new RegExp(
        `rules version ${RULES_VERSION + 7}; this build plays rules version ${RULES_VERSION} and cannot reproduce it`,
      ),
      undefined,
    ],
    ['not a replay', () => '{"format":"chess-pgn"}', /not an Oil & Water replay/, undefined],
    [
      'a malformed action',
      (r) => ({ ...r, actions: [...r.actions, ['9', 'ready', []]] as Replay['actions'] }),
      /malformed replay at actions\.\d+\.0/,
      undefined,
    ],
    [
      'an edited round hash',
      (r) => ({
        ...r,
        roundHashes: r.roundHashes.map((h, i) => (i === 4 ? { ...h, hash: 'ffffffffffffffff' } : h)),
      }),
      /round 5 \(1996\) differs: the replay says ffffffffffffffff/,
      5,
    ],
    [
      'an edited final hash',
      (r) => ({ ...r, finalHash: 'ffffffffffffffff' }),
      /the final state differs: the replay says ffffffffffffffff/,
      8,
    ],
    [
      'a false finished flag',
      (r) => ({ ...r, finished: false }),
      /the replay says the match was unfinished, but re-playing disagrees/,
      undefined,
    ],
  ];

  test.each(cases)('%s', (_name, tamper, message, round) => {
    const result = check(tamper(clone()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(message);
    if (round !== undefined) expect('round' in result ? result.round : undefined).toBe(round);
  });

  test('two independent moves swapped leave every state hash equal, and are still caught by the actions hash', () => {
    const r = clone();
    // Two seats' ready in the briefing: the same state whichever comes first.
    [r.actions[0], r.actions[1]] = [r.actions[1], r.actions[0]];
    const result = check(r);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(
        /the actions are not the ones the replay recorded .* although every state hash matches/,
      );
    delete r.actionsHash;
    expect(check(r).ok).toBe(true);
  });

  test('the command line refuses a 50 MB file by its size before reading it', () => {
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024);
    const { code, err } = replayCli('verify', big);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(
      /big\.json: too large \(52428800 bytes; a replay is at most 8000000 characters\)/,
    );
    expect(MAX_REPLAY_CHARS).toBe(8_000_000);
  });

  test('the command line names the file and the first divergent round', () => {
    const r = clone();
    r.seed = 'another';
    const file = path.join(dir, 'seed.json');
    fs.writeFileSync(file, JSON.stringify(r));
    const { code, err } = replayCli('verify', file);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/seed\.json: .*round 1/);
    expect(err[0]).not.toMatch(/\n\s+at /);
  });
});

describe('fuzz', () => {
  type Mutation =
    | { kind: 'drop'; at: number }
    | { kind: 'duplicate'; at: number }
    | { kind: 'swap'; at: number }
    | { kind: 'player'; at: number; player: number }
    | { kind: 'args'; at: number; args: unknown[] }
    | { kind: 'move'; at: number; move: string };
  const at = fc.nat();
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at }),
    fc.record({ kind: fc.constant('duplicate' as const), at }),
    fc.record({ kind: fc.constant('swap' as const), at }),
    fc.record({ kind: fc.constant('player' as const), at, player: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('args' as const), at, args: fc.array(fc.jsonValue(), { maxLength: 2 }) }),
    fc.record({
      kind: fc.constantFrom('move' as const),
      at,
      move: fc.constantFrom('ready', 'propose', 'commitOrders', 'advance', 'decide'),
    }),
  );

  function mutate(replay: Replay, m: Mutation): Replay {
    const actions = replay.actions.map(
      (a) => [a[0], a[1], structuredClone(a[2])] as Replay['actions'][number],
    );
    const i = m.at % actions.length;
    switch (m.kind) {
      case 'drop':
        actions.splice(i, 1);
        break;
      case 'duplicate':
        actions.splice(i, 0, actions[i]);
        break;
      case 'swap':
        if (i + 1 < actions.length) [actions[i], actions[i + 1]] = [actions[i + 1], actions[i]];
        break;
      case 'player':
        actions[i] = [String(m.player) as Replay['actions'][number][0], actions[i][1], actions[i][2]];
        break;
      case 'args':
        actions[i] = [actions[i][0], actions[i][1], m.args];
        break;
      case 'move':
        actions[i] = [actions[i][0], m.move, actions[i][2]];
        break;
    }
    return { ...replay, actions };
  }

  /** The final state hash of an action list on the plain rules, or 'refused'. */
  function replayed(replay: Replay): string {
    const driver = new MatchDriver({ scenario: scenarioById(replay.scenario.id), seed: replay.seed });
    for (const [p, move, args] of replay.actions) if (!driver.move(p, move, args)) return 'refused';
    return stateHash(driver.G);
  }

  test('verify never throws, never accepts changed actions, and without the actions hash accepts only a same final state', () => {
    // boardgame.io logs every refused move outside production builds; refusals are the point here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Three years of a match keep each run short; every kind of action is in them.
    const original = JSON.parse(serializeReplay(botReplay('yeltsin-1992', 'fuzz', 3))) as Replay;
    expect(check(original).ok).toBe(true);
    fc.assert(
      fc.property(mutation, (m) => {
        const changed = mutate(original, m);
        const same = JSON.stringify(changed.actions) === JSON.stringify(original.actions);
        const result = check(changed);
        expect(result.ok).toBe(same);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
        const legacy = { ...changed };
        delete legacy.actionsHash;
        const legacyResult = check(legacy);
        if (legacyResult.ok) expect(replayed(legacy)).toBe(original.finalHash);
      }),
      { numRuns: 40, seed: 20_240_611 },
    );
    quiet.mockRestore();
  }, 60_000);
});

describe('replays from the other modes verify', () => {
  test('a browser-style match: a human seat that talks, proposes, decides and commits orders', () => {
    const scenario = scenarioById('yeltsin-1992');
    const seed = 'browser-style';
    let statements = 0;
    const driver = driveMatch({
      scenario,
      seed,
      humans: ['japan'],
      act: (d) => {
        if (d.G.ready.japan) return;
        const view = d.view('japan');
        if (d.state.ctx.phase === 'diplomacy') {
          for (const decision of view.decisions.filter(
            (x) => x.seat === 'japan' && x.chosen === null && x.round === view.round,
          )) {
            mustMove(d, 'japan', 'decide', [{ id: decision.id, option: decision.options[0].id }]);
          }
          mustMove(d, 'japan', 'makeStatement', [
            { text: `Japan's position in ${d.G.year}: the four islands.` },
          ]);
          statements += 1;
          mustMove(d, 'japan', 'sendMessage', [{ to: 'russia', text: 'Shall we talk about Sakhalin?' }]);
          const proposal = legalProposals(view, 'japan', ['summit'])[0];
          if (proposal) mustMove(d, 'japan', 'propose', [proposal]);
        }
        if (d.state.ctx.phase === 'policy') {
          const choice = nextOrderChoices(view, 'japan', [])[0];
          mustMove(d, 'japan', 'commitOrders', [{ orders: choice ? [choice] : [] }]);
          return;
        }
        mustMove(d, 'japan', 'ready');
      },
    });
    expect(driver.over).toBe(true);
    expect(statements).toBe(8);
    const replay = buildReplay({
      scenario,
      seed,
      seats: seatsOf((s) => (s === 'japan' ? 'human' : 'bot:random')),
      driver,
      createdBy: 'browser',
    });
    const result = check(serializeReplay(replay));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.replay.createdBy).toBe('browser');
      expect(result.driver.G.messages.filter((m) => m.from === 'japan' && m.to === 'all')).toHaveLength(8);
    }
  });

  test('a facilitated match: the facilitator injects events and advances an idle seat', () => {
    const scenario = scenarioById('abe-2013');
    const seed = 'facilitated';
    const deck = scenario.wildcards.deck.map((c) => c.id);
    const driver = driveMatch({
      scenario,
      seed,
      humans: ['rok'],
      maxRounds: 4,
      act: (d) => {
        if (
          d.state.ctx.phase === 'diplomacy' &&
          d.G.round === 2 &&
          !d.G.news.some((n) => n.kind === 'injected')
        ) {
          const card = deck.find((id) => !d.G.drawn.includes(id));
          if (card) mustMove(d, 'facilitator', 'inject', [{ id: card }]);
        }
        if (d.state.ctx.phase === 'policy' && d.G.round === 3 && d.G.injected.length === 0) {
          const card = deck.find((id) => !d.G.drawn.includes(id));
          if (card) mustMove(d, 'facilitator', 'inject', [{ id: card }]);
        }
      },
      after: (d) => {
        if (!d.G.ready.rok) mustMove(d, 'facilitator', 'advance');
      },
    });
    const facilitatorMoves = driver.actions.filter((a) => a.playerID === '6').map((a) => a.move);
    expect(facilitatorMoves.filter((m) => m === 'inject')).toHaveLength(2);
    expect(facilitatorMoves.filter((m) => m === 'advance').length).toBeGreaterThanOrEqual(8);
    expect(driver.G.news.filter((n) => n.kind === 'injected')).toHaveLength(2);
    const replay = buildReplay({
      scenario,
      seed,
      seats: seatsOf((s) => (s === 'rok' ? 'human' : 'bot:random')),
      driver,
      createdBy: 'server',
    });
    expect(replay.finished).toBe(false);
    const result = check(serializeReplay(replay));
    expect(result.ok).toBe(true);

    // The facilitator's moves are checked like any other: another inject is caught in its round.
    const tampered = JSON.parse(serializeReplay(replay)) as Replay;
    const i = tampered.actions.findIndex((a) => a[0] === '6' && a[1] === 'inject');
    const other = deck.find(
      (id) => id !== (tampered.actions[i][2][0] as { id: string }).id && !driver.G.drawn.includes(id),
    );
    tampered.actions[i][2] = [{ id: other }];
    const refused = check(tampered);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect('round' in refused ? refused.round : undefined).toBe(2);
    expect(SEATS).toHaveLength(6);
  });
});
