/**
 * The schema of a scenario-texts file (`scenarios/i18n/<id>.<lang>.json`) and its check against the scenario's
 * English: every key present, no key the scenario no longer has, none translated from an English that has since
 * changed (stale), placeholders (`{name}`) the same, no empty, oversized, marked-up or untranslated text. Pure: the command
 * line and the tests read the files; nothing here throws on any input.
 */
import { z } from 'zod';
import { hashText } from '../game/hash';
import type { Scenario } from '../game/scenario-schema';
import { leaderKey, scenarioOwnTexts, scenarioTextKeys, type ScenarioTextFile } from './texts';

export interface TextProblem {
  /** The text's key (`events.munich-g7.title`), or empty for the whole file. */
  key: string;
  message: string;
}

/** Largest scenario-texts file accepted, in characters of JSON. */
export const MAX_TEXTS_FILE_CHARS = 400_000;

/** The hash of the English a translation was made from, as the `from` table stores it (8 hex digits). */
export function textHash(english: string): string {
  return hashText(english).slice(0, 8);
}

const KEY = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-z0-9][a-z0-9-]*)*$/;
const TextFileSchema = z
  .object({
    scenario: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a scenario id'),
    lang: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code'),
    texts: z.record(z.string().regex(KEY, 'a text key such as "events.<id>.title"'), z.string()),
    from: z.record(z.string(), z.string().regex(/^[0-9a-f]{8}$/, '8 hex digits')).optional(),
  })
  .strict();

/** The placeholders of a text (`{year}`, `{seat}`), sorted, for comparison. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1]).sort();
}

/** A translation longer than this is refused: twice and a half the English and some room for a short one. */
export function maxTranslationLength(english: string): number {
  return Math.ceil(english.length * 2.5) + 60;
}

/** Parses a texts file's JSON text into its shape, or problems naming the field. */
export function parseTextFile(
  textInput: string,
): { ok: true; file: ScenarioTextFile } | { ok: false; problems: TextProblem[] } {
  if (textInput.trim() === '') return { ok: false, problems: [{ key: '', message: 'the file is empty' }] };
  if (textInput.length > MAX_TEXTS_FILE_CHARS) {
    return {
      ok: false,
      problems: [
        { key: '', message: `too large (${textInput.length} characters; at most ${MAX_TEXTS_FILE_CHARS})` },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(textInput);
  } catch (error) {
    return { ok: false, problems: [{ key: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parseTextValue(json);
}

/** Validates an already-parsed value as a texts file. */
export function parseTextValue(
  json: unknown,
): { ok: true; file: ScenarioTextFile } | { ok: false; problems: TextProblem[] } {
  if (json !== null && typeof json === 'object' && Object.prototype.hasOwnProperty.call(json, '__proto__')) {
    return { ok: false, problems: [{ key: '', message: 'a "__proto__" key is not allowed' }] };
  }
  const parsed = TextFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        key: i.path.map(String).join('.'),
        message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message,
      })),
    };
  }
  return { ok: true, file: parsed.data };
}

const quote = (text: string) => JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}...` : text);

/**
 * Checks one language's texts against the scenario's English. For English (`lang` "en") the file holds only the
 * texts the scenario does not carry (`englishExtras`): they must be non-empty and must not shadow a scenario key.
 */
export function checkScenarioTexts(scenario: Scenario, file: ScenarioTextFile, lang: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const add = (key: string, message: string) => problems.push({ key, message });
  if (file.scenario !== scenario.id) add('scenario', `is "${file.scenario}", expected "${scenario.id}"`);
  if (file.lang !== lang) add('lang', `is "${file.lang}", expected "${lang}" (from the file name)`);

  if (lang === 'en') {
    const own: Record<string, string> = {};
    conflictingKeys(scenario, own, add);
    for (const [key, text] of Object.entries(file.texts)) {
      if (Object.prototype.hasOwnProperty.call(own, key))
        add(key, 'is a text of the scenario file itself: change it there, not here');
      if (text.trim() === '') add(key, 'is empty');
      placeholdersWellFormed(key, text, add);
      if (MARKUP.test(text)) add(key, 'holds markup: texts are shown as plain text, write the words only');
    }
    if (file.from) add('from', 'the English file has no "from": it is the source');
    return problems;
  }

  const english = scenarioTextKeys(scenario);
  const from = file.from ?? {};
  for (const [key, en] of Object.entries(english)) {
    if (!Object.prototype.hasOwnProperty.call(file.texts, key)) {
      add(key, `missing (English: ${quote(en)})`);
      continue;
    }
    const t = file.texts[key];
    if (t.trim() === '') {
      add(key, 'is empty');
      continue;
    }
    if (t === en && /[A-Za-z]{3}/.test(en)) add(key, 'is the English text: not translated');
    if (t.length > maxTranslationLength(en))
      add(key, `too long (${t.length} characters; at most ${maxTranslationLength(en)} for this text)`);
    const want = placeholders(en).join(', ');
    const got = placeholders(t).join(', ');
    if (want !== got) add(key, `placeholders differ: English has {${want}}, this has {${got}}`);
    placeholdersWellFormed(key, t, add);
    if (MARKUP.test(t)) add(key, 'holds markup: texts are shown as plain text, write the words only');
    if (!Object.prototype.hasOwnProperty.call(from, key))
      add(key, 'has no "from" hash: stamp it once the translation matches the English');
    else if (from[key] !== textHash(en))
      add(key, `stale: the English changed since this was translated (now: ${quote(en)})`);
  }
  for (const key of Object.keys(file.texts)) {
    if (!Object.prototype.hasOwnProperty.call(english, key))
      add(key, 'not a text of the scenario (removed or renamed there?)');
  }
  for (const key of Object.keys(from)) {
    if (!Object.prototype.hasOwnProperty.call(file.texts, key)) add(`from.${key}`, 'a hash for no text');
  }
  return problems;
}

/** Something that looks like an HTML tag or entity; a translation never needs one. */
const MARKUP = /<\/?[a-z!][^>]*>|&[a-z]+;|&#\d+;/i;

/** Braces must pair up into `{name}` placeholders; a stray brace is a typo a formatter would choke on. */
function placeholdersWellFormed(key: string, text: string, add: (key: string, message: string) => void) {
  const stripped = text.replace(/\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}/g, '');
  if (/[{}]/.test(stripped)) add(key, 'has a brace that is not part of a {placeholder}');
}

/** Two different English texts under one key (two leaders whose names make the same key) is a scenario problem. */
function conflictingKeys(
  scenario: Scenario,
  own: Record<string, string>,
  add: (key: string, message: string) => void,
) {
  Object.assign(own, scenarioOwnTexts(scenario));
  const seen = new Map<string, string>();
  const names = [
    ...Object.values(scenario.leaders).flatMap((ls) => ls.map((l) => l.name)),
    ...[...scenario.events, ...scenario.wildcards.deck].flatMap((e) =>
      [...e.effects, ...(e.decision?.options.flatMap((o) => o.effects) ?? [])].flatMap((f) =>
        f.type === 'leader' ? [f.name] : [],
      ),
    ),
  ];
  for (const name of names) {
    const key = leaderKey(name);
    const prior = seen.get(key);
    if (prior !== undefined && prior !== name)
      add(key, `two leaders share this key: "${prior}" and "${name}"`);
    seen.set(key, name);
  }
}

/**
 * The `from` table after stamping: every translated key without a hash gets the hash of its current English; a key in
 * `restamp` (or every key, for "all") is re-stamped; other hashes are kept, so a stale text stays stale until it is
 * named. Hashes of keys the file or the English no longer has are dropped. `changed` counts hashes written anew.
 */
export function stampFrom(
  file: ScenarioTextFile,
  english: Readonly<Record<string, string>>,
  restamp: ReadonlySet<string> | 'all',
): { from: Record<string, string>; changed: number } {
  const from: Record<string, string> = {};
  let changed = 0;
  for (const key of Object.keys(file.texts)) {
    if (!Object.prototype.hasOwnProperty.call(english, key)) continue;
    const old = file.from?.[key];
    const fresh = old === undefined || restamp === 'all' || restamp.has(key);
    from[key] = fresh ? textHash(english[key]) : old;
    if (from[key] !== old) changed += 1;
  }
  return { from, changed };
}
