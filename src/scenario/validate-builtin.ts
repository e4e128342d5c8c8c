/** Validation of a shipped era, shared by the bundled (`builtin.ts`) and the downloaded (`builtin-browser.ts`) set. */
import type { Scenario } from '../game/scenario-schema';
import { parseScenario } from '../game/scenario-validate';

/** The validated scenario of a shipped document; throws, naming the era and every problem, if shipped data is broken. */
export function validBuiltin(id: string, document: unknown): Scenario {
  const result = parseScenario(document);
  if (!result.ok) {
    throw new Error(
      `built-in scenario ${id} is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  }
  if (result.scenario.id !== id)
    throw new Error(`built-in scenario ${id} has the id "${result.scenario.id}"`);
  return result.scenario;
}
