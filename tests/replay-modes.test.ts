// Protects "every mode leaves a replay that verifies" for the simulator: `sim --save-replays` writes one file per
// seed, and each is accepted by the reducer-backed verifier (the batch itself runs on the direct driver).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { perSeat } from '../src/game/vocabulary';
import type { BotSpec } from '../src/bots/registry';
import { builtinScenario } from '../src/scenario/builtin';
import { runMatchRecord } from '../src/sim/batch';
import { parseReplayText, verifyReplay } from '../src/match/replay';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-water-sim-replays-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the simulator saves verifiable replays', () => {
  test('historical bots on the direct driver, two seeds', () => {
    const bots: BotSpec = perSeat(() => 'historical');
    const spec = {
      scenario: builtinScenario('abe-2013')!,
      seeds: ['1', '2'],
      bots,
      whatIfs: [],
      saveReplays: dir,
    };
    const records = spec.seeds.map((_, i) => runMatchRecord(spec, i));
    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    for (const [i, file] of files.entries()) {
      const parsed = parseReplayText(fs.readFileSync(path.join(dir, file), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.replay.createdBy).toBe('sim');
      expect(parsed.replay.seats.japan).toBe('bot:historical');
      const check = verifyReplay(parsed.replay);
      expect(check.ok ? 'verified' : check.error).toBe('verified');
      expect(parsed.replay.seed).toBe(spec.seeds[i]);
    }
    expect(records).toHaveLength(2);
  }, 60_000);
});
