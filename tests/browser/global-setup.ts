/**
 * Global setup of the browser project: makes sure Debian's Chromium is there, builds the client once and starts one
 * Chromium server for the whole run. Test files serve that build on ports of their own and connect to that browser
 * (tests/browser/harness.ts), instead of each building the client and launching a browser.
 */
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/ensure-chromium';
import { CHROMIUM_TEST_ARGS, buildClient, tempOutDir } from './harness';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = ensureChromium();
  const outDir = tempOutDir('client');
  const server = await chromium.launchServer({ executablePath, args: CHROMIUM_TEST_ARGS, headless: true });
  try {
    await buildClient(outDir);
  } catch (error) {
    await server.close();
    throw error;
  }
  project.provide('clientDist', outDir);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
