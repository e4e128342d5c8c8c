/**
 * The log's sentences from a catalogue's message function (the `log.` keys of src/i18n/locales): the browser's log
 * (`LOG_TEXT` in src/client/strings.ts) and the after-action report (src/sim/debrief-words.ts) both take theirs from
 * here. It imports no catalogue, so the browser's main bundle may use it.
 */
import { PROPOSAL_KINDS } from '../game/catalog';
import type { AgreementWords, LogCatalogue } from '../game/log';

/** A catalogue message with its ICU arguments. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface LogWordsOptions {
  /** The names of seats, islands, treaty formulas and project stages; by default the catalogue's own keys. */
  names?: Pick<LogCatalogue, 'seat' | 'island' | 'formula' | 'stage'>;
  /** An agreement's terms as message arguments; by default every number goes in as written, as a string. */
  terms?: (terms: Partial<AgreementWords>) => Record<string, string | number>;
}

const asWritten = (terms: Partial<AgreementWords>): Record<string, string> =>
  Object.fromEntries(Object.entries(terms).map(([k, v]) => [k, String(v)]));

/** The log's sentences from a message function. */
export function logCatalogue(t: Translate, options: LogWordsOptions = {}): LogCatalogue {
  const termValues = options.terms ?? asWritten;
  const agreement = {} as LogCatalogue['agreement'];
  for (const kind of PROPOSAL_KINDS) {
    agreement[kind] = (a, b, terms) => t(`log.agreement.${kind}`, { a, b, ...termValues(terms ?? {}) });
  }
  return {
    ...(options.names ?? {
      seat: (seat) => t(`seat.${seat}`),
      island: (island) => t(`island.${island}`),
      formula: (formula) => t(`formula.${formula}`),
      stage: (stage) => t(`stage.${stage}`),
    }),
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
