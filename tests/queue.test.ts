// Simulation batches on the job queue, against a real Redis (TEST_REDIS_URL): a coordinator and two worker
// processes write the same JSON as a local run; a bad job fails with an error naming the job and the field while
// the worker carries on; a worker killed mid-batch has its job run again by another. Every run uses its own key
// prefix and removes its keys at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { perSeat } from '../src/game/vocabulary';
import { RULES_VERSION } from '../src/game/state';
import { hashValue } from '../src/game/hash';
import { builtinScenario } from '../src/scenario/builtin';
import type { Scenario } from '../src/game/scenario-schema';
import { runBatch } from '../src/sim/batch';
import { runOnQueue, type QueueTarget } from '../src/sim/queue';
import {
  checkMatchesJob,
  runBatchOnQueue,
  SensitivityJobSchema,
  startSimWorker,
} from '../src/sim/queue-jobs';
import { runSimCli } from '../src/cli/sim';
import { asyncCliOf } from './cli-capture';
import { workerCodeHash } from '../src/sim/worker-bundle';
import { runTag, TEST_REDIS_URL } from './services';

const PREFIX = runTag('simq');
const target: QueueTarget = { url: TEST_REDIS_URL, prefix: PREFIX };
const historical = perSeat(() => 'historical');
const yeltsin = builtinScenario('yeltsin-1992') as Scenario;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-queue-'));
const children: ChildProcess[] = [];

/** Starts `worker --queue` as its own process and resolves once it waits for batches. */
function startWorkerProcess(extra: string[] = []): Promise<{ child: ChildProcess; log: string[] }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'worker',
      '--queue',
      TEST_REDIS_URL,
      '--queue-prefix',
      PREFIX,
      ...extra,
    ],
    { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log.push(...chunk.toString().split('\n').filter(Boolean));
      if (log.some((l) => l.includes('waiting for batches'))) resolve({ child, log });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before it was ready: ${log.join('\n')}`)),
    );
  });
}

function stopWorker(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

const cli = asyncCliOf(runSimCli);

afterAll(async () => {
  await Promise.all(children.map((c) => stopWorker(c, 'SIGKILL')));
  const redis = new Redis(TEST_REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('job data', () => {
  const good = {
    batch: 'b1',
    rulesVersion: RULES_VERSION,
    code: workerCodeHash(),
    scenario: {
      id: 'yeltsin-1992',
      hash: hashValue(yeltsin),
      applyWhatIfs: true,
      played: hashValue(yeltsin),
    },
    bots: historical,
    whatIfs: [],
    engine: 'direct',
    from: 0,
    seeds: ['1'],
  };

  test.each([
    [{ ...good, seeds: [] }, /job j7: seeds: .*at least 1|job j7: seeds/],
    [{ ...good, bots: { ...historical, japan: 'grandmaster' } }, /job j7: bots: .*grandmaster/],
    [{ ...good, engine: 'quantum' }, /job j7: engine/],
    [{ ...good, rulesVersion: RULES_VERSION + 1 }, /rules version/],
    [
      { ...good, code: '0123456789abcdef0123' },
      /job j7: code: the coordinator's sources hash to 0123456789abcdef0123/,
    ],
    [{ ...good, levers: { 'trust.nonsense': 1 } }, /job j7: levers\.trust\.nonsense: not a lever/],
    [
      { ...good, whatIfs: [{ type: 'set', year: 1995, lever: 'trust', value: 20 }] },
      /job j7: whatIfs\.0\.lever/,
    ],
    [{ ...good, scenario: { ...good.scenario, id: 'atlantis-2050' } }, /job j7: scenario\.(hash|id)/],
    [{ ...good, extra: 1 }, /job j7: .*extra|job j7: \(job data\)/],
  ])('bad job data is refused, naming the job and the field (%#)', (data, message) => {
    expect(() => checkMatchesJob(data, 'j7')).toThrow(message);
  });

  test('a sensitivity job names only claims that exist', () => {
    const set = {
      batch: 'b',
      rulesVersion: RULES_VERSION,
      code: workerCodeHash(),
      set: 0,
      levers: {},
      seeds: ['1'],
    };
    expect(SensitivityJobSchema.safeParse({ ...set, claims: [10] }).success).toBe(true);
    for (const claims of [[0], [23], [], [1.5]])
      expect(SensitivityJobSchema.safeParse({ ...set, claims }).error?.issues[0].path[0]).toBe('claims');
  });

  test('good job data passes: the scenario, bots and seeds the worker will play', () => {
    const { job, spec } = checkMatchesJob(good, 'j0');
    expect(job.seeds).toEqual(['1']);
    expect(hashValue(spec.scenario)).toBe(hashValue(yeltsin));
    expect(spec.bots.japan).toBe('historical');
  });

  test("a scenario whose hash is not the worker's is refused", () => {
    expect(() =>
      checkMatchesJob({ ...good, scenario: { ...good.scenario, hash: '0123456789abcdef' } }, 'j1'),
    ).toThrow(/scenario\.hash: the coordinator's "yeltsin-1992" has hash 0123456789abcdef/);
  });
});

describe('batches on the queue (real Redis)', () => {
  test('a coordinator and two worker processes write the same JSON and CSV as local runs on 1 and 2 workers', async () => {
    const [a, b] = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
    const common = ['--scenario', 'yeltsin-1992', '--seeds', '1..16', '--bots', 'historical'];
    const what = ['--what-if', 'sinoRussian=10@1995'];
    const queued = await cli(
      'sim',
      ...common,
      ...what,
      '--queue',
      TEST_REDIS_URL,
      '--queue-prefix',
      PREFIX,
      '--chunk',
      '3',
      '--json',
      path.join(dir, 'q.json'),
      '--csv',
      path.join(dir, 'q.csv'),
    );
    expect(queued.err).toEqual([]);
    expect(queued.code).toBe(0);
    expect(queued.out.some((l) => /^queue: 16\/16 matches done/.test(l))).toBe(true);
    for (const workers of ['1', '2']) {
      const local = await cli(
        'sim',
        ...common,
        ...what,
        '--workers',
        workers,
        '--json',
        path.join(dir, `l${workers}.json`),
        '--csv',
        path.join(dir, `l${workers}.csv`),
      );
      expect(local.code).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'q.json'), 'utf8')).toBe(
        fs.readFileSync(path.join(dir, `l${workers}.json`), 'utf8'),
      );
      expect(fs.readFileSync(path.join(dir, 'q.csv'), 'utf8')).toBe(
        fs.readFileSync(path.join(dir, `l${workers}.csv`), 'utf8'),
      );
    }
    // Both processes took jobs of the batch (6 jobs of 3 seeds).
    const served = [a, b].map((w) => w.log.filter((l) => /job j\d+ \(matches, \d+\) done/.test(l)).length);
    expect(served[0] + served[1]).toBe(6);
    // The batch's queue is gone from Redis once the coordinator has the results.
    const redis = new Redis(TEST_REDIS_URL);
    expect(await redis.smembers(`${PREFIX}:sim:batches`)).toEqual([]);
    expect((await redis.keys(`${PREFIX}:sim-*`)).length).toBe(0);
    redis.disconnect();
    await Promise.all([stopWorker(a.child, 'SIGTERM'), stopWorker(b.child, 'SIGTERM')]);
    expect(a.log.some((l) => /^stopped: \d+ jobs done/.test(l))).toBe(true);
  }, 180_000);

  test('a bad job fails with a clear error and the worker carries on with the next batch', async () => {
    const worker = await startSimWorker(target, { pollMs: 200 });
    try {
      await expect(
        runOnQueue(target, [
          { kind: 'matches', data: { rulesVersion: RULES_VERSION, seeds: 'all' }, size: 1 },
        ]),
      ).rejects.toThrow(/job j0 \(matches\) failed on a worker: job j0: /);
      await expect(runOnQueue(target, [{ kind: 'teleport', data: {}, size: 1 }])).rejects.toThrow(
        /unknown job kind "teleport"/,
      );
      expect(worker.stats.failed).toBe(2);
      const spec = { scenario: yeltsin, seeds: ['3', '4', '5'], bots: historical, whatIfs: [] };
      const queued = await runBatchOnQueue(spec, target, { chunk: 2 });
      expect(JSON.stringify(queued)).toBe(JSON.stringify(await runBatch(spec)));
      expect(worker.stats.completed).toBe(2);
    } finally {
      await worker.close();
    }
  }, 120_000);

  test('validate --sensitivity on the queue writes the same JSON as on local threads', async () => {
    const worker = await startSimWorker(target, { threads: 2, pollMs: 200 });
    try {
      // Claim 10's historical arm plays in the set's thread, its control (strategists) on threads of its own, which
      // must be given the set's numbers too.
      const sets = ['--sensitivity', '2', '--sensitivity-seed', '3'];
      const args = ['validate', '--seeds', '1', ...sets, '--claims', '10'];
      const queued = await cli(
        ...args,
        '--queue',
        TEST_REDIS_URL,
        '--queue-prefix',
        PREFIX,
        '--json',
        path.join(dir, 'sq.json'),
      );
      const local = await cli(...args, '--workers', '2', '--json', path.join(dir, 'sl.json'));
      expect(queued.err).toEqual([]);
      expect(queued.code).toBe(local.code);
      const text = fs.readFileSync(path.join(dir, 'sq.json'), 'utf8');
      expect(text).toBe(fs.readFileSync(path.join(dir, 'sl.json'), 'utf8'));
      const json = JSON.parse(text) as { sets: unknown[]; rows: { id: number }[] };
      expect(json.sets).toHaveLength(2);
      expect(json.rows.map((r) => r.id)).toEqual([10]);
      expect(worker.stats.completed).toBe(2);
    } finally {
      await worker.close();
    }
  }, 300_000);

  test('a worker killed mid-batch: its job goes back to the queue and another worker finishes the batch', async () => {
    const first = await startWorkerProcess(['--lock-ms', '2000']);
    const batch = `kill${Date.now().toString(36)}`;
    const spec = {
      scenario: yeltsin,
      seeds: Array.from({ length: 24 }, (_, i) => String(100 + i)),
      bots: historical,
      whatIfs: [],
    };
    const events = new QueueEvents(`sim-${batch}`, { connection: { url: TEST_REDIS_URL }, prefix: PREFIX });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    const running = runBatchOnQueue(spec, target, { batch, chunk: 6 });
    const queue = new Queue(`sim-${batch}`, { connection: { url: TEST_REDIS_URL }, prefix: PREFIX });
    try {
      // Kill the only worker as soon as it holds a job.
      for (let i = 0; i < 1200 && (await queue.getJobCounts('active')).active === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect((await queue.getJobCounts('active')).active).toBeGreaterThan(0);
      await stopWorker(first.child, 'SIGKILL');
      const second = await startWorkerProcess(['--lock-ms', '2000']);
      const records = await running;
      expect(JSON.stringify(records)).toBe(JSON.stringify(await runBatch(spec)));
      expect(stalled.length).toBeGreaterThan(0);
      expect(second.log.some((l) => /job j\d+ \(matches, 6\) done/.test(l))).toBe(true);
      await stopWorker(second.child, 'SIGTERM');
    } finally {
      await queue.close();
      await events.close();
    }
  }, 180_000);
});
