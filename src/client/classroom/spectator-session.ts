/**
 * A class match as the public sees it, as a `GameSession` for the map scene: the projector's and the facilitator
 * console's map. The socket syncs as a spectator (player null), so the server sends only the public view: no seat's
 * agenda, orders, proposals or private messages ever reach this page. It never moves.
 */
import type { Seat } from '../../game/vocabulary';
import { scenarioOf } from '../../game/scenario-registry';
import type { Scenario } from '../../game/scenario-schema';
import type { GameSession } from '../session';
import { MatchSocket } from '../../protocol/match-socket';
import { SocketSession } from './socket-session';

export class SpectatorSession extends SocketSession implements GameSession {
  readonly humanSeats: readonly Seat[] = [];
  readonly seed = null;

  constructor(matchID: string, server = '') {
    super(new MatchSocket({ server, matchID, playerID: null }));
  }

  get scenario(): Scenario {
    const G = this.socket.state?.G;
    if (!G) throw new Error('the class match has not synced yet');
    return scenarioOf(G);
  }

  activeSeat(): Seat | null {
    return null;
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
