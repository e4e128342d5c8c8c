// Protects the classroom flow in real browsers: a teacher creates a match, two students join, whisper, play a round.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../browser/harness';
import { type Harness, startHarness } from './helpers';

describe('the classroom pages in Chromium', () => {
  let dist: string;
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-classroom-dist-'));
    // Only the classroom page: the game page (and Phaser) is not needed here.
    await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, rolldownOptions: { input: { classroom: 'classroom.html' } } } });
    h = await startHarness({ distDir: dist });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const text = (page: Page, test: string) => page.locator(`[data-test="${test}"]`).innerText();

  it('creates, joins, exchanges a private message and plays a round', async () => {
    const teacher = await browser.newPage();
    await teacher.goto(`${h.server.url}/classroom.html`);
    for (const seat of ['china', 'us', 'rok', 'dprk']) await teacher.check(`input[name="bot-${seat}"]`);
    await teacher.fill('input[name="seed"]', 'browser-1');
    await teacher.click('form[data-test="create"] button[type="submit"]');
    await teacher.waitForSelector('[data-code="russia"]');
    const russiaCode = (await teacher.locator('[data-code="russia"]').innerText()).trim();
    const japanCode = (await teacher.locator('[data-code="japan"]').innerText()).trim();
    expect(russiaCode).toMatch(/^[A-Z0-9]{8}$/);

    const join = async (code: string, name: string) => {
      const page = await browser.newPage();
      await page.goto(`${h.server.url}/classroom.html?join=${code}`);
      await page.fill('input[name="name"]', name);
      await page.click('form[data-test="join"] button[type="submit"]');
      await page.waitForSelector('[data-test="phase"]:has-text("briefing")');
      return page;
    };
    const russia = await join(russiaCode, 'Boris');
    const japan = await join(japanCode, '<b>Aiko</b>');
    await teacher.waitForFunction(() => document.querySelector('[data-test="seats"]')?.textContent?.includes('<b>Aiko</b>'));

    await teacher.click('button[data-action="resume"]');
    await teacher.waitForFunction(() => !document.querySelector('[data-test="status"]')?.textContent?.includes('PAUSED'));
    for (const page of [russia, japan]) await page.click('button[data-action="ready"]');
    await japan.waitForSelector('[data-test="phase"]:has-text("diplomacy")');
    const year = Number(/· (\d{4}) ·/.exec(await text(japan, 'phase'))?.[1]);

    await japan.selectOption('select[name="to"]', 'russia');
    await japan.fill('input[name="text"]', 'Meet me at Shikotan?');
    await japan.click('button[data-action="send"]');
    await russia.waitForSelector('[data-test="messages"] li:has-text("Meet me at Shikotan?")');
    const projector = await browser.newPage();
    await projector.goto(`${h.server.url}/classroom.html?projector=${new URL(teacher.url()).searchParams.get('facilitate')}`);
    await projector.waitForSelector('[data-test="seats"]');
    expect(await projector.content()).not.toContain('Shikotan?');
    // The student's name went in as text, not markup.
    expect(await teacher.locator('[data-test="seats"] b').count()).toBe(0);

    for (const page of [russia, japan]) await page.click('button[data-action="ready"]');
    await russia.waitForSelector('[data-test="phase"]:has-text("policy")');
    for (const page of [russia, japan]) await page.click('button[data-action="ready"]');
    await russia.waitForSelector(`[data-test="phase"]:has-text("diplomacy · ${year + 1}")`);
    expect(await text(russia, 'error')).toBe('');
  }, 90_000);
});
