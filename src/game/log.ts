/**
 * Log entries into words, at the edges. The rules record `LogEntry` data (src/game/state.ts); a catalogue holds the
 * words of one language and `describeLogEntry` fills it with the scenario's names (events' prompts and options,
 * projects). The browser's catalogue is `LOG_TEXT` in src/client/strings.ts, the reports' and the command line's is
 * `LOG_EN` in src/sim/log-text.ts. No words live here, so nothing in the rules can be parsed back.
 */
import type { ProposalKind } from './catalog';
import type { Scenario } from './scenario-schema';
import type { LogEntry, ProposalTerms } from './state';
import type { Island, ProjectStage, Seat, TreatyFormula } from './vocabulary';

/** The names an agreement's terms render with; absent terms are empty strings or 0. */
export interface AgreementWords {
  amount: number;
  share: number;
  /** The project's name in the scenario. */
  project: string;
  island: string;
  formula: string;
}

/** The words of one language for every kind of log entry. Names arrive already rendered. */
export interface LogCatalogue {
  seat: (seat: Seat) => string;
  island: (island: Island) => string;
  formula: (formula: TreatyFormula) => string;
  stage: (stage: ProjectStage) => string;
  decisionPending: (seat: string, prompt: string) => string;
  decisionMade: (seat: string, option: string) => string;
  /** One sentence per proposal kind: `a` proposed, `b` accepted. */
  agreement: Record<ProposalKind, (a: string, b: string, terms: AgreementWords) => string>;
  treatyRatified: (formula: string) => string;
  treatyNotRatified: (seat: string, formula: string) => string;
  backlash: (seat: string) => string;
  leaderFell: (seat: string, leader: string) => string;
  fishingIncident: string;
  projectStage: (project: string, stage: string) => string;
  chinaBacksJapan: string;
}

type Named = Pick<Scenario, 'events' | 'wildcards' | 'projects'>;

function eventOf(scenario: Named, id: string) {
  return scenario.events.find((e) => e.id === id) ?? scenario.wildcards.deck.find((e) => e.id === id);
}

/** A project's name in the scenario (its id only if the scenario does not know it). */
export function projectName(scenario: Named, id: string): string {
  return scenario.projects.find((p) => p.id === id)?.name ?? id;
}

/** An accepted proposal in words, as its `agreement` log entry reads. */
export function describeAgreement(
  p: { kind: ProposalKind; from: Seat; to: Seat; terms: ProposalTerms },
  words: LogCatalogue,
  scenario: Named,
): string {
  const t = p.terms;
  return words.agreement[p.kind](words.seat(p.from), words.seat(p.to), {
    amount: t.amount ?? 0,
    share: t.share ?? 0,
    project: t.project ? projectName(scenario, t.project) : '',
    island: t.island ? words.island(t.island) : '',
    formula: t.formula ? words.formula(t.formula) : '',
  });
}

/** One log entry in the catalogue's language, with the scenario's names for its ids. Pure. */
export function describeLogEntry(entry: LogEntry, words: LogCatalogue, scenario: Named): string {
  switch (entry.kind) {
    case 'decision-pending': {
      const prompt = eventOf(scenario, entry.eventId)?.decision?.prompt ?? entry.eventId;
      return words.decisionPending(words.seat(entry.seat), prompt);
    }
    case 'decision-made': {
      const option = eventOf(scenario, entry.eventId)?.decision?.options.find((o) => o.id === entry.option);
      return words.decisionMade(words.seat(entry.seat), option?.label ?? entry.option);
    }
    case 'agreement':
      return describeAgreement(
        { kind: entry.proposal, from: entry.from, to: entry.to, terms: entry.terms },
        words,
        scenario,
      );
    case 'treaty-ratified':
      return words.treatyRatified(words.formula(entry.formula));
    case 'treaty-not-ratified':
      return words.treatyNotRatified(words.seat(entry.seat), words.formula(entry.formula));
    case 'backlash':
      return words.backlash(words.seat(entry.seat));
    case 'leader-fell':
      return words.leaderFell(words.seat(entry.seat), entry.leader);
    case 'fishing-incident':
      return words.fishingIncident;
    case 'project-stage':
      return words.projectStage(projectName(scenario, entry.project), words.stage(entry.stage));
    case 'china-backs-japan':
      return words.chinaBacksJapan;
  }
}
