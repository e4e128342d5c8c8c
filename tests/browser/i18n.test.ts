// Protects issue 13's languages: for Japanese, Russian, Korean and Chinese, the start screen, one year of play as
// Japan and the end screen (and in Russian the after-action report) are in that language's script and show no line of
// the English catalogue that the language words differently; `?lang=` forces the language; a switch in the top bar mid-match keeps the match and is
// remembered; a player's typed message is shown exactly as typed, and a bot's reply in the language shown, re-worded on a switch.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../src/i18n/locales/en';
import type { Messages } from '../../src/i18n/locales/en';
import { playStep, useApp, type Served } from './harness';

let served: Served;
let page: Page;
let errors: string[];

useApp({ viewport: { width: 1400, height: 1000 } }, (app) => ({ served, page, errors } = app));

type Lang = 'ja' | 'ru' | 'ko' | 'zh';

const CATALOGUES: Record<Lang, () => Promise<{ default: Messages }>> = {
  ja: () => import('../../src/i18n/locales/ja'),
  ru: () => import('../../src/i18n/locales/ru'),
  ko: () => import('../../src/i18n/locales/ko'),
  zh: () => import('../../src/i18n/locales/zh'),
};

/** Each language's own script (kana for Japanese: kanji alone could be Chinese). */
const SCRIPT: Record<Lang, RegExp> = {
  ja: /[\u3040-\u30ff]/,
  ru: /[\u0400-\u04ff]/,
  ko: /[\uac00-\ud7af]/,
  zh: /[\u4e00-\u9fff]/,
};

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** English catalogue values without arguments that `lang` words differently: none may appear as a line on screen. */
async function untranslatable(lang: Lang): Promise<Set<string>> {
  const english = flatten(en);
  const local = flatten((await CATALOGUES[lang]()).default);
  const out = new Set<string>();
  for (const [key, value] of english) {
    if (!value.includes('{') && local.get(key) !== value && value.trim().length > 1) out.add(value.trim());
  }
  return out;
}

/** A text in the language's script, with none of its lines (table cells apart) an English catalogue line. */
function expectTranslated(text: string, lang: Lang, where: string, english: Set<string>): void {
  expect(text, `${where}: ${lang} script`).toMatch(SCRIPT[lang]);
  const lines = text
    .split(/[\n\t]/)
    .map((line) => line.trim())
    .filter(Boolean);
  expect(
    lines.filter((line) => english.has(line)),
    `${where}: English catalogue lines`,
  ).toEqual([]);
}

/** The page in the language: its visible text (`expectTranslated`) and `<html lang>`. */
async function check(lang: Lang, where: string, english: Set<string>): Promise<void> {
  expectTranslated(await page.locator('body').innerText(), lang, where, english);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-Hans' : lang);
}

/** Plays as Japan until the year changes; `during` runs once in Diplomacy. */
async function playOneYear(during?: () => Promise<void>): Promise<void> {
  const year = await page.locator('[data-test=year]').innerText();
  let ran = false;
  for (let step = 0; step < 12; step++) {
    if ((await page.locator('[data-test=year]').innerText()) !== year) return;
    if (!ran && during && (await page.locator('[data-test=end-diplomacy]').count())) {
      ran = true;
      await during();
    }
    await playStep(page);
  }
  await expect.poll(() => page.locator('[data-test=year]').innerText()).not.toBe(year);
}

/** What a player typed, with markup and quotes that must stay text. */
const TYPED = '<b>Bold?</b> 北方領土 & "Южные Курилы" <img src=x onerror=alert(1)>';

describe('the game in four languages', () => {
  for (const lang of ['ja', 'ru', 'ko', 'zh'] as const) {
    it(`${lang}: start screen, one year and the end screen`, async () => {
      const english = await untranslatable(lang);
      expect(english.size).toBeGreaterThan(300);

      // ?lang= forces the language on the start screen.
      await page.goto(`${served.url}?lang=${lang}`);
      await page.locator('[data-test=start]').waitFor();
      await check(lang, 'start screen', english);

      // One year as Japan (the start screen's defaults: Japan human, bots elsewhere).
      await page.fill('[data-test=seed]', '5');
      await page.selectOption('[data-test=scenario]', 'yeltsin-1992');
      await page.click('[data-test=start]');
      await page.locator('[data-test=year]').waitFor();
      await playOneYear(async () => {
        if (lang !== 'ja') return;
        await page.selectOption('[data-test=message-to]', 'russia');
        await page.fill('[data-test=message-text]', TYPED);
        await page.click('[data-test=send-message]');
        await expect.poll(() => page.locator('[data-test=messages]').innerText()).toContain(TYPED);
        // As text, not markup: no element came of it.
        expect(await page.locator('[data-test=messages] b, [data-test=messages] img').count()).toBe(0);
        // Russia's bot answers at once (on relations in general: its doctrine separates economics from politics).
        // The reply is stored as data and worded where shown: in Japanese, then in Russian after a switch.
        const messages = () => page.locator('[data-test=messages]').innerText();
        const reason = async (l: Lang) => (await CATALOGUES[l]()).default.reason['separates-economics'];
        await expect.poll(messages).toContain(await reason('ja'));
        await page.selectOption('#topbar [data-test=language]', 'ru');
        await expect.poll(messages).toContain(await reason('ru'));
        expect(await messages()).not.toContain(await reason('ja'));
        await page.selectOption('#topbar [data-test=language]', 'ja');
        await expect.poll(messages).toContain(await reason('ja'));
        await page.evaluate(() => localStorage.clear());
      });
      await check(lang, 'after one year', english);

      if (lang === 'zh') {
        // A switch in the top bar keeps the match where it is, and is remembered.
        const before = await page.evaluate(() => {
          const v = window.__oilAndWater?.session?.view();
          return { year: v?.year, round: v?.round, log: v?.log.length };
        });
        await page.selectOption('#topbar [data-test=language]', 'ko');
        await expect.poll(() => page.locator('[data-test=phase]').innerText()).toMatch(SCRIPT.ko);
        await check('ko', 'after switching to Korean', await untranslatable('ko'));
        const after = await page.evaluate(() => {
          const v = window.__oilAndWater?.session?.view();
          return { year: v?.year, round: v?.round, log: v?.log.length };
        });
        expect(after).toEqual(before);
        await page.goto(served.url);
        await page.locator('[data-test=start]').waitFor();
        await check('ko', 'reopened without ?lang=', await untranslatable('ko'));
        await page.evaluate(() => localStorage.clear());
      }

      // The end screen: a match of bots alone plays to its end at once.
      await page.goto(
        `${served.url}?lang=${lang}&scenario=gorbachev-1985&seed=3&humans=&bots=random&autostart=1`,
      );
      await page.locator('#end-screen').waitFor({ state: 'visible', timeout: 60_000 });
      await check(lang, 'end screen', english);

      if (lang === 'ru') {
        // The after-action report, in its sandboxed frame: Russian throughout (its catalogue's `report.` words, the
        // era's texts, the bots' reasons), no line of the English catalogue. The paper's quotes stay as written.
        await page.click('[data-test=debrief]');
        const frame = page.frameLocator('[data-test=debrief-frame]');
        await frame.locator('#outcome').waitFor({ timeout: 120_000 });
        expectTranslated(await frame.locator('body').innerText(), 'ru', 'report', english);
        expect(await frame.locator('#drift h2').innerText()).toBe('Где партия разошлась с историей');
        expect(await frame.locator('html').getAttribute('lang')).toBe('ru');
        // The random bots' reason, worded from its code in Russian.
        expect(await frame.locator('#orders').innerText()).toContain(
          (await CATALOGUES.ru()).default.reason['random-choice'],
        );
        await check(lang, 'report bar', english);
      }
      expect(errors).toEqual([]);
    }, 180_000);
  }
});
