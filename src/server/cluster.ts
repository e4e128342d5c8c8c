/**
 * Several classroom server processes behind one address (REDIS_URL set, storage on Postgres):
 *
 * - **Broadcasts** travel through the socket.io Redis adapter: the owner of a match emits each committed state to
 *   the match's per-player rooms (transport.ts), which reach that match's sockets on every process.
 * - **One owner per match.** The per-match work that must happen once (the move queue, phase timers, bot passes and
 *   vacant-seat stand-ins) runs on the process holding the match's lease, a Redis key `<prefix>lease:<matchID>`
 *   holding the owner's ID and address, set with NX and a time to live (`leaseMs`), renewed every `renewMs` by a
 *   compare-and-renew script. A process that dies stops renewing; when the key expires, the first process whose
 *   periodic scan of the unfinished matches (Postgres) finds it unowned takes it (SET NX), reads the record and the
 *   state from Postgres and resumes its timers from the stored deadlines. A process shutting down deletes its keys,
 *   so the others take its matches at once.
 * - **Others hand over.** A socket synced on a process that does not own its match sends its moves and seat changes
 *   to the owner over Redis (a request channel per process, `<prefix>rpc:<id>`); lobby requests about a match are
 *   forwarded to the owner's address over HTTP (app.ts).
 *
 * Two owners at once (a process paused past its lease) cannot corrupt a match: every state write is a compare-and-set
 * on `_stateID`, a timer's `advance` names the phase it belongs to, and the old owner drops the match at its next
 * renewal.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import type { MoveAnswer } from '../protocol/events';
import { UpdateArgs, firstIssue } from '../protocol/schemas';
import { SEATS } from '../game/vocabulary';
import type { RemoteGroup } from './lobby';
import type { ClassroomRuntime } from './runtime';
import type { PgStorage } from './storage-pg';
import type { ClassroomTransport, ClusterRoute } from './transport';

export interface ClusterOptions {
  redisUrl: string;
  /** Prefix of every Redis key and channel (one per deployment; tests use one per run). */
  prefix: string;
  /** This process's address as the other processes reach it (lobby requests are forwarded there). */
  selfUrl: string;
  /** How long a lease lives without renewal (ms): how soon a dead process's matches are taken over. */
  leaseMs: number;
  /** How often leases are renewed and unowned matches looked for (ms). */
  renewMs: number;
  /** How long a request to another process waits for its answer (ms). */
  rpcTimeoutMs: number;
}

export const DEFAULT_CLUSTER = { leaseMs: 6000, renewMs: 1500, rpcTimeoutMs: 8000 };

/** Who serves a match: this process, another (with its address), or nobody (no such match). */
export type Owner = { self: true } | { self: false; id: string; url: string } | null;

interface Lease {
  id: string;
  url: string;
}

type Request =
  | { kind: 'group'; matchID: string }
  | { kind: 'update'; matchID: string; playerID: string; action: unknown; clientStateID: number }
  | {
      kind: 'connection';
      matchID: string;
      playerID: string | null;
      credentials?: string;
      connected: boolean;
    };

interface Envelope {
  from: string;
  seq: number;
  request?: Request;
  reply?: unknown;
  error?: string;
}

/** Renews a lease only if this process still holds it. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes a lease only if this process still holds it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export class Cluster implements ClusterRoute {
  /** This process's ID in the cluster (random per start). */
  readonly id = randomBytes(8).toString('hex');
  private readonly lease: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly adapterPub: Redis;
  private readonly adapterSub: Redis;
  private readonly owned = new Set<string>();
  private readonly taking = new Map<string, Promise<Owner>>();
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private seq = 0;
  private renewTimer?: NodeJS.Timeout;
  private scanTimer?: NodeJS.Timeout;
  private stopped = false;
  private ready = false;

  constructor(
    private readonly options: ClusterOptions,
    private readonly storage: PgStorage,
    private readonly runtime: ClassroomRuntime,
    private readonly transport: ClassroomTransport,
  ) {
    this.lease = JSON.stringify({ id: this.id, url: options.selfUrl } satisfies Lease);
    const connect = () =>
      new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true });
    this.pub = connect();
    this.sub = connect();
    this.adapterPub = connect();
    this.adapterSub = connect();
    for (const r of [this.pub, this.sub, this.adapterPub, this.adapterSub])
      r.on('error', (error: Error) => {
        if (!this.stopped) console.error('[cluster] redis:', error.message);
      });
  }

  private key(matchID: string): string {
    return `${this.options.prefix}lease:${matchID}`;
  }

  private channel(processID: string): string {
    return `${this.options.prefix}rpc:${processID}`;
  }

  /** Connects to Redis, attaches the socket.io adapter, and starts renewing and looking for unowned matches. */
  async start(): Promise<void> {
    await Promise.all([this.pub, this.sub, this.adapterPub, this.adapterSub].map((r) => r.connect()));
    const io = this.transport.server;
    if (!io) throw new Error('the cluster starts after the transport listens');
    io.adapter(createAdapter(this.adapterPub, this.adapterSub, { key: `${this.options.prefix}sio` }));
    this.sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.onMessage(message.toString()));
    await this.sub.subscribe(this.channel(this.id));
    this.transport.useCluster(this);
    this.runtime.onAdded = (matchID) => void this.claim(matchID);
    await this.scan();
    this.ready = true;
    // Renewing never waits behind the scan: a slow scan (many matches, a busy peer) must not let leases lapse.
    const every = (timer: 'renewTimer' | 'scanTimer', round: () => Promise<void>, what: string) => {
      this[timer] = setTimeout(() => {
        void round()
          .catch((error: unknown) => console.error(`[cluster] ${what} failed:`, (error as Error).message))
          .finally(() => {
            if (!this.stopped) every(timer, round, what);
          });
      }, this.options.renewMs);
    };
    every('renewTimer', () => this.renew(), 'renewing leases');
    every('scanTimer', () => this.scan(), 'looking for unserved matches');
  }

  /** Whether Redis answers and the first lease round is done (the readiness check). */
  get isReady(): boolean {
    return this.ready && !this.stopped && this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** This process's address for its peers. */
  get selfUrl(): string {
    return this.options.selfUrl;
  }

  /** The record table (join codes are looked up there). */
  storageRecords(): PgStorage['records'] {
    return this.storage.records;
  }

  /** Matches this process serves. */
  get ownedCount(): number {
    return this.owned.size;
  }

  /** Renews the leases held here, dropping the ones another process has taken. */
  private async renew(): Promise<void> {
    if (this.stopped) return;
    const held = [...this.owned];
    if (held.length > 0) {
      const pipeline = this.pub.pipeline();
      for (const id of held) pipeline.eval(RENEW, 1, this.key(id), this.lease, String(this.options.leaseMs));
      const results = (await pipeline.exec()) ?? [];
      held.forEach((id, i) => {
        const [error, kept] = results[i] ?? [null, 0];
        if (!error && kept === 1) return;
        console.error(`[cluster] lost the lease of match ${id}: another process serves it now`);
        this.drop(id);
      });
    }
  }

  /** Takes unfinished matches nobody serves, and recounts the sockets of the matches served here. */
  private async scan(): Promise<void> {
    if (this.stopped) return;
    const unfinished = await this.storage.records.unfinished();
    const candidates = unfinished.filter((id) => !this.owned.has(id));
    if (candidates.length > 0) {
      const leases = await this.pub.mget(candidates.map((id) => this.key(id)));
      for (const [i, id] of candidates.entries()) if (leases[i] === null) await this.owner(id);
    }
    // Sockets of a process that died are gone: recount the matches served here.
    await Promise.all([...this.owned].map((id) => this.transport.refreshPresence(id).catch(() => undefined)));
  }

  /** Forgets a match here (finished, deleted or taken by another process). */
  private drop(matchID: string): void {
    this.owned.delete(matchID);
    this.runtime.release(matchID);
    this.transport.release(matchID);
    this.storage.forget(matchID);
  }

  /** Stops serving a deleted match (expired or deleted by its facilitator) and gives its lease up. */
  forget(matchID: string): void {
    if (!this.owned.delete(matchID) || this.stopped) return;
    void this.pub.eval(RELEASE, 1, this.key(matchID), this.lease).catch(() => undefined);
  }

  /**
   * Whether this process may delete a stored match nobody serves: it serves it already, or takes it now (its lease
   * was free). A match another process serves is that process's to expire.
   */
  async takeForExpiry(matchID: string): Promise<boolean> {
    const owner = await this.owner(matchID);
    return owner !== null && owner.self;
  }

  /** Takes the lease of a match this process has just created. */
  private async claim(matchID: string): Promise<void> {
    this.owned.add(matchID);
    await this.pub.set(this.key(matchID), this.lease, 'PX', this.options.leaseMs);
  }

  /**
   * Who serves the match, taking it over when nobody does: reads the lease; without one, takes it (SET NX), reads
   * the record and state from Postgres and resumes the match here. null when no such match is stored.
   */
  async owner(matchID: string): Promise<Owner> {
    if (this.stopped) return null;
    if (this.owned.has(matchID) && this.runtime.get(matchID)) return { self: true };
    const current = await this.pub.get(this.key(matchID));
    const lease = parseLease(current);
    if (lease && lease.id !== this.id) return { self: false, ...lease };
    let pending = this.taking.get(matchID);
    if (!pending) {
      pending = this.take(matchID).finally(() => this.taking.delete(matchID));
      this.taking.set(matchID, pending);
    }
    return pending;
  }

  private async take(matchID: string): Promise<Owner> {
    if (this.stopped) return null;
    const record = await this.storage.records.loadOne(matchID);
    if (!record) return null;
    const got = await this.pub.set(this.key(matchID), this.lease, 'PX', this.options.leaseMs, 'NX');
    if (got !== 'OK') {
      const lease = parseLease(await this.pub.get(this.key(matchID)));
      if (lease && lease.id !== this.id) return { self: false, ...lease };
      if (!lease) return this.take(matchID);
    }
    this.owned.add(matchID);
    if (!(await this.storage.refresh(matchID))) {
      await this.pub.eval(RELEASE, 1, this.key(matchID), this.lease);
      this.owned.delete(matchID);
      return null;
    }
    await this.runtime.take(record);
    await this.transport.refreshPresence(matchID);
    if (!record.finished) console.log(`[cluster] ${this.id} now serves match ${matchID}`);
    return { self: true };
  }

  // --- ClusterRoute (transport.ts) -------------------------------------------------------------------------------

  async exists(matchID: string): Promise<boolean> {
    return (await this.owner(matchID)) !== null;
  }

  async update(
    matchID: string,
    playerID: string,
    action: unknown,
    clientStateID: number,
  ): Promise<MoveAnswer> {
    const owner = await this.owner(matchID);
    if (owner === null) return { ok: false, code: 'unknown-match', message: `no match "${matchID}"` };
    const request: Request = { kind: 'update', matchID, playerID, action, clientStateID };
    try {
      return (await this.send(owner, request)) as MoveAnswer;
    } catch (error) {
      return {
        ok: false,
        code: 'server-error',
        message: `the server process serving this match did not answer (${(error as Error).message}): retry`,
      };
    }
  }

  connection(
    matchID: string,
    playerID: string | null,
    credentials: string | undefined,
    connected: boolean,
  ): void {
    if (this.stopped) return;
    void this.owner(matchID)
      .then((owner) =>
        owner === null
          ? undefined
          : this.send(owner, { kind: 'connection', matchID, playerID, credentials, connected }, false),
      )
      .catch((error: unknown) =>
        console.error(`[cluster] seat change of ${matchID} not delivered:`, (error as Error).message),
      );
  }

  // --- requests between processes --------------------------------------------------------------------------------

  /** Runs a request on the owner: here directly, or over Redis (waiting for the answer, with a timeout, if asked). */
  private async send(owner: Exclude<Owner, null>, request: Request, answered = true): Promise<unknown> {
    if (owner.self) return this.handle(request);
    if (!answered) {
      await this.pub.publish(this.channel(owner.id), JSON.stringify({ from: this.id, seq: 0, request }));
      return null;
    }
    const seq = ++this.seq;
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new Error(`no answer in ${this.options.rpcTimeoutMs} ms`));
      }, this.options.rpcTimeoutMs);
      this.waiting.set(seq, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
    const envelope: Envelope = { from: this.id, seq, request };
    const receivers = await this.pub.publish(this.channel(owner.id), JSON.stringify(envelope));
    if (receivers === 0) {
      // The owner is gone: its lease will expire and another process (maybe this one) takes the match.
      this.waiting.get(seq)?.reject(new Error('the owner process is gone'));
    }
    return answer;
  }

  private onMessage(text: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      console.error('[cluster] dropped a malformed message');
      return;
    }
    if (envelope.request === undefined) {
      const waiter = this.waiting.get(envelope.seq);
      if (!waiter) return;
      this.waiting.delete(envelope.seq);
      if (envelope.error !== undefined) waiter.reject(new Error(envelope.error));
      else waiter.resolve(envelope.reply);
      return;
    }
    const reply = (body: Partial<Envelope>) =>
      void this.pub
        .publish(this.channel(envelope.from), JSON.stringify({ from: this.id, seq: envelope.seq, ...body }))
        .catch(() => undefined);
    // seq 0: nobody waits for the answer (seat changes).
    this.handle(envelope.request).then(
      (result) => (envelope.seq === 0 ? undefined : reply({ reply: result ?? null })),
      (error: unknown) =>
        envelope.seq === 0
          ? console.error('[cluster] request failed:', (error as Error).message)
          : reply({ error: (error as Error).message ?? String(error) }),
    );
  }

  /**
   * A class group's seats and status, from the process serving its match (a class page is whole from any process);
   * null when no such match is stored.
   */
  async group(matchID: string): Promise<RemoteGroup | null> {
    const owner = await this.owner(matchID);
    if (owner === null) return null;
    return (await this.send(owner, { kind: 'group', matchID })) as RemoteGroup | null;
  }

  /** Runs a request for a match served here. */
  private async handle(request: Request): Promise<unknown> {
    if (this.stopped) throw new Error('this process is shutting down');
    if (request.kind === 'group') {
      const record = this.runtime.get(request.matchID);
      if (!record) return null;
      const seats = Object.fromEntries(
        SEATS.map((s) => [
          s,
          { mode: record.seats[s].mode, bot: record.seats[s].bot, code: record.seats[s].code },
        ]),
      ) as RemoteGroup['seats'];
      return { seats, status: this.runtime.status(request.matchID) } satisfies RemoteGroup;
    }
    if (request.kind === 'connection') {
      await this.transport.connectionChanged(
        request.matchID,
        request.playerID,
        request.credentials,
        request.connected,
      );
      return null;
    }
    const parsed = UpdateArgs.safeParse([
      request.action,
      request.clientStateID,
      request.matchID,
      request.playerID,
    ]);
    if (!parsed.success)
      return { ok: false, code: 'bad-request', message: `bad move: ${firstIssue(parsed.error)}` };
    const [action, clientStateID, matchID, playerID] = parsed.data;
    return this.transport.applyUpdate(matchID, playerID, action, clientStateID);
  }

  /** Stops renewing, hands every match served here back (deletes its leases) and disconnects from Redis. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.renewTimer);
    clearTimeout(this.scanTimer);
    const held = [...this.owned];
    this.owned.clear();
    try {
      if (held.length > 0) {
        const pipeline = this.pub.pipeline();
        for (const id of held) pipeline.eval(RELEASE, 1, this.key(id), this.lease);
        await pipeline.exec();
      }
    } catch (error) {
      console.error('[cluster] releasing leases failed:', (error as Error).message);
    }
    for (const waiter of this.waiting.values()) waiter.reject(new Error('shutting down'));
    this.waiting.clear();
    await Promise.all(
      [this.pub, this.sub, this.adapterPub, this.adapterSub].map((r) => r.quit().catch(() => r.disconnect())),
    );
  }
}

function parseLease(text: string | null): Lease | null {
  if (text === null) return null;
  try {
    const lease = JSON.parse(text) as Partial<Lease>;
    return typeof lease.id === 'string' && typeof lease.url === 'string'
      ? { id: lease.id, url: lease.url }
      : null;
  } catch {
    return null;
  }
}
