/**
 * The class page (`/classroom.html?class=<id>#token=…`): the groups of a class, each with its join codes and links
 * to its console and projector, and the comparison of their outcomes with each other, with history and with the
 * simulator's spread for the era (`GET /api/classes/:id/comparison`). Every value from the server goes in as text.
 */
import { SEATS, type TreatyFormula } from '../../game/vocabulary';
import type { Indicator } from '../../sim/indicators';
import type { ClassAnswer, ClassComparisonAnswer, GroupOutcome, SpreadFigures } from '../../protocol/lobby';
import { el } from '../dom';
import { live, botName, FORMULA_LABEL, PHASE_LABEL, S, SEAT_LABEL } from '../strings';
import { call, eraName } from './ui';

const C = live(() => S.classGroups);

/** Renders the class in `root`; the token authorises every call (and opens each group's console). */
export async function renderClass(
  root: HTMLElement,
  classID: string,
  token: string,
  report: (e: unknown) => void,
): Promise<void> {
  const cls = await call<ClassAnswer>('GET', `/api/classes/${encodeURIComponent(classID)}`, undefined, token);
  const list = el('ol', { class: 'class-groups', 'data-test': 'class-groups' });
  const showGroups = (c: ClassAnswer) =>
    list.replaceChildren(
      ...c.groups.map((g) => {
        if (!g.exists) return el('li', {}, el('strong', { text: C.group(g.group) }), ` · ${C.deleted}`);
        const state = g.status?.finished
          ? C.finished
          : g.status
            ? C.playing(g.status.year, PHASE_LABEL[g.status.phase] ?? g.status.phase)
            : '';
        const codes = SEATS.filter((s) => g.seats?.[s].code).map(
          (s) => `${SEAT_LABEL[s]} ${g.seats?.[s].code}`,
        );
        return el(
          'li',
          { 'data-test': `group-${g.group}` },
          el('strong', { text: C.group(g.group) }),
          ` · ${state} · `,
          // The token rides in the fragment, which browsers never send; the console moves it to sessionStorage.
          el('a', {
            href: `?facilitate=${encodeURIComponent(g.matchID)}#token=${encodeURIComponent(token)}`,
            target: '_blank',
            text: C.console,
          }),
          ' · ',
          el('a', {
            href: `?projector=${encodeURIComponent(g.matchID)}`,
            target: '_blank',
            text: C.projector,
          }),
          el('div', { class: 'muted', text: `${C.codes}: ${codes.join(' · ')}` }),
        );
      }),
    );
  showGroups(cls);

  const comparison = el('section', { class: 'class-comparison', 'data-test': 'comparison' });
  let polls = 0;
  const compare = async () => {
    showGroups(
      await call<ClassAnswer>('GET', `/api/classes/${encodeURIComponent(classID)}`, undefined, token),
    );
    const answer = await call<ClassComparisonAnswer>(
      'GET',
      `/api/classes/${encodeURIComponent(classID)}/comparison`,
      undefined,
      token,
    );
    comparison.replaceChildren(...comparisonView(answer, era));
    // The simulator's runs play on the server's worker threads: look again shortly, a bounded number of times.
    if (answer.spread.status === 'pending' && polls++ < 40)
      setTimeout(() => void compare().catch(report), 3000);
  };
  const button = el('button', { type: 'button', class: 'primary', 'data-test': 'compare', text: C.compare });
  button.addEventListener('click', () => void compare().catch(report));
  const era = await eraName(cls.scenarioId, cls.scenarioName);
  root.append(el('h1', { text: C.title(`${era} → ${cls.endYear}`) }), list, button, comparison);
}

const fig = (f: SpreadFigures | undefined) => (f && f.n > 0 ? C.median(f.p50, f.p25, f.p75) : '—');

/** A group's treaty in words: the ratified formula, a signed or collapsed treaty, or none. */
export function treatyText(g: Pick<GroupOutcome, 'treaty' | 'treatyStatus'>): string {
  if (g.treaty) return C.treatyRatified(FORMULA_LABEL[g.treaty as TreatyFormula] ?? g.treaty);
  if (g.treatyStatus === 'signed') return C.treatySigned;
  if (g.treatyStatus === 'collapsed') return C.treatyCollapsed;
  return C.noTreaty;
}

/** The comparison as tables: outcomes, final scores and key indicators, one column per group then history and the simulator. */
export function comparisonView(a: ClassComparisonAnswer, era: string): HTMLElement[] {
  const spread = a.spread.status === 'ready' ? a.spread : null;
  const note =
    a.spread.status === 'pending'
      ? C.simulatorPending
      : a.spread.status === 'failed'
        ? C.simulatorFailed(a.spread.error)
        : C.simulatorRuns(a.spread.runs, botName(a.spread.bots), a.spread.seeds);
  const head = el(
    'tr',
    {},
    el('th', { text: '' }),
    ...a.groups.map((g) => el('th', { text: C.group(g.group) })),
    el('th', { text: C.history }),
    el('th', { text: C.simulator }),
  );
  const row = (label: string, cells: string[], history: string, simulated: string, test?: string) =>
    el(
      'tr',
      test ? { 'data-test': test } : {},
      el('th', { text: label }),
      ...cells.map((c) => el('td', { text: c })),
      el('td', { text: history }),
      el('td', { text: simulated }),
    );
  const outcome = (g: GroupOutcome) => (g.territorial ? C.islands[g.territorial] : C.notFinished(g.year));
  const table = el(
    'table',
    { 'data-test': 'comparison-table' },
    el('thead', {}, head),
    el(
      'tbody',
      {},
      row(
        C.outcome,
        a.groups.map(outcome),
        C.historyOutcome,
        spread
          ? C.territorialCounts(spread.territorial.none, spread.territorial.partial, spread.territorial.full)
          : '—',
        'row-outcome',
      ),
      row(C.treaty, a.groups.map(treatyText), C.noTreaty, spread ? C.treaties(spread.treaties) : '—'),
      row(
        C.history,
        a.groups.map((g) => C.inBand(g.history.inBand, g.history.total)),
        '',
        spread ? `${Math.round(spread.historyShare * 100)}%` : '—',
      ),
      el('tr', {}, el('th', { colspan: a.groups.length + 3, text: C.scores })),
      ...SEATS.map((s) =>
        row(
          SEAT_LABEL[s],
          a.groups.map((g) => `${g.scores[s]}${g.percentiles ? ` (${C.percentile(g.percentiles[s])})` : ''}`),
          '',
          fig(spread?.scores[s]),
        ),
      ),
      el('tr', {}, el('th', { colspan: a.groups.length + 3, text: C.indicators })),
      ...a.indicators.map((i) => {
        const level = a.history.levels[i.id];
        return row(
          S.charts.series[i.id as Indicator] ?? i.label,
          a.groups.map((g) => (g.indicators[i.id] === undefined ? '—' : String(g.indicators[i.id]))),
          level ? C.band(level.min, level.max) : '—',
          fig(spread?.indicators[i.id]),
          `row-${i.id}`,
        );
      }),
    ),
  );
  return [el('h2', { text: `${C.comparison}: ${era}` }), el('p', { class: 'muted', text: note }), table];
}
