/**
 * The words of the after-action report: a message function over the catalogue's `report.` keys (src/i18n/locales)
 * and its names of seats, islands, actions and the log. The command line and the server use English (`REPORT_EN`);
 * the browser passes the language it shows, with the era's texts in that language (src/client/replay/debrief-view.ts).
 */
import type { LogCatalogue } from '../game/log';
import type { Scenario } from '../game/scenario-schema';
import { translator } from '../i18n';
import { LOG_EN } from './log-text';
import { logCatalogue, type Translate } from './log-words';

export type { Translate };

export interface ReportWords {
  /** The language's BCP 47 tag, for `<html lang>`. */
  lang: string;
  t: Translate;
  /** The log's sentences in this language (src/game/log.ts `describeLogEntry`). */
  log: LogCatalogue;
  /** The era in this language, for the texts the report reads from it (events, questions, projects). */
  scenario?: (rules: Scenario) => Scenario;
  /** Texts the match state holds in the scenario's English, in this language. */
  news?: (item: { eventId: string; title: string; text: string }) => { title: string; text: string };
  agenda?: (agenda: { id: string; title: string; text: string }) => { title: string; text: string };
  decision?: (d: { eventId: string; prompt: string; options: { id: string; label: string }[] }) => {
    prompt: string;
    label: (optionId: string, english: string) => string;
  };
}

/** The report's words in one language from its message function. */
export function reportWords(t: Translate, lang: string, extra: Partial<ReportWords> = {}): ReportWords {
  return { lang, t, log: logCatalogue(t), ...extra };
}

let english: ReportWords | undefined;
/** The report in English, as the command line writes it (the log in its own English words, src/sim/log-text.ts). */
export function reportEnglish(): ReportWords {
  english ??= reportWords(translator('en'), 'en', { log: LOG_EN });
  return english;
}
