/**
 * The era scenarios that ship with the game, bundled as data for the server, the command line and the tests (all
 * four, read synchronously) and validated on first use. The browser build swaps this module for
 * `builtin-browser.ts` (vite.config.ts), which has the same exports but downloads each era on demand: browser code
 * awaits `loadBuiltinScenario` before it reads an era synchronously.
 */
import abe from '../../scenarios/abe-2013.json';
import brezhnev from '../../scenarios/brezhnev-1972.json';
import gorbachev from '../../scenarios/gorbachev-1985.json';
import yeltsin from '../../scenarios/yeltsin-1992.json';
import type { Scenario } from '../game/scenario-schema';
import { BUILTIN_IDS, isBuiltinId, type BuiltinId } from './eras';
import { validBuiltin } from './validate-builtin';

export { BUILTIN_IDS, builtinName } from './eras';

/** Scenario documents by id, in era order. */
export const BUILTIN_DOCUMENTS: Readonly<Record<BuiltinId, unknown>> = {
  'brezhnev-1972': brezhnev,
  'gorbachev-1985': gorbachev,
  'yeltsin-1992': yeltsin,
  'abe-2013': abe,
};

const cache = new Map<string, Scenario>();

/** A built-in scenario by id, validated; undefined for an unknown id. Throws only if shipped data is broken. */
export function builtinScenario(id: string): Scenario | undefined {
  if (!isBuiltinId(id)) return undefined;
  const hit = cache.get(id);
  if (hit) return hit;
  const scenario = validBuiltin(id, BUILTIN_DOCUMENTS[id]);
  cache.set(id, scenario);
  return scenario;
}

/** The same as `builtinScenario`, as the browser build offers it (there, the first call downloads the era). */
export function loadBuiltinScenario(id: string): Promise<Scenario | undefined> {
  return Promise.resolve(builtinScenario(id));
}

/** Every built-in era (the browser build downloads them all). */
export function loadBuiltinScenarios(): Promise<Scenario[]> {
  return Promise.all(BUILTIN_IDS.map((id) => loadBuiltinScenario(id) as Promise<Scenario>));
}
