/**
 * Bot kinds by name and the `--bots` spec: one kind for every seat (`random`) or per seat
 * (`japan=historical,russia=random`; unnamed seats take the `*=` entry or `random`).
 */
import { SEATS, perSeat, type Seat, isSeat } from '../game/vocabulary';
import { historicalBot } from './historical';
import { randomBot } from './random';
import { STRENGTHS, makeStrategist } from './strategist';
import type { Bot } from '../match/bot';

/** A bot factory; `option` is what follows ':' in a spec (`strategist:hard`), undefined when absent. */
export type BotFactory = (option?: string) => Bot;

const noOption =
  (kind: string, bot: Bot): BotFactory =>
  (option) => {
    if (option !== undefined) throw new Error(`bot kind "${kind}" takes no option (got "${kind}:${option}")`);
    return bot;
  };

const KINDS: Record<string, BotFactory> = {
  random: noOption('random', randomBot),
  historical: noOption('historical', historicalBot),
  strategist: (option) => makeStrategist(option ?? 'normal'),
};

/** The options each kind accepts after ':' (for menus and error messages). */
export const BOT_OPTIONS: Record<string, readonly string[]> = { strategist: STRENGTHS };

export function registerBot(kind: string, make: BotFactory): void {
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
  const known = (kind: string) => kindProblem(kind) === null;
  if (!trimmed.includes('=')) {
    if (!known(trimmed)) return { ok: false, error: kindProblem(trimmed) as string };
    return { ok: true, spec: perSeat(() => trimmed) };
  }
  let fallback = 'random';
  const given: Partial<BotSpec> = {};
  for (const part of trimmed.split(',')) {
    const [seat, kind, extra] = part.split('=').map((x) => x.trim());
    if (extra !== undefined || !seat || !kind) return { ok: false, error: `"${part}" is not seat=kind` };
    if (!known(kind)) return { ok: false, error: `${kindProblem(kind) as string} in "${part}"` };
    if (seat === '*') fallback = kind;
    else if (isSeat(seat)) {
      if (given[seat]) return { ok: false, error: `${seat} is given twice` };
      given[seat] = kind;
    } else return { ok: false, error: `unknown seat "${seat}" (seats: ${SEATS.join(', ')})` };
  }
  return { ok: true, spec: perSeat((s) => given[s] ?? fallback) };
}

/** Why a spec entry such as `strategist:hard` names no bot, or null when it does. */
export function kindProblem(entry: string): string | null {
  const [kind, option, extra] = entry.split(':');
  if (!Object.prototype.hasOwnProperty.call(KINDS, kind))
    return `unknown bot kind "${kind}" (known: ${botKinds().join(', ')})`;
  if (extra !== undefined) return `"${entry}" has more than one ':' option`;
  const options = BOT_OPTIONS[kind];
  if (option === undefined) return null;
  if (!options) return `bot kind "${kind}" takes no option (got "${entry}")`;
  return options.includes(option)
    ? null
    : `unknown ${kind} option "${option}" (options: ${options.join(', ')})`;
}

/** A bot instance for a spec entry such as `random` or `strategist:hard`; the option goes to the factory. */
export function makeBot(entry: string): Bot {
  const problem = kindProblem(entry);
  if (problem) throw new Error(problem);
  const [kind, option] = entry.split(':');
  return KINDS[kind](option);
}

/** One bot per seat for a spec, for `playMatch` and `playFork` (src/match), which take bots, not names. */
export function makeBots(spec: BotSpec): Record<Seat, Bot> {
  return perSeat((s) => makeBot(spec[s]));
}
