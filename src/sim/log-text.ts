/**
 * The log in plain English: the after-action report and the command line use it as it is, and the browser's
 * catalogue (`LOG_TEXT` in src/client/strings.ts) takes its sentences with its own names. Both go through
 * `describeLogEntry`.
 */
import { describeAgreement, describeLogEntry, type LogCatalogue } from '../game/log';
import type { Scenario } from '../game/scenario-schema';
import type { LogEntry, Proposal } from '../game/state';
import type { Island, Seat, TreatyFormula } from '../game/vocabulary';
import en from '../i18n/locales/en';

/** The English catalogue's names of seats, islands and treaty formulas: the command line's and the report's words. */
export const SEAT_EN: Readonly<Record<Seat, string>> = en.seat;
export const ISLAND_EN: Readonly<Record<Island, string>> = en.island;
export const FORMULA_EN: Readonly<Record<TreatyFormula, string>> = en.formula;

/** English words for every kind of log entry. */
export const LOG_EN: LogCatalogue = {
  seat: (seat) => SEAT_EN[seat],
  island: (island) => ISLAND_EN[island],
  formula: (formula) => FORMULA_EN[formula],
  stage: (stage) => stage,
  decisionPending: (seat, prompt) => `${seat} must decide: ${prompt}`,
  decisionMade: (seat, option) => `${seat} decided: ${option}`,
  agreement: {
    summit: (a, b) => `${a} and ${b} hold a summit`,
    aid: (a, b, t) => `${a} gives ${b} aid (${t.amount})`,
    'energy-stake': (a, b, t) => `${a} and ${b} agree a ${t.share}% stake in ${t.project}`,
    'joint-activities': (a, b, t) => `${a} and ${b} agree joint economic activities on ${t.island}`,
    'visa-free': (a, b) => `${a} and ${b} open visa-free exchange with the islands`,
    'fishing-agreement': (a, b) => `${a} and ${b} sign a fishing agreement`,
    'sanctions-coordination': (a, b) => `${a} and ${b} coordinate sanctions on Russia`,
    'alliance-reassurance': (a, b) => `${a} and ${b} reaffirm their alliance`,
    'peace-treaty': (a, b, t) => `${a} and ${b} sign a peace treaty: ${t.formula}`,
  },
  treatyRatified: (formula) => `The peace treaty is ratified in Moscow and Tokyo: ${formula}.`,
  treatyNotRatified: (seat) => `${seat} fails to ratify the peace treaty.`,
  backlash: (seat) => `Domestic backlash in ${seat}: the concession is reversed.`,
  leaderFell: (seat, leader) => `${seat}'s leader, ${leader}, falls; a successor takes office.`,
  fishingIncident: 'Russian border guards fire on a Japanese fishing boat near the islands.',
  projectStage: (project, stage) => `${project} moves to ${stage}.`,
  chinaBacksJapan: "China backs Japan's claim to the islands.",
};

/** A log entry in plain English, with the scenario's names. */
export function logEntryText(entry: LogEntry, scenario: Scenario): string {
  return describeLogEntry(entry, LOG_EN, scenario);
}

/** An accepted (or proposed) agreement in plain English, as its log entry reads. */
export function agreementText(
  p: Pick<Proposal, 'kind' | 'from' | 'to' | 'terms'>,
  scenario: Scenario,
): string {
  return describeAgreement(p, LOG_EN, scenario);
}
