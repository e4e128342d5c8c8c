/**
 * The debrief as one self-contained, printable HTML file: no scripts, no external resources, inline SVG charts and
 * print CSS. Every piece of text from the match or the scenario (statements, messages, reasons, titles) goes through
 * `escapeHtml`, so a hostile statement renders as text.
 */
import { SEATS } from '../game/vocabulary';
import type {
  BaselinePlacement,
  Debrief,
  DebriefQuestion,
  DebriefYear,
  HistoricalEvent,
  IndicatorChart,
  SeatReport,
  SourceNote,
} from './debrief';
import { reportEnglish, type ReportWords, type Translate } from './debrief-words';
import { escapeHtml } from './html';
import { SERIES_COLOURS, seatCss } from './palette';

// The report's escaping is every report's (tests import it from here).
export { escapeHtml };

const e = escapeHtml;

function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * A catalogue message as HTML: `text` arguments are escaped, `html` ones inserted as they are, numbers go to ICU
 * (plurals). The message's own words are escaped for element content (`&`, `<`, `>`).
 */
function msg(
  t: Translate,
  key: string,
  text: Record<string, string | number> = {},
  html: Record<string, string> = {},
): string {
  const args: Record<string, string | number> = {};
  const fill = new Map<string, string>();
  let i = 0;
  const token = (value: string) => {
    const tok = `\u0001${i++}\u0002`;
    fill.set(tok, value);
    return tok;
  };
  for (const [k, v] of Object.entries(text)) args[k] = typeof v === 'number' ? v : token(e(v));
  for (const [k, v] of Object.entries(html)) args[k] = token(v);
  let out = t(key, args).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
  for (const [tok, value] of fill) out = out.split(tok).join(value);
  return out;
}

const CSS = `
:root { --ink: #1b1b1b; --muted: #5f6368; --rule: #d0d4d8; --drift: #a04000; --bg-soft: #f4f6f8; }
* { box-sizing: border-box; }
body { font: 14px/1.45 Georgia, 'Times New Roman', serif; color: var(--ink); margin: 0 auto; max-width: 1040px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; border-bottom: 2px solid var(--ink); margin-top: 32px; }
h3 { font-size: 16px; margin: 18px 0 6px; } h4 { margin: 10px 0 4px; font-size: 14px; }
.meta, .muted { color: var(--muted); } .meta span { margin-right: 14px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.timeline td.year { font-weight: bold; width: 56px; }
.timeline td { width: 47%; }
.timeline ul { margin: 0; padding-left: 18px; }
.drift { color: var(--drift); } .tag { font: 11px/1 sans-serif; border: 1px solid currentColor; border-radius: 3px; padding: 1px 4px; margin-right: 4px; white-space: nowrap; }
.tag.fired { color: #196f3d; } .tag.missed { color: var(--drift); } .tag.unreached { color: var(--muted); }
.parent { background: var(--bg-soft); }
blockquote { margin: 4px 0 4px 12px; padding-left: 8px; border-left: 3px solid var(--rule); font-style: italic; }
.cite { font-style: normal; color: var(--muted); font-size: 12px; }
.chart { display: inline-block; vertical-align: top; width: 49%; margin: 0 0 14px; padding-right: 12px; }
.chart svg { width: 100%; height: auto; }
.legend { list-style: none; padding: 0; margin: 2px 0 0; font-size: 12px; }
.legend li { display: inline-block; margin-right: 10px; }
.swatch { display: inline-block; width: 14px; height: 3px; vertical-align: middle; margin-right: 4px; }
.seat { border-top: 1px solid var(--rule); padding-top: 6px; }
.reason { color: var(--muted); font-style: italic; }
.quote { white-space: pre-wrap; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; } .seat, .chart, tr { break-inside: avoid; }
  .seat { break-before: auto; } section.charts { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 16mm 14mm; }
`;

function sourceHtml(s: SourceNote, t: Translate): string {
  if (s.kind === 'paper') {
    return `<blockquote>“${e(s.text)}” <span class="cite">${msg(t, 'report.source.paper', { where: s.where ?? '' })}</span></blockquote>`;
  }
  const key = s.kind === 'external' ? 'report.source.external' : 'report.source.design';
  return `<div class="cite">${msg(t, key, { text: s.text })}</div>`;
}

function questionHtml(q: DebriefQuestion, t: Translate): string {
  return `<li><p>${e(q.text)}</p>${sourceHtml(q.source, t)}</li>`;
}

function reasonHtml(reason: string | undefined): string {
  return reason ? ` <span class="reason">— ${e(reason)}</span>` : '';
}

function historyItem(h: HistoricalEvent, t: Translate): string {
  const tag =
    h.status === 'fired'
      ? `<span class="tag fired">${msg(t, 'report.timeline.happened')}</span>`
      : h.status === 'did-not-fire'
        ? `<span class="tag missed">${msg(t, 'report.timeline.missed')}</span>`
        : `<span class="tag unreached">${msg(t, 'report.timeline.unreached')}</span>`;
  const paper = h.sources.find((s) => s.kind === 'paper');
  const quote = paper ? `<div class="cite">“${e(paper.text)}” (${e(paper.where ?? '')})</div>` : '';
  return `<li>${tag}<strong>${e(h.title)}</strong>${h.conditional ? ` <span class="muted">${msg(t, 'report.timeline.conditional')}</span>` : ''}<div>${e(h.text)}</div>${quote}</li>`;
}

function matchYearHtml(y: DebriefYear, w: ReportWords): string {
  const t = w.t;
  const items: string[] = [];
  for (const n of y.news) {
    const kind =
      n.kind === 'scheduled'
        ? ''
        : n.kind === 'wildcard'
          ? ` <span class="tag">${msg(t, 'report.timeline.wildcard')}</span>`
          : n.kind === 'injected'
            ? ` <span class="tag drift">${msg(t, 'report.timeline.facilitator')}</span>`
            : '';
    items.push(`<li><strong>${e(n.title)}</strong>${kind}</li>`);
  }
  for (const d of y.decisions) {
    const cls = d.againstHistory ? ' class="drift"' : '';
    items.push(
      `<li${cls}>${msg(t, 'report.timeline.decided', { seat: w.log.seat(d.seat), chosen: d.chosen })}${d.againstHistory ? ` ${msg(t, 'report.timeline.historyChose', { historical: d.historical })}` : ''}${d.answered ? '' : ` <span class="muted">${msg(t, 'report.timeline.unanswered')}</span>`}${reasonHtml(d.reason)}</li>`,
    );
  }
  for (const a of y.agreements) items.push(`<li>${e(a.text)}${reasonHtml(a.reason)}</li>`);
  for (const s of y.statements)
    items.push(
      `<li>${msg(t, 'report.timeline.states', { seat: w.log.seat(s.from) })} <q class="quote">${e(s.text)}</q></li>`,
    );
  for (const line of y.log) items.push(`<li class="${line.drift ? 'drift' : 'muted'}">${e(line.text)}</li>`);
  return items.length ? `<ul>${items.join('')}</ul>` : '<span class="muted">—</span>';
}

function timelineHtml(d: Debrief, w: ReportWords): string {
  const t = w.t;
  const rows = d.years.map((y) => {
    const history = y.history.length
      ? `<ul>${y.history.map((h) => historyItem(h, t)).join('')}</ul>`
      : `<span class="muted">${msg(t, 'report.timeline.noEvent')}</span>`;
    const driftNote = y.drift.length
      ? `<div class="drift">${msg(t, 'report.timeline.departures', { count: y.drift.length })}</div>`
      : '';
    return `<tr${y.fromParent ? ' class="parent"' : ''}><td class="year">${y.year}${driftNote}</td><td>${matchYearHtml(y, w)}</td><td>${history}</td></tr>`;
  });
  const unreached = d.years.length ? d.years[d.years.length - 1].year : d.scenario.startYear - 1;
  const later =
    d.scenario.endYear > unreached
      ? `<p class="muted">${msg(t, 'report.timeline.endedBefore', { from: String(unreached + 1), to: String(d.scenario.endYear) })}</p>`
      : '';
  return `<table class="timeline"><thead><tr><th>${msg(t, 'report.timeline.year')}</th><th>${msg(t, 'report.timeline.match')}</th><th>${msg(t, 'report.timeline.history')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>${later}`;
}

function ordersHtml(d: Debrief, w: ReportWords): string {
  const t = w.t;
  const rows = d.years
    .filter((y) => SEATS.some((s) => y.orders[s].length > 0))
    .map((y) => {
      const cells = SEATS.map((s) => {
        const list = y.orders[s].map((o) => `<li>${e(o.text)}${reasonHtml(o.reason)}</li>`);
        return `<td>${list.length ? `<ul>${list.join('')}</ul>` : `<span class="muted">${msg(t, 'report.orders.none')}</span>`}</td>`;
      });
      return `<tr><td class="year">${y.year}</td>${cells.join('')}</tr>`;
    });
  if (!rows.length) return `<p class="muted">${msg(t, 'report.orders.noneRevealed')}</p>`;
  return `<table class="timeline orders"><thead><tr><th>${msg(t, 'report.timeline.year')}</th>${SEATS.map((s) => `<th>${e(w.log.seat(s))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** An inline SVG line chart; reference runs are dashed. */
export function chartSvg(chart: IndicatorChart, t: Translate = reportEnglish().t): string {
  const W = 520;
  const H = 230;
  const m = { l: chart.tickLabels ? 104 : 40, r: 10, t: 10, b: 26 };
  const all = chart.series.flatMap((s) => [...s.values, ...(s.reference ?? [])]);
  if (all.length === 0) return `<p class="muted">${msg(t, 'report.charts.noRounds')}</p>`;
  const years = all.map((p) => p.year);
  const x0 = Math.min(...years);
  const x1 = Math.max(...years);
  let y0 = chart.min ?? Math.min(...all.map((p) => p.value));
  let y1 = chart.max ?? Math.max(...all.map((p) => p.value));
  if (chart.min === undefined || chart.max === undefined) {
    const pad = (y1 - y0) * 0.08 || 1;
    y0 = Math.floor(y0 - pad);
    y1 = Math.ceil(y1 + pad);
  }
  const sx = (year: number) =>
    m.l + (x1 === x0 ? (W - m.l - m.r) / 2 : ((year - x0) / (x1 - x0)) * (W - m.l - m.r));
  const sy = (v: number) => H - m.b - ((v - y0) / (y1 - y0 || 1)) * (H - m.t - m.b);
  const parts: string[] = [];
  const ticks = chart.tickLabels
    ? chart.tickLabels.map((_, i) => i)
    : Array.from({ length: 5 }, (_, i) => y0 + ((y1 - y0) * i) / 4);
  for (const [i, t] of ticks.entries()) {
    const y = sy(t).toFixed(1);
    const label = chart.tickLabels ? chart.tickLabels[i] : num(Math.round(t * 10) / 10);
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${y}" y2="${y}" stroke="#e3e6e8"/>`);
    parts.push(
      `<text x="${m.l - 4}" y="${y}" font-size="10" text-anchor="end" dominant-baseline="middle" fill="#5f6368">${e(label)}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil((x1 - x0 + 1) / 10));
  for (let year = x0; year <= x1; year += step) {
    parts.push(
      `<text x="${sx(year).toFixed(1)}" y="${H - 8}" font-size="10" text-anchor="middle" fill="#5f6368">${year}</text>`,
    );
  }
  chart.series.forEach((s, i) => {
    const colour = s.seat ? seatCss(s.seat) : SERIES_COLOURS[i % SERIES_COLOURS.length];
    const line = (points: { year: number; value: number }[], dash: boolean) => {
      if (!points.length) return '';
      const d = points.map((p) => `${sx(p.year).toFixed(1)},${sy(p.value).toFixed(1)}`).join(' ');
      const dots =
        points.length === 1
          ? `<circle cx="${sx(points[0].year).toFixed(1)}" cy="${sy(points[0].value).toFixed(1)}" r="3" fill="${colour}"/>`
          : '';
      return `<polyline fill="none" stroke="${colour}" stroke-width="${dash ? 1.4 : 2}"${dash ? ' stroke-dasharray="5 4" opacity="0.7"' : ''} points="${d}"><title>${dash ? msg(t, 'report.charts.reference', { series: s.label }) : e(s.label)}</title></polyline>${dots}`;
    };
    if (s.reference) parts.push(line(s.reference, true));
    parts.push(line(s.values, false));
  });
  const label = `${chart.title}: ${chart.series.map((s) => `${s.label} ${s.values.length ? num(s.values[s.values.length - 1].value) : '—'}`).join(', ')}`;
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(label)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

function chartsHtml(d: Debrief, t: Translate): string {
  const charts = d.charts.map((c) => {
    const legend = c.series
      .map((s, i) => {
        const colour = s.seat ? seatCss(s.seat) : SERIES_COLOURS[i % SERIES_COLOURS.length];
        const last = s.values[s.values.length - 1];
        return `<li><span class="swatch" style="background:${colour}"></span>${e(s.label)}${last ? ` <span class="muted">${num(last.value)}</span>` : ''}</li>`;
      })
      .join('');
    return `<figure class="chart" id="chart-${e(c.id)}"><h4>${e(c.title)}</h4>${chartSvg(c, t)}<ul class="legend">${legend}</ul></figure>`;
  });
  const ref = d.reference
    ? `<p class="muted">${msg(t, 'report.charts.dashed', { label: d.reference.label })}</p>`
    : '';
  return `${ref}${charts.join('')}`;
}

function baselineStrip(b: BaselinePlacement, score: number, t: Translate): string {
  const W = 300;
  const H = 34;
  const lo = Math.min(b.min, score);
  const hi = Math.max(b.max, score);
  const sx = (v: number) => 8 + ((v - lo) / (hi - lo || 1)) * (W - 16);
  const dots = b.sample
    .map(
      (v) =>
        `<line x1="${sx(v).toFixed(1)}" x2="${sx(v).toFixed(1)}" y1="10" y2="24" stroke="#9aa3ab" stroke-width="1" opacity="0.5"/>`,
    )
    .join('');
  const me = `<line x1="${sx(score).toFixed(1)}" x2="${sx(score).toFixed(1)}" y1="4" y2="30" stroke="#a04000" stroke-width="3"/>`;
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${e(t('report.seat.strip', { score: num(score), runs: String(b.runs) }))}" xmlns="http://www.w3.org/2000/svg">${dots}${me}</svg>`;
}

function seatHtml(s: SeatReport, d: Debrief, w: ReportWords): string {
  const t = w.t;
  const b = s.baseline;
  const baseline = b
    ? `<p>${msg(
        t,
        b.bots ? 'report.seat.baselineBots' : 'report.seat.baseline',
        {
          runs: String(b.runs),
          ...(b.bots ? { bots: b.bots } : {}),
          median: num(b.median),
          mean: num(b.mean),
          min: num(b.min),
          max: num(b.max),
        },
        { percentile: `<strong>${num(b.percentile)}</strong>` },
      )}</p>${baselineStrip(b, s.finalScore, t)}`
    : `<p class="muted">${d.baseline?.mismatch ? e(d.baseline.mismatch) : msg(t, 'report.seat.noBaseline')}</p>`;
  const agenda = s.agenda
    ? `<p>${msg(
        t,
        s.agenda.met === undefined
          ? 'report.seat.agenda'
          : s.agenda.met
            ? 'report.seat.agendaMet'
            : 'report.seat.agendaNotMet',
        { text: s.agenda.text, bonus: String(s.agenda.bonus), cost: String(s.agenda.cost) },
        { title: `<strong>${e(s.agenda.title)}</strong>` },
      )}</p>`
    : '';
  const decisions = s.keyDecisions.length
    ? `<table><thead><tr><th>${msg(t, 'report.timeline.year')}</th><th>${msg(t, 'report.seat.kind')}</th><th>${msg(t, 'report.seat.decision')}</th><th>${msg(t, 'report.seat.why')}</th></tr></thead><tbody>${s.keyDecisions
        .map(
          (k) =>
            `<tr${k.againstHistory ? ' class="drift"' : ''}><td>${k.year}</td><td>${msg(t, `report.seat.kinds.${k.kind}`)}</td><td>${e(k.text)}</td><td class="reason">${k.reason ? e(k.reason) : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="muted">${msg(t, 'report.seat.noKeyDecisions')}</p>`;
  const messages = s.messages.length
    ? `<ul>${s.messages
        .map(
          (m) =>
            `<li>${m.to === 'all' ? msg(t, 'report.seat.publicStatement', { year: String(m.year) }) : msg(t, 'report.seat.privateTo', { year: String(m.year), seat: w.log.seat(m.to) })} <q class="quote">${e(m.text)}</q></li>`,
        )
        .join('')}</ul>`
    : `<p class="muted">${msg(t, 'report.seat.noMessages')}</p>`;
  // Students' own words: escaped like every other text, and only shown when the seat wrote any.
  const reflections = s.reflections.length
    ? `<h4>${msg(t, 'report.seat.reflections')}</h4><ul class="reflections">${s.reflections.map((r) => `<li>${r.year}: <q class="quote">${e(r.text)}</q></li>`).join('')}</ul>`
    : '';
  const questions = s.questions.length
    ? `<h4>${msg(t, 'report.seat.forClass')}</h4><ol>${s.questions.map((q) => questionHtml(q, t)).join('')}</ol>`
    : '';
  const score = msg(
    t,
    s.rank !== undefined ? 'report.seat.rankedScore' : 'report.seat.score',
    { ...(s.rank !== undefined ? { rank: String(s.rank) } : {}), public: num(s.publicScore) },
    { score: `<strong>${num(s.finalScore)}</strong>` },
  );
  return `<section class="seat" id="seat-${s.seat}"><h3>${e(s.name)} <span class="muted">(${e(s.controller)})</span></h3>
<p>${score}</p>${agenda}${baseline}
<h4>${msg(t, 'report.seat.keyDecisions')}</h4>${decisions}<h4>${msg(t, 'report.seat.messages')}</h4>${messages}${reflections}${questions}</section>`;
}

function outcomeHtml(d: Debrief, w: ReportWords): string {
  const t = w.t;
  const o = d.outcome;
  if (!o) return `<p class="drift">${msg(t, 'report.outcome.unfinished', { year: String(d.lastYear) })}</p>`;
  const rows = o.ranking
    .map((seat, i) => {
      const report = d.seats.find((s) => s.seat === seat);
      const pct = report?.baseline ? num(report.baseline.percentile) : '—';
      return `<tr><td class="num">${i + 1}</td><td>${e(w.log.seat(seat))}</td><td class="num">${num(o.finalScores[seat])}</td><td>${msg(t, o.agendaMet[seat] ? 'report.outcome.met' : 'report.outcome.notMet')}</td><td class="num">${pct}</td></tr>`;
    })
    .join('');
  const ended = msg(
    t,
    'report.outcome.ended',
    {
      year: String(o.year),
      reason: t(`report.outcome.reason.${o.reason}`),
      treaty: o.treaty ? w.log.formula(o.treaty) : t('report.outcome.noTreaty'),
    },
    { territorial: `<strong>${e(t(`report.outcome.territorial.${o.territorial}`))}</strong>` },
  );
  return `<p>${ended}</p>
<table><thead><tr><th class="num">#</th><th>${msg(t, 'report.outcome.seat')}</th><th class="num">${msg(t, 'report.outcome.finalScore')}</th><th>${msg(t, 'report.outcome.agenda')}</th><th class="num">${msg(t, 'report.outcome.percentile')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function driftHtml(d: Debrief, w: ReportWords): string {
  const t = w.t;
  if (!d.drift.length) return `<p>${msg(t, 'report.drift.none')}</p>`;
  return `<p>${msg(t, 'report.drift.first', {}, { year: `<strong>${d.firstDriftYear}</strong>` })}</p><ul>${d.drift
    .map(
      (x) => `<li><strong>${x.year}</strong> ${x.seat ? `${e(w.log.seat(x.seat))}: ` : ''}${e(x.text)}</li>`,
    )
    .join('')}</ul>`;
}

/**
 * Renders a debrief as a complete HTML document, in the words it is given (English by default, as the command line
 * writes it; build the debrief with the same words).
 */
export function renderDebriefHtml(d: Debrief, w: ReportWords = reportEnglish()): string {
  const t = w.t;
  const fork = d.fork
    ? `<p class="muted">${msg(t, d.fork.reseed ? 'report.forkReseed' : 'report.fork', {
        hash: d.fork.parentFinalHash,
        year: String(d.fork.year),
        ...(d.fork.reseed ? { seed: d.fork.reseed } : {}),
      })}</p>`
    : '';
  const general = d.questions.length
    ? `<ol>${d.questions.map((q) => questionHtml(q, t)).join('')}</ol>`
    : `<p class="muted">${msg(t, 'report.noQuestions')}</p>`;
  return `<!doctype html>
<html lang="${e(w.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(d.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(d.title)}</h1>
<p class="meta"><span>${msg(t, 'report.meta.scenario', { id: d.scenario.id, version: String(d.scenario.version) })}</span><span>${msg(t, 'report.meta.seed', { seed: d.seed })}</span>${d.createdBy ? `<span>${msg(t, 'report.meta.madeBy', { name: d.createdBy })}</span>` : ''}<span>${msg(t, 'report.meta.finalHash', { hash: d.finalHash })}</span></p>
${fork}
</header>
<section id="outcome"><h2>${msg(t, 'report.section.outcome')}</h2>${outcomeHtml(d, w)}</section>
<section id="drift"><h2>${msg(t, 'report.section.drift')}</h2>${driftHtml(d, w)}</section>
<section id="timeline"><h2>${msg(t, 'report.section.timeline')}</h2>${timelineHtml(d, w)}</section>
<section class="charts" id="charts"><h2>${msg(t, 'report.section.charts')}</h2>${chartsHtml(d, t)}</section>
<section id="seats"><h2>${msg(t, 'report.section.seats')}</h2>${d.seats.map((s) => seatHtml(s, d, w)).join('\n')}</section>
<section id="orders"><h2>${msg(t, 'report.section.orders')}</h2>${ordersHtml(d, w)}</section>
<section id="questions"><h2>${msg(t, 'report.section.questions')}</h2>${general}</section>
<footer class="muted"><p>${msg(t, 'report.footer')}</p></footer>
</body>
</html>
`;
}
