/**
 * The classroom pages (classroom.html): create a class match, the facilitator console, the projector view, and a
 * student's join page, which hands the joined seat to the game page (`/?classroom=<matchID>&seat=<seat>`): the same
 * map UI as solo play, over a `RemoteSession`. All text from players goes in with textContent.
 */
import { SEATS, SEAT_NAMES, type Seat } from '../../game/vocabulary';
import { seatPath, storeSeat } from './seat-link';
import { MatchSocket } from '../../protocol/match-socket';
import type { ClassroomStatus } from '../../protocol/status';
import { scenarioOf } from '../../game/scenario-registry';

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

async function call<T>(method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(json.error ?? `request failed (${res.status})`);
  return json;
}

const root = document.getElementById('app') as HTMLElement;
const show = (...nodes: Child[]) => root.replaceChildren(...(nodes.filter(Boolean) as Node[]));
const errorLine = el('p', { class: 'error', role: 'alert', 'data-test': 'error' });
const report = (error: unknown) => (errorLine.textContent = error instanceof Error ? error.message : String(error));

function timerText(status: ClassroomStatus | null): string {
  if (!status) return '';
  if (status.finished) return 'match over';
  const t = status.timer;
  const left = t?.deadline != null ? t.deadline - status.serverNow : t?.remainingMs;
  const clock = left == null ? 'no time limit' : `${Math.max(0, Math.round(left / 1000))} s left`;
  return `${status.phase}, round ${status.round} (${status.year}) · ${clock}${status.paused ? ' · PAUSED' : ''}`;
}

function seatTable(status: ClassroomStatus | null, codes?: Record<string, string | null>): HTMLElement {
  const rows = SEATS.map((s) => {
    const seat = status?.seats[s];
    const who = seat ? (seat.names.length ? seat.names.join(', ') : '—') : '';
    const playing = seat ? (seat.botPlaying ? 'bot' : `${seat.connected} online`) : '';
    return el('tr', {}, el('td', {}, SEAT_NAMES[s]), el('td', {}, who), el('td', {}, playing), codes ? el('td', { 'data-code': s }, codes[s] ?? 'bot') : null);
  });
  return el('table', { 'data-test': 'seats' }, ...rows);
}

// --- home: create a match, or join one -----------------------------------------------------------------------------

async function home(joinCode: string): Promise<void> {
  const code = el('input', { name: 'code', value: joinCode, maxlength: '16', autocomplete: 'off' });
  const name = el('input', { name: 'name', maxlength: '24' });
  const joinButton = el('button', { type: 'submit' }, 'Join');
  const joinForm = el('form', { 'data-test': 'join' }, el('h2', {}, 'Join your class'), el('label', {}, 'Code ', code), el('label', {}, ' Name ', name), joinButton);
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    call<{ matchID: string; seat: Seat; credentials: string; name: string }>('POST', '/api/join', {
      code: code.value,
      name: name.value,
    })
      .then((j) => openSeat(j))
      .catch(report);
  });
  if (joinCode) {
    show(el('h1', {}, 'Oil & Water'), joinForm, errorLine);
    return;
  }
  const info = await call<{ scenarios: { id: string; name: string }[]; botKinds: string[] }>('GET', '/api/scenarios');
  const scenario = el('select', { name: 'scenario' }, ...info.scenarios.map((s) => el('option', { value: s.id }, s.name)));
  const seed = el('input', { name: 'seed', placeholder: 'random' });
  const botBoxes = SEATS.map((s) => el('input', { type: 'checkbox', name: `bot-${s}` }));
  const seconds = (phase: string, value: number) => el('input', { type: 'number', name: phase, value: String(value), min: '0' });
  const diplomacy = seconds('diplomacy', 480);
  const policy = seconds('policy', 240);
  const createForm = el(
    'form',
    { 'data-test': 'create' },
    el('h2', {}, 'New class match (teacher)'),
    el('label', {}, 'Scenario ', scenario),
    el('label', {}, ' Seed ', seed),
    el('fieldset', {}, el('legend', {}, 'Bot seats'), ...SEATS.map((s, i) => el('label', {}, botBoxes[i], SEAT_NAMES[s], ' '))),
    el('label', {}, 'Diplomacy seconds ', diplomacy),
    el('label', {}, ' Policy seconds ', policy),
    el('button', { type: 'submit' }, 'Create'),
  );
  createForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const bots = Object.fromEntries(SEATS.filter((_, i) => botBoxes[i].checked).map((s) => [s, info.botKinds.includes('historical') ? 'historical' : 'random']));
    call<{ matchID: string; facilitatorToken: string }>('POST', '/api/matches', {
      scenario: scenario.value,
      ...(seed.value ? { seed: seed.value } : {}),
      bots,
      phaseSeconds: { diplomacy: Number(diplomacy.value), policy: Number(policy.value) },
    })
      .then((m) => {
        history.replaceState(null, '', `?facilitate=${m.matchID}#token=${m.facilitatorToken}`);
        return facilitator(m.matchID, m.facilitatorToken);
      })
      .catch(report);
  });
  show(el('h1', {}, 'Oil & Water — classroom'), createForm, joinForm, errorLine);
}

// --- facilitator console -------------------------------------------------------------------------------------------

async function facilitator(matchID: string, token: string): Promise<void> {
  const info = await call<{ credentials: string; seats: Record<string, { code: string | null }>; links: { join: Record<string, string>; projector: string } }>(
    'GET',
    `/api/matches/${matchID}/facilitator`,
    undefined,
    token,
  );
  const codes = Object.fromEntries(SEATS.map((s) => [s, info.seats[s].code]));
  const socket = new MatchSocket({ server: '', matchID, playerID: '6', credentials: info.credentials });
  const status = el('p', { 'data-test': 'status' });
  const table = el('div');
  const secrets = el('pre', { 'data-test': 'secrets', class: 'secrets' });
  const injectSelect = el('select', { name: 'inject' });
  const act = (label: string, route: string, body?: () => unknown) => {
    const b = el('button', { type: 'button', 'data-action': route }, label);
    b.addEventListener('click', () => void call('POST', `/api/matches/${matchID}/${route}`, body?.(), token).catch(report));
    return b;
  };
  const render = () => {
    status.textContent = timerText(socket.status);
    table.replaceChildren(seatTable(socket.status, codes));
    const G = socket.state?.G;
    if (!G) return;
    if (injectSelect.options.length === 0) {
      for (const c of scenarioOf(G).wildcards.deck) injectSelect.append(el('option', { value: c.id }, c.title ?? c.id));
    }
    secrets.textContent = SEATS.map((s) => {
      const orders = G.orders[s] === null ? 'no orders yet' : `${G.orders[s]?.length ?? 0} orders`;
      return `${SEAT_NAMES[s]}: agenda ${G.agendas[s]?.title ?? '—'}; ${orders}; ready ${G.ready[s] ? 'yes' : 'no'}`;
    }).join('\n');
  };
  socket.subscribe(render);
  const id = encodeURIComponent(matchID);
  const replayLink = el(
    'p',
    {},
    'Debrief (after the end): ',
    el('a', { href: `/?replay=${id}`, 'data-test': 'debrief' }, 'open the replay viewer and the after-action report'),
    ' · ',
    el('a', { href: `/api/matches/${id}/replay`, 'data-test': 'replay' }, 'download the replay file'),
  );
  show(
    el('h1', {}, 'Facilitator console'),
    status,
    el(
      'div',
      { class: 'controls' },
      act('Start / resume', 'resume'),
      act('Pause', 'pause'),
      act('+60 s', 'timer', () => ({ extendSeconds: 60 })),
      act('Skip phase', 'timer', () => ({ skip: true })),
      act('Advance idle seats', 'advance'),
      injectSelect,
      act('Inject event', 'inject', () => ({ id: injectSelect.value })),
      act('End match', 'end'),
    ),
    table,
    el('p', {}, 'Projector: ', el('a', { href: info.links.projector }, info.links.projector)),
    replayLink,
    secrets,
    errorLine,
  );
}

// --- projector (public information only) ---------------------------------------------------------------------------

function projector(matchID: string): void {
  const socket = new MatchSocket({ server: '', matchID, playerID: null });
  const status = el('p', { 'data-test': 'status' });
  const table = el('div');
  const statements = el('ul', { 'data-test': 'statements' });
  socket.subscribe(() => {
    status.textContent = timerText(socket.status);
    table.replaceChildren(seatTable(socket.status));
    const G = socket.state?.G;
    if (!G) return;
    statements.replaceChildren(
      ...G.messages.filter((m) => m.to === 'all').slice(-12).map((m) => el('li', {}, `${SEAT_NAMES[m.from]}: ${m.text}`)),
      ...G.news.slice(-4).map((n) => el('li', { class: 'news' }, `${n.year}: ${n.title}`)),
    );
  });
  show(el('h1', {}, 'Oil & Water'), status, table, statements);
}

// --- a student's seat: the map UI over a RemoteSession -------------------------------------------------------------

/** Opens the game page on the joined seat (credentials in this tab's sessionStorage: see seat-link.ts). */
function openSeat(j: { matchID: string; seat: Seat; credentials: string; name: string }): void {
  storeSeat(j.matchID, j.seat, j.credentials, j.name);
  location.assign(seatPath(j.matchID, j.seat));
}

const params = new URLSearchParams(location.search);
const hash = new URLSearchParams(location.hash.slice(1));
const facilitate = params.get('facilitate');
const projectorID = params.get('projector');
if (facilitate && hash.get('token')) void facilitator(facilitate, hash.get('token') as string).catch(report);
else if (projectorID) projector(projectorID);
else void home(params.get('join') ?? '').catch(report);
