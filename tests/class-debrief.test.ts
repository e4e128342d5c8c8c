// Protects what a class match's end screen and debrief compare and show: a match the facilitator stopped after its
// first year is set against baseline runs of that one year (not the whole era), and a debrief built with the
// facilitator's "withhold" holds no private message text.
import { describe, expect, it } from 'vitest';
import { FACILITATOR_ID, SEATS, perSeat, playerIDOf } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import { cutEra } from '../src/scenario/lesson-cut';
import { MatchDriver, playMatch } from '../src/match/match';
import { buildReplay } from '../src/match/replay';
import { makeBots } from '../src/bots/registry';
import { lastPlayedYear, playedBaseline } from '../src/client/baseline';
import { debriefHtmlFor } from '../src/client/replay/debrief-view';

const scenario = builtinScenario('yeltsin-1992')!;

describe('a class match ended after its first year', () => {
  it('is compared with historical-bot runs of that one year', async () => {
    const { driver } = playMatch({
      scenario,
      seed: 'short-class',
      bots: makeBots(perSeat(() => 'random')),
      maxRounds: 1,
    });
    expect(driver.G.revealed).toHaveLength(1);
    expect(driver.move(FACILITATOR_ID, 'endMatch')).toBe(true);
    expect(driver.G.outcome?.reason).toBe('facilitator');
    expect(lastPlayedYear(driver.G)).toBe(scenario.startYear);

    const era = await playedBaseline(driver.G);
    expect(era?.endYear).toBe(scenario.startYear);
    // The measured runs are the era cut at its first year, with the baseline's own seeds.
    const cut = cutEra(scenario, scenario.startYear);
    if (!cut.ok) throw new Error(cut.error);
    const first = playMatch({
      scenario: cut.scenario,
      seed: 'baseline-1',
      bots: makeBots(perSeat(() => 'historical')),
    });
    expect(first.driver.G.revealed).toHaveLength(1);
    for (const s of SEATS) expect(era?.baseline.scores[s]?.[0]).toBe(first.driver.G.outcome?.finalScores[s]);
  });
});

describe('the debrief of a class match', () => {
  it('leaves out every private message text when the facilitator withholds them, and keeps statements', () => {
    const seed = 'private-talk';
    const driver = new MatchDriver({ scenario, seed });
    for (const s of SEATS) expect(driver.move(playerIDOf(s), 'ready')).toBe(true);
    expect(driver.phase).toBe('diplomacy');
    const secret = 'Meet me in Sapporo, tell nobody';
    const statement = 'The islands question must be settled';
    expect(driver.move(playerIDOf('japan'), 'sendMessage', [{ to: 'russia', text: secret }])).toBe(true);
    expect(driver.move(playerIDOf('russia'), 'makeStatement', [{ text: statement }])).toBe(true);
    expect(driver.move(FACILITATOR_ID, 'endMatch')).toBe(true);
    const replay = buildReplay({ scenario, seed, seats: perSeat(() => 'human'), driver, createdBy: 'test' });

    const shown = debriefHtmlFor(replay);
    const withheld = debriefHtmlFor(replay, undefined, { privateMessages: false });
    if (!shown.ok || !withheld.ok) throw new Error('the debrief did not build');
    expect(shown.html).toContain(secret);
    expect(withheld.html).not.toContain(secret);
    expect(withheld.html).toContain(statement);
  });
});
