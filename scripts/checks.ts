/**
 * `npm test`'s static checks side by side: the typecheck of the whole project and, apart, of the rules without DOM
 * or Node types (the two halves of `npm run typecheck`), lint, the format check and MODEL.md's generated tables. Each
 * is one single-threaded process, so on 2 cores running them together takes about as long as the slowest alone.
 * They run the tools directly (no `npm run` in between) with the same flags and caches as the npm scripts; on a
 * fresh clone no cache exists, and the lint rule that dominated (import cycles) no longer walks node_modules
 * (eslint.config.js). Output is printed per check, whole, once it ends, with its time; the exit code is 1 if any
 * check failed.
 *
 * `tsx scripts/checks.ts -- COMMAND...` (what `npm test` runs, with Vitest) also runs COMMAND at the same time, its
 * output live, and exits 1 if it or any check failed. The checks then run at a lower CPU priority (nice 10): the
 * tests wait on sockets, servers and Chromium often enough that the checks fit in the cores the tests leave idle
 * instead of taking a stretch of their own before the tests begin, and the tests' waits and timeouts see the same CPU
 * as they would alone.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';

const BIN = 'node_modules/.bin';

/** Name (the npm script it mirrors) and command; the slowest first, so it starts before the others. */
const CHECKS: { name: string; command: string[] }[] = [
  {
    name: 'typecheck (project)',
    command: [
      `${BIN}/tsc`,
      '--noEmit',
      '--incremental',
      '--tsBuildInfoFile',
      'node_modules/.cache/tsc/root.tsbuildinfo',
    ],
  },
  {
    name: 'lint',
    command: [`${BIN}/eslint`, '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'],
  },
  {
    name: 'typecheck (rules: src/game)',
    command: [
      `${BIN}/tsc`,
      '--noEmit',
      '--incremental',
      '--tsBuildInfoFile',
      'node_modules/.cache/tsc/game.tsbuildinfo',
      '-p',
      'src/game',
    ],
  },
  { name: 'format:check', command: [`${BIN}/prettier`, '--check', '--cache', '.'] },
  // model:check: MODEL.md's generated tables must match the code they describe.
  { name: 'model:check', command: [`${BIN}/tsx`, 'scripts/model-tables.ts', '--check'] },
];

interface Result {
  name: string;
  code: number;
  output: string;
  seconds: number;
}

/** The command after `--`, run alongside the checks; none when the checks run alone. */
const dash = process.argv.indexOf('--');
const alongside = dash >= 0 ? process.argv.slice(dash + 1) : [];
if (dash >= 0 && alongside.length === 0) {
  process.stderr.write('checks: nothing after "--": give the command to run alongside the checks\n');
  process.exit(2);
}
/** The checks' niceness when a command runs alongside them (0 = as the command, 19 = only idle CPU). */
const NICE = 10;

function run(name: string, [command, ...args]: string[], niceness = 0): Promise<Result> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Where priorities cannot be lowered the checks simply compete with the command as equals.
    if (niceness && child.pid !== undefined)
      try {
        setPriority(child.pid, niceness);
      } catch {
        /* not permitted here: same priority */
      }
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const done = (code: number, extra = '') =>
      resolve({ name, code, output: output + extra, seconds: (performance.now() - start) / 1000 });
    child.on('error', (error) => done(1, `\ncould not start ${command}: ${error.message}`));
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Runs the command alongside, its output passed through as it comes; resolves to its exit code. */
function runAlongside([command, ...args]: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`checks: could not start ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const start = performance.now();
const tests = alongside.length ? runAlongside(alongside) : Promise.resolve(0);
const results = await Promise.all(
  CHECKS.map(({ name, command }) =>
    run(name, command, alongside.length ? NICE : 0).then((result) => {
      const verdict = result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`;
      const output = result.output.trimEnd();
      process.stdout.write(
        `${output ? `${output}\n` : ''}${name}: ${verdict} (${result.seconds.toFixed(1)} s)\n`,
      );
      return result;
    }),
  ),
);
process.stdout.write(`checks: ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
const testsCode = await tests;
// Said again after the command's own output, which may have run on long after the checks printed theirs.
if (failed.length && alongside.length) process.stdout.write(`checks failed: ${failed.join(', ')}\n`);
process.exit(failed.length === 0 && testsCode === 0 ? 0 : 1);
