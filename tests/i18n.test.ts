/**
 * The string catalogue in every language: the same keys as English, the same ICU arguments in every message, no
 * empty message, every message parses and formats; and where the page's language comes from.
 */
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import en from '../src/i18n/locales/en';
import {
  detectLanguage,
  formatList,
  LANGUAGE_TAGS,
  LANGUAGES,
  language,
  languageOfTag,
  loadLanguage,
  setLanguage,
  t,
  type Language,
} from '../src/i18n';

/** Every message of a catalogue by its dotted key. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** The argument names a message uses, in plural and select branches too. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, out);
  }
  return out;
}

async function catalogue(lang: Language): Promise<unknown> {
  if (lang === 'en') return en;
  const modules = {
    ja: () => import('../src/i18n/locales/ja'),
    ru: () => import('../src/i18n/locales/ru'),
    ko: () => import('../src/i18n/locales/ko'),
    zh: () => import('../src/i18n/locales/zh'),
  };
  return (await modules[lang]()).default;
}

const english = flatten(en);

describe('the catalogue in every language', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: every English key, no other, non-empty, the same arguments, parses and formats`, async () => {
      const messages = flatten(await catalogue(lang));
      const problems: string[] = [];
      for (const key of english.keys()) if (!messages.has(key)) problems.push(`${lang}: missing ${key}`);
      for (const key of messages.keys()) if (!english.has(key)) problems.push(`${lang}: unknown key ${key}`);
      for (const [key, message] of messages) {
        const source = english.get(key);
        if (typeof message !== 'string' || message.trim() === '') {
          problems.push(`${lang}: ${key} is empty or not a string`);
          continue;
        }
        let args: Set<string>;
        try {
          args = argumentsOf(parse(message));
        } catch (error) {
          problems.push(`${lang}: ${key} is not an ICU message (${String(error)})`);
          continue;
        }
        if (typeof source === 'string') {
          const want = [...argumentsOf(parse(source))].sort();
          const got = [...args].sort();
          if (want.join() !== got.join())
            problems.push(`${lang}: ${key} has {${got}} where English has {${want}}`);
        }
        // Formats in its own locale with every argument given (numbers for plurals, "yes" for selects).
        const values = Object.fromEntries(
          [...args].map((name) => [name, /^(years|rungs)$/.test(name) ? 3 : 'yes']),
        );
        const formatted = new IntlMessageFormat(message, LANGUAGE_TAGS[lang]).format(values);
        if (typeof formatted !== 'string' || formatted.includes('{'))
          problems.push(`${lang}: ${key} left a brace`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('the flattening sees every message (a catalogue missing one key fails)', () => {
    const damaged = structuredClone(en) as { S: { start: Record<string, string> } };
    delete damaged.S.start.heading;
    expect(flatten(damaged).has('S.start.heading')).toBe(false);
    expect(english.has('S.start.heading')).toBe(true);
    expect(english.size).toBeGreaterThan(500);
  });
});

describe('t() and switching', () => {
  it('formats ICU plurals per language and switches back', async () => {
    await setLanguage('en', false);
    expect(t('S.ladder.gap', { rungs: 1 })).toBe('No treaty fits: 1 rung apart.');
    expect(t('S.ladder.gap', { rungs: 2 })).toBe('No treaty fits: 2 rungs apart.');
    await setLanguage('ru', false);
    expect(language()).toBe('ru');
    expect(t('S.ladder.gap', { rungs: 1 })).toContain('1 ступень');
    expect(t('S.ladder.gap', { rungs: 3 })).toContain('3 ступени');
    expect(t('S.ladder.gap', { rungs: 5 })).toContain('5 ступеней');
    await setLanguage('ja', false);
    expect(t('seat.japan')).toBe('日本');
    expect(formatList(['A', 'B'])).not.toContain('and');
    expect(formatList(['A', 'B'])).toMatch(/^A.+B$/);
    await setLanguage('en', false);
    expect(t('seat.japan')).toBe('Japan');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B, and C');
  });

  it('loads a language once without switching to it', async () => {
    await setLanguage('en', false);
    await loadLanguage('zh');
    expect(language()).toBe('en');
    expect(t('seat.china')).toBe('China');
  });
});

describe('where the language comes from', () => {
  it('?lang= wins, then the remembered choice, then the browser list, then English', () => {
    expect(detectLanguage({ search: '?lang=ko', stored: 'ja', languages: ['ru'] })).toEqual({
      lang: 'ko',
      forced: true,
    });
    expect(detectLanguage({ search: '?lang=xx', stored: 'ja', languages: ['ru'] })).toEqual({
      lang: 'ja',
      forced: false,
    });
    expect(detectLanguage({ stored: 'klingon', languages: ['de-DE', 'zh-TW', 'en'] }).lang).toBe('zh');
    expect(detectLanguage({ languages: ['de', 'fr'] }).lang).toBe('en');
    expect(languageOfTag('ru-RU')).toBe('ru');
    expect(languageOfTag('pt')).toBeUndefined();
  });
});
