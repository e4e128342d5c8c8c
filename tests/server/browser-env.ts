/**
 * One classroom server on the run's client build and the run's Chromium for a browser test file: registers the
 * file's beforeAll/afterAll and hands back both once they are up.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { sharedBrowser, sharedClient } from '../browser/harness';
import { type Harness, startHarness } from './helpers';

export interface ClassroomBrowser {
  /** The classroom server (serving the run's client build). */
  readonly h: Harness;
  readonly browser: Browser;
}

export function classroomInBrowser(): ClassroomBrowser {
  const env = {} as { h: Harness; browser: Browser };
  beforeAll(async () => {
    env.h = await startHarness({ distDir: await sharedClient() });
    env.browser = await sharedBrowser();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.h?.close();
  });
  return env;
}
