// Protects what the teacher and the class see: a class made from a lesson preset ends the era early, the console
// shows the map, the roster (students' seats labelled as such) and the clock, and the projector shows the map and
// the clock without any seat's agenda.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { classroomInBrowser } from './browser-env';

describe('the lesson console and the projector in Chromium', () => {
  const env = classroomInBrowser();

  const mapDrawn = (page: Page) =>
    page.waitForSelector('[data-test="map"][data-map-ready="true"] canvas', { timeout: 60_000 });

  it('creates a 45-minute lesson, and the projector never shows an agenda', async () => {
    const errors: string[] = [];
    const teacher = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    teacher.on('pageerror', (error) => errors.push(error.message));
    await teacher.goto(`${env.h.server.url}/classroom.html`);
    await teacher.selectOption('select[name="scenario"]', 'yeltsin-1992');
    await teacher.selectOption('select[name="preset"]', 'whole-era');
    expect(await teacher.inputValue('input[name="endYear"]')).toBe('1999');
    const wholeEra = await teacher.locator('[data-test="estimate"]').innerText();
    await teacher.selectOption('select[name="preset"]', 'lesson-45');
    const estimate = await teacher.locator('[data-test="estimate"]').innerText();
    expect(estimate).not.toBe(wholeEra);
    const lastYear = Number(await teacher.inputValue('input[name="endYear"]'));
    expect(lastYear).toBeLessThan(1999);
    expect(estimate).toContain(`1992–${lastYear}`);
    // The estimate is live: a longer diplomacy phase lengthens it.
    await teacher.fill('input[name="diplomacy"]', '600');
    expect(await teacher.locator('[data-test="estimate"]').innerText()).not.toBe(estimate);
    await teacher.selectOption('select[name="preset"]', 'lesson-45');
    for (const seat of ['china', 'us', 'rok', 'dprk']) await teacher.check(`input[name="bot-${seat}"]`);
    await teacher.click('form[data-test="create"] button[type="submit"]');

    // The console: roster, clock, map, join links with QR codes; the era now ends at the lesson's last year.
    await teacher.waitForSelector('[data-code="russia"]');
    // A students' seat nobody holds yet is still the students' (a stand-in bot plays it meanwhile).
    await teacher.waitForSelector('[data-test="played-by-russia"]:has-text("students")');
    expect(await teacher.locator('[data-test="played-by-china"]').innerText()).toContain('bot');
    await teacher.waitForSelector(`[data-test="lesson-end"]:has-text("${lastYear}")`);
    await teacher.waitForSelector('[data-test="status"]:has-text("1992")');
    await teacher.waitForSelector('[data-test="join-links"] canvas[data-test="qr"]');
    expect(await teacher.locator('.seat-card').count()).toBe(2);
    await mapDrawn(teacher);

    // The class starts; skipping the briefing opens Diplomacy, where the agendas are dealt.
    await teacher.click('button[data-action="resume"]');
    await teacher.click('button[data-action="timer"]:has-text("Skip")');
    await teacher.waitForSelector('[data-test="status"]:has-text("Diplomacy")');
    await teacher.waitForFunction(() =>
      /agenda (?!—)/.test(document.querySelector('[data-test="secrets"]')?.textContent ?? ''),
    );
    const secrets = (await teacher.locator('[data-test="secrets"]').textContent()) ?? '';
    const agendas = [...secrets.matchAll(/agenda (.+?);/g)].map((m) => m[1]).filter((a) => a !== '—');
    expect(agendas.length).toBe(6);

    const projectorLink = (await teacher
      .locator('[data-test="projector-link"]')
      .getAttribute('href')) as string;
    const projector = await env.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    projector.on('pageerror', (error) => errors.push(error.message));
    await projector.goto(projectorLink);
    await projector.waitForSelector('[data-test="status"]:has-text("Diplomacy")');
    await projector.waitForSelector('[data-test="news"] li strong');
    await projector.waitForSelector('[data-test="seats"] li');
    await mapDrawn(projector);
    const shown = await projector.locator('body').innerText();
    const html = await projector.content();
    for (const agenda of agendas) {
      expect(shown).not.toContain(agenda);
      expect(html).not.toContain(agenda);
    }

    // Ending asks first.
    await teacher.click('[data-test="end-match"]');
    await teacher.waitForSelector('[data-test="confirm-end"]:visible');
    await teacher.click('[data-test="confirm-end"] button[data-action="end"]');
    await teacher.waitForSelector('[data-test="debrief"]:visible');
    await projector.waitForSelector('[data-test="ranking"] li');
    expect(errors).toEqual([]);
  }, 180_000);
});
