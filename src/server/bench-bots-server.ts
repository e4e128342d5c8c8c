/**
 * `npm run bench:bots-server` (a benchmark, not a test): does bot planning leave the server responsive? Starts the
 * classroom server as a child on 127.0.0.1, creates MATCHES (default 5) unpaused matches of six KIND bots (default
 * strategist:hard) that all plan at once, and polls GET /api/health back to back for DURATION seconds (default 60, or until
 * every match has played ROUNDS whole rounds, default 1). Prints the health round trip p50/p99/max and how far the
 * bots got. BOT_WORKERS is passed to the server (default: every core but one; 0 plans on its main thread, the old
 * behaviour, for comparison). Aim: p99 < 100 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GAME_NAME } from '../game/game';
import { MatchSocket } from '../protocol/match-socket';
import { SEATS } from '../game/vocabulary';
import { envInt, pct, post, startServer, stopServer } from './bench-util';
import { defaultBotWorkers } from './bot-pool';

const MATCHES = envInt('MATCHES', 5, 1);
const ROUNDS = envInt('ROUNDS', 1, 1);
const SECONDS = envInt('DURATION', 60, 1);
const KIND = process.env.KIND ?? 'strategist:hard';
const WORKERS = process.env.BOT_WORKERS ?? String(defaultBotWorkers());

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-bench-bots-'));
  const { child, url } = await startServer(dir, { BOT_WORKERS: WORKERS });
  const watchers: MatchSocket[] = [];
  try {
    // Created paused, so that every match starts planning at the same moment (resume all, then measure).
    const matches: { matchID: string; facilitatorToken: string }[] = [];
    for (let m = 0; m < MATCHES; m++) {
      matches.push(
        await post(`${url}/api/matches`, {
          scenario: 'yeltsin-1992',
          seed: `bots-${m}`,
          startPaused: true,
          phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 },
          bots: Object.fromEntries(SEATS.map((s) => [s, KIND])),
        }),
      );
    }
    for (const m of matches) {
      const w = new MatchSocket({ server: url, matchID: m.matchID, playerID: null, websocketOnly: true });
      watchers.push(w);
      await w.until((s) => s.state !== null, 30_000, 'the spectator sync');
    }
    console.log(
      `${MATCHES} matches x 6 ${KIND} bots, BOT_WORKERS=${WORKERS} on ${os.availableParallelism()} cores (namespace /${GAME_NAME})`,
    );
    const started = performance.now();
    // Sent without waiting for the answers: with BOT_WORKERS=0 the first resume stalls the server for the whole pass.
    const resumed = matches.map((m) =>
      fetch(`${url}/api/matches/${m.matchID}/resume`, {
        method: 'POST',
        headers: { authorization: `Bearer ${m.facilitatorToken}` },
      })
        .then((res) => res.ok)
        .catch(() => false),
    );
    const done = () =>
      watchers.every((w) => (w.state?.G.round ?? 0) > ROUNDS || w.state?.ctx.gameover !== undefined);
    const health: number[] = [];
    let failures = 0;
    while (performance.now() - started < SECONDS * 1000 && !done()) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/health`).catch(() => null);
      if (!res?.ok) failures += 1;
      await res?.text();
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    const refused = (await Promise.all(resumed)).filter((ok) => !ok).length;
    if (refused > 0) console.log(`${refused} resume request(s) failed (the server did not answer them)`);
    health.sort((a, b) => a - b);
    const where = watchers.map((w) => `${w.state?.ctx.phase}:${w.state?.G.round}`);
    console.log(
      `ran ${seconds.toFixed(1)} s; ${done() ? `every match played ${ROUNDS} round(s)` : `stopped after DURATION=${SECONDS}`}; matches at ${where.join(' ')}`,
    );
    console.log(
      `moves stored: ${watchers.reduce((n, w) => n + (w.state?._stateID ?? 0), 0)} (sum of state IDs)`,
    );
    console.log(
      `/api/health round trip over ${health.length} requests: p50 ${pct(health, 50).toFixed(1)} ms, p99 ${pct(health, 99).toFixed(1)} ms, ` +
        `max ${health[health.length - 1]?.toFixed(1)} ms, failures ${failures}`,
    );
    console.log(`aim: p99 < 100 ms: ${pct(health, 99) < 100 && failures === 0 ? 'met' : 'NOT met'}`);
  } finally {
    for (const w of watchers) w.close();
    await stopServer(child, dir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
