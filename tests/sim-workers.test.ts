// Batches on worker threads started from the prebuilt bundle (src/sim/worker-bundle.ts): the bundle is cached by a
// hash of its sources, pooled threads serve batch after batch with each batch's own spec, and lever overrides still
// reach the rules before they load. Every check compares against the same batch played in this thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { perSeat } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import type { Scenario } from '../src/game/scenario-schema';
import { runBatch } from '../src/sim/batch';
import { leverLeaves } from '../src/sim/lever-overrides';
import { buildWorkerBundle } from '../src/sim/worker-bundle';

const historical = perSeat(() => 'historical');
const yeltsin = builtinScenario('yeltsin-1992') as Scenario;
const abe = builtinScenario('abe-2013') as Scenario;
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-bundle-'));

afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

describe('the worker bundle', () => {
  test('is built once into a directory named by the sources’ hash, then reused; it is plain JavaScript', () => {
    const first = buildWorkerBundle(cache);
    expect(first.built).toBe(true);
    expect(path.basename(path.dirname(first.files.batch))).toBe(first.hash);
    for (const file of Object.values(first.files)) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from\s+["'][^"']*\.ts["']/);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8')) as {
      inputs: string[];
    };
    expect(manifest.inputs).toContain('src/sim/worker.ts');
    expect(manifest.inputs).toContain('src/game/levers.ts');
    const second = buildWorkerBundle(cache);
    expect(second).toMatchObject({ built: false, hash: first.hash });
  }, 60_000);
});

describe('batches on pooled worker threads', () => {
  test('batch after batch on the same threads: each gives the records of its own spec, as in this thread', async () => {
    const a = { scenario: yeltsin, seeds: ['1', '2', '3'], bots: historical, whatIfs: [] };
    const b = { scenario: abe, seeds: ['4', '5', '6'], bots: historical, whatIfs: [] };
    const [a2, b2, a1] = [
      await runBatch(a, { workers: 2 }),
      await runBatch(b, { workers: 2 }),
      await runBatch(a),
    ];
    expect(JSON.stringify(a2)).toBe(JSON.stringify(a1));
    expect(JSON.stringify(b2)).toBe(JSON.stringify(await runBatch(b)));
    expect(b2.map((r) => r.endYear)).not.toEqual(a2.map((r) => r.endYear));
    // One worker off this thread (what a queue worker runs) gives the same records too.
    expect(JSON.stringify(await runBatch(a, { workers: 1, offThread: true }))).toBe(JSON.stringify(a1));
  }, 120_000);

  test('lever overrides reach the rules in their own threads: the defaults change nothing, another value does', async () => {
    const spec = { scenario: yeltsin, seeds: ['7', '8'], bots: historical, whatIfs: [] };
    const base = JSON.stringify(await runBatch(spec));
    const drift = leverLeaves()['trust.drift'];
    const same = await runBatch({ ...spec, levers: { 'trust.drift': drift } }, { workers: 1 });
    expect(JSON.stringify(same)).toBe(base);
    const other = await runBatch({ ...spec, levers: { 'trust.drift': 0.9 } }, { workers: 2 });
    expect(JSON.stringify(other)).not.toBe(base);
  }, 120_000);
});
