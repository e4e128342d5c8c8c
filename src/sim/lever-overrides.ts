/**
 * Balance numbers replaced at run time. LEVERS is a module constant the rules read directly, so a batch that samples
 * other numbers (`validate --sensitivity`) patches the object in place in its own worker threads (each has its own
 * copy of the module) before the rules load; this process's LEVERS is never changed by a batch.
 */
import { LEVERS } from '../game/levers';

/** Every numeric leaf of LEVERS as `path → value`, e.g. `trust.drift → 0.12`. */
export function leverLeaves(): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'number') out[path] = value;
      else if (value && typeof value === 'object') walk(value as object, path);
    }
  };
  walk(LEVERS, '');
  return out;
}

function parentOf(path: string): { holder: Record<string, unknown>; key: string } {
  const parts = path.split('.');
  let node = LEVERS as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!next || typeof next !== 'object') throw new Error(`unknown lever "${path}"`);
    node = next as Record<string, unknown>;
  }
  const key = parts[parts.length - 1];
  if (typeof node[key] !== 'number') throw new Error(`unknown lever "${path}"`);
  return { holder: node, key };
}

/**
 * Calls `fn` with the given LEVERS paths set to the given numbers, then puts the old numbers back. Only numbers the
 * rules read at call time change: those the action tables copied at load do not (batches use `setLevers`).
 */
export function withLevers<T>(overrides: Readonly<Record<string, number>>, fn: () => T): T {
  const saved: [Record<string, unknown>, string, unknown][] = [];
  try {
    for (const [path, value] of Object.entries(overrides)) {
      if (!Number.isFinite(value)) throw new Error(`lever "${path}": ${value} is not a number`);
      const { holder, key } = parentOf(path);
      saved.push([holder, key, holder[key]]);
      holder[key] = value;
    }
    return fn();
  } finally {
    for (const [holder, key, value] of saved.reverse()) holder[key] = value;
  }
}

/**
 * Sets LEVERS paths for good, in a worker thread that runs one sensitivity batch: called before the rules load, so
 * the numbers the action tables copy at load are the new ones too.
 */
export function setLevers(overrides: Readonly<Record<string, number>>): void {
  for (const [path, value] of Object.entries(overrides)) {
    if (!Number.isFinite(value)) throw new Error(`lever "${path}": ${value} is not a number`);
    const { holder, key } = parentOf(path);
    holder[key] = value;
  }
}
