/**
 * The territorial ladder as a gauge: the five rungs, Russia's offer and Japan's demand marked on them, and whether
 * any treaty formula fits between the two (the rules' own `treatyFits`). The paper's whole argument is the gap on
 * this ladder, so it stands on its own rather than as a line on a chart shared with fishing tension.
 */
import { treatyFits } from '../../game/diplomacy';
import type { GameState } from '../../game/state';
import { LADDER, TREATY_FORMULAS } from '../../game/vocabulary';
import { el } from '../dom';
import { FORMULA_LABEL, RUNG_LABEL, S } from '../strings';

/** The gauge for the view's positions. */
export function ladderGauge(view: GameState): HTMLElement {
  const { russia, japan } = view.positions;
  const fitting = TREATY_FORMULAS.filter((f) => treatyFits(view, f));
  const low = Math.min(russia, japan);
  const high = Math.max(russia, japan);
  // Declarations' floors (GameState.floors): Russia's offer cannot fall below its floor, Japan's demand cannot rise
  // above its ceiling. A state recorded before floors existed has none.
  const floors = view.floors as GameState['floors'] | undefined;
  const russiaFloor = floors && floors.russia > 0 ? floors.russia : null;
  const japanCeiling = floors && floors.japan < LADDER.length - 1 ? floors.japan : null;
  return el(
    'section',
    { class: 'ladder', 'data-test': 'ladder-gauge', 'data-russia': russia, 'data-japan': japan },
    el('h3', { text: S.ladder.heading }),
    el(
      'ol',
      { class: 'rungs' },
      // Top rung first: the ladder reads upward, from no dispute to all four islands.
      ...[...LADDER.keys()].reverse().map((i) =>
        el(
          'li',
          {
            class: `rung${i >= low && i <= high ? (russia >= japan ? ' zone' : ' gap') : ''}`,
            'data-rung': i,
          },
          el('span', { class: 'rung-label', text: RUNG_LABEL[LADDER[i]] }),
          i === russia
            ? el('span', { class: 'mark russia', 'data-test': 'ladder-russia', text: S.ladder.russiaMark })
            : null,
          i === japan
            ? el('span', { class: 'mark japan', 'data-test': 'ladder-japan', text: S.ladder.japanMark })
            : null,
          i === russiaFloor
            ? el('span', { class: 'floor', 'data-test': 'ladder-floor-russia', text: S.ladder.russiaFloor })
            : null,
          i === japanCeiling
            ? el('span', { class: 'floor', 'data-test': 'ladder-floor-japan', text: S.ladder.japanCeiling })
            : null,
        ),
      ),
    ),
    el('p', {
      text: `${S.ladder.russia(RUNG_LABEL[LADDER[russia]])} · ${S.ladder.japan(RUNG_LABEL[LADDER[japan]])}`,
    }),
    el('p', {
      class: fitting.length ? 'fits' : 'muted',
      'data-test': 'ladder-fit',
      text: fitting.length
        ? S.ladder.fits(fitting.map((f) => FORMULA_LABEL[f]).join(', '))
        : S.ladder.gap(japan - russia),
    }),
  );
}
