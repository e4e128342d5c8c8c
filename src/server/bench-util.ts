/**
 * Shared by the server benchmarks (bench.ts, bench-bots-server.ts, bench-soak.ts, bench-cluster.ts) and the cluster
 * test: the classroom server as a child process on 127.0.0.1 with its data in a given directory, or as one process of
 * a cluster on Postgres and Redis; a free port, a JSON POST, and percentiles. Benchmarks print figures; they are not tests.
 */
import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A port free on 127.0.0.1 now (the OS picks it), for a server started on a port chosen in advance. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One process of a cluster on one Postgres and one Redis: its port, its peers, and the store they share. */
export interface ClusterProcess {
  port: number;
  /** Every process of the cluster as `host:port`, comma-separated (EXTRA_HOSTS). */
  hosts: string;
  databaseUrl: string;
  schema: string;
  redisUrl: string;
  redisPrefix: string;
}

/**
 * Starts one process of a cluster: `src/server/main.ts` in production on 127.0.0.1, no built client, no bot workers
 * or bot delay, vacant seats left to their players for an hour; `env` adds or overrides settings.
 */
export function spawnClusterProcess(
  c: ClusterProcess,
  env: Record<string, string>,
  stdio: StdioOptions,
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(c.port),
      DIST_DIR: path.join(ROOT, 'no-such-dist'),
      DATABASE_URL: c.databaseUrl,
      DATABASE_SCHEMA: c.schema,
      REDIS_URL: c.redisUrl,
      REDIS_PREFIX: c.redisPrefix,
      EXTRA_HOSTS: c.hosts,
      BOT_WORKERS: '0',
      BOT_DELAY_MS: '0',
      VACANT_DELAY_MS: '3600000',
      ...env,
    },
    stdio,
  });
}

/** A running server child and its URL. */
export interface ServerChild {
  child: ChildProcess;
  url: string;
}

/**
 * Starts `src/server/main.ts` on 127.0.0.1 (a free port unless `env.PORT` says which) with its data in `dataDir`.
 * The abuse limits meant for a classroom (matches created and sockets per address) are lifted: every benchmark
 * client comes from 127.0.0.1.
 */
export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerChild> {
  const prof = process.env.SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.resolve('src/server/main.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: path.join(dataDir, 'none'),
      BOT_DELAY_MS: '0',
      CREATE_PER_HOUR: '10000',
      MAX_SOCKETS_PER_ADDRESS: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /server on (http:\/\/[^\s]+)/.exec(out);
      if (found) resolve({ child, url: found[1] });
    });
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}): ${out}`)));
  });
}

/** Stops a benchmark's server (SIGTERM, a moment to close its database) and removes its data folder. */
export async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** POSTs JSON and returns the JSON answer; a non-2xx answer throws with its body. */
export async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The p-th percentile of an ascending array (NaN when empty). */
export const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** A whole-number environment setting, or the fallback; anything else stops the benchmark with a clear message. */
export function envInt(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be a whole number >= ${min}, not "${raw}"`);
    process.exit(2);
  }
  return value;
}
