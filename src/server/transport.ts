/**
 * The classroom's socket transport, in place of boardgame.io's `SocketIO` (same wire protocol, so boardgame.io's own
 * client can still connect):
 * - every event is parsed (src/protocol/schemas.ts) and rate-limited before the master sees it; `chat` is not served;
 * - a socket acts only for the match and player it synced as, with that player's credentials;
 * - seat moves are refused while the facilitator has paused the match (the gate belongs to the classroom runtime);
 * - one queue per match serialises every master call (syncs, moves, server-side bots and timers alike);
 * - a state is broadcast only after storage has committed it, so no client ever sees a move a crash could lose;
 * - a sync's initial state is filtered per receiver (filter.ts); states hold only the scenario's hash, so a sync also
 *   carries the scenario document (which never changes during a match).
 */
import type http from 'node:http';
import type { z } from 'zod';
import type { Game, State } from 'boardgame.io';
import { Master } from '../match/bgio';
import { Server as IOServer, type Socket as IOSocket } from 'socket.io';
import {
  type IntermediateTransportData,
  type PayloadFilter,
  type TransportData,
  makePayloadFilter,
  syncScenario,
} from './filter';
import {
  type ClientToServerEvents,
  ERROR_EVENT,
  type MoveAnswer,
  STATUS_EVENT,
  type ServerToClientEvents,
  type SocketError,
} from '../protocol/events';
import type { ClassroomStatus } from '../protocol/status';
import { SyncArgs, UpdateArgs, firstIssue, isFacilitator } from '../protocol/schemas';
import type { MatchStorage } from './storage';
import type { GameState } from '../game/state';
import { NUM_PLAYERS } from '../game/vocabulary';
import { ProcessGameConfig } from '../match/bgio';
import { sameSecret } from './classroom-record';

type MasterAuth = ConstructorParameters<typeof Master>[3];
/** A parsed move action (the first argument of `update`). */
export type UpdateAction = z.infer<typeof UpdateArgs>[0];
/** The classroom's socket.io server and sockets, typed by the wire's event maps (src/protocol/events.ts). */
type ClassroomIO = IOServer<ClientToServerEvents, ServerToClientEvents>;
type Socket = IOSocket<ClientToServerEvents, ServerToClientEvents>;

/** Seat credentials are checked in constant time against the match metadata; no credentials, no entry. */
export const classroomAuth = {
  authenticateCredentials({
    playerID,
    credentials,
    metadata,
  }: {
    playerID: string;
    credentials?: unknown;
    metadata?: unknown;
  }) {
    const players = (metadata as { players?: Record<string, { credentials?: unknown }> } | undefined)
      ?.players;
    const expected = players?.[playerID]?.credentials;
    if (typeof expected !== 'string' || typeof credentials !== 'string') return false;
    return sameSecret(credentials, expected);
  },
} as unknown as NonNullable<MasterAuth>;

/**
 * What the transport asks of the cluster (cluster.ts) when several processes serve one address: a match is served
 * (its move queue, timers, bots) by the one process holding its lease; a socket on another process syncs there but
 * hands its moves and seat changes to the owner, whose broadcasts reach it through the socket.io Redis adapter.
 */
export interface ClusterRoute {
  /** Whether the match exists anywhere in the cluster; takes it over when nobody serves it. */
  exists(matchID: string): Promise<boolean>;
  /** Hands a socket's move to the match's owner and resolves its answer. */
  update(matchID: string, playerID: string, action: unknown, clientStateID: number): Promise<MoveAnswer>;
  /** Tells the owner a seat's socket connected or left (boardgame.io's `isConnected`) and presence changed. */
  connection(
    matchID: string,
    playerID: string | null,
    credentials: string | undefined,
    connected: boolean,
  ): void;
}

/** The socket.io room of every socket synced to a match, and of those synced as one player (null: spectators). */
export const matchRoom = (matchID: string): string => `m:${matchID}`;
export const playerRoom = (matchID: string, playerID: string | null): string =>
  `p:${matchID}:${playerID ?? '-'}`;
/** Every player ID a socket can sync as, and spectators. */
const RECEIVERS: (string | null)[] = [...Array.from({ length: NUM_PLAYERS }, (_, i) => String(i)), null];

/** What the transport asks of the classroom runtime. */
export interface TransportHooks {
  /** Whether a match with this ID is served here. */
  exists(matchID: string): boolean;
  /** Why a move by this player may not go through now (the pause gate), or null. */
  gate(matchID: string, playerID: string): string | null;
  /** A state was committed and is being broadcast. */
  committed(matchID: string, state: State<GameState>): void;
  /** Sockets joined or left a seat. */
  presence(matchID: string): void;
}

export interface TransportLimits {
  /** Largest socket message in bytes (engine.io drops the connection above it). */
  maxMessageBytes: number;
  /** Events a socket may send in a burst, and per second after it. */
  burst: number;
  perSecond: number;
  /** Dropped events after which a flooding socket is disconnected. */
  disconnectAfterDrops: number;
}

export const DEFAULT_LIMITS: TransportLimits = {
  maxMessageBytes: 64 * 1024,
  burst: 40,
  perSecond: 20,
  disconnectAfterDrops: 400,
};

interface Client {
  socket: Socket;
  matchID: string;
  playerID: string | null;
  credentials: string | undefined;
}

/** A socket's rate state: a token bucket, and the drops that may end the connection. */
interface Bucket {
  tokens: number;
  refilled: number;
  drops: number;
  lastFloodNotice: number;
}

const phaseKey = (state: State): string =>
  `${state.ctx.phase}:${(state.G as GameState).round}:${state.ctx.turn}`;

/** Sends one master payload, already filtered for its receiver, as the event boardgame.io's client expects. */
function send(socket: Socket, data: TransportData): void {
  switch (data.type) {
    case 'sync':
      socket.emit('sync', ...data.args);
      return;
    case 'update':
      socket.emit('update', ...data.args);
      return;
    case 'patch':
      socket.emit('patch', ...data.args);
      return;
    case 'matchData':
      socket.emit('matchData', ...data.args);
      return;
    case 'chat':
      // Never made: the master sends chat only in answer to a client's, and this transport serves none.
      return;
  }
}

/**
 * States hold only their scenario's hash: a sync also carries the document (the client registers it), and updates
 * need nothing more.
 */
function withScenario(data: TransportData): TransportData {
  if (data.type !== 'sync') return data;
  const [matchID, info] = data.args;
  // An unchanged built-in era travels as its id only: every client bundles it (filter.ts syncScenario).
  const scenario = syncScenario(info.state.G as GameState);
  return { type: 'sync', args: [matchID, (scenario ? { ...info, scenario } : info) as typeof info] };
}

export class ClassroomTransport {
  private readonly game: Game;
  private readonly filter: PayloadFilter;
  private readonly auth: MasterAuth = classroomAuth;
  private io?: ClassroomIO;
  private route?: ClusterRoute;
  /** Sockets per player ID across the cluster, per match served here (cluster mode; refreshed by `refreshPresence`). */
  private readonly clusterCounts = new Map<string, Record<string, number>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly clients = new Map<string, Client>();
  private readonly rooms = new Map<string, Set<Client>>();
  /**
   * Recent state IDs per match and the phase each belonged to, to accept moves made one update behind. Knowing a
   * state's phase says nothing about whether it was sent: only `publish` sends, once per committed state.
   */
  private readonly recent = new Map<string, Map<number, string>>();

  constructor(
    game: Game,
    private readonly storage: MatchStorage,
    private readonly hooks: TransportHooks,
    private readonly limits: TransportLimits = DEFAULT_LIMITS,
  ) {
    this.game = ProcessGameConfig(game) as unknown as Game;
    this.filter = makePayloadFilter(this.game);
  }

  /** Attaches socket.io to the HTTP server. `allowRequest` decides cross-origin and similar refusals. */
  listen(server: http.Server, allowRequest: (req: http.IncomingMessage) => string | null): ClassroomIO {
    const io: ClassroomIO = new IOServer<ClientToServerEvents, ServerToClientEvents>(server, {
      pingTimeout: 20_000,
      pingInterval: 10_000,
      maxHttpBufferSize: this.limits.maxMessageBytes,
      serveClient: false,
      allowRequest: (req, callback) => {
        const refusal = allowRequest(req);
        callback(refusal, refusal === null);
      },
    });
    this.io = io;
    io.of(`/${this.game.name}`).on('connection', (socket) => this.connect(socket));
    return io;
  }

  /** Switches to cluster mode: moves of matches served by another process go to it (cluster.ts). */
  useCluster(route: ClusterRoute): void {
    this.route = route;
  }

  /** The socket.io server (the cluster attaches its adapter and reads sockets across processes through it). */
  get server(): ClassroomIO | undefined {
    return this.io;
  }

  /** Sockets synced here, for draining at shutdown. */
  get socketCount(): number {
    return this.clients.size;
  }

  /**
   * Stops taking new syncs and moves and asks every socket here to reconnect (a graceful shutdown: behind the proxy
   * they reconnect to another process). Resolves when the queued master calls have finished or `timeoutMs` passed.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    const pending = Promise.all([...this.queues.values()]);
    await Promise.race([pending, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    this.io?.of(`/${this.game.name}`).local.disconnectSockets(true);
  }

  private draining = false;

  /** Closes every socket (server shutdown). */
  async close(): Promise<void> {
    const io = this.io;
    if (!io) return;
    this.io = undefined;
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
  }

  /** Runs `task` after every earlier master call of the match has finished. */
  serial<T>(matchID: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(matchID) ?? Promise.resolve();
    const run = previous.then(task, task);
    this.queues.set(
      matchID,
      run.catch(() => undefined),
    );
    return run;
  }

  /** How many sockets are synced to each player ID of a match (spectators under 'spectator'). */
  presence(matchID: string): Record<string, number> {
    if (this.route) return { ...(this.clusterCounts.get(matchID) ?? {}) };
    const counts: Record<string, number> = {};
    for (const c of this.rooms.get(matchID) ?? []) {
      const key = c.playerID ?? 'spectator';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /**
   * Counts the sockets synced to a match on every process (cluster mode, through the adapter) and tells the runtime.
   * A process that died takes its sockets with it: the next count leaves them out.
   */
  async refreshPresence(matchID: string): Promise<void> {
    // One count at a time per match; changes meanwhile ask for one more after it.
    const running = this.counting.get(matchID);
    if (running) {
      running.again = true;
      return running.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    this.counting.set(matchID, entry);
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await this.countOnce(matchID);
        } while (entry.again);
      } finally {
        this.counting.delete(matchID);
      }
    })();
    return entry.done;
  }

  private readonly counting = new Map<string, { again: boolean; done: Promise<void> }>();

  private async countOnce(matchID: string): Promise<void> {
    const io = this.io;
    if (!this.route || !io) return;
    const sockets = await io.of(`/${this.game.name}`).in(matchRoom(matchID)).fetchSockets();
    const counts: Record<string, number> = {};
    for (const s of sockets) {
      const data = s.data as { matchID?: string; playerID?: string | null } | undefined;
      if (data?.matchID !== matchID) continue;
      const key = data.playerID ?? 'spectator';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const before = JSON.stringify(this.clusterCounts.get(matchID) ?? {});
    this.clusterCounts.set(matchID, counts);
    if (JSON.stringify(counts) !== before) this.hooks.presence(matchID);
  }

  /** Forgets what this process knew about a match it no longer serves (cluster handover). */
  release(matchID: string): void {
    this.clusterCounts.delete(matchID);
    this.recent.delete(matchID);
  }

  /** Sends the classroom status (public data) to every socket synced to a match, on every process. */
  emitStatus(matchID: string, status: ClassroomStatus): void {
    this.io?.of(`/${this.game.name}`).to(matchRoom(matchID)).emit(STATUS_EVENT, status);
  }

  /** Disconnects every socket of a match, on every process (the match was deleted). */
  dropMatch(matchID: string): void {
    for (const c of [...(this.rooms.get(matchID) ?? [])]) c.socket.disconnect(true);
    if (this.route) this.io?.of(`/${this.game.name}`).in(matchRoom(matchID)).disconnectSockets(true);
    this.recent.delete(matchID);
    this.clusterCounts.delete(matchID);
  }

  /**
   * Makes a move for a player inside the server (bots, timers, the facilitator's HTTP controls): the same master,
   * queue, credentials check and broadcast as a socket's move. `expect`, checked inside the match's queue on the
   * stored state, lets a caller make the move only if the match is still where it thinks (a timer's phase): false
   * skips the move. Resolves whether the rules accepted it.
   */
  async dispatch(
    matchID: string,
    playerID: string,
    move: string,
    args: unknown[] = [],
    expect?: (state: State<GameState>) => boolean,
  ): Promise<boolean> {
    return this.serial(matchID, async () => {
      const { state, metadata } = this.storage.fetchNow(matchID, { state: true, metadata: true });
      if (!state || !metadata) return false;
      if (expect && !expect(state as State<GameState>)) return false;
      this.remember(matchID, state);
      const credentials = metadata.players[Number(playerID)]?.credentials ?? '';
      const action = { type: 'MAKE_MOVE' as const, payload: { type: move, args, playerID, credentials } };
      await this.call(matchID, undefined, state._stateID, (master) =>
        master.onUpdate(action, state._stateID, matchID, playerID),
      );
      const after = this.storage.fetchNow(matchID, { state: true }).state;
      return after !== undefined && after._stateID > state._stateID;
    });
  }

  /**
   * Runs one master call (inside the match's queue) and then broadcasts what it committed. The master broadcasts a
   * state before it writes it; collecting its broadcasts and sending them once the call (and so the write) is done
   * sends only what is on disk, in commit order, and every committed state exactly once. `before` is the stored
   * state ID the call started from: an update not newer than it is a refused move's echo of the current state.
   */
  private async call<T>(
    matchID: string,
    socket: Socket | undefined,
    before: number,
    work: (master: Master) => Promise<T>,
  ): Promise<T> {
    const outbox: IntermediateTransportData[] = [];
    const result = await work(this.master(socket, outbox));
    this.publish(matchID, outbox, before);
    return result;
  }

  /** The master for one call; its broadcasts go to `outbox`, sent by `call` after the storage write. */
  private master(socket: Socket | undefined, outbox: IntermediateTransportData[]): Master {
    const transportAPI = {
      send: ({ playerID, ...data }: { playerID: string | null } & IntermediateTransportData) => {
        if (socket) send(socket, withScenario(this.filter(playerID ?? null, data)));
      },
      sendAll: (payload: IntermediateTransportData) => void outbox.push(payload),
    };
    return new Master(
      this.game,
      this.storage,
      transportAPI as ConstructorParameters<typeof Master>[2],
      this.auth,
    );
  }

  /**
   * Sends a finished master call's broadcasts. An update goes out only when it is the stored state and newer than
   * the call's starting point: a state the write refused (a stale compare-and-set) or a refused move's echo is not
   * sent. Publishing is the only thing that marks a state as sent.
   */
  private publish(matchID: string, outbox: IntermediateTransportData[], before: number): void {
    for (const payload of outbox) {
      if (payload.type === 'update' || payload.type === 'patch') {
        const state = (payload.type === 'update' ? payload.args[1] : payload.args[3]) as State<GameState>;
        const stored = this.storage.fetchNow(matchID, { state: true }).state;
        if (!stored || stored._stateID !== state._stateID || state._stateID <= before) continue;
        this.remember(matchID, state);
        this.broadcast(matchID, payload);
        try {
          this.hooks.committed(matchID, state);
        } catch (error) {
          // The move is stored and sent: a failing hook (status, timers, bots) must not turn it into an error.
          console.error(`[classroom] after-commit hook failed for ${matchID}:`, error);
        }
        continue;
      }
      this.broadcast(matchID, payload);
    }
  }

  /**
   * Sends a payload to every socket of the match, filtered once per player ID, through socket.io rooms: with the
   * Redis adapter (cluster mode) that reaches the match's sockets on every process. On one process only the rooms
   * that have sockets are filtered.
   */
  private broadcast(matchID: string, payload: IntermediateTransportData): void {
    const nsp = this.io?.of(`/${this.game.name}`);
    if (!nsp) return;
    for (const playerID of RECEIVERS) {
      const room = playerRoom(matchID, playerID);
      if (!this.route && !nsp.adapter.rooms.has(room)) continue;
      const data = this.filter(playerID, payload);
      if (data.type === 'chat') continue;
      (nsp.to(room).emit as (event: string, ...args: unknown[]) => boolean)(data.type, ...data.args);
    }
  }

  private remember(matchID: string, state: State): void {
    let map = this.recent.get(matchID);
    if (!map) this.recent.set(matchID, (map = new Map()));
    map.set(state._stateID, phaseKey(state));
    if (map.size > 256) map.delete(map.keys().next().value as number);
  }

  private fail(socket: Socket, error: SocketError, ack?: (answer: MoveAnswer) => void): void {
    socket.emit(ERROR_EVENT, error);
    ack?.({ ok: false, code: error.code, message: error.message });
  }

  /** Token bucket per socket; a socket that keeps flooding is cut off. */
  private allow(socket: Socket, client: Bucket): boolean {
    const now = performance.now();
    client.tokens = Math.min(
      this.limits.burst,
      client.tokens + ((now - client.refilled) / 1000) * this.limits.perSecond,
    );
    client.refilled = now;
    if (client.tokens >= 1) {
      client.tokens -= 1;
      return true;
    }
    client.drops += 1;
    if (client.drops >= this.limits.disconnectAfterDrops) socket.disconnect(true);
    else if (now - client.lastFloodNotice > 1000) {
      client.lastFloodNotice = now;
      socket.emit(ERROR_EVENT, { code: 'flood', message: 'too many messages: some were dropped; slow down' });
    }
    return false;
  }

  private connect(socket: Socket): void {
    // Rate state lives with the socket, before and after it syncs.
    const bucket: Bucket = {
      tokens: this.limits.burst,
      refilled: performance.now(),
      drops: 0,
      // Not 0: \`performance.now()\` counts from the process's start, so a process younger than a second never
      // sent the first notice (the bad-input test's flood, in a fresh test worker, failed now and then).
      lastFloodNotice: -Infinity,
    };
    socket.on('sync', (...raw: unknown[]) => {
      if (!this.allow(socket, bucket)) return;
      void this.onSync(socket, raw).catch((error: unknown) => this.internal(socket, error));
    });
    socket.on('update', (...raw: unknown[]) => {
      const ack =
        typeof raw[raw.length - 1] === 'function' ? (raw.pop() as (answer: MoveAnswer) => void) : undefined;
      if (!this.allow(socket, bucket)) {
        ack?.({ ok: false, code: 'flood', message: 'too many messages: this one was dropped' });
        return;
      }
      void this.onUpdate(socket, raw, ack).catch((error: unknown) => this.internal(socket, error, ack));
    });
    socket.on('disconnect', () => this.leave(socket));
    // Anything else (boardgame.io's `chat`, unknown events) is ignored, but still counts against the rate.
    socket.onAny((event: string) => {
      if (event !== 'sync' && event !== 'update') this.allow(socket, bucket);
    });
  }

  private internal(socket: Socket, error: unknown, ack?: (answer: MoveAnswer) => void): void {
    console.error('[classroom] socket handler failed:', error);
    this.fail(socket, { code: 'server-error', message: 'the server could not handle that message' }, ack);
  }

  private async onSync(socket: Socket, raw: unknown[]) {
    const parsed = SyncArgs.safeParse(raw.slice(0, 4));
    if (!parsed.success) {
      this.fail(socket, { code: 'bad-request', message: `bad sync: ${firstIssue(parsed.error)}` });
      return;
    }
    const [matchID, playerIDRaw, credentialsRaw] = parsed.data;
    const playerID = playerIDRaw ?? null;
    const credentials = credentialsRaw ?? undefined;
    if (this.draining) {
      this.fail(socket, { matchID, code: 'server-error', message: 'this server is restarting: reconnect' });
      socket.disconnect(true);
      return;
    }
    // boardgame.io would create an unknown match on demand; here only matches made through the lobby exist.
    const here = this.hooks.exists(matchID);
    if (!here && !(this.route && (await this.route.exists(matchID)))) {
      this.fail(socket, { matchID, code: 'unknown-match', message: `no match "${matchID}" on this server` });
      return;
    }
    // A client that fell behind syncs again as the same player: it stays registered meanwhile, so its moves made
    // while the sync is on its way are not refused as unsynced (a sync can take a while on Postgres).
    const previous = this.clients.get(socket.id);
    const resync =
      previous !== undefined &&
      previous.matchID === matchID &&
      previous.playerID === playerID &&
      previous.credentials === credentials;
    if (!resync) this.leave(socket);
    if (!this.hooks.exists(matchID)) {
      await this.syncRemote(socket, matchID, playerID, credentials, resync);
      return;
    }
    const result = await this.serial(matchID, () =>
      this.call(matchID, socket, Infinity, (master) =>
        master.onSync(matchID, playerID, credentials, NUM_PLAYERS),
      ),
    );
    if (!this.admit(socket, result, matchID, playerID, credentials, resync)) return;
    if (this.route) {
      this.route.connection(matchID, playerID, credentials, true);
      return;
    }
    if (playerID !== null) {
      await this.serial(matchID, () =>
        this.call(matchID, undefined, Infinity, (master) =>
          master.onConnectionChange(matchID, playerID, credentials, true),
        ),
      );
    }
    this.hooks.presence(matchID);
  }

  private async onUpdate(socket: Socket, raw: unknown[], ack?: (answer: MoveAnswer) => void) {
    const parsed = UpdateArgs.safeParse(raw);
    if (!parsed.success) {
      this.fail(socket, { code: 'bad-request', message: `bad move: ${firstIssue(parsed.error)}` }, ack);
      return;
    }
    const [action, clientStateID, matchID, playerID] = parsed.data;
    const client = this.clients.get(socket.id);
    if (
      !client ||
      client.matchID !== matchID ||
      client.playerID !== playerID ||
      action.payload.playerID !== playerID
    ) {
      this.fail(
        socket,
        { matchID, code: 'not-synced', message: 'sync as this player of this match before making moves' },
        ack,
      );
      return;
    }
    let answer: MoveAnswer;
    if (this.draining)
      answer = { ok: false, code: 'server-error', message: 'this server is restarting: reconnect and retry' };
    else if (this.route && !this.hooks.exists(matchID))
      answer = await this.route.update(matchID, playerID, action, clientStateID);
    else answer = await this.applyUpdate(matchID, playerID, action, clientStateID, socket);
    if (!answer.ok && answer.code !== 'refused')
      socket.emit(ERROR_EVENT, { matchID, code: answer.code, message: answer.message });
    ack?.(answer);
  }

  /**
   * A move checked against the pause gate and made in the match's queue; `socket` is the mover's when it is here
   * (a move handed over from another process has none). Exposed for the cluster: the owner runs others' moves.
   */
  async applyUpdate(
    matchID: string,
    playerID: string,
    action: UpdateAction,
    clientStateID: number,
    socket?: Socket,
  ): Promise<MoveAnswer> {
    if (!this.hooks.exists(matchID))
      return {
        ok: false,
        code: 'unknown-match',
        message: `match "${matchID}" is not served here now: retry`,
      };
    const gate = this.hooks.gate(matchID, playerID);
    if (gate !== null) return { ok: false, code: 'paused', message: gate };
    return this.serial(matchID, async (): Promise<MoveAnswer> => {
      const current = this.storage.fetchNow(matchID, { state: true }).state;
      if (!current)
        return { ok: false, code: 'unknown-match', message: `no match "${matchID}" on this server` };
      this.remember(matchID, current);
      let stateID = clientStateID;
      if (stateID !== current._stateID) {
        // Every phase is simultaneous: a move made one update behind, in the same phase, is judged by the rules on
        // the current state. Across a phase change the client must see the new phase first.
        if (this.recent.get(matchID)?.get(stateID) !== phaseKey(current)) {
          return {
            ok: false,
            code: 'stale',
            message: 'the match has moved on (a new phase began): look again and retry',
          };
        }
        stateID = current._stateID;
      }
      const payload = { ...action.payload, args: action.payload.args ?? [] };
      const result = await this.call(matchID, socket, current._stateID, (master) =>
        master.onUpdate({ ...action, payload }, stateID, matchID, playerID),
      );
      if (result && 'error' in result)
        return { ok: false, code: 'unauthorized', message: `wrong credentials for player ${playerID}` };
      const after = this.storage.fetchNow(matchID, { state: true }).state;
      if (after && after._stateID > current._stateID) return { ok: true, stateID: after._stateID };
      return { ok: false, code: 'refused', message: `the rules refused ${action.payload.type} now` };
    });
  }

  /** A seat's connection changed on some process (cluster mode: run here, by the owner). */
  async connectionChanged(
    matchID: string,
    playerID: string | null,
    credentials: string | undefined,
    connected: boolean,
  ): Promise<void> {
    // Closing: the stored matches are handed over as they are.
    if (!this.io || !this.hooks.exists(matchID)) return;
    if (playerID !== null) {
      await this.serial(matchID, () =>
        this.call(matchID, undefined, Infinity, (master) =>
          master.onConnectionChange(matchID, playerID, credentials, connected),
        ),
      );
    }
    void this.refreshPresence(matchID).catch((error: unknown) =>
      console.error(`[classroom] counting the sockets of ${matchID} failed:`, (error as Error).message),
    );
  }

  /**
   * A sync of a match another process serves (cluster mode): the master reads the stored state here and answers
   * this socket only; the socket joins the match's rooms, so the owner's broadcasts reach it.
   */
  private async syncRemote(
    socket: Socket,
    matchID: string,
    playerID: string | null,
    credentials: string | undefined,
    resync: boolean,
  ): Promise<void> {
    const result = await this.call(matchID, socket, Infinity, (master) =>
      master.onSync(matchID, playerID, credentials, NUM_PLAYERS),
    );
    if (this.admit(socket, result, matchID, playerID, credentials, resync)) {
      this.route?.connection(matchID, playerID, credentials, true);
    }
  }

  /**
   * A sync's answer, here or from another process: wrong credentials fail the socket; otherwise a socket still
   * connected, and not resyncing as the client it already is, is registered and joins the match's rooms. True if it
   * joined.
   */
  private admit(
    socket: Socket,
    result: Awaited<ReturnType<Master['onSync']>> | undefined,
    matchID: string,
    playerID: string | null,
    credentials: string | undefined,
    resync: boolean,
  ): boolean {
    if (result && 'error' in result) {
      const who = isFacilitator(playerID) ? 'the facilitator' : `player ${playerID}`;
      this.fail(socket, {
        matchID,
        code: 'unauthorized',
        message: `wrong credentials for ${who} of match ${matchID}`,
      });
      return false;
    }
    if (!socket.connected || resync) return false;
    const client: Client = { socket, matchID, playerID, credentials };
    this.clients.set(socket.id, client);
    let room = this.rooms.get(matchID);
    if (!room) this.rooms.set(matchID, (room = new Set()));
    room.add(client);
    this.join(socket, matchID, playerID);
    return true;
  }

  private join(socket: Socket, matchID: string, playerID: string | null): void {
    socket.data = { matchID, playerID };
    void socket.join([matchRoom(matchID), playerRoom(matchID, playerID)]);
  }

  private leave(socket: Socket): void {
    const client = this.clients.get(socket.id);
    if (!client) return;
    this.clients.delete(socket.id);
    const room = this.rooms.get(client.matchID);
    room?.delete(client);
    if (room && room.size === 0) this.rooms.delete(client.matchID);
    const { matchID, playerID, credentials } = client;
    socket.data = {};
    socket.leave(matchRoom(matchID));
    socket.leave(playerRoom(matchID, playerID));
    if (this.route) {
      this.route.connection(matchID, playerID, credentials, false);
      return;
    }
    if (playerID !== null && this.hooks.exists(matchID)) {
      void this.serial(matchID, () =>
        this.call(matchID, undefined, Infinity, (master) =>
          master.onConnectionChange(matchID, playerID, credentials, false),
        ),
      ).catch((error: unknown) => console.error('[classroom] connection change failed:', error));
    }
    this.hooks.presence(matchID);
  }
}
