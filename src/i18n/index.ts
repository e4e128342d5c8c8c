/**
 * The browser game's languages: i18next with ICU messages (i18next-icu on intl-messageformat), `Intl` for numbers
 * and lists. In the browser every language, English too, is its own chunk, loaded when first chosen, and its ICU
 * messages arrive parsed (vite.config.ts `precompiledMessages`), so the page ships no message parser. In Node
 * (server, command line, tests) English is loaded with this module and messages are parsed when first used.
 *
 * The language comes from `?lang=` (forced, not remembered), else the one remembered in localStorage, else the first
 * of `navigator.languages` the game speaks, else English. `setLanguage` switches at any time: listeners (the string
 * catalogue, then the screens) re-render without touching the match.
 */
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import EAGER_EN from './eager-en';
import type { Messages } from './locales/en';

export const LANGUAGES = ['en', 'ja', 'ru', 'ko', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher (the same in every language, so never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ja: '日本語',
  ru: 'Русский',
  ko: '한국어',
  zh: '中文（简体）',
};

/** The BCP 47 tag each language is written and formatted in (`Intl`, `<html lang>`). */
export const LANGUAGE_TAGS: Readonly<Record<Language, string>> = {
  en: 'en',
  ja: 'ja',
  ru: 'ru',
  ko: 'ko',
  zh: 'zh-Hans',
};

/** The localStorage key that remembers the player's choice. */
export const LANGUAGE_STORAGE_KEY = 'oil-and-water.lang';

/**
 * A language's catalogue module. In the browser build its sections that no solo match needs (`DEFERRED_SECTIONS`
 * in src/i18n/precompile.ts: the after-action report, the replay viewer, the classroom pages) are a second chunk,
 * `deferred`, loaded by `loadDeferredMessages`; in Node the module is the whole catalogue.
 */
interface CatalogueModule {
  default: Messages;
  deferred?: () => Promise<{ default: object }>;
}

/** One chunk per language (vite splits each dynamic import). */
const LOADERS: Readonly<Record<Language, () => Promise<CatalogueModule>>> = {
  en: () => import('./locales/en'),
  ja: () => import('./locales/ja'),
  ru: () => import('./locales/ru'),
  ko: () => import('./locales/ko'),
  zh: () => import('./locales/zh'),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The game's language for a browser tag (`ja-JP` → `ja`, `zh-CN`, `zh-TW` → `zh`), or undefined. */
export function languageOfTag(tag: string): Language | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}

/** Where the language comes from, first match wins: `?lang=`, the remembered choice, the browser's list. */
export function detectLanguage(source: {
  search?: string;
  stored?: string | null;
  languages?: readonly string[];
}): { lang: Language; forced: boolean } {
  const query = new URLSearchParams(source.search ?? '').get('lang');
  if (isLanguage(query)) return { lang: query, forced: true };
  if (isLanguage(source.stored)) return { lang: source.stored, forced: false };
  for (const tag of source.languages ?? []) {
    const lang = languageOfTag(tag);
    if (lang) return { lang, forced: false };
  }
  return { lang: 'en', forced: false };
}

/** Characters that make a message more than its own text in ICU (with tags ignored, as i18next-icu parses). */
const ICU_SYNTAX = /[{}']/;
/**
 * A message whose only syntax is plain `{name}` arguments, which ICU fills with the values as they are (the build
 * leaves these as text: src/i18n/precompile.ts `SIMPLE`).
 */
const SIMPLE = /^[^{}']*(?:\{\w+\}[^{}']*)*$/;

type Parse = (res: unknown, options: Record<string, unknown>, ...rest: unknown[]) => unknown;

/** A simple message filled in, as intl-messageformat fills it; undefined when a value is missing (ICU's error). */
function fillSimple(message: string, values: Record<string, unknown>): string | undefined {
  let missing = false;
  const out = message.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}

/**
 * i18next-icu, with two additions: a message with no ICU syntax is its own text and one with only plain `{name}`
 * arguments is filled in directly (no formatter is built for either), and a message may come parsed (an
 * intl-messageformat AST: the browser build ships every other message so). i18next hands such arrays to the
 * formatter as they are, since i18next-icu does not ask to handle objects itself.
 */
export function icuFormatter() {
  const icu = new ICU({
    parseErrorHandler: (_error, key, res) => (typeof res === 'string' ? res : key),
  }) as InstanceType<typeof ICU> & { parse: Parse };
  const full = icu.parse.bind(icu);
  icu.parse = (res, options, ...rest) => {
    if (typeof res === 'string') {
      if (!ICU_SYNTAX.test(res)) return res;
      if (SIMPLE.test(res)) return fillSimple(res, options) ?? res;
    }
    return full(res, options, ...rest);
  };
  return icu;
}

const instance: i18n = i18next.createInstance();
void instance.use(icuFormatter()).init({
  lng: 'en',
  // Every language has every key (tests/i18n.test.ts), so none needs another to fall back on.
  fallbackLng: false,
  resources: EAGER_EN ? { en: { translation: EAGER_EN } } : {},
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
});

let current: Language = 'en';
const listeners = new Set<(lang: Language) => void>();

/** The language now shown. */
export function language(): Language {
  return current;
}

/** A message of the current language, formatted with its ICU arguments (its key until the language is loaded). */
export function t(key: string, values?: Record<string, string | number>): string {
  return instance.t(key, values ?? {});
}

/**
 * The current language's catalogue, for its shape: its keys and the lengths of its lists, which every language
 * shares (tests/i18n.test.ts). Its messages may be parsed ASTs in the browser; read them through `t`. Before a
 * language is loaded (a browser page before `initLanguage`), an empty catalogue: no keys, lists of length 0.
 */
export function catalogue(): Messages {
  return (instance.getResourceBundle(current, 'translation') as Messages | undefined) ?? (EMPTY as Messages);
}
const EMPTY: object = new Proxy(
  {},
  { get: (_target, key) => (key === 'length' ? 0 : typeof key === 'symbol' ? undefined : EMPTY) },
);

/** Whether this page asked for the deferred sections: every language it switches to then loads them too. */
let wantDeferred = false;
const deferredLoaded = new Set<Language>();
const messageListeners = new Set<() => void>();

/** Loads a language's catalogue (its own chunk) without switching to it; its deferred part too once asked for. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (!instance.hasResourceBundle(lang, 'translation')) {
    const messages = (await LOADERS[lang]()).default;
    instance.addResourceBundle(lang, 'translation', messages, true, true);
  }
  if (wantDeferred && !deferredLoaded.has(lang)) {
    const deferred = (await LOADERS[lang]()).deferred;
    if (deferred) instance.addResourceBundle(lang, 'translation', (await deferred()).default, true, true);
    deferredLoaded.add(lang);
  }
}

/**
 * Loads the sections of the current language's catalogue that the first screen does not need (the report, the
 * replay viewer, the classroom pages), from now on for every language the page switches to. Tells the
 * `onMessagesLoaded` listeners (the string tables) when it added any. Node has them all already.
 */
export async function loadDeferredMessages(): Promise<void> {
  wantDeferred = true;
  if (deferredLoaded.has(current) && instance.hasResourceBundle(current, 'translation')) return;
  await loadLanguage(current);
  for (const listener of [...messageListeners]) listener();
}

/** Calls `listener` when a deferred part of the catalogue arrives; returns the unsubscribe. */
export function onMessagesLoaded(listener: () => void): () => void {
  messageListeners.add(listener);
  return () => messageListeners.delete(listener);
}

/**
 * Switches the language: loads it, tells every listener (the catalogue rebuilds its tables, the screens re-render)
 * and, unless `remember` is false, keeps the choice in localStorage.
 */
export async function setLanguage(lang: Language, remember = true): Promise<void> {
  await loadLanguage(lang);
  await instance.changeLanguage(lang);
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGE_TAGS[lang];
  if (remember) {
    try {
      globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Storage refused (private mode): the choice lasts for this page.
    }
  }
  for (const listener of [...listeners]) listener(lang);
}

/** Calls `listener` after every switch; returns the unsubscribe. */
export function onLanguageChange(listener: (lang: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language this page should open in, from its address, storage and the browser. */
export function browserLanguage(): { lang: Language; forced: boolean } {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return detectLanguage({
    search: globalThis.location?.search,
    stored,
    languages: globalThis.navigator?.languages,
  });
}

/**
 * Opens the page in its language (loading it, English too) and tells every listener, so what was built before it
 * arrived is built again: `?lang=` is applied but not remembered. `everything` loads the deferred sections with it
 * (the classroom pages, which need them from the start).
 */
export async function initLanguage(options: { everything?: boolean } = {}): Promise<Language> {
  const { lang } = browserLanguage();
  if (options.everything) wantDeferred = true;
  await setLanguage(lang, false);
  return lang;
}

/** A number in the current language's digits and separators. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[current], options).format(value);
}

/** A score or level as the game shows it: at most one decimal, no grouping, in the language's digits and comma. */
export function formatDecimal(value: number): string {
  return formatNumber(value, { maximumFractionDigits: 1, useGrouping: false });
}

/** A list joined as the current language joins "a, b and c". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(LANGUAGE_TAGS[current], { style: 'long', type: 'conjunction' }).format(items);
}

/** A date in the current language. */
export function formatDate(date: Date | number, options?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[current], options).format(date);
}

/** A message function fixed to one language (loaded or not: its keys until it is), whatever the page shows. */
export function translator(
  lang: Language,
): (key: string, values?: Record<string, string | number>) => string {
  return (key, values) => instance.t(key, { ...values, lng: lang });
}
