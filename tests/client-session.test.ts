// Protects the browser's local session: bots fill the other seats, the hot seat passes without leaking secrets, and a match played through the UI state reaches the end with a replay that verifies.
import { describe, expect, it } from 'vitest';
import { SEATS, perSeat, type Seat } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import { verifyReplay } from '../src/match/replay';
import { LocalSession, type Controller } from '../src/client/session';
import { UiState, orderChoices, pointsLeft, proposalChoices } from '../src/client/ui-state';

const scenario = builtinScenario('yeltsin-1992')!;

function controllers(humans: Seat[]): Record<Seat, Controller> {
  return perSeat<Controller>((s) =>
    humans.includes(s) ? { type: 'human' } : { type: 'bot', kind: 'random' },
  );
}

/** Plays the active seat's part of the current phase: ready, or the first affordable orders, then commit. */
function playTurn(session: LocalSession, ui: UiState): void {
  const seat = session.activeSeat()!;
  if (session.phase() === 'policy') {
    for (;;) {
      const choices = orderChoices(session.view(), seat, ui.orders);
      if (choices.length === 0) break;
      expect(ui.addOrder(choices[0].order)).toBe(true);
    }
    expect(ui.commit()).toBe(true);
  } else expect(session.dispatch('ready')).toBe(true);
  ui.sync();
  if (ui.screen === 'pass') ui.confirmPass();
}

describe('LocalSession, solo', () => {
  it('waits only for the person once the bots have played the briefing', () => {
    const session = new LocalSession({ scenario, seed: '7', controllers: controllers(['japan']) });
    expect(session.phase()).toBe('briefing');
    expect(session.waitingFor()).toEqual(['japan']);
    expect(session.activeSeat()).toBe('japan');
  });

  it('deals the agenda to the person and hides the others', () => {
    const session = new LocalSession({ scenario, seed: '7', controllers: controllers(['japan']) });
    session.dispatch('ready');
    const view = session.view();
    expect(session.phase()).toBe('diplomacy');
    expect(view.agendas.japan).not.toBeNull();
    for (const s of SEATS.filter((x) => x !== 'japan')) expect(view.agendas[s]).toBeNull();
    expect(view.seed).toBeNull();
  });

  it('has a bot answer a proposal at once', () => {
    const session = new LocalSession({ scenario, seed: '7', controllers: controllers(['japan']) });
    session.dispatch('ready');
    const choices = proposalChoices(session.view(), 'japan');
    const summit = choices.get('summit')!.find((p) => p.to === 'russia')!;
    expect(session.dispatch('propose', summit)).toBe(true);
    const mine = session.view().proposals.filter((p) => p.from === 'japan');
    expect(mine).toHaveLength(1);
    expect(['accepted', 'rejected']).toContain(mine[0].status);
  });

  it('advances the year and records a snapshot once the person commits', () => {
    const session = new LocalSession({ scenario, seed: '7', controllers: controllers(['japan']) });
    const ui = new UiState(session);
    playTurn(session, ui);
    playTurn(session, ui);
    expect(session.phase()).toBe('policy');
    const before = session.view().year;
    playTurn(session, ui);
    expect(session.view().year).toBe(before + 1);
    expect(session.view().history).toHaveLength(1);
    expect(session.phase()).toBe('diplomacy');
  });

  it('plays a whole match to the end screen, and its replay verifies', () => {
    const session = new LocalSession({ scenario, seed: '11', controllers: controllers(['japan']) });
    const ui = new UiState(session);
    let guard = 0;
    while (!session.over() && guard++ < 200) playTurn(session, ui);
    expect(session.over()).toBe(true);
    ui.sync();
    expect(ui.screen).toBe('end');
    const replay = session.replay();
    expect(replay.seats.japan).toBe('human');
    expect(replay.seats.russia).toBe('bot:random');
    expect(replay.finished).toBe(true);
    const check = verifyReplay(replay);
    expect(check.ok).toBe(true);
  });
});

describe('LocalSession, hot seat', () => {
  it('plays a whole hot-seat match, passing the device, and its replay verifies', () => {
    const session = new LocalSession({
      scenario,
      seed: '5',
      controllers: controllers(['japan', 'russia', 'china']),
    });
    const ui = new UiState(session);
    if (ui.screen === 'pass') ui.confirmPass();
    let guard = 0;
    while (!session.over() && guard++ < 400) playTurn(session, ui);
    expect(session.over()).toBe(true);
    const replay = session.replay();
    expect([replay.seats.japan, replay.seats.russia, replay.seats.china]).toEqual([
      'human',
      'human',
      'human',
    ]);
    expect(replay.seats.us).toBe('bot:random');
    const check = verifyReplay(replay);
    expect(check.ok ? 'verified' : check.error).toBe('verified');
  });

  it('passes the device between people and shows each only their own secrets', () => {
    const session = new LocalSession({ scenario, seed: '3', controllers: controllers(['japan', 'russia']) });
    const ui = new UiState(session);
    // The first person in table order starts, behind the pass screen.
    expect(session.activeSeat()).toBe('russia');
    expect(ui.screen).toBe('pass');
    ui.confirmPass();
    expect(ui.screen).toBe('game');
    session.dispatch('ready');
    ui.sync();
    expect(session.activeSeat()).toBe('japan');
    expect(ui.screen).toBe('pass');
    expect(ui.passTo).toBe('japan');
    ui.confirmPass();
    session.dispatch('ready');
    ui.sync();
    // A new phase: Russia again, and Japan's agenda is not in Russia's view.
    expect(session.phase()).toBe('diplomacy');
    expect(session.activeSeat()).toBe('russia');
    expect(session.view().agendas.russia).not.toBeNull();
    expect(session.view().agendas.japan).toBeNull();
  });

  it('never carries one person’s order draft to the next', () => {
    const session = new LocalSession({ scenario, seed: '3', controllers: controllers(['japan', 'russia']) });
    const ui = new UiState(session);
    for (let i = 0; i < 4; i++) playTurn(session, ui);
    expect(session.phase()).toBe('policy');
    const seat = session.activeSeat()!;
    const choice = orderChoices(session.view(), seat, [])[0];
    ui.addOrder(choice.order);
    expect(ui.orders).toHaveLength(1);
    expect(ui.commit()).toBe(true);
    ui.sync();
    expect(session.activeSeat()).not.toBe(seat);
    expect(ui.orders).toHaveLength(0);
  });
});

describe('UiState orders', () => {
  it('refuses an order beyond the action points and never lists one', () => {
    const session = new LocalSession({ scenario, seed: '5', controllers: controllers(['japan']) });
    const ui = new UiState(session);
    playTurn(session, ui);
    playTurn(session, ui);
    const view = session.view();
    for (;;) {
      const choices = orderChoices(view, 'japan', ui.orders);
      for (const c of choices) expect(c.cost).toBeLessThanOrEqual(pointsLeft(view, 'japan', ui.orders));
      if (choices.length === 0) break;
      ui.addOrder(choices[choices.length - 1].order);
    }
    expect(pointsLeft(view, 'japan', ui.orders)).toBeGreaterThanOrEqual(0);
    // Nothing is left on the menu, so the rules refuse anything more.
    const before = ui.orders.length;
    expect(ui.addOrder({ action: 'territories-campaign' })).toBe(false);
    expect(ui.orders).toHaveLength(before);
  });
});
