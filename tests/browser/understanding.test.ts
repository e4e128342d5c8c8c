// Protects issue 12, "why, before and after": as Japan in yeltsin-1992 a player sees the ladder gauge with both
// sides' rungs, a treaty proposal's odds and the rule that will refuse it before sending, the refusal's reason after,
// each order's expected effect before committing, and the year's recap after Resolution; at a hot seat an Accept the
// rules would refuse is disabled with its reason, and the pass screen between the two seats has no serious or
// critical axe violation (issue 13).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useApp, waitForMap, type Served, commitAnyway } from './harness';
import { seriousViolations } from './axe';

let served: Served;
let page: Page;
let errors: string[];

useApp({ viewport: { width: 1500, height: 1100 } }, (app) => ({ served, page, errors } = app));

const text = (selector: string) => page.locator(selector).first().innerText();

describe('why, before and after', () => {
  it('shows the ladder, previews, a refusal with its reason and the year recap', async () => {
    await page.goto(`${served.url}?scenario=yeltsin-1992&seed=7&humans=japan&bots=historical&autostart=1`);
    await waitForMap(page);

    // The ladder: both sides marked on their rungs, and no treaty fits in 1992.
    const gauge = page.locator('[data-test=ladder-gauge]');
    expect(Number(await gauge.getAttribute('data-russia'))).toBeLessThan(2);
    expect(await gauge.locator('[data-test=ladder-russia]').count()).toBe(1);
    expect(await gauge.locator('[data-test=ladder-japan]').count()).toBe(1);
    expect(await gauge.innerText()).toContain('Japan demands: four islands');
    expect(await text('[data-test=ladder-fit]')).toContain('No treaty fits');

    await page.click('[data-test=ready-briefing]');
    await expect.poll(() => text('[data-test=phase]')).toContain('Diplomacy');

    // Before sending: what the treaty would do, its odds, and the rule that will make Russia refuse it.
    await page.selectOption('[data-test=proposal-kind]', 'peace-treaty');
    await page.selectOption('[data-test=proposal-to]', 'russia');
    await page.selectOption('[data-test=proposal-terms]', { label: 'two islands (1956)' });
    expect(await text('.new-proposal [data-test=proposal-preview]')).toMatch(
      /ratified at this year's Resolution: \d+ %/,
    );
    const warning = await text('.new-proposal [data-test=refusal-reason]');
    expect(warning).toContain('Russia cannot accept this now');
    expect(warning).toContain('this formula needs “two islands (1956)” or more');

    // After: rejected, with the reason, not a bare "rejected".
    await page.click('[data-test=send-proposal]');
    const sent = page.locator('[data-test=proposals-out] .proposal').first();
    await expect.poll(() => sent.getAttribute('data-status')).toBe('rejected');
    const reason = await sent.locator('[data-test=refusal-reason]').innerText();
    expect(reason).toMatch(
      /^Rejected because Russia's offer is “(no dispute acknowledged|dispute acknowledged)”/,
    );

    await page.click('[data-test=end-diplomacy]');
    await expect.poll(() => text('[data-test=phase]')).toContain('Policy');

    // Every order on the menu shows its expected effect; softening the demand shows the rung it gives up.
    const items = page.locator('[data-test=action-menu] li');
    const previews = page.locator('[data-test=action-menu] [data-test=order-preview]');
    expect(await previews.count()).toBe(await items.count());
    const soften = items.filter({ hasText: 'Soften the territorial demand' });
    expect(await soften.locator('[data-test=order-preview]').innerText()).toContain(
      'Japan’s demand: four islands → joint development',
    );
    await soften.locator('[data-test=add-order]').click();
    await commitAnyway(page);

    // The recap of 1992: the order, what moved, why, and the others' revealed orders.
    await expect.poll(() => text('[data-test=year]')).toBe('1993');
    const recap = page.locator('[data-test=year-recap]');
    await expect.poll(() => recap.count()).toBe(1);
    expect(await recap.getAttribute('data-year')).toBe('1992');
    expect(await recap.locator('[data-test=recap-yours]').innerText()).toContain(
      'Soften the territorial demand',
    );
    expect(await recap.locator('[data-test=recap-moved] li').count()).toBeGreaterThan(0);
    expect(await recap.locator('[data-test=recap-why]').innerText()).toContain('trust drifts back');
    expect(await recap.locator('[data-seat=russia]').count()).toBe(1);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'browser-understanding.png'), fullPage: true });
    await page.click('[data-test=recap-close]');
    expect(await recap.count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('disables Accept on a treaty the rules would refuse, with the reason beside it', async () => {
    await page.goto(
      `${served.url}?scenario=yeltsin-1992&seed=7&humans=russia,japan&bots=historical&autostart=1`,
    );
    await waitForMap(page);
    const pass = async () => {
      await page.locator('[data-test=pass-ready]').waitFor({ state: 'visible' });
      await page.click('[data-test=pass-ready]');
    };
    // The hot-seat pass screen holds to WCAG 2.2 AA like every other screen (axe, as in a11y.test.ts).
    await page.locator('[data-test=pass-ready]').waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
    await pass();
    await page.click('[data-test=ready-briefing]');
    await pass();
    await page.click('[data-test=ready-briefing]');
    await pass();
    await expect.poll(() => text('[data-test=phase]')).toContain('Diplomacy');

    // Russia offers the 1956 formula while its own rung is below it.
    await page.selectOption('[data-test=proposal-kind]', 'peace-treaty');
    await page.selectOption('[data-test=proposal-to]', 'japan');
    await page.selectOption('[data-test=proposal-terms]', { label: 'two islands (1956)' });
    await page.click('[data-test=send-proposal]');
    await expect.poll(() => page.locator('[data-test=proposals-out] .proposal').count()).toBe(1);
    await page.click('[data-test=end-diplomacy]');

    await pass();
    const offer = page
      .locator('[data-test=proposals-in] .proposal[data-status=open]')
      .filter({ hasText: 'Peace treaty' });
    expect(await offer.locator('[data-test=accept]').isDisabled()).toBe(true);
    expect(await offer.locator('[data-test=refusal-reason]').innerText()).toMatch(
      /^The rules refuse this now: Russia's offer is “.*”; this formula needs “two islands \(1956\)” or more; Japan's demand is “four islands”; this formula needs it at “two islands \(1956\)” or less\.$/,
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
