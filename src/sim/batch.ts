/**
 * Seeded batches of headless matches: one match becomes a compact `MatchRecord` (outcome, scores, the yearly
 * indicators, incidents); a batch runs on worker threads (src/sim/worker.ts) or in-process, and returns the records
 * sorted by seed index, so aggregates never depend on the worker count or on scheduling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { perSeat, type Seat } from '../game/vocabulary';
import { scenarioOf, type GameState, type PerSeat } from '../game/state';
import { makeBot, type BotSpec } from '../bots/registry';
import type { Bot } from '../match/bot';
import type { Scenario } from '../game/scenario-schema';
import { botRng, MatchDriver, playBotsToEnd } from '../match/match';
import { DirectDriver } from '../match/direct';
import type { PhaseDriver } from '../match/driver';
import { buildReplay, serializeReplay } from '../match/replay';
import { policiesFor, withPolicies, type WhatIf } from './whatif';

import { INDICATORS, type Indicator } from './indicators';
import { yearLevels, type YearLevels } from './history';
import { WORKER_BOOT, workerModule } from './worker-bundle';

// The list lives with its labels; importers of the batch keep finding it here.
export { INDICATORS, type Indicator };

export interface IncidentRecord {
  year: number;
  eventId: string;
  /** Japan's trust in Russia before the year's News and right after it. */
  before: number;
  after: number;
}

export interface MatchRecord {
  index: number;
  seed: string;
  rounds: number;
  endYear: number;
  reason: string;
  territorial: 'none' | 'partial' | 'full';
  /** The ratified treaty's formula, or null. */
  treaty: string | null;
  /** Whether any peace treaty was signed (ratified or not). */
  treatySigned: boolean;
  finalScores: PerSeat<number>;
  agendaMet: PerSeat<boolean>;
  ranking: Seat[];
  years: number[];
  series: Record<Indicator, number[]>;
  scores: PerSeat<number[]>;
  flags: string[];
  /** Japan's mean stake in the era's projects at the end, percent. */
  japanStake: number;
  /** Each project's stage and Japan's stake at the end. */
  projects: Record<string, { stage: string; japan: number; output: number; capacity: number }>;
  incidents: IncidentRecord[];
  actions: number;
  /** The levels the distance from history measures, year by year (src/sim/history.ts). */
  levels?: YearLevels[];
  /** Orders each seat gave over the match, counted by `action` and by `action:target` (validate's claims). */
  orders: PerSeat<Record<string, number>>;
  /** Proposals by `from>to:kind`: how many were made and how many accepted. */
  proposals: Record<string, { made: number; accepted: number }>;
  /** The end state of the levers the claims read beyond the yearly indicators. */
  final: {
    trust: PerSeat<PerSeat<number>>;
    alignment: Record<string, number>;
    koreaTies: Record<string, Record<string, number>>;
    visaFree: boolean;
    linkage: boolean;
    economy: PerSeat<number>;
  };
  /** How many log entries of each kind the match wrote (`china-backs-japan`, `backlash`, …). */
  logKinds: Record<string, number>;
}

export interface BatchSpec {
  /** The scenario with the what-ifs' events already applied (see `applyWhatIfs`). */
  scenario: Scenario;
  seeds: string[];
  bots: BotSpec;
  whatIfs: WhatIf[];
  /** `direct` (default, fast) or `reducer` (boardgame.io's own reducer). */
  engine?: 'direct' | 'reducer';
  /** Writes each match's replay file here when set. */
  saveReplays?: string;
  /** Prefix for replay file names (a variant's label in `compare`). */
  label?: string;
  /**
   * Balance numbers replaced for this batch only (`validate --sensitivity`), keyed by LEVERS path such as
   * `trust.drift`. Such a batch always runs on worker threads, which set them before loading the rules (the action
   * tables copy some numbers at load), so this process's LEVERS, and the default path, are never touched.
   */
  levers?: Record<string, number>;
}

function bots(spec: BotSpec, whatIfs: readonly WhatIf[]): Record<Seat, Bot> {
  return perSeat((s) => withPolicies(makeBot(spec[s]), policiesFor(whatIfs, s)));
}

function incidentIds(G: GameState): Set<string> {
  const s = scenarioOf(G);
  return new Set(
    [...s.events, ...s.wildcards.deck]
      .filter(
        (e) =>
          e.incident &&
          [e.incident.wronged, e.incident.offender].includes('japan') &&
          [e.incident.wronged, e.incident.offender].includes('russia'),
      )
      .map((e) => e.id),
  );
}

/**
 * Plays one seeded match of a batch and condenses it to a record. A batch's lever overrides are not applied here:
 * the action tables copy some numbers when the rules load, so a worker thread sets them before loading (worker.ts).
 */
export function runMatchRecord(spec: BatchSpec, index: number): MatchRecord {
  const seed = spec.seeds[index];
  const setup = { scenario: spec.scenario, seed };
  const driver: PhaseDriver & Pick<MatchDriver, 'actions' | 'roundHashes'> =
    spec.engine === 'reducer'
      ? new MatchDriver(setup)
      : DirectDriver.start(setup, { record: spec.saveReplays !== undefined });
  const seatBots = bots(spec.bots, spec.whatIfs);
  const rngs = perSeat((s) => botRng(seed, s));
  const incidents: IncidentRecord[] = [];
  const ids = incidentIds(driver.G);
  let round = driver.G.round;
  let actions = 0;
  const onAction = () => {
    actions += 1;
    const G = driver.G;
    if (G.round === round) return;
    round = G.round;
    // The News just ran: compare Japan's trust after it with the last snapshot, taken just before it.
    const before = G.history.length
      ? G.history[G.history.length - 1].trustJapanRussia
      : spec.scenario.trust.entries.find((e) => e.from === 'japan' && e.to === 'russia')?.value;
    for (const n of G.news) {
      if (n.round === G.round && ids.has(n.eventId)) {
        incidents.push({
          year: G.year,
          eventId: n.eventId,
          before: before ?? G.trust.japan.russia,
          after: G.trust.japan.russia,
        });
      }
    }
  };
  playBotsToEnd(driver, seatBots, rngs, { what: `seed ${seed}: the match`, hooks: { onAction } });
  const G = driver.G;
  const outcome = G.outcome;
  if (!outcome) throw new Error(`seed ${seed}: the match ended without an outcome`);
  if (spec.saveReplays) {
    const replay = buildReplay({
      scenario: spec.scenario,
      seed,
      seats: perSeat((s) => `bot:${spec.bots[s]}`),
      driver,
      createdBy: 'sim',
    });
    const name = `${spec.label ? `${spec.label}-` : ''}${spec.scenario.id}-${seed}.json`.replace(
      /[^A-Za-z0-9._-]/g,
      '_',
    );
    fs.mkdirSync(spec.saveReplays, { recursive: true });
    fs.writeFileSync(path.join(spec.saveReplays, name), serializeReplay(replay));
  }
  const projects = Object.values(G.projects);
  return {
    index,
    seed,
    rounds: G.round,
    endYear: outcome.year,
    reason: outcome.reason,
    territorial: outcome.territorial,
    treaty: outcome.treaty,
    treatySigned: G.treaty !== null,
    finalScores: outcome.finalScores,
    agendaMet: outcome.agendaMet,
    ranking: outcome.ranking,
    years: G.history.map((h) => h.year),
    series: Object.fromEntries(INDICATORS.map((k) => [k, G.history.map((h) => h[k])])) as Record<
      Indicator,
      number[]
    >,
    scores: perSeat((s) => G.history.map((h) => h.scores[s])),
    flags: Object.keys(G.flags)
      .filter((f) => G.flags[f])
      .sort(),
    japanStake: projects.length
      ? projects.reduce((sum, p) => sum + (p.stakes.japan ?? 0), 0) / projects.length
      : 0,
    projects: Object.fromEntries(
      projects.map((p) => [
        p.id,
        { stage: p.stage, japan: p.stakes.japan ?? 0, output: p.output, capacity: p.capacity },
      ]),
    ),
    incidents,
    actions,
    levels: yearLevels(G.history),
    orders: orderCounts(G),
    proposals: proposalCounts(G),
    final: {
      trust: perSeat((a) => ({ ...G.trust[a] })),
      alignment: { ...G.alignment },
      koreaTies: { rok: { ...G.koreaTies.rok }, dprk: { ...G.koreaTies.dprk } },
      visaFree: G.visaFree,
      linkage: G.linkage,
      economy: { ...G.economy },
    },
    logKinds: G.log.reduce<Record<string, number>>(
      (acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }),
      {},
    ),
  };
}

function orderCounts(G: GameState): PerSeat<Record<string, number>> {
  const counts = perSeat((): Record<string, number> => ({}));
  for (const r of G.revealed) {
    for (const seat of Object.keys(r.orders) as Seat[]) {
      for (const o of r.orders[seat]) {
        counts[seat][o.action] = (counts[seat][o.action] ?? 0) + 1;
        if (o.target !== undefined)
          counts[seat][`${o.action}:${o.target}`] = (counts[seat][`${o.action}:${o.target}`] ?? 0) + 1;
      }
    }
  }
  return counts;
}

function proposalCounts(G: GameState): Record<string, { made: number; accepted: number }> {
  const counts: Record<string, { made: number; accepted: number }> = {};
  for (const p of G.proposals) {
    const key = `${p.from}>${p.to}:${p.kind}`;
    counts[key] ??= { made: 0, accepted: 0 };
    counts[key].made += 1;
    if (p.status === 'accepted') counts[key].accepted += 1;
  }
  return counts;
}

export interface BatchOptions {
  /** Worker threads; 1 runs in this thread (unless `offThread`). */
  workers?: number;
  /** Runs on worker threads even with one worker, leaving this thread free (a queue worker renewing its locks). */
  offThread?: boolean;
  /** Called after each finished match with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** A worker thread kept between batches, so its compiled (JIT-warmed) code serves the next batch too. */
interface Lane {
  worker: Worker;
  busy: boolean;
  /** The batch whose spec the thread holds. */
  batch: number;
  /** The bundle it runs: after a source change new batches get threads of the new bundle. */
  module: string;
}

/** Threads for batches without lever overrides, started on demand and kept (unreferenced) while idle. */
const lanes: Lane[] = [];
/** Idle threads kept at most; more are ended when their batch finishes. */
const MAX_IDLE_LANES = 8;
let batchCounter = 0;

function takeLanes(n: number): Lane[] {
  const module = workerModule('batch');
  for (const stale of lanes.filter((l) => !l.busy && l.module !== module)) {
    lanes.splice(lanes.indexOf(stale), 1);
    void stale.worker.terminate();
  }
  const taken: Lane[] = [];
  for (const lane of lanes) if (taken.length < n && !lane.busy && lane.module === module) taken.push(lane);
  while (taken.length < n) {
    const lane: Lane = {
      worker: new Worker(WORKER_BOOT, { argv: [module] }),
      busy: false,
      batch: -1,
      module,
    };
    lanes.push(lane);
    taken.push(lane);
  }
  for (const lane of taken) {
    lane.busy = true;
    lane.worker.ref();
  }
  return taken;
}

function releaseLane(lane: Lane, healthy: boolean): void {
  lane.busy = false;
  lane.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  const idle = lanes.filter((l) => !l.busy).length;
  if (healthy && idle <= MAX_IDLE_LANES) {
    // An idle pool must not keep the process alive.
    lane.worker.unref();
    return;
  }
  lanes.splice(lanes.indexOf(lane), 1);
  void lane.worker.terminate();
}

/**
 * Runs every seed of a batch and returns the records in seed order. With more than one worker the seeds go, in
 * small chunks, to worker threads started from the prebuilt bundle and kept for later batches; a batch with lever
 * overrides gets fresh threads of its own, which set the numbers before the rules load and end with the batch.
 */
export async function runBatch(spec: BatchSpec, options: BatchOptions = {}): Promise<MatchRecord[]> {
  const total = spec.seeds.length;
  const workers = Math.max(1, Math.min(options.workers ?? 1, total));
  const records: MatchRecord[] = new Array(total);
  const overridden = spec.levers !== undefined && Object.keys(spec.levers).length > 0;
  if (workers === 1 && !overridden && !options.offThread) {
    for (let i = 0; i < total; i++) {
      records[i] = runMatchRecord(spec, i);
      options.onProgress?.(i + 1, total);
    }
    return records;
  }
  const batch = ++batchCounter;
  let nextIndex = 0;
  let done = 0;
  let failed = false;
  // Small chunks keep both cores busy to the end; the order of completion does not matter.
  const chunk = Math.max(1, Math.min(25, Math.ceil(total / (workers * 8))));
  const run = (worker: Worker, pooled: Lane | null) =>
    new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (pooled) releaseLane(pooled, !error);
        else void worker.terminate();
        if (error) {
          failed = true;
          reject(error);
        } else resolve();
      };
      const feed = () => {
        if (nextIndex >= total || failed) {
          finish();
          return;
        }
        const from = nextIndex;
        nextIndex = Math.min(total, nextIndex + chunk);
        // A pooled thread gets the spec with its first chunk of each batch.
        const withSpec = pooled !== null && pooled.batch !== batch;
        if (pooled) pooled.batch = batch;
        worker.postMessage({ from, to: nextIndex, ...(withSpec ? { spec } : {}) });
      };
      worker.on('message', (message: { records?: MatchRecord[]; error?: string }) => {
        if (message.error) {
          finish(new Error(message.error));
          return;
        }
        for (const r of message.records ?? []) {
          records[r.index] = r;
          done += 1;
          options.onProgress?.(done, total);
        }
        feed();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => finish(new Error(`a batch worker thread stopped (exit code ${code})`)));
      feed();
    });
  if (overridden) {
    await Promise.all(
      Array.from({ length: workers }, () =>
        run(new Worker(WORKER_BOOT, { workerData: spec, argv: [workerModule('batch')] }), null),
      ),
    );
  } else {
    await Promise.all(takeLanes(workers).map((lane) => run(lane.worker, lane)));
  }
  return records;
}

/** Expands `N` (seeds 1..N) or `A..B` into seed strings; an error names what was wrong. */
export function parseSeeds(text: string): { ok: true; seeds: string[] } | { ok: false; error: string } {
  const t = text.trim();
  const range = /^(\d+)\.\.(\d+)$/.exec(t);
  const count = /^\d+$/.exec(t);
  let from: number;
  let to: number;
  if (range) [from, to] = [Number(range[1]), Number(range[2])];
  else if (count) [from, to] = [1, Number(t)];
  else return { ok: false, error: `--seeds "${text}": expected a count N or a range A..B of whole numbers` };
  if (to < from) return { ok: false, error: `--seeds "${text}": the range ends before it starts` };
  if (to - from + 1 > 100_000) return { ok: false, error: `--seeds "${text}": at most 100000 seeds` };
  if (to - from + 1 < 1) return { ok: false, error: `--seeds "${text}": at least one seed` };
  return { ok: true, seeds: Array.from({ length: to - from + 1 }, (_, i) => String(from + i)) };
}
