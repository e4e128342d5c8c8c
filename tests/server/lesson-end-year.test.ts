// Protects the lesson's shorter era on the server: `endYear` cuts a built-in era (the synced scenario ends there)
// and a year outside the era, or with a teacher's own document, is a 400 naming endYear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './helpers';

describe('POST /api/matches with endYear', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  const create = (body: unknown) =>
    fetch(`${h.server.url}/api/matches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates a Yeltsin match that ends in 1995', async () => {
    const res = await create({ scenario: 'yeltsin-1992', endYear: 1995, seed: 'lesson' });
    expect(res.status).toBe(201);
    const { matchID } = (await res.json()) as { matchID: string };
    const status = (await (await fetch(`${h.server.url}/api/matches/${matchID}/status`)).json()) as {
      scenarioId: string;
      year: number;
    };
    expect(status.scenarioId).toBe('yeltsin-1992');
    expect(status.year).toBe(1992);
  });

  it.each([1991, 2000])('refuses endYear %i with a 400 naming the field', async (endYear) => {
    const res = await create({ scenario: 'yeltsin-1992', endYear });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/endYear: .*1992–1999/);
  });
});
