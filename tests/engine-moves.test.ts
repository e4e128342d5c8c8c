// Protects the move boundary: illegal input (wrong phase, wrong seat, over budget, unknown ids, malformed or hostile
// arguments) is refused with INVALID_MOVE, never throws, and leaves the state byte for byte as it was.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { FACILITATOR_ID, playerIDOf } from '../src/game/vocabulary';
import { builtinScenario } from '../src/scenario/builtin';
import { MatchDriver, stateHash } from '../src/match/match';

const scenario = builtinScenario('yeltsin-1992');

let errorSpy: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  // boardgame.io logs every refused move with console.error; the assertions below check the refusals themselves.
  errorSpy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => errorSpy.mockRestore());

/** A match at the start of the first Diplomacy, with one open proposal from Japan to Russia. */
function inDiplomacy(): MatchDriver {
  const d = new MatchDriver({ scenario, seed: 'moves' });
  for (let i = 0; i < 6; i++) expect(d.move(String(i), 'ready')).toBe(true);
  expect(d.phase).toBe('diplomacy');
  expect(d.move(playerIDOf('japan'), 'propose', [{ to: 'russia', kind: 'summit' }])).toBe(true);
  return d;
}

function inPolicy(): MatchDriver {
  const d = inDiplomacy();
  for (let i = 0; i < 6; i++) d.move(String(i), 'ready');
  expect(d.phase).toBe('policy');
  return d;
}

const J = playerIDOf('japan');
const R = playerIDOf('russia');
const C = playerIDOf('china');

type Case = [name: string, setup: () => MatchDriver, playerID: string, move: string, args: unknown[]];

const cases: Case[] = [
  ['orders during Diplomacy (wrong phase)', inDiplomacy, J, 'commitOrders', [{ orders: [] }]],
  ['a proposal during Policy (wrong phase)', inPolicy, J, 'propose', [{ to: 'russia', kind: 'summit' }]],
  ['answering a proposal addressed to another seat', inDiplomacy, C, 'respond', [{ id: 'p1', accept: true }]],
  ['withdrawing another seat’s proposal', inDiplomacy, R, 'withdraw', [{ id: 'p1' }]],
  ['answering an unknown proposal', inDiplomacy, R, 'respond', [{ id: 'p999', accept: true }]],
  ['deciding an unknown decision', inDiplomacy, R, 'decide', [{ id: 'd999', option: 'accept' }]],
  ['a seat making a facilitator move', inDiplomacy, J, 'inject', [{ id: 'anything' }]],
  [
    'the facilitator injecting an unknown event',
    inDiplomacy,
    FACILITATOR_ID,
    'inject',
    [{ id: 'no-such-event' }],
  ],
  [
    'the facilitator making a seat move',
    inDiplomacy,
    FACILITATOR_ID,
    'propose',
    [{ to: 'russia', kind: 'summit' }],
  ],
  ['an unknown move', inDiplomacy, J, 'launchMissiles', [{}]],
  ['a player ID out of range', inDiplomacy, '9', 'ready', []],
  ['proposing to oneself', inDiplomacy, J, 'propose', [{ to: 'japan', kind: 'summit' }]],
  ['a proposal to an unknown seat', inDiplomacy, J, 'propose', [{ to: 'mars', kind: 'summit' }]],
  [
    'a proposal of an unknown kind',
    inDiplomacy,
    J,
    'propose',
    [{ to: 'russia', kind: 'alliance-of-everything' }],
  ],
  [
    'a proposal with an extra field',
    inDiplomacy,
    J,
    'propose',
    [{ to: 'russia', kind: 'aid', terms: { amount: 1 }, x: 1 }],
  ],
  ['a proposal as a string', inDiplomacy, J, 'propose', ['summit']],
  [
    'a proposal with a __proto__ key',
    inDiplomacy,
    J,
    'propose',
    [JSON.parse('{"__proto__":{"x":1},"to":"russia","kind":"summit"}')],
  ],
  [
    'aid with a NaN amount',
    inDiplomacy,
    J,
    'propose',
    [{ to: 'russia', kind: 'aid', terms: { amount: Number.NaN } }],
  ],
  ['aid without an amount', inDiplomacy, J, 'propose', [{ to: 'russia', kind: 'aid' }]],
  [
    'a stake in an unknown project',
    inDiplomacy,
    J,
    'propose',
    [{ to: 'russia', kind: 'energy-stake', terms: { project: 'atlantis', share: 10 } }],
  ],
  [
    'a peace treaty between the US and China',
    inDiplomacy,
    playerIDOf('us'),
    'propose',
    [{ to: 'china', kind: 'peace-treaty', terms: { formula: 'none' } }],
  ],
  ['a duplicate open proposal', inDiplomacy, J, 'propose', [{ to: 'russia', kind: 'summit' }]],
  ['a message with a number for text', inDiplomacy, J, 'sendMessage', [{ to: 'russia', text: 5 }]],
  ['an empty message', inDiplomacy, J, 'sendMessage', [{ to: 'russia', text: '   ' }]],
  ['a message too long', inDiplomacy, J, 'sendMessage', [{ to: 'russia', text: 'x'.repeat(501) }]],
  ['a message to oneself', inDiplomacy, J, 'sendMessage', [{ to: 'japan', text: 'hello' }]],
  ['a statement too long', inDiplomacy, J, 'makeStatement', [{ text: 'y'.repeat(281) }]],
  [
    'orders over budget',
    inPolicy,
    J,
    'commitOrders',
    [
      {
        orders: [
          { action: 'territories-campaign' },
          { action: 'follow-us-line' },
          { action: 'soften-demand' },
        ],
      },
    ],
  ],
  [
    'an action not on the seat’s menu',
    inPolicy,
    J,
    'commitOrders',
    [{ orders: [{ action: 'border-crackdown' }] }],
  ],
  ['an unknown action', inPolicy, J, 'commitOrders', [{ orders: [{ action: 'nuke' }] }]],
  ['an action missing its target', inPolicy, J, 'commitOrders', [{ orders: [{ action: 'invest-project' }] }]],
  [
    'an action with a bad target',
    inPolicy,
    R,
    'commitOrders',
    [{ orders: [{ action: 'reinforce-garrison', target: 'hokkaido' }] }],
  ],
  [
    'an action ordered too often',
    inPolicy,
    J,
    'commitOrders',
    [{ orders: [{ action: 'follow-us-line' }, { action: 'follow-us-line' }] }],
  ],
  ['orders as a string', inPolicy, J, 'commitOrders', [{ orders: 'all of them' }]],
  [
    'too many orders',
    inPolicy,
    J,
    'commitOrders',
    [{ orders: Array.from({ length: 13 }, () => ({ action: 'follow-us-line' })) }],
  ],
];

describe('illegal moves are refused and change nothing', () => {
  test.each(cases)('%s', (_name, setup, playerID, move, args) => {
    const d = setup();
    const before = stateHash(d.G);
    const stateID = d.stateID;
    expect(d.move(playerID, move, args)).toBe(false);
    expect(d.stateID).toBe(stateID);
    expect(stateHash(d.G)).toBe(before);
  });
});

describe('legal moves still work next to the illegal ones', () => {
  test('a valid proposal, answer and commit move the state', () => {
    const d = inDiplomacy();
    const before = d.G.rapport['russia|japan'];
    expect(d.move(R, 'respond', [{ id: 'p1', accept: true }])).toBe(true);
    expect(d.G.proposals[0].status).toBe('accepted');
    expect(d.G.rapport['russia|japan']).toBeGreaterThan(before);
  });

  test('a seat cannot be ready twice, nor commit twice', () => {
    const d = inDiplomacy();
    expect(d.move(J, 'ready')).toBe(true);
    expect(d.move(J, 'ready')).toBe(false);
    const p = inPolicy();
    expect(p.move(J, 'commitOrders', [{ orders: [{ action: 'follow-us-line' }] }])).toBe(true);
    expect(p.move(J, 'commitOrders', [{ orders: [] }])).toBe(false);
  });

  test('message text is stored cleaned of control characters and within bounds', () => {
    const d = inDiplomacy();
    expect(d.move(J, 'sendMessage', [{ to: 'russia', text: ' <b>Hello</b>\u0007 ' }])).toBe(true);
    expect(d.G.messages.at(-1)?.text).toBe('<b>Hello</b>');
  });
});
