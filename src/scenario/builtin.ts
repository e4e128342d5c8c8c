/**
 * The era scenarios that ship with the game, bundled as data (so the browser, the server and the command line all
 * have them) and validated on first use.
 */
import abe from '../../scenarios/abe-2013.json';
import brezhnev from '../../scenarios/brezhnev-1972.json';
import gorbachev from '../../scenarios/gorbachev-1985.json';
import yeltsin from '../../scenarios/yeltsin-1992.json';
import type { Scenario } from '../game/scenario-schema';
import { parseScenario } from '../game/scenario-validate';

/** Scenario documents by id, in era order. */
export const BUILTIN_DOCUMENTS: Readonly<Record<string, unknown>> = {
  'brezhnev-1972': brezhnev,
  'gorbachev-1985': gorbachev,
  'yeltsin-1992': yeltsin,
  'abe-2013': abe,
};

export const BUILTIN_IDS = Object.keys(BUILTIN_DOCUMENTS);

const cache = new Map<string, Scenario>();

/** A built-in scenario by id, validated; undefined for an unknown id. Throws only if shipped data is broken. */
export function builtinScenario(id: string): Scenario | undefined {
  if (!Object.prototype.hasOwnProperty.call(BUILTIN_DOCUMENTS, id)) return undefined;
  const hit = cache.get(id);
  if (hit) return hit;
  const result = parseScenario(BUILTIN_DOCUMENTS[id]);
  if (!result.ok) {
    throw new Error(
      `built-in scenario ${id} is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  }
  cache.set(id, result.scenario);
  return result.scenario;
}
