// Protects issue 13's WCAG 2.2 AA check of the classroom pages: axe-core, run inside Chromium with the
// wcag2a/wcag2aa/wcag21aa/wcag22aa rules, finds no serious or critical violation on the teacher's form, the
// facilitator console of a running match, a student's join page, the projector and the class page of a class of
// groups.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../browser/axe';
import { classroomInBrowser } from './browser-env';

describe('axe-core on the classroom pages', () => {
  const env = classroomInBrowser();

  it('teacher form, console, join page, projector and class page', async () => {
    const found: Record<string, string[]> = {};
    const errors: string[] = [];
    const open = async (path: string): Promise<Page> => {
      const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${env.h.server.url}${path}`);
      return page;
    };

    const teacher = await open('/classroom.html');
    await teacher.locator('form[data-test="create"]').waitFor();
    found['teacher: new match'] = await seriousViolations(teacher);
    for (const seat of ['china', 'us', 'rok', 'dprk']) await teacher.check(`input[name="bot-${seat}"]`);
    await teacher.fill('input[name="seed"]', 'a11y');
    await teacher.click('form[data-test="create"] button[type="submit"]');
    await teacher.waitForSelector('[data-code="japan"]');
    await teacher.waitForSelector('#map canvas');
    const code = (await teacher.locator('[data-code="japan"]').innerText()).trim();
    const matchID = new URL(teacher.url()).searchParams.get('facilitate') as string;
    found['console'] = await seriousViolations(teacher);

    const student = await open(`/classroom.html?join=${code}`);
    await student.locator('form[data-test="join"]').waitFor();
    found['join'] = await seriousViolations(student);

    const projector = await open(`/classroom.html?projector=${matchID}`);
    await projector.waitForSelector('[data-test="seats"]');
    found['projector'] = await seriousViolations(projector);

    const classes = await open('/classroom.html');
    await classes.selectOption('select[name="groups"]', '3');
    await classes.click('form[data-test="create"] button[type="submit"]');
    await classes.waitForSelector('[data-test="class-groups"] [data-test="group-3"]');
    found['class page'] = await seriousViolations(classes);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(errors).toEqual([]);
  }, 180_000);
});
