// Protects the browser's headless UI state: the proposal and message drafts survive redraws, are fitted to what the rules allow, and are kept per seat so a hot seat never shows one person's draft to the next.
import { describe, expect, it } from 'vitest';
import { perSeat, type Seat } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import { LocalSession, type Controller } from '../src/client/session';
import { UiState, fitProposal } from '../src/client/ui-state';

const scenario = builtinScenario('yeltsin-1992')!;
const BLANK = { kind: null, to: null, terms: 0 };

function controllers(humans: Seat[]): Record<Seat, Controller> {
  return perSeat((s): Controller =>
    humans.includes(s) ? { type: 'human' } : { type: 'bot', kind: 'random' },
  );
}

/** The active person finishes the phase (briefing or diplomacy) and the next one takes the device. */
function ready(session: LocalSession, ui: UiState): void {
  expect(session.dispatch('ready')).toBe(true);
  ui.sync();
  if (ui.screen === 'pass') ui.confirmPass();
}

describe('UiState drafts', () => {
  it('keeps a half-composed proposal and a half-typed message across redraws', () => {
    const session = new LocalSession({ scenario, seed: '7', controllers: controllers(['japan']) });
    const ui = new UiState(session);
    ready(session, ui);
    expect(session.phase()).toBe('diplomacy');
    ui.setProposalKind('japan', 'summit');
    ui.setProposalTo('japan', 'russia');
    ui.setMessageTo('japan', 'russia');
    ui.setMessageText('japan', 'Meet me at Shikotan?');
    // Another move changes the view and redraws every panel.
    expect(session.dispatch('makeStatement', { text: 'Japan seeks good neighbours.' })).toBe(true);
    ui.sync();
    const form = ui.proposalForm('japan');
    expect([form.kind, form.to]).toEqual(['summit', 'russia']);
    expect(form.chosen).toMatchObject({ kind: 'summit', to: 'russia' });
    expect(ui.message('japan')).toEqual({ to: 'russia', text: 'Meet me at Shikotan?' });
    // Sent: the text clears, the addressee stays for the next message.
    ui.messageSent('japan');
    expect(ui.message('japan')).toEqual({ to: 'russia', text: '' });
  });

  it('fits a draft the rules no longer allow to the first legal choice', () => {
    const session = new LocalSession({ scenario, seed: '7', controllers: controllers(['japan']) });
    const ui = new UiState(session);
    ready(session, ui);
    const view = session.view();
    const blank = fitProposal(view, 'japan', BLANK);
    expect(blank.kinds.length).toBeGreaterThan(0);
    expect(blank.chosen).toBeDefined();
    // No proposal goes to oneself, and terms past the end fall back to the first.
    const fitted = fitProposal(view, 'japan', { kind: 'summit', to: 'japan', terms: 99 });
    expect(fitted.kind).toBe('summit');
    expect(fitted.targets).not.toContain('japan');
    expect(fitted.to).toBe(fitted.targets[0]);
    expect(fitted.termsIndex).toBe(0);
    expect(fitted.chosen).toEqual(fitted.terms[0]);
  });

  it('gives each person at a hot seat their own drafts', () => {
    const session = new LocalSession({ scenario, seed: '3', controllers: controllers(['japan', 'russia']) });
    const ui = new UiState(session);
    if (ui.screen === 'pass') ui.confirmPass();
    ready(session, ui);
    ready(session, ui);
    expect(session.phase()).toBe('diplomacy');
    expect(session.activeSeat()).toBe('russia');

    // Russia picks something other than the form's first choices and starts a private message.
    const first = ui.proposalForm('russia');
    const kind = first.kinds[first.kinds.length - 1];
    ui.setProposalKind('russia', kind);
    const targets = ui.proposalForm('russia').targets;
    ui.setProposalTo('russia', targets[targets.length - 1]);
    ui.setMessageTo('russia', 'china');
    ui.setMessageText('russia', 'Not a word to Tokyo.');
    const russias = ui.proposalForm('russia');
    expect(russias.kind).toBe(kind);
    expect(first.kinds.length * first.targets.length).toBeGreaterThan(1);

    ready(session, ui);
    expect(session.activeSeat()).toBe('japan');
    // Japan sees a blank form and a blank message, not Russia's.
    expect(ui.message('japan')).toEqual({ to: 'all', text: '' });
    const japans = ui.proposalForm('japan');
    const japanBlank = fitProposal(session.view(), 'japan', BLANK);
    expect([japans.kind, japans.to, japans.termsIndex]).toEqual([japanBlank.kind, japanBlank.to, 0]);
    expect(japans.kind).not.toBe(russias.kind);
    ui.setMessageText('japan', 'Hello, Seoul.');

    ready(session, ui);
    expect(session.phase()).toBe('policy');
    expect(session.activeSeat()).toBe('russia');
    // Back to Russia: its own unsent message is still there, Japan's is not mixed in.
    expect(ui.message('russia')).toEqual({ to: 'china', text: 'Not a word to Tokyo.' });
    expect(ui.message('japan').text).toBe('Hello, Seoul.');
  });
});
