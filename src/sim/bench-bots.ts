/**
 * `npm run bench:bots`: how strong the strategist is, printed (not asserted). For each actor and seed (eras in
 * turn), the same match is played three times with historical bots in the other five seats and, in that seat,
 * `strategist:normal`, `random` or `historical`; the strategist "outranks" a kind on a seed when its final score
 * (public score plus agenda) is higher. Also the strategist's median and 95th-percentile decision time.
 * Usage: npm run bench:bots [-- SEEDS]   (default 10 seeds per actor)
 */
import { SEATS, perSeat, type Seat } from '../game/vocabulary';
import { SEAT_EN } from './log-text';
import { makeBot } from '../bots/registry';
import type { Bot } from '../match/bot';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import { DirectDriver } from '../match/direct';
import { botRng, playBotPhase } from '../match/match';

function timed(bot: Bot, times: number[]): Bot {
  const wrap =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      const started = performance.now();
      const result = f(...args);
      times.push(performance.now() - started);
      return result;
    };
  return {
    kind: bot.kind,
    decide: wrap(bot.decide),
    propose: wrap(bot.propose),
    respond: wrap(bot.respond),
    orders: wrap(bot.orders),
  };
}

function finalScore(id: string, seed: string, seat: Seat, bot: Bot): number {
  const driver = DirectDriver.start({ scenario: builtinScenario(id), seed }, { record: false });
  const bots = perSeat((s) => (s === seat ? bot : makeBot('historical')));
  const rngs = perSeat((s) => botRng(seed, s));
  while (!driver.over) playBotPhase(driver, bots, rngs);
  return driver.G.outcome?.finalScores[seat] ?? NaN;
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`.padStart(6);

export async function benchBots(seeds = 10): Promise<void> {
  console.log(
    `Strategist strength: strategist:normal against random and historical in the same seat, ${seeds} seeds per actor`,
  );
  console.log(
    'actor            beats random   beats historical   mean score (strategist / random / historical)',
  );
  const times: number[] = [];
  for (const seat of SEATS) {
    let beatRandom = 0;
    let beatHistorical = 0;
    const sums = [0, 0, 0];
    for (let i = 0; i < seeds; i++) {
      const id = BUILTIN_IDS[i % BUILTIN_IDS.length];
      const seed = `bench-${i}`;
      const s = finalScore(id, seed, seat, timed(makeBot('strategist:normal'), times));
      const r = finalScore(id, seed, seat, makeBot('random'));
      const h = finalScore(id, seed, seat, makeBot('historical'));
      if (s > r) beatRandom += 1;
      if (s > h) beatHistorical += 1;
      sums[0] += s;
      sums[1] += r;
      sums[2] += h;
    }
    const mean = sums.map((x) => (x / seeds).toFixed(1)).join(' / ');
    console.log(
      `${SEAT_EN[seat].padEnd(16)} ${pct(beatRandom / seeds)}         ${pct(beatHistorical / seeds)}             ${mean}`,
    );
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
  console.log(
    `strategist:normal decision time over ${times.length} decisions: median ${at(0.5)} ms, 95th percentile ${at(0.95)} ms, max ${at(1)} ms`,
  );
}

const isMain = process.argv[1]?.endsWith('bench-bots.ts');
if (isMain) await benchBots(Number(process.argv[2] ?? 10) || 10);
