/**
 * Canonical JSON and a 64-bit state hash (two independent 32-bit FNV-1a lanes). Pure and portable: replays compare
 * these across processes and machines.
 */

/** JSON with object keys sorted, so equal states give equal text whatever the insertion order. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  return writeCanonical(value, parts) ? parts.join('') : (undefined as unknown as string);
}

/**
 * Writes `JSON.stringify(sortKeys(value))` straight into `parts`, without building the sorted copy (state hashes run
 * once per round on every engine and in replay verification). False where JSON.stringify would leave the value out
 * (undefined, functions, symbols).
 */
function writeCanonical(value: unknown, parts: string[], depth = 0): boolean {
  switch (typeof value) {
    case 'string':
      parts.push(JSON.stringify(value));
      return true;
    case 'number':
      parts.push(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return true;
    case 'bigint':
      // As JSON.stringify: a TypeError.
      return JSON.stringify(value) !== undefined;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    parts.push('null');
    return true;
  }
  if (depth <= CACHED_DEPTH && Object.isFrozen(value)) {
    // A frozen object never changes (what the project freezes it freezes through), so its text is kept: on
    // boardgame.io's reducer a step shares every part of the state it left alone with the state before it, frozen
    // (src/game/plain-step.ts), and a round's hash would otherwise write all of it again.
    let text = frozenText.get(value);
    if (text === undefined) {
      const own: string[] = [];
      writeObject(value, own, depth);
      text = own.join('');
      frozenText.set(value, text);
    }
    parts.push(text);
    return true;
  }
  writeObject(value, parts, depth);
  return true;
}

/**
 * Frozen objects this deep or shallower keep their text: a state, its fields and their entries (a round's snapshot,
 * a proposal, a row of trust). Deeper ones are small and are written inline into their parent's text, which is kept;
 * keeping theirs too would only cost the table entries.
 */
const CACHED_DEPTH = 2;

/** Canonical text of frozen objects and arrays, by identity. */
const frozenText = new WeakMap<object, string>();

function writeObject(value: object, parts: string[], depth: number): void {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    writeCanonical(JSON.parse(JSON.stringify(value)), parts, depth);
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      if (!writeCanonical(value[i], parts, depth + 1)) parts.push('null');
    }
    parts.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  parts.push('{');
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    parts.push(first ? '' : ',', JSON.stringify(key), ':');
    first = false;
    writeCanonical(v, parts, depth + 1);
  }
  parts.push('}');
}

/** Hash of a string as 16 hex digits. */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function hashValue(value: unknown): string {
  return hashText(canonicalJson(value));
}
