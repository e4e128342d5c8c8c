/**
 * A bot's reason in words: its code (src/game/reasons.ts) looked up in the catalogue's `reason.` keys, its
 * arguments named from the catalogue too (seats, actions, proposal kinds, formulas, strengths). DOM-free and
 * catalogue-free: the caller passes the message function of the language shown (the browser's current one, the
 * report's, or English for the command line), so the browser's main bundle may use it.
 */
import type { BotReply, Reason } from '../game/reasons';

/** A catalogue message with its ICU arguments. */
export type ReasonTranslate = (key: string, values?: Record<string, string | number>) => string;

/** The reason worded in the message function's language (lower case, no full stop: it sits inside a sentence). */
export function reasonText(t: ReasonTranslate, reason: Reason): string {
  const a = reason.args ?? {};
  const values: Record<string, string | number> = {};
  if (a.seat !== undefined) values.seat = t(`seat.${a.seat}`);
  if (a.action !== undefined) values.action = t(`action.${a.action}`);
  if (a.kind !== undefined) values.kind = t(`proposal.${a.kind}`);
  if (a.formula !== undefined) values.formula = t(`formula.${a.formula}`);
  if (a.level !== undefined) values.level = t(`botStrength.${a.level}`);
  if (a.actions !== undefined)
    values.actions = a.actions.length
      ? a.actions.map((x) => t(`action.${x}`)).join(t('reason.listSeparator'))
      : t('reason.noOrders');
  for (const k of ['ties', 'score', 'rollouts', 'year'] as const) {
    const v = a[k];
    if (v !== undefined) values[k] = k === 'year' ? String(v) : v;
  }
  return t(`reason.${reason.code}`, values);
}

/** How many phrasings the catalogue has for each verdict (`W.reply.verdict.*`: every language has as many). */
export const REPLY_PHRASINGS = 3;

/** The words a bot's reply is made of: the catalogue's `W.reply` phrasings and topics, and the reason in words. */
export function replyWords(t: ReasonTranslate, reply: BotReply): string {
  const phrasings = Array.from({ length: REPLY_PHRASINGS }, (_, i) =>
    t(`W.reply.verdict.${reply.verdict}.${i}`),
  );
  return t('W.reply.text', {
    verdict: phrasings[reply.variant % phrasings.length],
    topic: t(`W.reply.topic.${reply.topic}`),
    reason: reasonText(t, reply.reason),
  });
}
