// Protects the classroom flow in real browsers: a teacher creates a match, two students join into the map UI, whisper,
// make a deal and play a round.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { commitAnyway, waitForMap } from '../browser/harness';
import { classroomInBrowser } from './browser-env';

describe('the classroom pages in Chromium', () => {
  const env = classroomInBrowser();

  const text = (page: Page, test: string) => page.locator(`[data-test="${test}"]`).first().innerText();

  it('creates, joins into the map UI, exchanges a private message and plays a round', async () => {
    const teacher = await env.browser.newPage();
    await teacher.goto(`${env.h.server.url}/classroom.html`);
    for (const seat of ['china', 'us', 'rok', 'dprk']) await teacher.check(`input[name="bot-${seat}"]`);
    await teacher.fill('input[name="seed"]', 'browser-1');
    await teacher.click('form[data-test="create"] button[type="submit"]');
    await teacher.waitForSelector('[data-code="russia"]');
    const russiaCode = (await teacher.locator('[data-code="russia"]').innerText()).trim();
    const japanCode = (await teacher.locator('[data-code="japan"]').innerText()).trim();
    expect(russiaCode).toMatch(/^[A-Z0-9]{8}$/);
    const matchID = new URL(teacher.url()).searchParams.get('facilitate') as string;

    const errors: string[] = [];
    const join = async (code: string, name: string) => {
      const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${env.h.server.url}/classroom.html?join=${code}`);
      await page.fill('input[name="name"]', name);
      await page.click('form[data-test="join"] button[type="submit"]');
      // The join page hands the seat to the game page: the map and the seat panel, as in solo play.
      await page.waitForURL((url) => url.searchParams.get('classroom') === matchID);
      await waitForMap(page);
      await page.waitForSelector('#map canvas');
      await page.waitForSelector('[data-test="ready-briefing"]');
      expect(await text(page, 'phase')).toContain('Briefing');
      // The credentials stay out of the address.
      expect(page.url()).not.toMatch(/credentials|token/);
      return page;
    };
    const russia = await join(russiaCode, 'Boris');
    const japan = await join(japanCode, '<b>Aiko</b>');
    expect(await russia.locator('#seat-panel h2').innerText()).toContain('Russia');
    await teacher.waitForFunction(() =>
      document.querySelector('[data-test="seats"]')?.textContent?.includes('<b>Aiko</b>'),
    );

    // Paused: the top bar says so, and a move is refused with the server's message.
    await japan.waitForSelector('[data-test="classroom-status"]:has-text("Paused by the facilitator")');
    await japan.click('[data-test="ready-briefing"]');
    await japan.waitForSelector('#toast:has-text("paused")');

    await teacher.click('button[data-action="resume"]');
    await teacher.waitForFunction(
      () => !document.querySelector('[data-test="status"]')?.textContent?.includes('PAUSED'),
    );
    await japan.waitForSelector('[data-test="classroom-status"]:has-text("Phase ends in")');
    for (const page of [russia, japan]) await page.click('[data-test="ready-briefing"]');
    await japan.waitForSelector('[data-test="phase"]:has-text("Diplomacy")');
    await russia.waitForSelector('[data-test="phase"]:has-text("Diplomacy")');
    const year = Number(await text(japan, 'year'));

    await japan.selectOption('[data-test="message-to"]', 'russia');
    await japan.fill('[data-test="message-text"]', 'Meet me at Shikotan?');
    await japan.click('[data-test="send-message"]');
    await russia.waitForSelector('[data-test="messages"] li:has-text("Meet me at Shikotan?")');
    const projector = await env.browser.newPage();
    await projector.goto(`${env.h.server.url}/classroom.html?projector=${matchID}`);
    await projector.waitForSelector('[data-test="seats"]');
    expect(await projector.content()).not.toContain('Shikotan?');
    // The student's name went in as text, not markup.
    expect(await teacher.locator('[data-test="seats"] b').count()).toBe(0);
    // Each student sees their own agenda (in the first year, their own options with the dealt one current) and never
    // the other's.
    const held = '[data-test="agenda"] .agenda-option.current strong';
    const russiaAgenda = await russia.locator(held).innerText();
    expect(russiaAgenda.length).toBeGreaterThan(0);
    expect(await japan.locator(held).innerText()).not.toBe(russiaAgenda);
    const russiaOptions = await russia.locator('[data-test="agenda"] .agenda-option strong').allInnerTexts();
    expect(russiaOptions.length).toBeGreaterThan(1);
    const japanPage = await japan.content();
    for (const title of russiaOptions) expect(japanPage).not.toContain(title);

    // Japan proposes a summit; Russia accepts it on its own screen.
    await japan.selectOption('[data-test="proposal-kind"]', 'summit');
    await japan.selectOption('[data-test="proposal-to"]', 'russia');
    await japan.click('[data-test="send-proposal"]');
    // (Bots propose to Russia too: pick Japan's.)
    await russia.click(
      '[data-test="proposals-in"] .proposal.open:has-text("Japan") button[data-key^="accept-"]',
    );
    await japan.waitForSelector('[data-test="proposals-out"] [data-status="accepted"]');

    for (const page of [russia, japan]) await page.click('[data-test="end-diplomacy"]');
    await russia.waitForSelector('[data-test="phase"]:has-text("Policy")');
    await japan.waitForSelector('[data-test="phase"]:has-text("Policy")');
    for (const page of [russia, japan]) {
      await page.locator('[data-test="add-order"]').first().click();
      // One order leaves action points unspent: the page asks first.
      await commitAnyway(page);
    }
    for (const page of [russia, japan]) {
      await page.waitForSelector(`[data-test="year"]:has-text("${year + 1}")`);
      await page.waitForSelector('[data-test="phase"]:has-text("Diplomacy")');
    }
    expect(await text(russia, 'log')).toContain(String(year));
    expect(errors).toEqual([]);
  }, 120_000);
});
