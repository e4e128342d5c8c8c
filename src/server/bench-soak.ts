/**
 * `npm run bench:soak` (a benchmark, not a test: it prints figures): the classroom server as a child process on
 * 127.0.0.1 with a temp DATA_DIR, MATCHES (default 30) x 6 student sockets playing the era (or ROUNDS rounds) with
 * random think times (0..THINK_MS, default 400), double submits, disconnects and reconnects, and one SIGKILL and
 * restart of the server mid-phase (after KILL_AFTER_MS, default 8000, on the same port and data). Prints:
 * - moves acknowledged, and moves lost: acknowledged statements missing from the stored match at the end (aim 0);
 * - clients stuck behind the stored state (read from the SQLite file) for more than 2 s while connected (aim 0);
 * - the move round trip (emit to acknowledgement) p50/p99, and the refusals by kind (a double submit's second move is
 *   refused by design; moves in flight at the kill time out or are refused as `not-synced`).
 * The whole run is bounded by MAX_SECONDS (default 240).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import seedrandom from 'seedrandom';
import type { MoveName } from '../game/args';
import { SEATS, type Seat, playerIDOf } from '../game/vocabulary';
import { MatchSocket } from '../protocol/match-socket';
import { type ServerChild, envInt, pct, post, startServer, stopServer } from './bench-util';

const MATCHES = envInt('MATCHES', 30, 1);
/** Rounds to play; 0 (the default) plays the whole era. */
const ROUNDS = envInt('ROUNDS', 0);
const THINK_MS = envInt('THINK_MS', 400);
const KILL_AFTER_MS = envInt('KILL_AFTER_MS', 8000, 1);
const MAX_SECONDS = envInt('MAX_SECONDS', 240, 10);
const STUCK_MS = 2000;
const DOUBLE_SUBMIT = 0.1;
const DISCONNECT = 0.03;

interface Seated {
  matchID: string;
  seat: Seat;
  socket: MatchSocket;
  /** Disconnected on purpose by the soak (not counted as stuck meanwhile). */
  away: boolean;
  behindSince?: number;
  stuck: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-soak-'));
  const env = { VACANT_DELAY_MS: '3600000' };
  let server: ServerChild = await startServer(dir, env);
  const port = new URL(server.url).port;
  const rng = seedrandom('soak');
  const seated: Seated[] = [];
  const acks: number[] = [];
  const acked = new Map<string, Set<string>>();
  const refusals = new Map<string, number>();
  let moves = 0;
  let stuck = 0;
  let killedAt = 0;
  let restartedAfter = 0;
  const deadline = performance.now() + MAX_SECONDS * 1000;
  let db: Database.Database | undefined;
  try {
    for (let m = 0; m < MATCHES; m++) {
      const match = await post<{ matchID: string; seats: Record<Seat, { code: string }> }>(
        `${server.url}/api/matches`,
        {
          scenario: 'yeltsin-1992',
          seed: `soak-${m}`,
          startPaused: false,
          phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 },
        },
      );
      acked.set(match.matchID, new Set());
      for (const seat of SEATS) {
        const joined = await post<{ credentials: string }>(`${server.url}/api/join`, {
          code: match.seats[seat].code,
          name: `soak ${seat}`,
        });
        const socket = new MatchSocket({
          server: server.url,
          matchID: match.matchID,
          playerID: playerIDOf(seat),
          credentials: joined.credentials,
          websocketOnly: true,
        });
        seated.push({ matchID: match.matchID, seat, socket, away: false, stuck: false });
      }
    }
    await Promise.all(seated.map((s) => s.socket.until((x) => x.state !== null, 30_000, 'sync')));
    db = new Database(path.join(dir, 'oil-and-water.sqlite'), { readonly: true, fileMustExist: true });
    const storedIDs = db.prepare('SELECT id, state_id FROM matches');
    const storedState = db.prepare('SELECT state FROM matches WHERE id = ?');
    console.log(
      `${MATCHES} matches x 6 sockets; ${ROUNDS ? `${ROUNDS} round(s)` : 'the whole era'}; think 0-${THINK_MS} ms, ` +
        `double submits ${DOUBLE_SUBMIT * 100}%, disconnects ${DISCONNECT * 100}% of moves, SIGKILL after ${KILL_AFTER_MS} ms`,
    );

    const finished = (s: MatchSocket) =>
      s.state?.ctx.gameover !== undefined || (ROUNDS > 0 && (s.state?.G.round ?? 0) > ROUNDS);

    // Watches every connected client against the stored state, four times a second.
    const started = performance.now();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const now = performance.now();
        const stored = new Map<string, number>();
        for (const row of storedIDs.all() as { id: string; state_id: number }[])
          stored.set(row.id, row.state_id);
        for (const s of seated) {
          const mine = s.socket.state?._stateID;
          const truth = stored.get(s.matchID);
          if (
            s.away ||
            !s.socket.socket.connected ||
            mine === undefined ||
            truth === undefined ||
            mine >= truth
          ) {
            s.behindSince = undefined;
            s.stuck = false;
            continue;
          }
          s.behindSince ??= now;
          if (now - s.behindSince > STUCK_MS && !s.stuck) {
            s.stuck = true;
            stuck += 1;
            console.log(`  stuck: ${s.seat} of ${s.matchID} at state ${mine}, stored ${truth}`);
          }
        }
        await sleep(250);
      }
    })();

    // The SIGKILL and restart, mid-phase, on the same port and data.
    const killer = (async () => {
      await sleep(KILL_AFTER_MS);
      if (seated.every((s) => finished(s.socket))) return;
      killedAt = performance.now();
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGKILL');
      await exited;
      server = await startServer(dir, { ...env, PORT: port });
      restartedAfter = performance.now() - killedAt;
      console.log(
        `  killed the server (SIGKILL) at ${((killedAt - started) / 1000).toFixed(1)} s; restarted in ${restartedAfter.toFixed(0)} ms`,
      );
    })();

    const move = async (s: Seated, type: MoveName, arg?: unknown, mark?: string): Promise<boolean> => {
      if (THINK_MS > 0) await sleep(rng.quick() * THINK_MS);
      if (rng.quick() < DISCONNECT) {
        s.away = true;
        s.socket.socket.disconnect();
        await sleep(rng.quick() * 1500);
        s.socket.socket.connect();
        await s.socket.until((x) => x.socket.connected, 20_000, 'reconnect').catch(() => undefined);
        s.away = false;
        return false; // look at the (re)synced state again before moving
      }
      const twice = rng.quick() < DOUBLE_SUBMIT;
      const t0 = performance.now();
      const answers = await Promise.all(
        twice ? [s.socket.move(type, arg), s.socket.move(type, arg)] : [s.socket.move(type, arg)],
      );
      const t1 = performance.now();
      moves += answers.length;
      let any = false;
      for (const answer of answers) {
        if (answer.ok) {
          any = true;
          acks.push(t1 - t0);
          if (mark) acked.get(s.matchID)?.add(mark);
        } else refusals.set(`${type}: ${answer.code}`, (refusals.get(`${type}: ${answer.code}`) ?? 0) + 1);
      }
      return any;
    };

    const play = async (s: Seated) => {
      const spoken = new Set<number>();
      while (!finished(s.socket) && performance.now() < deadline) {
        const ready = await s.socket
          .until(
            (x) => finished(x) || (x.state !== null && !x.state.G.ready[s.seat]),
            15_000,
            'my turn to act',
          )
          .then(() => true)
          .catch(() => false);
        if (!ready || finished(s.socket)) continue;
        const state = s.socket.state;
        if (!state) continue;
        const { phase } = state.ctx;
        const round = state.G.round;
        if (phase === 'briefing') await move(s, 'ready');
        else if (phase === 'diplomacy' && !spoken.has(round)) {
          const text = `r${round} ${s.seat} speaks`;
          if (await move(s, 'makeStatement', { text }, text)) spoken.add(round);
        } else if (phase === 'diplomacy') await move(s, 'ready');
        else if (phase === 'policy') await move(s, 'commitOrders', { orders: [] });
        else await sleep(100);
      }
    };
    await Promise.all([...seated.map(play), killer]);
    const seconds = (performance.now() - started) / 1000;
    // Let the last updates land, then compare.
    await sleep(1500);
    watching = false;
    await watch;

    let lost = 0;
    let behindAtEnd = 0;
    let unfinished = 0;
    const stored = new Map(
      (storedIDs.all() as { id: string; state_id: number }[]).map((r) => [r.id, r.state_id]),
    );
    for (const [matchID, texts] of acked) {
      const row = storedState.get(matchID) as { state: string } | undefined;
      const G = row ? (JSON.parse(row.state) as { G: { messages: { text: string }[] } }).G : undefined;
      const have = new Set((G?.messages ?? []).map((x) => x.text));
      for (const text of texts) if (!have.has(text)) lost += 1;
    }
    for (const s of seated) {
      if ((s.socket.state?._stateID ?? -1) !== stored.get(s.matchID)) behindAtEnd += 1;
      if (!finished(s.socket)) unfinished += 1;
    }
    const resyncs = seated.reduce((n, s) => n + s.socket.resyncs, 0);
    acks.sort((a, b) => a - b);
    console.log(`played ${seconds.toFixed(1)} s; seats that did not finish: ${unfinished}`);
    console.log(`moves sent: ${moves}; acknowledged: ${acks.length}; resyncs asked by clients: ${resyncs}`);
    console.log(`refused: ${[...refusals].map(([k, n]) => `${k} x${n}`).join(', ') || 'none'}`);
    console.log(
      `round trip to acknowledgement: p50 ${pct(acks, 50).toFixed(1)} ms, p99 ${pct(acks, 99).toFixed(1)} ms, max ${acks[acks.length - 1]?.toFixed(1)} ms`,
    );
    console.log(`moves lost (acknowledged statements missing from the stored match): ${lost}`);
    console.log(
      `clients stuck behind the stored state > ${STUCK_MS} ms: ${stuck}; behind at the end: ${behindAtEnd}`,
    );
    console.log(
      `aim: 0 lost, 0 stuck, every seat finished: ${lost === 0 && stuck === 0 && behindAtEnd === 0 && unfinished === 0 ? 'met' : 'NOT met'}`,
    );
  } finally {
    db?.close();
    for (const s of seated) s.socket.close();
    await stopServer(server.child, dir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
