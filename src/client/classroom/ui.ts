/** What the classroom pages share: the lobby call, the phase clock in words, and the public map. */
import type { ClassroomStatus } from '../../protocol/status';
import type { MapFile } from '../map/geometry';
import type { GameSession } from '../session';
import { live, PHASE_LABEL, S } from '../strings';
import { language } from '../../i18n';
import { loadScenarioTexts } from '../../scenario/texts';

const P = live(() => S.classroomPages);

/**
 * A built-in era's name in the page's language: the server names it in English, and the era's texts for the language
 * hold the translation. The English name where the texts do not load.
 */
export async function eraName(id: string, english: string): Promise<string> {
  if (language() === 'en') return english;
  return (await loadScenarioTexts(id, language()).catch(() => undefined))?.name ?? english;
}

/** A lobby request, its answer as it came; a refusal throws the server's sentence (it names what was wrong). */
export async function request(
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(route, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const refusal = (await res.json()) as { error?: string };
    throw new Error(refusal.error ?? `request failed (${res.status})`);
  }
  return res;
}

/** A lobby request answered in JSON. */
export async function call<T>(method: string, route: string, body?: unknown, token?: string): Promise<T> {
  return (await (await request(method, route, body, token)).json()) as T;
}

/** Time left in the phase as of now: the server's deadline less the time since its status arrived (`receivedAt`). */
export function remainingSeconds(status: ClassroomStatus, receivedAt: number, now: number): number | null {
  const t = status.timer;
  if (t?.deadline != null)
    return Math.max(0, Math.round((t.deadline - status.serverNow - (now - receivedAt)) / 1000));
  if (t?.remainingMs != null) return Math.max(0, Math.round(t.remainingMs / 1000));
  return null;
}

/** "1994 · Diplomacy · 3:12 left", "PAUSED" appended while paused. */
export function clockText(status: ClassroomStatus | null, receivedAt: number, now: number): string {
  if (!status) return P.connecting;
  if (status.finished) return P.over;
  const left = remainingSeconds(status, receivedAt, now);
  const clock = P.clock(
    PHASE_LABEL[status.phase] ?? status.phase,
    status.year,
    left === null ? P.noLimit : P.secondsLeft(left),
  );
  return status.paused ? `${clock} · ${P.paused}` : clock;
}

/**
 * Draws the map scene in `box` once the session has synced (the scene reads the view at once). Phaser loads
 * lazily, as on the game page; `data-map-ready` marks the first full frame (the browser tests wait for it).
 */
export function mountMap(box: HTMLElement, session: GameSession & { synced: boolean }): void {
  let started = false;
  const start = () => {
    if (started || !session.synced) return;
    started = true;
    // The geometry loads with Phaser, so the teacher's form and the join page stay small.
    void Promise.all([
      import('../map-view'),
      import('../map/geometry'),
      import('../../../assets/map/northeast-asia.json'),
    ]).then(([{ createMapView }, { decodeMap }, json]) => {
      createMapView(box, {
        map: decodeMap(json.default as unknown as MapFile),
        session,
        onHover: () => undefined,
        onSelect: () => undefined,
        selection: () => null,
        onReady: () => box.setAttribute('data-map-ready', 'true'),
      });
    });
  };
  session.subscribe(start);
  start();
}
