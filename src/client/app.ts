/**
 * The browser game: the start screen, then the map with its panels for the session's active seat, the hot-seat pass
 * screen and the end screen. Panels and the scene see only the `GameSession` interface.
 */
import mapJson from '../../assets/map/northeast-asia.json';
import { ISLANDS, SEATS, type Seat, isSeat } from '../game/vocabulary';
import { loadBuiltinScenario } from '../scenario/builtin';
import { bounded, el, replace } from './dom';
import type { GameState } from '../game/state';
import { decodeMap, type MapData, type MapFile } from './map/geometry';
import type { MapView } from './map-view';
import { Charts } from './panels/charts';
import { renderDetail, showTooltip } from './panels/detail';
import { downloadReplay, renderEnd } from './panels/end';
import { renderFeed } from './panels/feed';
import { renderPass } from './panels/pass';
import { renderSeat } from './panels/seat';
import { renderStart } from './panels/start';
import { renderMapText } from './panels/map-text';
import { installShortcuts } from './panels/shortcuts';
import { seatCredentials, seatReflectionPrompt } from './classroom/seat-link';
import type { Replay } from '../match/replay';
import { LocalSession, type ClassroomBanner, type GameSession } from './session';
import { defaultOptions, optionsFromQuery, type StartOptions } from './start-options';
import { Tutorial, tutorialOptions } from './tutorial';
import { ISLAND_LABEL, S, SEAT_LABEL, phaseLabel } from './strings';
import { loadDeferredMessages, onLanguageChange, onMessagesLoaded, t } from '../i18n';
import { languageSwitcher } from './language-switcher';
import { UiState, type MapSelection } from './ui-state';
import { leaderName, loadDisplayTexts, onScenarioTexts, scenarioOf } from './display-scenario';

const MAP = decodeMap(mapJson as unknown as MapFile);

/** What the browser tests and the benchmark may reach: nothing else is global. */
export interface TestHooks {
  session: GameSession | null;
  ui: UiState | null;
  view: MapView | null;
  map: MapData;
  mapReady: boolean;
  /** performance.now() when the map first drew: milliseconds since navigation began. */
  mapReadyAt?: number;
}

declare global {
  interface Window {
    __oilAndWater?: TestHooks;
  }
}

interface Layout {
  start: HTMLElement;
  game: HTMLElement;
  top: HTMLElement;
  mapBox: HTMLElement;
  tooltip: HTMLElement;
  /** Controls for what the map draws (the trust-line toggle), under the map. */
  mapTools: HTMLElement;
  seat: HTMLElement;
  detail: HTMLElement;
  features: HTMLElement;
  /** The map as text: islands, positions, trust, projects, alignments (panels/map-text.ts). */
  mapText: HTMLElement;
  /** "Skip to your seat", the first stop of the game screen for a keyboard. */
  skip: HTMLElement;
  feed: HTMLElement;
  charts: HTMLElement;
  pass: HTMLElement;
  end: HTMLElement;
  /** The replay viewer's open form. */
  replay: HTMLElement;
  /** The after-action report, over everything. */
  debrief: HTMLElement;
  toast: HTMLElement;
}

function layout(root: HTMLElement): Layout {
  const L: Layout = {
    start: el('section', { id: 'start-screen', class: 'screen' }),
    game: el('div', { id: 'game', hidden: true }),
    top: el('header', { id: 'topbar', 'data-test': 'topbar' }),
    mapBox: el('div', { id: 'map', 'aria-label': S.map.features }),
    tooltip: el('div', { id: 'tooltip', role: 'tooltip', hidden: true }),
    mapTools: el('div', { class: 'map-tools' }),
    seat: el('section', { id: 'seat-panel', 'aria-live': 'polite' }),
    detail: el('section', { id: 'detail-panel', 'data-test': 'detail' }),
    features: el('details', { id: 'features' }),
    mapText: el('details', { id: 'map-text', 'data-test': 'map-text' }),
    skip: el('button', { class: 'skip-link', 'data-test': 'skip-to-seat' }),
    feed: el('section', { id: 'feed' }),
    charts: el('section', { id: 'charts' }),
    pass: el('section', { id: 'pass-screen', class: 'screen', hidden: true }),
    end: el('section', { id: 'end-screen', class: 'screen', hidden: true }),
    replay: el('section', { id: 'replay-screen', class: 'screen', hidden: true }),
    debrief: el('section', { id: 'debrief-screen', hidden: true, 'aria-label': S.debrief.heading }),
    toast: el('p', { id: 'toast', role: 'status' }),
  };
  L.game.append(
    L.skip,
    L.top,
    el(
      'div',
      { id: 'board' },
      el(
        'div',
        { id: 'map-column' },
        el('div', { id: 'map-wrap' }, L.mapBox, L.tooltip),
        L.mapTools,
        L.features,
        L.mapText,
      ),
      el('aside', { id: 'side' }, L.seat, L.detail),
    ),
    el('div', { id: 'lower' }, L.feed, L.charts),
  );
  root.replaceChildren(L.start, L.replay, L.game, L.pass, L.end, L.debrief, L.toast);
  return L;
}

/** Moves keyboard focus to a region (its first heading, else the region itself), making it focusable if needed. */
function focusRegion(region: HTMLElement): void {
  const target = region.querySelector<HTMLElement>('h2, h3, summary') ?? region;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

/** What the keyboard shortcuts and the top bar reach in the match on screen (set by `playSession`). */
const keyboard = {
  openShortcuts: () => {},
  /** Closes the detail panel; returns whether one was open. */
  closeDetail: () => false,
};

/** The single-key shortcuts and their dialog (panels/shortcuts.ts), aimed at this layout. */
function keyboardAccess(root: HTMLElement, L: Layout): void {
  const openDisclosure = (box: HTMLElement) => {
    box.setAttribute('open', '');
    focusRegion(box);
  };
  const { open } = installShortcuts(root, {
    active: () => !L.game.hidden,
    seat: () => focusRegion(L.seat),
    mapText: () => openDisclosure(L.mapText),
    features: () => openDisclosure(L.features),
    news: () => focusRegion(L.feed),
    escape: () => keyboard.closeDetail(),
  });
  keyboard.openShortcuts = open;
  L.skip.textContent = t('a11y.skipToSeat');
  L.skip.onclick = () => focusRegion(L.seat);
}

/** Runs the game in `root`. */
export function startApp(root: HTMLElement): void {
  const L = layout(root);
  keyboardAccess(root, L);
  const hooks: TestHooks = { session: null, ui: null, view: null, map: MAP, mapReady: false };
  window.__oilAndWater = hooks;
  let teardown: (() => void) | null = null;
  // A language switch redraws the screen in view: the start form as filled so far (the game screen redraws itself).
  let redraw: () => void = () => {};
  document.title = S.title;
  onLanguageChange(() => {
    document.title = S.title;
    redraw();
  });
  onScenarioTexts(() => redraw());

  const hideAll = () => {
    teardown?.();
    teardown = null;
    redraw = () => {};
    for (const screen of [L.game, L.end, L.pass, L.start, L.replay, L.debrief]) screen.hidden = true;
  };
  const showStart = (initial: StartOptions) => {
    hideAll();
    L.start.hidden = false;
    // renderStart fills in this copy as the form changes, so a redraw keeps the choices.
    const options: StartOptions = { ...initial, controllers: { ...initial.controllers } };
    redraw = () => !L.start.hidden && showStart(options);
    renderStart(
      L.start,
      options,
      (chosen) => {
        // The match screen redraws itself from here on (playSession); the start form must not.
        redraw = () => {};
        teardown = play(L, hooks, chosen, () => showStart({ ...chosen, seed: defaultOptions().seed }));
      },
      () => showViewer(),
      () => {
        hideAll();
        teardown = play(L, hooks, tutorialOptions(), () => showStart(defaultOptions()), { tutorial: true });
      },
    );
  };
  // The viewer (and the report code it brings) loads only when asked for.
  const showViewer = (matchID?: string) => {
    hideAll();
    L.replay.hidden = false;
    let closed = false;
    teardown = () => {
      closed = true;
    };
    // The viewer's words are a deferred part of the catalogue (src/i18n `loadDeferredMessages`).
    void Promise.all([import('./replay/viewer'), loadDeferredMessages()]).then(([{ openReplayViewer }]) => {
      if (closed) return;
      teardown = openReplayViewer({ ...L, screen: L.replay }, hooks, {
        onBack: () => showStart(defaultOptions()),
        onFork: (session) => {
          hideAll();
          teardown = playSession(L, hooks, session, () => showStart(defaultOptions()));
        },
        // The viewer's map features come with the map as text (the same layout's disclosure under the map).
        renderFeatures: (box, session, select) => {
          renderFeatures(box, session, select);
          renderMapText(L.mapText, session.view());
        },
        ...(matchID ? { matchID } : {}),
      });
    });
  };

  // A student's seat in a class match: the join page stored the seat's credentials for this tab.
  const showClassroom = (matchID: string, seat: Seat) => {
    hideAll();
    L.start.hidden = false;
    const note = el('p', { 'data-test': 'classroom-connecting', text: S.classroom.connecting });
    replace(L.start, el('h1', { text: S.title }), note);
    const fail = (text: string) =>
      replace(
        L.start,
        el('h1', { text: S.title }),
        el('p', { role: 'alert', 'data-test': 'classroom-error', text }),
        el('a', { href: '/classroom.html', text: S.classroom.back }),
      );
    const credentials = seatCredentials(matchID, seat);
    if (!credentials) return fail(S.classroom.noSeat);
    let closed = false;
    let close = () => {
      closed = true;
    };
    teardown = () => close();
    void import('./classroom/remote-session').then(async ({ RemoteSession }) => {
      if (closed) return;
      const session = new RemoteSession({ server: '', matchID, seat, credentials });
      close = () => session.close();
      try {
        await session.ready();
      } catch (error) {
        session.close();
        return fail(S.classroom.failed(error instanceof Error ? error.message : String(error)));
      }
      if (closed) return session.close();
      const stop = playSession(L, hooks, session, () => location.assign('/classroom.html'), {
        onDebrief: () => location.assign(`/?replay=${encodeURIComponent(matchID)}`),
        bindNotify: (notify) => (session.onError = (message) => notify(message)),
      });
      // The teacher's optional yearly reflection prompt (classroom/reflection.ts), loaded only when asked for.
      let unmountReflection = () => {};
      if (seatReflectionPrompt(matchID, seat)) {
        void import('./classroom/reflection').then(({ mountReflectionBox }) => {
          if (!closed) unmountReflection = mountReflectionBox(session);
        });
      }
      close = () => {
        closed = true;
        unmountReflection();
        stop();
        session.close();
      };
    });
  };

  const query = new URLSearchParams(location.search);
  const { options, autostart } = optionsFromQuery(location.search);
  const replayMatch = query.get('replay');
  const classroomMatch = query.get('classroom');
  const classroomSeat = query.get('seat');
  if (classroomMatch !== null && isSeat(classroomSeat))
    showClassroom(classroomMatch.slice(0, 40), classroomSeat);
  else if (replayMatch !== null) showViewer(replayMatch.slice(0, 40) || undefined);
  else if (autostart) teardown = play(L, hooks, options, () => showStart(defaultOptions()));
  else showStart(options);
}

function play(
  L: Layout,
  hooks: TestHooks,
  options: StartOptions,
  onNewMatch: () => void,
  extras: PlayExtras = {},
): () => void {
  // The era downloads on demand (src/scenario/builtin-browser.ts); the screen in view stays until it is here.
  let stop: (() => void) | null = null;
  let closed = false;
  void loadBuiltinScenario(options.scenarioId).then(async (scenario) => {
    if (closed) return;
    if (!scenario) throw new Error(`unknown scenario ${options.scenarioId}`);
    // The era's texts in the page's language come with it (English is the scenario itself).
    await loadDisplayTexts(scenario.id);
    if (closed) return;
    const session = new LocalSession({
      scenario,
      seed: options.seed.trim(),
      controllers: options.controllers,
    });
    stop = playSession(L, hooks, session, onNewMatch, extras);
  });
  return () => {
    closed = true;
    stop?.();
  };
}

interface PlayExtras {
  /** The end screen's debrief, for a session that cannot build its own replay (a class match: the server's). */
  onDebrief?: () => void;
  /** Hands the toast to a session whose refusals arrive later (a class match). */
  bindNotify?: (notify: (text: string) => void) => void;
  /** Runs the guided first match's overlay over this session (src/client/tutorial.ts). */
  tutorial?: boolean;
}

/** Plays a session (a new match, a fork or a class match) in the game layout; returns the teardown. */
function playSession(
  L: Layout,
  hooks: TestHooks,
  session: GameSession,
  onNewMatch: () => void,
  extras: PlayExtras = {},
): () => void {
  const ui = new UiState(session);
  hooks.session = session;
  hooks.ui = ui;
  hooks.mapReady = false;
  L.start.hidden = true;
  L.game.hidden = false;
  let charts: Charts | null = null;
  let view: MapView | null = null;
  let toastTimer = 0;
  let tutorial: Tutorial | null = null;

  const notify = (text: string) => {
    L.toast.textContent = text;
    clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => (L.toast.textContent = ''), 4000);
  };
  const select = (selection: MapSelection | null) => {
    ui.select(selection);
    view?.scene.refresh();
    render();
  };
  keyboard.closeDetail = () => {
    if (!ui.selection) return false;
    select(null);
    focusRegion(L.features);
    return true;
  };
  const hover = (selection: MapSelection | null, x: number, y: number) =>
    showTooltip(L.tooltip, L.mapBox, session.view(), selection, x, y, MAP.width);

  const render = () => {
    // A move that removes the focused control (the briefing's button, Commit) must not drop a keyboard user back to
    // the top of the page: focus goes to the seat panel's heading instead.
    const seatHadFocus = L.seat.contains(document.activeElement);
    ui.sync();
    const v = session.view();
    L.pass.hidden = ui.screen !== 'pass';
    L.game.hidden = ui.screen === 'pass';
    if (ui.screen === 'pass' && ui.passTo) {
      renderPass(L.pass, ui.passTo, () => {
        ui.confirmPass();
        render();
      });
      return;
    }
    L.skip.textContent = t('a11y.skipToSeat');
    renderTop(L.top, session);
    renderSeat(L.seat, { session, ui, refresh: render, notify });
    renderDetail(L.detail, v, ui.selection, () => select(null));
    renderMapTools(L.mapTools, session, ui, () => {
      view?.scene.refresh();
      render();
    });
    renderFeatures(L.features, session, select);
    renderMapText(L.mapText, v);
    renderFeed(L.feed, v);
    if (!charts) charts = new Charts(L.charts, v);
    else charts.update(v);
    L.end.hidden = ui.screen !== 'end';
    if (seatHadFocus && !L.game.hidden && !L.seat.contains(document.activeElement)) focusRegion(L.seat);
    if (ui.screen === 'end' && !L.end.dataset.shown) {
      L.end.dataset.shown = '1';
      queueMicrotask(() => focusRegion(L.end));
      renderEnd(L.end, {
        view: v,
        seed: session.seed,
        humanSeats: session.humanSeats,
        replay: session.replay?.bind(session),
        onNewMatch,
        onDebrief: session.replay
          ? () => session.replay && openDebrief(L.debrief, session.replay())
          : extras.onDebrief,
      });
    }
    tutorial?.update();
  };

  L.end.dataset.shown = '';
  extras.bindNotify?.(notify);
  const unsubscribe = session.subscribe(render);
  // A language switch (or the era's texts arriving in it) redraws every panel, the charts, the end screen if shown
  // and the map's labels; the session, the selection and the map itself stay.
  const relanguage = () => {
    charts?.destroy();
    charts = null;
    L.charts.replaceChildren();
    L.end.dataset.shown = '';
    render();
    view?.scene.refresh();
  };
  const offLanguage = onLanguageChange(relanguage);
  const offTexts = onScenarioTexts(relanguage);
  // The catalogue's deferred part (asked for by the first bot reply shown: its reason's words) redraws the panels.
  const offMessages = onMessagesLoaded(render);
  if (extras.tutorial) tutorial = new Tutorial(L.game, session, ui);
  render();
  // A class match's phase clock runs between the server's pushes.
  const clock = session.classroom
    ? window.setInterval(() => !L.game.hidden && renderTop(L.top, session), 1000)
    : 0;
  void import('./map-view').then(({ createMapView }) => {
    view = createMapView(L.mapBox, {
      map: MAP,
      session,
      onHover: hover,
      onSelect: select,
      selection: () => ui.selection,
      allTrust: () => ui.allTrust,
      onReady: () => {
        hooks.mapReady = true;
        hooks.mapReadyAt = performance.now();
      },
    });
    hooks.view = view;
  });

  return () => {
    keyboard.closeDetail = () => false;
    unsubscribe();
    offLanguage();
    offTexts();
    offMessages();
    tutorial?.destroy();
    clearInterval(clock);
    charts?.destroy();
    view?.game.destroy(true);
    hooks.view = null;
    hooks.mapReady = false;
    L.mapBox.replaceChildren();
    L.mapTools.replaceChildren();
    L.mapText.replaceChildren();
    L.charts.replaceChildren();
  };
}

/**
 * The toggle between the seat's own trust lines and every seat's. Only a seat has "its own" lines: with no seat
 * (a spectator) the map draws them all and the toggle is left out.
 */
function renderMapTools(box: HTMLElement, session: GameSession, ui: UiState, changed: () => void): void {
  if (!session.activeSeat()) return replace(box);
  replace(
    box,
    el(
      'label',
      {},
      el('input', {
        type: 'checkbox',
        'data-test': 'trust-toggle',
        'data-key': 'trust-toggle',
        checked: ui.allTrust,
        onchange: (event) => {
          ui.setAllTrust((event.target as HTMLInputElement).checked);
          changed();
        },
      }),
      ` ${S.map.allTrust}`,
    ),
  );
}

function renderTop(top: HTMLElement, session: GameSession): void {
  const v = session.view();
  const seat = session.activeSeat();
  const total = scenarioOf(v).endYear - scenarioOf(v).startYear + 1;
  replace(
    top,
    el('span', { class: 'brand', text: S.title }),
    el('span', { class: 'era', text: scenarioOf(v).name }),
    el('span', { class: 'year', 'data-test': 'year', text: S.top.year(v.year) }),
    el('span', { text: S.top.round(Math.max(1, v.round), total) }),
    el('span', { 'data-test': 'phase', text: S.top.phase(phaseLabel(session)) }),
    classroomBanner(session.classroom?.() ?? null),
    classroomNotice(session.classroom ? v : null),
    seat
      ? el('span', { class: 'you', text: S.top.youAre(SEAT_LABEL[seat], leaderName(v, v.leaders[seat])) })
      : null,
    languageSwitcher(),
    el('button', {
      'data-test': 'shortcuts-open',
      'data-key': 'shortcuts-open',
      'aria-haspopup': 'dialog',
      text: t('a11y.shortcutsButton'),
      onclick: () => keyboard.openShortcuts(),
    }),
    session instanceof LocalSession && session.lineage
      ? el('span', { class: 'muted', text: S.top.forkOf(session.lineage.parent.year) })
      : null,
    // A mid-match replay holds every seat's secrets (agendas, orders, messages); with several people at one device
    // it would let one read another's, so hot-seat matches save their replay from the end screen only.
    session.replay && !(session instanceof LocalSession && session.humanSeats.length > 1 && !v.outcome)
      ? el('button', {
          'data-test': 'download-replay',
          'data-key': 'download-replay',
          text: S.top.saveReplay,
          onclick: () => session.replay && downloadReplay(session.replay()),
        })
      : null,
  );
}

/** The facilitator's latest notice to the class, in the top bar (typed text: shown as text, bounded). */
function classroomNotice(v: GameState | null): HTMLElement | null {
  const latest = v?.broadcasts?.at(-1);
  if (!latest) return null;
  return el('span', {
    class: 'classroom-notice',
    role: 'status',
    'data-test': 'broadcast',
    text: S.classroomNotices.fromFacilitator(bounded(latest.text, 280)),
  });
}

/** The class match's state in the top bar: the link, the facilitator's pause, the phase clock. */
function classroomBanner(banner: ClassroomBanner | null): HTMLElement | null {
  if (!banner) return null;
  let text: string | null = null;
  if (!banner.connected) text = S.classroom.offline;
  else if (banner.finished) text = S.classroom.over;
  else if (banner.paused) text = S.classroom.paused;
  else if (banner.remainingMs !== null) {
    const seconds = Math.ceil(banner.remainingMs / 1000);
    text = S.classroom.endsIn(`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
  }
  if (text === null) return null;
  return el('span', {
    class: `classroom-status${banner.paused || !banner.connected ? ' alert' : ''}`,
    'data-test': 'classroom-status',
    text,
  });
}

/** The map's features as buttons, so a keyboard reaches everything a mouse can click. */
function renderFeatures(box: HTMLElement, session: GameSession, select: (s: MapSelection) => void): void {
  const v = session.view();
  const seat = session.activeSeat();
  const button = (label: string, selection: MapSelection, key: string) =>
    el('button', { text: label, 'data-key': `feature-${key}`, onclick: () => select(selection) });
  const trust = seat
    ? SEATS.filter((s) => s !== seat).flatMap((other: Seat) => [
        button(
          S.map.trustTooltip(SEAT_LABEL[seat], SEAT_LABEL[other], v.trust[seat][other]),
          { type: 'trust', from: seat, to: other },
          `t-${seat}-${other}`,
        ),
        button(
          S.map.trustTooltip(SEAT_LABEL[other], SEAT_LABEL[seat], v.trust[other][seat]),
          { type: 'trust', from: other, to: seat },
          `t-${other}-${seat}`,
        ),
      ])
    : [];
  const open = box.hasAttribute('open');
  replace(
    box,
    el('summary', { text: S.map.features }),
    el(
      'div',
      { class: 'feature-group' },
      ...SEATS.map((s) => button(SEAT_LABEL[s], { type: 'country', seat: s }, `c-${s}`)),
    ),
    el(
      'div',
      { class: 'feature-group' },
      ...ISLANDS.map((i) => button(ISLAND_LABEL[i], { type: 'island', island: i }, `i-${i}`)),
    ),
    el(
      'div',
      { class: 'feature-group' },
      ...scenarioOf(v).projects.map((p) => button(p.name, { type: 'project', project: p.id }, `p-${p.id}`)),
      button(S.map.fishing, { type: 'fishing' }, 'fishing'),
    ),
    el('div', { class: 'feature-group' }, ...trust),
  );
  if (open) box.setAttribute('open', '');
}

/** Opens the after-action report over the page; the report code loads only when asked for. */
function openDebrief(container: HTMLElement, replay: Replay): void {
  void import('./replay/debrief-view').then(({ showDebrief }) =>
    showDebrief(container, replay, () => (container.hidden = true)),
  );
}
