/**
 * The projected map (assets/map/northeast-asia.json, written by scripts/project-map.ts) and the geometry of what is
 * drawn over it: where each seat's capital sits, where trust lines run, and what lies under the pointer. Pure
 * functions, so hit-testing is tested without a canvas.
 */
import { ISLANDS, SEATS, type Island, type Seat } from '../../game/vocabulary';
import type { MapSelection } from '../ui-state';

export type Point = [number, number];

export interface MapCountry {
  id: string;
  seat: string | null;
  name: string;
  /** Flat rings: [x0, y0, x1, y1, …]. */
  rings: number[][];
}

export interface MapData {
  width: number;
  height: number;
  countries: MapCountry[];
  islands: Record<Island, { at: Point; rings: number[][] }>;
  cities: Record<string, Point>;
  fishing: number[];
  projects: Record<string, { map: number[][]; inset: number[][] }>;
  inset: {
    box: { x: number; y: number; width: number; height: number };
    countries: MapCountry[];
    cities: Record<string, Point>;
  };
  offMap: { us: Point };
}

/**
 * The map as stored: the countries' coastlines, by far the most of it, are written as whole half-pixel steps from
 * the point before (the first from the origin), which gzip packs to about half the size of plain coordinates. Every
 * other field is as in `MapData`.
 */
export interface MapFile extends Omit<MapData, 'countries' | 'inset'> {
  countries: MapCountry[];
  inset: Omit<MapData['inset'], 'countries'> & { countries: MapCountry[] };
}

/** A flat ring [x0, y0, x1, y1, …] on the half-pixel grid, as steps: the stored form (`decodeRing` undoes it). */
export function encodeRing(ring: readonly number[]): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    const nx = Math.round(ring[i] * 2);
    const ny = Math.round(ring[i + 1] * 2);
    out.push(nx - x, ny - y);
    x = nx;
    y = ny;
  }
  return out;
}

/** The flat ring in pixels from its stored half-pixel steps. */
export function decodeRing(steps: readonly number[]): number[] {
  const out: number[] = new Array<number>(steps.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < steps.length; i += 2) {
    x += steps[i];
    y += steps[i + 1];
    out[i] = x / 2;
    out[i + 1] = y / 2;
  }
  return out;
}

const decodeCountries = (countries: MapCountry[]): MapCountry[] =>
  countries.map((c) => ({ ...c, rings: c.rings.map(decodeRing) }));

/** The map to draw from the stored file. */
export function decodeMap(file: MapFile): MapData {
  return {
    ...file,
    countries: decodeCountries(file.countries),
    inset: { ...file.inset, countries: decodeCountries(file.inset.countries) },
  };
}

/** The capital each seat's trust lines start from (Moscow sits in the inset, Washington off the map). */
export function capitals(map: MapData): Record<Seat, Point> {
  return {
    russia: map.inset.cities.moscow,
    japan: map.cities.tokyo,
    china: map.cities.beijing,
    us: map.offMap.us,
    rok: map.cities.seoul,
    dprk: map.cities.pyongyang,
  };
}

export const CAPITAL_CITY: Record<Seat, string> = {
  russia: 'moscow',
  japan: 'tokyo',
  china: 'beijing',
  us: 'washington',
  rok: 'seoul',
  dprk: 'pyongyang',
};

/**
 * A directed trust line from a's capital toward b's, offset to one side so a→b and b→a sit side by side, and
 * stopped short of both ends so the capitals' markers stay clear.
 */
export function trustSegment(map: MapData, a: Seat, b: Seat): [Point, Point] {
  const caps = capitals(map);
  const [x1, y1] = caps[a];
  const [x2, y2] = caps[b];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  const offset = 4;
  const trim = Math.min(14, length / 4);
  const ux = dx / length;
  const uy = dy / length;
  return [
    [x1 + nx * offset + ux * trim, y1 + ny * offset + uy * trim],
    [x2 + nx * offset - ux * trim, y2 + ny * offset - uy * trim],
  ];
}

/** Even-odd point-in-polygon over a flat ring. */
export function inRing(ring: readonly number[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const xi = ring[i];
    const yi = ring[i + 1];
    const xj = ring[j];
    const yj = ring[j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function nearPolyline(flat: readonly number[], p: Point, within: number): boolean {
  for (let i = 0; i + 3 < flat.length; i += 2) {
    if (distanceToSegment(p, [flat[i], flat[i + 1]], [flat[i + 2], flat[i + 3]]) <= within) return true;
  }
  return false;
}

/** How close (in map pixels) the pointer must be to a marker or a line to pick it. */
export const PICK = { marker: 12, line: 5 };

/** Where each island's name is drawn, from its marker (top-left of the text); the name picks the island too. */
export const ISLAND_LABEL_OFFSET: Record<Island, Point> = {
  habomai: [6, 6],
  shikotan: [10, 2],
  kunashiri: [-8, -24],
  etorofu: [10, -10],
};
/** The box a one-word island name covers at the map's 11 px type, generously (the widest, Kunashiri, is ~50 px). */
const ISLAND_LABEL_BOX = { width: 56, height: 15 };

/**
 * An island drawn at a point though not within PICK.marker of its marker: on its land, its garrison ticks or its
 * name. The islands lie inside the fishing grounds, so without this a click on Etorofu's land or name opened the
 * fishing grounds.
 */
function islandDrawnAt(map: MapData, x: number, y: number): Island | null {
  // Land first: the islands lie close together and one's name may reach over a neighbour's coast.
  const onLand = ISLANDS.find((island) => map.islands[island].rings.some((ring) => inRing(ring, x, y)));
  if (onLand) return onLand;
  for (const island of ISLANDS) {
    const [ix, iy] = map.islands[island].at;
    const [dx, dy] = ISLAND_LABEL_OFFSET[island];
    const onLabel =
      x >= ix + dx &&
      x <= ix + dx + ISLAND_LABEL_BOX.width &&
      y >= iy + dy &&
      y <= iy + dy + ISLAND_LABEL_BOX.height;
    // Garrison ticks rise to 15 px above the marker and joint-activity dots sit 12 px below it.
    const onMarks = Math.abs(x - ix) <= PICK.marker && y >= iy - 17 && y <= iy + 16;
    if (onLabel || onMarks) return island;
  }
  return null;
}

/**
 * What lies under a point of the map, most specific first: an island, a city, an energy route, a trust line, the
 * fishing grounds, a seat's country. `projects` lists the era's project ids (only those are drawn).
 */
export function hitTest(
  map: MapData,
  x: number,
  y: number,
  projects: readonly string[],
): MapSelection | null {
  const p: Point = [x, y];
  let best: { island: Island; d: number } | null = null;
  for (const island of ISLANDS) {
    const [ix, iy] = map.islands[island].at;
    const d = Math.hypot(ix - x, iy - y);
    if (d <= PICK.marker && (!best || d < best.d)) best = { island, d };
  }
  if (best) return { type: 'island', island: best.island };
  const caps = capitals(map);
  for (const seat of SEATS) {
    if (Math.hypot(caps[seat][0] - x, caps[seat][1] - y) <= PICK.marker) return { type: 'country', seat };
  }
  for (const [city, at] of [...Object.entries(map.cities), ...Object.entries(map.inset.cities)]) {
    if (Math.hypot(at[0] - x, at[1] - y) <= PICK.marker / 2) return { type: 'city', city };
  }
  for (const id of projects) {
    const route = map.projects[id];
    if (route && [...route.map, ...route.inset].some((line) => nearPolyline(line, p, PICK.line)))
      return { type: 'project', project: id };
  }
  for (const a of SEATS) {
    for (const b of SEATS) {
      if (a === b) continue;
      const [s, e] = trustSegment(map, a, b);
      if (distanceToSegment(p, s, e) <= PICK.line - 2) return { type: 'trust', from: a, to: b };
    }
  }
  const drawn = islandDrawnAt(map, x, y);
  if (drawn) return { type: 'island', island: drawn };
  if (map.fishing.length >= 6 && inRing(map.fishing, x, y)) return { type: 'fishing' };
  const box = map.inset.box;
  const inInset = x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
  for (const country of inInset ? map.inset.countries : map.countries) {
    if (country.seat && country.rings.some((ring) => inRing(ring, x, y)))
      return { type: 'country', seat: country.seat as Seat };
  }
  return null;
}
