/**
 * The order test files start in: within each project, the longest first, so that on two workers a long file does not
 * start last and run alone at the end (longest-processing-time-first scheduling). Vitest's own order does this only
 * from timings it has cached, and a fresh clone has none: there it runs the largest files first, which put the
 * validate test (about 40 s) at the end of its project and left the other core idle behind it. Where no timing is
 * cached, the seconds below stand in: the files over 4 s in a fresh clone's `npm test` on 2 cores. A stale figure
 * only makes the order a little worse, never a test wrong.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const FRESH_CLONE_SECONDS: Readonly<Record<string, number>> = {
  'tests/sim.test.ts': 38,
  'tests/queue.test.ts': 20,
  'tests/server/cluster.test.ts': 16,
  'tests/reasons.test.ts': 6,
  'tests/cli.test.ts': 5,
  'tests/fork.test.ts': 4.5,
  'tests/server/classroom-browser.test.ts': 23,
  'tests/server/classroom-year-browser.test.ts': 22,
  'tests/browser/no-raw-ids.test.ts': 18,
  'tests/browser/i18n.test.ts': 17,
  'tests/browser/a11y.test.ts': 16,
  'tests/browser/replay-viewer.test.ts': 13,
  'tests/browser/way-in.test.ts': 10,
  'tests/browser/match.test.ts': 9,
  'tests/browser/understanding.test.ts': 7,
  'tests/browser/keyboard.test.ts': 6,
  'tests/server/classroom-a11y-browser.test.ts': 5.5,
  'tests/server/classroom-lesson-browser.test.ts': 5,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = new Map<TestSpecification, number>();
    for (const file of files) {
      const relative = path.relative(root, file.moduleId).split(path.sep).join('/');
      const cached = this.ctx.cache.getFileTestResults(`${file.project.name}:${relative}`)?.duration;
      seconds.set(file, cached !== undefined ? cached / 1000 : (FRESH_CLONE_SECONDS[relative] ?? 0));
    }
    // Groups and projects keep Vitest's order (a group waits for the one before; a project's files run together).
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        (a.project.name < b.project.name ? -1 : a.project.name > b.project.name ? 1 : 0) ||
        seconds.get(b)! - seconds.get(a)! ||
        (a.moduleId < b.moduleId ? -1 : 1),
    );
  }
}
