/**
 * The map as text (issue 13): what the map shows in colour and lines — who holds each island and its garrison,
 * joint activities and visa-free exchange, each side's rung on the territorial ladder, the trust table, the energy
 * projects and the alignments — as captioned tables a keyboard and a screen reader reach, in a disclosure under the
 * map. Built from the same view the map draws, so a seat sees only what its map shows.
 */
import type { GameState } from '../../game/state';
import { ALIGNMENT_KEYS, ISLANDS, LADDER, SEATS, type Seat } from '../../game/vocabulary';
import { scenarioOf } from '../display-scenario';
import { t } from '../../i18n';
import { el, replace } from '../dom';
import { ALIGNMENT_LABEL, ISLAND_LABEL, RUNG_LABEL, S, SEAT_LABEL, STAGE_LABEL } from '../strings';

const m = (key: string, values?: Record<string, string | number>) => t(`a11y.mapText.${key}`, values);

function table(test: string, caption: string, head: string[], rows: (string | number)[][]): HTMLElement {
  return el(
    'table',
    { 'data-test': test },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col', text: h })))),
    el(
      'tbody',
      {},
      ...rows.map(([first, ...rest]) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', text: String(first) }),
          ...rest.map((cell) =>
            el('td', { class: typeof cell === 'number' ? 'number' : undefined, text: String(cell) }),
          ),
        ),
      ),
    ),
  );
}

/** Renders the disclosure into `box` (a `<details>`), keeping it open or closed as the player left it. */
export function renderMapText(box: HTMLElement, view: GameState): void {
  const open = box.hasAttribute('open');
  const yesNo = (b: boolean) => (b ? S.detail.yes : S.detail.no);
  const projects = scenarioOf(view).projects.filter((p) => view.projects[p.id]);
  const stakes = (id: string) =>
    SEATS.filter((s) => (view.projects[id].stakes[s] ?? 0) > 0)
      .map((s) => `${SEAT_LABEL[s]} ${view.projects[id].stakes[s]}%`)
      .join(', ') || '—';
  replace(
    box,
    el('summary', { 'data-test': 'map-text-summary', 'data-key': 'map-text-summary', text: m('heading') }),
    table(
      'map-text-islands',
      m('islands'),
      [m('island'), S.detail.administrator, S.detail.garrison, S.detail.joint],
      ISLANDS.map((i) => [
        ISLAND_LABEL[i],
        SEAT_LABEL[view.islands[i].administrator],
        view.islands[i].garrison,
        view.islands[i].jointActivities,
      ]),
    ),
    el('p', {
      'data-test': 'map-text-islands-note',
      text: m('islandsNote', { visaFree: yesNo(view.visaFree), tension: view.fishingTension }),
    }),
    table(
      'map-text-positions',
      m('positions'),
      [m('side'), S.detail.position],
      (['russia', 'japan'] as const).map((s: Seat) => [
        t(s === 'russia' ? 'lever.russiaOffer' : 'lever.japanDemand'),
        RUNG_LABEL[LADDER[view.positions[s as 'russia' | 'japan']]],
      ]),
    ),
    table(
      'map-text-trust',
      m('trust'),
      [m('trustCorner'), ...SEATS.map((s) => SEAT_LABEL[s])],
      SEATS.map((a) => [SEAT_LABEL[a], ...SEATS.map((b) => (a === b ? '—' : view.trust[a][b]))]),
    ),
    projects.length
      ? table(
          'map-text-projects',
          m('projects'),
          [m('project'), S.detail.stage, S.detail.output, S.detail.stakes],
          projects.map((p) => [
            p.name,
            STAGE_LABEL[view.projects[p.id].stage],
            `${view.projects[p.id].output} / ${view.projects[p.id].capacity}`,
            stakes(p.id),
          ]),
        )
      : null,
    table(
      'map-text-alignments',
      m('alignments'),
      [m('alignment'), m('value')],
      ALIGNMENT_KEYS.map((k) => [ALIGNMENT_LABEL[k], view.alignment[k]]),
    ),
  );
  if (open) box.setAttribute('open', '');
}
