// Protects the browser's precompiled catalogues (src/i18n/precompile.ts, vite.config.ts): every message of every
// language, as the build ships it (parsed AST or plain text) through the game's formatter, formats to the same text
// as its source through plain i18next-icu, plurals included (Russian one/few/many); and the deferred sections move
// out whole.
import { describe, expect, test } from 'vitest';
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from '../src/i18n/locales/en';
import { icuFormatter, LANGUAGES, type Language } from '../src/i18n';
import { DEFERRED_SECTIONS, precompile, splitDeferred } from '../src/i18n/precompile';

const LOADERS = {
  en: () => import('../src/i18n/locales/en'),
  ja: () => import('../src/i18n/locales/ja'),
  ru: () => import('../src/i18n/locales/ru'),
  ko: () => import('../src/i18n/locales/ko'),
  zh: () => import('../src/i18n/locales/zh'),
} as const;

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Argument sets for a message: every plural count worth telling apart, every select option, text elsewhere. */
function argumentSets(message: string): Record<string, string | number>[] {
  const base: Record<string, string | number> = {};
  const variants: Record<string, (string | number)[]> = {};
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural) variants[el.value] = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5];
      else if (el.type === TYPE.select) variants[el.value] = Object.keys(el.options);
      else if (el.type === TYPE.argument) base[el.value] = `«${el.value}»`;
      else if (el.type === TYPE.number) base[el.value] = 1234.5;
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) visit(option.value);
      if (el.type === TYPE.tag) visit(el.children);
    }
  };
  visit(parse(message, { ignoreTag: true }));
  const sets = [base];
  for (const [name, values] of Object.entries(variants)) {
    const next: Record<string, string | number>[] = [];
    for (const set of sets) for (const v of values) next.push({ ...set, [name]: v });
    sets.splice(0, sets.length, ...next);
  }
  return sets;
}

async function instanceWith(
  lang: Language,
  messages: object,
  formatter: InstanceType<typeof ICU> = icuFormatter(),
) {
  const i = i18next.createInstance();
  await i.use(formatter).init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: messages } },
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  return i;
}

describe('the precompiled catalogues', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: every message formats as its source does`, async () => {
      const source = (await LOADERS[lang]()).default;
      const built = precompile(source, lang) as object;
      const fromSource = await instanceWith(lang, source, new ICU());
      const fromBuild = await instanceWith(lang, built);
      let parsed = 0;
      let plurals = 0;
      for (const [key, message] of flatten(source)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], built);
        if (typeof value !== 'string') parsed++;
        for (const args of argumentSets(message)) {
          if (message.includes('plural,')) plurals++;
          const expected = fromSource.t(key, args);
          expect(expected, `${lang} ${key}`).not.toBe(key);
          expect(fromBuild.t(key, args), `${lang} ${key} ${JSON.stringify(args)}`).toBe(expected);
        }
      }
      expect(parsed).toBeGreaterThan(0);
      expect(plurals).toBeGreaterThan(10);
    });
  }

  test('Russian plurals keep one, few and many in the build', async () => {
    const ru = (await LOADERS.ru()).default;
    const fromBuild = await instanceWith('ru', precompile(ru, 'ru') as object);
    const forms = [1, 2, 5, 21, 22, 25].map((count) => fromBuild.t('report.timeline.departures', { count }));
    expect(forms).toEqual([
      '1 отступление от истории',
      '2 отступления от истории',
      '5 отступлений от истории',
      '21 отступление от истории',
      '22 отступления от истории',
      '25 отступлений от истории',
    ]);
  });

  test('the deferred sections leave the core whole and nothing else does', () => {
    const { core, deferred } = splitDeferred(structuredClone(en) as unknown as Record<string, unknown>);
    const all = flatten(en);
    const kept = flatten(core);
    const moved = flatten(deferred);
    expect(kept.size + moved.size).toBe(all.size);
    for (const [key] of moved) expect(DEFERRED_SECTIONS.some((s) => key.startsWith(`${s}.`))).toBe(true);
    for (const [key] of kept) expect(DEFERRED_SECTIONS.some((s) => key.startsWith(`${s}.`))).toBe(false);
    expect(moved.size).toBeGreaterThan(50);
  });
});
