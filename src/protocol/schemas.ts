/**
 * The shapes socket events must have before the master sees them. boardgame.io's own transport passes whatever a
 * client sends to the master; a malformed event there can throw inside an async handler and take the process down.
 * Only moves (`MAKE_MOVE`) are accepted: the engine's events (endPhase, endTurn, ...) and undo are not for clients.
 * A move's name and argument are checked against the rules' own table (`MOVE_ARGS`), so a malformed argument is a
 * `bad-request` naming the field, and only the rules' judgement of a well-formed move is a `refused`.
 */
import { z } from 'zod';
import { MOVE_ARGS, MOVE_NAMES, type MoveName } from '../game/args';
import { FACILITATOR_ID, NUM_PLAYERS } from '../game/vocabulary';

export const PLAYER_IDS = Array.from({ length: NUM_PLAYERS }, (_, i) => String(i)) as [string, ...string[]];

/** What a match ID looks like: the lobby's IDs are 16 base64url characters; anything else is refused unread. */
export const MATCH_ID_PATTERN = /^[A-Za-z0-9_-]{6,40}$/;
export const MatchIDSchema = z.string().regex(MATCH_ID_PATTERN, 'a match ID of 6-40 letters, digits, _ or -');
const PlayerIDSchema = z.enum(PLAYER_IDS);
const Credentials = z.string().min(1).max(200);

/** `sync` arguments: matchID, playerID (absent or null for a spectator), credentials, numPlayers. */
export const SyncArgs = z.tuple([
  MatchIDSchema,
  PlayerIDSchema.nullish(),
  Credentials.nullish(),
  z.number().int().optional(),
]);

/**
 * A move's argument list as boardgame.io carries it: absent, empty or one argument, which must fit the move's
 * schema (src/game/args.ts; no argument reads as `{}`, as in the rules). The list itself passes on unchanged, so
 * the log holds exactly what the client sent.
 */
function moveArgList(move: MoveName) {
  const schema = MOVE_ARGS[move];
  return z
    .array(z.unknown())
    .max(1)
    .nullish()
    .superRefine((args, ctx) => {
      const arg = args?.[0];
      const result = schema.safeParse(arg === undefined ? {} : arg);
      if (result.success) return;
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', message: `${move}: ${issue.message}`, path: [0, ...issue.path] });
      }
    });
}

const movePayload = <M extends MoveName>(move: M) =>
  z
    .object({
      type: z.literal(move),
      args: moveArgList(move),
      playerID: PlayerIDSchema,
      credentials: Credentials,
    })
    .strict();
type MovePayload = ReturnType<typeof movePayload<MoveName>>;

/**
 * A move as boardgame.io's client sends it, with the seat's credentials: one payload shape per move. A bot's reply
 * to a message (`sendMessage` with `reply`, worded from the catalogue where shown) is made by the solo client's own
 * bots on its local master and never crosses a socket; a client sending one would speak in a bot's voice, so the
 * server refuses it.
 */
export const MoveAction = z
  .object({
    type: z.literal('MAKE_MOVE'),
    payload: z.discriminatedUnion('type', MOVE_NAMES.map(movePayload) as [MovePayload, ...MovePayload[]]),
  })
  .strict()
  .superRefine((action, ctx) => {
    const arg = action.payload.args?.[0] as { reply?: unknown } | undefined;
    if (action.payload.type === 'sendMessage' && arg?.reply !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: "sendMessage: a bot's reply is not sent by a player; write the message as text",
        path: ['payload', 'args', 0, 'reply'],
      });
  });

/** `update` arguments: the action, the state ID it was made against, matchID, playerID. */
export const UpdateArgs = z.tuple([MoveAction, z.number().int().min(0), MatchIDSchema, PlayerIDSchema]);

export const isFacilitator = (playerID: string | null | undefined): boolean => playerID === FACILITATOR_ID;

/** A short human-readable reason a zod parse failed: the first issue's path and message. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : '(arguments)';
  return `${where}: ${issue.message}`;
}
