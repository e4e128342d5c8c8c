/**
 * The after-action report in the browser: the same report as `npm run cli -- replay report` (src/sim/debrief.ts and
 * debrief-html.ts), built from the match's replay, in the language the page shows (its catalogue's `report.` words,
 * the era's texts through display-scenario.ts, the bots' reasons and replies worded from their codes; what players
 * typed as they typed it). The HTML escapes every piece of match text and carries a CSP with
 * no scripts; it is shown in a sandboxed frame (no scripts; same origin only so the Print button can reach it) and
 * can be printed or saved as a file.
 */
import './replay.css';
import { debriefFromCheck, type Baseline } from '../../sim/debrief';
import { renderDebriefHtml } from '../../sim/debrief-html';
import { reportWords, type ReportWords } from '../../sim/debrief-words';
import { verifyReplay, type Replay } from '../../match/replay';
import type { GameState } from '../../game/state';
import { LANGUAGE_TAGS, language, loadDeferredMessages, translator } from '../../i18n';
import { agendaText, decisionText, loadDisplayTexts, newsText, scenarioOf } from '../display-scenario';
import { MEASURED_RUNS, playedBaseline } from '../baseline';
import { el, replace, saveFile } from '../dom';
import { replayFileName } from '../panels/end';
import { S } from '../strings';

/**
 * The report's HTML for a replay, placed against `baseline` when given, or why it cannot be built. With
 * `privateMessages: false` (a class match whose facilitator withheld them) no private message text is in it.
 */
export function debriefHtmlFor(
  replay: Replay,
  baseline?: Baseline,
  options: { privateMessages?: boolean } = {},
): { ok: true; html: string } | { ok: false; error: string } {
  const check = verifyReplay(replay);
  if (!check.ok) return { ok: false, error: check.error };
  const words = pageWords(check.driver.G);
  return {
    ok: true,
    html: renderDebriefHtml(debriefFromCheck(check, debriefExtra(baseline, options, words)), words),
  };
}

/**
 * The report's words in the page's language: its catalogue and the era's texts in it (load both first:
 * `loadDeferredMessages` and `loadDisplayTexts`; until then the English of the scenario shows).
 */
export function pageWords(G: GameState): ReportWords {
  const lang = language();
  return reportWords(translator(lang), LANGUAGE_TAGS[lang], {
    scenario: () => scenarioOf(G),
    news: (item) => newsText(G, item),
    agenda: (agenda) => agendaText(G, agenda),
    decision: (d) => decisionText(G, d),
  });
}

function debriefExtra(
  baseline: Baseline | undefined,
  options: { privateMessages?: boolean },
  words: ReportWords,
) {
  return {
    words,
    ...(baseline ? { baseline } : {}),
    ...(options.privateMessages === false ? { privateMessages: false } : {}),
  };
}

/** The open report's Escape handler: one at a time, however often the report is opened. */
let escapeListener: ((event: KeyboardEvent) => void) | null = null;

/**
 * Shows the report for `replay` in `container` (an overlay), with Print, Save and Close. The report is built after
 * the first paint, since re-playing a whole match (and measuring a baseline, when none ships) takes a moment.
 */
export function showDebrief(
  container: HTMLElement,
  replay: Replay,
  whenClosed: () => void,
  options: { privateMessages?: boolean } = {},
): void {
  // Escape closes it from anywhere on the page (keys pressed inside the script-less report frame stay there).
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !container.hidden) onClose();
  };
  const onClose = () => {
    document.removeEventListener('keydown', onKey);
    whenClosed();
  };
  if (escapeListener) document.removeEventListener('keydown', escapeListener);
  escapeListener = onKey;
  document.addEventListener('keydown', onKey);
  const status = el('p', {
    class: 'muted',
    role: 'status',
    'data-test': 'debrief-status',
    text: S.debrief.building,
  });
  const close = el('button', {
    'data-test': 'debrief-close',
    'data-key': 'debrief-close',
    text: S.debrief.close,
    onclick: onClose,
  });
  replace(
    container,
    el('div', { class: 'debrief-bar' }, el('h2', { text: S.debrief.heading }), close),
    status,
  );
  container.hidden = false;
  close.focus();
  // Only the latest request may fill the overlay (it can be closed and opened again while a baseline is measured).
  const build = String(Number(container.dataset.build ?? '0') + 1);
  container.dataset.build = build;
  const run = async () => {
    // The era's one baseline: shipped, or measured here (shared with the end screen, so measured once), cut at
    // the last year the match played, which the verified final state tells.
    const check = verifyReplay(replay);
    // The report's words and the era's texts in the page's language (each its own chunk, loaded once).
    if (check.ok) await Promise.all([loadDeferredMessages(), loadDisplayTexts(check.scenario.id)]);
    if (check.ok) status.textContent = S.debrief.measuring(0, MEASURED_RUNS);
    const era = check.ok
      ? await playedBaseline(
          check.driver.G,
          (done) => (status.textContent = S.debrief.measuring(done, MEASURED_RUNS)),
        )
      : undefined;
    const baseline = era?.baseline;
    if (container.dataset.build !== build) return;
    const built = check.ok
      ? {
          ok: true as const,
          html: (() => {
            const words = pageWords(check.driver.G);
            return renderDebriefHtml(debriefFromCheck(check, debriefExtra(baseline, options, words)), words);
          })(),
        }
      : check;
    if (!built.ok) {
      status.textContent = S.debrief.failed(built.error);
      status.setAttribute('role', 'alert');
      return;
    }
    const frame = el('iframe', {
      class: 'debrief-frame',
      'data-test': 'debrief-frame',
      title: S.debrief.frameTitle,
      // No allow-scripts: the report has none and may run none. Same origin lets Print reach the frame.
      sandbox: 'allow-same-origin allow-modals',
    });
    frame.srcdoc = built.html;
    const name = replayFileName(replay).replace(/\.json$/, '-debrief.html');
    replace(
      container,
      el(
        'div',
        { class: 'debrief-bar' },
        el('h2', { text: S.debrief.heading }),
        el('button', {
          'data-test': 'debrief-print',
          text: S.debrief.print,
          onclick: () => frame.contentWindow?.print(),
        }),
        el('button', {
          'data-test': 'debrief-save',
          text: S.debrief.save,
          onclick: () => saveFile(new Blob([built.html], { type: 'text/html' }), name),
        }),
        close,
      ),
      frame,
    );
    close.focus();
  };
  setTimeout(() => void run(), 0);
}
