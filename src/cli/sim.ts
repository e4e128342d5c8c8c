/**
 * The simulator's commands: `sim` (a seeded batch with aggregates and reports), `sim compare` (a baseline and a
 * what-if variant on the same seeds) and `validate` (the paper's claims against historical runs). Errors are one
 * clear line and exit code 2 for bad usage, never a stack trace.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SEATS } from '../game/vocabulary';
import { SEAT_EN } from '../sim/log-text';
import { parseBotSpec, type BotSpec } from '../bots/registry';
import type { Scenario } from '../game/scenario-schema';
import { compareBatches, summarize, type Comparison, type Summary } from '../sim/aggregate';
import {
  INDICATORS,
  parseSeeds,
  runBatch,
  type BatchOptions,
  type BatchSpec,
  type MatchRecord,
} from '../sim/batch';
import { checkQueueUrl, type QueueTarget } from '../sim/queue';
import { runBatchOnQueue, runSensitivitySetsOnQueue } from '../sim/queue-jobs';
import { CLAIM_COUNT, formatClaims, validateClaims } from '../sim/claims';
import { formatSensitivity, runSensitivity } from '../sim/sensitivity';
import { renderReport } from '../sim/report-html';
import {
  WHAT_IF_FLAG_HELP,
  applyWhatIfs,
  describeWhatIf,
  parseWhatIfFlag,
  parseWhatIfJson,
  type WhatIf,
} from '../sim/whatif';
import { loadScenario, reportFailure, writeTextFile } from './io';

type Out = (line: string) => void;

export const SIM_USAGE = `  sim --scenario ID|FILE --seeds N|A..B --bots SPEC [--workers K] [--what-if X]... [--json FILE] [--csv FILE]
      [--html FILE] [--save-replays DIR] [--engine direct|reducer]
      [--queue REDIS_URL [--queue-prefix P] [--chunk N] [--batch ID]]
                                              run seeded matches headless and summarise the spread of outcomes
  sim compare (same options)  [--base-what-if X]...
                                              a baseline and a what-if variant on the same seeds, with differences
  validate [--seeds N] [--strategist-seeds M] [--workers K] [--json FILE] [--sensitivity N [--sensitivity-seed S]]
      [--claims 1,10,...] [--queue REDIS_URL [--queue-prefix P]]
                                              check the paper's conclusions: historical bots, strategists, controls`;

class UsageError extends Error {}

const OPTIONS = {
  scenario: { type: 'string' },
  seeds: { type: 'string' },
  bots: { type: 'string' },
  workers: { type: 'string' },
  'what-if': { type: 'string', multiple: true },
  'base-what-if': { type: 'string', multiple: true },
  json: { type: 'string' },
  csv: { type: 'string' },
  html: { type: 'string' },
  'save-replays': { type: 'string' },
  engine: { type: 'string' },
  queue: { type: 'string' },
  'queue-prefix': { type: 'string' },
  chunk: { type: 'string' },
  batch: { type: 'string' },
} as const;

/** What-ifs from flags: each is a short form, or a path to a JSON file holding a list. */
function whatIfs(flags: readonly string[] | undefined): WhatIf[] {
  const list: WhatIf[] = [];
  for (const flag of flags ?? []) {
    if (flag.endsWith('.json')) {
      if (!fs.existsSync(flag)) throw new UsageError(`--what-if ${flag}: no such file`);
      const parsed = parseWhatIfJson(fs.readFileSync(flag, 'utf8'), flag);
      if (!parsed.ok) throw new UsageError(parsed.error);
      list.push(...parsed.value);
    } else {
      const parsed = parseWhatIfFlag(flag);
      if (!parsed.ok) throw new UsageError(`${parsed.error}\n${WHAT_IF_FLAG_HELP}`);
      list.push(parsed.value);
    }
  }
  return list;
}

function workersOf(text: string | undefined): number {
  if (text === undefined) return Math.min(2, os.availableParallelism());
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--workers "${text}": expected a whole number from 1 to 64`);
  return n;
}

/** `--queue URL [--queue-prefix P]`, checked; null without `--queue`. */
function queueOf(values: Record<string, unknown>): QueueTarget | null {
  const url = values.queue;
  for (const flag of ['queue-prefix', 'chunk', 'batch'])
    if (values[flag] !== undefined && url === undefined) throw new UsageError(`--${flag} needs --queue`);
  if (typeof url !== 'string') return null;
  const problem = checkQueueUrl(url);
  if (problem) throw new UsageError(problem);
  const prefix = values['queue-prefix'];
  if (prefix !== undefined && !/^[A-Za-z0-9_:.-]{1,64}$/.test(String(prefix)))
    throw new UsageError(`--queue-prefix "${String(prefix)}": use 1–64 letters, digits, _ : . or -`);
  return { url, ...(typeof prefix === 'string' ? { prefix } : {}) };
}

/**
 * How this command runs its batches: `runBatch` on local worker threads, or with `--queue` on the job queue, where
 * progress counts matches done by every worker serving the batch (a bar on a terminal, else a line every tenth).
 */
function batchRunner(
  values: Record<string, unknown>,
  out: Out,
  tty: boolean,
): { run: typeof runBatch; where: (workers: number) => string; queue: QueueTarget | null } {
  const queue = queueOf(values);
  if (!queue) {
    return {
      run: runBatch,
      where: (workers) => `on ${workers} worker${workers > 1 ? 's' : ''}`,
      queue: null,
    };
  }
  let chunk: number | undefined;
  if (values.chunk !== undefined) {
    chunk = Number(values.chunk);
    if (!Number.isInteger(chunk) || chunk < 1 || chunk > 10_000)
      throw new UsageError(
        `--chunk "${String(values.chunk)}": expected a whole number of seeds per job, 1–10000`,
      );
  }
  const batch = typeof values.batch === 'string' ? values.batch : undefined;
  let seen = 0;
  let calls = 0;
  const run = async (spec: BatchSpec, options: BatchOptions = {}): Promise<MatchRecord[]> => {
    let lastTenth = -1;
    // `--batch ID` names the first batch; a command with several (compare, validate) numbers the others after it.
    const n = calls++;
    // Ctrl-C (or SIGTERM) stops waiting and removes the batch from the queue, so workers do not play it for nobody.
    const interrupted = new AbortController();
    const stop = () => interrupted.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return runBatchOnQueue(spec, queue, {
      signal: interrupted.signal,
      ...(chunk ? { chunk } : {}),
      ...(batch ? { batch: n === 0 ? batch : `${batch}-${n}` } : {}),
      onProgress: (done, total, workers) => {
        if (workers !== null) seen = Math.max(seen, workers);
        options.onProgress?.(done, total);
        const tenth = Math.floor((10 * done) / total);
        if (!tty && tenth !== lastTenth) {
          lastTenth = tenth;
          out(
            `queue: ${done}/${total} matches done${workers === null ? '' : `, ${workers} workers serving`}`,
          );
        }
      },
    }).finally(() => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    });
  };
  return { run, where: () => `on the queue (${seen} worker${seen === 1 ? '' : 's'} seen)`, queue };
}

interface Prepared {
  scenario: Scenario;
  seeds: string[];
  bots: BotSpec;
  workers: number;
  engine: 'direct' | 'reducer';
}

function prepare(values: Record<string, unknown>, command: string): Prepared {
  if (typeof values.scenario !== 'string') throw new UsageError(`${command}: --scenario ID|FILE is required`);
  if (typeof values.seeds !== 'string') throw new UsageError(`${command}: --seeds N|A..B is required`);
  const seeds = parseSeeds(values.seeds);
  if (!seeds.ok) throw new UsageError(seeds.error);
  const bots = parseBotSpec(typeof values.bots === 'string' ? values.bots : 'historical');
  if (!bots.ok) throw new UsageError(`--bots: ${bots.error}`);
  const engine = values.engine ?? 'direct';
  if (engine !== 'direct' && engine !== 'reducer')
    throw new UsageError(`--engine "${String(engine)}": expected direct or reducer`);
  return {
    scenario: loadScenario(values.scenario, 2),
    seeds: seeds.seeds,
    bots: bots.spec,
    workers: workersOf(values.workers as string | undefined),
    engine,
  };
}

function withWhatIfs(scenario: Scenario, list: WhatIf[]): Scenario {
  const applied = applyWhatIfs(scenario, list);
  if (!applied.ok) throw new UsageError(applied.error);
  return applied.value;
}

/** A progress bar on a terminal; silent otherwise (pipes, files, tests). */
function progressBar(
  enabled: boolean,
  label: string,
): { tick: (done: number, total: number) => void; end: () => void } {
  if (!enabled) return { tick: () => {}, end: () => {} };
  let last = -1;
  return {
    tick(done, total) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      if (filled === last && done !== total) return;
      last = filled;
      process.stdout.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
    },
    end: () => process.stdout.write('\n'),
  };
}

const pct = (p: { p: number; low: number; high: number }) =>
  `${(p.p * 100).toFixed(1)} % [${(p.low * 100).toFixed(1)}–${(p.high * 100).toFixed(1)}]`;

function printSummary(s: Summary, out: Out): void {
  out(
    `territory: none ${pct(s.territorial.none)}, partial ${pct(s.territorial.partial)}, full ${pct(s.territorial.full)}`,
  );
  out(`peace treaty ratified ${pct(s.treatyRatified)}; signed ${pct(s.treatySigned)}`);
  out('seat            mean score    sd      5 %   median     95 %   ranked first');
  for (const seat of SEATS) {
    const x = s.scores[seat];
    out(
      `${SEAT_EN[seat].padEnd(14)} ${String(x.mean).padStart(10)} ${String(x.sd).padStart(6)} ${String(x.p5).padStart(8)} ${String(x.p50).padStart(8)} ${String(x.p95).padStart(8)}   ${pct(s.wins[seat])}`,
    );
  }
  out('at the end (median [5 %–95 %]):');
  for (const k of INDICATORS) out(`  ${k.padEnd(20)} ${s.final[k].p50} [${s.final[k].p5}–${s.final[k].p95}]`);
}

const CSV_HEAD = [
  'seed',
  'end_year',
  'reason',
  'territorial',
  'treaty',
  ...SEATS.map((s) => `score_${s}`),
  ...INDICATORS.map((k) => `final_${k}`),
];

function csvRows(records: readonly MatchRecord[]): unknown[][] {
  return records.map((r) => [
    r.seed,
    r.endYear,
    r.reason,
    r.territorial,
    r.treaty ?? '',
    ...SEATS.map((s) => r.finalScores[s]),
    ...INDICATORS.map((k) => r.series[k][r.series[k].length - 1]),
  ]);
}

function csvText(rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

/** One row per match; `sim compare` adds a first column `arm` (baseline or variant), the seeds being the same. */
function csvOf(records: readonly MatchRecord[]): string {
  return csvText([CSV_HEAD, ...csvRows(records)]);
}

function compareCsvOf(base: readonly MatchRecord[], variant: readonly MatchRecord[]): string {
  return csvText([
    ['arm', ...CSV_HEAD],
    ...csvRows(base).map((row) => ['baseline', ...row]),
    ...csvRows(variant).map((row) => ['variant', ...row]),
  ]);
}

function about(p: Prepared, list: WhatIf[], label: string): string[] {
  const seeds = p.seeds.length > 1 ? `${p.seeds[0]}..${p.seeds[p.seeds.length - 1]}` : p.seeds[0];
  return [
    `${label}: ${p.scenario.name} (${p.scenario.id}, ${p.scenario.startYear}–${p.scenario.endYear})`,
    `${p.seeds.length} seeds (${seeds}); bots ${SEATS.map((s) => `${s}=${p.bots[s]}`).join(', ')}`,
    ...(list.length ? list.map((w) => `what-if: ${describeWhatIf(w)}`) : ['no what-if interventions']),
  ];
}

async function simRun(argv: string[], out: Out, tty: boolean): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  const p = prepare(values, 'sim');
  if (values['base-what-if']) throw new UsageError('--base-what-if belongs to "sim compare"');
  const list = whatIfs(values['what-if']);
  const scenario = withWhatIfs(p.scenario, list);
  const runner = batchRunner(values, out, tty);
  const bar = progressBar(tty, 'sim');
  const started = performance.now();
  const records = await runner.run(
    {
      scenario,
      seeds: p.seeds,
      bots: p.bots,
      whatIfs: list,
      engine: p.engine,
      saveReplays: values['save-replays'],
    },
    { workers: p.workers, onProgress: bar.tick },
  );
  bar.end();
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(records);
  const lines = about(p, list, 'sim');
  for (const l of lines) out(l);
  out(`${records.length} matches in ${seconds.toFixed(1)} s ${runner.where(p.workers)}`);
  printSummary(summary, out);
  if (values.json)
    writeTextFile(values.json, `${JSON.stringify({ about: lines, summary, records }, null, 1)}\n`);
  if (values.csv) writeTextFile(values.csv, csvOf(records));
  if (values.html)
    writeTextFile(
      values.html,
      renderReport({ title: `Oil & Water — ${p.scenario.name}`, about: lines, summary, records }),
    );
  for (const [flag, file] of [
    ['json', values.json],
    ['csv', values.csv],
    ['html', values.html],
  ] as const)
    if (file) out(`${flag} written to ${file}`);
  return 0;
}

function printComparison(c: Comparison, out: Out): void {
  const line = (label: string, d: Comparison['islandsJapan']) =>
    out(
      `  ${label.padEnd(26)} ${String(d.baseline).padStart(8)} → ${String(d.variant).padStart(8)}   ${d.diff >= 0 ? '+' : ''}${d.diff} [${d.low}, ${d.high}]${d.significant ? ' *' : ''}`,
    );
  out(`variant minus baseline on the same ${c.matches} seeds (95 % interval; * = excludes zero):`);
  line('treaty ratified (share)', c.treatyRatified.diff);
  line('islands held by Japan', c.islandsJapan);
  for (const seat of SEATS) line(`score ${SEAT_EN[seat]}`, c.scores[seat]);
  for (const k of INDICATORS) line(`final ${k}`, c.final[k]);
}

async function simCompare(argv: string[], out: Out, tty: boolean): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  const p = prepare(values, 'sim compare');
  const variantList = whatIfs(values['what-if']);
  if (variantList.length === 0)
    throw new UsageError('sim compare: give the variant with at least one --what-if');
  const baseList = whatIfs(values['base-what-if']);
  const runner = batchRunner(values, out, tty);
  const bar = progressBar(tty, 'compare');
  const total = p.seeds.length * 2;
  const run = (list: WhatIf[], offset: number, label: string) =>
    runner.run(
      {
        scenario: withWhatIfs(p.scenario, list),
        seeds: p.seeds,
        bots: p.bots,
        whatIfs: list,
        engine: p.engine,
        saveReplays: values['save-replays'],
        label,
      },
      { workers: p.workers, onProgress: (done) => bar.tick(offset + done, total) },
    );
  const base = await run(baseList, 0, 'baseline');
  const variant = await run(variantList, p.seeds.length, 'variant');
  bar.end();
  const comparison = compareBatches(base, variant);
  const baseSummary = summarize(base);
  const variantSummary = summarize(variant);
  const lines = [...about(p, baseList, 'baseline'), ...about(p, variantList, 'variant').slice(2)];
  for (const l of lines) out(l);
  out(
    `baseline: treaty ${pct(baseSummary.treatyRatified)}; variant: treaty ${pct(variantSummary.treatyRatified)}`,
  );
  printComparison(comparison, out);
  if (values.json)
    writeTextFile(
      values.json,
      `${JSON.stringify({ about: lines, comparison, baseline: baseSummary, variant: variantSummary }, null, 1)}\n`,
    );
  if (values.csv) writeTextFile(values.csv, compareCsvOf(base, variant));
  if (values.html) {
    writeTextFile(
      values.html,
      renderReport({
        title: `Oil & Water — what-if on ${p.scenario.name}`,
        about: lines,
        summary: baseSummary,
        records: base,
        comparison: {
          label: variantList.map(describeWhatIf).join('; '),
          variant: variantSummary,
          result: comparison,
        },
      }),
    );
  }
  return 0;
}

/** `--claims 1,10`: claim numbers of paper-facts §4, each once. */
function claimsOf(text: string): number[] {
  const ids = text.split(',').map((part) => Number(part.trim()));
  const bad = ids.find((id) => !Number.isInteger(id) || id < 1 || id > CLAIM_COUNT);
  if (text.trim() === '' || bad !== undefined || new Set(ids).size !== ids.length)
    throw new UsageError(
      `--claims "${text}": expected claim numbers 1–${CLAIM_COUNT}, each once, separated by commas (e.g. 1,10)`,
    );
  return ids;
}

const VALIDATE_OPTIONS = {
  seeds: { type: 'string' },
  'strategist-seeds': { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'string' },
  sensitivity: { type: 'string' },
  'sensitivity-seed': { type: 'string' },
  claims: { type: 'string' },
  queue: { type: 'string' },
  'queue-prefix': { type: 'string' },
  chunk: { type: 'string' },
  batch: { type: 'string' },
} as const;

/**
 * `validate`: every claim under historical bots, strategists and its control (exit 1 unless every testable claim
 * passes); with `--sensitivity N`, the historical and control arms again under N sampled sets of balance numbers.
 */
async function validate(argv: string[], out: Out, tty: boolean): Promise<number> {
  const { values } = parseArgs({ args: argv, options: VALIDATE_OPTIONS, strict: true });
  const seeds = parseSeeds(values.seeds ?? '100');
  if (!seeds.ok) throw new UsageError(seeds.error);
  // A strategist match costs about fifty historical ones: a quarter of the seeds by default.
  const strategist = parseSeeds(
    values['strategist-seeds'] ?? String(Math.max(2, Math.ceil(seeds.seeds.length / 4))),
  );
  if (!strategist.ok) throw new UsageError(strategist.error.replace('--seeds', '--strategist-seeds'));
  const workers = workersOf(values.workers);
  const claims = values.claims === undefined ? undefined : claimsOf(values.claims);
  const started = performance.now();
  if (values.sensitivity !== undefined) {
    const n = Number(values.sensitivity);
    if (!Number.isInteger(n) || n < 2 || n > 1000)
      throw new UsageError(`--sensitivity "${values.sensitivity}": expected a whole number of sets, 2–1000`);
    const seed = values['sensitivity-seed'] ?? '1';
    const bar = progressBar(tty, 'sensitivity');
    const queue = queueOf(values);
    const result = await runSensitivity({
      sets: n,
      seeds: seeds.seeds,
      seed,
      workers,
      claims,
      onSet: bar.tick,
      ...(queue
        ? {
            runSets: (sets, setSeeds, setClaims) =>
              runSensitivitySetsOnQueue(sets, setSeeds, queue, {
                claims: setClaims,
                onProgress: (done, total) => bar.tick(done, total),
              }),
          }
        : {}),
    });
    bar.end();
    const seconds = (performance.now() - started) / 1000;
    out(
      `Claims under ${n} Latin-hypercube sets of balance numbers (seed ${seed}; historical and control arms, ${seeds.seeds.length} seeds per era; ${result.runs} runs in ${seconds.toFixed(0)} s):`,
    );
    for (const line of formatSensitivity(result.rows)) out(line);
    const weak = result.rows.filter((r) => r.passes < 0.8 * r.sets);
    out(
      weak.length
        ? `below 80 % of sets: ${weak.map((r) => r.id).join(', ')}`
        : 'every claim passes in at least 80 % of sets',
    );
    if (values.json)
      writeTextFile(
        values.json,
        `${JSON.stringify({ seed, seeds: seeds.seeds.length, rows: result.rows, sets: result.sets }, null, 1)}\n`,
      );
    return weak.length ? 1 : 0;
  }
  const bar = progressBar(tty, 'validate');
  const { rows, runs, strategistRuns, history } = await validateClaims({
    seeds: seeds.seeds,
    strategistSeeds: strategist.seeds,
    workers,
    only: claims,
    onProgress: bar.tick,
    batchRunner: batchRunner(values, out, tty).run,
  });
  bar.end();
  const seconds = (performance.now() - started) / 1000;
  out(
    `The paper's conclusions: ${runs} runs in ${seconds.toFixed(0)} s (${seeds.seeds.length} seeds per era and arm for historical bots and controls, ` +
      `${strategist.seeds.length} for strategist:easy; ${strategistRuns} strategist runs):`,
  );
  for (const line of formatClaims(rows)) out(line);
  out(
    `distance from history (historical bots, year-indicators within the recorded band): ${Object.entries(
      history,
    )
      .map(([era, h]) => `${era} ${(h.share * 100).toFixed(0)} % (${h.inBand}/${h.total})`)
      .join(', ')}`,
  );
  if (values.json)
    writeTextFile(
      values.json,
      `${JSON.stringify({ seconds: Math.round(seconds), runs, rows, history }, null, 1)}\n`,
    );
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  out(
    `${count('pass')} pass, ${count('fail')} fail, ${count('built-in')} built in, ${count('untestable')} untestable`,
  );
  return count('fail') + count('built-in') ? 1 : 0;
}

/** Runs `sim ...`, `sim compare ...` or `validate ...`; resolves to the exit code. */
export async function runSimCli(
  argv: string[],
  out: Out = console.log,
  err: Out = console.error,
): Promise<number> {
  const [command, ...rest] = argv;
  const tty = out === console.log && process.stdout.isTTY === true;
  try {
    if (command === 'validate') return await validate(rest, out, tty);
    if (command === 'sim' && rest[0] === 'compare') return await simCompare(rest.slice(1), out, tty);
    if (command === 'sim') return await simRun(rest, out, tty);
    err(`unknown simulator command "${command}"\n${SIM_USAGE}`);
    return 2;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      err(`${(error as Error).message}\n\nusage:\n${SIM_USAGE}`);
      return 2;
    }
    return reportFailure(error, err, SIM_USAGE);
  }
}

/**
 * For `run` in main.ts, which is synchronous: starts the command and sets `process.exitCode` when it finishes
 * (Node waits for it). Returns 0 now; the final code replaces it.
 */
export function startSimCli(argv: string[], out?: Out, err?: Out): number {
  void runSimCli(argv, out, err).then((code) => {
    process.exitCode = code;
  });
  return 0;
}
