/**
 * The facilitator console: the public map, the roster (who joined each seat, whether students or a bot play it,
 * ready or committed, idle time), the clock with its controls, event injection with a preview and the queue,
 * joining by link and QR code with printable seat cards, the end (confirmed first) and the debrief. The console's
 * own socket syncs as the facilitator (it sees hidden state, shown only in the collapsed "hidden state" box); the
 * map is fed a spectator socket, so what is drawn is what the projector shows.
 */
import { SEATS, type Seat } from '../../game/vocabulary';
import { leaderIn } from '../../game/state';
import { scenarioOf } from '../display-scenario';
import { MatchSocket } from '../../protocol/match-socket';
import type { ClassroomStatus } from '../../protocol/status';
import type { FacilitatorAnswer } from '../../protocol/lobby';
import { bounded, el, saveFile } from '../dom';
import { live, botName, S, SEAT_LABEL } from '../strings';
import { joinPanel, seatCards } from './seat-cards';
import { SpectatorSession } from './spectator-session';
import { call, clockText, mountMap, request } from './ui';
import { LEVERS } from '../../game/levers';
import { language } from '../../i18n';

/** The longest notice the rules keep (as long as a public statement). */
const BROADCAST_MAX = LEVERS.messages.statementMaxChars;

const P = live(() => S.classroomPages);

/** What the roster says plays a seat. Human seats stay "students" even while the stand-in bot holds them. */
function playedBy(seat: ClassroomStatus['seats'][Seat], bot: string): string {
  if (seat.mode === 'bot') return P.bot(botName(bot));
  return seat.connected > 0 ? P.human(seat.connected) : P.standIn;
}

export async function renderConsole(
  root: HTMLElement,
  matchID: string,
  token: string,
  report: (e: unknown) => void,
): Promise<void> {
  const info = await call<FacilitatorAnswer>(
    'GET',
    `/api/matches/${encodeURIComponent(matchID)}/facilitator`,
    undefined,
    token,
  );
  const socket = new MatchSocket({
    server: '',
    matchID,
    playerID: info.playerID,
    credentials: info.credentials,
  });
  const spectator = new SpectatorSession(matchID);
  let statusAt = Date.now();
  let lastStatus: ClassroomStatus | null = null;
  /** When this console last saw each seat do something (ready, orders, messages, proposals): its idle time. */
  const lastActive = new Map<Seat, { print: string; at: number }>();

  const clock = el('p', { class: 'clock', 'data-test': 'status', 'aria-live': 'off' });
  const lessonEnd = el('p', { class: 'muted', 'data-test': 'lesson-end' });
  const roster = el('div', { 'data-test': 'roster' });
  const mapBox = el('div', { id: 'map', class: 'class-map', 'data-test': 'map' });
  const injectSelect = el('select', {
    name: 'inject',
    'data-test': 'inject-select',
    'aria-labelledby': 'inject-heading',
  });
  const injectPreview = el('div', { class: 'inject-preview', 'data-test': 'inject-preview' });
  const queue = el('ul', { class: 'queue', 'data-test': 'queue' });
  const secrets = el('pre', { class: 'secrets', 'data-test': 'secrets' });
  const cardsBox = el('div', { class: 'seat-cards-holder' });
  const debrief = el(
    'p',
    { class: 'debrief', 'data-test': 'debrief-links', hidden: true },
    el('a', {
      href: `/?replay=${encodeURIComponent(matchID)}`,
      'data-test': 'debrief',
      class: 'button',
      text: P.debrief,
    }),
    ' ',
    el('a', {
      href: `/api/matches/${encodeURIComponent(matchID)}/replay`,
      'data-test': 'replay',
      text: P.download,
    }),
  );

  const post = (route: string, body?: unknown) =>
    call('POST', `/api/matches/${encodeURIComponent(matchID)}/${route}`, body, token).catch(report);
  const act = (label: string, route: string, body?: () => unknown) =>
    el('button', {
      type: 'button',
      'data-action': route,
      text: label,
      onclick: () => void post(route, body?.()),
    });

  // Ending is final for the whole class: the button asks first, in the page (no browser dialog to miss).
  const N = S.classroomNotices;
  // A notice to every seat and the projector; the rules clean and bound it (the broadcast move), maxlength helps.
  const broadcastText = el('textarea', {
    name: 'broadcast',
    'data-test': 'broadcast-text',
    maxlength: String(BROADCAST_MAX),
    rows: '2',
    placeholder: N.broadcastPlaceholder,
  });
  const broadcastBox = el(
    'section',
    { class: 'panel broadcast' },
    el('h3', { text: N.broadcast }),
    broadcastText,
    el('button', {
      type: 'button',
      'data-action': 'broadcast',
      text: N.broadcastButton,
      onclick: () => {
        const text = broadcastText.value.trim();
        if (!text) return;
        // The box empties only once the server took the notice, so a refused one can be fixed and sent again.
        call('POST', `/api/matches/${encodeURIComponent(matchID)}/broadcast`, { text }, token)
          .then(() => (broadcastText.value = ''))
          .catch(report);
      },
    }),
  );
  // The facilitator's choice for the debrief: set before anyone opens or downloads it (the server sends the choice
  // with the replay, and the debrief view leaves the texts out when they are withheld).
  const privateToggle = el('input', {
    type: 'checkbox',
    id: 'debrief-private',
    'data-test': 'debrief-private',
  });
  privateToggle.checked = info.privateMessagesInDebrief === true;
  privateToggle.addEventListener('change', () => {
    void post('settings', { privateMessagesInDebrief: privateToggle.checked });
  });
  const privacy = el(
    'p',
    { class: 'debrief-privacy' },
    privateToggle,
    ' ',
    el('label', { for: 'debrief-private', text: N.debriefPrivate }),
    el('br'),
    el('small', { class: 'muted', text: N.debriefPrivateHint }),
  );

  const confirmBox = el(
    'div',
    { class: 'confirm', role: 'alertdialog', hidden: true, 'data-test': 'confirm-end' },
    el('p', { text: P.confirmEnd }),
    el('button', {
      type: 'button',
      class: 'danger',
      'data-action': 'end',
      text: P.endMatch.replace('…', ''),
      onclick: () => void post('end').then(() => (confirmBox.hidden = true)),
    }),
    ' ',
    el('button', {
      type: 'button',
      text: '×',
      'aria-label': 'cancel',
      onclick: () => (confirmBox.hidden = true),
    }),
  );
  const endButton = el('button', {
    type: 'button',
    'data-test': 'end-match',
    text: P.endMatch,
    onclick: () => (confirmBox.hidden = false),
  });

  // The students' reflections for grading, as the server words the file in this page's language: fetched with the
  // token (a plain link cannot send it) and saved as a file.
  const downloadReflections = async () => {
    const route = `/api/matches/${encodeURIComponent(matchID)}/reflections.csv?lang=${encodeURIComponent(language())}`;
    const res = await request('GET', route, undefined, token);
    saveFile(await res.blob(), `oil-and-water-reflections-${matchID}.csv`);
  };
  const reflectionsButton = el('button', {
    type: 'button',
    'data-test': 'download-reflections',
    text: P.downloadReflections,
    onclick: () => void downloadReflections().catch(report),
  });

  const injectAt = (phase: string, year: number) =>
    phase === 'diplomacy' ? P.injectNow : P.injectAt(phase === 'policy' ? year + 1 : year);

  const renderClock = () => {
    clock.textContent = clockText(socket.status, statusAt, Date.now());
  };

  const render = () => {
    if (socket.status !== lastStatus) {
      lastStatus = socket.status;
      statusAt = Date.now();
    }
    renderClock();
    // Until the socket's first status, the lobby's answer fills the roster.
    const status = socket.status ?? info.status ?? null;
    const G = socket.state?.G;
    const phase = socket.state?.ctx.phase ?? 'briefing';
    const now = Date.now();
    if (G) {
      const scenario = scenarioOf(G);
      lessonEnd.textContent = P.lessonEnds(scenario.endYear);
      if (injectSelect.options.length === 0) {
        for (const c of scenario.wildcards.deck)
          injectSelect.append(el('option', { value: c.id, text: c.title }));
        renderPreview();
        cardsBox.replaceChildren(seatCards(scenario, codes, info.links.join));
      }
      for (const s of SEATS) {
        const print = JSON.stringify([
          G.ready[s],
          G.orders[s]?.length ?? null,
          G.messages.filter((m) => m.from === s).length,
          G.proposals.filter((p) => p.from === s).length,
        ]);
        if (lastActive.get(s)?.print !== print) lastActive.set(s, { print, at: now });
      }
      queue.replaceChildren(
        ...(G.injected.length
          ? G.injected.map((id) =>
              el('li', {
                text: `${scenario.wildcards.deck.find((c) => c.id === id)?.title ?? ''} — ${injectAt(phase, G.year)}`,
              }),
            )
          : [el('li', { class: 'muted', text: P.queueEmpty })]),
      );
      secrets.textContent = SEATS.map((s) =>
        P.agendaLine(
          SEAT_LABEL[s],
          G.agendas[s]?.title ?? P.nobody,
          G.orders[s] === null ? P.noOrders : P.orders(G.orders[s]?.length ?? 0),
          G.ready[s],
        ),
      ).join('\n');
    }
    debrief.hidden = !status?.finished;
    const header = el(
      'tr',
      {},
      ...[P.seat, P.leader, P.students, P.playedBy, P.phaseState, P.joinCode].map((h) =>
        el('th', { scope: 'col', text: h }),
      ),
    );
    const rows = SEATS.map((s) => {
      const seat = status?.seats[s];
      const names = seat?.names.length ? bounded(seat.names.join(', '), 240) : P.nobody;
      let state = '';
      if (G && !status?.finished) {
        state = G.ready[s] ? (phase === 'policy' && G.orders[s] !== null ? P.committed : P.ready) : P.working;
        const since = lastActive.get(s)?.at;
        if (!G.ready[s] && since !== undefined) state += ` · ${P.idle(Math.round((now - since) / 1000))}`;
      }
      return el(
        'tr',
        { 'data-seat': s, class: seat?.mode ?? '' },
        el('th', { scope: 'row', text: SEAT_LABEL[s] }),
        el('td', { text: G ? leaderIn(scenarioOf(G), s, G.year) : '' }),
        el('td', { text: names }),
        el('td', { 'data-test': `played-by-${s}`, text: seat ? playedBy(seat, info.seats[s].bot) : '' }),
        el('td', { text: state }),
        el('td', { 'data-code': s, text: info.seats[s].code ?? P.nobody }),
      );
    });
    roster.replaceChildren(
      el(
        'table',
        { class: 'roster', 'data-test': 'seats' },
        el('caption', { text: P.roster }),
        el('thead', {}, header),
        el('tbody', {}, ...rows),
      ),
    );
  };

  const renderPreview = () => {
    const G = socket.state?.G;
    const card = G ? scenarioOf(G).wildcards.deck.find((c) => c.id === injectSelect.value) : undefined;
    const phase = socket.state?.ctx.phase ?? 'briefing';
    injectPreview.replaceChildren(
      ...(card && G
        ? [
            el('h4', { text: card.title }),
            el('p', { text: card.text }),
            el('p', { class: 'muted', text: injectAt(phase, G.year) }),
          ]
        : []),
    );
  };
  injectSelect.addEventListener('change', renderPreview);

  const codes = Object.fromEntries(SEATS.map((s) => [s, info.seats[s].code]));
  socket.subscribe(() => {
    render();
    renderPreview();
  });
  // The clock and the idle times count down between the server's pushes.
  window.setInterval(render, 1000);
  mountMap(mapBox, spectator);

  root.append(
    el('header', { class: 'class-header' }, el('h1', { text: P.console }), clock, lessonEnd),
    el(
      'div',
      { class: 'controls', role: 'toolbar', 'aria-label': P.controls },
      act(P.start, 'resume'),
      act(P.pause, 'pause'),
      act(P.extend, 'timer', () => ({ extendSeconds: 60 })),
      act(P.skip, 'timer', () => ({ skip: true })),
      act(P.advanceIdle, 'advance'),
      endButton,
      ...(info.reflectionPrompt ? [reflectionsButton] : []),
    ),
    confirmBox,
    privacy,
    debrief,
    el(
      'div',
      { class: 'console-grid' },
      mapBox,
      el(
        'div',
        { class: 'console-side' },
        roster,
        broadcastBox,
        el(
          'section',
          { class: 'panel inject' },
          el('h3', { id: 'inject-heading', text: P.inject }),
          el(
            'div',
            { class: 'row' },
            injectSelect,
            act(P.injectButton, 'inject', () => ({ id: injectSelect.value })),
          ),
          injectPreview,
          el('h4', { text: P.queue }),
          queue,
        ),
        el(
          'p',
          {},
          el('a', {
            href: info.links.projector,
            target: '_blank',
            'data-test': 'projector-link',
            text: P.projectorLink,
          }),
        ),
        el('details', { class: 'panel' }, el('summary', { text: P.secrets }), secrets),
      ),
    ),
    el(
      'section',
      { class: 'panel' },
      el('h3', { text: P.joinLinks }),
      joinPanel(codes, info.links.join),
      el('button', {
        type: 'button',
        'data-test': 'print-cards',
        text: P.printCards,
        onclick: () => window.print(),
      }),
    ),
    cardsBox,
  );
  render();
}
