/**
 * The build's work on the catalogues (vite.config.ts `precompiledMessages`), apart so tests can check it: every
 * message that needs ICU's parser becomes its parsed AST, and the sections a solo match does not need on its first
 * screen move to a chunk of their own. Runs in Node at build time only; the browser never imports it.
 */
import { parse as parseIcu } from '@formatjs/icu-messageformat-parser';

/**
 * Messages src/i18n/index.ts formats without a parser: no ICU syntax, or only plain `{name}` arguments. Every other
 * message (plurals, selects, quoting) ships parsed.
 */
export const SIMPLE = /^[^{}']*(?:\{\w+\}[^{}']*)*$/;

/**
 * Catalogue sections no solo match needs on its first screen: a chunk of their own per language, loaded by
 * `loadDeferredMessages` (src/i18n/index.ts) when the report or the replay viewer opens, with the classroom pages,
 * and when a bot's reply (which quotes a bot's reason, `reason`) is first shown. `reflectionsCsv` is the server's
 * (the reflections file's header), never shown in a page.
 */
export const DEFERRED_SECTIONS = ['report', 'S.replay', 'S.classroomPages', 'reason', 'reflectionsCsv'];
export const DEFERRED_PREFIX = 'virtual:oil-and-water-messages/';

/** Moves the deferred sections out of a catalogue: the rest, and the deferred part in the same shape. */
export function splitDeferred(messages: Record<string, unknown>): { core: object; deferred: object } {
  const core = structuredClone(messages);
  const deferred: Record<string, unknown> = {};
  for (const path of DEFERRED_SECTIONS) {
    const keys = path.split('.');
    let from = core as Record<string, unknown>;
    let to = deferred;
    for (const key of keys.slice(0, -1)) {
      from = from[key] as Record<string, unknown>;
      to = (to[key] ??= {}) as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (!(last in from)) throw new Error(`deferred section ${path} is not in the catalogue`);
    to[last] = from[last];
    delete from[last];
  }
  return { core, deferred };
}

/** A catalogue with every message that has ICU syntax replaced by its parsed AST (tags ignored, as i18next-icu). */
export function precompile(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    return SIMPLE.test(value) ? value : parseIcu(value, { ignoreTag: true });
  }
  if (Array.isArray(value)) return value.map((v, i) => precompile(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, precompile(v, `${path}.${k}`)]));
  }
  throw new Error(`${path}: a catalogue holds strings, lists and sections, not ${typeof value}`);
}
