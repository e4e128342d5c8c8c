/**
 * Bots' one-line reasons as data: a code from `REASON_CODES` and the typed arguments its wording takes. They travel
 * in move arguments (orders, proposals, answers, decisions), into the state and replays, and are worded only where
 * they are shown, from the catalogue's `reason.<code>` keys in the reader's language (src/bots/reason-text.ts). The
 * move schemas (src/game/args.ts) refuse a code not listed here and arguments a code does not take.
 */
import type { ActionId, ProposalKind } from './catalog';
import type { Seat, TreatyFormula } from './vocabulary';
import type { AcceptRefusal } from './diplomacy';

/** A strategist's strength, as a reason names it. */
export const REASON_LEVELS = ['easy', 'normal', 'hard'] as const;

/** The arguments a reason's wording may take. */
export interface ReasonArgs {
  seat?: Seat;
  action?: ActionId;
  kind?: ProposalKind;
  formula?: TreatyFormula;
  level?: (typeof REASON_LEVELS)[number];
  /** Ties (0–100) a reason quotes. */
  ties?: number;
  /** A strategist's expected score (or gain), rounded to one decimal. */
  score?: number;
  /** How many rollouts a strategist's estimate rests on. */
  rollouts?: number;
  /** Actions a strategist's order set holds, in order. */
  actions?: ActionId[];
  year?: number;
}

export type ReasonArgName = keyof ReasonArgs;

/** Every reason code with the arguments its wording takes (each required). */
const REASONS = {
  // The historical bot and the doctrine (src/bots/doctrine.ts), orders.
  'historical-choice': [],
  'by-doctrine': ['action'],
  'proposal-by-doctrine': ['kind'],
  'no-stake-buys-nothing': [],
  'adds-to-stake': [],
  'rok-first-stake': ['ties'],
  'rok-no-stake': [],
  'never-abandons-linkage': [],
  'returns-to-demand': [],
  'would-settle-1956': [],
  'never-softens': [],
  'keeps-claim-alive': [],
  'restores-linkage': [],
  'invests-1956-offered': [],
  'energy-first-rapport': [],
  'small-stake-held': [],
  'links-aid': [],
  'humanitarian-aid': [],
  'follows-us-line-alliance': [],
  'watches-china': [],
  'mends-ties-seoul': [],
  'separates-economics': [],
  'energy-card-japan': [],
  'energy-card-china': [],
  'courts-koreas-option': [],
  'no-concession-incident': [],
  'step-up-room': [],
  'step-up-rare': [],
  'hardens-incident': [],
  'red-line': [],
  'no-olive-branch': [],
  'olive-branch': [],
  'war-compensation': [],
  'develop-jointly': [],
  'border-guards': [],
  'backs-japan-rift': [],
  'backs-japan-only-rift': [],
  'deepens-russia-ties': [],
  'encourages-hard-line': [],
  'courts-koreas-against-deal': [],
  'courts-both-koreas': [],
  'competes-energy': [],
  'keeps-tokyo-close': [],
  'reassures-alliance': [],
  'sanctions-era': [],
  'eases-sanctions': [],
  'presses-tokyo': [],
  'engages-moscow': [],
  'distance-sanctioned-moscow': [],
  'outreach-moscow-partner': [],
  'imports-energy': [],
  'alliance-washington-first': [],
  'keeps-beijing-close': [],
  'mediates-north': [],
  'seeks-washington': [],
  'washington-shut': [],
  'seeks-closest-patron': ['seat'],
  'seeks-patron-in': ['seat'],
  'seeks-patron-elsewhere': [],
  provocation: [],
  'illicit-trade': [],
  // Proposals.
  'asks-aid-never-gives': [],
  'no-aid-to': ['seat'],
  'never-beyond-rung': [],
  'treaty-first': [],
  'treaty-own-terms': [],
  'no-treaty-without-islands': [],
  'treaty-returns-islands': [],
  'moscow-would-not-sign': [],
  'economic-ties-islands-on-table': [],
  'small-stake-energy': [],
  'talks-islands-on-table': [],
  'summit-partner': [],
  'alliance-first': [],
  'fishermen-safety': [],
  'joint-special-framework': [],
  'former-islanders': [],
  'energy-security': [],
  'japanese-capital': [],
  'outside-options': [],
  'talks-not-for-sale': [],
  'courts-neighbour': [],
  'no-gesture-incident': [],
  'credit-neighbour': [],
  'fishing-own-terms': [],
  'summit-strategic-partner': [],
  'aid-client': [],
  'coordinates-sanctions': [],
  'no-sanctions-era': [],
  'reassures-ally': [],
  'summitry-passive': [],
  'aid-transition': [],
  'outreach-moscow': [],
  'summit-neighbour': [],
  'alliance-washington': [],
  'economic-help': [],
  'seeks-patron': [],
  // Answers to proposals.
  'treaty-meets-demand': [],
  'within-offer': [],
  'beyond-red-line': [],
  'not-a-party': [],
  'accepts-aid': [],
  'meets-islands-agenda': [],
  'meets-not-for-sale': [],
  'little-gain-summit': [],
  'secures-energy': [],
  'little-use-stake': [],
  'joint-without-prejudice': [],
  'follows-us-line': [],
  'coordinates-washington': [],
  // The rules would refuse the acceptance (src/game/diplomacy.ts `acceptRefusal`).
  'cannot-accept-treaty-signed': [],
  'cannot-accept-treaty-outside': [],
  'cannot-accept-visa-free': [],
  'cannot-accept-joint-full': [],
  // The random bot, the strategist (src/bots/strategist.ts) and the what-if simulator (src/sim/whatif.ts).
  'random-choice': [],
  'agenda-historical': [],
  'strategist-agenda': ['level', 'score', 'rollouts'],
  'strategist-decision': ['level', 'score', 'rollouts'],
  'strategist-proposal': ['level', 'kind', 'seat', 'score'],
  'strategist-accepting': ['level', 'score', 'rollouts'],
  'strategist-refusing': ['level', 'score', 'rollouts'],
  'strategist-orders': ['level', 'actions', 'score', 'rollouts'],
  'what-if-treaty-offer': ['formula'],
  'what-if-seeks-treaty': [],
  'what-if-forced': ['action', 'year'],
} as const satisfies Record<string, readonly ReasonArgName[]>;

export type ReasonCode = keyof typeof REASONS;

/** Every reason code (a non-empty tuple, as `z.enum` and the tests want it). */
export const REASON_CODES = Object.keys(REASONS) as [ReasonCode, ...ReasonCode[]];

/** The arguments each code's wording takes, all required. */
export const REASON_ARGS: Readonly<Record<ReasonCode, readonly ReasonArgName[]>> = REASONS;

/** A bot's reason: a code and the arguments its wording takes. */
export interface Reason {
  code: ReasonCode;
  args?: ReasonArgs;
}

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REASONS, value);
}

/** A reason from its code and arguments (no `args` field when it takes none). */
export function reason(code: ReasonCode, args?: ReasonArgs): Reason {
  return args && Object.keys(args).length > 0 ? { code, args } : { code };
}

/** Why a bot does not accept what the rules would refuse, by the rules' refusal. */
export function refusalReason(refusal: AcceptRefusal): Reason {
  switch (refusal.type) {
    case 'treaty-signed':
      return { code: 'cannot-accept-treaty-signed' };
    case 'treaty-outside':
      return { code: 'cannot-accept-treaty-outside' };
    case 'visa-free-in-force':
      return { code: 'cannot-accept-visa-free' };
    case 'joint-activities-full':
      return { code: 'cannot-accept-joint-full' };
  }
}

/** What a message to a bot is about (src/bots/replies.ts `replyTopic`). */
export const REPLY_TOPICS = ['islands', 'economy', 'security', 'general'] as const;
export type ReplyTopic = (typeof REPLY_TOPICS)[number];

/** A bot's answer to a message: no, not now, or open to it. */
export const REPLY_VERDICTS = ['no', 'wary', 'yes'] as const;
export type ReplyVerdict = (typeof REPLY_VERDICTS)[number];

/** A bot's reply to a private message, as the match stores it: worded where shown, in the reader's language. */
export interface BotReply {
  topic: ReplyTopic;
  verdict: ReplyVerdict;
  /** The doctrine's reason, as its orders give it. */
  reason: Reason;
  /** Which of the catalogue's phrasings to use (any non-negative integer; the catalogue takes it modulo its list). */
  variant: number;
}
