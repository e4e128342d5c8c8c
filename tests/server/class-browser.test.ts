// Protects the class page in Chromium: the teacher's form makes a class of three groups, the class page lists them
// with console links, and once the groups end the comparison table shows each group's outcome beside history.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, bearer } from './helpers';
import { classroomInBrowser } from './browser-env';
import type { ClassAnswer } from '../../src/protocol/lobby';

describe('the class page in Chromium', () => {
  const env = classroomInBrowser();

  it('creates three groups from the form and renders their comparison', async () => {
    const errors: string[] = [];
    const teacher = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    teacher.on('pageerror', (error) => errors.push(error.message));
    await teacher.goto(`${env.h.server.url}/classroom.html`);
    await teacher.selectOption('select[name="scenario"]', 'yeltsin-1992');
    await teacher.selectOption('select[name="preset"]', 'lesson-45');
    await teacher.selectOption('select[name="groups"]', '3');
    await teacher.check('input[name="reflectionPrompt"]');
    await teacher.click('form[data-test="create"] button[type="submit"]');
    await teacher.waitForSelector('[data-test="class-groups"] [data-test="group-3"]');
    // The token left the address for this tab's sessionStorage.
    const url = new URL(teacher.url());
    expect(url.hash).toBe('');
    const classID = url.searchParams.get('class') as string;
    const token = (await teacher.evaluate(
      (id) => sessionStorage.getItem(`oaw-class-${id}`),
      classID,
    )) as string;
    expect(
      await teacher.locator('[data-test="group-1"] a:has-text("Open console")').getAttribute('href'),
    ).toContain('?facilitate=');

    const listing = await api<ClassAnswer>(
      env.h.server.url,
      'GET',
      `/api/classes/${classID}`,
      undefined,
      bearer(token),
    );
    expect(listing.body.groups).toHaveLength(3);
    for (const g of listing.body.groups) {
      expect(env.h.server.runtime.get(g.matchID)?.reflectionPrompt).toBe(true);
      const ended = await api(
        env.h.server.url,
        'POST',
        `/api/matches/${g.matchID}/end`,
        undefined,
        bearer(token),
      );
      expect(ended.status).toBe(200);
    }
    // The console of a group that asked for reflections downloads them, worded in its language.
    const console1 = await env.browser.newPage();
    console1.on('pageerror', (error) => errors.push(error.message));
    await console1.goto(
      `${env.h.server.url}/classroom.html?facilitate=${listing.body.groups[0].matchID}#token=${token}`,
    );
    const [download] = await Promise.all([
      console1.waitForEvent('download'),
      console1.click('[data-test="download-reflections"]'),
    ]);
    expect(download.suggestedFilename()).toBe(
      `oil-and-water-reflections-${listing.body.groups[0].matchID}.csv`,
    );
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-reflections-')), 'r.csv');
    await download.saveAs(saved);
    expect(fs.readFileSync(saved, 'utf8')).toBe('match,group,seat,country,year,students,reflection\r\n');
    await console1.close();
    await teacher.click('[data-test="compare"]');
    const table = teacher.locator('[data-test="comparison-table"]');
    await table.waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual([
      '',
      'Group 1',
      'Group 2',
      'Group 3',
      'History',
      'Simulator',
    ]);
    const outcome = await teacher.locator('[data-test="row-outcome"] td').allInnerTexts();
    expect(outcome.slice(0, 4)).toEqual([
      'no islands transferred',
      'no islands transferred',
      'no islands transferred',
      'no treaty, no islands transferred',
    ]);
    // The era by its name, never its id; the indicators worded by the page's catalogue.
    expect(await teacher.locator('h1').innerText()).toBe(
      `Class: Yeltsin: the roller coaster (1992–1999) → ${listing.body.endYear}`,
    );
    expect(await teacher.locator('[data-test="row-trustJapanRussia"] th').innerText()).toBe(
      'Trust Japan→Russia',
    );
    // In Japanese, from the same class: the era's name from its Japanese texts, the rows from the Japanese catalogue.
    const ja = await env.browser.newPage();
    ja.on('pageerror', (error) => errors.push(error.message));
    await ja.goto(`${env.h.server.url}/classroom.html?class=${classID}&lang=ja#token=${token}`);
    await ja.click('[data-test="compare"]');
    await ja.locator('[data-test="comparison-table"]').waitFor();
    expect(await ja.locator('h1').innerText()).toBe(
      `クラス：エリツィン：ジェットコースター（1992–1999） → ${listing.body.endYear}`,
    );
    expect(await ja.locator('[data-test="row-trustJapanRussia"] th').innerText()).toBe('日本→ロシアの信頼');
    expect(await ja.locator('[data-test="comparison"]').innerText()).not.toMatch(/yeltsin-1992|Japan/);
    await ja.close();
    expect(errors).toEqual([]);
  }, 180_000);
});
