/**
 * The "why" of the game in words: previews, refusals, the year's moments and the islands' story, rendered from the
 * rules' data (src/game/preview.ts, `acceptRefusal`, src/client/recap.ts) through the string catalogue. No DOM.
 */
import { formatDecimal } from '../i18n';
import type { AcceptRefusal } from '../game/diplomacy';
import type { LeverChange, Preview } from '../game/preview';
import type { GameState } from '../game/state';
import { projectName } from '../game/log';
import { scenarioOf } from './display-scenario';
import { LADDER, SEATS, type Seat } from '../game/vocabulary';
import type { IslandsStory, Moment } from './recap';
import { FORMULA_LABEL, RUNG_LABEL, S, SEAT_LABEL, leverLabel } from './strings';

const rung = (index: number) => RUNG_LABEL[LADDER[Math.max(0, Math.min(LADDER.length - 1, index))]];
const number = (n: number) => formatDecimal(Math.round(n * 10) / 10);
const signed = (n: number) => `${n > 0 ? '+' : '−'}${number(Math.abs(n))}`;

/** One previewed change in words: a rung or a yes/no as a switch, any other lever with its signed size. */
export function changeText(view: GameState, change: LeverChange): string {
  const name = leverLabel(change.lever, (id) => projectName(scenarioOf(view), id));
  switch (change.lever.type) {
    case 'position':
      return S.preview.switches(name, rung(change.from), rung(change.to));
    case 'visa-free':
    case 'linkage': {
      const yesNo = (v: number) => (v ? S.preview.on : S.preview.off);
      return S.preview.switches(name, yesNo(change.from), yesNo(change.to));
    }
    default:
      return S.preview.change(name, signed(change.to - change.from), number(change.from), number(change.to));
  }
}

/** A preview as lines: each change, then the odds (ratification, backlash) where chance decides. */
export function previewLines(view: GameState, preview: Preview): string[] {
  const lines = preview.changes.length
    ? preview.changes.map((c) => changeText(view, c))
    : [S.preview.nothing];
  const r = preview.odds.ratification;
  const pct = S.preview.percent;
  if (r) lines.push(S.preview.ratification(pct(r.ratifies), pct(r.russiaFails), pct(r.japanFails)));
  for (const seat of SEATS) {
    const p = preview.odds.backlash[seat];
    if (p !== undefined && p > 0) lines.push(S.preview.backlash(SEAT_LABEL[seat], pct(p)));
  }
  return lines;
}

/** Why the rules refuse to accept, in words (without a leading capital or a full stop, to sit inside a sentence). */
export function refusalText(refusal: AcceptRefusal): string {
  switch (refusal.type) {
    case 'treaty-signed':
      return S.refusal.treatySigned;
    case 'visa-free-in-force':
      return S.refusal.visaFree;
    case 'joint-activities-full':
      return S.refusal.jointFull;
    case 'treaty-outside': {
      if (refusal.formula === null) return S.refusal.noFormula;
      const parts: string[] = [];
      if (refusal.russia < refusal.needs)
        parts.push(S.refusal.russiaShort(rung(refusal.russia), rung(refusal.needs)));
      if (refusal.japan > refusal.needs)
        parts.push(S.refusal.japanShort(rung(refusal.japan), rung(refusal.needs)));
      return parts.join('; ');
    }
  }
}

const seats = (list: readonly Seat[]) => S.recap.and(list.map((s) => SEAT_LABEL[s]));

/** A big moment of the year in words. */
export function momentText(moment: Moment): string {
  switch (moment.type) {
    case 'treaty-signed':
      return S.recap.moment.signed(
        SEAT_LABEL[moment.from],
        SEAT_LABEL[moment.to],
        FORMULA_LABEL[moment.formula],
      );
    case 'treaty-ratified':
      return S.recap.moment.ratified(FORMULA_LABEL[moment.formula]);
    case 'treaty-failed':
      return S.recap.moment.failed(FORMULA_LABEL[moment.formula], seats(moment.seats));
    case 'leader-fell':
      return S.recap.moment.leaderFell(SEAT_LABEL[moment.seat], moment.leader);
    case 'backlash':
      return S.recap.moment.backlash(SEAT_LABEL[moment.seat]);
    case 'islands-changed':
      return S.recap.moment.islands(moment.from, moment.to);
  }
}

/** What happened to the islands, for the end screen. */
export function islandsStoryText(story: IslandsStory): string[] {
  switch (story.type) {
    case 'no-treaty':
      return [S.islands.noTreaty];
    case 'ratified':
      return [S.islands.ratified(FORMULA_LABEL[story.formula], story.year, story.islandsJapan)];
    case 'signed':
      return [S.islands.signed(FORMULA_LABEL[story.formula], story.year)];
    case 'not-ratified': {
      const lines = [S.islands.notRatified(FORMULA_LABEL[story.formula], story.year, seats(story.failed))];
      if (story.backlash.length) lines.push(S.islands.backlash(seats(story.backlash)));
      return lines;
    }
  }
}
