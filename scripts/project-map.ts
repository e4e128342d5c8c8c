/**
 * Projects Natural Earth geography (world-atlas, 10m so the Habomai islets and the southern Kurils show) into the
 * compact screen geometry the browser map draws: `assets/map/northeast-asia.json`. Run once with
 * `npx tsx scripts/project-map.ts`; the output is committed, so the browser never ships the world.
 *
 * Main map: a conic conformal projection of Northeast Asia (about 100°E–162°E, 28°N–61°N) fitted to the canvas.
 * Inset: western Russia and the Arctic (Moscow, the Yamal peninsula, the Altai) in its own small projection.
 * Cities, the four disputed islands, the fishing grounds and the energy projects' routes are lon/lat constants
 * projected by the same projections, so every marker sits on the coastline it belongs to.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import { encodeRing } from '../src/client/map/geometry';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(root, 'assets/map/northeast-asia.json');

/** Canvas size the geometry is projected to (the Phaser game's logical size). */
const WIDTH = 1024;
const HEIGHT = 768;
/** The inset's box on the canvas (top-left corner, over Siberia). */
const INSET = { x: 8, y: 8, width: 250, height: 180 };
/** Douglas-Peucker tolerance in pixels: below a pixel the eye cannot tell. */
const TOLERANCE = 0.7;

/** ISO 3166 numeric ids of the six seats' countries. */
const SEAT_OF_COUNTRY: Record<string, string> = {
  '643': 'russia',
  '392': 'japan',
  '156': 'china',
  '840': 'us',
  '410': 'rok',
  '408': 'dprk',
};

type LonLat = [number, number];

/** The disputed islands' centres (external: Ministry of Foreign Affairs of Japan; Britannica). */
const ISLAND_CENTRES: Record<string, LonLat> = {
  habomai: [145.95, 43.42],
  shikotan: [146.72, 43.8],
  kunashiri: [145.85, 44.1],
  etorofu: [148.0, 45.0],
};

/** Cities shown on the main map. */
const CITIES: Record<string, LonLat> = {
  tokyo: [139.69, 35.69],
  beijing: [116.4, 39.9],
  seoul: [126.98, 37.57],
  pyongyang: [125.75, 39.02],
  vladivostok: [131.89, 43.12],
  sapporo: [141.35, 43.06],
  khabarovsk: [135.07, 48.48],
  yuzhnoSakhalinsk: [142.74, 46.96],
};

/** Cities shown in the inset. */
const INSET_CITIES: Record<string, LonLat> = {
  moscow: [37.62, 55.76],
  sabetta: [72.05, 71.27],
};

/** Where each energy project runs: field → pipeline or sea route → market (approximate, external). */
/** The East Siberia–Pacific Ocean line, from Taishet by Skovorodino to the Pacific coast at Kozmino. */
const TAISHET_TO_PACIFIC: LonLat[] = [
  [100.0, 56.0],
  [110.0, 56.8],
  [123.9, 54.0],
  [127.5, 50.3],
  [132.9, 42.8],
];

/** Arctic LNG cargoes by the Northern Sea Route, past Kamchatka and down Japan's Pacific coast to Tokyo Bay. */
const ARCTIC_LNG_TO_JAPAN: LonLat[] = [
  [160.5, 55.0],
  [155.0, 48.5],
  [146.0, 41.0],
  [141.0, 36.0],
  [139.9, 35.4],
];

const PROJECT_ROUTES: Record<string, { map: LonLat[]; inset?: LonLat[] }> = {
  'sakhalin-1': {
    map: [
      [143.2, 52.5],
      [140.8, 51.45],
      [139.5, 47.0],
      [140.2, 41.6],
      [141.0, 38.5],
      [139.9, 35.4],
    ],
  },
  'sakhalin-shelf': {
    map: [
      [143.4, 52.0],
      [142.2, 47.5],
      [141.7, 45.5],
      [141.3, 43.2],
    ],
  },
  'sakhalin-2': {
    map: [
      [143.6, 52.8],
      [143.0, 50.0],
      [142.9, 46.6],
      [142.0, 45.6],
      [141.5, 41.2],
      [141.8, 38.0],
      [140.0, 35.2],
    ],
  },
  'east-siberian-oil-gas': {
    map: TAISHET_TO_PACIFIC,
  },
  'espo-oil': {
    map: TAISHET_TO_PACIFIC,
  },
  'power-of-siberia': {
    map: [
      [111.0, 60.5],
      [118.5, 56.6],
      [127.5, 50.3],
      [126.6, 45.8],
      [121.0, 41.5],
      [116.4, 39.9],
    ],
  },
  'south-yakutia-coal': {
    map: [
      [124.7, 56.7],
      [124.0, 53.0],
      [127.5, 49.8],
      [134.9, 48.5],
      [133.0, 42.8],
      [137.0, 38.5],
      [139.7, 35.6],
    ],
  },
  'yamal-lng': {
    map: ARCTIC_LNG_TO_JAPAN,
    inset: [
      [72.05, 71.27],
      [75.0, 73.2],
      [86.0, 74.0],
    ],
  },
  // Utrenneye on the Gydan peninsula, across the Gulf of Ob from Sabetta; cargoes east by the Northern Sea Route.
  'arctic-lng-2': {
    map: ARCTIC_LNG_TO_JAPAN,
    inset: [
      [74.9, 70.9],
      [77.5, 73.4],
      [86.0, 74.0],
    ],
  },
  'altai-pipeline': {
    map: [],
    inset: [
      [75.0, 64.0],
      [80.0, 58.0],
      [84.5, 52.0],
      [87.5, 49.2],
    ],
  },
};

/** The fishing grounds around the islands, where border guards fire on boats. */
const FISHING: LonLat[] = [
  [145.2, 43.3],
  [146.6, 43.2],
  [148.8, 44.4],
  [149.2, 45.6],
  [147.6, 45.9],
  [145.2, 44.6],
];

function load(): FeatureCollection<Geometry, { name: string }> {
  const topology = JSON.parse(
    readFileSync(resolve(root, 'node_modules/world-atlas/countries-10m.json'), 'utf8'),
  ) as Topology;
  return feature(topology, topology.objects.countries) as unknown as FeatureCollection<
    Geometry,
    { name: string }
  >;
}

/** Collects a geometry's projected, clipped rings as point lists. */
function rings(projection: GeoProjection, geometry: Feature | Geometry): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  const context = {
    moveTo(x: number, y: number) {
      current = [[x, y]];
      out.push(current);
    },
    lineTo(x: number, y: number) {
      current.push([x, y]);
    },
    closePath() {},
    arc() {},
    beginPath() {},
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(geometry as Feature);
  return out;
}

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

function simplify(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length < 3) return points;
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > max) {
      max = d;
      index = i;
    }
  }
  if (max <= tolerance) return [points[0], points[points.length - 1]];
  const left = simplify(points.slice(0, index + 1), tolerance);
  const right = simplify(points.slice(index), tolerance);
  return [...left.slice(0, -1), ...right];
}

/**
 * A ring covering most of the box is a polygon turned inside out by clipping (a far-away country's spherical
 * winding); only Russia and China are large enough to cover that much of either view.
 */
function inverted(ring: [number, number][], width: number, height: number, seat: string | null): boolean {
  return seat !== 'russia' && seat !== 'china' && area(ring) > 0.4 * width * height;
}

function area(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return Math.abs(sum / 2);
}

/** A ring as a flat list of integer coordinates ([x0, y0, x1, y1, …]), or null when it is too small to see. */
function compact(ring: [number, number][], minArea: number): number[] | null {
  const closed =
    ring.length > 2 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
  const open = closed ? ring.slice(0, -1) : ring;
  const simple = simplify([...open, open[0]], TOLERANCE).slice(0, -1);
  const flat: number[] = [];
  let last: [number, number] | null = null;
  for (const [x, y] of simple) {
    const p: [number, number] = [Math.round(x * 2) / 2, Math.round(y * 2) / 2];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    flat.push(p[0], p[1]);
    last = p;
  }
  if (flat.length < 6 || area(simple) < minArea) return null;
  return flat;
}

function centroid(ring: [number, number][]): [number, number] {
  let x = 0;
  let y = 0;
  for (const p of ring) {
    x += p[0];
    y += p[1];
  }
  return [x / ring.length, y / ring.length];
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const at = (projection: GeoProjection, lonLat: LonLat): [number, number] => {
  const p = projection(lonLat) as [number, number];
  return [round1(p[0]), round1(p[1])];
};

function projectRoute(projection: GeoProjection, route: LonLat[]): number[][] {
  if (route.length < 2) return [];
  const geometry: Geometry = { type: 'LineString', coordinates: route };
  return rings(projection, geometry).map((line) => line.flatMap(([x, y]) => [round1(x), round1(y)]));
}

function main(): void {
  const countries = load();
  const extentFeature: Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [104, 28],
        [160, 28],
        [104, 60.5],
        [160, 60.5],
        [132, 61],
        [132, 27.5],
      ],
    },
  };
  const projection = geoConicConformal()
    .parallels([35, 55])
    .rotate([-132, 0])
    .fitExtent(
      [
        [0, 0],
        [WIDTH, HEIGHT],
      ],
      extentFeature,
    )
    .clipExtent([
      [-2, -2],
      [WIDTH + 2, HEIGHT + 2],
    ]);

  const insetFeature: Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [34, 53],
        [90, 53],
        [34, 75],
        [90, 75],
        [62, 48.5],
      ],
    },
  };
  const pad = 6;
  const inset = geoConicConformal()
    .parallels([55, 70])
    .rotate([-62, 0])
    .fitExtent(
      [
        [INSET.x + pad, INSET.y + pad],
        [INSET.x + INSET.width - pad, INSET.y + INSET.height - pad],
      ],
      insetFeature,
    )
    .clipExtent([
      [INSET.x, INSET.y],
      [INSET.x + INSET.width, INSET.y + INSET.height],
    ]);

  const islandRings: Record<string, number[][]> = { habomai: [], shikotan: [], kunashiri: [], etorofu: [] };
  const mapCountries: { id: string; seat: string | null; name: string; rings: number[][] }[] = [];
  const insetCountries: { id: string; seat: string | null; name: string; rings: number[][] }[] = [];
  const islandBox = { west: 145.2, east: 149.2, south: 43.2, north: 45.7 };
  for (const f of countries.features) {
    const id = String(f.id ?? '');
    const seat = SEAT_OF_COUNTRY[id] ?? null;
    const kept: number[][] = [];
    if (id === '010') continue;
    for (const ring of rings(projection, f)) {
      if (inverted(ring, WIDTH, HEIGHT, seat)) continue;
      const [cx, cy] = centroid(ring);
      const lonLat = projection.invert?.([cx, cy]);
      if (seat === 'russia' && lonLat) {
        const [lon, lat] = lonLat;
        if (
          lon >= islandBox.west &&
          lon <= islandBox.east &&
          lat >= islandBox.south &&
          lat <= islandBox.north
        ) {
          let best = 'habomai';
          let bestDistance = Infinity;
          for (const [name, [ilon, ilat]] of Object.entries(ISLAND_CENTRES)) {
            const d = Math.hypot(lon - ilon, lat - ilat);
            if (d < bestDistance) {
              bestDistance = d;
              best = name;
            }
          }
          const flat = compact(ring, 0);
          if (flat) islandRings[best].push(flat);
          continue;
        }
      }
      const flat = compact(ring, 0.6);
      if (flat) kept.push(flat);
    }
    if (kept.length) mapCountries.push({ id, seat, name: f.properties.name, rings: kept.map(encodeRing) });
    const insetKept = rings(inset, f)
      .filter((ring) => !inverted(ring, INSET.width, INSET.height, seat))
      .map((ring) => compact(ring, 0.8))
      .filter((r): r is number[] => r !== null)
      .map(encodeRing);
    if (insetKept.length && (seat === 'russia' || seat === 'china'))
      insetCountries.push({ id, seat, name: f.properties.name, rings: insetKept });
    else if (insetKept.length)
      insetCountries.push({ id, seat: null, name: f.properties.name, rings: insetKept });
  }

  const output = {
    source:
      "Natural Earth 1:10m admin-0 countries via world-atlas@2 (public domain), projected by scripts/project-map.ts; countries' rings as half-pixel steps (src/client/map/geometry.ts decodeRing)",
    width: WIDTH,
    height: HEIGHT,
    countries: mapCountries,
    islands: Object.fromEntries(
      Object.entries(ISLAND_CENTRES).map(([name, c]) => [
        name,
        { at: at(projection, c), rings: islandRings[name] },
      ]),
    ),
    cities: Object.fromEntries(Object.entries(CITIES).map(([name, c]) => [name, at(projection, c)])),
    fishing: FISHING.flatMap((c) => at(projection, c)),
    projects: Object.fromEntries(
      Object.entries(PROJECT_ROUTES).map(([id, r]) => [
        id,
        { map: projectRoute(projection, r.map), inset: r.inset ? projectRoute(inset, r.inset) : [] },
      ]),
    ),
    inset: {
      box: INSET,
      countries: insetCountries,
      cities: Object.fromEntries(Object.entries(INSET_CITIES).map(([name, c]) => [name, at(inset, c)])),
    },
    /** The United States sits off the map to the east: Washington and the Pacific forces. */
    offMap: { us: [WIDTH - 70, Math.round(HEIGHT * 0.62)] },
  };
  const missing = Object.entries(islandRings).filter(([, r]) => r.length === 0);
  if (missing.length) throw new Error(`no coastline found for ${missing.map(([n]) => n).join(', ')}`);
  mkdirSync(dirname(OUT), { recursive: true });
  const text = JSON.stringify(output);
  writeFileSync(OUT, `${text}\n`);
  const points = mapCountries.reduce((n, c) => n + c.rings.reduce((m, r) => m + r.length / 2, 0), 0);
  console.log(
    `wrote ${OUT}: ${(text.length / 1024).toFixed(0)} kB, ${mapCountries.length} countries, ${points} points`,
  );
  for (const [name, r] of Object.entries(islandRings)) console.log(`  ${name}: ${r.length} ring(s)`);
}

main();
