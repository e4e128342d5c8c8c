/**
 * The yearly indicators taken from each year's snapshot. Their labels are the catalogue's `S.charts.series`
 * (src/i18n/locales/en.ts): the browser's charts, the debrief and, in English, the simulator's report and the
 * server's class comparison all name them from there. (This module is in the browser's main bundle, so it does not
 * import the English catalogue, which the browser loads as a chunk of its own.)
 */
import type { Snapshot } from '../game/state';

/** The yearly indicators a batch keeps per match (from each year's snapshot). */
export const INDICATORS = [
  'trustJapanRussia',
  'trustRussiaJapan',
  'rapportRussiaJapan',
  'energy',
  'oilPrice',
  'russiaRung',
  'japanRung',
  'islandsJapan',
  'garrison',
  'jointActivities',
  'fishingTension',
  'sinoRussian',
  'usJapanAlliance',
  'sanctions',
] as const satisfies readonly (keyof Snapshot)[];
export type Indicator = (typeof INDICATORS)[number];
