/**
 * The optional reflection box on a student's classroom game page (only when the teacher asked for reflections):
 * in each year's Diplomacy, right after the recap of the year before, "Why did you …?" about that year (and
 * about the era's last year during its Policy). It sends
 * the `reflect` move, so the text is in the replay, private to the seat and the facilitator until the match ends,
 * and shown in the seat's section of the debrief. The text is sent and shown as text only.
 */
import { REFLECTION_MAX_CHARS } from '../../game/args';
import type { GameSession } from '../session';
import { el } from '../dom';
import { live, S } from '../strings';

const C = live(() => S.classGroups);

/**
 * The year the box asks about now, or null: in Diplomacy, the year before once it has been resolved; in the era's
 * last year, which no Diplomacy follows, that year itself during its Policy, before the match ends.
 */
export function reflectionYear(
  session: Pick<GameSession, 'view' | 'phase' | 'over'>,
  startYear: number,
  endYear: number,
): number | null {
  if (session.over()) return null;
  const year = session.view().year;
  if (session.phase() === 'policy' && year === endYear) return year;
  if (session.phase() !== 'diplomacy') return null;
  return year - 1 >= startYear ? year - 1 : null;
}

/** Shows the box in `parent` while a year waits for a reflection; returns the function that removes it. */
export function mountReflectionBox(
  session: GameSession & { seat: string },
  parent: HTMLElement = document.body,
): () => void {
  const text = el('textarea', { rows: 4, maxlength: REFLECTION_MAX_CHARS, 'data-test': 'reflection-text' });
  const title = el('h3', {});
  const note = el('p', { class: 'muted', 'aria-live': 'polite' });
  const send = el('button', { type: 'submit', class: 'primary', text: C.reflectSend });
  const later = el('button', { type: 'button', text: C.reflectLater });
  const box = el(
    'form',
    {
      class: 'reflection-box',
      'data-test': 'reflection-box',
      // Inline: the game page does not load the classroom stylesheet.
      style:
        'position:fixed;left:12px;bottom:12px;z-index:50;max-width:360px;padding:10px;background:#fff;color:#111;border:1px solid #888;border-radius:6px;box-shadow:0 2px 8px #0004',
    },
    title,
    el('p', { class: 'muted', text: C.reflectHint }),
    text,
    el('div', {}, send, ' ', later),
    note,
  );
  box.hidden = true;
  parent.append(box);
  // Years the student dismissed or answered in this page: the box does not come back for them.
  const done = new Set<number>();
  let asking: number | null = null;
  const update = () => {
    const year = reflectionYear(session, session.scenario.startYear, session.scenario.endYear);
    const mine = session.view().reflections?.find((r) => r.seat === session.seat && r.year === year);
    const show = year !== null && !done.has(year) && !mine;
    if (show && asking !== year) {
      asking = year;
      title.textContent = C.reflectTitle(year);
      text.value = '';
      note.textContent = '';
    }
    box.hidden = !show;
  };
  box.addEventListener('submit', (e) => {
    e.preventDefault();
    const t = text.value.trim();
    if (asking === null || t.length === 0) return;
    if (session.dispatch('reflect', { year: asking, text: t.slice(0, REFLECTION_MAX_CHARS) })) {
      done.add(asking);
      note.textContent = C.reflectSaved;
      update();
    }
  });
  later.addEventListener('click', () => {
    if (asking !== null) done.add(asking);
    update();
  });
  const unsubscribe = session.subscribe(update);
  update();
  return () => {
    unsubscribe();
    box.remove();
  };
}
