/**
 * The guided first match: a thin overlay of steps over a real solo match as Japan (Yeltsin era, historical bots),
 * walking a first-time player through the briefing, the choice of a secret agenda, a proposal, the answer, a message
 * and its reply, orders, the recap and the charts. Each step outlines an existing element (by its `data-test`) and moves on by itself when
 * the player has done the thing, or on Next; Skip ends it. Finishing or skipping is remembered in localStorage, so
 * the start screen stops pressing it on the player.
 */
import { SEATS, perSeat, type Seat } from '../game/vocabulary';
import { el, replace } from './dom';
import type { Controller, GameSession } from './session';
import type { StartOptions } from './start-options';
import { W } from './strings';
import type { UiState } from './ui-state';

/** The localStorage key that remembers the guide was finished or skipped. */
export const TUTORIAL_KEY = 'oil-and-water:tutorial-done';

/** Whether this browser has finished or skipped the guide (false when storage is unavailable). */
export function tutorialDone(): boolean {
  try {
    return localStorage.getItem(TUTORIAL_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberDone(): void {
  try {
    localStorage.setItem(TUTORIAL_KEY, '1');
  } catch {
    // Private browsing without storage: the guide is simply offered again next time.
  }
}

/** The guided match's table: Japan here, the historical doctrine everywhere else, a fixed seed (the same year). */
export function tutorialOptions(): StartOptions {
  return {
    scenarioId: 'yeltsin-1992',
    seed: 'guided-1992',
    controllers: perSeat<Controller>((s: Seat) =>
      s === 'japan' ? { type: 'human' } : { type: 'bot', kind: 'historical' },
    ),
  };
}

type StepId = keyof typeof W.tutorial.steps;

interface Step {
  id: StepId;
  /** The `data-test` of the element to outline. */
  target: string;
  /** True once the player has done what the step asks; absent: only Next moves on. */
  done?: (session: GameSession, ui: UiState) => boolean;
}

const resolved = (s: GameSession) => s.view().revealed.length > 0 || s.over();

const STEPS: Step[] = [
  { id: 'briefing', target: 'seat-briefing', done: (s) => s.phase() !== 'briefing' },
  {
    id: 'agenda',
    target: 'agenda-choice',
    done: (s) => s.phase() !== 'diplomacy' || s.view().agendas.japan?.chosen === true,
  },
  {
    id: 'proposal',
    target: 'send-proposal',
    done: (s) => s.phase() !== 'diplomacy' || s.view().proposals.some((p) => p.from === 'japan'),
  },
  { id: 'answer', target: 'proposals-out', done: (s) => s.phase() !== 'diplomacy' },
  {
    id: 'message',
    target: 'message-text',
    done: (s) =>
      s.phase() !== 'diplomacy' ||
      s.view().messages.some((m) => m.to === 'japan' && m.from !== 'japan' && SEATS.includes(m.from as Seat)),
  },
  { id: 'diplomacyDone', target: 'end-diplomacy', done: (s) => s.phase() !== 'diplomacy' || resolved(s) },
  { id: 'orders', target: 'commit', done: resolved },
  { id: 'recap', target: 'year-recap' },
  { id: 'charts', target: 'chart-trust' },
];

/** The overlay; `update` after every redraw (the outlined element is redrawn with the panels). */
export class Tutorial {
  private index = 0;
  private readonly box: HTMLElement;

  constructor(
    host: HTMLElement,
    private readonly session: GameSession,
    private readonly ui: UiState,
  ) {
    this.box = el('aside', {
      class: 'tutorial',
      'data-test': 'tutorial-overlay',
      role: 'dialog',
      'aria-live': 'polite',
    });
    host.append(this.box);
    this.update();
  }

  /** Moves past every step already done, then draws the current one and outlines its element. */
  update(): void {
    if (this.index >= STEPS.length) return;
    while (this.index < STEPS.length - 1 && STEPS[this.index].done?.(this.session, this.ui)) this.index += 1;
    const step = STEPS[this.index];
    const last = this.index === STEPS.length - 1;
    for (const old of document.querySelectorAll('.tutorial-target')) old.classList.remove('tutorial-target');
    document.querySelector(`[data-test="${step.target}"]`)?.classList.add('tutorial-target');
    replace(
      this.box,
      el('h3', { text: W.tutorial.heading(this.index + 1, STEPS.length) }),
      el('p', { 'data-test': 'tutorial-step', 'data-step': step.id, text: W.tutorial.steps[step.id] }),
      el('button', {
        class: 'primary',
        'data-test': last ? 'tutorial-finish' : 'tutorial-next',
        text: last ? W.tutorial.finish : W.tutorial.next,
        onclick: () => (last ? this.end() : ((this.index += 1), this.update())),
      }),
      last
        ? null
        : el('button', { 'data-test': 'tutorial-skip', text: W.tutorial.skip, onclick: () => this.end() }),
    );
  }

  /** Finished or skipped: remembered, and the overlay goes. The match itself goes on. */
  end(): void {
    rememberDone();
    this.destroy();
  }

  destroy(): void {
    this.index = STEPS.length;
    for (const old of document.querySelectorAll('.tutorial-target')) old.classList.remove('tutorial-target');
    this.box.remove();
  }
}
