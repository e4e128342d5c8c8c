// Protects issue 12's "no raw ids on screen": a whole abe-2013 match played as Japan by clicking, with every map
// feature's detail panel opened each year, the year recaps, the end screen and the debrief, shows no scenario event,
// wildcard, decision option, project or agenda id, no action id or proposal kind, no treaty formula id and no bare
// Korean seat id: each must reach the player through the string catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACTION_IDS, PROPOSAL_KINDS } from '../../src/game/catalog';
import { TREATY_FORMULAS } from '../../src/game/vocabulary';
import { builtinScenario } from '../../src/scenario/builtin';
import { closeApp, openApp, playStep, waitForMap, type Served } from './harness';

let served: Served;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ served, browser, page, errors } = await openApp({ viewport: { width: 1400, height: 1000 } }));
}, 120_000);

afterAll(() => closeApp({ served, browser }));

const scenario = builtinScenario('abe-2013')!;

/**
 * The ids to look for. Single-word ids ("summit", "mediation", "provocation") are English words a sentence may
 * rightly hold, so only hyphenated ids are searched: those never occur in prose. A few hyphenated ids are also plain
 * English ("visa-free" exchange is how the catalogue itself names it; abe-2013's news speaks of "peace-treaty
 * talks"), so they are left out too.
 */
const ENGLISH = new Set(['visa-free', 'peace-treaty']);
const ids = [
  ...scenario.events.flatMap((e) => [e.id, ...(e.decision?.options.map((o) => o.id) ?? [])]),
  ...scenario.wildcards.deck.map((e) => e.id),
  ...scenario.projects.map((p) => p.id),
  ...scenario.agendas.map((a) => a.id),
  ...ACTION_IDS,
  ...PROPOSAL_KINDS,
  ...TREATY_FORMULAS,
].filter((id) => id.includes('-') && !ENGLISH.has(id));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An id as a whole token: not inside a longer hyphenated word or identifier. */
const patterns = [...new Set(ids)].map((id) => new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`));
// The formula "none" and the Korean seats' ids are ordinary-looking words, caught only in the shapes they leak in.
patterns.push(/\bnone formula\b/i, /(?<![\w-])(rok|dprk)(?![\w-])/);

/** Every raw id found in a text, with a little context around it. */
function rawIds(text: string): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) found.push(text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40));
  }
  return found;
}

/**
 * Opens each map feature's detail panel from the keyboard list and returns what the panels said. The buttons are
 * clicked inside the page, in one round trip: a click renders the detail panel synchronously (app.ts `select`), and
 * about 30 features a year through Playwright's per-click checks made this file the browser suite's slowest.
 */
async function detailTexts(): Promise<string> {
  const texts = await page.evaluate(() => {
    document.getElementById('features')?.setAttribute('open', '');
    const keys = [...document.querySelectorAll('#features button[data-key^=feature-]')].map(
      (b) => b.getAttribute('data-key') ?? '',
    );
    return keys.map((key) => {
      // The list is drawn again after each click: find the button anew.
      const button = document.querySelector<HTMLButtonElement>(`#features button[data-key="${key}"]`);
      if (!button) return `(no button ${key})`;
      button.click();
      return (
        (document.querySelector('[data-test=detail]') as HTMLElement | null)?.innerText ?? '(no detail panel)'
      );
    });
  });
  // Sanity: panels were opened and said something.
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.filter((t) => t.trim() === '' || t.startsWith('(no '))).toEqual([]);
  return `\n${texts.join('\n')}`;
}

describe('no raw ids on screen', () => {
  it('plays abe-2013 to the end and shows every name in words', async () => {
    // Sanity: the list holds the ids that have leaked before, so a pass means they were looked for.
    expect(ids).toEqual(expect.arrayContaining(['sakhalin-2', 'espo-oil', 'soften-demand', 'two-islands']));
    await page.goto(`${served.url}?scenario=abe-2013&seed=12&humans=japan&bots=historical&autostart=1`);
    await waitForMap(page);

    const seen: string[] = [];
    let year = '';
    for (let step = 0; step < 80 && !(await page.locator('#end-screen').isVisible()); step++) {
      const now = await page.locator('[data-test=year]').innerText();
      // Once a year, with that year's news, log, recap and detail panels on screen.
      if (now !== year) {
        year = now;
        seen.push(await page.locator('body').innerText(), await detailTexts());
      }
      await playStep(page, step % 2 ? 'first' : 'last');
    }
    await expect.poll(() => page.locator('#end-screen').isVisible()).toBe(true);
    seen.push(await page.locator('body').innerText(), await detailTexts());

    await page.click('[data-test=debrief]');
    await page.locator('[data-test=debrief-frame]').waitFor({ timeout: 60_000 });
    const frame = await (await page.locator('[data-test=debrief-frame]').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the report frame has no document');
    await frame.waitForSelector('#outcome');
    seen.push(await frame.locator('body').innerText());

    const leaks = [...new Set(seen.flatMap(rawIds))];
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
  }, 400_000);
});
