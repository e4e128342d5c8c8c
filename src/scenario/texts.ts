/**
 * The scenario texts in every language the game speaks: the era's name and briefing, each seat's era briefing, the
 * place-names note, events and wildcards (title, text, decision prompt and options), agendas, discussion questions,
 * leaders' names and the energy projects' names and regions.
 *
 * The scenario file stays the source of truth for English (and keeps its hash): `scenarioTextKeys` extracts its texts
 * into a flat key → string table, plus the few English texts the scenario file does not hold (each seat's era
 * briefing, the place-names note) from `scenarios/i18n/<id>.en.json`. Every other language is a file beside the
 * scenarios, `scenarios/i18n/<id>.<lang>.json`, loaded lazily (each its own chunk in the browser build) and checked
 * by `checkScenarioTexts` (src/scenario/texts-check.ts): every key present, none stale, placeholders matching, no
 * empty or untranslated string. `displayScenario` makes a display copy with the texts replaced; the rules' scenario,
 * its hash and the match state never see a translation.
 */
import type { Scenario } from '../game/scenario-schema';
import type { Seat } from '../game/vocabulary';
import { loadBuiltinScenario } from './builtin';
import abeEn from '../../scenarios/i18n/abe-2013.en.json';
import brezhnevEn from '../../scenarios/i18n/brezhnev-1972.en.json';
import gorbachevEn from '../../scenarios/i18n/gorbachev-1985.en.json';
import yeltsinEn from '../../scenarios/i18n/yeltsin-1992.en.json';

/** A flat table of scenario texts by key: `name`, `briefing`, `events.<id>.title`, `leaders.<slug>`, … */
export type ScenarioTexts = Readonly<Record<string, string>>;

/** The languages the scenario texts come in; English is the scenario file itself. */
export const SCENARIO_TEXT_LANGS = ['en', 'ja', 'ru', 'ko', 'zh'] as const;
export type ScenarioTextLang = (typeof SCENARIO_TEXT_LANGS)[number];
/** The languages with a translation file per scenario. */
export const TRANSLATED_LANGS = ['ja', 'ru', 'ko', 'zh'] as const satisfies readonly ScenarioTextLang[];

/**
 * One language's file of scenario texts: the texts by key and, for each, the hash (`textHash`) of the English it
 * was translated from, so a changed English text shows as stale. The English file (`<id>.en.json`) holds only the
 * texts the scenario file does not, and no `from`.
 */
export interface ScenarioTextFile {
  scenario: string;
  lang: string;
  texts: Record<string, string>;
  from?: Record<string, string>;
}

/** The English of the texts a scenario file does not carry, by scenario id. */
const ENGLISH_EXTRAS: Readonly<Record<string, ScenarioTextFile>> = {
  'brezhnev-1972': brezhnevEn,
  'gorbachev-1985': gorbachevEn,
  'yeltsin-1992': yeltsinEn,
  'abe-2013': abeEn,
};

type Loader = () => Promise<{ default: ScenarioTextFile }>;

/**
 * Each built-in scenario's translations, one dynamic import per file: Vite makes each its own chunk, and Node (tsx)
 * and Vitest resolve the same literal paths. A test checks that this table and the files on disk agree.
 */
const LOADERS: Readonly<Record<string, Readonly<Record<string, Loader>>>> = {
  'brezhnev-1972': {
    ja: () => import('../../scenarios/i18n/brezhnev-1972.ja.json'),
    ru: () => import('../../scenarios/i18n/brezhnev-1972.ru.json'),
    ko: () => import('../../scenarios/i18n/brezhnev-1972.ko.json'),
    zh: () => import('../../scenarios/i18n/brezhnev-1972.zh.json'),
  },
  'gorbachev-1985': {
    ja: () => import('../../scenarios/i18n/gorbachev-1985.ja.json'),
    ru: () => import('../../scenarios/i18n/gorbachev-1985.ru.json'),
    ko: () => import('../../scenarios/i18n/gorbachev-1985.ko.json'),
    zh: () => import('../../scenarios/i18n/gorbachev-1985.zh.json'),
  },
  'yeltsin-1992': {
    ja: () => import('../../scenarios/i18n/yeltsin-1992.ja.json'),
    ru: () => import('../../scenarios/i18n/yeltsin-1992.ru.json'),
    ko: () => import('../../scenarios/i18n/yeltsin-1992.ko.json'),
    zh: () => import('../../scenarios/i18n/yeltsin-1992.zh.json'),
  },
  'abe-2013': {
    ja: () => import('../../scenarios/i18n/abe-2013.ja.json'),
    ru: () => import('../../scenarios/i18n/abe-2013.ru.json'),
    ko: () => import('../../scenarios/i18n/abe-2013.ko.json'),
    zh: () => import('../../scenarios/i18n/abe-2013.zh.json'),
  },
};

/** The scenario ids and languages that have a translation file (for the check and the tests). */
export function translationFiles(): { scenario: string; lang: string }[] {
  return Object.entries(LOADERS).flatMap(([scenario, langs]) =>
    Object.keys(langs).map((lang) => ({ scenario, lang })),
  );
}

/** A leader's key: `leaders.` and the English name in lower-case letters and digits joined by dashes. */
export function leaderKey(englishName: string): string {
  const slug = englishName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `leaders.${slug}`;
}

/** The English texts a scenario file does not hold (seat briefings, place-names note), for a built-in id. */
export function englishExtras(scenarioId: string): Record<string, string> {
  return Object.prototype.hasOwnProperty.call(ENGLISH_EXTRAS, scenarioId)
    ? { ...ENGLISH_EXTRAS[scenarioId].texts }
    : {};
}

/** Visits every text of a scenario with its key; `set` replaces it (used by `displayScenario` on a copy). */
function visitTexts(s: Scenario, visit: (key: string, text: string, set: (t: string) => void) => void): void {
  visit('name', s.name, (t) => (s.name = t));
  visit('briefing', s.briefing, (t) => (s.briefing = t));
  for (const leaders of Object.values(s.leaders)) {
    for (const leader of leaders) visit(leaderKey(leader.name), leader.name, (t) => (leader.name = t));
  }
  for (const p of s.projects) {
    visit(`projects.${p.id}.name`, p.name, (t) => (p.name = t));
    visit(`projects.${p.id}.region`, p.region, (t) => (p.region = t));
  }
  for (const e of [...s.events, ...s.wildcards.deck]) {
    const k = `events.${e.id}`;
    visit(`${k}.title`, e.title, (t) => (e.title = t));
    visit(`${k}.text`, e.text, (t) => (e.text = t));
    const effects = [...e.effects, ...(e.decision?.options.flatMap((o) => o.effects) ?? [])];
    for (const effect of effects) {
      if (effect.type === 'leader') visit(leaderKey(effect.name), effect.name, (t) => (effect.name = t));
    }
    if (e.decision) {
      const d = e.decision;
      visit(`${k}.prompt`, d.prompt, (t) => (d.prompt = t));
      for (const o of d.options) visit(`${k}.options.${o.id}`, o.label, (t) => (o.label = t));
    }
  }
  for (const a of s.agendas) {
    visit(`agendas.${a.id}.title`, a.title, (t) => (a.title = t));
    visit(`agendas.${a.id}.text`, a.text, (t) => (a.text = t));
  }
  s.questions.forEach((q, i) => visit(`questions.${i}`, q.text, (t) => (q.text = t)));
}

/**
 * The English texts of a scenario by key, extracted from the scenario (the source of truth), plus the English of
 * the texts it does not hold (`scenarios/i18n/<id>.en.json`) for a built-in scenario.
 */
export function scenarioTextKeys(scenario: Scenario): Record<string, string> {
  return { ...scenarioOwnTexts(scenario), ...englishExtras(scenario.id) };
}

/**
 * Every text of a scenario in the order it is visited, with its key (a leader's name once per mention). The keys come
 * from the English: applied to a display copy, the list gives that copy's texts beside the original's keys only when
 * zipped with the original's list, as the tests do.
 */
export function scenarioTextList(scenario: Scenario): [key: string, text: string][] {
  const list: [string, string][] = [];
  visitTexts(scenario, (key, text) => list.push([key, text]));
  return list;
}

/** The texts the scenario file itself holds, by key (without `englishExtras`). */
export function scenarioOwnTexts(scenario: Scenario): Record<string, string> {
  const table: Record<string, string> = {};
  visitTexts(scenario, (key, text) => {
    table[key] = text;
  });
  return table;
}

/** The language's primary subtag if the scenario texts come in it (`zh-CN` → `zh`), else undefined. */
export function scenarioTextLang(lang: string): ScenarioTextLang | undefined {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return (SCENARIO_TEXT_LANGS as readonly string[]).includes(primary)
    ? (primary as ScenarioTextLang)
    : undefined;
}

/**
 * A built-in scenario's texts in a language, loaded lazily: English gives the extracted table, another language its
 * file's texts; an unknown scenario or language gives undefined.
 */
export async function loadScenarioTexts(
  scenarioId: string,
  lang: string,
): Promise<ScenarioTexts | undefined> {
  const code = scenarioTextLang(lang);
  if (!code) return undefined;
  if (code === 'en') {
    const scenario = await loadBuiltinScenario(scenarioId);
    return scenario ? scenarioTextKeys(scenario) : undefined;
  }
  if (!Object.prototype.hasOwnProperty.call(LOADERS, scenarioId)) return undefined;
  const load = LOADERS[scenarioId][code];
  if (!load) return undefined;
  const file = (await load()).default;
  return { ...file.texts };
}

/** A display copy of the scenario with its texts replaced where `texts` has them; never mutates the scenario. */
export function displayScenario(scenario: Scenario, texts: ScenarioTexts | undefined): Scenario {
  const copy = structuredClone(scenario);
  if (!texts) return copy;
  visitTexts(copy, (key, _text, set) => {
    const t = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : undefined;
    if (typeof t === 'string' && t !== '') set(t);
  });
  return copy;
}

/** One text by key, or `fallback` (the English) when the table lacks it. */
export function scenarioText(texts: ScenarioTexts | undefined, key: string, fallback: string): string {
  const t = texts && Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : undefined;
  return typeof t === 'string' && t !== '' ? t : fallback;
}

/** A leader's name in the table's language (the match state holds the English name the scenario gives). */
export function leaderName(texts: ScenarioTexts | undefined, englishName: string): string {
  return scenarioText(texts, leaderKey(englishName), englishName);
}

/**
 * A seat's era briefing (`seatBriefing.<seat>`) when the era has one for it, and the note on place names that every
 * seat's briefing shows (`placeNames`: each language's usual names, the other side's beside them).
 */
export function seatBriefingTexts(
  texts: ScenarioTexts | undefined,
  seat: Seat,
): { era: string | undefined; placeNames: string | undefined } {
  const get = (key: string) =>
    texts && Object.prototype.hasOwnProperty.call(texts, key) && texts[key] !== '' ? texts[key] : undefined;
  return { era: get(`seatBriefing.${seat}`), placeNames: get('placeNames') };
}
