/**
 * The charts' series per year: an opening point from the scenario itself, then one snapshot per resolved year
 * (the rules' own history). Pure, so a test can check the charts grow by a point each year.
 */
import { snapshot } from '../game/resolution';
import { updateScores } from '../game/scoring';
import { SEATS, type Seat } from '../game/vocabulary';
import { createInitialState, type GameState, type Snapshot } from '../game/state';
import type { Scenario } from '../game/scenario-schema';
import { S, SEAT_LABEL } from './strings';
import { scenarioOf } from '../game/scenario-registry';

export interface ChartSpec {
  id: 'trust' | 'energy' | 'territory' | 'scores';
  title: string;
  /** A series of one seat is drawn in that seat's colour. */
  series: { label: string; pick: (s: Snapshot) => number; seat?: Seat }[];
}

/** The four charts of the issue: trust, energy, territory, scores (titles and labels in the current language). */
export const CHARTS: ChartSpec[] = [
  {
    id: 'trust',
    get title() {
      return S.charts.trust;
    },
    series: (['trustJapanRussia', 'trustRussiaJapan', 'rapportRussiaJapan'] as const).map((k) => ({
      get label() {
        return S.charts.series[k];
      },
      pick: (s: Snapshot) => s[k],
    })),
  },
  {
    id: 'energy',
    get title() {
      return S.charts.energy;
    },
    series: (['energy', 'oilPrice'] as const).map((k) => ({
      get label() {
        return S.charts.series[k];
      },
      pick: (s: Snapshot) => s[k],
    })),
  },
  {
    id: 'territory',
    get title() {
      return S.charts.territory;
    },
    series: (['russiaRung', 'japanRung', 'islandsJapan', 'garrison', 'fishingTension'] as const).map((k) => ({
      get label() {
        return S.charts.series[k];
      },
      pick: (s: Snapshot) => s[k],
    })),
  },
  {
    id: 'scores',
    get title() {
      return S.charts.scores;
    },
    series: SEATS.map((seat) => ({
      get label() {
        return SEAT_LABEL[seat];
      },
      pick: (s: Snapshot) => s.scores[seat],
      seat,
    })),
  },
];

const openings = new Map<string, Snapshot>();

/** The scenario's opening levels as a snapshot, dated the year before the first (the state on 1 January). */
export function openingSnapshot(scenario: Scenario): Snapshot {
  const key = `${scenario.id}:${scenario.version}`;
  const hit = openings.get(key);
  if (hit) return hit;
  const G = createInitialState(scenario, 'opening');
  updateScores(G);
  const snap = { ...snapshot(G), year: scenario.startYear - 1 };
  openings.set(key, snap);
  return snap;
}

/** One chart's data in columns: years, then one column per series. */
export function chartColumns(view: GameState, chart: ChartSpec): number[][] {
  const points = [openingSnapshot(scenarioOf(view)), ...view.history];
  return [points.map((p) => p.year), ...chart.series.map((s) => points.map((p) => s.pick(p)))];
}
