// Protects a lesson's first year end to end in real browsers: a teacher makes a 45-minute class match with two
// students' seats, the console and the projector draw the map, the facilitator's notice reaches both students and
// the projector, the projector reviews the year once it is resolved, and no seat's agenda ever reaches the projector.
import { mkdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, commitAnyway, waitForMap } from '../browser/harness';
import { classroomInBrowser } from './browser-env';

describe('a lesson year in Chromium: console, projector and two students', () => {
  const env = classroomInBrowser();

  const mapDrawn = (page: Page) =>
    page.waitForSelector('[data-test="map"][data-map-ready="true"] canvas', { timeout: 60_000 });

  it('plays a year, shows the notice everywhere and the review on the projector, never an agenda', async () => {
    const errors: string[] = [];
    const open = async (url: string, width = 1400) => {
      const page = await env.browser.newPage({ viewport: { width, height: 1000 } });
      page.on('pageerror', (error) => errors.push(`${url}: ${error.message}`));
      await page.goto(url);
      return page;
    };

    const teacher = await open(`${env.h.server.url}/classroom.html`);
    await teacher.selectOption('select[name="scenario"]', 'yeltsin-1992');
    await teacher.selectOption('select[name="preset"]', 'lesson-45');
    for (const seat of ['china', 'us', 'rok', 'dprk']) await teacher.check(`input[name="bot-${seat}"]`);
    await teacher.click('form[data-test="create"] button[type="submit"]');
    await teacher.waitForSelector('[data-code="russia"]');
    // The facilitator's token never shows in the address (it lives in the tab's sessionStorage).
    expect(teacher.url()).not.toContain('token');
    const matchID = new URL(teacher.url()).searchParams.get('facilitate') as string;
    const code = async (seat: string) => (await teacher.locator(`[data-code="${seat}"]`).innerText()).trim();
    const codes = { japan: await code('japan'), russia: await code('russia') };
    await mapDrawn(teacher);

    const projectorLink = (await teacher
      .locator('[data-test="projector-link"]')
      .getAttribute('href')) as string;
    const projector = await open(projectorLink, 1600);
    await mapDrawn(projector);
    await projector.waitForSelector('[data-test="status"]:has-text("1992")');

    const join = async (joinCode: string, name: string) => {
      const page = await open(`${env.h.server.url}/classroom.html?join=${joinCode}`);
      await page.fill('input[name="name"]', name);
      await page.click('form[data-test="join"] button[type="submit"]');
      await page.waitForURL((url) => url.searchParams.get('classroom') === matchID);
      await waitForMap(page);
      return page;
    };
    const japan = await join(codes.japan, 'Aiko');
    const russia = await join(codes.russia, 'Boris');
    const students = [japan, russia];

    await teacher.click('button[data-action="resume"]');
    await japan.waitForSelector('[data-test="classroom-status"]:has-text("Phase ends in")');
    // The briefing opens the match; both students read it and say they are ready.
    for (const page of students) {
      const ready = page.locator('[data-test="ready-briefing"]');
      if (await ready.count()) await ready.click();
    }
    for (const page of students) await page.waitForSelector('[data-test="phase"]:has-text("Diplomacy")');
    const year = Number(await japan.locator('[data-test="year"]').first().innerText());

    // The agendas are dealt in Diplomacy: the console's hidden-state box holds every seat's.
    await teacher.waitForFunction(() =>
      /agenda (?!—)/.test(document.querySelector('[data-test="secrets"]')?.textContent ?? ''),
    );
    const secrets = (await teacher.locator('[data-test="secrets"]').textContent()) ?? '';
    const agendas = [...secrets.matchAll(/agenda (.+?);/g)].map((m) => m[1]).filter((a) => a !== '—');
    expect(agendas.length).toBe(6);

    // The facilitator's notice, typed on the console, reaches both students' top bars and the projector.
    const notice = 'Five minutes left: agree or walk away.';
    await teacher.fill('[data-test="broadcast-text"]', notice);
    await teacher.click('button[data-action="broadcast"]');
    for (const page of [...students, projector])
      await page.waitForSelector(`[data-test="broadcast"]:visible:has-text("${notice}")`);
    // The box empties once the server has taken the notice.
    await teacher.waitForFunction(
      () => (document.querySelector('[data-test="broadcast-text"]') as HTMLTextAreaElement).value === '',
    );

    // The debrief's privacy choice goes to the server and survives a reload of the console.
    const toggle = teacher.locator('[data-test="debrief-private"]');
    expect(await toggle.isChecked()).toBe(false);
    await Promise.all([
      teacher.waitForResponse((r) => r.url().endsWith(`/api/matches/${matchID}/settings`) && r.ok()),
      toggle.check(),
    ]);

    for (const page of students) await page.click('[data-test="end-diplomacy"]');
    for (const page of students) {
      await page.waitForSelector('[data-test="phase"]:has-text("Policy")');
      await page.locator('[data-test="add-order"]').first().click();
      // One order leaves action points unspent: the page asks first.
      await commitAnyway(page);
    }
    for (const page of students) await page.waitForSelector(`[data-test="year"]:has-text("${year + 1}")`);

    // The year is resolved in public: the projector reviews it, with the map still drawn.
    await projector.waitForSelector(`[data-test="year-review"]:visible h2:has-text("${year}")`);
    expect(await projector.locator('[data-test="year-review"] li').count()).toBeGreaterThan(0);
    await mapDrawn(projector);
    await mapDrawn(teacher);
    // The notice is still up after the year turned (it stays until the facilitator sends another).
    await projector.waitForSelector(`[data-test="broadcast"]:visible:has-text("${notice}")`);

    // For a person to look at: the projector's review and notice, a student's top bar, the console.
    mkdirSync(ARTIFACTS, { recursive: true });
    await projector.screenshot({ path: joinPath(ARTIFACTS, 'classroom-year-projector.png'), fullPage: true });
    await japan.screenshot({ path: joinPath(ARTIFACTS, 'classroom-year-student.png') });
    await teacher.screenshot({ path: joinPath(ARTIFACTS, 'classroom-year-console.png'), fullPage: true });

    const shown = await projector.locator('body').innerText();
    const html = await projector.content();
    for (const agenda of agendas) {
      expect(shown).not.toContain(agenda);
      expect(html).not.toContain(agenda);
    }

    await teacher.reload();
    await teacher.waitForSelector('[data-code="russia"]');
    expect(await teacher.locator('[data-test="debrief-private"]').isChecked()).toBe(true);

    // The lesson ends here: the projector ranks the seats and says where the class left history.
    await teacher.click('[data-test="end-match"]');
    await teacher.click('[data-test="confirm-end"] button[data-action="end"]');
    await projector.waitForSelector('[data-test="ranking"] li');
    await projector.waitForSelector('[data-test="history"] h2');
    expect((await projector.locator('[data-test="history"] .big').innerText()).length).toBeGreaterThan(0);
    await projector.screenshot({
      path: joinPath(ARTIFACTS, 'classroom-year-projector-end.png'),
      fullPage: true,
    });
    expect(errors).toEqual([]);
  }, 240_000);
});
