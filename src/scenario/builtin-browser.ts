/**
 * The browser build's `builtin.ts` (swapped in by vite.config.ts): the same exports, but each era is a chunk of its
 * own, downloaded the first time `loadBuiltinScenario` asks for it, so a player downloads the one era they play. The
 * start screen lists the eras from the small index in `eras.ts`. `builtinScenario` reads an era synchronously once
 * it is loaded, and throws, naming the era, if browser code reads one it did not load first.
 */
import type { Scenario } from '../game/scenario-schema';
import { BUILTIN_IDS, isBuiltinId, type BuiltinId } from './eras';
import { validBuiltin } from './validate-builtin';

export { BUILTIN_IDS, builtinName } from './eras';

/** One chunk per era: a literal import each, so the bundler splits them. */
const DOWNLOADS: Readonly<Record<BuiltinId, () => Promise<{ default: unknown }>>> = {
  'brezhnev-1972': () => import('../../scenarios/brezhnev-1972.json'),
  'gorbachev-1985': () => import('../../scenarios/gorbachev-1985.json'),
  'yeltsin-1992': () => import('../../scenarios/yeltsin-1992.json'),
  'abe-2013': () => import('../../scenarios/abe-2013.json'),
};

const loaded = new Map<string, Scenario>();
const loading = new Map<string, Promise<Scenario>>();

/** A loaded built-in scenario by id; undefined for an unknown id. Throws for an era not loaded yet. */
export function builtinScenario(id: string): Scenario | undefined {
  if (!isBuiltinId(id)) return undefined;
  const hit = loaded.get(id);
  if (hit) return hit;
  throw new Error(`built-in scenario ${id} is not loaded yet: await loadBuiltinScenario("${id}") first`);
}

/** Downloads (once) and validates a built-in era; undefined for an unknown id. */
export function loadBuiltinScenario(id: string): Promise<Scenario | undefined> {
  if (!isBuiltinId(id)) return Promise.resolve(undefined);
  const hit = loaded.get(id);
  if (hit) return Promise.resolve(hit);
  let pending = loading.get(id);
  if (!pending) {
    pending = DOWNLOADS[id]().then(
      (module) => {
        const scenario = validBuiltin(id, module.default);
        loaded.set(id, scenario);
        loading.delete(id);
        return scenario;
      },
      (error: unknown) => {
        // A failed download may be retried (a network blip).
        loading.delete(id);
        throw new Error(
          `could not download the era ${id}: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/** Every built-in era. */
export function loadBuiltinScenarios(): Promise<Scenario[]> {
  return Promise.all(BUILTIN_IDS.map((id) => loadBuiltinScenario(id) as Promise<Scenario>));
}
