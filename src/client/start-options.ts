/**
 * What a match starts from in the browser: era, seed and who plays each seat. Checked here (no DOM) for the start
 * screen and for links that start a match directly (`?scenario=yeltsin-1992&seed=7&humans=japan&bots=random&autostart=1`).
 */
import { botKinds } from '../bots/registry';
import { SEATS, perSeat, isSeat, type Seat } from '../game/vocabulary';
import { BUILTIN_IDS } from '../scenario/builtin';
import type { Controller } from './session';
import { S } from './strings';

export interface StartOptions {
  scenarioId: string;
  seed: string;
  controllers: Record<Seat, Controller>;
}

/** A fresh seed to show on the start screen: random here (never in the rules), editable by the player. */
export function randomSeed(random: () => number = Math.random): string {
  return String(Math.floor(random() * 1_000_000_000));
}

/** The problem with the options, or null when a match can start from them. */
export function startProblem(options: StartOptions): string | null {
  if (!BUILTIN_IDS.includes(options.scenarioId)) return `unknown era "${options.scenarioId}"`;
  const seed = options.seed.trim();
  if (seed.length === 0 || seed.length > 64) return S.start.badSeed;
  if (!SEATS.some((s) => options.controllers[s].type === 'human')) return S.start.needHuman;
  const kinds = botKinds();
  for (const s of SEATS) {
    const c = options.controllers[s];
    if (c.type === 'bot' && !kinds.includes(c.kind)) return `unknown bot kind "${c.kind}"`;
  }
  return null;
}

/**
 * The bot kind the other seats get unless told otherwise: the historical doctrine, so a first match plays against
 * the history the paper tells (random bots are for tests); the first registered kind if it is ever missing.
 */
export function defaultBotKind(): string {
  return botKinds().includes('historical') ? 'historical' : (botKinds()[0] ?? 'random');
}

/** The default table: Japan played by a person, every other seat by the default bot kind. */
export function defaultOptions(random: () => number = Math.random): StartOptions {
  const kind = defaultBotKind();
  return {
    scenarioId: BUILTIN_IDS.includes('yeltsin-1992') ? 'yeltsin-1992' : BUILTIN_IDS[0],
    seed: randomSeed(random),
    controllers: perSeat<Controller>((s) => (s === 'japan' ? { type: 'human' } : { type: 'bot', kind })),
  };
}

/** Options from a URL query; `autostart` says whether to skip the start screen. */
export function optionsFromQuery(
  query: string,
  random: () => number = Math.random,
): { options: StartOptions; autostart: boolean } {
  const params = new URLSearchParams(query);
  const options = defaultOptions(random);
  const scenario = params.get('scenario');
  if (scenario) options.scenarioId = scenario.slice(0, 64);
  const seed = params.get('seed');
  if (seed) options.seed = seed.slice(0, 64);
  const bot = params.get('bots');
  const kind = bot && botKinds().includes(bot) ? bot : defaultBotKind();
  const humans = (params.get('humans') ?? 'japan').split(',').filter(isSeat);
  options.controllers = perSeat<Controller>((s) =>
    humans.includes(s) ? { type: 'human' } : { type: 'bot', kind },
  );
  return { options, autostart: params.get('autostart') === '1' };
}
