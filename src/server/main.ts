/**
 * `npm run start:server`: the classroom server in one process. Environment: HOST (default 127.0.0.1; 0.0.0.0 opens
 * it to the classroom network), PORT (default 8000), DATA_DIR (default ./data), DIST_DIR (default ./dist),
 * EXTRA_ORIGINS (comma-separated browser origins allowed besides the server's own), EXTRA_HOSTS (comma-separated
 * `Host` names accepted besides the listening addresses), BOT_DELAY_MS, VACANT_DELAY_MS, FINISHED_MATCH_HOURS
 * (default 168) and ABANDONED_MATCH_HOURS (default 48: 0 keeps matches forever), CREATE_PER_HOUR (default 20 new
 * matches per address an hour), MAX_SOCKETS_PER_ADDRESS (default 24), BOT_WORKERS (bot planning threads; default
 * every core but one, at least 1; 0 plans on the main thread).
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

async function main(): Promise<void> {
  const host = process.env.HOST || '127.0.0.1';
  const port = intFrom('PORT', 8000, 0, 65535);
  const dataDir = path.resolve(process.env.DATA_DIR || 'data');
  const distDir = path.resolve(process.env.DIST_DIR || 'dist');
  const server = await startClassroomServer({
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
    maxSocketsPerAddress: intFrom('MAX_SOCKETS_PER_ADDRESS', 24, 1, 10_000),
    lobbyLimits: {
      finishedTtlMs: intFrom('FINISHED_MATCH_HOURS', 168, 0, 87_600) * 3_600_000,
      abandonedTtlMs: intFrom('ABANDONED_MATCH_HOURS', 48, 0, 87_600) * 3_600_000,
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
  console.log(
    `Oil & Water classroom server on ${server.url} (data in ${dataDir}, ${matches.length} stored matches)`,
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

  const stop = (signal: string) => {
    console.log(`${signal}: closing (matches are stored)`);
    void server.close().then(() => process.exit(0));
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
