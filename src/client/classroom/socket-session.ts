/**
 * What every classroom session reads off its synced match socket: a student's seat (`RemoteSession`) and the
 * projector's and console's public view (`SpectatorSession`) see the same state through the same calls.
 */
import { SEATS, type Seat } from '../../game/vocabulary';
import type { GameState } from '../../game/state';
import type { MatchSocket } from '../../protocol/match-socket';

export abstract class SocketSession {
  protected constructor(readonly socket: MatchSocket) {}

  /** Whether the first sync has arrived (before it, `view()` throws). */
  get synced(): boolean {
    return this.socket.state !== null;
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
}
