/**
 * `npm run bench:cluster` (a benchmark, not a test): PROCESSES classroom server processes (default 2) on one Postgres
 * and one Redis (DATABASE_URL, default postgres://oilwater:oilwater@127.0.0.1:5432/oilwater_test; REDIS_URL, default
 * redis://127.0.0.1:6379; a fresh schema and key prefix, removed at the end). MATCHES matches (default 20) are
 * created round-robin on the processes and each seat's socket connects to the next process in turn, so most moves
 * are made on a process that does not serve their match and travel to its owner and back through Redis. Every match
 * plays ROUNDS rounds (default 2) with every move at once. Prints matches and sockets per process, each process's
 * resident memory, the move round trip (emit → acknowledgement) p50/p99, moves per second and errors.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import { SEATS, type Seat, playerIDOf } from '../game/vocabulary';
import type { MoveName } from '../game/args';
import { MatchSocket } from '../protocol/match-socket';
import { envInt, freePort, pct, post, spawnClusterProcess } from './bench-util';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://oilwater:oilwater@127.0.0.1:5432/oilwater_test';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const PROCESSES = envInt('PROCESSES', 2, 1);
const MATCHES = envInt('MATCHES', 20, 1);
const ROUNDS = envInt('ROUNDS', 2, 1);

async function main(): Promise<void> {
  const tag = `oaw_bench_${randomBytes(4).toString('hex')}`;
  const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
  const hosts = ports.map((p) => `127.0.0.1:${p}`).join(',');
  const children: ChildProcess[] = [];
  const urls = ports.map((p) => `http://127.0.0.1:${p}`);
  const sockets: MatchSocket[] = [];
  try {
    for (const port of ports) {
      const child = spawnClusterProcess(
        { port, hosts, databaseUrl: DATABASE_URL, schema: tag, redisUrl: REDIS_URL, redisPrefix: `${tag}:` },
        { CREATE_PER_HOUR: '10000', MAX_SOCKETS_PER_ADDRESS: '10000' },
        ['ignore', 'ignore', 'inherit'],
      );
      children.push(child);
    }
    for (const url of urls) {
      for (let i = 0; ; i++) {
        const ok = await fetch(`${url}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (i > 600) throw new Error(`${url} did not become ready`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    const perProcessSockets = urls.map(() => 0);
    const matches: Record<Seat, MatchSocket>[] = [];
    let next = 0;
    for (let m = 0; m < MATCHES; m++) {
      const base = urls[m % urls.length];
      const match = await post<{ matchID: string; seats: Record<Seat, { code: string }> }>(
        `${base}/api/matches`,
        {
          scenario: 'yeltsin-1992',
          seed: `bench-${m}`,
          startPaused: false,
          phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 },
        },
      );
      const seats = {} as Record<Seat, MatchSocket>;
      for (const seat of SEATS) {
        const at = next++ % urls.length;
        const joined = await post<{ credentials: string }>(`${urls[at]}/api/join`, {
          code: match.seats[seat].code,
          name: `bench ${seat}`,
        });
        seats[seat] = new MatchSocket({
          server: urls[at],
          matchID: match.matchID,
          playerID: playerIDOf(seat),
          credentials: joined.credentials,
          websocketOnly: true,
        });
        perProcessSockets[at] += 1;
        sockets.push(seats[seat]);
      }
      matches.push(seats);
    }
    await Promise.all(sockets.map((s) => s.until((x) => x.state !== null, 30_000, 'sync')));

    const acks: number[] = [];
    let errors = 0;
    const errorKinds = new Map<string, number>();
    const move = async (s: MatchSocket, type: MoveName, arg?: unknown) => {
      const t0 = performance.now();
      const r = await s.move(type, arg);
      acks.push(performance.now() - t0);
      if (!r.ok) {
        errors += 1;
        errorKinds.set(r.code, (errorKinds.get(r.code) ?? 0) + 1);
        if (errors <= 5) console.error(`  ${type} failed: ${r.code}: ${r.message}`);
      }
    };
    const phase = (seats: Record<Seat, MatchSocket>, name: string, round: number) =>
      Promise.all(
        SEATS.map((s) =>
          seats[s].until(
            (x) => x.state?.ctx.phase === name && (x.state.G.round ?? 0) >= round,
            60_000,
            `${name} ${round}`,
          ),
        ),
      );
    const started = performance.now();
    await Promise.all(
      matches.map(async (seats) => {
        await Promise.all(SEATS.map((s) => move(seats[s], 'ready')));
        for (let round = 1; round <= ROUNDS; round++) {
          await phase(seats, 'diplomacy', round);
          await Promise.all(
            SEATS.map((s) => move(seats[s], 'makeStatement', { text: `${s} in round ${round}` })),
          );
          await Promise.all(SEATS.map((s) => move(seats[s], 'ready')));
          await phase(seats, 'policy', round);
          await Promise.all(SEATS.map((s) => move(seats[s], 'commitOrders', { orders: [] })));
        }
        await phase(seats, 'diplomacy', ROUNDS + 1);
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const served = await Promise.all(
      urls.map(async (u) => ((await (await fetch(`${u}/api/health`)).json()) as { matches: number }).matches),
    );
    const rss = children.map((c) =>
      Math.round(
        Number(
          execFileSync('ps', ['-o', 'rss=', '-p', String(c.pid)])
            .toString()
            .trim(),
        ) / 1024,
      ),
    );
    acks.sort((x, y) => x - y);
    const cores = (await import('node:os')).cpus().length;
    console.log(
      `${PROCESSES} processes on Postgres + Redis, ${MATCHES} matches x 6 seats, ${ROUNDS} rounds, every move at once (${cores} cores)`,
    );
    urls.forEach((_, i) =>
      console.log(
        `  process ${i + 1}: ${served[i]} matches served, ${perProcessSockets[i]} sockets, ${rss[i]} MB resident`,
      ),
    );
    console.log(
      `  ${acks.length} moves in ${seconds.toFixed(1)} s (${(acks.length / seconds).toFixed(0)} moves/s), ` +
        `round trip p50 ${pct(acks, 50).toFixed(0)} ms, p99 ${pct(acks, 99).toFixed(0)} ms, ${errors} errors` +
        (errors > 0 ? ` (${[...errorKinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''),
    );
  } finally {
    for (const s of sockets) s.close();
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${tag} CASCADE`);
    await client.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${tag}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message ?? error);
  process.exit(1);
});
