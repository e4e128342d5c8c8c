/**
 * Where the test suites find Postgres and Redis. One module, so the server cluster tests and the simulation queue
 * tests agree; `scripts/ensure-services.ts` makes sure both answer before `npm test` runs the suites.
 *
 * TEST_DATABASE_URL: a Postgres database the tests may create and drop schemas in.
 * TEST_REDIS_URL: a Redis the tests may write keys under their own per-run prefix to.
 */
export const TEST_DATABASE_URL: string =
  process.env.TEST_DATABASE_URL ?? 'postgres://oilwater:oilwater@127.0.0.1:5432/oilwater_test';

export const TEST_REDIS_URL: string = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A name unique to this test run (and process), for a Postgres schema or a Redis key prefix. */
export function runTag(label: string): string {
  const rand = Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return `${label}_${process.pid}_${Date.now().toString(36)}_${rand}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
}
