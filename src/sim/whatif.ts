/**
 * What-if interventions: "Japan drops the linkage from 1992", "Sino-Russian rift in 2015", "Russia offers the 1956
 * formula in 2016". A typed, validated list applied before the match:
 *  - `set` and `position` become scheduled events appended to the scenario (source: design, "what-if
 *    intervention"), fired at the News of each year from `year` on (or once), so replays embed them and stay exact;
 *  - `policy` wraps one seat's bot from `year` on: forced actions and proposals first, forbidden ones never.
 * Accepted from a JSON file (`--what-if FILE.json`) or short flags (`--what-if "japan:abandon-linkage@1992"`).
 */
import { z } from 'zod';
import { ACTIONS, ACTION_IDS, type ActionId } from '../game/catalog';
import { acceptProblem, proposalProblem } from '../game/diplomacy';
import { ordersProblem, targetsFor } from '../game/policy';
import {
  ALIGNMENT_KEYS,
  KOREAS,
  KOREA_PARTNERS,
  LADDER,
  SEATS,
  TREATY_FORMULAS,
  type Seat,
  isSeat,
} from '../game/vocabulary';
import type { Order } from '../game/state';
import type { Reason } from '../game/reasons';
import type { Effect, Scenario, ScheduledEvent } from '../game/scenario-schema';
import { parseScenario } from '../game/scenario-validate';
import type { Bot, BotContext, BotProposal } from '../match/bot';

/** Levers a `set` may hold at a value; each is a plain clamped level, so "−all then +value" sets it exactly. */
export const SETTABLE_LEVERS = [
  ...ALIGNMENT_KEYS.map((k) => `alignment.${k}`),
  ...KOREAS.flatMap((k) => KOREA_PARTNERS.map((p) => `koreaTies.${k}.${p}`)),
  'oilPrice',
  'fishingTension',
  ...SEATS.map((s) => `pressure.${s}`),
  ...SEATS.map((s) => `capital.${s}`),
] as const;

const year = z.number().int().min(1900).max(2100);
const actionId = z.enum(ACTION_IDS);

export const WhatIfSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('set'),
      year,
      lever: z.enum(SETTABLE_LEVERS),
      value: z.number().min(0).max(100),
      once: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      type: z.literal('position'),
      year,
      seat: z.enum(['russia', 'japan']),
      rung: z.enum(LADDER),
      once: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      type: z.literal('policy'),
      year,
      seat: z.enum(SEATS),
      force: z.array(actionId).max(6).default([]),
      forbid: z.array(actionId).max(20).default([]),
      /** Offers a peace treaty with this formula to the other negotiator every year. */
      treaty: z.enum(TREATY_FORMULAS).optional(),
    })
    .strict(),
]);
export type WhatIf = z.infer<typeof WhatIfSchema>;
export const WhatIfListSchema = z.array(WhatIfSchema).max(20);

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Actions whose opposite a forced action forbids, so "drops the linkage" also means "does not restore it". */
const OPPOSITE: Partial<Record<ActionId, ActionId>> = {
  'abandon-linkage': 'restore-linkage',
  'restore-linkage': 'abandon-linkage',
  'raise-offer': 'harden-stance',
  'harden-stance': 'raise-offer',
  'soften-demand': 'territories-campaign',
  'impose-sanctions': 'ease-sanctions',
  'ease-sanctions': 'impose-sanctions',
  'drawdown-garrison': 'reinforce-garrison',
  'reinforce-garrison': 'drawdown-garrison',
};

export const WHAT_IF_FLAG_HELP = `what-if flags (repeatable), each ending in @YEAR:
  SEAT:ACTION@Y            the seat takes ACTION every year from Y (and never its opposite), e.g. japan:abandon-linkage@1992
  SEAT:!ACTION@Y           the seat never takes ACTION from Y
  SEAT:treaty=FORMULA@Y    the seat offers a peace treaty with FORMULA every year from Y (russia/japan)
  SEAT:position=RUNG@Y     russia's offer / japan's demand held at RUNG from Y, e.g. russia:position=two-islands@2016
  LEVER=VALUE@Y            the lever held at VALUE from Y, e.g. sinoRussian=10@2015 (alignment keys may omit "alignment.")
  add "!once" after the year to apply a position or lever only in that year`;

function problemsOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).join('; ');
}

/** Parses one short flag such as `japan:abandon-linkage@1992` or `sinoRussian=10@2015`. */
export function parseWhatIfFlag(flag: string): Parsed<WhatIf> {
  const text = flag.trim();
  const m = /^(.+)@(\d{4})(!once)?$/.exec(text);
  if (!m)
    return { ok: false, error: `what-if "${flag}": expected ...@YEAR (e.g. japan:abandon-linkage@1992)` };
  const [, body, yearText, onceMark] = m;
  const y = Number(yearText);
  const once = onceMark !== undefined;
  const fail = (why: string): Parsed<WhatIf> => ({ ok: false, error: `what-if "${flag}": ${why}` });
  let candidate: unknown;
  const seatPart = /^([a-z]+):(.+)$/.exec(body);
  if (seatPart && isSeat(seatPart[1])) {
    const [, seat, rest] = seatPart;
    const kv = /^([a-z-]+)=([a-z-]+)$/.exec(rest);
    if (kv && kv[1] === 'position') candidate = { type: 'position', year: y, seat, rung: kv[2], once };
    else if (kv && kv[1] === 'treaty') candidate = { type: 'policy', year: y, seat, treaty: kv[2] };
    else if (kv) return fail(`unknown setting "${kv[1]}" (use position=RUNG or treaty=FORMULA)`);
    else if (rest.startsWith('!')) candidate = { type: 'policy', year: y, seat, forbid: [rest.slice(1)] };
    else {
      const opposite = OPPOSITE[rest as ActionId];
      candidate = { type: 'policy', year: y, seat, force: [rest], forbid: opposite ? [opposite] : [] };
    }
  } else if (seatPart) {
    return fail(`unknown seat "${seatPart[1]}" (seats: ${SEATS.join(', ')})`);
  } else {
    const kv = /^([A-Za-z.]+)=(-?[\d.]+)$/.exec(body);
    if (!kv) return fail('expected SEAT:ACTION, SEAT:position=RUNG, SEAT:treaty=FORMULA or LEVER=VALUE');
    const lever = (ALIGNMENT_KEYS as readonly string[]).includes(kv[1]) ? `alignment.${kv[1]}` : kv[1];
    candidate = { type: 'set', year: y, lever, value: Number(kv[2]), once };
  }
  const parsed = WhatIfSchema.safeParse(candidate);
  if (!parsed.success) return fail(problemsOf(parsed.error));
  if (parsed.data.type === 'policy') {
    const p = parsed.data;
    for (const a of [...p.force, ...p.forbid]) {
      if (!(ACTIONS[a].seats as readonly Seat[]).includes(p.seat))
        return fail(`"${a}" is not an action of ${p.seat}`);
    }
    if (p.treaty && p.seat !== 'russia' && p.seat !== 'japan')
      return fail('only russia or japan can offer a peace treaty');
  }
  return { ok: true, value: parsed.data };
}

/** Parses a what-if JSON document: an array of interventions. */
export function parseWhatIfJson(text: string, name = 'what-if file'): Parsed<WhatIf[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${name}: not JSON (${(error as Error).message})` };
  }
  const parsed = WhatIfListSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `${name}: ${problemsOf(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

/** The effects that hold a lever at a value. */
function setEffects(lever: string, value: number): Effect[] {
  const parts = lever.split('.');
  if (parts[0] === 'alignment') {
    const key = parts[1] as (typeof ALIGNMENT_KEYS)[number];
    return [
      { type: 'alignment', key, delta: -100 },
      { type: 'alignment', key, delta: value },
    ];
  }
  if (parts[0] === 'koreaTies') {
    const korea = parts[1] as (typeof KOREAS)[number];
    const partner = parts[2] as (typeof KOREA_PARTNERS)[number];
    return [
      { type: 'korea-ties', korea, partner, delta: -100 },
      { type: 'korea-ties', korea, partner, delta: value },
    ];
  }
  if (parts[0] === 'oilPrice')
    return [
      { type: 'oil-price', delta: -100 },
      { type: 'oil-price', delta: value },
    ];
  if (parts[0] === 'fishingTension') {
    return [
      { type: 'fishing-tension', delta: -100 },
      { type: 'fishing-tension', delta: value },
    ];
  }
  const seat = parts[1] as Seat;
  const type = parts[0] === 'pressure' ? 'pressure' : 'capital';
  return [
    { type, seat, delta: -100 },
    { type, seat, delta: value },
  ];
}

/** A one-line description of an intervention, for reports. */
export function describeWhatIf(w: WhatIf): string {
  const from = (once: boolean) => (once ? `in ${w.year}` : `from ${w.year}`);
  switch (w.type) {
    case 'set':
      return `${w.lever} held at ${w.value} ${from(w.once)}`;
    case 'position':
      return `${w.seat}'s position held at ${w.rung} ${from(w.once)}`;
    case 'policy': {
      const parts = [
        ...w.force.map((a) => `takes ${a}`),
        ...w.forbid.map((a) => `never ${a}`),
        ...(w.treaty ? [`offers a ${w.treaty} treaty`] : []),
      ];
      return `${w.seat} ${parts.join(', ')} from ${w.year}`;
    }
  }
}

/**
 * Applies the lever and position interventions to a scenario as scheduled events, and checks every year lies in
 * the era. The result is validated like any scenario file.
 */
export function applyWhatIfs(scenario: Scenario, list: readonly WhatIf[]): Parsed<Scenario> {
  const events: ScheduledEvent[] = [];
  // One event per intervention and year, except that a year's interventions share one event once there are more
  // than a few of them: a control holding six levers over an eleven-year era would pass the schema's event limit.
  const lone = list.filter((w) => w.type !== 'policy').length <= 3;
  const byYear = new Map<number, ScheduledEvent>();
  for (const [index, w] of list.entries()) {
    if (w.year < scenario.startYear || w.year > scenario.endYear) {
      return {
        ok: false,
        error: `what-if ${index + 1} (${describeWhatIf(w)}): ${w.year} is outside ${scenario.id} (${scenario.startYear}–${scenario.endYear})`,
      };
    }
    if (w.type === 'policy') continue;
    const effects: Effect[] =
      w.type === 'set' ? setEffects(w.lever, w.value) : [{ type: 'position', seat: w.seat, rung: w.rung }];
    const last = w.once ? w.year : scenario.endYear;
    for (let y = w.year; y <= last; y++) {
      const shared = lone ? undefined : byYear.get(y);
      if (shared) {
        shared.text = `${shared.text}; ${describeWhatIf(w)}`;
        shared.effects = [...shared.effects, ...effects];
        continue;
      }
      const event: ScheduledEvent = {
        id: lone ? `what-if-${index + 1}-${y}` : `what-if-${y}`,
        year: y,
        title: 'What-if intervention',
        text: describeWhatIf(w),
        source: { kind: 'design', note: 'what-if intervention' },
        conditions: [],
        effects,
      };
      byYear.set(y, event);
      events.push(event);
    }
  }
  if (events.length === 0) return { ok: true, value: scenario };
  const result = parseScenario({ ...scenario, events: [...scenario.events, ...events] });
  if (!result.ok)
    return {
      ok: false,
      error: `what-ifs make an invalid scenario: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    };
  return { ok: true, value: result.scenario };
}

type PolicyWhatIf = Extract<WhatIf, { type: 'policy' }>;

/** The policy interventions that concern one seat. */
export function policiesFor(list: readonly WhatIf[], seat: Seat): PolicyWhatIf[] {
  return list.filter((w): w is PolicyWhatIf => w.type === 'policy' && w.seat === seat);
}

/**
 * Wraps a seat's bot with its policy interventions: from each one's year, forced actions come first (when legal),
 * forbidden actions are dropped, and a treaty offer is added to the proposals. The rest is the bot's own play.
 */
export function withPolicies(bot: Bot, policies: readonly PolicyWhatIf[]): Bot {
  if (policies.length === 0) return bot;
  const active = (year: number) => policies.filter((p) => year >= p.year);
  return {
    kind: `${bot.kind}+what-if`,
    decide: (ctx) => bot.decide(ctx),
    ...(bot.agenda ? { agenda: (ctx: BotContext) => bot.agenda?.(ctx) ?? null } : {}),
    propose(ctx) {
      const own = bot.propose(ctx);
      const extra: BotProposal[] = [];
      for (const p of active(ctx.view.year)) {
        if (!p.treaty) continue;
        const to: Seat = ctx.seat === 'russia' ? 'japan' : 'russia';
        const args = { to, kind: 'peace-treaty' as const, terms: { formula: p.treaty } };
        if (proposalProblem(ctx.view, ctx.seat, args) === null)
          extra.push({ ...args, reason: { code: 'what-if-treaty-offer', args: { formula: p.treaty } } });
      }
      return [...extra, ...own.filter((o) => !(extra.length && o.kind === 'peace-treaty'))];
    },
    respond(ctx, proposal) {
      const offered = active(ctx.view.year).some((p) => p.treaty !== undefined);
      if (offered && proposal.kind === 'peace-treaty' && acceptProblem(ctx.view, proposal) === null) {
        return { accept: true, reason: { code: 'what-if-seeks-treaty' } };
      }
      return bot.respond(ctx, proposal);
    },
    orders(ctx) {
      const now = active(ctx.view.year);
      const forbid = new Set(now.flatMap((p) => p.forbid));
      const forced: Order[] = [];
      for (const action of now.flatMap((p) => p.force)) {
        const target = targetsFor(ctx.view, ctx.seat, action)[0];
        const year = now.find((p) => p.force.includes(action))?.year ?? ctx.view.year;
        const reason: Reason = { code: 'what-if-forced', args: { action, year } };
        const order: Order = target === undefined ? { action, reason } : { action, target, reason };
        if (ordersProblem(ctx.view, ctx.seat, [...forced, order]) === null) forced.push(order);
      }
      const chosen = [...forced];
      for (const o of bot.orders(ctx)) {
        if (forbid.has(o.action)) continue;
        if (ordersProblem(ctx.view, ctx.seat, [...chosen, o]) === null) chosen.push(o);
      }
      return chosen;
    },
  };
}
