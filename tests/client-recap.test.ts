// Protects the year's recap and the islands' story (src/client/recap.ts, src/client/explain.ts): after a Resolution
// the seat is shown its orders, what moved and why until it dismisses the recap, and a treaty that was signed and
// failed to ratify is told as such (with the backlash), never as "none".
import { describe, expect, it } from 'vitest';
import { applyProposal } from '../src/game/diplomacy';
import { resolveRound } from '../src/game/resolution';
import { createInitialState } from '../src/game/state';
import { perSeat, type Seat } from '../src/game/vocabulary';
import { viewFor } from '../src/game/view';
import { builtinScenario } from '../src/scenario/builtin';
import { islandsStoryText, momentText } from '../src/client/explain';
import { islandsStory, yearRecap } from '../src/client/recap';
import { LocalSession, type Controller } from '../src/client/session';
import { UiState } from '../src/client/ui-state';

const controllers = (humans: Seat[]) =>
  perSeat((s): Controller => (humans.includes(s) ? { type: 'human' } : { type: 'bot', kind: 'historical' }));

describe('the year recap in the UI state', () => {
  it('appears after Resolution with the seat’s orders and goes once dismissed', () => {
    const session = new LocalSession({
      scenario: builtinScenario('yeltsin-1992')!,
      seed: '7',
      controllers: controllers(['japan']),
    });
    const ui = new UiState(session);
    expect(session.dispatch('ready')).toBe(true);
    expect(session.dispatch('ready')).toBe(true);
    expect(session.phase()).toBe('policy');
    expect(ui.recapRound()).toBeNull();
    expect(ui.addOrder({ action: 'soften-demand' })).toBe(true);
    expect(ui.commit()).toBe(true);
    ui.sync();
    const round = ui.recapRound();
    expect(round).toBe(1);
    const recap = yearRecap(session.view(), 'japan', round!)!;
    expect(recap.year).toBe(1992);
    expect(recap.yours).toEqual([{ action: 'soften-demand' }]);
    expect(recap.others.map((o) => o.seat)).not.toContain('japan');
    expect(recap.moved.length).toBeGreaterThan(0);
    ui.dismissRecap();
    expect(ui.recapRound()).toBeNull();
  });
});

describe('the islands story', () => {
  it('tells a signed treaty that failed to ratify, who refused it and the backlash', () => {
    let told = 0;
    // Ratification is a draw from the match PRNG: try seeds until one fails, and check how that one is told.
    for (let seed = 0; seed < 40 && told === 0; seed++) {
      const G = createInitialState(builtinScenario('abe-2013')!, `story-${seed}`);
      G.round = 1;
      G.positions = { russia: 2, japan: 2 };
      G.domestic.japan.pressure = 90;
      G.domestic.japan.capital = 10;
      applyProposal(G, {
        id: 'p1',
        round: 1,
        from: 'japan',
        to: 'russia',
        kind: 'peace-treaty',
        terms: { formula: 'two-islands' },
        status: 'accepted',
      });
      resolveRound(G);
      if (G.treaty?.status !== 'collapsed') continue;
      told += 1;
      const view = viewFor(G, 'japan');
      const story = islandsStory(view);
      expect(story).toMatchObject({ type: 'not-ratified', formula: 'two-islands', year: G.treaty.year });
      if (story.type !== 'not-ratified') throw new Error('unreachable');
      expect(story.failed).toContain('japan');
      const lines = islandsStoryText(story);
      expect(lines[0]).toMatch(/signed in \d{4} but not ratified: .*Japan.* refused it/);
      if (story.backlash.length) expect(lines[1]).toContain('Backlash followed');
      const recap = yearRecap(view, 'japan', 1)!;
      const moments = recap.moments.map(momentText);
      expect(moments.some((m) => m.includes('signed a peace treaty'))).toBe(true);
      expect(moments.some((m) => m.includes('failed to ratify'))).toBe(true);
    }
    expect(told).toBe(1);
  });

  it('says no treaty was signed when none was', () => {
    const G = createInitialState(builtinScenario('yeltsin-1992')!, 'none');
    expect(islandsStoryText(islandsStory(G))[0]).toContain('No peace treaty was signed');
  });
});
