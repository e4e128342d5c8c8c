/**
 * Replay verification speed for the longest era: rounds re-played and checked per second, parse included (printed,
 * not asserted). `npm run bench` calls `benchReplay`; `npm run bench:replay` runs it alone. Rates are per wall-clock
 * second and per CPU-second of this process; on a shared machine the second is the steadier figure.
 */
import path from 'node:path';
import { perSeat } from '../game/vocabulary';
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import { startFork } from '../match/fork';
import { playMatch } from '../match/match';
import { type Replay, buildReplay, parseReplayText, serializeReplay, verifyReplay } from '../match/replay';
import { makeBots } from '../bots/registry';

const RANDOM: BotSpec = perSeat(() => 'random');

/** The built-in scenario with the most years. */
export function longestEra(): Scenario {
  const eras = BUILTIN_IDS.map((id) => builtinScenario(id) as Scenario);
  return eras.reduce((a, b) => (b.endYear - b.startYear > a.endYear - a.startYear ? b : a));
}

/** Verifies the texts in turn for about `seconds`; returns rounds per second and the figures behind it. */
export function verificationRate(
  texts: string[],
  seconds = 3,
): {
  roundsPerSecond: number;
  actionsPerSecond: number;
  actionsPerCpuSecond: number;
  replays: number;
  rounds: number;
  ms: number;
} {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let replays = 0;
  let rounds = 0;
  let actions = 0;
  while (performance.now() - started < seconds * 1000) {
    const parsed = parseReplayText(texts[replays % texts.length]);
    if (!parsed.ok) throw new Error(parsed.error);
    const result = verifyReplay(parsed.replay);
    if (!result.ok) throw new Error(result.error);
    rounds += result.rounds;
    actions += result.replay.actions.length;
    replays += 1;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    roundsPerSecond: (rounds * 1000) / ms,
    actionsPerSecond: (actions * 1000) / ms,
    actionsPerCpuSecond: (actions * 1e6) / (cpu.user + cpu.system),
    replays,
    rounds,
    ms,
  };
}

/** Prints replay verification speed (rounds per second) for the longest era, and for forks of it. */
export function benchReplay(seconds = 3): void {
  const scenario = longestEra();
  const seats = perSeat(() => 'bot:random');
  const replays: Replay[] = [0, 1, 2, 3].map((i) => {
    const { driver } = playMatch({ scenario, seed: `bench-replay-${i}`, bots: makeBots(RANDOM) });
    return buildReplay({ scenario, seed: `bench-replay-${i}`, seats, driver });
  });
  const texts = replays.map(serializeReplay);
  const actions = replays.reduce((n, r) => n + r.actions.length, 0) / replays.length;
  const kb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;
  verificationRate(texts.slice(0, 1), 0.3);
  const plain = verificationRate(texts, seconds);
  console.log(
    `Replay verification, ${scenario.id} (${scenario.endYear - scenario.startYear + 1} years, ${actions.toFixed(0)} actions, ${kb.toFixed(0)} kB a replay), random bots, one core:`,
  );
  console.log(
    `  ${plain.actionsPerSecond.toFixed(0).padStart(6)} actions/s, ${plain.roundsPerSecond.toFixed(0)} rounds/s  (${(plain.replays / (plain.ms / 1000)).toFixed(1)} replays/s; ${plain.replays} replays, ${plain.rounds} rounds in ${(plain.ms / 1000).toFixed(1)} s; ${plain.actionsPerCpuSecond.toFixed(0)} actions per CPU-second)`,
  );
  const middle = Math.floor((scenario.startYear + scenario.endYear) / 2);
  const started = performance.now();
  startFork(replays[0], middle, 'bench');
  const forkMs = performance.now() - started;
  console.log(
    `  a reseeded fork at ${middle} starts in ${forkMs.toFixed(0)} ms (verifies the parent, then re-runs the one action that began the year)`,
  );
}

const isMain =
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) benchReplay();
