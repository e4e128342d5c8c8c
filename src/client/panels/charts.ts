/** Charts per year of trust, energy, territory and scores (uPlot), fed from the rules' yearly snapshots. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { GameState } from '../../game/state';
import { CHARTS, chartColumns } from '../chart-data';
import { el } from '../dom';
import { css, SEAT_COLOUR } from '../map/palette';
import { S } from '../strings';

/** Okabe–Ito, in an order that keeps neighbouring series apart. */
const COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
const SEAT_COLOURS = Object.values(SEAT_COLOUR).map(css);

export class Charts {
  private readonly plots: { plot: uPlot; box: HTMLElement; chart: (typeof CHARTS)[number] }[] = [];

  constructor(container: HTMLElement, view: GameState) {
    container.replaceChildren(el('h3', { text: S.charts.heading }));
    for (const chart of CHARTS) {
      const box = el('figure', { class: 'chart', 'data-test': `chart-${chart.id}` });
      container.append(box);
      const colours = chart.id === 'scores' ? SEAT_COLOURS : COLOURS;
      const plot = new uPlot(
        {
          title: chart.title,
          width: 300,
          height: 170,
          scales: { x: { time: false } },
          axes: [
            { stroke: '#ccc', grid: { stroke: '#333' }, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) },
            { stroke: '#ccc', grid: { stroke: '#333' } },
          ],
          legend: { show: true },
          series: [
            { label: S.charts.year },
            ...chart.series.map((s, i) => ({ label: s.label, stroke: colours[i % colours.length], width: 2, points: { show: true, size: 4 } })),
          ],
        },
        chartColumns(view, chart) as uPlot.AlignedData,
        box,
      );
      this.plots.push({ plot, box, chart });
      box.dataset.points = String(chartColumns(view, chart)[0].length);
    }
  }

  /** Sets each chart's data from the view; the `data-points` attribute says how many years are drawn. */
  update(view: GameState): void {
    for (const { plot, box, chart } of this.plots) {
      const columns = chartColumns(view, chart);
      if (String(columns[0].length) === box.dataset.points) continue;
      plot.setData(columns as uPlot.AlignedData);
      box.dataset.points = String(columns[0].length);
    }
  }

  destroy(): void {
    for (const { plot } of this.plots) plot.destroy();
  }
}
