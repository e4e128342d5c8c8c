/** The classroom status the server pushes to every socket of a match (`oaw:classroom`). */
import type { Seat } from '../game/vocabulary';

export interface ClassroomStatus {
  matchID: string;
  scenarioId: string;
  phase: string;
  round: number;
  year: number;
  paused: boolean;
  finished: boolean;
  /** Server time when this was sent, so clients can show the timer without trusting their clocks. */
  serverNow: number;
  timer: { deadline: number | null; remainingMs: number | null; limitSeconds: number } | null;
  seats: Record<Seat, { mode: 'human' | 'bot'; names: string[]; connected: number; botPlaying: boolean }>;
}
