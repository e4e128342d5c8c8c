// Protects forks: a fork at year Y starts from exactly the parent's state at the start of Y (or the same state with a
// deterministic reseed), its replay verifies on its own, a fork of a fork verifies, tampering with the lineage is
// refused, and the command line plays a fork to the end and refuses years outside the parent's played range.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runReplay } from '../src/cli/replay';
import { cliOf } from './cli-capture';
import { MatchDriver, stateHash } from '../src/match/match';
import { buildForkReplay, forkReplay, forkStartHash, playFork, startFork } from '../src/match/fork';
import {
  type Replay,
  forkRngState,
  parseReplayText,
  serializeReplay,
  verifyReplay,
} from '../src/match/replay';
import { RANDOM, botReplay, mustMove, scenarioById, seatsOf } from './replay-helpers';
import { makeBots } from '../src/bots/registry';

let dir: string;
let parent: Replay;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-water-fork-'));
  parent = botReplay('yeltsin-1992', 'fork-parent');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Re-plays the parent on a plain driver until year Y has begun: the state a fork at Y must start from. */
function parentAtStartOf(replay: Replay, year: number): MatchDriver {
  const driver = new MatchDriver({ scenario: scenarioById(replay.scenario.id), seed: replay.seed });
  for (const [p, move, args] of replay.actions) {
    if (driver.G.round > 0 && driver.G.year === year && driver.state.ctx.phase === 'diplomacy') break;
    if (!driver.move(p, move, args)) throw new Error('parent refused');
  }
  return driver;
}

function roundTrip(replay: Replay): Replay {
  const parsed = parseReplayText(serializeReplay(replay));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.replay;
}

const seats = seatsOf(() => 'bot:random');

describe('the fork point', () => {
  test.each([1992, 1995, 1999])(
    'a fork at %i without a seed has the parent state of that year, hash for hash',
    (year) => {
      const fork = startFork(parent, year);
      const reference = parentAtStartOf(parent, year);
      expect(reference.G.year).toBe(year);
      expect(forkStartHash(fork)).toBe(stateHash(reference.G));
      expect(fork.driver.G).toEqual(reference.G);
      expect(fork.driver.state.ctx).toEqual(reference.state.ctx);
      expect(fork.driver.state.ctx.phase).toBe('diplomacy');
      // The start of the year: its News has run, nothing of it has been answered yet.
      expect(fork.driver.G.news.some((n) => n.year === year)).toBe(true);
      expect(fork.driver.G.ready).toEqual({
        russia: false,
        japan: false,
        china: false,
        us: false,
        rok: false,
        dprk: false,
      });
      expect(fork.parent).toMatchObject({
        year,
        round: year - 1991,
        finalHash: parent.finalHash,
        prefixHash: stateHash(reference.G),
      });
      expect(fork.driver.actions).toHaveLength(fork.parent.prefixLength as number);
      expect(fork.driver.roundHashes).toEqual(parent.roundHashes.slice(0, year - 1992));
    },
  );

  test('a reseeded fork keeps everything before the year and draws from the new seed deterministically', () => {
    const a = startFork(parent, 1996, 'what-if');
    const b = startFork(parent, 1996, 'what-if');
    const c = startFork(parent, 1996, 'another');
    const plain = startFork(parent, 1996);
    expect(forkStartHash(a)).toBe(forkStartHash(b));
    expect(forkStartHash(a)).not.toBe(forkStartHash(plain));
    expect(forkStartHash(a)).not.toBe(forkStartHash(c));
    // The years before the fork are the parent's; the seed took over just before 1996's News.
    expect(a.driver.G.history).toEqual(plain.driver.G.history);
    expect(a.driver.G.news.filter((n) => n.year < 1996)).toEqual(
      plain.driver.G.news.filter((n) => n.year < 1996),
    );
    expect(a.parent).toMatchObject({ reseed: 'what-if', prefixHash: forkStartHash(plain) });
    expect(a.reseeds).toEqual([{ at: (a.parent.prefixLength as number) - 1, seed: 'what-if' }]);
    expect(forkRngState('what-if')).toEqual(forkRngState('what-if'));
    expect(forkRngState('what-if')).not.toEqual(forkRngState('another'));
  });

  test.each([
    [1991, /cannot fork at 1991: the parent played 1992–1999/],
    [2000, /cannot fork at 2000: the parent played 1992–1999 \(yeltsin-1992 runs 1992–1999\)/],
    [1995.5, /cannot fork at 1995.5/],
  ])('a fork at %s is refused', (year, message) => {
    const result = forkReplay(parent, { year });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test('an unfinished parent can be forked only within the years it played', () => {
    const short = botReplay('abe-2013', 'short', 3);
    expect(short.finished).toBe(false);
    // Three rounds played; the fourth year's News has run, so its start can be forked too.
    expect(forkReplay(short, { year: 2016 }).ok).toBe(true);
    const late = forkReplay(short, { year: 2017 });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error).toMatch(/the parent played 2013–2016/);
  });

  test('a parent that does not verify cannot be forked', () => {
    const bad = { ...parent, seed: 'tampered' };
    const result = forkReplay(bad, { year: 1995 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^the parent replay does not verify: .*round 1/);
    const seed = forkReplay(parent, { year: 1995, seed: 'x'.repeat(65) });
    expect(seed.ok).toBe(false);
  });
});

describe('fork replays', () => {
  test('a fork played to the end verifies, and so do a fork of it at the same year and at a later year', () => {
    const fork = startFork(parent, 1994, 'first');
    playFork(fork, makeBots(RANDOM));
    const first = roundTrip(buildForkReplay(fork, { seats, createdBy: 'test' }));
    expect(first.finished).toBe(true);
    expect(first.parent).toMatchObject({ year: 1994, reseed: 'first' });
    const checked = verifyReplay(first);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(stateHash(checked.driver.G)).toBe(first.finalHash);

    const same = startFork(first, 1994, 'second');
    expect(same.reseeds.map((r) => r.seed)).toEqual(['first', 'second']);
    playFork(same, makeBots(RANDOM));
    const second = roundTrip(buildForkReplay(same, { seats }));
    expect(verifyReplay(second).ok).toBe(true);

    const later = startFork(second, 1997);
    expect(forkStartHash(later)).toBe(stateHash(parentAtStartOfFork(second, 1997).G));
    playFork(later, makeBots(RANDOM));
    const third = roundTrip(buildForkReplay(later, { seats }));
    expect(third.reseeds?.map((r) => r.seed)).toEqual(['first', 'second']);
    expect(verifyReplay(third).ok).toBe(true);
  });

  test('what if Russia had accepted the aid in 1995: a human choice in a fork verifies', () => {
    const fork = startFork(parent, 1995);
    const decision = fork.driver.G.decisions.find(
      (d) => d.eventId === 'sakhalin-earthquake' && d.chosen === null,
    );
    expect(decision).toBeDefined();
    mustMove(fork.driver, 'russia', 'decide', [{ id: decision?.id, option: 'accept' }]);
    playFork(fork, makeBots(RANDOM));
    const replay = roundTrip(
      buildForkReplay(fork, { seats: seatsOf((s) => (s === 'russia' ? 'human' : 'bot:random')) }),
    );
    const checked = verifyReplay(replay);
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(checked.driver.G.decisions.find((d) => d.id === decision?.id)?.chosen).toBe('accept');
  });

  describe('tampering with the lineage is refused', () => {
    let fork: Replay;
    beforeAll(() => {
      const f = startFork(parent, 1996, 'lineage');
      playFork(f, makeBots(RANDOM));
      fork = roundTrip(buildForkReplay(f, { seats }));
    });
    const tamper = (change: (r: Replay) => void) => {
      const r = structuredClone(fork);
      change(r);
      const parsed = parseReplayText(JSON.stringify(r));
      return parsed.ok ? verifyReplay(parsed.replay) : parsed;
    };

    test.each<[string, (r: Replay) => void, RegExp]>([
      [
        'another parent state',
        (r) => {
          (r.parent as { prefixHash: string }).prefixHash = '0000000000000000';
        },
        /the fork's \d+ parent actions do not reproduce its parent's state at 1996, round 5: the replay says 0000000000000000/,
      ],
      [
        'another reseed',
        (r) => ((r.reseeds as { seed: string }[])[0].seed = 'other'),
        /the fork's reseed must be the last reseed/,
      ],
      [
        'another reseed, consistently',
        (r) => {
          (r.reseeds as { seed: string }[])[0].seed = 'other';
          (r.parent as { reseed: string }).reseed = 'other';
        },
        /round 4 \(1995\) differs/,
      ],
      ['a reseed dropped', (r) => delete r.reseeds, /the fork's reseed must be the last reseed/],
      [
        'a reseed moved into the middle of a year',
        (r) => {
          (r.reseeds as { at: number }[])[0].at -= 1;
          (r.parent as { prefixLength: number }).prefixLength -= 1;
        },
        /a reseed is recorded at action \d+ .* but that action does not begin a year/,
      ],
      [
        'a prefix that stops short of the fork year',
        (r) => {
          delete r.reseeds;
          delete (r.parent as { reseed?: string }).reseed;
          (r.parent as { prefixLength: number }).prefixLength -= 3;
        },
        /the fork's \d+ parent actions end in round 4 \(1995\), not at the start of 1996, round 5/,
      ],
      [
        'another seed than the parent',
        (r) => (r.seed = 'x'),
        /malformed replay at parent\.seed: a fork keeps its parent's seed/,
      ],
      [
        'a prefix longer than the actions',
        (r) => ((r.parent as { prefixLength: number }).prefixLength = 100_000),
        /parent\.prefixLength: longer than/,
      ],
    ])('%s', (_name, change, message) => {
      const result = tamper(change);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  });
});

/** A plain re-play of a fork replay up to a year, honouring its reseeds, through verification's own runner. */
function parentAtStartOfFork(replay: Replay, year: number): { G: MatchDriver['G'] } {
  const checked = verifyReplay(replay);
  if (!checked.ok) throw new Error(checked.error);
  const start = checked.yearStarts.find((y) => y.year === year);
  if (!start) throw new Error(`no ${year}`);
  const partial = verifyReplay({ ...replay }, { untilYear: year - 1 });
  if (!partial.ok) throw new Error(partial.error);
  expect(stateHash(partial.driver.G)).toBe(start.hash);
  return partial.driver;
}

describe('replay fork on the command line', () => {
  let parentFile: string;
  beforeAll(() => {
    parentFile = path.join(dir, 'parent.json');
    fs.writeFileSync(parentFile, serializeReplay(parent));
  });
  const cli = cliOf(runReplay);

  test('plays the fork to the end with the chosen bots and writes a replay that verifies; the same command, the same file', () => {
    const a = path.join(dir, 'fork-a.json');
    const b = path.join(dir, 'fork-b.json');
    const r = cli('fork', parentFile, '--year', '1995', '--seed', 's', '--bots', 'random', '--out', a);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /forked .* at the start of 1995 \(round 4, parent state [0-9a-f]{16}\), reseeded with "s"/,
    );
    expect(cli('fork', parentFile, '--year', '1995', '--seed', 's', '--out', b).code).toBe(0);
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
    const v = cli('verify', a);
    expect(v.code).toBe(0);
    expect(v.out[0]).toMatch(/ok — yeltsin-1992, seed fork-parent, a fork at 1995, 8 rounds verified/);
    const replay = JSON.parse(fs.readFileSync(a, 'utf8')) as Replay;
    expect(replay.createdBy).toBe('cli-fork');
    expect(replay.parent).toMatchObject({ year: 1995, round: 4, reseed: 's', finalHash: parent.finalHash });
  });

  test.each([
    [
      ['fork', 'PARENT', '--year', '2005', '--out', 'OUT'],
      1,
      /parent\.json: cannot fork at 2005: the parent played 1992–1999/,
    ],
    [
      ['fork', 'PARENT', '--year', 'soon', '--out', 'OUT'],
      2,
      /--year must be a year such as 1995, not "soon"/,
    ],
    [['fork', 'PARENT', '--out', 'OUT'], 2, /--year Y is required/],
    [['fork', 'PARENT', '--year', '1995'], 2, /--out FILE is required/],
    [
      ['fork', 'PARENT', '--year', '1995', '--bots', 'oracle', '--out', 'OUT'],
      2,
      /--bots: unknown bot kind "oracle"/,
    ],
    [['fork', 'MISSING', '--year', '1995', '--out', 'OUT'], 1, /missing\.json: no such file/],
    [['fork', 'PARENT', '--year', '1995', '--colour', 'red', '--out', 'OUT'], 2, /Unknown option '--colour'/],
    [['rewind', 'PARENT'], 2, /replay: unknown subcommand "rewind"/],
  ])('%j exits %i', (argv, code, message) => {
    const args = (argv as string[]).map((a) =>
      a === 'PARENT'
        ? parentFile
        : a === 'OUT'
          ? path.join(dir, 'never.json')
          : a === 'MISSING'
            ? path.join(dir, 'missing.json')
            : a,
    );
    const r = cli(...args);
    expect(r.code).toBe(code);
    expect(r.err.join('\n')).toMatch(message);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'never.json'))).toBe(false);
  });
});
