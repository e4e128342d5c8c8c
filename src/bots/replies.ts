/**
 * A bot's answer to a private message, so that talking to a bot in solo play is not talking to a wall: a verdict on
 * what the message is about (the islands, trade and energy, security, or relations in general) and the doctrine's
 * own reason for it (src/bots/doctrine.ts), the same one-line reasons its orders carry. Pure and deterministic: the
 * phrasing is picked by a hash of the message, never by `Math.random`, so a replayed match sends the same reply.
 * The match stores the reply as this data (a `sendMessage` with `reply` and no text); it is worded where it is shown,
 * in the reader's language, from the catalogue's `W.reply` and `reason.` keys (src/bots/reason-text.ts `replyWords`).
 */
import type { ActionId } from '../game/catalog';
import type { GameState } from '../game/state';
import type { BotReply, ReplyTopic, ReplyVerdict } from '../game/reasons';
import type { Seat } from '../game/vocabulary';
import { orderStance } from './doctrine';

export type { ReplyTopic, ReplyVerdict };

/** The bot's answer (src/game/reasons.ts `BotReply`): topic, verdict, the doctrine's reason code and a phrasing. */
export type Reply = BotReply;

// Words that say what a message is about; English and the romanised terms the game itself uses.
const TOPIC_WORDS: [ReplyTopic, RegExp][] = [
  [
    'islands',
    /island|kuril|territor|treaty|habomai|shikotan|kunashi|etorofu|iturup|1956|sovereign|garrison/i,
  ],
  [
    'economy',
    /energy|oil|gas|lng|invest|aid|credit|trade|sakhalin|yamal|siberia|project|money|econom|stake/i,
  ],
  ['security', /alliance|sanction|troop|military|security|nuclear|missile|army|navy|defen/i],
];

/** The topic of a message: the first whose words it uses, else relations in general. */
export function replyTopic(text: string): ReplyTopic {
  return TOPIC_WORDS.find(([, re]) => re.test(text))?.[0] ?? 'general';
}

/**
 * For each seat and topic, the order the sender is in effect asking for (or the seat's own line on it): the
 * doctrine's stance on that order is the answer. Russia on the islands is asked to raise its offer; Japan on trade
 * to invest (which its linkage, seikei fukabun, refuses); China on the islands to back Japan's claim.
 */
const ASKED: Record<Seat, Record<ReplyTopic, ActionId>> = {
  russia: {
    islands: 'raise-offer',
    economy: 'energy-card-japan',
    security: 'drawdown-garrison',
    general: 'separate-economics',
  },
  japan: {
    islands: 'soften-demand',
    economy: 'invest-project',
    security: 'follow-us-line',
    general: 'territories-campaign',
  },
  china: {
    islands: 'back-japan-claim',
    economy: 'deepen-russia-ties',
    security: 'court-koreas',
    general: 'encourage-hard-line',
  },
  us: {
    islands: 'engage-russia',
    economy: 'ease-sanctions',
    security: 'alliance-reassurance',
    general: 'engage-russia',
  },
  rok: {
    islands: 'mediation',
    economy: 'energy-imports',
    security: 'alliance-with-us',
    general: 'outreach-moscow',
  },
  // Not seek-patron: its reason names the patron by id.
  dprk: {
    islands: 'provocation',
    economy: 'illicit-energy-trade',
    security: 'provocation',
    general: 'illicit-energy-trade',
  },
};

/** A small string hash (FNV-1a), for picking a phrasing deterministically. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** How `seat` (a bot) answers `text` from another seat, in the seat's own view. */
export function replyTo(view: GameState, seat: Seat, text: string): Reply {
  const topic = replyTopic(text);
  const stance = orderStance(view, seat, ASKED[seat][topic]);
  // A forbidden order is a "no" with its why; a reluctant one (weighted below the menu) is "not now"; else open.
  const verdict: ReplyVerdict = stance.factor === 0 ? 'no' : stance.factor < 1 ? 'wary' : 'yes';
  return { topic, verdict, reason: stance.reason, variant: textHash(text) };
}
