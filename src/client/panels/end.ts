/** The end screen: ranking, each score against the era's historical baseline, the seed, and the replay file. */
import { formatDecimal } from '../../i18n';
import type { GameState, Outcome } from '../../game/state';
import type { Seat } from '../../game/vocabulary';
import { serializeReplay, type Replay } from '../../match/replay';
import type { Baseline } from '../baseline';
import { el, replace, saveFile } from '../dom';
import { botName, S, SEAT_LABEL } from '../strings';
import { islandsStoryText, momentText } from '../explain';
import { islandsStory, yearRecap, type Moment } from '../recap';
import { scoreBreakdownTable } from './score-breakdown';

export interface EndContext {
  view: GameState;
  seed: string | null;
  humanSeats: readonly string[];
  replay?: () => Replay;
  onNewMatch: () => void;
  /** Opens the after-action report. */
  onDebrief?: () => void;
}

/** The replay file's name: era and seed, safe for any file system. */
export function replayFileName(replay: Replay): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64);
  const fork = replay.parent ? `-fork-${replay.parent.year}` : '';
  return `oil-and-water-${safe(replay.scenario.id)}-seed-${safe(replay.seed)}${fork}.json`;
}

/** Offers the replay as a download. */
export function downloadReplay(replay: Replay): void {
  saveFile(new Blob([serializeReplay(replay)], { type: 'application/json' }), replayFileName(replay));
}

function table(ctx: EndContext, baseline: Partial<Record<string, number>> | undefined): HTMLElement {
  const outcome = ctx.view.outcome;
  if (!outcome) return el('p');
  return el(
    'table',
    { class: 'ranking', 'data-test': 'ranking' },
    el(
      'tr',
      {},
      ...[S.end.rank, S.end.seat, S.end.score, S.end.agenda, S.end.history, S.end.versus].map((h) =>
        el('th', { scope: 'col', text: h }),
      ),
    ),
    ...outcome.ranking.map((seat, i) => {
      const score = outcome.finalScores[seat];
      const base = baseline?.[seat];
      const diff =
        base === undefined
          ? '—'
          : `${score - base >= 0 ? '+' : ''}${formatDecimal(Math.round((score - base) * 10) / 10)}`;
      const who = ctx.humanSeats.includes(seat) ? ` (${S.end.human})` : '';
      return el(
        'tr',
        { 'data-seat': seat },
        el('td', { text: String(i + 1) }),
        el('td', { text: `${SEAT_LABEL[seat]}${who}` }),
        el('td', { text: formatDecimal(score) }),
        el('td', { text: agendaCell(outcome, seat) }),
        el('td', { text: base === undefined ? '—' : String(base) }),
        el('td', { text: diff }),
      );
    }),
  );
}

/** Met or missed, with what the agenda added or took (older outcomes carry no points: the word alone). */
function agendaCell(outcome: Outcome, seat: Seat): string {
  const points = outcome.agendaPoints?.[seat];
  if (points === undefined) return outcome.agendaMet[seat] ? S.end.met : S.end.notMet;
  return outcome.agendaMet[seat]
    ? S.agenda.endMet(formatDecimal(points))
    : S.agenda.endMissed(formatDecimal(-points));
}

/** How a baseline was made, in words. */
function baselineSource(baseline: Baseline, measured: boolean): string {
  return measured
    ? S.end.baselineMeasured(baseline.runs ?? 0)
    : S.end.baselineShipped(botName(baseline.bots ?? 'historical'), baseline.runs ?? 0);
}

/** The big moments of the match's last resolved year. */
function lastMoments(view: GameState): Moment[] {
  const last = view.revealed.at(-1);
  return last ? (yearRecap(view, null, last.round)?.moments ?? []) : [];
}

/** Draws the end screen; measures a baseline in the background when none ships and the historical bot exists. */
export function renderEnd(container: HTMLElement, ctx: EndContext): void {
  const outcome = ctx.view.outcome;
  if (!outcome) return;
  const note = el('p', { class: 'muted', 'data-test': 'baseline-note', text: S.end.baselineComputing });
  const tableBox = el('div', {}, table(ctx, undefined));
  // The baseline code (and the debrief model it uses) loads with the end screen, not with the map.
  void import('../baseline').then(async ({ playedBaseline, meanScores }) => {
    // Runs of as many years as the match played (a class the facilitator stopped early is not set against the era).
    const era = await playedBaseline(ctx.view);
    note.textContent = era
      ? S.end.baselineFrom(baselineSource(era.baseline, era.measured))
      : S.end.baselineNote;
    if (era) replace(tableBox, table(ctx, meanScores(era.baseline)));
  });
  const replay = ctx.replay;
  replace(
    container,
    el(
      'div',
      { class: 'end-card' },
      el('h2', { text: S.end.heading }),
      el('p', {
        text: `${S.end.reason[outcome.reason] ?? outcome.reason} ${S.end.territorial(outcome.territorial)} (${outcome.year})`,
      }),
      // "No island changed hands" alone hides a treaty signed and lost at ratification: say what happened, and why.
      el(
        'div',
        { 'data-test': 'islands-story' },
        ...islandsStoryText(islandsStory(ctx.view)).map((line) => el('p', { text: line })),
      ),
      // The last year has no recap of its own (the end screen replaces it): its big moments are told here.
      el(
        'div',
        { 'data-test': 'end-moments' },
        ...lastMoments(ctx.view).map((m) => el('p', { class: 'moment', text: momentText(m) })),
      ),
      tableBox,
      note,
      // The last year's score term by term: how much of each final score the agenda bonus was is visible here.
      scoreBreakdownTable(ctx.view, true),
      el('p', { 'data-test': 'end-seed', text: S.end.seed(ctx.seed ?? '') }),
      replay
        ? el('button', {
            class: 'primary',
            'data-test': 'save-replay',
            text: S.end.save,
            onclick: () => downloadReplay(replay()),
          })
        : null,
      ctx.onDebrief
        ? el('button', { 'data-test': 'debrief', text: S.end.debrief, onclick: ctx.onDebrief })
        : null,
      el('button', { 'data-test': 'new-match', text: S.end.again, onclick: ctx.onNewMatch }),
    ),
  );
}
