/**
 * The shapes socket events must have before the master sees them. boardgame.io's own transport passes whatever a
 * client sends to the master; a malformed event there can throw inside an async handler and take the process down.
 * Only moves (`MAKE_MOVE`) are accepted: the engine's events (endPhase, endTurn, ...) and undo are not for clients.
 */
import { z } from 'zod';
import { FACILITATOR_ID, NUM_PLAYERS } from '../game/vocabulary';

/** Every move a client may name: seat moves and the facilitator's. */
export const MOVE_NAMES = [
  'ready',
  'propose',
  'respond',
  'withdraw',
  'decide',
  'sendMessage',
  'makeStatement',
  'commitOrders',
  'inject',
  'advance',
  'endMatch',
] as const;

export const PLAYER_IDS = Array.from({ length: NUM_PLAYERS }, (_, i) => String(i)) as [string, ...string[]];

export const MatchIDSchema = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'a match ID of 6-40 letters, digits, _ or -');
const PlayerIDSchema = z.enum(PLAYER_IDS);
const Credentials = z.string().min(1).max(200);

/** `sync` arguments: matchID, playerID (absent or null for a spectator), credentials, numPlayers. */
export const SyncArgs = z.tuple([MatchIDSchema, PlayerIDSchema.nullish(), Credentials.nullish(), z.number().int().optional()]);

/** A move as boardgame.io's client sends it, with the seat's credentials. */
export const MoveAction = z
  .object({
    type: z.literal('MAKE_MOVE'),
    payload: z
      .object({
        type: z.enum(MOVE_NAMES),
        args: z.array(z.unknown()).max(1).nullish(),
        playerID: PlayerIDSchema,
        credentials: Credentials,
      })
      .strict(),
  })
  .strict();

/** `update` arguments: the action, the state ID it was made against, matchID, playerID. */
export const UpdateArgs = z.tuple([MoveAction, z.number().int().min(0), MatchIDSchema, PlayerIDSchema]);

export const isFacilitator = (playerID: string | null | undefined): boolean => playerID === FACILITATOR_ID;

/** A short human-readable reason a zod parse failed: the first issue's path and message. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : '(arguments)';
  return `${where}: ${issue.message}`;
}
