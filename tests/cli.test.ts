// Protects the command line: `check` names the file, field and expectation for every kind of bad scenario file and
// never prints a stack trace; `play` writes replays that are byte-identical across processes; `replay verify`
// accepts them and names the first divergent round of a tampered one.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/cli/main';
import { cliOf } from './cli-capture';
import { makeScenario } from './fixtures/scenario';

const exec = promisify(execFile);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-water-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = cliOf(run);

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const valid = JSON.stringify(makeScenario());

describe('check', () => {
  test('accepts the built-in scenarios and a valid file', () => {
    const r = cli('check', 'scenarios/yeltsin-1992.json', write('ok.json', valid));
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
    expect(r.out.every((l) => l.includes(': ok'))).toBe(true);
  });

  const badFiles: [string, string | Buffer, RegExp][] = [
    ['empty.json', '', /empty\.json: \(document\): the file is empty/],
    ['not-json.json', 'scenario: yes', /not-json\.json: \(document\): not valid JSON/],
    ['array.json', '[1,2,3]', /array\.json: \(document\): expected a JSON object, got array/],
    ['huge.json', `{"id":"${'x'.repeat(2_100_000)}"}`, /huge\.json: \(document\): the file is too large/],
    [
      'wrong-type.json',
      valid.replace('"startYear":2000', '"startYear":"2000"'),
      /wrong-type\.json: startYear: expected number, got string/,
    ],
    [
      'unknown-seat.json',
      valid.replace('"from":"japan","to":"russia"', '"from":"mongolia","to":"russia"'),
      /unknown-seat\.json: trust\.entries\.0\.from: expected one of/,
    ],
    [
      'proto.json',
      valid.replace('{"id":"fixture"', '{"__proto__":{"polluted":true},"id":"fixture"'),
      /proto\.json: \(document\): unknown field "__proto__"/,
    ],
    [
      'nan.json',
      valid.replace('"endYear":2004', '"endYear":"NaN"'),
      /nan\.json: endYear: expected number, got string/,
    ],
    [
      'years.json',
      valid.replace('"endYear":2004', '"endYear":1999'),
      /years\.json: endYear: must not be before startYear/,
    ],
    [
      'event-year.json',
      valid.replace('"year":2001', '"year":2030'),
      /event-year\.json: events\.0\.year: 2030 is outside the era 2000–2004/,
    ],
    [
      'bad-project.json',
      valid.replace(
        '"effects":[{"type":"oil-price","delta":-15}]',
        '"effects":[{"type":"project-progress","project":"atlantis","delta":5}]',
      ),
      /bad-project\.json: wildcards\.deck\.1\.effects\.0\.project: unknown project "atlantis"/,
    ],
    [
      'binary.json',
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]),
      /binary\.json: \(document\): not valid JSON/,
    ],
  ];

  test.each(badFiles)('%s is refused with a named problem and no stack trace', (name, content, expected) => {
    const file = write(name, content);
    const r = cli('check', file);
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(expected);
    for (const line of [...r.out, ...r.err]) {
      expect(line.startsWith(file)).toBe(true);
      expect(line).not.toMatch(/\n\s+at |Error:/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a missing file and a directory are reported, not thrown', () => {
    const r = cli('check', path.join(dir, 'nope.json'), dir);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([`${path.join(dir, 'nope.json')}: no such file`, `${dir}: not a regular file`]);
  });

  test('one line per problem', () => {
    const broken = JSON.parse(valid);
    broken.startYear = 'soon';
    broken.islands.habomai.garrison = 99;
    delete broken.briefing;
    const r = cli('check', write('many.json', JSON.stringify(broken)));
    expect(r.code).toBe(1);
    expect(r.out.length).toBeGreaterThanOrEqual(3);
    expect(r.out.some((l) => l.includes('islands.habomai.garrison'))).toBe(true);
    expect(r.out.some((l) => l.includes('briefing: expected string (missing)'))).toBe(true);
  });
});

describe('usage errors', () => {
  test.each([
    [['play', '--scenario', 'yeltsin-1992'], /--seed S is required/],
    [['play', '--scenario', 'atlantis-2050', '--seed', '1'], /unknown scenario "atlantis-2050"/],
    [['play', '--scenario', 'yeltsin-1992', '--seed', '1', '--bots', 'wizard'], /unknown bot kind "wizard"/],
    [
      ['play', '--scenario', 'yeltsin-1992', '--seed', '1', '--bots', 'mongolia=random'],
      /unknown seat "mongolia"/,
    ],
    [['play', '--bogus'], /Unknown option/],
    [['replay', 'verify'], /usage: replay/],
    [['conquer'], /unknown command "conquer"/],
  ])('%j', (argv, expected) => {
    const r = cli(...(argv as string[]));
    expect(r.code).toBeGreaterThan(0);
    expect(r.err.join('\n')).toMatch(expected);
  });
});

describe('play and replay verify', () => {
  test('a match played in two separate processes gives byte-identical replays; another seed differs', async () => {
    const play = (seed: string, out: string) =>
      exec(
        'npx',
        [
          'tsx',
          'src/cli/main.ts',
          'play',
          '--scenario',
          'gorbachev-1985',
          '--seed',
          seed,
          '--out',
          out,
          '--json',
        ],
        {
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
    const [a, b, c] = [path.join(dir, 'a.json'), path.join(dir, 'b.json'), path.join(dir, 'c.json')];
    const [ra, rb] = await Promise.all([play('42', a), play('42', b)]);
    await play('43', c);
    expect(fs.readFileSync(a)).toEqual(fs.readFileSync(b));
    expect(JSON.parse(ra.stdout).finalHash).toBe(JSON.parse(rb.stdout).finalHash);
    const histories = [a, c].map((f) =>
      JSON.parse(fs.readFileSync(f, 'utf8')).roundHashes.map((h: { hash: string }) => h.hash),
    );
    expect(histories[0][0]).not.toBe(histories[1][0]);
    expect(cli('replay', 'verify', a).code).toBe(0);
  }, 60_000);

  test('verify names the first divergent round of a tampered replay', () => {
    const file = path.join(dir, 't.json');
    expect(cli('play', '--scenario', 'yeltsin-1992', '--seed', '5', '--out', file).code).toBe(0);
    const replay = JSON.parse(fs.readFileSync(file, 'utf8'));
    // Change one seat's orders in the third year's Policy phase.
    const commits = replay.actions
      .map((a: [string, string, unknown[]], i: number) => [a, i] as const)
      .filter(([a]: readonly [[string, string, unknown[]], number]) => a[1] === 'commitOrders');
    const [, index] = commits[12];
    replay.actions[index][2] = [{ orders: [] }];
    const tampered = write('tampered.json', JSON.stringify(replay));
    const r = cli('replay', 'verify', tampered);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/round 3 \(1994\) differs/);
  });

  test('--json prints a summary with the final hash', () => {
    const r = cli('play', '--scenario', 'abe-2013', '--seed', '9', '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out[0]);
    expect(summary.finalHash).toMatch(/^[0-9a-f]{16}$/);
    expect(summary.outcome.ranking).toHaveLength(6);
  });
});
