/**
 * The year's recap, shown after each Resolution until the person dismisses it: the big moments first, then their
 * orders, what moved on the charts, why (the year's record and news, and the drift every year brings), and the
 * other seats' orders as revealed.
 */
import type { GameState, Order } from '../../game/state';
import { newsText, scenarioOf } from '../display-scenario';
import type { Seat } from '../../game/vocabulary';
import { el } from '../dom';
import { momentText } from '../explain';
import { yearRecap } from '../recap';
import { logLine, S, SEAT_LABEL } from '../strings';
import { orderLabel } from '../ui-state';

const value = (n: number) => String(Math.round(n * 10) / 10);

function orders(view: GameState, list: readonly Order[]): string {
  return list.length ? list.map((o) => orderLabel(view, o)).join('; ') : S.recap.noOrders;
}

/** The recap of the year resolved in `round`, for `seat`; null when that round is not in the view. */
export function recapSection(
  view: GameState,
  seat: Seat,
  round: number,
  onClose: () => void,
): HTMLElement | null {
  const recap = yearRecap(view, seat, round);
  if (!recap) return null;
  const scenario = scenarioOf(view);
  return el(
    'section',
    {
      class: 'recap',
      'data-test': 'year-recap',
      'data-year': recap.year,
      role: 'region',
      'aria-label': S.recap.heading(recap.year),
    },
    el('h3', { text: S.recap.heading(recap.year) }),
    recap.moments.length
      ? el(
          'div',
          { class: 'moments', 'data-test': 'recap-moments' },
          el('h4', { text: S.recap.moments }),
          ...recap.moments.map((m) =>
            el('p', { class: `moment ${m.type}`, 'data-moment': m.type, text: momentText(m) }),
          ),
        )
      : null,
    el('h4', { text: S.recap.yours }),
    el('p', { 'data-test': 'recap-yours', text: orders(view, recap.yours ?? []) }),
    el('h4', { text: S.recap.moved }),
    recap.moved.length
      ? el(
          'ul',
          { 'data-test': 'recap-moved' },
          ...recap.moved.map((c) =>
            el('li', { text: `${S.charts.series[c.indicator]}: ${value(c.from)} → ${value(c.to)}` }),
          ),
        )
      : el('p', { class: 'muted', text: S.recap.nothingMoved }),
    el('h4', { text: S.recap.why }),
    el(
      'ul',
      { 'data-test': 'recap-why' },
      ...recap.news.map((n) => el('li', { text: `${S.recap.news}: ${newsText(view, n).title}` })),
      ...recap.why.map((e) => el('li', { text: logLine(e, scenario) })),
      recap.why.length === 0 ? el('li', { text: S.recap.quiet }) : null,
      el('li', { class: 'muted', text: S.recap.drift }),
    ),
    el(
      'details',
      {},
      el('summary', { text: S.recap.others }),
      ...recap.others.map((o) =>
        el(
          'p',
          { 'data-seat': o.seat },
          el('strong', { text: `${SEAT_LABEL[o.seat]}: ` }),
          orders(view, o.orders),
        ),
      ),
    ),
    el('button', {
      class: 'primary',
      'data-test': 'recap-close',
      'data-key': 'recap-close',
      text: S.recap.close,
      onclick: onClose,
    }),
  );
}
