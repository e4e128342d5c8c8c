import type { Seat } from './vocabulary';

/** What a policy action targets, if anything. */
export type TargetKind = 'island' | 'project' | 'korea' | 'partner';

export interface ActionSpec {
  /** Seats whose menu may hold the action. */
  readonly seats: readonly Seat[];
  /** Action points it costs. */
  readonly cost: number;
  readonly target?: TargetKind;
  /** How many times one seat may order it in one round. */
  readonly maxPerRound: number;
}

/**
 * Every policy action of the game, in menu order (legal-move enumeration, and so the random bot, follow it). What
 * each does lives in `action-effects.ts`; which seat has which action in an era, and how often the historical bots
 * reach for it, lives in each scenario's `menus`.
 */
export const ACTION_IDS = [
  'reinforce-garrison',
  'drawdown-garrison',
  'offer-joint-development',
  'energy-card-china',
  'energy-card-japan',
  'border-crackdown',
  'separate-economics',
  'raise-offer',
  'harden-stance',
  'invest-project',
  'territories-campaign',
  'follow-us-line',
  'abandon-linkage',
  'restore-linkage',
  'soften-demand',
  'humanitarian-aid',
  'court-china',
  'court-rok',
  'encourage-hard-line',
  'deepen-russia-ties',
  'court-koreas',
  'back-japan-claim',
  'court-japan',
  'impose-sanctions',
  'ease-sanctions',
  'alliance-reassurance',
  'press-japan',
  'engage-russia',
  'back-compromise',
  'outreach-moscow',
  'energy-imports',
  'mediation',
  'alliance-with-us',
  'provocation',
  'seek-patron',
  'illicit-energy-trade',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** Who may order each action, what it costs and how often; `satisfies` keeps its keys exactly `ACTION_IDS`. */
export const ACTIONS = {
  // Russia / USSR
  'reinforce-garrison': { seats: ['russia'], cost: 1, target: 'island', maxPerRound: 2 },
  'drawdown-garrison': { seats: ['russia'], cost: 1, target: 'island', maxPerRound: 2 },
  'offer-joint-development': { seats: ['russia'], cost: 2, target: 'island', maxPerRound: 1 },
  'energy-card-china': { seats: ['russia'], cost: 1, maxPerRound: 1 },
  'energy-card-japan': { seats: ['russia'], cost: 1, maxPerRound: 1 },
  'border-crackdown': { seats: ['russia'], cost: 1, maxPerRound: 1 },
  'separate-economics': { seats: ['russia'], cost: 1, maxPerRound: 1 },
  'raise-offer': { seats: ['russia'], cost: 2, maxPerRound: 1 },
  'harden-stance': { seats: ['russia'], cost: 1, maxPerRound: 1 },
  // Japan
  'invest-project': { seats: ['japan', 'rok', 'china'], cost: 2, target: 'project', maxPerRound: 2 },
  'territories-campaign': { seats: ['japan'], cost: 1, maxPerRound: 1 },
  'follow-us-line': { seats: ['japan'], cost: 1, maxPerRound: 1 },
  'abandon-linkage': { seats: ['japan'], cost: 2, maxPerRound: 1 },
  'restore-linkage': { seats: ['japan'], cost: 1, maxPerRound: 1 },
  'soften-demand': { seats: ['japan'], cost: 2, maxPerRound: 1 },
  'humanitarian-aid': { seats: ['japan'], cost: 1, maxPerRound: 1 },
  'court-china': { seats: ['japan', 'rok'], cost: 1, maxPerRound: 1 },
  'court-rok': { seats: ['japan'], cost: 1, maxPerRound: 1 },
  // China
  'encourage-hard-line': { seats: ['china'], cost: 1, maxPerRound: 1 },
  'deepen-russia-ties': { seats: ['china'], cost: 1, maxPerRound: 1 },
  'court-koreas': { seats: ['china', 'russia'], cost: 1, target: 'korea', maxPerRound: 2 },
  'back-japan-claim': { seats: ['china'], cost: 1, maxPerRound: 1 },
  'court-japan': { seats: ['china'], cost: 1, maxPerRound: 1 },
  // United States
  'impose-sanctions': { seats: ['us'], cost: 1, maxPerRound: 1 },
  'ease-sanctions': { seats: ['us'], cost: 1, maxPerRound: 1 },
  'alliance-reassurance': { seats: ['us'], cost: 1, maxPerRound: 1 },
  'press-japan': { seats: ['us'], cost: 1, maxPerRound: 1 },
  'engage-russia': { seats: ['us'], cost: 1, maxPerRound: 1 },
  'back-compromise': { seats: ['us'], cost: 1, maxPerRound: 1 },
  // South Korea
  'outreach-moscow': { seats: ['rok'], cost: 1, maxPerRound: 1 },
  'energy-imports': { seats: ['rok'], cost: 1, maxPerRound: 1 },
  mediation: { seats: ['rok'], cost: 1, maxPerRound: 1 },
  'alliance-with-us': { seats: ['rok'], cost: 1, maxPerRound: 1 },
  // North Korea
  provocation: { seats: ['dprk'], cost: 1, maxPerRound: 1 },
  'seek-patron': { seats: ['dprk'], cost: 1, target: 'partner', maxPerRound: 2 },
  'illicit-energy-trade': { seats: ['dprk'], cost: 1, maxPerRound: 1 },
} as const satisfies Record<ActionId, ActionSpec>;

export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, value);
}

/** Proposal kinds of the Diplomacy phase. */
export const PROPOSAL_KINDS = [
  'summit',
  'aid',
  'energy-stake',
  'joint-activities',
  'visa-free',
  'fishing-agreement',
  'sanctions-coordination',
  'alliance-reassurance',
  'peace-treaty',
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
