/**
 * The scenarios this process knows, by content hash. A match's state holds only its scenario's id and hash: the
 * scenario itself (tens of kilobytes, never changed by play) stays out of the per-move state, its hashes, its storage rows
 * and its network updates, and is looked up here. Setup registers the scenario it is given, so every process that
 * creates a match has it; whatever restores a match from stored state (server storage, a replay, a remote client's
 * sync) registers the stored scenario first.
 */
import { hashValue } from './hash';
import type { Scenario } from './scenario-schema';

const REGISTRY = new Map<string, Scenario>();

/**
 * Registers a validated scenario and returns its content hash (the `scenarioHash` of its matches). The scenario
 * must not be changed afterwards: matches of this hash read it for their whole life.
 */
export function registerScenario(scenario: Scenario): string {
  let hash = HASHES.get(scenario);
  if (hash === undefined) {
    hash = hashValue(scenario);
    HASHES.set(scenario, hash);
  }
  if (!REGISTRY.has(hash)) REGISTRY.set(hash, scenario);
  return hash;
}

/**
 * The hash of each scenario object registered so far. A registered scenario never changes (above), so registering
 * the same object again (every match of a batch starts from one) need not hash its tens of kilobytes again.
 */
const HASHES = new WeakMap<Scenario, string>();

/** The registered scenario of this content hash, or undefined. */
export function scenarioByHash(hash: string): Scenario | undefined {
  return REGISTRY.get(hash);
}

/** The scenario of a match state (or of a view of one). Throws, naming the hash, when it was never registered. */
export function scenarioOf(G: { scenarioHash: string; scenarioId?: string }): Scenario {
  const found = REGISTRY.get(G.scenarioHash);
  if (found) return found;
  throw new Error(
    `scenario ${G.scenarioId ? `"${G.scenarioId}" ` : ''}with hash ${G.scenarioHash} is not registered in this process ` +
      '(register the stored scenario with registerScenario before restoring a match)',
  );
}
