// Protects the one move table (MOVE_ARGS): the Game serves exactly its moves, each schema takes a well-formed
// argument and rejects malformed ones, and the socket schema built from it agrees move by move.
import { describe, expect, it } from 'vitest';
import { MOVE_ARGS, MOVE_NAMES, type MoveName, parseMoveArg } from '../src/game/args';
import { OilAndWater } from '../src/game/game';
import { UpdateArgs } from '../src/protocol/schemas';

/** A well-formed argument per move: a move added to the table without one is a compile error here. */
const WELL_FORMED: Record<MoveName, unknown> = {
  ready: {},
  propose: { to: 'japan', kind: 'summit' },
  respond: { id: 'p1', accept: true, reason: { code: 'within-offer' } },
  withdraw: { id: 'p1' },
  decide: { id: 'd1', option: 'accept' },
  chooseAgenda: { id: 'jp-four-islands' },
  sendMessage: { to: 'japan', text: 'shall we talk?' },
  makeStatement: { text: 'the islands are ours' },
  commitOrders: { orders: [] },
  reflect: { year: 1993, text: 'we rejected the aid because the Duma would not have ratified it' },
  inject: { id: 'tsunami' },
  advance: {},
  endMatch: {},
  broadcast: { text: 'five minutes left in this year' },
};

/** Malformed arguments per move: a field of the wrong type or value, where the move has fields. */
const MALFORMED: Record<MoveName, unknown[]> = {
  ready: [],
  propose: [{ to: 'mars', kind: 'summit' }, { to: 'japan', kind: 'invasion' }, { to: 'japan' }],
  respond: [
    { id: 'p1', accept: 'yes' },
    { id: '', accept: true },
    { id: 'p1', accept: true, reason: 'free English' },
    { id: 'p1', accept: true, reason: { code: 'no-such-reason' } },
  ],
  withdraw: [{ id: 7 }, {}],
  decide: [{ id: 'd1' }, { id: 'd1', option: 'x'.repeat(41) }],
  chooseAgenda: [{}, { id: '' }, { id: 7 }, { id: 'x'.repeat(41) }, { id: 'jp-four-islands', extra: 1 }],
  sendMessage: [
    { to: 'all', text: 'hi' },
    { to: 'japan', text: 'x'.repeat(10_000) },
  ],
  makeStatement: [{ text: 42 }, {}],
  broadcast: [{ text: 7 }, {}, { text: 'x'.repeat(10_000) }],
  commitOrders: [
    { orders: 'all' },
    { orders: [{ action: 'no-such-action' }] },
    { orders: Array(13).fill({ action: 'x' }) },
  ],
  reflect: [
    { year: 1993 },
    { text: 'why' },
    { year: 1993.5, text: 'x' },
    { year: 1993, text: 'x'.repeat(1201) },
  ],
  inject: [{ id: '' }, {}],
  advance: [],
  endMatch: [],
};

const phaseMoves = Object.values(OilAndWater.phases ?? {}).flatMap((phase) => Object.keys(phase.moves ?? {}));

describe('the move table', () => {
  it('names exactly the moves the Game serves, and nothing outside its phases', () => {
    expect(new Set(phaseMoves)).toEqual(new Set(MOVE_NAMES));
    expect(MOVE_NAMES).toEqual(Object.keys(MOVE_ARGS));
    expect(OilAndWater.moves ?? {}).toEqual({});
  });

  it.each(MOVE_NAMES)('%s: takes a well-formed argument and rejects malformed ones', (move) => {
    expect(parseMoveArg(move, WELL_FORMED[move])).toBeDefined();
    const malformed = [
      ...MALFORMED[move],
      null,
      'text',
      7,
      [],
      { ...(WELL_FORMED[move] as object), smuggled: true },
    ];
    for (const arg of malformed) expect(parseMoveArg(move, arg), JSON.stringify(arg)).toBeUndefined();
  });

  it('reads no argument as {}: moves without fields take none, the others need one', () => {
    const needNone = MOVE_NAMES.filter((move) => parseMoveArg(move, undefined) !== undefined);
    expect(needNone.sort()).toEqual(['advance', 'endMatch', 'ready']);
  });

  it.each(MOVE_NAMES)('%s: the socket schema accepts and refuses the same arguments as the rules', (move) => {
    const update = (args: unknown[]) =>
      UpdateArgs.safeParse([
        { type: 'MAKE_MOVE', payload: { type: move, args, playerID: '1', credentials: 'c' } },
        0,
        'match-1',
        '1',
      ]);
    expect(update([WELL_FORMED[move]]).success).toBe(true);
    expect(update([]).success).toBe(parseMoveArg(move, undefined) !== undefined);
    for (const arg of [...MALFORMED[move], null, { smuggled: true }])
      expect(update([arg]).success, JSON.stringify(arg)).toBe(false);
    expect(update([WELL_FORMED[move], WELL_FORMED[move]]).success).toBe(false);
  });

  it('the socket schema refuses a move outside the table', () => {
    const teleport = {
      type: 'MAKE_MOVE',
      payload: { type: 'teleport', args: [], playerID: '1', credentials: 'c' },
    };
    expect(UpdateArgs.safeParse([teleport, 0, 'match-1', '1']).success).toBe(false);
  });

  it("refuses a bot's reply sent by a client over the socket, naming the field", () => {
    const reply = { topic: 'islands', verdict: 'no', reason: { code: 'within-offer' }, variant: 0 };
    const payload = (arg: unknown) => ({
      type: 'MAKE_MOVE',
      payload: { type: 'sendMessage', args: [arg], playerID: '1', credentials: 'c' },
    });
    const asText = UpdateArgs.safeParse([payload({ to: 'japan', text: 'hello' }), 0, 'match-1', '1']);
    expect(asText.success).toBe(true);
    const asReply = UpdateArgs.safeParse([payload({ to: 'japan', text: '', reply }), 0, 'match-1', '1']);
    expect(asReply.success).toBe(false);
    expect(asReply.error?.issues).toEqual([
      expect.objectContaining({
        path: [0, 'payload', 'args', 0, 'reply'],
        message: expect.stringMatching(/not sent by a player/),
      }),
    ]);
  });
});
