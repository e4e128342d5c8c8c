/**
 * The one door to boardgame.io's internals. boardgame.io 0.50 documents `Client`, `Server`, `Local`/`SocketIO` and
 * the `Game` contract; the project also needs its reducer, match factory, config processing, payload filter, storage
 * base class and master, which live in `boardgame.io/internal`, `boardgame.io/master` and `boardgame.io/dist/types`
 * with no stability promise. Everything of ours imports them from here (a lint rule forbids the paths elsewhere),
 * so an upgrade that moves or changes them is fixed in this file alone.
 *
 * CreateGameReducer   the reducer `(state, action) => state` the master and the replay verifier run
 * InitializeGame      a match's opening state (setup and the first phase's `onBegin`), as the master stores it
 * ProcessGameConfig   a `Game` filled with boardgame.io's defaults (flow, plugins), as the master expects it
 * createMatch         a new match's `initialState` and metadata, as boardgame.io's lobby would make them
 * getFilterPlayerView the per-receiver filter of master payloads (state and log through `playerView`)
 * Async               the base class of an asynchronous storage adapter (`StorageAPI.Async`)
 * Master              applies actions through the reducer, stores them, broadcasts through a transport API
 */
export {
  Async,
  CreateGameReducer,
  InitializeGame,
  ProcessGameConfig,
  createMatch,
  getFilterPlayerView,
} from 'boardgame.io/internal';
export { Master } from 'boardgame.io/master';
export type { IntermediateTransportData, TransportData } from 'boardgame.io/dist/types/src/master/master';
export type { FetchResult } from 'boardgame.io/dist/types/src/server/db/base';
