/**
 * The cluster and queue suites need a real Postgres and a real Redis (never skipped). `npm test` runs this after
 * ensure-chromium: when either does not answer at TEST_DATABASE_URL / TEST_REDIS_URL (tests/services.ts), and this is
 * Debian and we are root, it installs Debian's `postgresql` and `redis-server` with apt-get, starts them (Postgres
 * as its own user through pg_ctlcluster, Redis with `redis-server --daemonize yes`) and creates the test role and
 * database; otherwise the run stops with the exact commands to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../tests/services';
import { aptInstall, debianWithApt, executable } from './apt';

const PACKAGES = ['postgresql', 'redis-server'];

interface PgTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

function pgTarget(url: string): PgTarget {
  const u = new URL(url);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw new Error(`TEST_DATABASE_URL must be a postgres:// URL, not "${url}"`);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'oilwater'),
    password: decodeURIComponent(u.password || ''),
    database: decodeURIComponent(u.pathname.replace(/^\//, '') || 'oilwater_test'),
  };
}

function redisTarget(url: string): { host: string; port: number } {
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`TEST_REDIS_URL must be a redis:// URL, not "${url}"`);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) };
}

/** Whether something accepts TCP connections there (within a second). */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Whether the test role can log in to the test database (pg itself answers). */
async function pgUsable(target: PgTarget): Promise<string | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ ...target, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlName = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The SQL that creates the test role and database (run as the postgres user). */
function setupSql(t: PgTarget): string[] {
  return [
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${sqlString(t.user)}) THEN CREATE ROLE ${sqlName(t.user)} LOGIN PASSWORD ${sqlString(t.password)}; ELSE ALTER ROLE ${sqlName(t.user)} LOGIN PASSWORD ${sqlString(t.password)}; END IF; END $$;`,
  ];
}

/** The test database in UTF-8 whatever the cluster's locale (a cluster made without one would be SQL_ASCII). */
function createdbArgs(t: PgTarget): string[] {
  return [
    'createdb',
    '-E',
    'UTF8',
    '-T',
    'template0',
    '--lc-collate=C.UTF-8',
    '--lc-ctype=C.UTF-8',
    '-O',
    t.user,
    t.database,
  ];
}

function manualCommands(t: PgTarget, root: boolean): string {
  const sudo = root ? '' : 'sudo ';
  const asPg = root ? 'runuser -u postgres --' : 'sudo -u postgres';
  return [
    `${sudo}apt-get install -y ${PACKAGES.join(' ')}`,
    `${sudo}pg_ctlcluster 15 main start   # the installed version: ls /usr/lib/postgresql`,
    `${sudo}redis-server --daemonize yes`,
    `${asPg} psql -c "CREATE ROLE ${t.user} LOGIN PASSWORD '${t.password}'"`,
    `${asPg} ${createdbArgs(t).join(' ')}`,
  ].join('\n  ');
}

function pgVersions(): string[] {
  const dir = '/usr/lib/postgresql';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
}

function asPostgres(args: string[]): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', stdio: 'pipe' });
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not come up within 30 s`);
}

/** Makes sure the test Postgres and Redis answer, installing and starting them when that is possible here. */
export async function ensureServices(): Promise<void> {
  const pgT = pgTarget(TEST_DATABASE_URL);
  const redisT = redisTarget(TEST_REDIS_URL);
  const local = (h: string) => h === '127.0.0.1' || h === 'localhost' || h === '::1';
  const pgUp = await listening(pgT.host, pgT.port);
  const redisUp = await listening(redisT.host, redisT.port);
  let pgProblem = pgUp ? await pgUsable(pgT) : 'not listening';
  if (pgProblem === null && redisUp) return;

  const root = process.getuid?.() === 0;
  const debian = debianWithApt();
  const fixable = root && debian && local(pgT.host) && local(redisT.host);
  if (!fixable) {
    const what = [
      pgProblem !== null ? `Postgres at ${pgT.host}:${pgT.port} (${pgProblem})` : '',
      redisUp ? '' : `Redis at ${redisT.host}:${redisT.port} (not listening)`,
    ]
      .filter(Boolean)
      .join(' and ');
    throw new Error(
      `the cluster tests need ${what}. Run:\n  ${manualCommands(pgT, root)}\n` +
        '(or point TEST_DATABASE_URL and TEST_REDIS_URL at a Postgres and a Redis you run)',
    );
  }

  const missing = [
    pgVersions().length === 0 || !executable('/usr/bin/pg_ctlcluster') ? 'postgresql' : '',
    executable('/usr/bin/redis-server') ? '' : 'redis-server',
  ].filter(Boolean);
  if (missing.length > 0) {
    console.log(`installing Debian's ${missing.join(' ')} for the cluster tests (about a minute)`);
    aptInstall(missing);
  }

  if (!redisUp) {
    console.log(`starting redis-server on port ${redisT.port}`);
    execFileSync(
      'redis-server',
      ['--daemonize', 'yes', '--port', String(redisT.port), '--bind', '127.0.0.1', '--save', ''],
      { stdio: 'inherit' },
    );
    await waitFor('redis-server', () => listening(redisT.host, redisT.port));
  }

  if (!pgUp) {
    const version = pgVersions()[0];
    if (!version) throw new Error('postgresql is installed but /usr/lib/postgresql holds no version');
    const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
    if (!clusters.split('\n').some((l) => l.startsWith(`${version} main`))) {
      console.log(`creating the Postgres ${version} cluster "main" on port ${pgT.port}`);
      execFileSync('pg_createcluster', [version, 'main', '--port', String(pgT.port)], { stdio: 'inherit' });
    }
    console.log(`starting Postgres ${version}/main (as the postgres user)`);
    execFileSync('pg_ctlcluster', [version, 'main', 'start'], { stdio: 'inherit' });
    await waitFor('Postgres', () => listening(pgT.host, pgT.port));
  }

  pgProblem = await pgUsable(pgT);
  if (pgProblem !== null) {
    console.log(`creating the Postgres role ${pgT.user} and database ${pgT.database}`);
    for (const sql of setupSql(pgT)) asPostgres(['psql', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
    const exists = asPostgres([
      'psql',
      '-tAc',
      `SELECT 1 FROM pg_database WHERE datname = ${sqlString(pgT.database)}`,
    ]).trim();
    if (exists !== '1') asPostgres(createdbArgs(pgT));
    pgProblem = await pgUsable(pgT);
    if (pgProblem !== null)
      throw new Error(`Postgres still refuses ${pgT.user}@${pgT.database} after setup: ${pgProblem}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureServices().then(
    () => console.log(`Postgres (${pgTarget(TEST_DATABASE_URL).database}) and Redis answer`),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
