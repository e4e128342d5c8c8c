/**
 * The one set of colours for seats and chart series, used by the map, the browser's charts, the debrief and the
 * simulator's reports, so a seat keeps its colour everywhere. Okabe–Ito: told apart with the common colour-vision
 * deficiencies, on a dark map and on paper. Here (not in the client) because the reports are drawn headless.
 */
import type { Seat } from '../game/vocabulary';

/** Each seat's colour as a 24-bit number (Phaser takes numbers); `css()` for style sheets and SVG. */
export const SEAT_COLOUR: Readonly<Record<Seat, number>> = {
  russia: 0xd55e00,
  japan: 0xcc79a7,
  china: 0xe69f00,
  us: 0x0072b2,
  rok: 0x56b4e9,
  dprk: 0x009e73,
};

/** Series that are not seats, in an order that keeps neighbours apart; the pale yellow last, as it fades on paper. */
export const SERIES_COLOURS: readonly string[] = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#d55e00',
  '#cc79a7',
  '#0072b2',
  '#f0e442',
];

/** A 24-bit colour as CSS hex. */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** A seat's colour as CSS hex. */
export function seatCss(seat: Seat): string {
  return css(SEAT_COLOUR[seat]);
}
