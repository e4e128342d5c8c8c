/**
 * The simulator's job kinds on the queue (src/sim/queue.ts): what a coordinator publishes for a batch of matches
 * (`sim --queue`, validate's batches) or for sensitivity sets (`validate --sensitivity --queue`), and how a worker
 * checks and runs them.
 *
 * A job carries everything a worker needs and nothing it must already share with the coordinator but the code, and
 * it names that too: the rules version and the hash of the sources (a worker of another version refuses the job); the scenario by id and content hash when it is a built-in one the worker's build holds with the
 * same hash, else the whole document and its hash; the bots, the what-ifs and the lever overrides; the engine; the
 * seeds with the index of the first. The worker checks all of it (an `UnrecoverableError` naming the job and the
 * field when something is wrong, so a bad job fails once and the worker goes on), plays the seeds on a worker thread
 * with the same `runMatchRecord` as a local run, and returns the records: a queued batch's records, gathered in job
 * order, are the local run's, byte for byte.
 */
import { z } from 'zod';
import { SEATS } from '../game/vocabulary';
import { RULES_VERSION } from '../game/state';
import { hashValue } from '../game/hash';
import type { Scenario } from '../game/scenario-schema';
import { parseScenario } from '../game/scenario-validate';
import { parseBotSpec, type BotSpec } from '../bots/registry';
import { builtinScenario } from '../scenario/builtin';
import { runBatch, type BatchSpec, type MatchRecord } from './batch';
import { leverLeaves } from './lever-overrides';
import { runSensitivitySet } from './sensitivity';
import { workerCodeHash } from './worker-bundle';
import {
  runOnQueue,
  startQueueWorker,
  UnrecoverableError,
  type JobHandler,
  type QueueRunOptions,
  type QueueTarget,
  type QueueWorkerOptions,
} from './queue';
import { applyWhatIfs, WhatIfListSchema, type WhatIf } from './whatif';
import { CLAIM_COUNT, type ClaimRow } from './claims';

const seedText = z.string().min(1).max(100);
const leverMap = z.record(z.string().max(100), z.number().finite());

/** A batch of matches: `seeds` played as seed indices `from`, `from + 1`, … of the batch. */
export const MatchesJobSchema = z
  .object({
    batch: z.string(),
    rulesVersion: z.number().int(),
    /** The hash of the sources the coordinator's build runs (`workerCodeHash`). */
    code: z.string().regex(/^[0-9a-f]{20}$/),
    scenario: z
      .object({
        id: z.string().min(1).max(100),
        /** Content hash of the scenario named or carried (before what-ifs). */
        hash: z.string().regex(/^[0-9a-f]{16}$/),
        /** The document itself, when it is not a built-in scenario of the same hash. */
        document: z.unknown().optional(),
        /** Whether the what-ifs are still to be applied to it (false: the document already has them). */
        applyWhatIfs: z.boolean(),
        /** Content hash of the scenario as played (after what-ifs). */
        played: z.string().regex(/^[0-9a-f]{16}$/),
      })
      .strict(),
    bots: z.record(z.enum(SEATS), z.string().max(60)),
    whatIfs: z.unknown(),
    levers: leverMap.optional(),
    engine: z.enum(['direct', 'reducer']),
    from: z.number().int().min(0).max(10_000_000),
    seeds: z.array(seedText).min(1).max(10_000),
  })
  .strict();
export type MatchesJob = z.infer<typeof MatchesJobSchema>;

/** One sensitivity set: validate's historical and control arms under these numbers. */
export const SensitivityJobSchema = z
  .object({
    batch: z.string(),
    rulesVersion: z.number().int(),
    /** The hash of the sources the coordinator's build runs (`workerCodeHash`). */
    code: z.string().regex(/^[0-9a-f]{20}$/),
    set: z.number().int().min(0),
    levers: leverMap,
    seeds: z.array(seedText).min(1).max(10_000),
    /** Only these claims (`validate --claims`); every claim when absent. */
    claims: z.array(z.number().int().min(1).max(CLAIM_COUNT)).min(1).max(CLAIM_COUNT).optional(),
  })
  .strict();

/** The first problem of a zod result, as `field: message`. */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.length ? issue.path.join('.') : '(job data)'}: ${issue.message}`;
}

function bad(jobId: string | undefined, message: string): never {
  throw new UnrecoverableError(`job ${jobId ?? '?'}: ${message}`);
}

function checkRules(jobId: string | undefined, version: number, code: string): void {
  if (version !== RULES_VERSION)
    bad(jobId, `made with rules version ${version}, this worker runs rules version ${RULES_VERSION}`);
  const mine = workerCodeHash();
  if (code !== mine)
    bad(
      jobId,
      `code: the coordinator's sources hash to ${code}, this worker's to ${mine}: run both from the same version (restart the worker after an update)`,
    );
}

function checkLevers(jobId: string | undefined, levers: Record<string, number> | undefined): void {
  if (!levers) return;
  const known = leverLeaves();
  for (const path of Object.keys(levers))
    if (!(path in known)) bad(jobId, `levers.${path}: not a lever of this build`);
}

/** The scenario a job plays, checked against its hashes. */
function scenarioOfJob(jobId: string | undefined, job: MatchesJob, whatIfs: WhatIf[]): Scenario {
  const ref = job.scenario;
  let base: Scenario;
  if (ref.document !== undefined) {
    const parsed = parseScenario(ref.document);
    if (!parsed.ok)
      bad(
        jobId,
        `scenario.document: ${parsed.problems
          .slice(0, 3)
          .map((p) => `${p.path || '(document)'}: ${p.message}`)
          .join('; ')}`,
      );
    base = parsed.scenario;
  } else {
    const found = builtinScenario(ref.id);
    if (!found) bad(jobId, `scenario.id: "${ref.id}" is not a built-in scenario of this worker's build`);
    base = found;
  }
  const hash = hashValue(base);
  if (hash !== ref.hash)
    bad(
      jobId,
      `scenario.hash: the coordinator's "${ref.id}" has hash ${ref.hash}, this worker's ${hash} (different builds?)`,
    );
  let played = base;
  if (ref.applyWhatIfs) {
    const applied = applyWhatIfs(base, whatIfs);
    if (!applied.ok) bad(jobId, `whatIfs: ${applied.error}`);
    played = applied.value;
  }
  if (hashValue(played) !== ref.played)
    bad(
      jobId,
      `scenario.played: the scenario with its what-ifs differs from the coordinator's (different builds?)`,
    );
  return played;
}

/** Prepared batches by job-data key: a worker parses a batch's scenario once, not once per job. */
const prepared = new Map<string, { scenario: Scenario; whatIfs: WhatIf[]; bots: BotSpec }>();

/** Checks a matches job's data; throws an `UnrecoverableError` naming the job and the field. */
export function checkMatchesJob(
  data: unknown,
  jobId?: string,
): { job: MatchesJob; spec: Omit<BatchSpec, 'seeds'> } {
  const parsed = MatchesJobSchema.safeParse(data);
  if (!parsed.success) bad(jobId, firstProblem(parsed.error));
  const job = parsed.data;
  checkRules(jobId, job.rulesVersion, job.code);
  checkLevers(jobId, job.levers);
  const { id, hash, applyWhatIfs: apply, played } = job.scenario;
  const key = JSON.stringify([job.batch, id, hash, apply, played, job.bots, job.whatIfs]);
  let hit = prepared.get(key);
  if (!hit) {
    const whatIfs = WhatIfListSchema.safeParse(job.whatIfs);
    if (!whatIfs.success) bad(jobId, `whatIfs.${firstProblem(whatIfs.error)}`);
    const missing = SEATS.filter((s) => job.bots[s] === undefined);
    if (missing.length) bad(jobId, `bots: no bot for ${missing.join(', ')}`);
    const bots = parseBotSpec(SEATS.map((s) => `${s}=${job.bots[s]}`).join(','));
    if (!bots.ok) bad(jobId, `bots: ${bots.error}`);
    hit = { scenario: scenarioOfJob(jobId, job, whatIfs.data), whatIfs: whatIfs.data, bots: bots.spec };
    if (prepared.size > 16) prepared.clear();
    prepared.set(key, hit);
  }
  return {
    job,
    spec: {
      scenario: hit.scenario,
      bots: hit.bots,
      whatIfs: hit.whatIfs,
      engine: job.engine,
      ...(job.levers && Object.keys(job.levers).length ? { levers: job.levers } : {}),
    },
  };
}

/** The worker's side of a matches job: the records, with their indices in the whole batch. */
const runMatchesJob: JobHandler = async (data, job) => {
  const { job: j, spec } = checkMatchesJob(data, job.id);
  const records = await runBatch({ ...spec, seeds: j.seeds }, { workers: 1, offThread: true });
  return { size: records.length, records: records.map((r) => ({ ...r, index: j.from + r.index })) };
};

/** The worker's side of a sensitivity set. */
const runSensitivityJob: JobHandler = async (data, job) => {
  const parsed = SensitivityJobSchema.safeParse(data);
  if (!parsed.success) bad(job.id, firstProblem(parsed.error));
  checkRules(job.id, parsed.data.rulesVersion, parsed.data.code);
  checkLevers(job.id, parsed.data.levers);
  const result = await runSensitivitySet(parsed.data.levers, parsed.data.seeds, parsed.data.claims);
  return { size: 1, ...result };
};

/** Every job kind a simulation worker runs. */
export const SIM_JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  matches: runMatchesJob,
  sensitivity: runSensitivityJob,
};

/** `worker --queue URL`: serves simulation batches until closed. */
export function startSimWorker(target: QueueTarget, options: QueueWorkerOptions = {}) {
  return startQueueWorker(target, SIM_JOB_HANDLERS, options);
}

/** Seeds per job: one for strategist matches (seconds each), else enough to spread over many workers. */
export function defaultChunk(spec: Pick<BatchSpec, 'bots' | 'seeds'>): number {
  if (Object.values(spec.bots).some((k) => k.startsWith('strategist'))) return 1;
  return Math.max(1, Math.min(20, Math.ceil(spec.seeds.length / 64)));
}

/** How a job names the batch's scenario: by id and hash when the worker's build has it, else the document. */
function scenarioRef(spec: BatchSpec): MatchesJob['scenario'] {
  const played = hashValue(spec.scenario);
  const builtin = builtinScenario(spec.scenario.id);
  if (builtin) {
    const applied = applyWhatIfs(builtin, spec.whatIfs);
    if (applied.ok && hashValue(applied.value) === played)
      return { id: builtin.id, hash: hashValue(builtin), applyWhatIfs: true, played };
  }
  return { id: spec.scenario.id, hash: played, document: spec.scenario, applyWhatIfs: false, played };
}

export interface QueuedBatchOptions extends Omit<QueueRunOptions, 'onProgress'> {
  /** Seeds per job (`defaultChunk` when unset). */
  chunk?: number;
  onProgress?: (done: number, total: number, workers: number | null) => void;
}

/**
 * Runs a batch on the queue and returns its records in seed order, the same records `runBatch` returns locally.
 * A batch that writes replays (`saveReplays`) is refused: the files would land on the workers' machines.
 */
export async function runBatchOnQueue(
  spec: BatchSpec,
  target: QueueTarget,
  options: QueuedBatchOptions = {},
): Promise<MatchRecord[]> {
  if (spec.saveReplays)
    throw new Error('--save-replays cannot be used with --queue: replays would stay on the workers');
  const chunk = options.chunk ?? defaultChunk(spec);
  if (!Number.isInteger(chunk) || chunk < 1)
    throw new Error(`chunk ${chunk}: expected a whole number of seeds ≥ 1`);
  const base = {
    rulesVersion: RULES_VERSION,
    code: workerCodeHash(),
    scenario: scenarioRef(spec),
    bots: spec.bots,
    whatIfs: spec.whatIfs,
    ...(spec.levers && Object.keys(spec.levers).length ? { levers: spec.levers } : {}),
    engine: spec.engine ?? 'direct',
  };
  const work = [];
  for (let from = 0; from < spec.seeds.length; from += chunk) {
    const seeds = spec.seeds.slice(from, from + chunk);
    work.push({ kind: 'matches', data: { ...base, from, seeds }, size: seeds.length });
  }
  const results = await runOnQueue<{ records: MatchRecord[] }>(target, work, options);
  const records = results.flatMap((r) => r.records);
  records.sort((a, b) => a.index - b.index);
  records.forEach((r, i) => {
    if (r.index !== i || r.seed !== spec.seeds[i])
      throw new Error(
        `the queue returned seed ${r.seed} at index ${r.index}, expected seed ${spec.seeds[i]} at ${i}`,
      );
  });
  return records;
}

/** Runs sensitivity sets on the queue, one job per set; results in set order. */
export async function runSensitivitySetsOnQueue(
  sets: readonly Record<string, number>[],
  seeds: string[],
  target: QueueTarget,
  options: QueuedBatchOptions & { claims?: readonly number[] } = {},
): Promise<{ rows: ClaimRow[]; runs: number }[]> {
  const claims = options.claims && { claims: [...options.claims] };
  const work = sets.map((levers, set) => ({
    kind: 'sensitivity',
    data: { rulesVersion: RULES_VERSION, code: workerCodeHash(), set, levers, seeds, ...claims },
    size: 1,
  }));
  return runOnQueue(target, work, options);
}
