/**
 * A classroom match as a replay file. boardgame.io stores each move's arguments unredacted in the server-side log
 * (redaction happens only when a log is sent to a client), so the log's non-automatic moves, re-applied to the
 * opening state, rebuild the match exactly; the rebuilt state is checked against the stored one.
 */
import type { LogEntry, State } from 'boardgame.io';
import { perSeat } from '../game/vocabulary';
import type { GameState } from '../game/state';
import { scenarioOf } from '../game/scenario-registry';
import { MatchDriver, stateHash } from '../match/match';
import { buildReplay, type Replay } from '../match/replay';
import type { ClassroomRecord } from './classroom-record';

/** The actions a log records, in order: every move a player made (the engine's automatic entries left out). */
export function actionsFromLog(
  log: readonly LogEntry[],
): { playerID: string; move: string; args: unknown[] }[] {
  return log
    .filter((e) => e.action.type === 'MAKE_MOVE' && !e.automatic)
    .map((e) => {
      const payload = e.action.payload as { type: string; args?: unknown[] | null; playerID: string };
      return { playerID: String(payload.playerID), move: payload.type, args: payload.args ?? [] };
    });
}

/** Builds the replay of a stored match; throws if the log does not rebuild the stored state (it always should). */
export function exportReplay(
  record: ClassroomRecord,
  stored: { initialState: State<GameState>; state: State<GameState>; log: LogEntry[] },
): Replay {
  // Registered when storage first read the match (or by setup in this process).
  const scenario = scenarioOf(stored.initialState.G);
  const driver = new MatchDriver({ scenario, seed: record.seed });
  for (const [index, a] of actionsFromLog(stored.log).entries()) {
    if (!driver.move(a.playerID, a.move, a.args))
      throw new Error(`logged action ${index + 1} (${a.move}) is refused on replay`);
  }
  if (stateHash(driver.G) !== stateHash(stored.state.G))
    throw new Error('the log does not rebuild the stored state');
  const seats = perSeat((s) => (record.seats[s].mode === 'bot' ? `bot:${record.seats[s].bot}` : 'human'));
  return buildReplay({ scenario, seed: record.seed, seats, driver, createdBy: 'classroom-server' });
}
