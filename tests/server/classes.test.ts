// A class of several groups (one match each) and its comparison; seats' reflections: secrecy, debrief, CSV export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEATS } from '../../src/game/vocabulary';
import type { ClassAnswer, ClassComparisonAnswer, FacilitatorAnswer } from '../../src/protocol/lobby';
import { parseReplayText, verifyReplay } from '../../src/match/replay';
import { debriefFromCheck } from '../../src/sim/debrief';
import { renderDebriefHtml } from '../../src/sim/debrief-html';
import { csvCell } from '../../src/server/reflections-csv';
import { type Harness, ManualClock, api, bearer, connect, join, startHarness } from './helpers';

describe('a class of three groups', () => {
  let h: Harness;
  let made: ClassAnswer;
  // Phase timers and stand-in bots wait on this clock, which the test never advances: only the facilitator moves.
  const clock = new ManualClock();
  const token = () => made.facilitatorToken as string;
  const matchPost = (matchID: string, route: string) =>
    api(h.server.url, 'POST', `/api/matches/${matchID}${route}`, undefined, bearer(token()));

  beforeAll(async () => {
    h = await startHarness({ clock });
    const res = await api<ClassAnswer>(h.server.url, 'POST', '/api/classes', {
      scenario: 'yeltsin-1992',
      seed: 'period-3',
      groups: 3,
      endYear: 1994,
      startPaused: false,
      reflectionPrompt: true,
      phaseSeconds: { briefing: 0, diplomacy: 0, policy: 0 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made = res.body;
  });
  afterAll(async () => h?.close());

  it('creates one match per group under one token, each with its own seed entropy and join codes', () => {
    expect(made.groups.map((g) => g.group)).toEqual([1, 2, 3]);
    expect(new Set(made.groups.map((g) => g.matchID)).size).toBe(3);
    const codes = made.groups.flatMap((g) => SEATS.map((s) => g.seats?.[s].code));
    expect(new Set(codes).size).toBe(codes.length);
    const records = made.groups.map((g) => h.server.runtime.get(g.matchID));
    expect(records.map((r) => r?.seedLabel)).toEqual(['period-3', 'period-3', 'period-3']);
    expect(new Set(records.map((r) => r?.seed)).size).toBe(3);
    expect(records.every((r) => r?.classID === made.classID && r.reflectionPrompt === true)).toBe(true);
    expect(made.link).toContain(`?class=${made.classID}#token=`);
  });

  it('refuses a bad class: too few or too many groups, a custom document, no token', async () => {
    const post = (body: unknown) => api(h.server.url, 'POST', '/api/classes', body);
    expect((await post({ scenario: 'yeltsin-1992', groups: 2 })).status).toBe(400);
    expect((await post({ scenario: 'yeltsin-1992', groups: 7 })).status).toBe(400);
    const custom = await post({ scenario: { id: 'x' }, groups: 3 });
    expect(custom.status).toBe(400);
    expect((await api(h.server.url, 'GET', `/api/classes/${made.classID}`)).status).toBe(401);
    expect(
      (await api(h.server.url, 'GET', `/api/classes/${made.classID}/comparison`, undefined, bearer('nope')))
        .status,
    ).toBe(403);
    expect((await api(h.server.url, 'GET', '/api/classes/bad%20id', undefined, bearer(token()))).status).toBe(
      400,
    );
  });

  it('keeps a reflection private to its seat and the facilitator until the end, then exports it', async () => {
    const group = made.groups[0];
    const codes = group.seats as NonNullable<typeof group.seats>;
    const japanJoin = await join(h.server.url, codes.japan.code as string, 'Aiko, "Ken"');
    expect(japanJoin.reflectionPrompt).toBe(true);
    const russiaJoin = await join(h.server.url, codes.russia.code as string, 'Boris');
    const japan = await connect(h, group.matchID, japanJoin.playerID, japanJoin.credentials);
    const russia = await connect(h, group.matchID, russiaJoin.playerID, russiaJoin.credentials);
    const projector = await connect(h, group.matchID, null);
    // Briefing → Diplomacy 1992: nothing resolved yet, 1991 is before the era.
    expect((await matchPost(group.matchID, '/advance')).status).toBe(200);
    await japan.until((s) => s.state?.ctx.phase === 'diplomacy', 5000, 'diplomacy 1992');
    expect((await japan.move('reflect', { year: 1991, text: 'too early' })).ok).toBe(false);
    expect((await japan.move('reflect', { year: 1992, text: '   ' })).ok).toBe(false);
    const text = '=We rejected, "because" the Diet\nwould not ratify it';
    expect((await japan.move('reflect', { year: 1992, text })).ok).toBe(true);
    await japan.until((s) => (s.state?.G.reflections?.length ?? 0) === 1, 5000, 'the own reflection');
    expect(japan.state?.G.reflections?.[0]).toEqual({ seat: 'japan', year: 1992, text });
    // Another seat and the projector got the same update, without it (nor its text anywhere in the wire state).
    await russia.until((s) => s.state?.ctx.phase === 'diplomacy', 5000, 'russia in diplomacy');
    for (const other of [russia, projector]) {
      expect(other.state?.G.reflections ?? []).toEqual([]);
      expect(JSON.stringify(other.state)).not.toContain('would not ratify');
    }
    // The CSV needs the token, and quotes and defuses what the student typed.
    const csvRoute = `/api/matches/${group.matchID}/reflections.csv`;
    expect((await api(h.server.url, 'GET', csvRoute)).status).toBe(401);
    const csv = await api<string>(h.server.url, 'GET', csvRoute, undefined, bearer(token()));
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('match,group,seat,country,year,students,reflection\r\n');
    expect(csv.body).toContain(
      `${group.matchID},1,japan,Japan,1992,"Aiko, ""Ken""","'=We rejected, ""because"" the Diet\nwould not ratify it"\r\n`,
    );

    // In the teacher's language: the header and the country worded, the seat kept as its id; an unknown one refused.
    const ja = await api<string>(h.server.url, 'GET', `${csvRoute}?lang=ja`, undefined, bearer(token()));
    expect(ja.body).toMatch(/^対局,グループ,席,国,年,生徒,振り返り\r\n/);
    expect(ja.body).toContain(`${group.matchID},1,japan,日本,1992,`);
    const xx = await api<{ error: string }>(
      h.server.url,
      'GET',
      `${csvRoute}?lang=xx`,
      undefined,
      bearer(token()),
    );
    expect(xx.status).toBe(400);
    expect(xx.body.error).toBe('lang "xx": expected one of en, ja, ru, ko, zh');
    // The console offers the file where reflections were asked for.
    const facilitator = await api<FacilitatorAnswer>(
      h.server.url,
      'GET',
      `/api/matches/${group.matchID}/facilitator`,
      undefined,
      bearer(token()),
    );
    expect(facilitator.body.reflectionPrompt).toBe(true);

    // After the end every seat sees it, and the debrief lists it in Japan's section only.
    expect((await matchPost(group.matchID, '/end')).status).toBe(200);
    await russia.until(
      (s) => (s.state?.G.reflections?.length ?? 0) === 1,
      5000,
      'the reflection revealed at the end',
    );
    const replay = await api(h.server.url, 'GET', `/api/matches/${group.matchID}/replay`);
    const parsed = parseReplayText(JSON.stringify(replay.body));
    expect(parsed.ok).toBe(true);
    const check = parsed.ok ? verifyReplay(parsed.replay) : null;
    expect(check?.ok).toBe(true);
    if (!check?.ok) return;
    const debrief = debriefFromCheck(check);
    expect(debrief.seats.find((s) => s.seat === 'japan')?.reflections).toEqual([{ year: 1992, text }]);
    expect(debrief.seats.find((s) => s.seat === 'russia')?.reflections).toEqual([]);
    const html = renderDebriefHtml(debrief);
    expect(html).toContain('Reflections');
    expect(html).toContain('&quot;because&quot;');
  });

  it('compares the finished groups with each other, history and the simulator’s spread', async () => {
    // Groups 2 and 3 play one year (every seat idle: the facilitator advances), then the facilitator ends them.
    for (const group of made.groups.slice(1)) {
      for (let i = 0; i < 3; i++) expect((await matchPost(group.matchID, '/advance')).status).toBe(200);
      expect(h.server.runtime.status(group.matchID)?.year).toBe(1993);
      expect((await matchPost(group.matchID, '/end')).status).toBe(200);
    }
    const route = `/api/classes/${made.classID}/comparison`;
    let answer: ClassComparisonAnswer | undefined;
    // The simulator's runs play on worker threads; the answer says `pending` until they are done.
    for (let tries = 0; tries < 600; tries++) {
      const res = await api<ClassComparisonAnswer>(h.server.url, 'GET', route, undefined, bearer(token()));
      expect(res.status).toBe(200);
      answer = res.body;
      if (answer.spread.status !== 'pending') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer?.endYear).toBe(1994);
    expect(answer?.groups.map((g) => [g.group, g.finished, g.reason, g.territorial, g.treaty])).toEqual([
      [1, true, 'facilitator', 'none', null],
      [2, true, 'facilitator', 'none', null],
      [3, true, 'facilitator', 'none', null],
    ]);
    for (const g of answer?.groups ?? []) expect(Object.keys(g.scores).sort()).toEqual([...SEATS].sort());
    // Groups 2 and 3 reached the end of 1992: their indicators and history cells come from that snapshot.
    expect(answer?.groups[1].year).toBe(1993);
    expect(Object.keys(answer?.groups[1].indicators ?? {})).toEqual(answer?.indicators.map((i) => i.id));
    expect(answer?.groups[1].history.total).toBeGreaterThan(0);
    expect(answer?.history).toMatchObject({ territorial: 'none', treaty: null });
    expect(Object.keys(answer?.history.levels ?? {}).length).toBeGreaterThan(0);
    const spread = answer?.spread;
    expect(spread?.status).toBe('ready');
    if (spread?.status !== 'ready') return;
    expect(spread.runs).toBe(12);
    expect(spread.territorial.none + spread.territorial.partial + spread.territorial.full).toBe(12);
    expect(spread.scores.japan.n).toBe(12);
    expect(spread.indicators.russiaRung.n).toBe(12);
    for (const g of answer?.groups ?? []) expect(g.percentiles?.japan).toBeGreaterThanOrEqual(0);
    // The class page's listing still names every group.
    const listing = await api<ClassAnswer>(
      h.server.url,
      'GET',
      `/api/classes/${made.classID}`,
      undefined,
      bearer(token()),
    );
    expect(listing.body.groups.map((g) => [g.exists, g.status?.finished])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  }, 90_000);
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(1993)).toBe('1993');
  });
});
