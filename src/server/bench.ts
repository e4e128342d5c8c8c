/**
 * `npm run bench:server` (a benchmark, not a test): the classroom server in a child process on loopback, MATCHES
 * matches (default 30) x 6 seat sockets playing ROUNDS whole rounds (default 2) at once. Prints the move round trip
 * (emit → acknowledgement, and emit → the sender's own update) p50/p99, errors and lost updates (an acknowledged move
 * missing from a client's final state, or clients ending on different states). Students think up to THINK_MS (default
 * 2000) before each move; THINK_MS=0 is the burst case, every socket at once.
 */
import seedrandom from 'seedrandom';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEATS, type Seat, playerIDOf } from '../game/vocabulary';
import type { MoveName } from '../game/args';
import { MatchSocket } from '../protocol/match-socket';
import { pct, post, startServer, stopServer } from './bench-util';

const MATCHES = Number(process.env.MATCHES ?? 30);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
/** Each student thinks 0..THINK_MS before each move (seeded); THINK_MS=0 fires every move at once (worst case). */
const THINK_MS = Number(process.env.THINK_MS ?? 2000);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-bench-'));
  const { child, url } = await startServer(dir);
  const acks: number[] = [];
  const seen: number[] = [];
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const acked = new Map<string, Set<string>>();
  const all: { matchID: string; sockets: Record<Seat, MatchSocket> }[] = [];
  try {
    for (let m = 0; m < MATCHES; m++) {
      const match = await post<{ matchID: string; seats: Record<Seat, { code: string }> }>(
        `${url}/api/matches`,
        {
          scenario: 'yeltsin-1992',
          seed: `bench-${m}`,
          startPaused: false,
          phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 },
        },
      );
      const sockets = {} as Record<Seat, MatchSocket>;
      for (const seat of SEATS) {
        const joined = await post<{ credentials: string }>(`${url}/api/join`, {
          code: match.seats[seat].code,
          name: `bench ${seat}`,
        });
        sockets[seat] = new MatchSocket({
          server: url,
          matchID: match.matchID,
          playerID: playerIDOf(seat),
          credentials: joined.credentials,
          websocketOnly: true,
        });
      }
      all.push({ matchID: match.matchID, sockets });
      acked.set(match.matchID, new Set());
    }
    await Promise.all(
      all.flatMap((m) => SEATS.map((s) => m.sockets[s].until((x) => x.state !== null, 30_000, 'sync'))),
    );
    console.log(
      `${MATCHES} matches x ${SEATS.length} sockets connected; playing ${ROUNDS} round(s), think time 0-${THINK_MS} ms`,
    );

    const think = seedrandom('bench-think');
    const move = async (
      matchID: string,
      socket: MatchSocket,
      type: MoveName,
      arg?: unknown,
      mark?: string,
    ) => {
      if (THINK_MS > 0) await new Promise((r) => setTimeout(r, think.quick() * THINK_MS));
      const t0 = performance.now();
      const answer = await socket.move(type, arg);
      const t1 = performance.now();
      acks.push(t1 - t0);
      if (!answer.ok) {
        errors += 1;
        errorKinds.set(`${type}: ${answer.code}`, (errorKinds.get(`${type}: ${answer.code}`) ?? 0) + 1);
        return;
      }
      if (mark) acked.get(matchID)?.add(mark);
      await socket.until((s) => (s.state?._stateID ?? 0) >= answer.stateID, 10_000, 'own update');
      seen.push(performance.now() - t0);
    };
    const phase = (m: (typeof all)[number], name: string, round: number) =>
      Promise.all(
        SEATS.map((s) =>
          m.sockets[s].until((x) => x.state?.ctx.phase === name && x.state.G.round === round, 30_000, name),
        ),
      );

    const started = performance.now();
    await Promise.all(
      all.map(async (m) => {
        await Promise.all(SEATS.map((s) => move(m.matchID, m.sockets[s], 'ready')));
        for (let round = 1; round <= ROUNDS; round++) {
          await phase(m, 'diplomacy', round);
          await Promise.all(
            SEATS.map(async (seat, i) => {
              const text = `r${round} ${seat} speaks`;
              await move(m.matchID, m.sockets[seat], 'makeStatement', { text }, text);
              const to = SEATS[(i + 1) % SEATS.length];
              await move(m.matchID, m.sockets[seat], 'sendMessage', {
                to,
                text: `r${round} ${seat} whispers`,
              });
              await move(m.matchID, m.sockets[seat], 'ready');
            }),
          );
          await phase(m, 'policy', round);
          await Promise.all(
            SEATS.map((seat) => move(m.matchID, m.sockets[seat], 'commitOrders', { orders: [] })),
          );
        }
        await phase(m, 'diplomacy', ROUNDS + 1);
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // Lost updates: an acknowledged statement missing from any client, or clients that disagree on the state.
    let lost = 0;
    for (const m of all) {
      const ids = new Set(SEATS.map((s) => m.sockets[s].state?._stateID));
      if (ids.size !== 1) lost += 1;
      for (const seat of SEATS) {
        const texts = new Set((m.sockets[seat].state?.G.messages ?? []).map((x) => x.text));
        for (const text of acked.get(m.matchID) ?? []) if (!texts.has(text)) lost += 1;
      }
    }
    acks.sort((a, b) => a - b);
    seen.sort((a, b) => a - b);
    console.log(
      `moves: ${acks.length} in ${seconds.toFixed(1)} s (${(acks.length / seconds).toFixed(0)} moves/s)`,
    );
    console.log(
      `round trip to acknowledgement: p50 ${pct(acks, 50).toFixed(1)} ms, p99 ${pct(acks, 99).toFixed(1)} ms, max ${acks[acks.length - 1]?.toFixed(1)} ms`,
    );
    console.log(
      `round trip to own update:      p50 ${pct(seen, 50).toFixed(1)} ms, p99 ${pct(seen, 99).toFixed(1)} ms`,
    );
    console.log(
      `errors: ${errors}${errorKinds.size ? ` (${[...errorKinds].map(([k, n]) => `${k} x${n}`).join(', ')})` : ''}`,
    );
    console.log(`lost updates: ${lost}`);
    console.log(
      `aim: p99 < 100 ms, 0 errors, 0 lost: ${pct(acks, 99) < 100 && errors === 0 && lost === 0 ? 'met' : 'NOT met'}`,
    );
  } finally {
    for (const m of all) for (const s of SEATS) m.sockets[s].close();
    await stopServer(child, dir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
