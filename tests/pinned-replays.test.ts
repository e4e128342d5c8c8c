// Protects replays across builds: every file in tests/fixtures/replays/ was recorded by an earlier build
// (`npm run record:replays`, scripts/record-replays.ts) and must still verify hash for hash on this one, and a
// replay made under other rules is refused with a message naming the version that made it. A rules change that
// breaks these files must bump RULES_VERSION (src/game/state.ts) and re-record them with that one script.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { RULES_VERSION } from '../src/game/state';
import { parseReplayText, verifyReplay } from '../src/match/replay';

const DIR = fileURLToPath(new URL('./fixtures/replays/', import.meta.url));
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

function load(file: string) {
  const parsed = parseReplayText(fs.readFileSync(path.join(DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return parsed.replay;
}

describe('pinned replays', () => {
  test('the folder holds a solo, a hot-seat, a classroom and a fork replay', () => {
    const kinds = FILES.map((f) => f.split('-')[0]);
    expect(new Set(kinds)).toEqual(new Set(['solo', 'hot', 'classroom', 'fork']));
    expect(load(FILES.find((f) => f.startsWith('fork'))!).parent).toBeDefined();
    expect(load(FILES.find((f) => f.startsWith('classroom'))!).createdBy).toBe('classroom-server');
    expect(
      Object.values(load(FILES.find((f) => f.startsWith('hot'))!).seats).filter((c) => c === 'human'),
    ).toHaveLength(2);
  });

  test.each(FILES)('%s verifies on this build', (file) => {
    const check = verifyReplay(load(file));
    expect(check.ok ? 'verified' : check.error).toBe('verified');
  });

  test.each(FILES)('%s edited to an older rules version is refused, naming that version', (file) => {
    const older = RULES_VERSION - 1;
    const text = fs
      .readFileSync(path.join(DIR, file), 'utf8')
      .replace(/"rulesVersion":\s*\d+/, `"rulesVersion": ${older}`);
    const parsed = parseReplayText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain(`made with rules version ${older}`);
      expect(parsed.error).toContain(`this build plays rules version ${RULES_VERSION}`);
    }
    // The same refusal for a replay object that never went through the parser.
    const check = verifyReplay({ ...load(file), rulesVersion: older });
    expect(check.ok ? 'verified' : check.error).toContain(`made with rules version ${older}`);
  });
});
