// Protects a whole browser match: play yeltsin-1992 as Japan to the end screen by clicking, save the replay file, and have `npm run cli -- replay verify` accept it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, closeApp, openApp, playStep, waitForMap, type Served } from './harness';

let served: Served;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ served, browser, page, errors } = await openApp({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  }));
}, 120_000);

afterAll(() => closeApp({ served, browser }));

describe('a whole match in the browser', () => {
  it('reaches the end screen and saves a replay that verifies', async () => {
    await page.goto(served.url);
    await page.selectOption('[data-test=scenario]', 'yeltsin-1992');
    await page.fill('[data-test=seed]', '42');
    await page.click('[data-test=start]');
    await waitForMap(page);

    for (let step = 0; step < 100 && !(await page.locator('#end-screen').isVisible()); step++)
      await playStep(page, 'last');
    await expect.poll(() => page.locator('#end-screen').isVisible()).toBe(true);
    expect(await page.locator('[data-test=ranking] tr[data-seat]').count()).toBe(6);
    expect(await page.locator('[data-test=end-seed]').innerText()).toContain('42');
    expect(await page.locator('[data-test=baseline-note]').innerText()).not.toBe('');
    // Issue 12: nothing of the last phase stays playable behind the end dialog.
    for (const control of ['ready-briefing', 'end-diplomacy', 'send-proposal', 'add-order', 'commit'])
      expect(await page.locator(`[data-test=${control}]:visible`).count(), control).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test=save-replay]'),
    ]);
    expect(download.suggestedFilename()).toBe('oil-and-water-yeltsin-1992-seed-42.json');
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'browser-match-replay.json');
    await download.saveAs(file);
    const replay = JSON.parse(readFileSync(file, 'utf8')) as {
      finished: boolean;
      seats: Record<string, string>;
    };
    expect(replay.finished).toBe(true);
    expect(replay.seats.japan).toBe('human');

    const verify = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'replay', 'verify', file], {
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-end.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});
