// A bot's reply to a private message (src/bots/replies.ts) and LocalSession sending it as a real move.
import { describe, expect, test } from 'vitest';
import { replyTo, replyTopic } from '../src/bots/replies';
import { builtinScenario } from '../src/scenario/builtin';
import { MatchDriver } from '../src/match/match';
import { LocalSession } from '../src/client/session';
import { perSeat } from '../src/game/vocabulary';
import { replyText } from '../src/client/strings';

const scenario = builtinScenario('yeltsin-1992')!;

describe('bot replies', () => {
  test('reads the topic of a message', () => {
    expect(replyTopic('Will you return the Kuril islands?')).toBe('islands');
    expect(replyTopic('Let us invest in Sakhalin gas')).toBe('economy');
    expect(replyTopic('Hello there')).toBe('general');
  });

  test('Japan refuses to invest while the linkage holds, and says why (seikei fukabun)', () => {
    const view = new MatchDriver({ scenario, seed: '7' }).view('japan');
    const reply = replyTo(view, 'japan', 'Invest in our energy projects');
    expect(reply.verdict).toBe('no');
    expect(reply.reason).toEqual({ code: 'links-aid' });
    expect(replyText(reply)).toContain('seikei fukabun');
    // Deterministic: the same message gets the same reply.
    expect(replyTo(view, 'japan', 'Invest in our energy projects')).toEqual(reply);
  });

  test("a bot seat answers a person's private message with a sendMessage move of its own", () => {
    const session = new LocalSession({
      scenario,
      seed: '7',
      controllers: perSeat((s) => (s === 'japan' ? { type: 'human' } : { type: 'bot', kind: 'historical' })),
    });
    expect(session.dispatch('ready')).toBe(true);
    expect(session.dispatch('sendMessage', { to: 'russia', text: 'Will you return the islands?' })).toBe(
      true,
    );
    const mine = session.view().messages.filter((m) => m.from === 'russia' && m.to === 'japan');
    expect(mine).toHaveLength(1);
    // Stored as data (no text in the page's language), worded where shown.
    expect(mine[0].text).toBe('');
    expect(mine[0].reply).toMatchObject({ topic: 'islands', reason: { code: expect.any(String) } });
    expect(replyText(mine[0].reply!)).toMatch(/the islands: /);
    // It is in the record, so the replay holds it.
    const sent = session.replay().actions.find((a) => a[0] === '0' && a[1] === 'sendMessage');
    expect(sent?.[2]).toEqual([{ to: 'japan', text: '', reply: mine[0].reply }]);
  });
});
