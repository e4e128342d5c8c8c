/**
 * The detail panel's content for a map selection: its numbers from the seat's view and the scenario sources behind
 * them (the paper's quote where there is one). Pure: the panel only lays this out.
 */
import { formatDecimal } from '../i18n';
import { rapport } from '../game/effects';
import { LADDER, type Seat } from '../game/vocabulary';
import type { GameState } from '../game/state';
import type { Source } from '../game/scenario-schema';
import { ISLAND_LABEL, CITY_LABEL, RUNG_LABEL, SEAT_LABEL, STAGE_LABEL, S } from './strings';
import type { MapSelection } from './ui-state';
import { budget } from './ui-state';
import { leaderName, scenarioOf } from './display-scenario';

export interface SourceLine {
  /** Who says so: the paper's section and lines, an outside reference, or a design note. */
  cite: string;
  /** The paper's words, when the source is the paper. */
  quote?: string;
}

export interface Detail {
  title: string;
  rows: [string, string][];
  sources: SourceLine[];
}

type Sources = Source | Source[] | undefined;

function cite(sources: Sources): SourceLine[] {
  if (!sources) return [];
  return (Array.isArray(sources) ? sources : [sources]).map((s) => {
    switch (s.kind) {
      case 'paper':
        return { cite: S.feed.paperSource(s.section, s.lines), quote: s.quote };
      case 'external':
        return { cite: S.feed.externalSource(s.note ? `${s.reference} (${s.note})` : s.reference) };
      case 'design':
        return { cite: S.feed.designSource(s.note) };
    }
  });
}

/** The sources behind a news item: its event's, looked up in the scenario. */
export function eventSources(view: GameState, eventId: string): SourceLine[] {
  const sc = scenarioOf(view);
  const event = sc.events.find((e) => e.id === eventId) ?? sc.wildcards.deck.find((e) => e.id === eventId);
  return cite(event?.source);
}

const yesNo = (b: boolean) => (b ? S.detail.yes : S.detail.no);

function countryDetail(view: GameState, seat: Seat): Detail {
  const sc = scenarioOf(view);
  const d = view.domestic[seat];
  const rows: [string, string][] = [
    [S.detail.leader, leaderName(view, view.leaders[seat])],
    [S.detail.score, formatDecimal(view.scores[seat])],
    [S.detail.economy, String(view.economy[seat])],
    [S.detail.pressure, String(d.pressure)],
    [S.detail.capital, String(d.capital)],
    [S.detail.actionPoints, String(budget(view, seat))],
  ];
  if (seat === 'russia' || seat === 'japan')
    rows.push([S.detail.position, RUNG_LABEL[LADDER[view.positions[seat]]]]);
  if (seat === 'japan') rows.push([S.detail.linkage, yesNo(view.linkage)]);
  for (const other of Object.keys(SEAT_LABEL) as Seat[]) {
    if (other === seat) continue;
    rows.push([
      S.detail.trustIn(SEAT_LABEL[other]),
      `${view.trust[seat][other]} (${S.detail.reverse}: ${view.trust[other][seat]})`,
    ]);
  }
  return {
    title: SEAT_LABEL[seat],
    rows,
    sources: [
      ...cite(sc.domestic[seat].pressure.source),
      ...cite(sc.domestic[seat].capital.source),
      ...cite(sc.economy[seat].source),
    ],
  };
}

/** What the detail panel shows for a selection. */
export function detailFor(view: GameState, selection: MapSelection): Detail {
  const sc = scenarioOf(view);
  switch (selection.type) {
    case 'country':
      return countryDetail(view, selection.seat);
    case 'island': {
      const state = view.islands[selection.island];
      return {
        title: ISLAND_LABEL[selection.island],
        rows: [
          [S.detail.administrator, SEAT_LABEL[state.administrator]],
          [S.detail.garrison, String(state.garrison)],
          [S.detail.joint, String(state.jointActivities)],
          [S.detail.visaFree, yesNo(view.visaFree)],
          [S.detail.fishingTension, String(view.fishingTension)],
        ],
        sources: [...cite(sc.islands[selection.island].source), ...cite(sc.visaFree.source)],
      };
    }
    case 'project': {
      const spec = sc.projects.find((p) => p.id === selection.project);
      const state = view.projects[selection.project];
      if (!spec || !state) return { title: selection.project, rows: [], sources: [] };
      const stakes = Object.entries(state.stakes)
        .filter(([, v]) => (v ?? 0) > 0)
        .map(([seat, v]) => `${SEAT_LABEL[seat as Seat]} ${v}%`)
        .join(', ');
      return {
        title: spec.name,
        rows: [
          [S.detail.region, spec.region],
          [S.detail.stage, STAGE_LABEL[state.stage]],
          [S.detail.progress, String(state.progress)],
          [S.detail.output, `${state.output} / ${state.capacity}`],
          [S.detail.stakes, stakes || '—'],
          [S.detail.buyers, spec.buyers.map((b) => SEAT_LABEL[b]).join(', ')],
        ],
        sources: [...cite(spec.source), ...cite(spec.capacity.source)],
      };
    }
    case 'trust': {
      const { from, to } = selection;
      const entry = sc.trust.entries.find((e) => e.from === from && e.to === to);
      return {
        title: S.map.trustTooltip(SEAT_LABEL[from], SEAT_LABEL[to], view.trust[from][to]),
        rows: [
          [S.detail.trust, String(view.trust[from][to])],
          [S.detail.reverse, String(view.trust[to][from])],
          [S.detail.baseline, String(view.trustBaseline[from][to])],
          [S.detail.rapport, String(rapport(view, from, to))],
        ],
        sources: cite(entry ? entry.source : sc.trust.default.source),
      };
    }
    case 'city':
      return {
        title: CITY_LABEL[selection.city] ?? selection.city,
        rows: [[S.detail.city, CITY_LABEL[selection.city] ?? selection.city]],
        sources: [],
      };
    case 'fishing':
      return {
        title: S.map.fishing,
        rows: [[S.detail.fishingTension, String(view.fishingTension)]],
        sources: cite(sc.fishingTension.source),
      };
  }
}
