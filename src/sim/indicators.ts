/**
 * The yearly indicators taken from each year's snapshot, and the one table of their labels: the browser's charts
 * (through the string catalogue), the debrief and the simulator's report all name them from here.
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

export const INDICATOR_LABELS: Readonly<Record<Indicator, string>> = {
  trustJapanRussia: 'Trust Japan→Russia',
  trustRussiaJapan: 'Trust Russia→Japan',
  rapportRussiaJapan: 'Rapport Russia–Japan leaders',
  energy: 'Energy output, % of capacity',
  oilPrice: 'Oil price index',
  russiaRung: 'Russia’s offer (ladder rung)',
  japanRung: 'Japan’s demand (ladder rung)',
  islandsJapan: 'Islands held by Japan',
  garrison: 'Garrison on the islands',
  jointActivities: 'Joint activities',
  fishingTension: 'Fishing tension',
  sinoRussian: 'Sino-Russian relations',
  usJapanAlliance: 'US–Japan alliance',
  sanctions: 'Sanctions on Russia',
};
