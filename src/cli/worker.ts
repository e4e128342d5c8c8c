/**
 * `worker --queue REDIS_URL`: runs simulation jobs from the queue (src/sim/queue.ts) until stopped (Ctrl-C or
 * SIGTERM: running jobs finish first). Start one on every machine, or several on one; each runs `--threads` jobs at
 * a time on worker threads. A bad or failing job is logged and failed; the worker carries on.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { checkQueueUrl } from '../sim/queue';
import { startSimWorker } from '../sim/queue-jobs';
import { reportFailure } from './io';

type Out = (line: string) => void;

export const WORKER_USAGE = `  worker --queue REDIS_URL [--threads K] [--queue-prefix P] [--lock-ms MS] [--quiet]
                                              run simulation jobs from the queue until stopped (any number of machines)`;

class UsageError extends Error {}

/** The URL without its password, for printing. */
function shown(url: string): string {
  return url.replace(
    /\/\/([^@/]*)@/,
    (_, auth: string) => `//${auth.split(':')[0] ? `${auth.split(':')[0]}:***` : '***'}@`,
  );
}

/** Runs the worker until `stop` resolves (SIGINT or SIGTERM from the command line); resolves to the exit code. */
export async function runWorkerCli(
  argv: string[],
  out: Out = console.log,
  err: Out = console.error,
  stop?: Promise<void>,
): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        queue: { type: 'string' },
        threads: { type: 'string' },
        'queue-prefix': { type: 'string' },
        'lock-ms': { type: 'string' },
        quiet: { type: 'boolean' },
      },
      strict: true,
    });
    if (!values.queue) throw new UsageError('worker: --queue REDIS_URL is required');
    const problem = checkQueueUrl(values.queue);
    if (problem) throw new UsageError(problem);
    const threads = values.threads === undefined ? 1 : Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64)
      throw new UsageError(`--threads "${values.threads}": expected a whole number from 1 to 64`);
    const lockMs = values['lock-ms'] === undefined ? 30_000 : Number(values['lock-ms']);
    if (!Number.isInteger(lockMs) || lockMs < 1000 || lockMs > 3_600_000)
      throw new UsageError(
        `--lock-ms "${values['lock-ms']}": expected a whole number of milliseconds, 1000–3600000`,
      );
    const prefix = values['queue-prefix'];
    if (prefix !== undefined && !/^[A-Za-z0-9_:.-]{1,64}$/.test(prefix))
      throw new UsageError(`--queue-prefix "${prefix}": use 1–64 letters, digits, _ : . or -`);
    const stamp = () => new Date().toISOString().slice(11, 19);
    const handle = await startSimWorker(
      { url: values.queue, ...(prefix ? { prefix } : {}) },
      { threads, lockMs, log: values.quiet ? undefined : (line) => out(`${stamp()} ${line}`) },
    ).catch((error: Error) => {
      throw new Error(`cannot reach the queue at ${shown(values.queue as string)}: ${error.message}`);
    });
    out(
      `worker on ${os.hostname()} (pid ${process.pid}): ${threads} thread${threads > 1 ? 's' : ''}, queue ${shown(values.queue)}` +
        `${prefix ? ` prefix ${prefix}` : ''}; waiting for batches (Ctrl-C to stop)`,
    );
    const started = performance.now();
    await (stop ?? signalled());
    out('stopping: letting running jobs finish');
    await handle.close();
    const seconds = (performance.now() - started) / 1000;
    out(
      `stopped: ${handle.stats.completed} jobs done (${handle.stats.size} matches or sets), ${handle.stats.failed} failed, in ${seconds.toFixed(0)} s`,
    );
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      err(`${(error as Error).message}\n\nusage:\n${WORKER_USAGE}`);
      return 2;
    }
    return reportFailure(error, err, WORKER_USAGE);
  }
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** For `run` in main.ts (synchronous): starts the worker and sets `process.exitCode` when it stops. */
export function startWorkerCli(argv: string[], out?: Out, err?: Out): number {
  void runWorkerCli(argv, out, err).then((code) => {
    process.exitCode = code;
  });
  return 0;
}
