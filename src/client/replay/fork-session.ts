/**
 * "Fork from this round": a new solo match in this browser that starts at the beginning of a year of the replay
 * (src/match/fork.ts), one seat played here and bots for the others. Its replay records the parent and the fork year,
 * and verifies like any other.
 */
import { perSeat, type Seat } from '../../game/vocabulary';
import { forkReplay } from '../../match/fork';
import type { Replay } from '../../match/replay';
import { LocalSession, type Controller } from '../session';

export interface ForkChoice {
  /** The year the fork starts at (its beginning, just after the News). */
  year: number;
  /** The seat the person at this device plays. */
  seat: Seat;
  /** The bot kind for every other seat; `PARENT_BOTS` keeps each seat's bot of the parent match. */
  botKind: string;
  /** A new seed for the dice from the fork on; empty or absent keeps the parent's. */
  seed?: string;
}

/** The fork panel's default: every other seat keeps the bot it had in the parent match. */
export const PARENT_BOTS = '';

/**
 * The bot a seat had in the parent replay (`bot:historical` → `historical`); a seat a person played there gets the
 * historical doctrine, the start screen's default.
 */
export function parentBot(parent: Replay, seat: Seat): string {
  const entry = parent.seats[seat];
  return entry.startsWith('bot:') ? entry.slice(4) : 'historical';
}

/** A local session at the fork point, or the fork module's message naming why it cannot start. */
export function startForkSession(
  parent: Replay,
  choice: ForkChoice,
): { ok: true; session: LocalSession } | { ok: false; error: string } {
  const seed = choice.seed?.trim();
  const result = forkReplay(parent, seed ? { year: choice.year, seed } : { year: choice.year });
  if (!result.ok) return result;
  const { fork } = result;
  const controllers = perSeat((s): Controller =>
    s === choice.seat
      ? { type: 'human' }
      : { type: 'bot', kind: choice.botKind === PARENT_BOTS ? parentBot(parent, s) : choice.botKind },
  );
  try {
    const session = new LocalSession({
      scenario: fork.scenario,
      seed: fork.seed,
      controllers,
      driver: fork.driver,
      lineage: { parent: fork.parent, reseeds: fork.reseeds },
    });
    return { ok: true, session };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
