// Protects the what-if simulator: intervention parsing and application, the statistics, batches that give the same
// records whatever the worker count, the command line's errors and reports, and `validate` on a few seeds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { perSeat } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import type { Scenario } from '../src/game/scenario-schema';
import { pairedDifference, summarize, wilson } from '../src/sim/aggregate';
import { parseSeeds, runBatch } from '../src/sim/batch';
import { renderReport } from '../src/sim/report-html';
import { applyWhatIfs, parseWhatIfFlag, parseWhatIfJson } from '../src/sim/whatif';
import { runSimCli } from '../src/cli/sim';
import { asyncCliOf } from './cli-capture';
import type { ClaimRow } from '../src/sim/claims';

const historical = perSeat(() => 'historical');
const yeltsin = builtinScenario('yeltsin-1992') as Scenario;

describe('what-if interventions', () => {
  test.each([
    [
      'japan:abandon-linkage@1992',
      { type: 'policy', seat: 'japan', year: 1992, force: ['abandon-linkage'], forbid: ['restore-linkage'] },
    ],
    [
      'sinoRussian=10@2015',
      { type: 'set', lever: 'alignment.sinoRussian', value: 10, year: 2015, once: false },
    ],
    [
      'russia:position=two-islands@2016!once',
      { type: 'position', seat: 'russia', rung: 'two-islands', year: 2016, once: true },
    ],
    ['russia:treaty=two-islands@2016', { type: 'policy', seat: 'russia', treaty: 'two-islands' }],
    ['china:!deepen-russia-ties@1995', { type: 'policy', seat: 'china', forbid: ['deepen-russia-ties'] }],
  ])('%s parses', (flag, expected) => {
    const parsed = parseWhatIfFlag(flag);
    expect(parsed.ok && parsed.value).toMatchObject(expected);
  });

  test.each([
    ['japan:abandon-linkage', /expected \.\.\.@YEAR/],
    ['mars:raise-offer@1992', /unknown seat "mars"/],
    ['japan:raise-offer@1992', /"raise-offer" is not an action of japan/],
    ['japan:fly-to-moon@1992', /force/],
    ['russia:position=five-islands@2016', /rung/],
    ['sinoRussian=140@2015', /value/],
    ['us:treaty=two-islands@1993', /only russia or japan/],
  ])('%s is refused with a clear error', (flag, message) => {
    const parsed = parseWhatIfFlag(flag);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  test('a JSON file is a validated list', () => {
    expect(parseWhatIfJson('[{"type":"set","year":1995,"lever":"oilPrice","value":20}]').ok).toBe(true);
    const bad = parseWhatIfJson('[{"type":"set","year":1995,"lever":"trust","value":20}]', 'w.json');
    expect(!bad.ok && bad.error).toMatch(/^w\.json: 0\.lever/);
    expect(parseWhatIfJson('{', 'w.json')).toMatchObject({ ok: false });
  });

  test('a lever held from a year becomes a scheduled event in every later year, outside the era refused', () => {
    const w = parseWhatIfFlag('sinoRussian=10@1997');
    if (!w.ok) throw new Error(w.error);
    const applied = applyWhatIfs(yeltsin, [w.value]);
    expect(
      applied.ok && applied.value.events.filter((e) => e.id.startsWith('what-if-')).map((e) => e.year),
    ).toEqual([1997, 1998, 1999]);
    const outside = applyWhatIfs(yeltsin, [{ ...w.value, year: 2005 }]);
    expect(!outside.ok && outside.error).toMatch(/outside yeltsin-1992/);
  });

  test('interventions change the outcome: a held rift keeps Sino-Russian relations low; a forced treaty can be ratified', async () => {
    const rift = parseWhatIfFlag('sinoRussian=5@1992');
    if (!rift.ok) throw new Error(rift.error);
    const scenario = applyWhatIfs(yeltsin, [rift.value]);
    if (!scenario.ok) throw new Error(scenario.error);
    const records = await runBatch({
      scenario: scenario.value,
      seeds: ['1', '2'],
      bots: historical,
      whatIfs: [rift.value],
    });
    for (const r of records) expect(Math.max(...r.series.sinoRussian)).toBeLessThan(40);
    expect(records.every((r) => r.flags.includes('china-backs-japan'))).toBe(true);
  });
});

describe('statistics', () => {
  test('Wilson interval: known values and the edges', () => {
    expect(wilson(5, 10)).toMatchObject({ p: 0.5, low: 0.237, high: 0.763 });
    expect(wilson(0, 20)).toMatchObject({ p: 0, low: 0 });
    expect(wilson(0, 20).high).toBeCloseTo(0.161, 3);
  });

  test('paired difference of means with a 95 % interval', () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 3, 4, 6]);
    expect(d.diff).toBe(1.25);
    expect(d.low).toBeCloseTo(1.25 - (1.959964 * 0.5) / 2, 3);
    expect(d.significant).toBe(true);
    expect(pairedDifference([1, 2], [2, 1]).significant).toBe(false);
  });

  test('seeds: counts and ranges, clear errors', () => {
    expect(parseSeeds('3')).toEqual({ ok: true, seeds: ['1', '2', '3'] });
    expect(parseSeeds('10..12')).toEqual({ ok: true, seeds: ['10', '11', '12'] });
    expect(parseSeeds('5..2')).toMatchObject({ ok: false });
    expect(parseSeeds('abc')).toMatchObject({ ok: false, error: expect.stringMatching(/--seeds "abc"/) });
  });
});

describe('batches', () => {
  test('the same records with one worker or two, and the same aggregates on a second run', async () => {
    const spec = { scenario: yeltsin, seeds: ['1', '2', '3', '4'], bots: historical, whatIfs: [] };
    const one = await runBatch(spec, { workers: 1 });
    const two = await runBatch(spec, { workers: 2 });
    expect(two).toEqual(one);
    expect(summarize(two)).toEqual(summarize(one));
    expect(one.map((r) => r.seed)).toEqual(['1', '2', '3', '4']);
  }, 60_000);
});

describe('the command line', () => {
  const simCli = asyncCliOf(runSimCli);
  const run = async (argv: string[]) => {
    const { code, out, err } = await simCli(...argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  test.each([
    [['sim', '--seeds', '3'], /--scenario ID\|FILE is required/],
    [['sim', '--scenario', 'nowhere', '--seeds', '3'], /unknown scenario "nowhere"/],
    [['sim', '--scenario', 'abe-2013', '--seeds', 'x'], /--seeds "x"/],
    [
      ['sim', '--scenario', 'abe-2013', '--seeds', '2', '--bots', 'wizard'],
      /--bots: unknown bot kind "wizard"/,
    ],
    [['sim', '--scenario', 'abe-2013', '--seeds', '2', '--workers', '0'], /--workers "0"/],
    [
      ['sim', '--scenario', 'abe-2013', '--seeds', '2', '--what-if', 'japan:abandon-linkage@1990'],
      /outside abe-2013/,
    ],
    [['sim', '--scenario', 'abe-2013', '--seeds', '2', '--frobnicate'], /Unknown option/],
    [['sim', 'compare', '--scenario', 'abe-2013', '--seeds', '2'], /at least one --what-if/],
    [['validate', '--claims', '0'], /--claims "0": expected claim numbers 1–22/],
    [['validate', '--claims', '10,10'], /--claims "10,10": expected claim numbers 1–22, each once/],
    [['validate', '--claims', 'ten'], /--claims "ten"/],
  ])('%j fails with a clear error and exit code 2', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test('sim writes JSON, CSV and a self-contained HTML report; compare reports differences', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-sim-'));
    const files = ['r.json', 'r.csv', 'r.html'].map((f) => path.join(dir, f));
    const result = await run([
      'sim',
      '--scenario',
      'gorbachev-1985',
      '--seeds',
      '3',
      '--bots',
      'historical',
      '--workers',
      '1',
      '--json',
      files[0],
      '--csv',
      files[1],
      '--html',
      files[2],
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/territory: none 100\.0 %/);
    const json = JSON.parse(fs.readFileSync(files[0], 'utf8'));
    expect(json.records).toHaveLength(3);
    expect(json.summary.matches).toBe(3);
    expect(fs.readFileSync(files[1], 'utf8').trim().split('\n')).toHaveLength(4);
    const html = fs.readFileSync(files[2], 'utf8');
    expect(html).toMatch(/<svg/);
    expect(html).not.toMatch(/<script|src=|href=/);
    const cmpCsv = path.join(dir, 'cmp.csv');
    const cmp = await run([
      'sim',
      'compare',
      '--scenario',
      'gorbachev-1985',
      '--seeds',
      '3',
      '--workers',
      '1',
      '--what-if',
      'sinoRussian=10@1985',
      '--csv',
      cmpCsv,
    ]);
    expect(cmp.code).toBe(0);
    expect(cmp.out).toMatch(/variant minus baseline on the same 3 seeds/);
    // The Sino-Russian line is held at a rift each year, so it ends far below the baseline's.
    const [, before, after] = /final sinoRussian\s+([\d.]+) →\s+([\d.]+)/.exec(cmp.out) ?? [];
    expect(Number(after)).toBeLessThan(Number(before) - 20);
    // The compare CSV says which arm each row is: both arms over the same seeds, the variant's rows with the held line.
    const [head, ...rows] = fs
      .readFileSync(cmpCsv, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(head.slice(0, 2)).toEqual(['arm', 'seed']);
    expect(rows.map((r) => r[0])).toEqual([
      'baseline',
      'baseline',
      'baseline',
      'variant',
      'variant',
      'variant',
    ]);
    expect(rows.slice(3).map((r) => r[1])).toEqual(rows.slice(0, 3).map((r) => r[1]));
    const rung = head.indexOf('final_sinoRussian');
    const meanRung = (arm: string) =>
      rows.filter((r) => r[0] === arm).reduce((sum, r) => sum + Number(r[rung]), 0) / 3;
    expect(rung).toBeGreaterThan(1);
    expect(meanRung('variant')).toBeCloseTo(Number(after), 1);
    expect(meanRung('baseline')).toBeCloseTo(Number(before), 1);
  }, 60_000);

  test('validate --claims judges only the claims named', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-validate-')), 'some.json');
    const { code } = await run(['validate', '--seeds', '1', '--claims', '22,11', '--json', file]);
    const { rows, runs } = JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: ClaimRow[]; runs: number };
    // Two untestable claims: no runs, nothing failing.
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [11, 'untestable'],
      [22, 'untestable'],
    ]);
    expect(runs).toBe(0);
    expect(code).toBe(0);
  });

  test('report text is escaped', () => {
    const html = renderReport({ title: '<b>x</b>', about: ['a & "b"'], summary: summarize([]), records: [] });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('a &amp; &quot;b&quot;');
  });

  test('validate judges every claim in three arms, and its exit code and JSON say so', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-validate-')), 'validate.json');
    const { code, out } = await run([
      'validate',
      '--seeds',
      '3',
      '--strategist-seeds',
      '1',
      '--workers',
      '1',
      '--json',
      file,
    ]);
    const { rows } = JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: ClaimRow[] };
    // At least 18 of paper-facts §4's 22 claims are tested; the rest say why not.
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.status !== 'untestable').length).toBeGreaterThanOrEqual(18);
    for (const r of rows) {
      if (r.status === 'untestable') {
        expect(r.paper).toMatch(/untestable: ./);
        continue;
      }
      // A status is what the arms showed: a pass holds under both bot kinds and its control flips it.
      expect(r.historical && r.strategist && r.control).toBeTruthy();
      // The distance from history of the claim's historical runs: year-indicators of its eras in the band.
      expect(r.history!.total).toBeGreaterThan(0);
      expect(r.history!.inBand).toBeLessThanOrEqual(r.history!.total);
      expect(r.history!.share).toBeCloseTo(r.history!.inBand / r.history!.total, 9);
      const holds = r.historical!.holds && r.strategist!.holds;
      expect(r.status).toBe(!holds ? 'fail' : r.control!.flipped ? 'pass' : 'built-in');
      expect(out).toMatch(new RegExp(`^${r.id}\\. .*\\| ${r.status.toUpperCase()}$`, 'm'));
    }
    expect(code).toBe(rows.some((r) => r.status === 'fail' || r.status === 'built-in') ? 1 : 0);
  }, 240_000);
});
