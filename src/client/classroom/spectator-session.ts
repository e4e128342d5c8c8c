/**
 * A class match as the public sees it, as a `GameSession` for the map scene: the projector's and the facilitator
 * console's map. The socket syncs as a spectator (player null), so the server sends only the public view: no seat's
 * agenda, orders, proposals or private messages ever reach this page. It never moves.
 */
import { SEATS, type Seat } from '../../game/vocabulary';
import type { GameState } from '../../game/state';
import { scenarioOf } from '../../game/scenario-registry';
import type { Scenario } from '../../game/scenario-schema';
import type { GameSession } from '../session';
import { MatchSocket } from '../../protocol/match-socket';

export class SpectatorSession implements GameSession {
  readonly socket: MatchSocket;
  readonly humanSeats: readonly Seat[] = [];
  readonly seed = null;

  constructor(matchID: string, server = '') {
    this.socket = new MatchSocket({ server, matchID, playerID: null });
  }

  get synced(): boolean {
    return this.socket.state !== null;
  }

  get scenario(): Scenario {
    const G = this.socket.state?.G;
    if (!G) throw new Error('the class match has not synced yet');
    return scenarioOf(G);
  }

  activeSeat(): Seat | null {
    return null;
  }

  view(): GameState {
    return this.socket.G;
  }

  phase(): string {
    return this.socket.phase;
  }

  over(): boolean {
    return this.socket.over;
  }

  waitingFor(): Seat[] {
    const G = this.socket.state?.G;
    if (!G || this.over()) return [];
    return SEATS.filter((s) => !G.ready[s]);
  }

  dispatch(): boolean {
    return false;
  }

  subscribe(listener: () => void): () => void {
    return this.socket.subscribe(listener);
  }

  close(): void {
    this.socket.close();
  }
}
