/**
 * A seat's own briefing: its role (interests, red lines, domestic constraints, from the paper via the catalogue),
 * what raises its score (from the rules' scoring terms) and its menu of orders and proposals in plain words (the
 * era's `menus`). The era's text is the same for every seat; this is what makes the Russia student's screen differ
 * from the Japan student's.
 */
import { scenarioOf, seatBriefing as eraTexts } from '../display-scenario';
import type { GameState } from '../../game/state';
import type { Seat } from '../../game/vocabulary';
import type { ActionId, ProposalKind } from '../../game/catalog';
import { el } from '../dom';
import { ACTION_LABEL, PROPOSAL_LABEL, ROLE_BY_ERA, SCORE_TERMS, SEAT_LABEL, SEAT_ROLE, W } from '../strings';

/** The actions and proposal kinds the era puts on a seat's menu (weight above zero), in the scenario's order. */
export function seatMenu(view: GameState, seat: Seat): { actions: ActionId[]; proposals: ProposalKind[] } {
  const menus = scenarioOf(view).menus;
  const on = <K extends string>(weights: Partial<Record<K, number>>) =>
    (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0).map(([k]) => k);
  return { actions: on(menus.weights[seat]), proposals: on(menus.proposals[seat]) };
}

const list = (items: readonly string[]) => el('ul', {}, ...items.map((t) => el('li', { text: t })));

/** The seat's briefing section; `open` unfolds it (the briefing phase), else it is a "Your role" fold to open. */
export function seatBriefing(view: GameState, seat: Seat, open: boolean): HTMLElement {
  const role = SEAT_ROLE[seat];
  // The era's line for this seat and the note on place names come with the era's texts in the page's language
  // (src/scenario/texts.ts); the catalogue's line stands in until they are here.
  const texts = eraTexts(view, seat);
  const era = texts.era ?? ROLE_BY_ERA[scenarioOf(view).id]?.[seat];
  const menu = seatMenu(view, seat);
  return el(
    'details',
    { class: 'seat-briefing', 'data-test': 'seat-briefing', 'data-seat': seat, open },
    el('summary', { text: W.briefing.heading(SEAT_LABEL[seat]) }),
    el('h4', { text: W.briefing.interests }),
    list(era ? [era, ...role.interests] : role.interests),
    el('h4', { text: W.briefing.redLines }),
    list(role.redLines),
    el('h4', { text: W.briefing.domestic }),
    list(role.domestic),
    el('h4', { text: W.briefing.scores }),
    el('p', { text: W.briefing.scoresLead }),
    list(SCORE_TERMS[seat]),
    el('p', { class: 'muted', text: W.briefing.agenda }),
    el('h4', { text: W.briefing.menu }),
    list(menu.actions.map((a) => ACTION_LABEL[a])),
    menu.proposals.length ? el('h4', { text: W.briefing.proposals }) : null,
    menu.proposals.length ? list(menu.proposals.map((k) => PROPOSAL_LABEL[k])) : null,
    texts.placeNames ? el('p', { class: 'muted', 'data-test': 'place-names', text: texts.placeNames }) : null,
  );
}
