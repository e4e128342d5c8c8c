/**
 * `npm run start:server`: the classroom server in one process. Environment: HOST (default 127.0.0.1; 0.0.0.0 opens
 * it to the classroom network), PORT (default 8000), DATA_DIR (default ./data), DIST_DIR (default ./dist),
 * EXTRA_ORIGINS (comma-separated browser origins allowed besides the server's own), EXTRA_HOSTS (comma-separated
 * `Host` names accepted besides the listening addresses), BOT_DELAY_MS, VACANT_DELAY_MS, FINISHED_MATCH_HOURS
 * (default 168) and ABANDONED_MATCH_HOURS (default 48: 0 keeps matches forever), CREATE_PER_HOUR (default 20 new
 * matches per address an hour), MAX_SOCKETS_PER_ADDRESS (default 24), BOT_WORKERS (bot planning threads; default
 * every core but one, at least 1; 0 plans on the main thread).
 *
 * A whole school (README, "Running it for a whole school"): DATABASE_URL (postgres://…: matches on Postgres instead of
 * SQLite; DATABASE_SCHEMA, default public), REDIS_URL (redis://…: one of several processes behind one address;
 * needs DATABASE_URL), REDIS_PREFIX (default `oaw:`), CLUSTER_URL (this process's address as the others reach it;
 * default http://HOST:PORT, with 127.0.0.1 for 0.0.0.0), LEASE_MS (default 6000: how soon a dead process's matches
 * move) and DRAIN_MS (default 10000: how long SIGTERM waits for queued moves before disconnecting the sockets).
 */
import path from 'node:path';
import { startClassroomServer } from './app';
import { DEFAULT_RUNTIME } from './runtime';
import { lanAddresses } from './http-util';

function intFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

/** A number of hours, fractions allowed (0.5 is half an hour). */
function hoursFrom(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    console.error(`${name} must be a number of hours from 0 to ${max}, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const host = process.env.HOST || '127.0.0.1';
  const port = intFrom('PORT', 8000, 0, 65535);
  const dataDir = path.resolve(process.env.DATA_DIR || 'data');
  const distDir = path.resolve(process.env.DIST_DIR || 'dist');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const leaseMs = intFrom('LEASE_MS', 6000, 1000, 600_000);
  const drainMs = intFrom('DRAIN_MS', 10_000, 0, 600_000);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const server = await startClassroomServer({
    databaseUrl,
    databaseSchema: process.env.DATABASE_SCHEMA || undefined,
    redisUrl,
    cluster: {
      prefix: process.env.REDIS_PREFIX || 'oaw:',
      leaseMs,
      renewMs: Math.max(250, Math.floor(leaseMs / 4)),
      ...(process.env.CLUSTER_URL
        ? { selfUrl: process.env.CLUSTER_URL }
        : port !== 0
          ? { selfUrl: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}` }
          : {}),
    },
    host,
    port,
    dataDir,
    distDir,
    extraOrigins: (process.env.EXTRA_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    extraHosts: (process.env.EXTRA_HOSTS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: (process.env.TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    maxSocketsPerAddress: intFrom('MAX_SOCKETS_PER_ADDRESS', 24, 1, 10_000),
    lobbyLimits: {
      finishedTtlMs: Math.round(hoursFrom('FINISHED_MATCH_HOURS', 168, 87_600) * 3_600_000),
      abandonedTtlMs: Math.round(hoursFrom('ABANDONED_MATCH_HOURS', 48, 87_600) * 3_600_000),
      createBurst: intFrom('CREATE_PER_HOUR', 20, 1, 10_000),
      createPerHour: intFrom('CREATE_PER_HOUR', 20, 1, 10_000),
    },
    runtime: {
      botDelayMs: intFrom('BOT_DELAY_MS', 1500, 0, 600_000),
      vacantDelayMs: intFrom('VACANT_DELAY_MS', 45_000, 0, 3_600_000),
      // Bot planning threads: 0 plans on the main thread (which then stalls every socket while a bot thinks).
      botWorkers: intFrom('BOT_WORKERS', DEFAULT_RUNTIME.botWorkers, 0, 16),
    },
  });
  const matches = server.runtime.list();
  const where = databaseUrl ? 'data on Postgres' : `data in ${dataDir}`;
  const cluster = server.cluster ? `, cluster member ${server.cluster.id}` : '';
  console.log(
    `Oil & Water classroom server on ${server.url} (${where}, ${matches.length} matches served here${cluster})`,
  );
  if (!server.clientBuilt)
    console.log(
      `  the browser client is not built (${distDir} is empty): run \`npx vite build\` and restart`,
    );
  console.log(`  play solo or hot-seat against bots: open ${server.url}/`);
  console.log(`  teacher: open ${server.url}/classroom.html to create a class match`);
  if (host === '0.0.0.0' || host === '::') {
    for (const address of lanAddresses())
      console.log(`  students: http://${address}:${server.port}/classroom.html`);
  } else {
    console.log('  only this computer can connect; set HOST=0.0.0.0 to open it to the classroom network');
  }
  for (const r of matches.filter((m) => !m.finished))
    console.log(`  resumed match ${r.matchID} (${r.scenarioId})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining sockets (at most ${drainMs} ms), then closing (matches are stored)`);
    void server.close({ drainMs }).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[classroom] shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // A failing promise somewhere must not take every class's match down with it.
  process.on('unhandledRejection', (reason) => console.error('[classroom] unhandled rejection:', reason));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`the classroom server could not start: ${message}`);
  process.exit(1);
});
