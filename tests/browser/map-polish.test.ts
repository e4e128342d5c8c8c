// Protects issue 12's map polish: the map draws only the player's own trust lines until the toggle asks for every
// seat's, and the year's news shows as numbered pins (title on hover and focus) matched by numbers in the news panel,
// with no news text drawn over the map.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { playStep, useApp, waitForMap, type Served } from './harness';

let served: Served;
let page: Page;
let errors: string[];

useApp({ viewport: { width: 1500, height: 1100 } }, (app) => ({ served, page, errors } = app));

interface SceneHooks {
  trustDrawn: string[];
  newsPins: { number: number; title: string }[];
  children: { list: { type: string; text?: string }[] };
}

const scene = () =>
  page.evaluate(() => {
    const s = window.__oilAndWater?.view?.scene as unknown as SceneHooks;
    return {
      trust: [...s.trustDrawn],
      pins: s.newsPins.map((p) => ({ ...p })),
      texts: s.children.list.filter((o) => o.type === 'Text').map((o) => o.text ?? ''),
    };
  });

const seatCount = () =>
  page.evaluate(() => Object.keys(window.__oilAndWater?.session?.view().trust ?? {}).length);

describe('map polish', () => {
  it("draws the player's own trust lines, every seat's on demand", async () => {
    await page.goto(`${served.url}?scenario=yeltsin-1992&seed=7&humans=japan&bots=random&autostart=1`);
    await waitForMap(page);
    const n = await seatCount();
    expect(n).toBeGreaterThan(2);

    const own = (await scene()).trust;
    expect(own.length).toBe(2 * (n - 1));
    for (const pair of own) expect(pair.split('>')).toContain('japan');

    const toggle = page.locator('[data-test=trust-toggle]');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(async () => (await scene()).trust.length).toBe(n * (n - 1));
    // The choice lives in the UI state, so the redraw after a move keeps it.
    await playStep(page);
    await expect.poll(() => page.evaluate(() => window.__oilAndWater?.ui?.allTrust)).toBe(true);
    expect(await toggle.isChecked()).toBe(true);
    expect((await scene()).trust.length).toBe(n * (n - 1));

    await toggle.uncheck();
    await expect.poll(async () => (await scene()).trust.length).toBe(2 * (n - 1));
  });

  it("pins the year's news with numbers the news panel shares, and draws no news text", async () => {
    // Play into the next year, so the pins follow a year that started after the map did.
    const year = await page.locator('[data-test=year]').innerText();
    for (let i = 0; i < 12 && (await page.locator('[data-test=year]').innerText()) === year; i++) {
      await playStep(page);
      await page.waitForTimeout(200);
    }
    await expect.poll(() => page.locator('[data-test=year]').innerText()).not.toBe(year);
    await expect.poll(() => page.locator('[data-test=news-pin]').count()).toBeGreaterThan(0);

    const { pins, texts } = await scene();
    const titles = await page.evaluate(() => {
      const v = window.__oilAndWater?.session?.view();
      return (v?.news ?? []).filter((item) => item.round === v?.round).map((item) => item.title);
    });
    expect(pins.map((p) => p.title)).toEqual(titles);
    // No text object on the canvas carries a news title.
    for (const title of titles) for (const text of texts) expect(text).not.toContain(title);

    // The panel numbers this year's items exactly as the pins are numbered, title for title.
    const panel = await page.locator('[data-test=news] article[data-pin]').evaluateAll((items) =>
      items.map((a) => ({
        number: Number(a.getAttribute('data-pin')),
        heading: a.querySelector('h4')?.textContent ?? '',
      })),
    );
    const domPins = await page
      .locator('[data-test=news-pin]')
      .evaluateAll((items) => items.map((b) => Number(b.getAttribute('data-pin'))));
    expect(panel.map((p) => p.number).sort((a, b) => a - b)).toEqual(domPins);
    for (const pin of pins) {
      expect(panel.find((p) => p.number === pin.number)?.heading).toContain(pin.title);
    }

    // The title shows only on hover or focus.
    const first = page.locator('[data-test=news-pin]').first();
    const title = first.locator('[data-test=news-pin-title]');
    expect(await title.isVisible()).toBe(false);
    await first.hover();
    await expect.poll(() => title.isVisible()).toBe(true);
    expect(await title.innerText()).toContain(pins[0].title);
    await page.mouse.move(0, 0);
    await expect.poll(() => title.isVisible()).toBe(false);
    await first.focus();
    await expect.poll(() => title.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
