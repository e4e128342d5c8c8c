/**
 * The seat panel: the secret agenda (a choice in the first year), event decisions, proposals received and sent, a
 * new proposal, the policy menu with action points left, the commit button, messages, and who the table is waiting
 * for. Every option listed comes from the rules' legal-move helpers; every click is a move sent through the session.
 */
import type { ProposalKind } from '../../game/catalog';
import { SEATS, type Seat } from '../../game/vocabulary';
import { agendaMissCost, type GameState } from '../../game/state';
import { LEVERS } from '../../game/levers';
import { agendaMetNow, agendaOptions, agendaChoiceOpen } from '../../game/legal';
import { el, replace, bounded } from '../dom';
import type { GameSession } from '../session';
import { PROPOSAL_LABEL, S, SEAT_LABEL, W, phaseLabel } from '../strings';
import {
  budget,
  openDecisions,
  orderChoices,
  orderLabel,
  pointsLeft,
  proposalLabel,
  proposalsReceived,
  proposalsSent,
  termsLabel,
  type UiState,
} from '../ui-state';
import { agendaText, decisionText, leaderName, scenarioOf } from '../display-scenario';
import { acceptRefusal } from '../../game/diplomacy';
import { previewOrder, previewProposal, type Preview } from '../../game/preview';
import type { Proposal } from '../../game/state';
import { previewLines, refusalText } from '../explain';
import { ladderGauge } from './ladder';
import { recapSection } from './recap';
import { seatBriefing } from './briefing';

export interface SeatPanelContext {
  session: GameSession;
  ui: UiState;
  /** Redraws the panels after a change that is the UI's own (a draft), not the session's. */
  refresh(): void;
  /** Shows a short note (a refused move) to the person. */
  notify(text: string): void;
}

// Per UI, whether the person has the role fold open and whether they are being asked to confirm a commit with
// points unspent: the panel is redrawn after every move, and neither should snap shut under them.
const roleOpen = new WeakMap<UiState, boolean>();
const confirming = new WeakMap<UiState, string>();

function send(ctx: SeatPanelContext, ok: boolean): void {
  if (!ok) ctx.notify(S.seat.refused);
}

/**
 * The seat's secret agenda. In the first year (Diplomacy and Policy) every agenda of the seat's era is offered with
 * its text (which states its conditions), bonus, miss cost and whether it would be met as things stand; a button
 * takes one. Afterwards the one held is shown with what it adds or costs at the end.
 */
function agenda(ctx: SeatPanelContext, view: GameState, seat: Seat, phase: string): HTMLElement {
  const held = view.agendas[seat];
  const a = held ? { ...held, ...agendaText(view, held) } : null;
  const stakes = (bonus: number) => S.agenda.stakes(bonus, agendaMissCost(bonus));
  if (a && agendaChoiceOpen(view, phase)) {
    return el(
      'section',
      { class: 'agenda', 'data-test': 'agenda' },
      el('h3', { id: 'agenda-choice-heading', text: S.agenda.choose }),
      el('p', { class: 'muted', text: a.chosen ? S.agenda.chosenHelp : S.agenda.dealtHelp }),
      el(
        'ul',
        { class: 'agenda-options', 'data-test': 'agenda-choice', 'aria-labelledby': 'agenda-choice-heading' },
        ...agendaOptions(view, seat).map((option) => {
          const words = agendaText(view, option);
          const current = option.id === a.id;
          return el(
            'li',
            { class: current ? 'agenda-option current' : 'agenda-option', 'data-agenda': option.id },
            el('p', {}, el('strong', { text: words.title }), ' ', words.text),
            el('p', { class: 'muted', text: stakes(option.bonus) }),
            el('p', {
              class: 'muted',
              text: agendaMetNow(view, option) ? S.agenda.metNow : S.agenda.notMetNow,
            }),
            el('button', {
              text: current ? S.agenda.current : S.agenda.take,
              'aria-label': current ? S.agenda.currentLabel(words.title) : S.agenda.takeLabel(words.title),
              'aria-pressed': current ? 'true' : 'false',
              'data-key': `agenda-${option.id}`,
              'data-test': `agenda-option-${option.id}`,
              onclick: () => {
                if (!current) send(ctx, ctx.session.dispatch('chooseAgenda', { id: option.id }));
              },
            }),
          );
        }),
      ),
    );
  }
  return el(
    'section',
    { class: 'agenda', 'data-test': 'agenda' },
    el('h3', { text: S.seat.agenda }),
    a
      ? el('p', {}, el('strong', { text: a.title }), ' ', a.text)
      : el('p', { class: 'muted', text: S.seat.agendaNone }),
    a ? el('p', { class: 'muted', text: stakes(a.bonus) }) : null,
  );
}

function decisions(ctx: SeatPanelContext, view: GameState, seat: Seat): HTMLElement | null {
  const open = openDecisions(view, seat);
  if (open.length === 0) return null;
  return el(
    'section',
    { class: 'decisions' },
    el('h3', { text: S.seat.decisions }),
    ...open.map((d) => {
      const words = decisionText(view, d);
      return el(
        'div',
        { class: 'decision' },
        el('p', { text: words.prompt }),
        ...d.options.map((o) =>
          el('button', {
            text: words.label(o.id, o.label),
            'data-key': `decide-${d.id}-${o.id}`,
            onclick: () => send(ctx, ctx.session.dispatch('decide', { id: d.id, option: o.id })),
          }),
        ),
      );
    }),
  );
}

/** What an order or proposal is expected to do, in one compact line under it. */
function previewLine(view: GameState, preview: Preview, test: string): HTMLElement {
  return el('p', {
    class: 'preview',
    'data-test': test,
    text: `${S.preview.expected}: ${previewLines(view, preview).join('; ')}`,
  });
}

/** The rules' reason a proposal cannot be accepted now, beside it; null when it can. */
function refusalLine(
  view: GameState,
  p: Pick<Proposal, 'kind' | 'terms'>,
  say: (reason: string) => string,
): HTMLElement | null {
  const refusal = acceptRefusal(view, p);
  return refusal
    ? el('p', { class: 'refusal', 'data-test': 'refusal-reason', text: say(refusalText(refusal)) })
    : null;
}

/** Why a sent proposal was rejected: the rule that forced it, or the other side's own choice. */
function rejectionLine(view: GameState, p: Proposal): HTMLElement {
  const refusal = acceptRefusal(view, p);
  const text = refusal
    ? S.refusal.rejectedBecause(refusalText(refusal))
    : S.refusal.declined(SEAT_LABEL[p.to]);
  return el('p', { class: 'refusal', 'data-test': 'refusal-reason', text });
}

function received(ctx: SeatPanelContext, view: GameState, seat: Seat): HTMLElement {
  const list = proposalsReceived(view, seat);
  return el(
    'section',
    { class: 'proposals-in', 'data-test': 'proposals-in' },
    el('h3', { text: S.seat.proposalsIn }),
    list.length === 0 ? el('p', { class: 'muted', text: S.seat.noProposalsIn }) : null,
    ...list.map((p) => {
      // The rules would refuse this acceptance: Accept is disabled and the reason sits beside it.
      const refused = p.status === 'open' ? refusalLine(view, p, S.refusal.cannotAccept) : null;
      return el(
        'div',
        { class: `proposal ${p.status}`, 'data-status': p.status },
        el('span', { text: `${proposalLabel(view, p, seat)} — ${S.seat.status[p.status]}` }),
        p.status === 'open' && !refused
          ? previewLine(view, previewProposal(view, p), 'proposal-preview')
          : null,
        refused,
        p.status === 'open'
          ? el(
              'span',
              { class: 'buttons' },
              el('button', {
                text: S.seat.accept,
                'data-key': `accept-${p.id}`,
                'data-test': 'accept',
                disabled: refused !== null,
                onclick: () => send(ctx, ctx.session.dispatch('respond', { id: p.id, accept: true })),
              }),
              el('button', {
                text: S.seat.reject,
                'data-key': `reject-${p.id}`,
                onclick: () => send(ctx, ctx.session.dispatch('respond', { id: p.id, accept: false })),
              }),
            )
          : null,
      );
    }),
  );
}

function sent(ctx: SeatPanelContext, view: GameState, seat: Seat): HTMLElement | null {
  const list = proposalsSent(view, seat);
  if (list.length === 0) return null;
  return el(
    'section',
    { class: 'proposals-out', 'data-test': 'proposals-out' },
    el('h3', { text: S.seat.proposalsOut }),
    ...list.map((p) =>
      el(
        'div',
        { class: `proposal ${p.status}`, 'data-status': p.status },
        el('span', { text: `${proposalLabel(view, p, seat)} — ${S.seat.status[p.status]}` }),
        p.status === 'rejected' ? rejectionLine(view, p) : null,
        p.status === 'open'
          ? refusalLine(view, p, (reason) => S.refusal.willBeRefused(SEAT_LABEL[p.to], reason))
          : null,
        p.status === 'open'
          ? el('button', {
              text: S.seat.withdraw,
              'data-key': `withdraw-${p.id}`,
              onclick: () => send(ctx, ctx.session.dispatch('withdraw', { id: p.id })),
            })
          : null,
      ),
    ),
  );
}

function newProposal(ctx: SeatPanelContext, view: GameState, seat: Seat): HTMLElement {
  const { kinds, kind, targets, to, terms, termsIndex, chosen } = ctx.ui.proposalForm(seat);

  const kindSelect = el(
    'select',
    {
      id: 'proposal-kind',
      'data-key': 'proposal-kind',
      'data-test': 'proposal-kind',
      onchange: () => (ctx.ui.setProposalKind(seat, kindSelect.value as ProposalKind), ctx.refresh()),
    },
    ...kinds.map((k) => el('option', { value: k, text: PROPOSAL_LABEL[k], selected: k === kind })),
  );
  const toSelect = el(
    'select',
    {
      id: 'proposal-to',
      'data-key': 'proposal-to',
      'data-test': 'proposal-to',
      onchange: () => (ctx.ui.setProposalTo(seat, toSelect.value as Seat), ctx.refresh()),
    },
    ...targets.map((s) => el('option', { value: s, text: SEAT_LABEL[s], selected: s === to })),
  );
  const termsSelect = el(
    'select',
    {
      id: 'proposal-terms',
      'data-key': 'proposal-terms',
      'data-test': 'proposal-terms',
      onchange: () => (ctx.ui.setProposalTerms(seat, Number(termsSelect.value)), ctx.refresh()),
    },
    ...terms.map((p, i) =>
      el('option', { value: i, text: termsLabel(view, p.terms), selected: i === termsIndex }),
    ),
  );
  return el(
    'section',
    { class: 'new-proposal' },
    el('h3', { text: S.seat.newProposal }),
    kinds.length === 0
      ? el('p', { class: 'muted', text: S.seat.noneLegal })
      : el(
          'div',
          { class: 'grid' },
          el('label', { for: 'proposal-kind', text: S.seat.kind }),
          kindSelect,
          el('label', { for: 'proposal-to', text: S.seat.to }),
          toSelect,
          el('label', { for: 'proposal-terms', text: S.seat.terms }),
          termsSelect,
        ),
    chosen ? previewLine(view, previewProposal(view, { from: seat, ...chosen }), 'proposal-preview') : null,
    chosen
      ? refusalLine(view, chosen, (reason) => S.refusal.willBeRefused(SEAT_LABEL[chosen.to], reason))
      : null,
    el('button', {
      text: S.seat.send,
      'data-key': 'send-proposal',
      'data-test': 'send-proposal',
      disabled: !chosen,
      onclick: () => chosen && send(ctx, ctx.session.dispatch('propose', chosen)),
    }),
  );
}

function policy(ctx: SeatPanelContext, view: GameState, seat: Seat): HTMLElement {
  const draft = ctx.ui.orders;
  const left = pointsLeft(view, seat, draft);
  const choices = orderChoices(view, seat, draft);
  return el(
    'section',
    { class: 'policy' },
    el('h3', { text: S.seat.actions }),
    el('p', {
      class: 'points',
      'data-test': 'points-left',
      'data-left': left,
      text: S.seat.pointsLeft(left, budget(view, seat)),
    }),
    el(
      'ul',
      { class: 'menu', 'data-test': 'action-menu' },
      ...choices.map((c, i) =>
        el(
          'li',
          {},
          el('button', {
            'data-key': `add-${c.order.action}-${c.order.target ?? ''}`,
            'data-test': 'add-order',
            'data-index': i,
            'aria-label': `${S.seat.add}: ${c.label} (${S.seat.cost(c.cost)})`,
            text: `${S.seat.add}`,
            onclick: () => {
              ctx.ui.addOrder(c.order);
              ctx.refresh();
            },
          }),
          el('span', { text: ` ${c.label} ` }),
          el('span', { class: 'cost', text: S.seat.cost(c.cost) }),
          previewLine(view, previewOrder(view, seat, c.order, draft), 'order-preview'),
        ),
      ),
    ),
    el('h4', { text: S.seat.chosen }),
    draft.length === 0 ? el('p', { class: 'muted', text: S.seat.noOrders }) : null,
    el(
      'ol',
      { class: 'chosen', 'data-test': 'chosen-orders' },
      ...draft.map((o, i) =>
        el(
          'li',
          {},
          el('span', { text: `${orderLabel(view, o)} ` }),
          el('button', {
            text: S.seat.remove,
            'data-key': `remove-${i}`,
            onclick: () => {
              ctx.ui.removeOrder(i);
              ctx.refresh();
            },
          }),
        ),
      ),
    ),
    commitControls(ctx, view, seat, left),
  );
}

/**
 * The commit button; with action points unspent it first asks, inline, whether to commit anyway (points do not
 * carry over, so an early commit is usually a slip). The question is tied to this seat's year and phase.
 */
function commitControls(ctx: SeatPanelContext, view: GameState, seat: Seat, left: number): HTMLElement {
  const key = `${seat}|${view.round}`;
  const commit = () => {
    confirming.delete(ctx.ui);
    send(ctx, ctx.ui.commit());
  };
  if (left > 0 && confirming.get(ctx.ui) === key) {
    return el(
      'div',
      { class: 'confirm', role: 'alert', 'data-test': 'commit-confirm' },
      el('p', { text: W.commit.confirm(left) }),
      el('button', {
        class: 'primary',
        text: W.commit.yes,
        'data-key': 'commit-yes',
        'data-test': 'commit-yes',
        onclick: commit,
      }),
      el('button', {
        text: W.commit.no,
        'data-key': 'commit-no',
        'data-test': 'commit-no',
        onclick: () => (confirming.delete(ctx.ui), ctx.refresh()),
      }),
    );
  }
  return el('button', {
    class: 'primary',
    text: S.seat.commit,
    'data-key': 'commit',
    'data-test': 'commit',
    onclick: () => {
      if (left > 0) {
        confirming.set(ctx.ui, key);
        ctx.refresh();
      } else commit();
    },
  });
}

// The message being written lives in UiState: in a class match other seats' moves redraw the panel at any time,
// and a half-typed message must survive that.
function messages(ctx: SeatPanelContext, seat: Seat): HTMLElement {
  const draft = ctx.ui.message(seat);
  const to = el(
    'select',
    {
      id: 'message-to',
      'data-key': 'message-to',
      'data-test': 'message-to',
      onchange: () => ctx.ui.setMessageTo(seat, to.value as Seat | 'all'),
    },
    el('option', { value: 'all', text: S.seat.everyone, selected: draft.to === 'all' }),
    ...SEATS.filter((s) => s !== seat).map((s) =>
      el('option', { value: s, text: SEAT_LABEL[s], selected: draft.to === s }),
    ),
  );
  const text = el('input', {
    id: 'message-text',
    'data-key': 'message-text',
    'data-test': 'message-text',
    type: 'text',
    maxlength: LEVERS.messages.statementMaxChars,
    'aria-label': S.seat.message,
    value: draft.text,
    oninput: () => ctx.ui.setMessageText(seat, text.value),
  });
  return el(
    'form',
    {
      class: 'message',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const body = bounded(text.value, LEVERS.messages.statementMaxChars).trim();
        if (!body) return;
        const ok =
          to.value === 'all'
            ? ctx.session.dispatch('makeStatement', { text: body })
            : ctx.session.dispatch('sendMessage', { to: to.value, text: body });
        if (ok) ctx.ui.messageSent(seat);
        send(ctx, ok);
      },
    },
    el('h3', { text: S.seat.message }),
    el('label', { for: 'message-to', text: S.seat.messageTo }),
    to,
    text,
    el('button', { type: 'submit', 'data-test': 'send-message', text: S.seat.sendMessage }),
  );
}

/** Draws the seat panel for the session's active seat. */
export function renderSeat(container: HTMLElement, ctx: SeatPanelContext): void {
  const { session } = ctx;
  const seat = session.activeSeat();
  if (!seat) return replace(container);
  const view = session.view();
  // Once the match is over the end dialog is all there is: no leftover button of the phase it ended in.
  const phase = session.over() ? 'over' : session.phase();
  const done = view.ready[seat];
  const waiting = session.waitingFor();
  const body: (HTMLElement | null)[] = [];
  const role = seatBriefing(view, seat, phase === 'briefing' || (roleOpen.get(ctx.ui) ?? false));
  role.addEventListener('toggle', () => roleOpen.set(ctx.ui, (role as HTMLDetailsElement).open));
  if (phase === 'briefing') {
    body.push(
      el(
        'section',
        {},
        el('h3', { text: S.seat.briefing }),
        el('p', { class: 'briefing', text: scenarioOf(view).briefing }),
      ),
      role,
      done
        ? el('p', { class: 'muted', text: S.seat.committed })
        : el('button', {
            class: 'primary',
            text: S.seat.readyBriefing,
            'data-key': 'ready-briefing',
            'data-test': 'ready-briefing',
            onclick: () => send(ctx, session.dispatch('ready')),
          }),
    );
  } else if (phase === 'diplomacy') {
    body.push(decisions(ctx, view, seat), received(ctx, view, seat), sent(ctx, view, seat));
    if (!done) {
      body.push(
        newProposal(ctx, view, seat),
        el('button', {
          class: 'primary',
          text: S.seat.endDiplomacy,
          'data-key': 'end-diplomacy',
          'data-test': 'end-diplomacy',
          onclick: () => send(ctx, session.dispatch('ready')),
        }),
      );
    }
  } else if (phase === 'policy') {
    body.push(done ? el('p', { class: 'muted', text: S.seat.committed }) : policy(ctx, view, seat));
  }
  const recap = ctx.ui.recapRound();
  replace(
    container,
    el('h2', {
      text: `${S.seat.heading}: ${SEAT_LABEL[seat]} (${leaderName(view, view.leaders[seat])}) — ${phaseLabel(session)}`,
    }),
    recap !== null
      ? recapSection(view, seat, recap, () => {
          ctx.ui.dismissRecap();
          ctx.refresh();
        })
      : null,
    ladderGauge(view),
    phase === 'briefing' ? null : role,
    agenda(ctx, view, seat, phase),
    ...body,
    messages(ctx, seat),
    el(
      'p',
      { class: 'waiting', 'data-test': 'waiting' },
      `${S.seat.waitingFor}: `,
      waiting.length ? waiting.map((s) => SEAT_LABEL[s]).join(', ') : S.seat.nobody,
    ),
  );
}
