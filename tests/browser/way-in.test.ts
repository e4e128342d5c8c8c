// Protects issue 12, "a way in": each seat's own briefing (Russia's differs from Japan's), the start screen's
// historical-bot defaults with a line on each kind, the guided first match (played to its end, and skipped), the
// inline question before committing with action points left, a bot's reply to a private message, and charts whose
// year axis starts at the era's opening rather than the year before it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, waitForMap, type Served } from './harness';

let served: Served;
let page: Page;
let errors: string[];

useApp({ viewport: { width: 1500, height: 1100 } }, (app) => ({ served, page, errors } = app));

const text = (selector: string) => page.locator(selector).first().innerText();
const solo = (seat: string) =>
  `${served.url}?scenario=yeltsin-1992&seed=7&humans=${seat}&bots=historical&autostart=1`;

describe('a way in', () => {
  it('gives each seat its own briefing', async () => {
    await page.goto(solo('japan'));
    await waitForMap(page);
    const japan = await text('[data-test=seat-briefing]');
    expect(await page.locator('[data-test=seat-briefing]').getAttribute('data-seat')).toBe('japan');
    expect(japan).toMatch(/seikei fukabun/i);
    expect(japan).toContain('Northern Territories campaign'); // its menu, in the catalogue's words

    await page.goto(solo('russia'));
    await waitForMap(page);
    const russia = await text('[data-test=seat-briefing]');
    expect(russia).toContain('war compensation');
    expect(russia).toContain('Yeltsin puts state sovereignty'); // the era's own line for Russia
    expect(russia).not.toEqual(japan);
    expect(errors).toEqual([]);
  }, 120_000);

  it('defaults the other seats to historical bots, each kind described', async () => {
    await page.goto(served.url);
    expect(await page.locator('[data-test=controller-russia]').inputValue()).toBe('bot:historical');
    expect(await page.locator('[data-test=controller-japan]').inputValue()).toBe('human');
    expect(await text('[data-test=bot-help-russia]')).toContain('what the paper says');
    await page.selectOption('[data-test=controller-russia]', 'bot:random');
    expect(await text('[data-test=bot-help-russia]')).toContain('Any legal move');
  });

  it('answers a message, asks before committing with points left, and labels the charts with the era', async () => {
    await page.goto(solo('japan'));
    await waitForMap(page);
    await page.click('[data-test=ready-briefing]');
    await expect.poll(() => text('[data-test=phase]')).toContain('Diplomacy');

    // A private message to Russia's bot gets a reply from its doctrine.
    await page.selectOption('[data-test=message-to]', 'russia');
    await page.fill('[data-test=message-text]', 'Will you return the four islands?');
    await page.click('[data-test=send-message]');
    await expect.poll(() => text('[data-test=messages]')).toContain('the islands:');

    await page.click('[data-test=end-diplomacy]');
    await expect.poll(() => text('[data-test=phase]')).toContain('Policy');
    const left = Number(await page.locator('[data-test=points-left]').getAttribute('data-left'));
    expect(left).toBeGreaterThan(0);
    await page.click('[data-test=commit]');
    expect(await text('[data-test=commit-confirm]')).toContain(`You have ${left} AP left`);
    await page.click('[data-test=commit-no]');
    expect(await page.locator('[data-test=commit-confirm]').count()).toBe(0);
    expect(await text('[data-test=phase]')).toContain('Policy');
    await page.click('[data-test=commit]');
    await page.click('[data-test=commit-yes]');
    await expect.poll(() => text('[data-test=year]')).toBe('1993');

    // The year axis: the opening point says "start", then the era's years, never 1991.
    await expect.poll(() => page.locator('[data-test=chart-trust]').getAttribute('data-points')).toBe('2');
    const ticks = await page.locator('[data-test=chart-trust] [data-test=year-tick]').allTextContents();
    expect(ticks).toEqual(['start', '1992']);
    const tips = await page.locator('[data-test=chart-trust] circle title').allTextContents();
    expect(tips[0]).toContain('start of 1992');
    expect(tips.join(' ')).not.toContain('1991');
    expect(errors).toEqual([]);
  }, 120_000);

  it('plays the guided first match to its end in Japanese, remembers it, and can be skipped', async () => {
    // Issue 13: the guided first match in a language other than English, every step's words in Japanese.
    await page.goto(served.url);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${served.url}?lang=ja`);
    expect(await page.locator('[data-test=tutorial]').getAttribute('class')).toContain('primary');
    await page.click('[data-test=tutorial]');
    await waitForMap(page);
    const stepName = () => page.locator('[data-test=tutorial-step]').getAttribute('data-step');
    const kana = /[\u3040-\u30ff]/;
    const step = async () => {
      const name = await stepName();
      if (name) expect(await page.locator('[data-test=tutorial-overlay]').innerText(), name).toMatch(kana);
      return name;
    };
    expect(await step()).toBe('briefing');
    expect(await page.locator('[data-test=seat-briefing].tutorial-target').count()).toBe(1);

    await page.click('[data-test=ready-briefing]');
    // The secret agenda: every option of Japan's era offered with its stakes; taking one moves the guide on.
    await expect.poll(step).toBe('agenda');
    expect(await page.locator('[data-test=agenda-choice].tutorial-target').count()).toBe(1);
    const options = page.locator('[data-test=agenda-choice] li');
    expect(await options.count()).toBe(3);
    expect(await options.first().innerText()).toMatch(/\+\d+点.*−\d+点/s);
    const take = page.locator('[data-test=agenda-choice] button[aria-pressed=false]').first();
    const chosen = await take.getAttribute('data-test');
    await take.click();
    await expect.poll(step).toBe('proposal');
    expect(await page.locator(`[data-test=${chosen}]`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => window.__oilAndWater?.session?.view().agendas.japan?.chosen)).toBe(true);
    await page.click('[data-test=send-proposal]');
    await expect.poll(step).toBe('answer');
    await page.click('[data-test=tutorial-next]');
    expect(await step()).toBe('message');
    await page.selectOption('[data-test=message-to]', 'russia');
    await page.fill('[data-test=message-text]', 'Shall we invest in Sakhalin together?');
    await page.click('[data-test=send-message]');
    await expect.poll(step).toBe('diplomacyDone');
    await page.click('[data-test=end-diplomacy]');
    await expect.poll(step).toBe('orders');
    await page.locator('[data-test=add-order]').first().click();
    await page.click('[data-test=commit]');
    if (await page.locator('[data-test=commit-yes]').count()) await page.click('[data-test=commit-yes]');
    await expect.poll(step).toBe('recap');
    expect(await page.locator('[data-test=year-recap]').count()).toBe(1);
    await page.click('[data-test=tutorial-next]');
    expect(await step()).toBe('charts');
    await page.click('[data-test=tutorial-finish]');
    expect(await page.locator('[data-test=tutorial-overlay]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('oil-and-water:tutorial-done'))).toBe('1');

    // Remembered: the start screen no longer leads with it; it can still be taken, and skipped.
    await page.goto(served.url);
    expect(await page.locator('[data-test=tutorial]').getAttribute('class')).not.toContain('primary');
    await page.click('[data-test=tutorial]');
    await waitForMap(page);
    expect(await page.locator('[data-test=tutorial-overlay]').count()).toBe(1);
    await page.click('[data-test=tutorial-skip]');
    expect(await page.locator('[data-test=tutorial-overlay]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);
});
