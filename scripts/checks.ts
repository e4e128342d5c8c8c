/**
 * `npm test`'s static checks side by side: the typecheck of the whole project and, apart, of the rules without DOM
 * or Node types (the two halves of `npm run typecheck`), lint, the format check and MODEL.md's generated tables. Each
 * is one single-threaded process, so on 2 cores running them together takes about as long as the slowest alone.
 * They run the tools directly (no `npm run` in between) with the same flags and caches as the npm scripts; on a
 * fresh clone no cache exists, and the lint rule that dominated (import cycles) no longer walks node_modules
 * (eslint.config.js). Output is printed per check, whole, once it ends, with its time; the exit code is 1 if any
 * check failed.
 */
import { spawn } from 'node:child_process';
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

function run(name: string, [command, ...args]: string[]): Promise<Result> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const done = (code: number, extra = '') =>
      resolve({ name, code, output: output + extra, seconds: (performance.now() - start) / 1000 });
    child.on('error', (error) => done(1, `\ncould not start ${command}: ${error.message}`));
    child.on('close', (code) => done(code ?? 1));
  });
}

const start = performance.now();
const results = await Promise.all(
  CHECKS.map(({ name, command }) =>
    run(name, command).then((result) => {
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
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
