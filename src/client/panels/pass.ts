/** The hot-seat screen between two people: it hides everything until the next one says they are there. */
import type { Seat } from '../../game/vocabulary';
import { el, replace } from '../dom';
import { S, SEAT_LABEL } from '../strings';

export function renderPass(container: HTMLElement, seat: Seat, onReady: () => void): void {
  const button = el('button', {
    class: 'primary',
    'data-test': 'pass-ready',
    text: S.pass.ready(SEAT_LABEL[seat]),
    onclick: onReady,
  });
  replace(
    container,
    el(
      'div',
      { class: 'pass-card' },
      el('h2', { text: S.pass.heading(SEAT_LABEL[seat]) }),
      el('p', { text: S.pass.body }),
      button,
    ),
  );
  button.focus();
}
