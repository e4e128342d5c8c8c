/**
 * The simulator's HTML report: one self-contained file (no scripts, no external resources) with inline SVG charts
 * drawn here: fan charts of the indicators over the years (5–95 % and 25–75 % bands, median line) and histograms of
 * outcomes and scores. Every piece of text is escaped.
 */
import { SEATS } from '../game/vocabulary';
import { SEAT_EN } from './log-text';
import type { MatchRecord } from './batch';
import { escapeHtml } from './html';
import { INDICATORS } from './indicators';
import en from '../i18n/locales/en';
import type { Comparison, Spread, Summary } from './aggregate';

/** The indicators' English labels, the browser's chart series. */
const LABELS = en.S.charts.series;

const W = 360;
const H = 180;
const PAD = { l: 36, r: 8, t: 8, b: 22 };

function num(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 10) / 10) : '0';
}

/** A fan chart: bands between quantiles per year and the median line. */
export function fanChart(title: string, years: readonly number[], spreads: readonly Spread[]): string {
  const values = spreads.flatMap((s) => [s.p5, s.p95]).filter(Number.isFinite);
  let lo = Math.min(0, ...values);
  let hi = Math.max(...values, lo + 1);
  if (hi - lo < 1) [lo, hi] = [lo - 0.5, hi + 0.5];
  const x = (i: number) => PAD.l + (years.length > 1 ? (i * (W - PAD.l - PAD.r)) / (years.length - 1) : 0);
  const y = (v: number) => PAD.t + ((hi - v) * (H - PAD.t - PAD.b)) / (hi - lo);
  const band = (a: keyof Spread, b: keyof Spread) => {
    const top = spreads.map((s, i) => `${num(x(i))},${num(y(s[b]))}`);
    const bottom = spreads.map((s, i) => `${num(x(i))},${num(y(s[a]))}`).reverse();
    return [...top, ...bottom].join(' ');
  };
  const median = spreads.map((s, i) => `${num(x(i))},${num(y(s.p50))}`).join(' ');
  const ticks = years
    .map((yr, i) =>
      i % Math.ceil(years.length / 6) === 0
        ? `<text x="${num(x(i))}" y="${H - 6}" text-anchor="middle">${yr}</text>`
        : '',
    )
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">
<line x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${H - PAD.b}" class="axis"/><line x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}" class="axis"/>
<text x="${PAD.l - 4}" y="${num(y(hi) + 4)}" text-anchor="end">${num(hi)}</text><text x="${PAD.l - 4}" y="${num(y(lo))}" text-anchor="end">${num(lo)}</text>
<polygon points="${band('p5', 'p95')}" class="outer"/><polygon points="${band('p25', 'p75')}" class="inner"/><polyline points="${median}" class="median"/>${ticks}</svg></figure>`;
}

/** A histogram of values in `bins` equal bins. */
export function histogram(title: string, values: readonly number[], bins = 12): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))] += 1;
  const top = Math.max(...counts);
  const bw = (W - PAD.l - PAD.r) / bins;
  const bars = counts
    .map((c, i) => {
      const h = (c / top) * (H - PAD.t - PAD.b);
      return `<rect x="${num(PAD.l + i * bw + 1)}" y="${num(H - PAD.b - h)}" width="${num(bw - 2)}" height="${num(h)}"><title>${num(lo + i * width)}–${num(lo + (i + 1) * width)}: ${c}</title></rect>`;
    })
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">
<line x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}" class="axis"/>${bars}
<text x="${PAD.l}" y="${H - 6}">${num(lo)}</text><text x="${W - PAD.r}" y="${H - 6}" text-anchor="end">${num(hi)}</text><text x="${PAD.l - 4}" y="${PAD.t + 8}" text-anchor="end">${top}</text></svg></figure>`;
}

/** Bars for named proportions (e.g. territorial outcomes), with their intervals in the labels. */
function outcomeBars(
  title: string,
  items: { label: string; p: number; low: number; high: number }[],
): string {
  const rowH = 26;
  const h = items.length * rowH + 10;
  const scale = W - 170;
  const rows = items
    .map((it, i) => {
      const y = 5 + i * rowH;
      return `<text x="0" y="${y + 16}">${escapeHtml(it.label)}</text><rect x="110" y="${y + 4}" width="${num(it.p * scale)}" height="16"/>
<line x1="${num(110 + it.low * scale)}" y1="${y + 12}" x2="${num(110 + it.high * scale)}" y2="${y + 12}" class="ci"/><text x="${num(116 + Math.max(it.p, it.high) * scale)}" y="${y + 16}">${(it.p * 100).toFixed(1)} %</text>`;
    })
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(title)}">${rows}</svg></figure>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:1200px;color:#1d2330}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}figure{display:inline-block;margin:6px 10px 6px 0;vertical-align:top}
figcaption{font-weight:600;margin-bottom:2px}svg text{font-size:10px;fill:#444}.axis{stroke:#999}
.outer{fill:#9ec5e8;opacity:.55}.inner{fill:#3a7dc9;opacity:.55}.median{fill:none;stroke:#0b3d7a;stroke-width:2}
rect{fill:#3a7dc9}.ci{stroke:#0b3d7a;stroke-width:2}table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #ccd;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}`;

export interface ReportInput {
  title: string;
  /** Lines describing the run: scenario, seeds, bots, what-ifs. */
  about: string[];
  summary: Summary;
  records: readonly MatchRecord[];
  comparison?: { label: string; variant: Summary; result: Comparison };
}

const pctCell = (p: { p: number; low: number; high: number }) =>
  `${(p.p * 100).toFixed(1)} % <small>[${(p.low * 100).toFixed(1)}–${(p.high * 100).toFixed(1)}]</small>`;

/** The whole report as one HTML document. */
export function renderReport(input: ReportInput): string {
  const s = input.summary;
  const about = input.about.map((l) => `<li>${escapeHtml(l)}</li>`).join('');
  const fans = INDICATORS.map((k) => fanChart(LABELS[k], s.years, s.perYear[k])).join('');
  const scoreFans = SEATS.map((seat) =>
    fanChart(`Score, ${SEAT_EN[seat]}`, s.years, s.scoresPerYear[seat]),
  ).join('');
  const scoreHists = SEATS.map((seat) =>
    histogram(
      `Final score, ${SEAT_EN[seat]}`,
      input.records.map((r) => r.finalScores[seat]),
    ),
  ).join('');
  const outcomes = outcomeBars('Territorial outcome (95 % interval)', [
    { label: 'none', ...s.territorial.none },
    { label: 'partial (two)', ...s.territorial.partial },
    { label: 'full (four)', ...s.territorial.full },
    { label: 'treaty ratified', ...s.treatyRatified },
  ]);
  const scoreRows = SEATS.map(
    (seat) =>
      `<tr><td>${escapeHtml(SEAT_EN[seat])}</td><td>${s.scores[seat].mean}</td><td>${s.scores[seat].sd}</td><td>${s.scores[seat].p5}</td><td>${s.scores[seat].p50}</td><td>${s.scores[seat].p95}</td><td>${pctCell(s.wins[seat])}</td><td>${pctCell(s.agendaMet[seat])}</td></tr>`,
  ).join('');
  let compare = '';
  if (input.comparison) {
    const c = input.comparison.result;
    const row = (label: string, d: Comparison['islandsJapan']) =>
      `<tr><td>${escapeHtml(label)}</td><td>${d.baseline}</td><td>${d.variant}</td><td>${d.diff}</td><td>[${d.low}, ${d.high}]</td><td>${d.significant ? 'yes' : 'no'}</td></tr>`;
    compare = `<h2>${escapeHtml(input.comparison.label)}: variant minus baseline on the same ${c.matches} seeds</h2>
<table><tr><th>measure</th><th>baseline</th><th>variant</th><th>difference</th><th>95 % interval</th><th>clear?</th></tr>
${row('treaty ratified (share)', c.treatyRatified.diff)}${row('islands held by Japan', c.islandsJapan)}
${SEATS.map((seat) => row(`score, ${SEAT_EN[seat]}`, c.scores[seat])).join('')}
${INDICATORS.map((k) => row(`final ${LABELS[k]}`, c.final[k])).join('')}</table>
<h2>Variant: indicators over the years</h2>${INDICATORS.map((k) => fanChart(LABELS[k], input.comparison!.variant.years, input.comparison!.variant.perYear[k])).join('')}`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(input.title)}</h1><ul>${about}</ul>
<h2>Outcomes over ${s.matches} matches</h2>${outcomes}
<h2>Indicators over the years (median, 25–75 % and 5–95 % of matches)</h2>${fans}
<h2>Scores</h2><table><tr><th>seat</th><th>mean</th><th>sd</th><th>5 %</th><th>median</th><th>95 %</th><th>ranked first</th><th>agenda met</th></tr>${scoreRows}</table>
${scoreHists}${scoreFans}${compare}
</body></html>
`;
}
