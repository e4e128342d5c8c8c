/**
 * Every socket event of a classroom match, typed for socket.io on both ends: the server's `Server` and the
 * client's `Socket` take these maps as generics, so an event name or payload that drifts is a compile error.
 *
 * The wire is boardgame.io's socket protocol (client: `sync`, `update`; server: `sync`, `update`, `patch`,
 * `matchData`) plus the classroom's own `oaw:*` events and an acknowledgement on `update`. boardgame.io's `chat` is
 * not served. The server still reads every client event as unknown and parses it (schemas.ts): these maps say what a
 * well-behaved client sends, not what arrives.
 */
import type { FilteredMetadata, LogEntry, State, SyncInfo } from 'boardgame.io';
import type { MoveName } from '../game/args';
import type { GameState } from '../game/state';
import type { Scenario } from '../game/scenario-schema';
import type { ClassroomStatus } from './status';

/** The classroom status, pushed to every socket of a match whenever it changes. */
export const STATUS_EVENT = 'oaw:classroom';
/** A refusal or failure, sent to the one socket it concerns. */
export const ERROR_EVENT = 'oaw:error';

/** A JSON patch (RFC 6902), as boardgame.io's master makes one. */
type Patch = { op: string; path: string; value?: unknown; from?: string }[];

/** A match state as a seat, the facilitator or a spectator receives it (already filtered by the rules' view). */
export type MatchState = State<GameState>;

/** What a sync answers: the current state, the match's players, the initial state (filtered) and the log. */
export type MatchSyncInfo = Omit<SyncInfo, 'state' | 'initialState'> & {
  state: MatchState;
  initialState?: MatchState;
  /** The match's scenario document: states hold only its hash (src/game/scenario-registry.ts). */
  scenario?: Scenario;
};

/** Why the server refused an event or could not handle it: a stable code for programs. */
export type SocketErrorCode =
  | 'bad-request'
  | 'unknown-match'
  | 'unauthorized'
  | 'not-synced'
  | 'paused'
  | 'stale'
  | 'flood'
  | 'server-error';

/** An error sent to one socket as `oaw:error`: a stable code and a sentence for people. */
export interface SocketError {
  matchID?: string;
  code: SocketErrorCode;
  message: string;
}

/** The server's answer to a move: the state it made, or why not (`refused`: the rules said no). */
export type MoveAnswer =
  { ok: true; stateID: number } | { ok: false; code: SocketErrorCode | 'refused'; message: string };

/** A move as boardgame.io's client sends it, with the mover's credentials. */
export interface MoveAction {
  type: 'MAKE_MOVE';
  payload: { type: MoveName; args: unknown[]; playerID: string | null; credentials?: string };
}

/** Events a client sends. */
export interface ClientToServerEvents {
  /** Join a match as a seat ('0'..'5'), the facilitator ('6') or, with no player ID, a spectator. */
  sync: (
    matchID: string,
    playerID: string | null,
    credentials: string | undefined,
    numPlayers: number,
  ) => void;
  /** Make a move against the state ID the client last saw; answered through `ack`. */
  update: (
    action: MoveAction,
    stateID: number,
    matchID: string,
    playerID: string | null,
    ack: (answer: MoveAnswer) => void,
  ) => void;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  sync: (matchID: string, info: MatchSyncInfo) => void;
  update: (matchID: string, state: MatchState, log: LogEntry[]) => void;
  /** boardgame.io sends patches only for games with `deltaState`, which Oil & Water does not set. */
  patch: (matchID: string, prevStateID: number, stateID: number, patch: Patch, log: LogEntry[]) => void;
  /** Who holds each player ID and whether they are connected. */
  matchData: (matchID: string, matchData: FilteredMetadata) => void;
  [STATUS_EVENT]: (status: ClassroomStatus) => void;
  [ERROR_EVENT]: (error: SocketError) => void;
}
