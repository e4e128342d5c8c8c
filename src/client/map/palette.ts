/**
 * Colours of the map, chosen to stay readable with colour-blind vision: seats take the Okabe–Ito palette, trust
 * the ColorBrewer PuOr diverging scale (orange = distrust, purple = trust), and stages differ in line style as well
 * as colour, so nothing depends on hue alone.
 */
import type { ProjectStage, Seat } from '../../game/vocabulary';
import { SEAT_COLOUR, css } from '../../sim/palette';

// Seat colours are the reports' and charts' too: one palette (src/sim/palette.ts).
export { SEAT_COLOUR, css };

export const SEA = 0x142a40;
export const OTHER_LAND = 0x4a4d4f;
export const COAST = 0x0b1622;
export const LABEL = '#f2f2f2';
export const LABEL_SHADOW = '#000000';

/** Land of a seat: its colour mixed two parts to three with grey, so overlays stand out against it. */
export function landColour(seat: string | null): number {
  if (!seat || !(seat in SEAT_COLOUR)) return OTHER_LAND;
  return mix(SEAT_COLOUR[seat as Seat], 0x5a5a5a, 0.55);
}

export function mix(a: number, b: number, t: number): number {
  const channel = (shift: number) => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return (channel(16) << 16) | (channel(8) << 8) | channel(0);
}

const PUOR = [0xb35806, 0xf1a340, 0xf7f7f7, 0x998ec3, 0x542788];

/** Trust 0–100 on the PuOr scale. */
export function trustColour(trust: number): number {
  const t = Math.max(0, Math.min(100, trust)) / 100;
  const scaled = t * (PUOR.length - 1);
  const i = Math.min(PUOR.length - 2, Math.floor(scaled));
  return mix(PUOR[i], PUOR[i + 1], scaled - i);
}

/** Line width of a trust line: 1 px at 0, 5 px at 100. */
export function trustWidth(trust: number): number {
  return 1 + (4 * Math.max(0, Math.min(100, trust))) / 100;
}

/** How a project's route is drawn at each stage: colour, width, and dash pattern (empty = solid). */
export const STAGE_STYLE: Record<ProjectStage, { colour: number; width: number; dash: number[] }> = {
  proposed: { colour: 0xbbbbbb, width: 2, dash: [2, 5] },
  negotiating: { colour: 0xf0e442, width: 2.5, dash: [8, 5] },
  financed: { colour: 0x56b4e9, width: 3, dash: [14, 4] },
  producing: { colour: 0x009e73, width: 4, dash: [] },
};

/** Splits a flat polyline into dash segments ([] = solid, returned whole). */
export function dashes(flat: readonly number[], pattern: readonly number[]): number[][] {
  if (pattern.length === 0) return [flat.slice()];
  const out: number[][] = [];
  let on = true;
  let index = 0;
  let left = pattern[0];
  let current: number[] = [flat[0], flat[1]];
  for (let i = 0; i + 3 < flat.length; i += 2) {
    let x = flat[i];
    let y = flat[i + 1];
    const x2 = flat[i + 2];
    const y2 = flat[i + 3];
    let remaining = Math.hypot(x2 - x, y2 - y);
    while (remaining > 0) {
      const step = Math.min(left, remaining);
      const t = step / remaining;
      x += (x2 - x) * t;
      y += (y2 - y) * t;
      remaining -= step;
      left -= step;
      if (on) current.push(x, y);
      if (left <= 1e-9) {
        if (on && current.length >= 4) out.push(current);
        on = !on;
        index = (index + 1) % pattern.length;
        left = pattern[index];
        current = on ? [x, y] : [];
      }
    }
  }
  if (on && current.length >= 4) out.push(current);
  return out;
}
