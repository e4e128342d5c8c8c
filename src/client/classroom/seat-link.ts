/**
 * The hand-over from the classroom join page to the game page: the address names the match and the seat, and the
 * seat's credentials stay in this tab's sessionStorage (never in the address, which anyone looking at the screen or
 * the history would see). A reload of the game page finds them again; another tab has to join again.
 */
import type { Seat } from '../../game/vocabulary';

export function seatStorageKey(matchID: string, seat: Seat): string {
  return `oaw:classroom:${matchID}:${seat}`;
}

/** The game page's address for a joined seat. */
export function seatPath(matchID: string, seat: Seat): string {
  return `/?classroom=${encodeURIComponent(matchID)}&seat=${seat}`;
}

export function storeSeat(
  matchID: string,
  seat: Seat,
  credentials: string,
  name: string,
  reflectionPrompt = false,
): void {
  sessionStorage.setItem(
    seatStorageKey(matchID, seat),
    JSON.stringify({ credentials, name, reflectionPrompt }),
  );
}

/** Whether the teacher asked this seat for yearly reflections (stored by the join page with the credentials). */
export function seatReflectionPrompt(matchID: string, seat: Seat): boolean {
  try {
    const stored = JSON.parse(sessionStorage.getItem(seatStorageKey(matchID, seat)) ?? 'null') as {
      reflectionPrompt?: unknown;
    } | null;
    return stored?.reflectionPrompt === true;
  } catch {
    return false;
  }
}

/** The seat's credentials stored by the join page in this tab, or null. */
export function seatCredentials(matchID: string, seat: Seat): string | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(seatStorageKey(matchID, seat)) ?? 'null') as {
      credentials?: unknown;
    } | null;
    return typeof stored?.credentials === 'string' ? stored.credentials : null;
  } catch {
    return null;
  }
}
