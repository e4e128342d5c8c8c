/**
 * The test projects. `engine` is the rules, match engine, bots, simulator and scenarios alone (`npm run
 * test:unit:fast`); `unit` adds the command line and the browser client's headless modules; `server` starts
 * classroom servers; `browser` drives Chromium, with one client build and one Chromium for the run
 * (tests/browser/global-setup.ts). `npm test` runs them all.
 */
import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/sequencer.ts';

/** Top-level test files that reach beyond the engine: the command line or the browser client's modules. */
const BEYOND_ENGINE = [
  'tests/cli.test.ts',
  'tests/client-*.test.ts',
  'tests/debrief.test.ts',
  'tests/palette-cvd.test.ts',
  'tests/fork.test.ts',
  'tests/queue*.test.ts',
  'tests/replay-tamper.test.ts',
  'tests/scenario-texts.test.ts',
  'tests/sim.test.ts',
];
const IN_BROWSER = [
  'tests/browser/**/*.test.ts',
  'tests/server/classroom-browser.test.ts',
  'tests/server/classroom-lesson-browser.test.ts',
  'tests/server/class-browser.test.ts',
  'tests/server/classroom-year-browser.test.ts',
  'tests/server/classroom-a11y-browser.test.ts',
];

/**
 * The engine and unit files run the rules as `npm start`, the command line and the benches do, in production mode.
 * Outside it boardgame.io walks the whole state after every reducer move to check it is plain data, which doubled a
 * reducer match's CPU; tests/property.test.ts checks that after every phase of its matches instead (`plainData`).
 * The server and browser projects keep the default: their servers accept localhost origins only in development.
 */
const AS_DEPLOYED = { NODE_ENV: 'production' };

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker; the server and browser files mostly wait on sockets and Chromium,
    // so two overlap that waiting with the CPU-bound engine files.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // Every project's files share their worker's modules (`isolate: false`): they change no module state they do
      // not restore (console spies are restored, levers set through `withLevers`, the language set back, each
      // server or browser file starts and closes its own servers, pages and browser connection), and loading the
      // rules, boardgame.io, zod, the server, Vite and Playwright once per worker instead of once per file saves
      // CPU: engine and unit 115 → 98 CPU s, server 25 → 15, the browser files' own 33 → 20 (measured under load
      // from other jobs). A new file that changes module state must put it back in its `afterAll`.
      {
        extends: true,
        test: {
          name: 'engine',
          include: ['tests/*.test.ts', 'src/**/*.test.ts'],
          exclude: BEYOND_ENGINE,
          isolate: false,
          env: AS_DEPLOYED,
        },
      },
      { extends: true, test: { name: 'unit', include: BEYOND_ENGINE, isolate: false, env: AS_DEPLOYED } },
      {
        extends: true,
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], exclude: IN_BROWSER, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: IN_BROWSER,
          globalSetup: ['tests/browser/global-setup.ts'],
          isolate: false,
          hookTimeout: 120_000,
          // After the other projects: Chromium's software WebGL competing with the engine files for 2 cores made
          // the map's 30-second waits time out.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
