/**
 * Bot planning off the main thread. A strategist:hard pass takes seconds of pure computation; run on the server's
 * thread it stalls every socket and HTTP request of every match (one pass once held /api/health for 28.7 s). The
 * `BotWorkerPool` plans on worker threads (node:worker_threads, started from the prebuilt worker bundle like src/sim/batch.ts) and leaves
 * the main thread to sockets and storage; `inlinePlanner` plans in-thread (for a pool of 0 workers).
 *
 * Budgets and determinism. Each strategist decision already has a budget counted in rollouts (candidates x rollouts
 * x horizon per strength, src/bots/strategist.ts), so a plan depends only on the state, the seed and the bot kinds,
 * never on the machine's speed or load: the same pass planned again (after a restart, or on another worker) chooses
 * alike. The pool adds one wall-time ceiling per pass (`passBudgetMs`) as a safety net only: when a pass overruns it,
 * the worker is ended and the pass is planned again with each seat one strength lower (strategist:hard -> normal ->
 * easy -> historical). That fallback does depend on load, so it is logged, and the default ceiling is far above what
 * a pass needs on an idle core.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { State } from 'boardgame.io';
import type { GameState } from '../game/state';
import type { Scenario } from '../game/scenario-schema';
import { scenarioOf } from '../game/scenario-registry';
import type { Seat } from '../game/vocabulary';
import type { MatchAction } from '../match/driver';
import { WORKER_BOOT, workerModule } from '../sim/worker-bundle';
import { planBotAnswers, planBotPhase } from './bot-planner';

/** What the runtime asks of a planner: a phase's bot actions and answers to open proposals, as `bot-planner.ts`. */
export interface BotPlanner {
  planPhase(
    state: State<GameState>,
    seed: string,
    seats: Partial<Record<Seat, string>>,
  ): Promise<MatchAction[]>;
  planAnswers(
    state: State<GameState>,
    seed: string,
    seats: Partial<Record<Seat, string>>,
  ): Promise<MatchAction[]>;
  /** Stops the workers; pending plans reject. */
  close(): Promise<void>;
}

/** One planning job as posted to a worker. */
export interface PlanJob {
  id: number;
  what: 'phase' | 'answers';
  state: State<GameState>;
  seed: string;
  seats: Partial<Record<Seat, string>>;
  /** The scenario document, sent the first time a worker meets its hash. */
  scenario?: Scenario;
}

/** A worker's answer to a job. */
export type PlanReply = { id: number; actions: MatchAction[] } | { id: number; error: string };

/** Plans a job in this thread (what a worker runs). */
export function planJob(job: Pick<PlanJob, 'what' | 'state' | 'seed' | 'seats'>): MatchAction[] {
  return job.what === 'phase'
    ? planBotPhase(job.state, job.seed, job.seats)
    : planBotAnswers(job.state, job.seed, job.seats);
}

/** Plans in the calling thread: simple and blocking (a pool of 0 workers). */
export const inlinePlanner: BotPlanner = {
  planPhase: async (state, seed, seats) => planJob({ what: 'phase', state, seed, seats }),
  planAnswers: async (state, seed, seats) => planJob({ what: 'answers', state, seed, seats }),
  close: async () => undefined,
};

/** The next weaker kind a seat falls back to when a pass overruns its wall-time ceiling, or null at the bottom. */
export function weaker(kind: string): string | null {
  switch (kind) {
    case 'strategist:hard':
      return 'strategist:normal';
    case 'strategist':
    case 'strategist:normal':
      return 'strategist:easy';
    case 'strategist:easy':
      return 'historical';
    default:
      return null;
  }
}

/** Workers by default: every core but one (kept for sockets and storage), at least one, at most four. */
export function defaultBotWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores - 1));
}

export interface BotPoolOptions {
  /** Worker threads (at least 1). */
  workers: number;
  /** Wall-time ceiling of one pass on a worker, from when the worker starts it (ms). */
  passBudgetMs: number;
}

interface Pending {
  job: Omit<PlanJob, 'id' | 'scenario'>;
  resolve: (actions: MatchAction[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Resolves when the worker has booted (its loader registered); rejects if it could not. */
  booted: Promise<void>;
  /** Scenario hashes this worker has registered. */
  known: Set<string>;
  busy: boolean;
}

/** A fixed set of bot-planning worker threads with a FIFO queue: one job per worker at a time. */
export class BotWorkerPool implements BotPlanner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** The prebuilt bundle of bot-worker.ts (src/sim/worker-bundle.ts), like the simulator's threads. */
  private readonly moduleUrl: string;

  constructor(private readonly options: BotPoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1)
      throw new Error(`a bot pool needs at least one worker, not ${options.workers}`);
    this.moduleUrl = workerModule('bots');
  }

  planPhase(
    state: State<GameState>,
    seed: string,
    seats: Partial<Record<Seat, string>>,
  ): Promise<MatchAction[]> {
    return this.plan({ what: 'phase', state, seed, seats });
  }

  planAnswers(
    state: State<GameState>,
    seed: string,
    seats: Partial<Record<Seat, string>>,
  ): Promise<MatchAction[]> {
    return this.plan({ what: 'answers', state, seed, seats });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the bot pool was closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private plan(job: Pending['job']): Promise<MatchAction[]> {
    if (this.closed) return Promise.reject(new Error('the bot pool was closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Hands queued jobs to idle workers, starting workers lazily up to the pool's size. */
  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.options.workers) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.busy = true;
      void this.run(slot, pending).finally(() => {
        slot.busy = false;
        this.pump();
      });
    }
  }

  private spawn(): Slot {
    const slot = { busy: false } as Slot;
    this.boot(slot);
    this.slots.push(slot);
    return slot;
  }

  /** Starts a (fresh) worker in a slot: at first, and in place of one that overran or died. */
  private boot(slot: Slot): void {
    const worker = new Worker(WORKER_BOOT, { argv: [this.moduleUrl] });
    // An idle pool must not keep the process alive.
    worker.unref();
    slot.worker = worker;
    slot.known = new Set();
    slot.booted = new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean; error?: string }) => {
        if (message.ready) resolve();
        else if (message.error) reject(new Error(`bot ${message.error}`));
        else return;
        worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`the bot worker stopped while starting (exit code ${code})`)),
      );
    });
    slot.booted.catch(() => undefined);
  }

  /** Runs one job, stepping its seats down a strength whenever a pass overruns the ceiling. */
  private async run(slot: Slot, pending: Pending): Promise<void> {
    let job = pending.job;
    for (;;) {
      try {
        pending.resolve(await this.attempt(slot, job));
        return;
      } catch (error) {
        // The worker overran (it is computing and cannot be interrupted) or died: a fresh one takes its place.
        if (!this.closed && !(error instanceof PlanFailure)) {
          void slot.worker.terminate();
          this.boot(slot);
        }
        if (!(error instanceof Overrun)) {
          pending.reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const seats = Object.fromEntries(
          Object.entries(job.seats).map(([seat, kind]) => [seat, weaker(kind as string) ?? kind]),
        );
        const changed = Object.entries(seats).some(([seat, kind]) => kind !== job.seats[seat as Seat]);
        if (!changed || this.closed) {
          pending.reject(
            new Error(`bot planning overran ${this.options.passBudgetMs} ms even at the weakest kinds`),
          );
          return;
        }
        console.warn(
          `[classroom] a bot pass overran ${this.options.passBudgetMs} ms; planning it again one strength lower ` +
            `(${Object.values(seats).join(', ')}): this pass now depends on the server's load`,
        );
        job = { ...job, seats };
      }
    }
  }

  private async attempt(slot: Slot, job: Pending['job']): Promise<MatchAction[]> {
    await slot.booted;
    const id = this.nextId++;
    const hash = job.state.G.scenarioHash;
    const message: PlanJob = { id, ...job };
    if (!slot.known.has(hash)) {
      message.scenario = scenarioOf(job.state.G);
      slot.known.add(hash);
    }
    return new Promise<MatchAction[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        done();
        reject(new Overrun());
      }, this.options.passBudgetMs);
      const onMessage = (reply: PlanReply) => {
        if (reply.id !== id) return;
        done();
        if ('error' in reply) reject(new PlanFailure(`bot planning failed: ${reply.error}`));
        else resolve(reply.actions);
      };
      const onError = (error: Error) => {
        done();
        slot.known.clear();
        reject(error);
      };
      const onExit = (code: number) => onError(new Error(`the bot worker stopped (exit code ${code})`));
      const done = () => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
      };
      slot.worker.on('message', onMessage);
      slot.worker.once('error', onError);
      slot.worker.once('exit', onExit);
      slot.worker.postMessage(message);
    });
  }
}

/** A plan the bots themselves failed to make (the worker is fine). */
class PlanFailure extends Error {}

/** A pass that overran its wall-time ceiling. */
class Overrun extends Error {
  constructor() {
    super('bot pass overran its time budget');
  }
}
