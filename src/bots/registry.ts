/**
 * Bot kinds by name and the `--bots` spec: one kind for every seat (`random`) or per seat
 * (`japan=historical,russia=random`; unnamed seats take the `*=` entry or `random`).
 */
import { SEATS, type Seat, isSeat } from '../game/seats';
import { randomBot } from './random';
import type { Bot } from './types';

const KINDS: Record<string, () => Bot> = {
  random: () => randomBot,
};

export function registerBot(kind: string, make: () => Bot): void {
  KINDS[kind] = make;
}

export function botKinds(): string[] {
  return Object.keys(KINDS);
}

export type BotSpec = Record<Seat, string>;

/** Parses a `--bots` spec; an error message names the part that is wrong. */
export function parseBotSpec(spec: string): { ok: true; spec: BotSpec } | { ok: false; error: string } {
  const trimmed = spec.trim();
  if (!trimmed) return { ok: false, error: 'empty --bots spec' };
  const known = (kind: string) => Object.prototype.hasOwnProperty.call(KINDS, kind.split(':')[0]);
  if (!trimmed.includes('=')) {
    if (!known(trimmed)) return { ok: false, error: `unknown bot kind "${trimmed}" (known: ${botKinds().join(', ')})` };
    return { ok: true, spec: Object.fromEntries(SEATS.map((s) => [s, trimmed])) as BotSpec };
  }
  let fallback = 'random';
  const perSeat: Partial<BotSpec> = {};
  for (const part of trimmed.split(',')) {
    const [seat, kind, extra] = part.split('=').map((x) => x.trim());
    if (extra !== undefined || !seat || !kind) return { ok: false, error: `"${part}" is not seat=kind` };
    if (!known(kind)) return { ok: false, error: `unknown bot kind "${kind}" in "${part}" (known: ${botKinds().join(', ')})` };
    if (seat === '*') fallback = kind;
    else if (isSeat(seat)) {
      if (perSeat[seat]) return { ok: false, error: `${seat} is given twice` };
      perSeat[seat] = kind;
    } else return { ok: false, error: `unknown seat "${seat}" (seats: ${SEATS.join(', ')})` };
  }
  return { ok: true, spec: Object.fromEntries(SEATS.map((s) => [s, perSeat[s] ?? fallback])) as BotSpec };
}

/** A bot instance for a spec entry such as `random` or `strategist:hard`. */
export function makeBot(kind: string): Bot {
  const make = KINDS[kind.split(':')[0]];
  if (!make) throw new Error(`unknown bot kind "${kind}"`);
  return make();
}
