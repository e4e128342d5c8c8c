/**
 * Schemas for every move's argument: move input crosses a trust boundary (browsers, sockets, bots), so it is parsed
 * before the rules look at it. A failed parse becomes INVALID_MOVE.
 */
import { z } from 'zod';
import { ACTION_IDS, PROPOSAL_KINDS } from './catalog';
import { LEVERS } from './levers';
import { ISLANDS, SEATS, TREATY_FORMULAS } from './vocabulary';

const reason = z.string().max(160).optional();
const id = z.string().min(1).max(40);

export const ProposeArgs = z
  .object({
    to: z.enum(SEATS),
    kind: z.enum(PROPOSAL_KINDS),
    terms: z
      .object({
        amount: z.number().int().min(1).max(3).optional(),
        project: id.optional(),
        share: z.number().int().min(LEVERS.proposals.stakeMin).max(LEVERS.proposals.stakeMax).optional(),
        island: z.enum(ISLANDS).optional(),
        formula: z.enum(TREATY_FORMULAS).optional(),
      })
      .strict()
      .default({}),
    reason,
  })
  .strict();
export type ProposeArgs = z.infer<typeof ProposeArgs>;

export const RespondArgs = z.object({ id, accept: z.boolean(), reason }).strict();
export const WithdrawArgs = z.object({ id }).strict();
export const DecideArgs = z.object({ id, option: id, reason }).strict();
export const InjectArgs = z.object({ id: z.string().min(1).max(63) }).strict();

/** Strips control characters (keeps line breaks) and surrounding space. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u2028-\u202E]/g, '').trim();
}

export const MessageArgs = z
  .object({ to: z.enum(SEATS), text: z.string().max(LEVERS.messages.privateMaxChars * 2) })
  .strict();
export const StatementArgs = z.object({ text: z.string().max(LEVERS.messages.statementMaxChars * 2) }).strict();

export const OrderSchema = z
  .object({ action: z.enum(ACTION_IDS as [string, ...string[]]), target: id.optional(), reason })
  .strict();
export const CommitArgs = z.object({ orders: z.array(OrderSchema).max(12) }).strict();
export type CommitArgs = z.infer<typeof CommitArgs>;

/** Parses a move argument; undefined when it does not fit. */
export function parseArgs<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
