/**
 * The projector: what the whole class may see, in large type for a classroom screen. It syncs as a spectator, so
 * the server sends the public view only (no agenda, order, proposal or private message of any seat): the map, the
 * year and phase clock, the news as it arrives, public statements, the indicators and the territorial ladder, and
 * at the end the ranking and the era's questions for discussion. After each year it shows what changed in public
 * (indicators and the ladder, from the recap's pure functions on the public view) and, at the end, where the class
 * left history (the recorded levels against the match's public yearly snapshots). The facilitator's latest notice
 * to the class stands at the top.
 */
import { LADDER, SEATS } from '../../game/vocabulary';
import type { GameState } from '../../game/state';
import { matchDistanceFromHistory } from '../../sim/history';
import { yearRecap } from '../recap';
import { momentText } from '../explain';
import { newsText, scenarioOf } from '../display-scenario';
import { snapshot } from '../../game/resolution';
import type { ClassroomStatus } from '../../protocol/status';
import type { Indicator } from '../../sim/indicators';
import { bounded, el } from '../dom';
import { live, RUNG_LABEL, S, SEAT_LABEL } from '../strings';
import { SpectatorSession } from './spectator-session';
import { clockText, mountMap } from './ui';

const P = live(() => S.classroomPages);
const N = live(() => S.classroomNotices);

/** A measured indicator's label: the rungs and levers have one; a project stage shows its id. */
const labelOf = (indicator: string) => (S.charts.series as Record<string, string>)[indicator] ?? indicator;

/** The last resolved year in public: what moved (indicators, the ladder in words) and its big moments. */
export function publicYearReview(G: GameState): { year: number; lines: string[] } | null {
  const last = G.revealed.at(-1);
  const recap = last ? yearRecap(G, null, last.round) : null;
  if (!recap) return null;
  const rung = (i: number) => RUNG_LABEL[LADDER[Math.round(i)]] ?? String(i);
  const lines = [
    ...recap.moments.map(momentText),
    ...recap.moved.map((c) =>
      c.indicator === 'russiaRung' || c.indicator === 'japanRung'
        ? N.ladderMoved(
            SEAT_LABEL[c.indicator === 'russiaRung' ? 'russia' : 'japan'],
            rung(c.from),
            rung(c.to),
          )
        : N.change(S.charts.series[c.indicator], Math.round(c.from), Math.round(c.to)),
    ),
  ];
  return { year: recap.year, lines: lines.length ? lines : [N.noChange] };
}

/** The indicators a class follows on the big screen (the rungs have their own ladder). */
const SHOWN: readonly Indicator[] = [
  'oilPrice',
  'trustJapanRussia',
  'trustRussiaJapan',
  'islandsJapan',
  'fishingTension',
  'sinoRussian',
  'usJapanAlliance',
  'energy',
];

/** Where the class left history: the share of recorded year-indicators in band, and those out of it. */
function historySection(G: GameState): HTMLElement {
  const distance = matchDistanceFromHistory(G);
  const out = distance.cells.filter((c) => !c.inBand);
  return el(
    'div',
    { class: 'history', 'data-test': 'history' },
    el('h2', { text: N.history }),
    el('p', {
      class: 'big',
      text: distance.total ? N.historyShare(distance.inBand, distance.total) : N.historyNone,
    }),
    el(
      'ul',
      {},
      ...out
        .slice(0, 8)
        .map((c) =>
          el('li', { text: N.historyOut(c.year, labelOf(c.indicator), Math.round(c.value), c.min, c.max) }),
        ),
    ),
  );
}

export function renderProjector(root: HTMLElement, matchID: string): void {
  const session = new SpectatorSession(matchID);
  const socket = session.socket;
  let statusAt = Date.now();
  let lastStatus: ClassroomStatus | null = null;

  const clock = el('p', { class: 'clock', 'data-test': 'status' });
  const mapBox = el('div', { id: 'map', class: 'class-map', 'data-test': 'map' });
  const news = el('ul', { class: 'news', 'data-test': 'news', 'aria-live': 'polite' });
  const statements = el('ul', { class: 'statements', 'data-test': 'statements' });
  const indicators = el('dl', { class: 'indicators', 'data-test': 'indicators' });
  const ladder = el('ul', { class: 'ladder', 'data-test': 'ladder' });
  const seats = el('ul', { class: 'seat-list', 'data-test': 'seats' });
  const end = el('section', { class: 'panel end', 'data-test': 'end', hidden: true });
  const notice = el('p', { class: 'notice', role: 'status', 'data-test': 'broadcast', hidden: true });
  const review = el('section', { class: 'panel review', 'data-test': 'year-review', hidden: true });

  const render = () => {
    if (socket.status !== lastStatus) {
      lastStatus = socket.status;
      statusAt = Date.now();
    }
    clock.textContent = clockText(socket.status, statusAt, Date.now());
    const status = socket.status;
    if (status) {
      seats.replaceChildren(
        ...SEATS.map((s) =>
          el('li', { text: `${SEAT_LABEL[s]} — ${status.seats[s].mode === 'bot' ? P.botSeat : P.students}` }),
        ),
      );
    }
    const G = socket.state?.G;
    if (!G) return;
    const scenario = scenarioOf(G);
    const latest = G.broadcasts?.at(-1);
    notice.hidden = !latest;
    notice.textContent = latest ? N.fromFacilitator(bounded(latest.text, 280)) : '';
    const reviewed = publicYearReview(G);
    review.hidden = !reviewed;
    if (reviewed) {
      review.replaceChildren(
        el('h2', { text: N.yearInReview(reviewed.year) }),
        el('ul', {}, ...reviewed.lines.map((line) => el('li', { text: line }))),
      );
    }
    news.replaceChildren(
      ...(G.news.length
        ? G.news
            .slice(-5)
            .reverse()
            .map((n) => {
              const words = newsText(G, n);
              return el(
                'li',
                {},
                el('strong', { text: `${n.year}: ${words.title}` }),
                el('p', { text: bounded(words.text, 400) }),
              );
            })
        : [el('li', { class: 'muted', text: P.noNews })]),
    );
    statements.replaceChildren(
      ...G.messages
        .filter((m) => m.to === 'all')
        .slice(-6)
        .map((m) => el('li', { text: `${SEAT_LABEL[m.from]}: ${bounded(m.text, 280)}` })),
    );
    const snap = snapshot(G);
    indicators.replaceChildren(
      ...SHOWN.flatMap((k) => [
        el('dt', { text: S.charts.series[k] }),
        el('dd', { text: String(Math.round(Number(snap[k]))) }),
      ]),
    );
    ladder.replaceChildren(
      ...LADDER.map((rung, i) => {
        const here = (['russia', 'japan'] as const)
          .filter((s) => G.positions[s] === i)
          .map((s) => SEAT_LABEL[s]);
        return el(
          'li',
          { class: here.length ? 'held' : '' },
          el('span', { text: RUNG_LABEL[rung] }),
          el('strong', { text: here.join(' · ') }),
        );
      }),
    );
    end.hidden = !session.over();
    if (session.over()) {
      const ranking = [...SEATS].sort((a, b) => G.scores[b] - G.scores[a]);
      end.replaceChildren(
        el('h2', { text: P.ranking }),
        el(
          'ol',
          { class: 'ranking', 'data-test': 'ranking' },
          ...ranking.map((s) => el('li', { text: `${SEAT_LABEL[s]} — ${Math.round(G.scores[s])}` })),
        ),
        historySection(G),
        el('h2', { text: P.questions }),
        el('ul', { 'data-test': 'questions' }, ...scenario.questions.map((q) => el('li', { text: q.text }))),
      );
    }
  };
  socket.subscribe(render);
  window.setInterval(render, 1000);
  mountMap(mapBox, session);

  root.append(
    el(
      'div',
      { class: 'projector' },
      el('header', { class: 'class-header' }, el('h1', { text: S.classroomPages.title }), clock),
      notice,
      end,
      review,
      el(
        'div',
        { class: 'projector-grid' },
        mapBox,
        el(
          'div',
          { class: 'projector-side' },
          el('section', { class: 'panel' }, el('h2', { text: P.news }), news, statements),
          el('section', { class: 'panel' }, el('h2', { text: P.ladder }), ladder),
          el('section', { class: 'panel' }, el('h2', { text: P.indicators }), indicators),
          el('section', { class: 'panel' }, el('h2', { text: P.roster }), seats),
        ),
      ),
    ),
  );
  render();
}
