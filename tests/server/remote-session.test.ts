// Protects the map UI's link to a class match: two students' RemoteSessions play a round against four bot seats on a
// real server, through `dispatch` only, and never hold another seat's secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalProposals, nextOrderChoices } from '../../src/game/legal';
import { RemoteSession } from '../../src/client/classroom/remote-session';
import type { GameSession } from '../../src/client/session';
import { SEATS, type Seat } from '../../src/game/vocabulary';
import { type CreatedMatch, type Harness, api, bearer, createMatch, join, startHarness } from './helpers';
import { scenarioOf } from '../../src/game/scenario-registry';

/** Resolves once `test` holds on the session (checked on every change), or fails naming `what`. */
function until(
  session: RemoteSession,
  test: (s: RemoteSession) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  if (test(session)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const stop = session.subscribe(() => {
      if (!test(session)) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe('RemoteSession over a class match', () => {
  let h: Harness;
  let match: CreatedMatch;
  const sessions: Partial<Record<Seat, RemoteSession>> = {};
  let russia: RemoteSession;
  let japan: RemoteSession;
  /** Anything a session ever held that belongs to another seat. */
  const leaks: string[] = [];
  const errors: string[] = [];

  const post = (route: string) =>
    api(
      h.server.url,
      'POST',
      `/api/matches/${match.matchID}${route}`,
      undefined,
      bearer(match.facilitatorToken),
    );

  beforeAll(async () => {
    h = await startHarness();
    match = await createMatch(h.server.url, {
      seed: 'remote-1',
      bots: { china: 'random', us: 'random', rok: 'random', dprk: 'random' },
      startPaused: true,
      phaseSeconds: { briefing: 600, diplomacy: 600, policy: 600 },
    });
    for (const seat of ['russia', 'japan'] as const) {
      const code = match.seats[seat].code;
      if (!code) throw new Error(`no join code for ${seat}`);
      const joined = await join(h.server.url, code, `student-${seat}`);
      const session = new RemoteSession({
        server: h.server.url,
        matchID: match.matchID,
        seat,
        credentials: joined.credentials,
        websocketOnly: true,
      });
      session.onError = (message) => errors.push(`${seat}: ${message}`);
      session.subscribe(() => {
        if (!session.synced) return;
        const v = session.view();
        for (const other of SEATS) {
          if (other === seat) continue;
          if (v.agendas[other] !== null) leaks.push(`${seat} held ${other}'s agenda`);
          if (v.orders[other] !== null) leaks.push(`${seat} held ${other}'s orders`);
        }
        for (const m of v.messages)
          if (m.to !== 'all' && m.from !== seat && m.to !== seat)
            leaks.push(`${seat} held a private message`);
      });
      sessions[seat] = session;
      await session.ready();
    }
    russia = sessions.russia as RemoteSession;
    japan = sessions.japan as RemoteSession;
  });
  afterAll(async () => {
    for (const s of Object.values(sessions)) s?.close();
    await h?.close();
  });

  it('syncs to the briefing with the scenario document, one seat, and no seed', () => {
    for (const [seat, s] of [
      ['russia', russia],
      ['japan', japan],
    ] as const) {
      expect(s.phase()).toBe('briefing');
      expect(s.over()).toBe(false);
      expect(s.activeSeat()).toBe(seat);
      expect(s.humanSeats).toEqual([seat]);
      expect(s.seed).toBeNull();
      expect(s.scenario.id).toBe('yeltsin-1992');
      expect(scenarioOf(s.view()).id).toBe('yeltsin-1992');
      expect((s as GameSession).replay).toBeUndefined();
    }
  });

  it('shows the facilitator’s pause and surfaces the server’s refusal of a move made while paused', async () => {
    await until(japan, (s) => s.classroom()?.paused === true, 'the paused status');
    expect(japan.dispatch('ready')).toBe(true);
    await until(japan, (s) => s.lastError !== null, 'the refusal');
    expect(japan.lastError).toMatchObject({ move: 'ready', code: 'paused' });
    expect(errors.at(-1)).toMatch(/^japan: .*paused/);
    expect(japan.view().ready.japan).toBe(false);

    expect((await post('/resume')).status).toBe(200);
    await until(
      japan,
      (s) => s.classroom()?.paused === false && (s.classroom()?.remainingMs ?? 0) > 0,
      'the running phase clock',
    );
    const clock = japan.classroom();
    expect(clock?.remainingMs).toBeLessThanOrEqual(600_000);
    expect(clock?.connected).toBe(true);
  });

  it('plays a round through dispatch: propose, respond, message, ready, commit, and the year advances', async () => {
    // Bots are ready at once; the two students read their briefing.
    expect(japan.waitingFor()).toEqual(expect.arrayContaining(['russia', 'japan']));
    for (const s of [russia, japan]) expect(s.dispatch('ready')).toBe(true);
    await until(japan, (s) => s.phase() === 'diplomacy', 'diplomacy');
    await until(russia, (s) => s.phase() === 'diplomacy', 'diplomacy for russia');
    const year = japan.view().year;
    const round = japan.view().round;
    expect(japan.view().agendas.japan).not.toBeNull();
    expect(russia.view().agendas.russia).not.toBeNull();

    // Japan proposes a summit to Russia; Russia accepts it.
    const summit = legalProposals(japan.view(), 'japan', ['summit']).find((p) => p.to === 'russia');
    expect(summit).toBeDefined();
    expect(japan.dispatch('propose', summit)).toBe(true);
    await until(
      russia,
      (s) => s.view().proposals.some((p) => p.from === 'japan' && p.to === 'russia' && p.status === 'open'),
      'the proposal',
    );
    const proposal = russia.view().proposals.find((p) => p.from === 'japan' && p.status === 'open');
    expect(russia.dispatch('respond', { id: proposal?.id, accept: true })).toBe(true);
    await until(
      japan,
      (s) => s.view().proposals.some((p) => p.id === proposal?.id && p.status === 'accepted'),
      'the acceptance',
    );

    // A private message reaches Russia only.
    expect(japan.dispatch('sendMessage', { to: 'russia', text: 'Shall we talk about Shikotan?' })).toBe(true);
    await until(
      russia,
      (s) => s.view().messages.some((m) => m.text === 'Shall we talk about Shikotan?'),
      'the message',
    );

    // The end of diplomacy, then orders.
    for (const s of [russia, japan]) expect(s.dispatch('ready')).toBe(true);
    await until(japan, (s) => s.phase() === 'policy', 'policy');
    await until(russia, (s) => s.phase() === 'policy', 'policy for russia');
    for (const [seat, s] of [
      ['russia', russia],
      ['japan', japan],
    ] as const) {
      const first = nextOrderChoices(s.view(), seat, [])[0];
      expect(s.dispatch('commitOrders', { orders: first ? [first] : [] })).toBe(true);
    }
    for (const s of [russia, japan]) {
      await until(s, (x) => x.phase() === 'diplomacy' && x.view().year === year + 1, 'the next year');
      expect(s.view().round).toBe(round + 1);
      expect(s.view().history.length).toBe(1);
    }
    expect(japan.lastError).toBeNull();
    expect(errors).toEqual(['japan: the facilitator has paused the match: wait for them to resume it']);
  });

  it('surfaces a move the rules refuse with the server’s message', async () => {
    expect(russia.dispatch('respond', { id: 'p999', accept: true })).toBe(true);
    await until(russia, (s) => s.lastError !== null, 'the refusal');
    expect(russia.lastError).toMatchObject({
      move: 'respond',
      code: 'refused',
      message: 'the rules refused respond now',
    });
    expect(errors.at(-1)).toBe('russia: the rules refused respond now');
  });

  it('never held another seat’s secrets, and learns the seed only at the end', async () => {
    expect(leaks).toEqual([]);
    expect(JSON.stringify(japan.view())).not.toContain(JSON.stringify(russia.view().agendas.russia));
    expect((await post('/end')).status).toBe(200);
    await until(japan, (s) => s.over(), 'the end');
    // The teacher's seed is a label: the match seed mixes in 128 bits of server entropy (lobby.ts).
    expect(japan.seed).toMatch(/^remote-1~[A-Za-z0-9_-]{22}$/);
    expect(japan.waitingFor()).toEqual([]);
    expect(japan.dispatch('ready')).toBe(false);
    expect(japan.classroom()?.finished).toBe(true);
  });
});
