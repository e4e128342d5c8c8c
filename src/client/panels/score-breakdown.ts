/**
 * The score breakdown (issue 12, "scores that reflect choices"): each seat's public score term by term for every
 * resolved year, read from the rules' yearly snapshots, so a player sees which choices moved a score and how much of
 * a final score an agenda's bonus was.
 */
import { formatDecimal } from '../../i18n';
import { SCORE_TERMS, type ScoreTerm } from '../../game/scoring';
import type { GameState } from '../../game/state';
import { SEATS } from '../../game/vocabulary';
import { el } from '../dom';
import { S, SEAT_LABEL } from '../strings';

const num = (v: number) => formatDecimal(v);

/** The breakdown table, newest year first; `lastOnly` keeps the last resolved year alone (the end screen's view). */
export function scoreBreakdownTable(view: GameState, lastOnly = false): HTMLElement {
  const years = view.history.filter((h) => h.scoreTerms);
  const shown = lastOnly ? years.slice(-1) : [...years].reverse();
  // Only the terms some seat has: a column of blanks tells a player nothing.
  const terms = SCORE_TERMS.filter((t) =>
    shown.some((h) => SEATS.some((s) => h.scoreTerms?.[s][t] !== undefined)),
  );
  const cell = (v: number | undefined) => el('td', { text: v === undefined ? '' : num(v) });
  // On the end screen (the last year alone, the match over): what each agenda added or cost, and the final score.
  const outcome = lastOnly ? view.outcome : null;
  const agendaHeads = outcome?.agendaPoints ? [S.agenda.column, S.agenda.final] : [];
  const agendaCells = (seat: (typeof SEATS)[number]) =>
    outcome?.agendaPoints ? [cell(outcome.agendaPoints[seat]), cell(outcome.finalScores[seat])] : [];
  return el(
    'div',
    { class: 'score-breakdown', 'data-test': 'score-breakdown' },
    el('h3', { text: S.scoreBreakdown.heading }),
    el('p', { class: 'muted', text: S.scoreBreakdown.note }),
    el(
      'table',
      {},
      el(
        'tr',
        {},
        ...[
          S.scoreBreakdown.year,
          S.scoreBreakdown.seat,
          ...terms.map((t: ScoreTerm) => S.scoreBreakdown.term[t]),
        ]
          .concat(S.scoreBreakdown.total, ...agendaHeads)
          .map((h) => el('th', { scope: 'col', text: h })),
      ),
      ...shown.flatMap((h) =>
        SEATS.map((seat) =>
          el(
            'tr',
            { 'data-seat': seat, 'data-year': String(h.year) },
            el('td', { text: String(h.year) }),
            el('td', { text: SEAT_LABEL[seat] }),
            ...terms.map((t) => cell(h.scoreTerms?.[seat][t])),
            cell(h.scores[seat]),
            ...agendaCells(seat),
          ),
        ),
      ),
    ),
  );
}
