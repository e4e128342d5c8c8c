/**
 * Schemas for every move's argument: move input crosses a trust boundary (browsers, sockets, bots), so it is parsed
 * before the rules look at it. A failed parse becomes INVALID_MOVE.
 */
import { z } from 'zod';
import { ACTION_IDS, PROPOSAL_KINDS } from './catalog';
import { LEVERS } from './levers';
import { ISLANDS, SEATS, TREATY_FORMULAS } from './vocabulary';
import {
  REASON_ARGS,
  REASON_LEVELS,
  REPLY_TOPICS,
  REPLY_VERDICTS,
  isReasonCode,
  type ReasonArgName,
  type ReasonCode,
} from './reasons';

const id = z.string().min(1).max(40);

/**
 * A bot's reason (src/game/reasons.ts): a known code and exactly the arguments its wording takes. An unknown code
 * is refused by name ("reason.code: unknown reason code \"…\"").
 */
export const ReasonSchema = z
  .object({
    code: z.custom<ReasonCode>(isReasonCode, {
      error: (issue) => `unknown reason code ${JSON.stringify(String(issue.input).slice(0, 60))}`,
    }),
    args: z
      .object({
        seat: z.enum(SEATS).optional(),
        action: z.enum(ACTION_IDS).optional(),
        kind: z.enum(PROPOSAL_KINDS).optional(),
        formula: z.enum(TREATY_FORMULAS).optional(),
        level: z.enum(REASON_LEVELS).optional(),
        ties: z.number().int().min(0).max(100).optional(),
        score: z.number().min(-1e6).max(1e6).optional(),
        rollouts: z.number().int().min(0).max(100_000).optional(),
        actions: z.array(z.enum(ACTION_IDS)).max(12).optional(),
        year: z.number().int().min(1900).max(2100).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const wants = REASON_ARGS[r.code];
    const given = Object.keys(r.args ?? {}) as ReasonArgName[];
    const missing = wants.filter((a) => !given.includes(a));
    const extra = given.filter((a) => !wants.includes(a));
    if (missing.length || extra.length)
      ctx.addIssue({
        code: 'custom',
        path: ['args'],
        message: `reason "${r.code}" takes ${wants.length ? wants.join(', ') : 'no arguments'}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not ${extra.join(', ')}` : ''}`,
      });
  });
const reason = ReasonSchema.optional();

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
/** A seat's pick among its era's agendas, in the first year (news.ts `agendaChoiceProblem`). */
export const ChooseAgendaArgs = z.object({ id }).strict();

/** Strips control characters (keeps line breaks) and surrounding space. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u2028-\u202E]/g, '').trim();
}

/** A bot's reply to a private message (src/bots/replies.ts), sent as data with an empty `text`. */
export const ReplySchema = z
  .object({
    topic: z.enum(REPLY_TOPICS),
    verdict: z.enum(REPLY_VERDICTS),
    reason: ReasonSchema,
    variant: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32),
  })
  .strict();

export const MessageArgs = z
  .object({
    to: z.enum(SEATS),
    text: z.string().max(LEVERS.messages.privateMaxChars * 2),
    reply: ReplySchema.optional(),
  })
  .strict();
export const StatementArgs = z
  .object({ text: z.string().max(LEVERS.messages.statementMaxChars * 2) })
  .strict();
/** The facilitator's notice to the whole class: bounded like a public statement, checked again once cleaned. */
export const BroadcastArgs = z
  .object({ text: z.string().max(LEVERS.messages.statementMaxChars * 2) })
  .strict();

/** Characters a reflection keeps once cleaned (a few sentences: it is graded, not chatted). */
export const REFLECTION_MAX_CHARS = 600;
/**
 * A seat's reflection on a year ("why did you accept or reject?"). The raw text may be twice the limit, as for
 * messages, because control characters and surrounding space are stripped before the limit is checked.
 */
export const ReflectArgs = z
  .object({ year: z.number().int().min(1900).max(2100), text: z.string().max(REFLECTION_MAX_CHARS * 2) })
  .strict();

export const OrderSchema = z.object({ action: z.enum(ACTION_IDS), target: id.optional(), reason }).strict();
export const CommitArgs = z.object({ orders: z.array(OrderSchema).max(12) }).strict();
export type CommitArgs = z.infer<typeof CommitArgs>;

/** The argument of a move that takes none: an empty object (sent as no argument at all). */
export const NoArgs = z.object({}).strict();

/** Every seat move, by name, with the schema of its single argument. */
export const SEAT_MOVE_ARGS = {
  ready: NoArgs,
  propose: ProposeArgs,
  respond: RespondArgs,
  withdraw: WithdrawArgs,
  decide: DecideArgs,
  chooseAgenda: ChooseAgendaArgs,
  sendMessage: MessageArgs,
  makeStatement: StatementArgs,
  commitOrders: CommitArgs,
  reflect: ReflectArgs,
} as const satisfies Record<string, z.ZodType>;

/** The facilitator's moves (player '6' only), by name, with the schema of the single argument. */
export const FACILITATOR_MOVE_ARGS = {
  inject: InjectArgs,
  advance: NoArgs,
  endMatch: NoArgs,
  broadcast: BroadcastArgs,
} as const satisfies Record<string, z.ZodType>;

/**
 * Every move of the Game, by name, with the schema of its argument: the one list the Game's moves, the socket
 * schemas (src/protocol/schemas.ts) and the browser sessions derive their move names from. Each move takes at most
 * one argument; no argument reads as `{}`.
 */
export const MOVE_ARGS = { ...SEAT_MOVE_ARGS, ...FACILITATOR_MOVE_ARGS } as const;

export type SeatMoveName = keyof typeof SEAT_MOVE_ARGS;
export type FacilitatorMoveName = keyof typeof FACILITATOR_MOVE_ARGS;
export type MoveName = keyof typeof MOVE_ARGS;
/** The argument a move's rules see once parsed. */
export type MoveArg<M extends MoveName> = z.output<(typeof MOVE_ARGS)[M]>;

/** Every move name, seat moves first (a non-empty tuple, as `z.enum` wants it). */
export const MOVE_NAMES = Object.keys(MOVE_ARGS) as [MoveName, ...MoveName[]];

/** Parses a move's raw argument as the rules read it (no argument is `{}`); undefined when it does not fit. */
export function parseMoveArg<M extends MoveName>(move: M, raw: unknown): MoveArg<M> | undefined {
  const result = MOVE_ARGS[move].safeParse(raw === undefined ? {} : raw);
  // The table lookup loses the link between M and its schema's output; the parse itself was M's schema.
  return result.success ? (result.data as MoveArg<M>) : undefined;
}
