// Protects the projected map and the client's pure helpers: geography in place, hit-testing, colours, details with their sources, chart series and start options.
import { describe, expect, it } from 'vitest';
import mapJson from '../assets/map/northeast-asia.json';
import { ISLANDS, SEATS, perSeat } from '../src/game/vocabulary';
import { createInitialState } from '../src/game/state';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';
import { CHARTS, chartColumns } from '../src/client/chart-data';
import { detailFor } from '../src/client/details';
import {
  capitals,
  decodeMap,
  decodeRing,
  encodeRing,
  hitTest,
  inRing,
  trustSegment,
  type MapFile,
} from '../src/client/map/geometry';
import { dashes, trustColour, trustWidth } from '../src/client/map/palette';
import { meanScores, shippedBaseline } from '../src/client/baseline';
import { optionsFromQuery, startProblem } from '../src/client/start-options';

const map = decodeMap(mapJson as unknown as MapFile);
const scenario = builtinScenario('yeltsin-1992')!;
const view = createInitialState(scenario, '7');

describe('the projected map', () => {
  it('has the six seats’ countries and each disputed island’s coastline', () => {
    const seats = new Set(map.countries.map((c) => c.seat).filter(Boolean));
    for (const s of ['russia', 'japan', 'china', 'rok', 'dprk']) expect(seats.has(s)).toBe(true);
    for (const island of ISLANDS) {
      expect(map.islands[island].rings.length).toBeGreaterThan(0);
      const [x, y] = map.islands[island].at;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(map.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(map.height);
    }
  });

  it('puts Tokyo in Japan, Beijing in China and Seoul in South Korea', () => {
    const landOf = (x: number, y: number) =>
      map.countries.find((c) => c.rings.some((r) => inRing(r, x, y)))?.seat;
    expect(landOf(...map.cities.tokyo)).toBe('japan');
    expect(landOf(...map.cities.beijing)).toBe('china');
    expect(landOf(...map.cities.seoul)).toBe('rok');
    expect(landOf(...map.cities.pyongyang)).toBe('dprk');
    expect(landOf(...map.cities.vladivostok)).toBe('russia');
  });

  it('orders the islands south-west to north-east, east of Hokkaido', () => {
    const xs = ISLANDS.map((i) => map.islands[i].at[0]);
    expect(map.islands.etorofu.at[0]).toBe(Math.max(...xs));
    expect(map.islands.etorofu.at[1]).toBeLessThan(map.islands.habomai.at[1]);
    expect(Math.min(...xs)).toBeGreaterThan(map.cities.sapporo[0]);
  });

  it('has a route for every energy project of every built-in era', () => {
    for (const id of BUILTIN_IDS) {
      for (const p of builtinScenario(id)!.projects) {
        const route = map.projects[p.id];
        expect(route, `${id}: ${p.id}`).toBeDefined();
        expect(route.map.length + route.inset.length, `${id}: ${p.id}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('the stored map', () => {
  it('stores coastlines as half-pixel steps and decodes them to the same points', () => {
    const ring = [-2, 283.5, -1, 284, 10, 322.5, 1023.5, 0];
    const steps = encodeRing(ring);
    expect(steps).toEqual([-4, 567, 2, 1, 22, 77, 2027, -645]);
    expect(decodeRing(steps)).toEqual(ring);
    // Decoded, every coastline point lies on the half-pixel grid within the map and inset, and rings are closed shapes.
    for (const c of [...map.countries, ...map.inset.countries])
      for (const r of c.rings) {
        expect(r.length % 2).toBe(0);
        expect(r.length).toBeGreaterThanOrEqual(6);
        for (const v of r) expect(Number.isInteger(v * 2) && v >= -10 && v <= map.width + 10).toBe(true);
      }
    // The stored file itself holds steps, not pixels: some step of China's coastline is negative.
    const stored = (mapJson as unknown as MapFile).countries.find((c) => c.seat === 'china')!;
    expect(stored.rings.flat().some((v) => v < 0 && v !== -2 && v !== -1)).toBe(true);
  });
});

describe('hit-testing', () => {
  it('finds each island at its marker', () => {
    for (const island of ISLANDS)
      expect(hitTest(map, ...map.islands[island].at, [])).toEqual({ type: 'island', island });
  });

  it('picks Etorofu, not the fishing grounds around it, on its marker, land, garrison ticks and name', () => {
    const [x, y] = map.islands.etorofu.at;
    const xs = map.islands.etorofu.rings[0].filter((_, i) => i % 2 === 0);
    const ys = map.islands.etorofu.rings[0].filter((_, i) => i % 2 === 1);
    // A point of land away from the marker: the ring's vertex farthest from it, nudged toward the marker.
    let far = 0;
    for (let i = 1; i < xs.length; i++)
      if (Math.hypot(xs[i] - x, ys[i] - y) > Math.hypot(xs[far] - x, ys[far] - y)) far = i;
    const land: [number, number] = [xs[far] + (x - xs[far]) * 0.1, ys[far] + (y - ys[far]) * 0.1];
    const points: [number, number][] = [[x, y], [x + 6, y - 6], land, [x - 2, y - 15], [x + 30, y - 4]];
    // The points lie in the fishing grounds and beyond the marker's pick radius: the test could fail.
    expect(points.filter(([px, py]) => inRing(map.fishing, px, py)).length).toBeGreaterThan(2);
    expect(points.filter(([px, py]) => Math.hypot(px - x, py - y) > 12).length).toBeGreaterThan(2);
    for (const [px, py] of points)
      expect(hitTest(map, px, py, []), `${px},${py}`).toEqual({ type: 'island', island: 'etorofu' });
  });

  it('finds each seat at its capital', () => {
    const caps = capitals(map);
    for (const seat of SEATS) expect(hitTest(map, ...caps[seat], [])).toEqual({ type: 'country', seat });
  });

  it('finds a directed trust line along its length, most of them at their midpoint', () => {
    let own = 0;
    for (const a of SEATS) {
      for (const b of SEATS) {
        if (a === b) continue;
        const [[x1, y1], [x2, y2]] = trustSegment(map, a, b);
        const hit = hitTest(map, (x1 + x2) / 2, (y1 + y2) / 2, []);
        if (hit?.type === 'trust' && hit.from === a && hit.to === b) own += 1;
      }
    }
    expect(own).toBeGreaterThanOrEqual(20);
  });

  it('finds open sea far from everything as nothing', () => {
    expect(hitTest(map, map.width - 20, map.height - 20, [])).toBeNull();
  });
});

describe('palette', () => {
  it('tells low trust from high trust by colour and width', () => {
    expect(trustColour(0)).not.toBe(trustColour(100));
    expect(trustColour(50)).not.toBe(trustColour(0));
    expect(trustWidth(100)).toBeGreaterThan(trustWidth(0));
  });

  it('splits a line into dashes that stay on it', () => {
    const parts = dashes([0, 0, 100, 0], [10, 10]);
    expect(parts).toHaveLength(5);
    for (const d of parts) for (let i = 1; i < d.length; i += 2) expect(d[i]).toBe(0);
    expect(dashes([0, 0, 100, 0], [])).toEqual([[0, 0, 100, 0]]);
  });
});

describe('details and charts', () => {
  it('shows an island’s numbers from the view', () => {
    const d = detailFor(view, { type: 'island', island: 'kunashiri' });
    const garrison = d.rows.find(([k]) => k.startsWith('Garrison'));
    expect(garrison?.[1]).toBe(String(view.islands.kunashiri.garrison));
    expect(d.sources.length).toBeGreaterThan(0);
  });

  it('quotes the paper behind Japan’s trust in Russia', () => {
    const d = detailFor(view, { type: 'trust', from: 'japan', to: 'russia' });
    expect(d.rows[0][1]).toBe(String(view.trust.japan.russia));
    expect(d.sources.some((s) => s.quote?.includes('28 percent'))).toBe(true);
  });

  it('adds one chart point per resolved year', () => {
    for (const chart of CHARTS) {
      const columns = chartColumns(view, chart);
      expect(columns).toHaveLength(chart.series.length + 1);
      expect(columns[0]).toEqual([scenario.startYear - 1]);
    }
    const later = { ...view, history: [{ ...view.history[0], ...snapshotLike(1992) }] };
    expect(chartColumns(later, CHARTS[0])[0]).toEqual([1991, 1992]);
  });
});

function snapshotLike(year: number) {
  return {
    round: 1,
    year,
    trustJapanRussia: 30,
    trustRussiaJapan: 50,
    rapportRussiaJapan: 20,
    energy: 5,
    oilPrice: 40,
    russiaRung: 1,
    japanRung: 4,
    islandsJapan: 0,
    garrison: 10,
    jointActivities: 0,
    fishingTension: 50,
    sinoRussian: 50,
    usJapanAlliance: 70,
    sanctions: 0,
    scores: perSeat(() => 0),
    economy: perSeat(() => 100),
    pressure: perSeat(() => 50),
  };
}

describe('start options', () => {
  it('needs a human seat and a seed of 1-64 characters', () => {
    const { options } = optionsFromQuery('?scenario=yeltsin-1992&seed=7&humans=japan');
    expect(startProblem(options)).toBeNull();
    expect(options.seed).toBe('7');
    expect(options.controllers.japan).toEqual({ type: 'human' });
    expect(options.controllers.russia.type).toBe('bot');
    expect(startProblem({ ...options, seed: '' })).not.toBeNull();
    expect(startProblem({ ...options, seed: 'x'.repeat(65) })).not.toBeNull();
    const allBots: typeof options.controllers = perSeat(() => ({ type: 'bot', kind: 'random' }));
    expect(startProblem({ ...options, controllers: allBots })).not.toBeNull();
    expect(startProblem({ ...options, scenarioId: 'no-such-era' })).not.toBeNull();
  });

  it('reads several human seats for hot-seat play and autostart', () => {
    const { options, autostart } = optionsFromQuery('?humans=japan,russia,nobody&autostart=1');
    expect(autostart).toBe(true);
    expect(SEATS.filter((s) => options.controllers[s].type === 'human')).toEqual(['russia', 'japan']);
  });

  it('has no shipped baseline for an unknown era', async () => {
    expect(await shippedBaseline('no-such-era')).toBeUndefined();
  });

  it('reads the debrief’s baseline format as a mean per seat', () => {
    expect(
      meanScores({
        scenario: 'yeltsin-1992',
        bots: 'historical',
        runs: 3,
        scores: { russia: [10, 20, 30], japan: [5] },
      }),
    ).toEqual({
      russia: 20,
      japan: 5,
    });
  });
});
