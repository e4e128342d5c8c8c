// Protects persistence: SIGKILL the server mid-match, restart it, and every accepted move is still there.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEATS, type Seat, playerIDOf } from '../../src/game/vocabulary';
import { MatchSocket } from '../../src/protocol/match-socket';
import { api, createMatch, join } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

/** Starts `src/server/main.ts` as a child process; resolves with its URL once it prints it. */
function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: path.join(dataDir, 'none'),
      BOT_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /server on (http:\/\/[^\s]+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve({ child, url: found[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}

describe('a server killed with SIGKILL mid-match', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oaw-crash-'));
  const children: ChildProcess[] = [];
  const sockets: MatchSocket[] = [];
  afterAll(() => {
    for (const s of sockets) s.close();
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resumes every match at the same state, loses no accepted move, and its clients reconnect', async () => {
    const first = await startServer(dir, 0);
    children.push(first.child);
    const port = Number(new URL(first.url).port);
    const match = await createMatch(first.url, {
      phaseSeconds: { briefing: 0, diplomacy: 600, policy: 600 },
    });
    const seats = {} as Record<Seat, MatchSocket>;
    for (const seat of SEATS) {
      const joined = await join(first.url, match.seats[seat].code as string, `s-${seat}`);
      const socket = new MatchSocket({
        server: first.url,
        matchID: match.matchID,
        playerID: playerIDOf(seat),
        credentials: joined.credentials,
        websocketOnly: true,
      });
      sockets.push(socket);
      seats[seat] = socket;
      await socket.until((s) => s.state !== null, 10_000, `${seat}'s sync`);
    }
    for (const seat of SEATS) expect((await seats[seat].move('ready')).ok).toBe(true);
    await seats.japan.until((s) => s.state?.ctx.phase === 'diplomacy', 10_000, 'diplomacy');
    const status = await api<{ timer: { deadline: number } }>(
      first.url,
      'GET',
      `/api/matches/${match.matchID}/status`,
    );

    // Every seat keeps sending statements without waiting; the server dies in the middle of the stream.
    const accepted: string[] = [];
    let seen = 0;
    for (const s of Object.values(seats)) s.subscribe(() => (seen = Math.max(seen, s.state?._stateID ?? 0)));
    const streams = SEATS.map(async (seat) => {
      for (let i = 0; i < 25; i++) {
        const text = `${seat} says ${i}`;
        const answer = await seats[seat].move('makeStatement', { text });
        if (answer.ok) accepted.push(text);
        else break;
      }
    });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (accepted.length >= 40) {
          clearInterval(check);
          resolve();
        }
      }, 1);
    });
    first.child.kill('SIGKILL');
    await Promise.all(streams);
    expect(accepted.length).toBeGreaterThanOrEqual(40);
    expect(accepted.length).toBeLessThan(SEATS.length * 25);

    const second = await startServer(dir, port);
    children.push(second.child);
    // The same clients reconnect on their own and sync to the stored state.
    for (const seat of SEATS) {
      await seats[seat].until(
        (s) => s.socket.connected && s.state !== null && (s.state._stateID ?? 0) >= seen,
        15_000,
        `${seat} to reconnect`,
      );
    }
    const texts = new Set((seats.china.state?.G.messages ?? []).map((m) => m.text));
    for (const text of accepted) expect(texts.has(text), `accepted "${text}" survived`).toBe(true);
    expect(seats.china.state?._stateID).toBeGreaterThanOrEqual(seen);
    expect(seats.china.state?.ctx.phase).toBe('diplomacy');

    // The timer kept its deadline; the match plays on.
    const after = await api<{ timer: { deadline: number } }>(
      second.url,
      'GET',
      `/api/matches/${match.matchID}/status`,
    );
    expect(after.body.timer.deadline).toBe(status.body.timer.deadline);
    for (const seat of SEATS) expect((await seats[seat].move('ready')).ok).toBe(true);
    await seats.us.until((s) => s.state?.ctx.phase === 'policy', 10_000, 'policy after the restart');
    second.child.kill('SIGTERM');
  }, 90_000);
});
