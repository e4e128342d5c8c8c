/**
 * `npm test`'s static checks (typecheck, lint, format check, MODEL.md's generated tables) side by side: each is one single-threaded process, so
 * on 2 cores running them together takes about as long as the slowest alone. Output is printed per check, whole,
 * once it ends; the exit code is 1 if any check failed.
 */
import { spawn } from 'node:child_process';

// model:check: MODEL.md's generated tables must match the code they describe.
const CHECKS = ['typecheck', 'lint', 'format:check', 'model:check'];

function run(script: string): Promise<{ script: string; code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
  });
}

const results = await Promise.all(
  CHECKS.map((script) =>
    run(script).then((result) => {
      const verdict = result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`;
      process.stdout.write(
        `${result.output.trimEnd() ? `${result.output.trimEnd()}\n` : ''}npm run ${script}: ${verdict}\n`,
      );
      return result;
    }),
  ),
);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
