/** The detail panel: a map selection's numbers and the paper's words behind them. */
import type { GameState } from '../../game/state';
import { detailFor } from '../details';
import { el, replace } from '../dom';
import { S } from '../strings';
import type { MapSelection } from '../ui-state';

export function renderDetail(
  container: HTMLElement,
  view: GameState,
  selection: MapSelection | null,
  onClose: () => void,
): void {
  if (!selection) {
    replace(container, el('p', { class: 'muted', text: S.detail.none }));
    return;
  }
  const d = detailFor(view, selection);
  replace(
    container,
    el('h3', { text: d.title, 'data-test': 'detail-title' }),
    el(
      'table',
      { 'data-test': 'detail-rows' },
      el('caption', { text: S.detail.numbers }),
      ...d.rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row', text: k }), el('td', { text: v }))),
    ),
    d.sources.length
      ? el(
          'section',
          { class: 'sources', 'data-test': 'detail-sources' },
          el('h4', { text: S.detail.sources }),
          ...d.sources.map((s) =>
            el('p', { class: 'source' }, s.cite, s.quote ? el('q', { text: s.quote }) : null),
          ),
        )
      : null,
    el('button', { text: S.detail.close, 'data-key': 'detail-close', onclick: onClose }),
  );
}

/**
 * Shows (or hides) the map's hover tooltip: the hovered feature's title and first number, placed beside the
 * pointer. `x`, `y` are canvas pixels of the game; `mapWidth` its unscaled width.
 */
export function showTooltip(
  tooltip: HTMLElement,
  mapBox: HTMLElement,
  view: GameState,
  selection: MapSelection | null,
  x: number,
  y: number,
  mapWidth: number,
): void {
  const canvas = mapBox.querySelector('canvas');
  if (!selection || !canvas) {
    tooltip.hidden = true;
    return;
  }
  const d = detailFor(view, selection);
  tooltip.textContent = d.rows.length ? `${d.title} — ${d.rows[0][0]}: ${d.rows[0][1]}` : d.title;
  const scale = canvas.getBoundingClientRect().width / mapWidth;
  tooltip.style.left = `${canvas.offsetLeft + x * scale + 14}px`;
  tooltip.style.top = `${canvas.offsetTop + y * scale + 14}px`;
  tooltip.hidden = false;
}
