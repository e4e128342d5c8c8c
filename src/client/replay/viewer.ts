/**
 * The replay viewer: open a replay file (or a finished classroom match from this server), scrub its timeline by year
 * and phase, step or play it at a chosen speed, and see the map, panels and charts at that position. Every secret is
 * open — or, through a seat's lens, what that seat saw at the time. From any year: fork a new solo match, download
 * the replay, or read the after-action report.
 */
import './replay.css';
import { botKinds } from '../../bots/registry';
import { SEATS, type Seat, isSeat } from '../../game/vocabulary';
import type { GameState, Proposal } from '../../game/state';
import type { Reason } from '../../game/reasons';
import { el, replace, bounded } from '../dom';
import type { MapData } from '../map/geometry';
import type { MapView } from '../map-view';
import { Charts } from '../panels/charts';
import { renderDetail, showTooltip } from '../panels/detail';
import { downloadReplay } from '../panels/end';
import { renderFeed } from '../panels/feed';
import type { GameSession, LocalSession } from '../session';
import { BOT_DESCRIPTION, botName, messageText, reasonWords, S, SEAT_LABEL, W } from '../strings';
import { orderLabel, proposalLabel, type MapSelection } from '../ui-state';
import { showDebrief } from './debrief-view';
import { PARENT_BOTS, startForkSession } from './fork-session';
import { intervalTicker, ReplayPlayer, SPEEDS } from './player';
import { ReplaySession } from './replay-session';
import {
  diplomacyRound,
  latestRevealed,
  loadTimeline,
  yearsOf,
  type Position,
  type Timeline,
} from './timeline';
import { agendaText, scenarioOf } from '../display-scenario';
import { onLanguageChange, t } from '../../i18n';
import { languageSwitcher } from '../language-switcher';
import { MATCH_ID_PATTERN } from '../../protocol/schemas';
import { loadBuiltinScenario } from '../../scenario/builtin';

/** The parts of the game's layout the viewer draws into. */
export interface ViewerLayout {
  /** The screen with the open form. */
  screen: HTMLElement;
  game: HTMLElement;
  top: HTMLElement;
  mapBox: HTMLElement;
  tooltip: HTMLElement;
  /** The side panel: the timeline controls, the lens, the fork and the secrets. */
  seat: HTMLElement;
  detail: HTMLElement;
  features: HTMLElement;
  feed: HTMLElement;
  charts: HTMLElement;
  /** The overlay the after-action report opens in. */
  debrief: HTMLElement;
}

/** What the browser tests may reach (the app's test hooks). */
export interface ViewerHooks {
  session: GameSession | null;
  view: MapView | null;
  map: MapData;
  mapReady: boolean;
  mapReadyAt?: number;
}

export interface ViewerOptions {
  /** Back to the start screen. */
  onBack(): void;
  /** A fork started: the app plays it like any local match. */
  onFork(session: LocalSession): void;
  /** Draws the map's keyboard buttons (the app's own). */
  renderFeatures(box: HTMLElement, session: GameSession, select: (s: MapSelection) => void): void;
  /** Load this classroom match at once. */
  matchID?: string;
}

/** What the after-action report shows of a replay: private messages only when the facilitator allows them. */
export interface DebriefChoice {
  privateMessages: boolean;
}

/** The position's phase in words. */
function phaseWords(p: Position): string {
  switch (p.phase) {
    case 'briefing':
      return S.replay.phaseBriefing;
    case 'diplomacy':
      return S.replay.phaseDiplomacy;
    case 'policy':
      return S.replay.phasePolicy;
    case 'over':
      return S.replay.phaseOver;
  }
}

/** The scenario id a replay file names, read without validating the file (that is `loadTimeline`'s job). */
function eraOf(text: string): string {
  try {
    const id = (JSON.parse(text) as { scenario?: { id?: unknown } } | null)?.scenario?.id;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

/** Opens the viewer on its open form; returns the teardown. */
export function openReplayViewer(L: ViewerLayout, hooks: ViewerHooks, options: ViewerOptions): () => void {
  let unmount: (() => void) | null = null;
  // What is on screen, so a language switch can mount it again at the same position.
  let shown: { timeline: Timeline; debrief: DebriefChoice; place: { index: number } } | null = null;
  const offLanguage = onLanguageChange(() => {
    if (unmount && shown) {
      unmount();
      unmount = mount(L, hooks, options, shown.timeline, showForm, shown.debrief, shown.place);
    } else if (!L.screen.hidden) showForm();
  });
  const error = el('p', { class: 'problem', role: 'alert', 'data-test': 'replay-error' });
  const status = el('p', { class: 'muted', role: 'status', 'data-test': 'replay-status' });

  // A file opened from disk shows everything it holds; a match from the server follows the facilitator's choice.
  const load = (text: string, debrief: DebriefChoice = { privateMessages: true }) => {
    error.textContent = '';
    status.textContent = S.replay.loading;
    // Download the replay's era if it names a built-in one (src/scenario/builtin-browser.ts), and let the status
    // paint before the (synchronous) re-play.
    void loadBuiltinScenario(eraOf(text)).then(
      () =>
        setTimeout(() => {
          const result = loadTimeline(text);
          status.textContent = '';
          if (!result.ok) {
            error.textContent = S.replay.badFile(result.error);
            return;
          }
          unmount?.();
          shown = { timeline: result.timeline, debrief, place: { index: 0 } };
          unmount = mount(L, hooks, options, result.timeline, showForm, debrief, shown.place);
        }, 0),
      (failure: unknown) => {
        status.textContent = '';
        error.textContent = S.replay.badFile(failure instanceof Error ? failure.message : String(failure));
      },
    );
  };

  const fromServer = async (matchID: string, token: string) => {
    if (!MATCH_ID_PATTERN.test(matchID)) {
      error.textContent = S.replay.badMatchID;
      return;
    }
    error.textContent = '';
    status.textContent = S.replay.loading;
    try {
      const response = await fetch(`/api/matches/${encodeURIComponent(matchID)}/replay`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        cache: 'no-store',
      });
      const text = await response.text();
      if (!response.ok) {
        let message = text.slice(0, 300);
        try {
          message = String((JSON.parse(text) as { error?: unknown }).error ?? message);
        } catch {
          // Not JSON: the status line and the start of the body say enough.
        }
        status.textContent = '';
        error.textContent = S.replay.serverError(response.status, message);
        return;
      }
      // The facilitator's choice for the debrief (display only: the file keeps the texts verification re-plays).
      // Anything but an explicit 'include' withholds them, so a missing header never shows private talk.
      const header = response.headers.get('X-Debrief-Private-Messages');
      load(text, { privateMessages: header === 'include' });
    } catch (e) {
      status.textContent = '';
      error.textContent = S.replay.networkError((e as Error).message);
    }
  };

  function showForm(): void {
    unmount?.();
    unmount = null;
    shown = null;
    L.game.hidden = true;
    L.screen.hidden = false;
    const file = el('input', {
      id: 'replay-file',
      type: 'file',
      accept: '.json,application/json',
      'data-test': 'replay-file',
      onchange: () => {
        const chosen = file.files?.[0];
        if (!chosen) return;
        chosen.text().then(load, (e: Error) => (error.textContent = S.replay.unreadable(e.message)));
        file.value = '';
      },
    });
    const matchID = el('input', {
      id: 'replay-match-id',
      type: 'text',
      maxlength: 40,
      'data-test': 'replay-match-id',
      value: options.matchID ?? '',
    });
    const token = el('input', {
      id: 'replay-token',
      type: 'password',
      maxlength: 200,
      autocomplete: 'off',
      'data-test': 'replay-token',
    });
    replace(
      L.screen,
      el('h1', { text: S.title }),
      el('h2', { text: S.replay.heading }),
      el('p', { text: S.replay.intro }),
      el('div', { class: 'field' }, el('label', { for: 'replay-file', text: S.replay.file }), file),
      el(
        'form',
        {
          class: 'server-form',
          onsubmit: (event: Event) => {
            event.preventDefault();
            void fromServer(matchID.value.trim(), token.value.trim());
          },
        },
        el('h3', { text: S.replay.fromServer }),
        el(
          'div',
          { class: 'field' },
          el('label', { for: 'replay-match-id', text: S.replay.matchID }),
          matchID,
        ),
        el('div', { class: 'field' }, el('label', { for: 'replay-token', text: S.replay.token }), token),
        el('button', { type: 'submit', 'data-test': 'replay-load', text: S.replay.load }),
      ),
      status,
      error,
      el('button', { 'data-test': 'replay-back', text: S.replay.back, onclick: () => options.onBack() }),
    );
    file.focus();
  }

  showForm();
  if (options.matchID) void fromServer(options.matchID, '');
  return () => {
    offLanguage();
    unmount?.();
    unmount = null;
  };
}

/** Shows a loaded timeline in the game layout; returns the teardown. */
function mount(
  L: ViewerLayout,
  hooks: ViewerHooks,
  options: ViewerOptions,
  timeline: Timeline,
  openAnother: () => void,
  debrief: DebriefChoice,
  /** The position shown, kept up to date here; a mount starts at it (a language switch re-mounts in place). */
  place: { index: number },
): () => void {
  const session = new ReplaySession(timeline);
  const player = new ReplayPlayer(session, intervalTicker());
  hooks.session = session;
  hooks.mapReady = false;
  L.screen.hidden = true;
  L.game.hidden = false;
  let selection: MapSelection | null = null;
  let view: MapView | null = null;
  let charts: Charts | null = null;
  let destroyed = false;

  const select = (s: MapSelection | null) => {
    selection = s;
    view?.scene.refresh();
    render();
  };
  const hover = (s: MapSelection | null, x: number, y: number) =>
    showTooltip(L.tooltip, L.mapBox, session.view(), s, x, y, hooks.map.width);

  // Controls are built once and updated, so the slider keeps focus while the arrow keys move it.
  const last = session.lastIndex;
  const positionLabel = el('p', { class: 'position', 'data-test': 'position', 'aria-live': 'polite' });
  const slider = el('input', {
    id: 'replay-scrubber',
    type: 'range',
    min: 0,
    max: last,
    step: 1,
    value: 0,
    'data-test': 'scrubber',
    'aria-label': S.replay.scrubber,
    oninput: () => player.seek(Number(slider.value)),
  });
  const playButton = el('button', {
    'data-test': 'replay-play',
    'aria-pressed': 'false',
    text: S.replay.play,
    onclick: () => player.toggle(),
  });
  const stepButton = (text: string, test: string, go: () => void) =>
    el('button', { 'data-test': test, text, onclick: go });
  const speedSelect = el(
    'select',
    {
      id: 'replay-speed',
      'data-test': 'replay-speed',
      onchange: () => player.setSpeed(Number(speedSelect.value)),
    },
    ...SPEEDS.map((v) =>
      el('option', { value: v, text: S.replay.speedOption(v), selected: v === player.speed }),
    ),
  );
  // The play button follows the player, which also pauses by itself at the end.
  const unsubscribePlayer = player.subscribe(() => {
    playButton.textContent = player.playing ? S.replay.pause : S.replay.play;
    playButton.setAttribute('aria-pressed', String(player.playing));
  });
  const yearSelect = el(
    'select',
    {
      id: 'replay-year',
      'data-test': 'jump-year',
      onchange: () => player.jumpToYear(Number(yearSelect.value)),
    },
    ...yearsOf(timeline).map((y) => el('option', { value: y, text: String(y) })),
  );
  const lensSelect = el(
    'select',
    {
      id: 'replay-lens',
      'data-test': 'lens',
      onchange: () => session.setLens(isSeat(lensSelect.value) ? lensSelect.value : null),
    },
    el('option', { value: '', text: S.replay.everything }),
    ...SEATS.map((s) => el('option', { value: s, text: S.replay.seatSaw(SEAT_LABEL[s]) })),
  );

  // The fork form.
  const forkSeat = el(
    'select',
    { id: 'fork-seat', 'data-test': 'fork-seat' },
    ...SEATS.map((s) => el('option', { value: s, text: SEAT_LABEL[s], selected: s === 'japan' })),
  );
  const forkBots = el(
    'select',
    { id: 'fork-bots', 'data-test': 'fork-bots' },
    // The parent match's own bots first, so a fork changes only what the person chooses to change.
    el('option', { value: PARENT_BOTS, text: W.fork.parentBots, selected: true }),
    ...botKinds().map((k) =>
      el('option', { value: k, text: `${S.start.bot(botName(k))} — ${BOT_DESCRIPTION[k] ?? ''}` }),
    ),
  );
  const forkSeed = el('input', { id: 'fork-seed', type: 'text', maxlength: 64, 'data-test': 'fork-seed' });
  const forkHelp = el('p', { class: 'help muted' });
  const forkError = el('p', { class: 'problem', role: 'alert', 'data-test': 'fork-error' });
  const forkButton = el('button', {
    class: 'primary',
    'data-test': 'fork-start',
    onclick: () => {
      player.pause();
      const seat = forkSeat.value as Seat;
      const result = startForkSession(timeline.replay, {
        year: session.position.forkYear,
        seat,
        botKind: forkBots.value,
        seed: forkSeed.value,
      });
      if (!result.ok) {
        forkError.textContent = S.replay.forkFailed(result.error);
        return;
      }
      options.onFork(result.session);
    },
  });

  const about = el('p', {
    class: 'muted',
    'data-test': 'replay-about',
    text: S.replay.about(
      timeline.scenario.name,
      timeline.replay.seed,
      timeline.replay.actions.length,
      S.replay.verified,
    ),
  });
  const parent = timeline.replay.parent;
  const secrets = el('section', { class: 'secrets', 'data-test': 'secrets' });
  replace(
    L.seat,
    el('h2', { text: S.replay.heading }),
    about,
    parent ? el('p', { class: 'muted', text: S.replay.forkedFrom(parent.year, parent.finalHash) }) : null,
    timeline.replay.finished ? null : el('p', { class: 'muted', text: S.replay.unfinished }),
    el(
      'section',
      { class: 'timeline', 'aria-label': S.replay.timeline },
      el('h3', { text: S.replay.timeline }),
      positionLabel,
      slider,
      el(
        'div',
        { class: 'buttons' },
        stepButton(S.replay.first, 'replay-first', () => player.goTo(0)),
        stepButton(S.replay.previous, 'replay-back-step', () => player.step(-1)),
        playButton,
        stepButton(S.replay.next, 'replay-forward', () => player.step(1)),
        stepButton(S.replay.last, 'replay-last', () => player.goTo(last)),
      ),
      el('div', { class: 'field' }, el('label', { for: 'replay-speed', text: S.replay.speed }), speedSelect),
      el('div', { class: 'field' }, el('label', { for: 'replay-year', text: S.replay.jumpYear }), yearSelect),
    ),
    el('div', { class: 'field' }, el('label', { for: 'replay-lens', text: S.replay.lens }), lensSelect),
    el(
      'section',
      { class: 'fork' },
      el('h3', { text: S.replay.fork }),
      forkHelp,
      el('div', { class: 'field' }, el('label', { for: 'fork-seat', text: S.replay.forkSeat }), forkSeat),
      el('div', { class: 'field' }, el('label', { for: 'fork-bots', text: S.replay.forkBots }), forkBots),
      el('div', { class: 'field' }, el('label', { for: 'fork-seed', text: S.replay.forkSeed }), forkSeed),
      forkButton,
      forkError,
    ),
    el(
      'div',
      { class: 'buttons' },
      el('button', {
        'data-test': 'viewer-download',
        text: S.replay.download,
        onclick: () => downloadReplay(timeline.replay),
      }),
      el('button', {
        'data-test': 'viewer-debrief',
        text: S.replay.debrief,
        onclick: () => {
          player.pause();
          showDebrief(L.debrief, timeline.replay, () => (L.debrief.hidden = true), debrief);
        },
      }),
      el('button', { 'data-test': 'viewer-open', text: S.replay.openAnother, onclick: openAnother }),
    ),
    secrets,
  );

  const render = () => {
    if (destroyed) return;
    const p = session.position;
    const v = session.view();
    place.index = p.index;
    const words = S.replay.position(p.year, phaseWords(p));
    positionLabel.textContent = `${words} (${S.replay.positionOf(p.index + 1, last + 1)})`;
    slider.value = String(p.index);
    slider.setAttribute('aria-valuetext', words);
    if (p.phase !== 'briefing') yearSelect.value = String(p.year);
    forkHelp.textContent = S.replay.forkHelp(p.forkYear);
    forkButton.textContent = S.replay.forkStart(p.forkYear);
    renderTop(L.top, session, words);
    renderSecrets(secrets, session, v);
    renderDetail(L.detail, v, selection, () => select(null));
    options.renderFeatures(L.features, session, select);
    renderFeed(L.feed, v);
    if (!charts) charts = new Charts(L.charts, v);
    else charts.update(v);
  };

  const unsubscribe = session.subscribe(render);
  if (place.index > 0) player.seek(place.index);
  render();
  slider.focus();
  void import('../map-view').then(({ createMapView }) => {
    if (destroyed) return;
    view = createMapView(L.mapBox, {
      map: hooks.map,
      session,
      onHover: hover,
      onSelect: select,
      selection: () => selection,
      onReady: () => {
        hooks.mapReady = true;
        hooks.mapReadyAt = performance.now();
      },
    });
    hooks.view = view;
  });

  return () => {
    destroyed = true;
    unsubscribePlayer();
    player.destroy();
    unsubscribe();
    charts?.destroy();
    view?.game.destroy(true);
    hooks.view = null;
    hooks.mapReady = false;
    hooks.session = null;
    L.mapBox.replaceChildren();
    L.charts.replaceChildren();
    L.tooltip.hidden = true;
  };
}

function renderTop(top: HTMLElement, session: ReplaySession, words: string): void {
  const v = session.view();
  const total = scenarioOf(v).endYear - scenarioOf(v).startYear + 1;
  const lens = session.lens;
  replace(
    top,
    el('span', { class: 'brand', text: S.title }),
    el('span', { class: 'era', text: scenarioOf(v).name }),
    el('span', { class: 'year', 'data-test': 'year', text: S.top.year(v.year) }),
    el('span', { text: S.top.round(Math.max(1, v.round), total) }),
    el('span', { 'data-test': 'phase', text: S.top.phase(words) }),
    el('span', {
      class: 'you',
      'data-test': 'lens-label',
      text: lens ? S.replay.seatSaw(SEAT_LABEL[lens]) : S.replay.everything,
    }),
    languageSwitcher(),
  );
}

/** The secrets at a position, through the lens: agendas, the latest diplomacy with reasons, the latest orders. */
function renderSecrets(box: HTMLElement, session: ReplaySession, v: GameState): void {
  const p = session.position;
  // Reasons are codes (src/game/reasons.ts), worded in the language shown.
  const because = (reason: Reason | undefined) =>
    reason
      ? el('span', { class: 'reason muted', text: ` — ${S.replay.because(reasonWords(reason))}` })
      : null;
  const answered = (x: Proposal) =>
    x.answerReason
      ? el('span', {
          class: 'reason muted',
          text: ` — ${t('reason.answered', { seat: SEAT_LABEL[x.to], reason: reasonWords(x.answerReason) })}`,
        })
      : null;
  const agendas = el(
    'ul',
    { class: 'agendas' },
    ...SEATS.map((s) => {
      const a = v.agendas[s];
      const words = a ? agendaText(v, a) : null;
      const body =
        a && words
          ? `${words.title}: ${words.text} (${S.agenda.stakes(a.bonus, a.cost)})`
          : p.round === 0
            ? S.replay.agendaNotDealt
            : S.replay.agendaHidden;
      return el(
        'li',
        { 'data-test': `secret-agenda-${s}`, 'data-open': a ? 'yes' : 'no' },
        el('strong', { text: `${SEAT_LABEL[s]}: ` }),
        body,
      );
    }),
  );

  const round = diplomacyRound(p);
  const year = scenarioOf(v).startYear + round - 1;
  const decisions = v.decisions.filter((d) => d.round === round);
  const proposals = v.proposals.filter((x) => x.round === round);
  const privates = v.messages.filter((m) => m.round === round && m.to !== 'all');
  const diplomacy =
    round < 1
      ? [el('p', { class: 'muted', text: S.replay.noDiplomacyYet })]
      : [
          el(
            'ul',
            { 'data-test': 'secret-diplomacy' },
            ...decisions.map((d) => {
              const chosen = d.options.find((o) => o.id === d.chosen)?.label ?? S.replay.undecided;
              return el(
                'li',
                {},
                `${SEAT_LABEL[d.seat]}: ${S.replay.decision(d.prompt, chosen)}`,
                because(d.reason),
              );
            }),
            ...proposals.map((x) =>
              el(
                'li',
                {},
                `${SEAT_LABEL[x.from]}: ${proposalLabel(v, x, x.from)} — ${S.seat.status[x.status] ?? x.status}`,
                because(x.reason),
                answered(x),
              ),
            ),
          ),
          el('h4', { text: S.replay.privateOf(year) }),
          privates.length
            ? el(
                'ul',
                { 'data-test': 'secret-messages' },
                ...privates.map((m) =>
                  el(
                    'li',
                    {},
                    el('strong', { text: `${SEAT_LABEL[m.from]} → ${SEAT_LABEL[m.to as Seat]}: ` }),
                    bounded(messageText(m)),
                  ),
                ),
              )
            : el('p', { class: 'muted', text: S.replay.noPrivate }),
        ];

  const revealed = latestRevealed(v);
  const orders = revealed
    ? [
        el('h4', { text: S.replay.ordersOf(revealed.year) }),
        el(
          'ul',
          { 'data-test': 'secret-orders' },
          ...SEATS.map((s) => {
            const list = revealed.orders[s];
            return el(
              'li',
              { 'data-test': `secret-orders-${s}` },
              el('strong', { text: `${S.replay.seatOrders(SEAT_LABEL[s])}: ` }),
              list.length === 0 ? S.replay.noOrders : null,
              ...list.map((o, i) =>
                el('span', { class: 'order' }, i ? '; ' : '', orderLabel(v, o), because(o.reason)),
              ),
            );
          }),
        ),
      ]
    : [el('p', { class: 'muted', text: S.replay.noOrdersYet })];

  replace(
    box,
    el('h3', { text: S.replay.secrets }),
    el('h4', { text: S.replay.agendas }),
    agendas,
    el('h4', {
      text: round >= 1 ? S.replay.diplomacyOf(year) : S.replay.diplomacyOf(scenarioOf(v).startYear),
    }),
    ...diplomacy,
    ...orders,
  );
}
