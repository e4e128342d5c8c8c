/**
 * The words of the after-action report: a message function over the catalogue's `report.` keys (src/i18n/locales)
 * and its names of seats, islands, actions and the log. The command line and the server use English (`REPORT_EN`);
 * the browser passes the language it shows, with the era's texts in that language (src/client/replay/debrief-view.ts).
 */
import type { LogCatalogue } from '../game/log';
import type { Scenario } from '../game/scenario-schema';
import type { Seat } from '../game/vocabulary';
import { translator } from '../i18n';
import { LOG_EN } from './log-text';

/** A catalogue message with its ICU arguments. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

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

/** The log's sentences from a message function (numbers go in as written, as the English log writes them). */
export function logCatalogue(t: Translate): LogCatalogue {
  const agreement = {} as LogCatalogue['agreement'];
  const kinds: (keyof LogCatalogue['agreement'])[] = [
    'summit',
    'aid',
    'energy-stake',
    'joint-activities',
    'visa-free',
    'fishing-agreement',
    'sanctions-coordination',
    'alliance-reassurance',
    'peace-treaty',
  ];
  for (const kind of kinds) {
    agreement[kind] = (a, b, terms) => {
      const values: Record<string, string> = { a, b };
      for (const [k, v] of Object.entries(terms ?? {})) values[k] = String(v);
      return t(`log.agreement.${kind}`, values);
    };
  }
  return {
    seat: (seat: Seat) => t(`seat.${seat}`),
    island: (island) => t(`island.${island}`),
    formula: (formula) => t(`formula.${formula}`),
    stage: (stage) => t(`stage.${stage}`),
    decisionPending: (seat, prompt) => t('log.decisionPending', { seat, prompt }),
    decisionMade: (seat, option) => t('log.decisionMade', { seat, option }),
    agreement,
    treatyRatified: (formula) => t('log.treatyRatified', { formula }),
    treatyNotRatified: (seat) => t('log.treatyNotRatified', { seat }),
    backlash: (seat) => t('log.backlash', { seat }),
    leaderFell: (seat, leader) => t('log.leaderFell', { seat, leader }),
    fishingIncident: t('log.fishingIncident'),
    projectStage: (project, stage) => t('log.projectStage', { project, stage }),
    chinaBacksJapan: t('log.chinaBacksJapan'),
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
