// Protects issue 13's "the palette is checked for the three common colour-vision deficiencies": every pair of seat
// colours, every pair of project-stage colours, the ends of the trust scale, the ladder's two sides and its
// zone/gap marks, and each seat colour against the sea it is drawn on stay at least MIN_DELTA_E apart (CIELAB ΔE*ab)
// under a simulation of protanopia, deuteranopia and tritanopia, as well as with normal vision. A colour-blind
// palette that someone "tweaks" into two seats that look alike to a deuteranope fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEATS } from '../src/game/vocabulary';
import { SEA, SEAT_COLOUR, STAGE_STYLE, trustColour } from '../src/client/map/palette';
import { SERIES_COLOURS } from '../src/sim/palette';

/**
 * Machado, Oliveira & Fernandes, "A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE
 * Transactions on Visualization and Computer Graphics 15(6), 2009 (external): the matrices for severity 1.0 (full
 * dichromacy) from the paper's supplementary table, applied to linear RGB.
 */
const MACHADO: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const IDENTITY = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];
const VISIONS: [string, number[][]][] = [['normal vision', IDENTITY], ...Object.entries(MACHADO)];

/**
 * The smallest distance allowed between two colours that mean different things. A just-noticeable difference is
 * about 2.3 ΔE*ab (Sharma, Digital Color Imaging Handbook, CRC 2003: external); 15 is six or seven of those, a
 * difference seen at a glance on a small map marker, not only side by side.
 */
const MIN_DELTA_E = 15;

/** sRGB (0–255) to linear light (IEC 61966-2-1). */
const linear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

/** A 24-bit colour as seen with a deficiency (or normal vision): linear RGB, clamped to the gamut. */
function simulate(colour: number, matrix: number[][]): number[] {
  const rgb = [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255].map(linear);
  return matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
}

/** Linear sRGB to CIELAB (D65 white). */
function lab([r, g, b]: number[]): number[] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: number, b: number, matrix: number[][]): number {
  const [l1, a1, b1] = lab(simulate(a, matrix));
  const [l2, a2, b2] = lab(simulate(b, matrix));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** Every pair of a set of named colours closer than MIN_DELTA_E under a vision, as "a/b 12.3". */
function tooClose(colours: Record<string, number>, matrix: number[][]): string[] {
  const entries = Object.entries(colours);
  const close: string[] = [];
  for (let i = 0; i < entries.length; i++)
    for (let j = i + 1; j < entries.length; j++) {
      const d = deltaE(entries[i][1], entries[j][1], matrix);
      if (d < MIN_DELTA_E) close.push(`${entries[i][0]}/${entries[j][0]} ${d.toFixed(1)}`);
    }
  return close;
}

/** A colour of a rule in the client's style sheet, e.g. `.ladder .rung.zone` → `border-left-color`. */
function cssColour(selector: string, property: string): number {
  const sheet = readFileSync('src/client/style.css', 'utf8');
  const block = new RegExp(`${selector.replace(/[.]/g, '\\.')}\\s*\\{([^}]*)\\}`).exec(sheet);
  const value = block && new RegExp(`${property}:\\s*#([0-9a-f]{6})`, 'i').exec(block[1]);
  if (!value) throw new Error(`src/client/style.css has no ${property} in ${selector}`);
  return parseInt(value[1], 16);
}

const GROUPS: Record<string, Record<string, number>> = {
  'the seats': Object.fromEntries(SEATS.map((s) => [s, SEAT_COLOUR[s]])),
  'the project stages': Object.fromEntries(Object.entries(STAGE_STYLE).map(([k, v]) => [k, v.colour])),
  "the charts' series that are not seats": Object.fromEntries(
    SERIES_COLOURS.map((c, i) => [`series ${i + 1} ${c}`, parseInt(c.slice(1), 16)]),
  ),
  'trust low, middle and high': { low: trustColour(0), middle: trustColour(50), high: trustColour(100) },
  "the ladder's zone and gap": {
    zone: cssColour('.ladder .rung.zone', 'border-left-color'),
    gap: cssColour('.ladder .rung.gap', 'border-left-color'),
  },
};

describe('the palette under simulated colour-vision deficiencies', () => {
  it('simulates: a dichromat confuses red and green that normal vision tells apart', () => {
    // The model's own classic confusion pair: pure red and a green of the same lightness for a protanope.
    const red = 0xff0000;
    const olive = 0x7f7f00;
    expect(deltaE(red, olive, IDENTITY)).toBeGreaterThan(MIN_DELTA_E);
    expect(deltaE(red, olive, MACHADO.protanopia)).toBeLessThan(deltaE(red, olive, IDENTITY) / 2);
    expect(deltaE(red, olive, MACHADO.deuteranopia)).toBeLessThan(deltaE(red, olive, IDENTITY) / 2);
  });

  for (const [vision, matrix] of VISIONS) {
    it(`keeps colours that mean different things apart with ${vision}`, () => {
      const problems = Object.fromEntries(
        Object.entries(GROUPS).map(([group, colours]) => [group, tooClose(colours, matrix)]),
      );
      expect(problems).toEqual(Object.fromEntries(Object.keys(GROUPS).map((g) => [g, []])));
      // Each seat's marker against the sea under it.
      const onSea = SEATS.filter((s) => deltaE(SEAT_COLOUR[s], SEA, matrix) < MIN_DELTA_E);
      expect(onSea).toEqual([]);
    });
  }
});
