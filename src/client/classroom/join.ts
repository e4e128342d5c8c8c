/**
 * The students' page (`/classroom.html#join`, or `?join=<code>` from a seat's link or QR code): a code and a name.
 * The seat's credentials go to this tab's sessionStorage (seat-link.ts), never into the address, and the game page
 * opens on the seat.
 */
import type { JoinAnswer } from '../../protocol/lobby';
import { el } from '../dom';
import { live, S } from '../strings';
import { seatPath, storeSeat } from './seat-link';
import { call } from './ui';

const P = live(() => S.classroomPages);

export function renderJoin(root: HTMLElement, joinCode: string, report: (e: unknown) => void): void {
  const code = el('input', {
    name: 'code',
    value: joinCode,
    maxlength: 16,
    autocomplete: 'off',
    required: true,
    autocapitalize: 'characters',
  });
  const name = el('input', { name: 'name', maxlength: 24, required: true, autocomplete: 'nickname' });
  const form = el(
    'form',
    { 'data-test': 'join', class: 'join-form' },
    el('h2', { text: P.join }),
    el('label', { class: 'field' }, el('span', { text: P.code }), code),
    el('label', { class: 'field' }, el('span', { text: P.name }), name),
    el('button', { type: 'submit', class: 'primary', text: P.joinButton }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    call<JoinAnswer>('POST', '/api/join', { code: code.value, name: name.value })
      .then((j) => {
        storeSeat(j.matchID, j.seat, j.credentials, j.name, j.reflectionPrompt === true);
        location.assign(seatPath(j.matchID, j.seat));
      })
      .catch(report);
  });
  root.append(el('h1', { text: P.title }), form);
  (joinCode ? name : code).focus();
}
