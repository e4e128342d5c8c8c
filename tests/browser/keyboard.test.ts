// Protects issue 13's keyboard access: a whole year of yeltsin-1992 played with the keyboard alone (Tab, Enter,
// the shortcuts), every stop with a visible focus ring and in document order, focus kept in the seat panel when a
// move removes the focused button; the "?" dialog lists the shortcuts; the map as text holds each island's holder,
// both sides' rungs and the trust table as the session's view has them; a map feature opens in the detail panel and
// Escape closes it; and with prefers-reduced-motion the style sheet drops transitions and the map's tweens finish at
// once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, waitForMap, type Served } from './harness';

let served: Served;
let page: Page;
let errors: string[];
useApp({ viewport: { width: 1400, height: 1000 } }, (suite) => ({ served, page, errors } = suite));

/** What has focus: its data-test (or tag and text), whether it shows a focus ring and whether it is on screen. */
async function focused(): Promise<{ test: string; ring: boolean; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { test: 'body', ring: false, visible: false };
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      test: el.dataset.test ?? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').slice(0, 30)}`,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      visible: box.width > 0 && box.height > 0,
    };
  });
}

/** Whether the focused element comes after `previous` (marked with data-kb-prev) in document order, and marks it. */
async function afterPrevious(): Promise<boolean> {
  return page.evaluate(() => {
    const prev = document.querySelector('[data-kb-prev]');
    const now = document.activeElement as HTMLElement;
    const ok = !prev || !!(prev.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_FOLLOWING);
    prev?.removeAttribute('data-kb-prev');
    now.setAttribute('data-kb-prev', '');
    return ok;
  });
}

/** Every Tab stop that lacked a focus ring, was off screen, or went backwards in the document. */
const problems: string[] = [];

/** Presses Tab until the element with this data-test has focus, checking every stop on the way. */
async function tabTo(test: string, max = 80): Promise<void> {
  await page.evaluate(() => document.querySelector('[data-kb-prev]')?.removeAttribute('data-kb-prev'));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (!now.ring) problems.push(`no focus ring on ${now.test}`);
    if (!now.visible) problems.push(`${now.test} has focus but no size`);
    if (!(await afterPrevious())) problems.push(`Tab went backwards to ${now.test}`);
    if (now.test === test) return;
  }
  throw new Error(`${max} presses of Tab never reached [data-test=${test}]`);
}

const view = () =>
  page.evaluate(() => {
    const v = window.__oilAndWater?.session?.view();
    return v ? { year: v.year, islands: v.islands, positions: v.positions, trust: v.trust } : null;
  });

describe('a year by keyboard alone', () => {
  it('starts, plays Diplomacy and Policy, and reads the map as text', async () => {
    await page.goto(`${served.url}?scenario=yeltsin-1992&seed=keyboard`);
    await page.locator('[data-test=start]').waitFor();
    await tabTo('start');
    await page.keyboard.press('Enter');
    await waitForMap(page);
    const before = await view();

    // The first stop of the game screen is the skip link, shown when focused; it lands in the seat panel.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ test: 'skip-to-seat', ring: true, visible: true });
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(() => document.getElementById('seat-panel')?.contains(document.activeElement)),
    ).toBe(true);

    await tabTo('ready-briefing');
    await page.keyboard.press('Enter');
    await page.locator('[data-test=end-diplomacy]').waitFor();
    // The button went away with the phase; focus stayed in the seat panel rather than falling to the page's top.
    expect(
      await page.evaluate(() => document.getElementById('seat-panel')?.contains(document.activeElement)),
    ).toBe(true);
    // The first year's agenda choice by keyboard: take another agenda than the one dealt.
    const other = await page
      .locator('[data-test=agenda-choice] button[aria-pressed=false]')
      .first()
      .getAttribute('data-test');
    if (!other) throw new Error('no other agenda offered');
    await tabTo(other);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`[data-test=${other}]`).getAttribute('aria-pressed')).toBe('true');
    await tabTo('end-diplomacy');
    await page.keyboard.press('Enter');
    await page.locator('[data-test=commit]').waitFor();
    await tabTo('add-order');
    await page.keyboard.press('Enter');
    await tabTo('commit');
    await page.keyboard.press('Enter');
    if (await page.locator('[data-test=commit-yes]').count()) {
      await tabTo('commit-yes');
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await view())?.year, { timeout: 30_000 }).toBe((before?.year ?? 0) + 1);
    expect(problems).toEqual([]);

    // "?" opens the list of shortcuts; Escape closes it.
    await page.keyboard.press('Shift+Slash');
    const dialog = page.locator('[data-test=shortcuts]');
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
    const keys = await dialog.locator('kbd').allInnerTexts();
    expect(keys).toEqual(expect.arrayContaining(['?', 'S', 'T', 'F', 'N', 'Esc']));
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);

    // "t": the map as text, its tables agreeing with the session's view.
    await page.keyboard.press('t');
    expect((await focused()).test).toBe('map-text-summary');
    const now = await view();
    if (!now) throw new Error('no session');
    const islands = await page
      .locator('[data-test=map-text-islands] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('[data-test=map-text-trust] thead th')]
        .slice(1)
        .map((c) => c.textContent),
    );
    const holders = Object.values(now.islands).map((i) => i.administrator);
    expect(islands).toHaveLength(4);
    // Each holder is named in words (a seat's label from the trust table's header), not left to the marker colour.
    const seats = ['russia', 'japan', 'china', 'us', 'rok', 'dprk'];
    expect(islands.map((row) => labels.indexOf(row[1]))).toEqual(holders.map((h) => seats.indexOf(h)));
    expect(islands.map((row) => Number(row[2]))).toEqual(Object.values(now.islands).map((i) => i.garrison));
    const trust = await page
      .locator('[data-test=map-text-trust] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    expect(trust[0][1]).toBe(String(now.trust.russia.japan));
    expect(trust[1][0]).toBe(String(now.trust.japan.russia));
    expect(await page.locator('[data-test=map-text-positions] tbody tr').count()).toBe(2);

    // "f": the map features; one opens in the detail panel, Escape closes it.
    await page.keyboard.press('f');
    await page.keyboard.press('Tab');
    expect((await focused()).ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('[data-test=detail-title]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-test=detail-title]').count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('honours prefers-reduced-motion in the style sheet and on the map', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${served.url}?scenario=yeltsin-1992&seed=motion&autostart=1`);
    await waitForMap(page);
    const reduced = await page.evaluate(() => ({
      transition: getComputedStyle(document.body).transitionDuration,
      timeScale: (window.__oilAndWater?.view?.scene as unknown as { tweens: { timeScale: number } }).tweens
        .timeScale,
    }));
    expect(parseFloat(reduced.transition)).toBeLessThan(0.001);
    expect(reduced.timeScale).toBeGreaterThan(100);
    // The setting followed live: back to normal motion, normal speed and the style sheet's own transitions.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    // The media query's change event comes with a rendered frame: ask for one before each look.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            await new Promise((done) => requestAnimationFrame(done));
            return (window.__oilAndWater?.view?.scene as unknown as { tweens: { timeScale: number } }).tweens
              .timeScale;
          }),
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.body).transitionDuration)).toBe('0s');
  }, 60_000);
});
