// Protects issue 13's WCAG 2.2 AA check of the app: axe-core, run inside Chromium with the wcag2a/wcag2aa/wcag21aa/
// wcag22aa rules, finds no serious or critical violation on the start screen, the game screen in each phase (the
// briefing, Diplomacy, Policy with an order chosen and the commit question open, the year's recap), the map's
// features, detail panel and text tables, the shortcuts dialog, the end screen, the after-action report inside its
// frame, and the replay viewer (its open form and a loaded replay). (The hot-seat pass screen is checked in
// understanding.test.ts, whose flow passes the device.)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { perSeat } from '../../src/game/vocabulary';
import { builtinScenario } from '../../src/scenario/builtin';
import { playMatch } from '../../src/match/match';
import { buildReplay, serializeReplay } from '../../src/match/replay';
import { makeBots } from '../../src/bots/registry';
import { seriousViolations } from './axe';
import { playStep, useApp, waitForMap, type Served } from './harness';

let served: Served;
let page: Page;
let errors: string[];
useApp({ viewport: { width: 1400, height: 1000 } }, (suite) => ({ served, page, errors } = suite));

/** Each screen's serious and critical violations, keyed by the screen's name (so a failure names the screen). */
const found: Record<string, string[]> = {};
async function check(screen: string): Promise<void> {
  found[screen] = await seriousViolations(page);
}

describe('axe-core on every screen of the app', () => {
  it('start screen, each phase, the map as text, the shortcuts and the end screen', async () => {
    await page.goto(served.url);
    await page.locator('[data-test=start]').waitFor();
    await check('start screen');

    await page.selectOption('[data-test=scenario]', 'gorbachev-1985');
    await page.fill('[data-test=seed]', 'a11y');
    await page.click('[data-test=start]');
    await waitForMap(page);
    await page.locator('[data-test=ready-briefing]').waitFor();
    await check('game: briefing');
    await page.click('[data-test=ready-briefing]');
    await page.locator('[data-test=end-diplomacy]').waitFor();
    await check('game: diplomacy');
    await page.click('[data-test=end-diplomacy]');
    await page.locator('[data-test=commit]').waitFor();
    await page.locator('[data-test=add-order]').first().click();
    await page.click('[data-test=commit]');
    if (await page.locator('[data-test=commit-yes]').count()) await check('game: policy, commit question');
    else await check('game: policy');
    // The map's features, a feature's detail panel and the map as text, all open; then the shortcuts dialog.
    await page.evaluate(() => {
      document.getElementById('features')?.setAttribute('open', '');
      document.getElementById('map-text')?.setAttribute('open', '');
    });
    await page.locator('[data-key^=feature-i-]').first().click();
    await page.locator('[data-test=detail-title]').waitFor();
    await check('game: features, detail and the map as text');
    await page.click('[data-test=shortcuts-open]');
    await page.locator('[data-test=shortcut-list]').waitFor();
    await check('game: shortcuts dialog');
    await page.click('[data-test=shortcuts-close]');
    if (await page.locator('[data-test=commit-yes]').count()) await page.click('[data-test=commit-yes]');
    await page.locator('[data-test=ready-briefing], [data-test=end-diplomacy]').first().waitFor();
    await check('game: after the recap');

    for (let step = 0; step < 80 && !(await page.locator('#end-screen').isVisible()); step++)
      await playStep(page);
    await expect.poll(() => page.locator('#end-screen').isVisible(), { timeout: 30_000 }).toBe(true);
    await check('end screen');
    // The after-action report: axe runs inside the frame's own document. The frame is sandboxed without scripts,
    // where axe's asynchronous run never settles, so the test reloads the same report in the same frame with
    // scripts allowed for axe alone (the report's CSP still allows none of its own).
    await page.click('[data-test=debrief]');
    await page.locator('[data-test=debrief-frame]').waitFor({ timeout: 60_000 });
    await check('debrief bar');
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-test=debrief-frame]');
      if (!frame) return;
      frame.setAttribute('sandbox', `${frame.getAttribute('sandbox') ?? ''} allow-scripts`);
      frame.srcdoc = `${frame.srcdoc}`;
    });
    const frame = await (await page.locator('[data-test=debrief-frame]').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the report frame has no document');
    await frame.waitForSelector('#outcome');
    found['debrief: the report inside its frame'] = await seriousViolations(frame);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(errors).toEqual([]);
  }, 240_000);

  it('the replay viewer', async () => {
    const scenario = builtinScenario('gorbachev-1985')!;
    const { driver } = playMatch({ scenario, seed: 'a11y-replay', bots: makeBots(perSeat(() => 'random')) });
    const replay = buildReplay({ scenario, seed: 'a11y-replay', seats: perSeat(() => 'bot:random'), driver });
    await page.goto(served.url);
    await page.click('[data-test=open-replay]');
    await check('replay: open form');
    await page.locator('[data-test=replay-file]').setInputFiles({
      name: 'a11y.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeReplay(replay)),
    });
    await waitForMap(page);
    await page.locator('[data-test=scrubber]').waitFor();
    await check('replay: viewer');
    expect(found['replay: open form']).toEqual([]);
    expect(found['replay: viewer']).toEqual([]);
  }, 120_000);
});
