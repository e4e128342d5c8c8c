/**
 * Charts per year of trust, energy, territory and scores, fed from the rules' yearly snapshots. Drawn as SVG here
 * (lines, a point per year with its value on hover, a legend with the latest values) rather than with a charting
 * library: four small line charts did not justify a fifth of the app's JavaScript.
 */
import { formatDecimal } from '../../i18n';
import type { GameState } from '../../game/state';
import { SERIES_COLOURS, seatCss } from '../../sim/palette';
import { CHARTS, chartColumns, type ChartSpec } from '../chart-data';
import { el, replace } from '../dom';
import { scoreBreakdownTable } from './score-breakdown';
import { S, W as WORDS } from '../strings';

const SVG_NS = 'http://www.w3.org/2000/svg';
const W = 300;
const H = 150;
const M = { l: 30, r: 8, t: 8, b: 18 };

function svg(
  tag: string,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  // Strings become text nodes: series labels are shown as text, never parsed.
  node.append(...children);
  return node;
}

/**
 * Each series' line pattern, by its place in the chart: colour never tells two lines apart alone (issue 13), and the
 * legend draws the same pattern beside each name.
 */
export const SERIES_DASHES: readonly string[] = ['', '6 3', '2 3', '9 3 2 3', '1 3', '12 4'];
const dash = (i: number) => SERIES_DASHES[i % SERIES_DASHES.length];

/** A legend's sample of a series: a short line in its colour and pattern. */
function swatch(colour: string, pattern: string): SVGElement {
  return svg(
    'svg',
    { class: 'swatch', width: 22, height: 6, viewBox: '0 0 22 6', 'aria-hidden': 'true' },
    svg('line', {
      x1: 0,
      x2: 22,
      y1: 3,
      y2: 3,
      stroke: colour,
      'stroke-width': 2,
      'stroke-dasharray': pattern,
    }),
  );
}

const num = (v: number) => formatDecimal(v);

/** A readable y range: from zero (or below) to a little over the largest value. */
function yRange(values: number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(lo + 1, ...values);
  const step = hi - lo > 20 ? 10 : hi - lo > 5 ? 2 : 1;
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/** One chart's SVG and legend for columns [years, ...series]. */
function drawChart(chart: ChartSpec, columns: number[][]): (SVGElement | HTMLElement)[] {
  const [years, ...series] = columns;
  const colour = (i: number) => {
    const seat = chart.series[i].seat;
    return seat ? seatCss(seat) : SERIES_COLOURS[i % SERIES_COLOURS.length];
  };
  const [y0, y1] = yRange(series.flat());
  const x0 = years[0];
  const x1 = years[years.length - 1];
  const sx = (year: number) =>
    M.l + (x1 === x0 ? (W - M.l - M.r) / 2 : ((year - x0) / (x1 - x0)) * (W - M.l - M.r));
  const sy = (v: number) => H - M.b - ((v - y0) / (y1 - y0)) * (H - M.t - M.b);
  const parts: SVGElement[] = [];
  for (const t of [y0, (y0 + y1) / 2, y1]) {
    parts.push(svg('line', { x1: M.l, x2: W - M.r, y1: sy(t), y2: sy(t), class: 'grid' }));
    parts.push(svg('text', { x: M.l - 4, y: sy(t) + 3, 'text-anchor': 'end' }, num(t)));
  }
  const every = Math.max(1, Math.ceil(years.length / 5));
  // The first point is the era's opening levels (chartColumns), dated the year before the era only to place it:
  // its tick and hover say "start" rather than a year outside the era.
  const tick = (year: number, i: number) => (i === 0 ? WORDS.charts.openingTick : String(year));
  const when = (j: number) => (j === 0 ? WORDS.charts.opening(years[0] + 1) : String(years[j]));
  years.forEach((year, i) => {
    if (i % every === 0) {
      parts.push(
        svg(
          'text',
          { x: sx(year), y: H - 4, 'text-anchor': 'middle', 'data-test': 'year-tick' },
          tick(year, i),
        ),
      );
    }
  });
  series.forEach((values, i) => {
    const points = values.map((v, j) => `${sx(years[j]).toFixed(1)},${sy(v).toFixed(1)}`).join(' ');
    parts.push(
      svg('polyline', {
        points,
        fill: 'none',
        stroke: colour(i),
        'stroke-width': 2,
        'stroke-dasharray': dash(i),
        'data-test': 'series-line',
      }),
    );
    values.forEach((v, j) =>
      parts.push(
        svg(
          'circle',
          { cx: sx(years[j]), cy: sy(v), r: 2.5, fill: colour(i) },
          svg('title', {}, S.charts.point(chart.series[i].label, when(j), num(v))),
        ),
      ),
    );
  });
  const legend = el(
    'ul',
    { class: 'legend' },
    ...chart.series.map((s, i) =>
      el(
        'li',
        {},
        swatch(colour(i), dash(i)),
        S.charts.latest(s.label, num(series[i][series[i].length - 1])),
      ),
    ),
  );
  return [
    svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': chart.title },
      ...parts,
    ),
    legend,
  ];
}

export class Charts {
  private readonly boxes: { box: HTMLElement; chart: ChartSpec }[] = [];
  /** The score breakdown under the charts, redrawn when a year is added. */
  private readonly breakdown = el('div');

  constructor(container: HTMLElement, view: GameState) {
    container.replaceChildren(el('h3', { text: S.charts.heading }));
    for (const chart of CHARTS) {
      const box = el('figure', { class: 'chart', 'data-test': `chart-${chart.id}` });
      container.append(box);
      this.boxes.push({ box, chart });
    }
    container.append(this.breakdown);
    this.update(view);
  }

  /** Draws each chart from the view; the `data-points` attribute says how many years are drawn. */
  update(view: GameState): void {
    for (const { box, chart } of this.boxes) {
      const columns = chartColumns(view, chart);
      if (String(columns[0].length) === box.dataset.points) continue;
      replace(box, el('figcaption', { text: chart.title }), ...drawChart(chart, columns));
      box.dataset.points = String(columns[0].length);
    }
    if (String(view.history.length) !== this.breakdown.dataset.years) {
      replace(this.breakdown, scoreBreakdownTable(view));
      this.breakdown.dataset.years = String(view.history.length);
    }
  }

  destroy(): void {
    for (const { box } of this.boxes) box.replaceChildren();
  }
}
