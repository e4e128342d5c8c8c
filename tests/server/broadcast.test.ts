// Protects the facilitator's notice to the class: it reaches every seat's view and the projector's (a spectator),
// stays in the state (so the replay holds it), and nobody but the facilitator can send one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seat } from '../../src/game/vocabulary';
import { LEVERS } from '../../src/game/levers';
import type { MatchSocket } from '../../src/protocol/match-socket';
import {
  type CreatedMatch,
  type Harness,
  api,
  bearer,
  connect,
  createMatch,
  facilitatorSocket,
  seatEveryone,
  startHarness,
} from './helpers';

describe('the facilitator’s broadcast', () => {
  let h: Harness;
  let match: CreatedMatch;
  let seats: Partial<Record<Seat, MatchSocket>>;
  let projector: MatchSocket;
  const post = (body: unknown, token = match.facilitatorToken) =>
    api(h.server.url, 'POST', `/api/matches/${match.matchID}/broadcast`, body, bearer(token));

  beforeAll(async () => {
    h = await startHarness();
    match = await createMatch(h.server.url, { startPaused: true });
    seats = await seatEveryone(h, match);
    await facilitatorSocket(h, match);
    projector = await connect(h, match.matchID, null);
  });
  afterAll(async () => h?.close());

  it('reaches a seat’s view and the projector’s as a public notice, cleaned', async () => {
    const res = await post({ text: '  Five minutes left in this year.\u0007 ' });
    expect(res.status).toBe(200);
    const japan = seats.japan as MatchSocket;
    await japan.until((s) => (s.state?.G.broadcasts?.length ?? 0) > 0, 5000, 'the notice at Japan');
    await projector.until(
      (s) => (s.state?.G.broadcasts?.length ?? 0) > 0,
      5000,
      'the notice on the projector',
    );
    expect(japan.state?.G.broadcasts?.at(-1)?.text).toBe('Five minutes left in this year.');
    expect(projector.state?.G.broadcasts?.at(-1)?.text).toBe('Five minutes left in this year.');
  });

  it('is refused to a seat on its socket and without the token over HTTP, and when empty or too long', async () => {
    const russia = seats.russia as MatchSocket;
    const refused = await russia.move('broadcast', { text: 'I am the teacher now' });
    expect(refused.ok).toBe(false);
    expect((await post({ text: 'from a student' }, 'not-the-token')).status).toBe(403);
    expect((await post({ text: '' })).status).toBe(400);
    const max = LEVERS.messages.statementMaxChars;
    expect((await post({ text: 'x'.repeat(max * 2 + 1) })).status).toBe(400);
    // Within the body's cap but over the rules' limit once cleaned.
    expect((await post({ text: 'x'.repeat(max + 1) })).status).toBe(409);
    // Space only passes the body's schema; the rules refuse it once cleaned.
    expect((await post({ text: '     ' })).status).toBe(409);
    await projector.until((s) => s.state !== null, 5000, 'the projector state');
    expect(projector.state?.G.broadcasts?.map((b) => b.text)).toEqual(['Five minutes left in this year.']);
  });
});
