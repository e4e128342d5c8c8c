/**
 * Simulation work on a job queue (BullMQ on Redis), for batches larger than one machine: a coordinator publishes a
 * batch as jobs and collects their results; `worker` processes on any number of machines run them.
 *
 * Namespacing. Every batch gets its own BullMQ queue, `sim-<batch id>`, under a key prefix (`oil-and-water` unless
 * told otherwise), so two batches never mix: a job only ever meets the results of its own batch. The coordinator
 * adds the batch id to the set `<prefix>:sim:batches`; workers watch that set and serve every batch in it, and the
 * coordinator removes the batch and its queue (`obliterate`) when it has the results, fails, or is interrupted.
 *
 * Failure. A worker validates each job and fails a bad one with an error naming the job and the field (an
 * `UnrecoverableError`: never retried) and carries on. Jobs run on worker threads, so a worker's event loop stays
 * free to renew its job locks; a worker that dies (killed, machine lost) stops renewing them, and after the lock
 * expires another worker's stalled-job check puts the job back to be run again (`maxStalledCount` 2). A failed job
 * fails the whole batch at the coordinator, which names it and its reason. Results are the jobs' return values,
 * gathered in the order of the jobs, so they do not depend on which worker ran what or when.
 */
import crypto from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';

export { UnrecoverableError };

/** Where the queue lives: a Redis URL and a key prefix. */
export interface QueueTarget {
  url: string;
  /** Key prefix of every queue and the batch set; `oil-and-water` by default. */
  prefix?: string;
}

export const DEFAULT_QUEUE_PREFIX = 'oil-and-water';

/** Checks a `--queue` URL; the error names it and what was expected. */
export function checkQueueUrl(url: string): string | null {
  if (!/^rediss?:\/\/[^\s]+$/.test(url))
    return `--queue "${url}": expected a Redis URL, redis://HOST[:PORT][/DB]`;
  return null;
}

const prefixOf = (t: QueueTarget) => t.prefix ?? DEFAULT_QUEUE_PREFIX;
const batchSetKey = (t: QueueTarget) => `${prefixOf(t)}:sim:batches`;
const queueName = (batch: string) => `sim-${batch}`;
const BATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One unit of work: a job kind (its handler on the worker), its data, and how many matches it stands for. */
export interface QueueWork {
  kind: string;
  data: Record<string, unknown>;
  /** Matches (or sets) in this job, for progress. */
  size: number;
}

export interface QueueRunOptions {
  /** The batch id (letters, digits, `-`, `_`); a fresh random one by default. */
  batch?: string;
  /** Called as jobs finish: matches done, matches in all, workers serving the batch (when Redis tells). */
  onProgress?: (done: number, total: number, workers: number | null) => void;
  /** Stops waiting, cleans the batch up and rejects. */
  signal?: AbortSignal;
  /** How often to look at the batch's counts, ms. */
  pollMs?: number;
}

/** A fresh batch id. */
export function newBatchId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Publishes `work` as one batch on the queue, waits until every job has a result, and returns the results in the
 * order of `work`. Rejects, naming the job, when any job fails; the batch's queue is removed in every case.
 */
export async function runOnQueue<R>(
  target: QueueTarget,
  work: readonly QueueWork[],
  options: QueueRunOptions = {},
): Promise<R[]> {
  const problem = checkQueueUrl(target.url);
  if (problem) throw new Error(problem);
  const batch = options.batch ?? newBatchId();
  if (!BATCH_ID.test(batch)) throw new Error(`batch id "${batch}": use 1–64 letters, digits, - or _`);
  const connection = { url: target.url, maxRetriesPerRequest: null, enableOfflineQueue: false };
  const queue = new Queue(queueName(batch), { connection, prefix: prefixOf(target) });
  queue.on('error', () => undefined);
  const client = new Redis(target.url, { maxRetriesPerRequest: 3, lazyConnect: true });
  client.on('error', () => undefined);
  const total = work.reduce((n, w) => n + w.size, 0);
  const ids = work.map((_, i) => `j${i}`);
  let registered = false;
  try {
    await client.connect();
    if (
      (await client.sismember(batchSetKey(target), batch)) ||
      (await client.exists(`${prefixOf(target)}:${queueName(batch)}:${ids[0]}`))
    )
      throw new Error(`batch "${batch}" is already on the queue: give another --batch id`);
    for (let from = 0; from < work.length; from += 500) {
      await queue.addBulk(
        work.slice(from, from + 500).map((w, k) => ({
          name: w.kind,
          data: { ...w.data, batch },
          opts: { jobId: ids[from + k], attempts: 1, removeOnComplete: false, removeOnFail: false },
        })),
      );
    }
    await client.sadd(batchSetKey(target), batch);
    registered = true;
    const sizeBefore: number[] = [];
    work.reduce((n, w, i) => ((sizeBefore[i] = n), n + w.size), 0);
    let lastDone = -1;
    for (;;) {
      if (options.signal?.aborted) throw new Error(`batch ${batch}: interrupted`);
      const counts = await queue.getJobCounts('completed', 'failed');
      if (counts.failed > 0) {
        const [job] = await queue.getFailed(0, 0);
        throw new Error(
          `batch ${batch}: job ${job?.id ?? '?'} (${job?.name ?? '?'}) failed on a worker: ${job?.failedReason ?? 'no reason given'}`,
        );
      }
      const completed = counts.completed;
      const done = completed >= work.length ? total : (sizeBefore[completed] ?? total);
      if (done !== lastDone || completed >= work.length) {
        lastDone = done;
        let workers: number | null = null;
        try {
          workers = await queue.getWorkersCount();
        } catch {
          // CLIENT LIST may be refused (managed Redis); the count is then unknown.
        }
        options.onProgress?.(done, total, workers);
      }
      if (completed >= work.length) break;
      await sleep(options.pollMs ?? 250, options.signal);
    }
    const results: R[] = new Array(work.length);
    for (let from = 0; from < ids.length; from += 100) {
      const jobs = await Promise.all(ids.slice(from, from + 100).map((id) => queue.getJob(id)));
      jobs.forEach((job, k) => {
        if (!job || job.returnvalue === undefined || job.returnvalue === null)
          throw new Error(`batch ${batch}: job ${ids[from + k]} finished without a result`);
        results[from + k] = job.returnvalue as R;
      });
    }
    return results;
  } finally {
    try {
      if (registered) await client.srem(batchSetKey(target), batch);
      await queue.obliterate({ force: true });
    } catch {
      // Redis went away: nothing more to clean here.
    }
    await queue.close().catch(() => undefined);
    client.disconnect();
  }
}

/** Runs one job's data; throws `UnrecoverableError` for bad data (never retried). */
export type JobHandler = (data: unknown, job: Job) => Promise<unknown>;

export interface QueueWorkerOptions {
  /** Jobs run at once (each on its own worker thread); one per core is the useful most. */
  threads?: number;
  /** A job's lock, ms: a dead worker's jobs go back to the queue this long after it stopped renewing them. */
  lockMs?: number;
  /** How often to look for new batches, ms. */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface QueueWorkerHandle {
  /** Jobs finished and failed so far, and matches (or sets) run. */
  stats: { completed: number; failed: number; size: number };
  /** Stops taking jobs, lets running ones finish, closes the connections. */
  close(): Promise<void>;
}

/** A counting semaphore: at most `n` jobs on threads at once across every batch this worker serves. */
function semaphore(n: number): { acquire(): Promise<void>; release(): void } {
  let free = n;
  const waiting: (() => void)[] = [];
  return {
    acquire: () =>
      free > 0
        ? ((free -= 1), Promise.resolve())
        : new Promise<void>((resolve) => {
            waiting.push(resolve);
          }),
    release: () => {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/**
 * Serves every batch on the queue until closed: watches the batch set, runs each batch's jobs with `handlers` (by
 * job name), and survives bad jobs, failed jobs and lost connections (it logs them and carries on).
 */
export async function startQueueWorker(
  target: QueueTarget,
  handlers: Readonly<Record<string, JobHandler>>,
  options: QueueWorkerOptions = {},
): Promise<QueueWorkerHandle> {
  const problem = checkQueueUrl(target.url);
  if (problem) throw new Error(problem);
  const log = options.log ?? (() => undefined);
  const threads = Math.max(1, options.threads ?? 1);
  const lockMs = Math.max(1000, options.lockMs ?? 30_000);
  const connection = { url: target.url, maxRetriesPerRequest: null };
  const redis = new Redis(target.url, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on('error', () => undefined);
  await redis.connect();
  const slots = semaphore(threads);
  const workers = new Map<string, Worker>();
  const stats = { completed: 0, failed: 0, size: 0 };
  let closed = false;

  const serve = (batch: string): Worker => {
    const worker = new Worker(
      queueName(batch),
      async (job: Job) => {
        await slots.acquire();
        try {
          const handler = Object.prototype.hasOwnProperty.call(handlers, job.name)
            ? handlers[job.name]
            : undefined;
          if (!handler) throw new UnrecoverableError(`job ${job.id}: unknown job kind "${job.name}"`);
          const started = performance.now();
          const result = await handler(job.data, job);
          const size = (result as { size?: number } | null)?.size ?? 1;
          stats.size += size;
          log(
            `batch ${batch} job ${job.id} (${job.name}, ${size}) done in ${((performance.now() - started) / 1000).toFixed(2)} s`,
          );
          return result;
        } finally {
          slots.release();
        }
      },
      {
        connection,
        prefix: prefixOf(target),
        concurrency: threads,
        lockDuration: lockMs,
        stalledInterval: Math.max(500, Math.round(lockMs / 2)),
        maxStalledCount: 2,
        drainDelay: 1,
      },
    );
    worker.on('completed', () => {
      stats.completed += 1;
    });
    worker.on('failed', (job, error) => {
      stats.failed += 1;
      log(`batch ${batch} job ${job?.id ?? '?'} failed: ${error.message}`);
    });
    worker.on('error', (error) => log(`batch ${batch}: ${error.message}`));
    return worker;
  };

  const poll = async () => {
    let live: string[];
    try {
      live = (await redis.smembers(batchSetKey(target))).filter((b) => BATCH_ID.test(b));
    } catch (error) {
      log(`cannot read the batch list: ${(error as Error).message}`);
      return;
    }
    for (const batch of live) {
      if (!workers.has(batch) && !closed) {
        log(`serving batch ${batch}`);
        workers.set(batch, serve(batch));
      }
    }
    for (const [batch, worker] of workers) {
      if (!live.includes(batch)) {
        workers.delete(batch);
        void worker.close().catch(() => undefined);
      }
    }
  };
  await poll();
  const timer = setInterval(() => void poll(), options.pollMs ?? 250);
  return {
    stats,
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.all([...workers.values()].map((w) => w.close().catch(() => undefined)));
      workers.clear();
      redis.disconnect();
    },
  };
}
