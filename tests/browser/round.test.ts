// Protects the browser game's first year: start yeltsin-1992 (seed 7) as Japan against bots, play one round by clicking, and see the year, charts, island panel and canvas respond without console errors.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS,
  distinctColours,
  mapPoint,
  useApp,
  waitForMap,
  type Served,
  commitAnyway,
} from './harness';

let served: Served;
let page: Page;
let errors: string[];

useApp({ viewport: { width: 1500, height: 1100 } }, (app) => ({ served, page, errors } = app));

const text = (selector: string) => page.locator(selector).first().innerText();

describe('one round in the browser', () => {
  it('plays 1992 as Japan by clicking, and the map and charts follow', async () => {
    await page.goto(served.url);
    await page.selectOption('[data-test=scenario]', 'yeltsin-1992');
    await expect.poll(() => text('[data-test=briefing]')).toContain('1992');
    await page.fill('[data-test=seed]', '7');
    await page.selectOption('[data-test=controller-japan]', 'human');
    await page.selectOption('[data-test=controller-russia]', 'bot:random');
    await page.click('[data-test=start]');
    await waitForMap(page);
    expect(await text('[data-test=year]')).toBe('1992');

    await page.click('[data-test=ready-briefing]');
    await expect.poll(() => text('[data-test=phase]')).toContain('Diplomacy');
    expect(await text('[data-test=agenda]')).not.toContain('Dealt when');

    // Send a summit proposal to Russia; a bot answers at once.
    await page.selectOption('[data-test=proposal-kind]', 'summit');
    await page.selectOption('[data-test=proposal-to]', 'russia');
    await page.click('[data-test=send-proposal]');
    await expect.poll(() => page.locator('[data-test=proposals-out] .proposal').count()).toBe(1);
    expect(['accepted', 'rejected']).toContain(
      await page.locator('[data-test=proposals-out] .proposal').first().getAttribute('data-status'),
    );
    await page.click('[data-test=end-diplomacy]');
    await expect.poll(() => text('[data-test=phase]')).toContain('Policy');

    // Spend action points, then commit.
    const before = Number(await page.locator('[data-test=points-left]').getAttribute('data-left'));
    await page.locator('[data-test=add-order]').first().click();
    const after = Number(await page.locator('[data-test=points-left]').getAttribute('data-left'));
    expect(after).toBeLessThan(before);
    expect(await page.locator('[data-test=chosen-orders] li').count()).toBe(1);
    const chartPoints = await page.locator('[data-test=chart-trust]').getAttribute('data-points');
    expect(chartPoints).toBe('1');
    await commitAnyway(page);

    await expect.poll(() => text('[data-test=year]')).toBe('1993');
    await expect.poll(() => page.locator('[data-test=chart-trust]').getAttribute('data-points')).toBe('2');
    expect(await page.locator('[data-test=chart-scores]').getAttribute('data-points')).toBe('2');
    expect(await text('[data-test=log]')).toContain('1992');

    // Click Kunashiri on the map and read its panel.
    const island = await page.evaluate(
      () => window.__oilAndWater?.map.islands.kunashiri.at as [number, number],
    );
    const at = await mapPoint(page, island[0], island[1]);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => text('[data-test=detail-title]')).toContain('Kunashiri');
    expect(await text('[data-test=detail-rows]')).toContain('Garrison');
    expect(await page.locator('[data-test=detail-sources]').count()).toBe(1);

    // The canvas really drew: land, sea, overlays and labels in many colours.
    await page.mouse.move(0, 0);
    const png = await page.locator('#map canvas').screenshot();
    expect(await distinctColours(page, png)).toBeGreaterThan(200);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'browser-round.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
