/**
 * The seats' reflections as CSV for grading (`GET /api/matches/:id/reflections.csv[?lang=ja]`): one row per seat and
 * year, with the names of the students at the seat; the header and the countries in the teacher's language, the seat
 * column as its id (for sorting and joining). RFC 4180 quoting; a cell that a spreadsheet would read as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return first) is prefixed with `'`, because students typed these texts.
 */
import { SEATS } from '../game/vocabulary';
import type { Reflection } from '../game/state';
import type { ClassroomRecord } from './classroom-record';
import en, { type Messages } from '../i18n/locales/en';
import ja from '../i18n/locales/ja';
import ko from '../i18n/locales/ko';
import ru from '../i18n/locales/ru';
import zh from '../i18n/locales/zh';
import type { Language } from '../i18n';

/** The catalogues a CSV can be worded in, by language code. */
export const CSV_LANGUAGES: Readonly<Record<Language, Messages>> = { en, ja, ru, ko, zh };

const COLUMNS = ['match', 'group', 'seat', 'country', 'year', 'students', 'reflection'] as const;

/** One CSV cell: quoted when it holds a comma, quote or line break; formula-like text defused. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text: a header, then the reflections by seat (in seat order) and year. */
export function reflectionsCsv(
  reflections: readonly Reflection[],
  record: Pick<ClassroomRecord, 'matchID' | 'seats'> & { group?: number },
  words: Messages = en,
): string {
  const rows: string[][] = [COLUMNS.map((c) => words.reflectionsCsv[c])];
  const sorted = [...reflections].sort(
    (a, b) => SEATS.indexOf(a.seat) - SEATS.indexOf(b.seat) || a.year - b.year,
  );
  for (const r of sorted) {
    rows.push([
      record.matchID,
      record.group === undefined ? '' : String(record.group),
      r.seat,
      words.seat[r.seat],
      String(r.year),
      record.seats[r.seat].names.join('; '),
      r.text,
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
