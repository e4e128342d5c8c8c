/**
 * Joining by link and QR code, per seat, and the printable seat cards (one page per seat): the country, its leader
 * at the start, the era's briefing, the seat's own role (the same catalogue entries as its briefing panel,
 * panels/briefing.ts), the join code and a QR code of the join link. The QR library loads only when a
 * console draws codes, so the students' pages stay small. Nothing secret goes on a card: agendas are dealt in play.
 */
import { SEATS, type Seat } from '../../game/vocabulary';
import { leaderIn } from '../../game/state';
import type { Scenario } from '../../game/scenario-schema';
import { el } from '../dom';
import { live, ROLE_BY_ERA, S, SEAT_LABEL, SEAT_ROLE, W } from '../strings';

const P = live(() => S.classroomPages);

/** Draws the QR code of `link` into a canvas; on failure the canvas is replaced by a sentence (link and code still work). */
function qrCanvas(link: string, size: number): HTMLElement {
  const holder = el('div', { class: 'qr' });
  const canvas = el('canvas', { 'data-test': 'qr', 'aria-label': link, role: 'img' });
  holder.append(canvas);
  void import('qrcode')
    .then((QRCode) => QRCode.toCanvas(canvas, link, { width: size, margin: 1, errorCorrectionLevel: 'M' }))
    .catch(() => holder.replaceChildren(el('p', { class: 'muted', text: P.qrFailed })));
  return holder;
}

/** The human seats, with their codes and links, in seat order. */
function joinable(
  codes: Partial<Record<Seat, string | null>>,
  links: Partial<Record<Seat, string>>,
): { seat: Seat; code: string; link: string }[] {
  return SEATS.flatMap((seat) => {
    const code = codes[seat];
    const link = links[seat];
    return code && link ? [{ seat, code, link }] : [];
  });
}

/** Per human seat: the code, the link and a small QR code, for the console. */
export function joinPanel(
  codes: Partial<Record<Seat, string | null>>,
  links: Partial<Record<Seat, string>>,
): HTMLElement {
  return el(
    'div',
    { class: 'join-grid', 'data-test': 'join-links' },
    ...joinable(codes, links).map(({ seat, code, link }) =>
      el(
        'figure',
        { class: 'join-seat' },
        qrCanvas(link, 120),
        el(
          'figcaption',
          {},
          el('strong', { text: SEAT_LABEL[seat] }),
          el('br'),
          el('code', { text: code }),
          el('br'),
          el('a', { href: link, text: link }),
        ),
      ),
    ),
  );
}

/** The seat's role, as its briefing panel words it: what it wants, will not do, and what holds it back. */
function roleText(scenario: Scenario, seat: Seat): HTMLElement {
  const role = SEAT_ROLE[seat];
  const era = ROLE_BY_ERA[scenario.id]?.[seat];
  const list = (items: readonly string[]) => el('ul', {}, ...items.map((t) => el('li', { text: t })));
  return el(
    'div',
    { class: 'seat-role', 'data-test': 'seat-role' },
    el('h3', { text: W.briefing.interests }),
    list(era ? [era, ...role.interests] : role.interests),
    el('h3', { text: W.briefing.redLines }),
    list(role.redLines),
    el('h3', { text: W.briefing.domestic }),
    list(role.domestic),
  );
}

/** The cards to print, one per human seat (hidden on screen; print CSS shows only them). */
export function seatCards(
  scenario: Scenario,
  codes: Partial<Record<Seat, string | null>>,
  links: Partial<Record<Seat, string>>,
): HTMLElement {
  return el(
    'div',
    { class: 'seat-cards', 'data-test': 'seat-cards' },
    ...joinable(codes, links).map(({ seat, code, link }) =>
      el(
        'section',
        { class: 'seat-card', 'data-seat': seat },
        el('h1', { text: SEAT_LABEL[seat] }),
        el('p', { class: 'leader', text: `${P.leader}: ${leaderIn(scenario, seat, scenario.startYear)}` }),
        el('h2', { text: scenario.name }),
        el('p', { class: 'briefing', text: scenario.briefing }),
        roleText(scenario, seat),
        el('p', { class: 'card-code', text: P.cardCode(code) }),
        qrCanvas(link, 260),
        el('p', { class: 'muted', text: P.cardScan }),
        el('p', { class: 'card-link', text: link }),
      ),
    ),
  );
}
