/**
 * The scenario schema: the one source of truth for what a scenario file may hold. Types are derived from it.
 * Semantic checks that a schema cannot express (ids unique, references resolve, years inside the era) live in
 * `validate.ts`.
 */
import { z } from 'zod';
import { ACTIONS, ACTION_IDS, PROPOSAL_KINDS } from './catalog';
import {
  ALIGNMENT_KEYS,
  ISLANDS,
  KOREAS,
  KOREA_PARTNERS,
  LADDER,
  PROJECT_STAGES,
  SEATS,
  type Seat,
} from './vocabulary';

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'a lower-case id of letters, digits and dashes (at most 63 characters)',
  );
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const year = z.number().int('a whole year').min(1900, 'a year from 1900').max(2100, 'a year up to 2100');
const level = z.number().finite().min(0, 'at least 0').max(100, 'at most 100');
const delta = z.number().finite().min(-100, 'at least -100').max(100, 'at most 100');

export const SeatSchema = z.enum(SEATS);
export const IslandSchema = z.enum(ISLANDS);
export const RungSchema = z.enum(LADDER);

/** Where a number or an event comes from: the paper (section, lines, a short verbatim quote), an outside reference,
 * or a game-design setting where the paper is silent (paper-facts §6 Q5: "all scales must be set by the designer"). */
export const SourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('paper'),
      section: text(120),
      lines: z.string().regex(/^\d{1,4}([–-]\d{1,4})?$/, 'a line number or range such as "105–107"'),
      quote: text(400),
    })
    .strict(),
  z.object({ kind: z.literal('external'), reference: text(400), note: text(400).optional() }).strict(),
  z.object({ kind: z.literal('design'), note: text(400) }).strict(),
]);
export type Source = z.infer<typeof SourceSchema>;

const sourced = <T extends z.ZodType>(value: T) => z.object({ value, source: SourceSchema }).strict();
const SourcedLevel = sourced(level);

const islandOrAll = z.union([IslandSchema, z.literal('all')]);
const KoreaSchema = z.enum(KOREAS);
const KoreaPartnerSchema = z.enum(KOREA_PARTNERS);
const AlignmentKeySchema = z.enum(ALIGNMENT_KEYS);
const op = z.enum(['<', '<=', '>', '>=']);
const negotiator = z.enum(['russia', 'japan']);

/** What an event, a decision option or a wildcard does to the levers. */
export const EffectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('trust'), from: SeatSchema, to: SeatSchema, delta }).strict(),
  z.object({ type: z.literal('rapport'), a: SeatSchema, b: SeatSchema, delta }).strict(),
  z.object({ type: z.literal('oil-price'), delta }).strict(),
  z.object({ type: z.literal('project-progress'), project: id, delta }).strict(),
  z.object({ type: z.literal('project-stage'), project: id, stage: z.enum(PROJECT_STAGES) }).strict(),
  z.object({ type: z.literal('project-stake'), project: id, seat: SeatSchema, delta }).strict(),
  z
    .object({
      type: z.literal('position'),
      seat: negotiator,
      rung: RungSchema.optional(),
      delta: z.number().int().min(-4).max(4).optional(),
    })
    .strict()
    .refine(
      (e) => (e.rung === undefined) !== (e.delta === undefined),
      'give exactly one of "rung" or "delta"',
    ),
  /**
   * A declaration's floor under a side's concessions on the ladder: Russia's offer may not be lowered below `rung`
   * by an order, and Japan's demand may not be raised above it (its rung is the least it will settle for). Only a
   * later floor effect (a later scheduled event) moves it; see `floors` in state.ts.
   */
  z.object({ type: z.literal('floor'), side: negotiator, rung: RungSchema }).strict(),
  z
    .object({ type: z.literal('garrison'), island: islandOrAll, delta: z.number().int().min(-10).max(10) })
    .strict(),
  z
    .object({ type: z.literal('garrison-set'), island: islandOrAll, level: z.number().int().min(0).max(10) })
    .strict(),
  z.object({ type: z.literal('visa-free'), value: z.boolean() }).strict(),
  z
    .object({
      type: z.literal('joint-activities'),
      island: islandOrAll,
      delta: z.number().int().min(-3).max(3),
    })
    .strict(),
  z.object({ type: z.literal('fishing-tension'), delta }).strict(),
  z.object({ type: z.literal('pressure'), seat: SeatSchema, delta }).strict(),
  z.object({ type: z.literal('capital'), seat: SeatSchema, delta }).strict(),
  /** A concession's strain this year, which domestic backlash weighs at Resolution. */
  z.object({ type: z.literal('strain'), seat: SeatSchema, delta }).strict(),
  z.object({ type: z.literal('alignment'), key: AlignmentKeySchema, delta }).strict(),
  z
    .object({ type: z.literal('korea-ties'), korea: KoreaSchema, partner: KoreaPartnerSchema, delta })
    .strict(),
  z.object({ type: z.literal('economy'), seat: SeatSchema, delta }).strict(),
  z
    .object({
      type: z.literal('leader'),
      seat: SeatSchema,
      name: text(80),
      rapportKept: z.number().min(0).max(1),
    })
    .strict(),
  z.object({ type: z.literal('linkage'), value: z.boolean() }).strict(),
  z.object({ type: z.literal('flag'), flag: id, value: z.boolean() }).strict(),
]);
export type Effect = z.infer<typeof EffectSchema>;

/** When a scheduled event fires or an agenda is met. All conditions of a list must hold. */
export const ConditionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flag'), flag: id, value: z.boolean() }).strict(),
  z.object({ type: z.literal('trust'), from: SeatSchema, to: SeatSchema, op, value: level }).strict(),
  z.object({ type: z.literal('rapport'), a: SeatSchema, b: SeatSchema, op, value: level }).strict(),
  z.object({ type: z.literal('alignment'), key: AlignmentKeySchema, op, value: level }).strict(),
  z.object({ type: z.literal('position'), seat: negotiator, op, rung: RungSchema }).strict(),
  z.object({ type: z.literal('pressure'), seat: SeatSchema, op, value: level }).strict(),
  z.object({ type: z.literal('economy'), seat: SeatSchema, op, value: z.number().min(0).max(300) }).strict(),
  z.object({ type: z.literal('oil-price'), op, value: level }).strict(),
  z.object({ type: z.literal('fishing-tension'), op, value: level }).strict(),
  z
    .object({
      type: z.literal('korea-ties'),
      korea: KoreaSchema,
      partner: KoreaPartnerSchema,
      op,
      value: level,
    })
    .strict(),
  z.object({ type: z.literal('treaty'), ratified: z.boolean() }).strict(),
  z
    .object({ type: z.literal('islands-held'), seat: negotiator, op, value: z.number().int().min(0).max(4) })
    .strict(),
  z.object({ type: z.literal('project-stage'), project: id, op, stage: z.enum(PROJECT_STAGES) }).strict(),
  /** An investor's stake in a project, in percent: an agenda that asks for a seat's money checks the money. */
  z.object({ type: z.literal('project-stake'), project: id, seat: SeatSchema, op, value: level }).strict(),
  /** Whether Japan still links economics to the islands (seikei fukabun). */
  z.object({ type: z.literal('linkage'), value: z.boolean() }).strict(),
  z.object({ type: z.literal('chance'), p: z.number().min(0).max(1) }).strict(),
]);
export type Condition = z.infer<typeof ConditionSchema>;

const sources = z.union([SourceSchema, z.array(SourceSchema).min(1).max(6)]);

export const DecisionSchema = z
  .object({
    seat: SeatSchema,
    prompt: text(400),
    options: z
      .array(
        z
          .object({
            id,
            label: text(120),
            effects: z.array(EffectSchema).max(20),
            source: SourceSchema.optional(),
          })
          .strict(),
      )
      .min(2, 'a decision needs at least two options')
      .max(4),
    default: id,
  })
  .strict();
export type Decision = z.infer<typeof DecisionSchema>;

const eventFields = {
  id,
  title: text(120),
  text: text(800),
  source: sources,
  conditions: z.array(ConditionSchema).max(10).default([]),
  effects: z.array(EffectSchema).max(30).default([]),
  /** A bilateral incident: it always lowers trust between the pair (paper-facts §4 claim 6). */
  /** Who was wronged and who gave offence: the wronged side's trust falls by the severity, the other's by an echo. */
  incident: z
    .object({ wronged: SeatSchema, offender: SeatSchema, severity: z.number().min(1).max(30) })
    .strict()
    .optional(),
  decision: DecisionSchema.optional(),
};

export const ScheduledEventSchema = z.object({ ...eventFields, year }).strict();
export type ScheduledEvent = z.infer<typeof ScheduledEventSchema>;

export const WildcardSchema = z
  .object({
    ...eventFields,
    from: year.optional(),
    to: year.optional(),
    weight: z.number().min(0.1).max(10).default(1),
  })
  .strict();
export type Wildcard = z.infer<typeof WildcardSchema>;
export type GameEvent = ScheduledEvent | Wildcard;

export const AgendaSchema = z
  .object({
    id,
    seat: SeatSchema,
    title: text(120),
    text: text(500),
    conditions: z.array(ConditionSchema).min(1).max(6),
    bonus: z.number().int().min(1).max(50),
    /** The goal the seat's government pursued in the era: the historical bot picks it (one per seat). */
    historical: z.boolean().optional(),
    source: sources,
  })
  .strict();
export type Agenda = z.infer<typeof AgendaSchema>;

export const ProjectSchema = z
  .object({
    id,
    name: text(80),
    region: text(80),
    kind: z.enum(['oil', 'gas', 'lng', 'coal', 'pipeline']),
    stage: z.enum(PROJECT_STAGES),
    progress: level.default(0),
    /** Output at full development, in the game's energy units (0-100 each). */
    capacity: SourcedLevel,
    /** Investors' stakes in percent (Russia holds the rest). */
    stakes: z.partialRecord(SeatSchema, z.number().min(0).max(100)).default({}),
    /** Seats whose markets the project serves. */
    buyers: z.array(SeatSchema).min(1).max(6),
    source: sources,
  })
  .strict();
export type ProjectSpec = z.infer<typeof ProjectSchema>;

const perSeat = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(SEATS.map((s) => [s, value])) as Record<Seat, T>).strict();

const IslandSpec = z
  .object({
    administrator: negotiator,
    garrison: z.number().int().min(0).max(10),
    jointActivities: z.number().int().min(0).max(3),
    source: sources,
  })
  .strict();

const KoreaTiesSpec = z.object({ russia: SourcedLevel, china: SourcedLevel, us: SourcedLevel }).strict();

export const LeaderSchema = z.object({ name: text(80), from: year, source: SourceSchema }).strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    version: z.number().int().min(1),
    name: text(80),
    briefing: text(2000),
    startYear: year,
    endYear: year,
    leaders: perSeat(z.array(LeaderSchema).min(1).max(12)),
    actionPoints: z
      .object({ values: perSeat(z.number().int().min(1).max(6)), source: SourceSchema })
      .strict(),
    trust: z
      .object({
        default: SourcedLevel,
        entries: z
          .array(z.object({ from: SeatSchema, to: SeatSchema, value: level, source: SourceSchema }).strict())
          .max(30),
      })
      .strict(),
    rapport: z
      .object({
        default: SourcedLevel,
        entries: z
          .array(z.object({ a: SeatSchema, b: SeatSchema, value: level, source: SourceSchema }).strict())
          .max(15),
      })
      .strict(),
    oilPrice: z.object({ start: SourcedLevel, baseline: SourcedLevel }).strict(),
    projects: z.array(ProjectSchema).min(1).max(12),
    islands: z
      .object({ habomai: IslandSpec, shikotan: IslandSpec, kunashiri: IslandSpec, etorofu: IslandSpec })
      .strict(),
    visaFree: sourced(z.boolean()),
    positions: z.object({ russia: sourced(RungSchema), japan: sourced(RungSchema) }).strict(),
    /** Floors in force when the era opens, set by a declaration that precedes it (e.g. the 1991 communiqué). */
    floors: z
      .object({ russia: sourced(RungSchema).optional(), japan: sourced(RungSchema).optional() })
      .strict()
      .optional(),
    fishingTension: SourcedLevel,
    linkage: sourced(z.boolean()),
    domestic: perSeat(z.object({ pressure: SourcedLevel, capital: SourcedLevel }).strict()),
    alignment: z
      .object({
        usJapanAlliance: SourcedLevel,
        sanctions: SourcedLevel,
        sinoRussian: SourcedLevel,
        japanChina: SourcedLevel,
        japanRok: SourcedLevel,
      })
      .strict(),
    koreaTies: z.object({ rok: KoreaTiesSpec, dprk: KoreaTiesSpec }).strict(),
    economy: perSeat(sourced(z.number().min(10).max(300))),
    menus: z
      .object({
        weights: perSeat(z.partialRecord(z.enum(ACTION_IDS), z.number().min(0).max(10))),
        proposals: perSeat(z.partialRecord(z.enum(PROPOSAL_KINDS), z.number().min(0).max(10))),
        source: sources,
      })
      .strict(),
    events: z.array(ScheduledEventSchema).max(80),
    wildcards: z
      .object({
        draws: z
          .object({ min: z.number().int().min(0).max(3), max: z.number().int().min(0).max(3) })
          .strict(),
        source: SourceSchema,
        deck: z.array(WildcardSchema).max(80),
      })
      .strict(),
    agendas: z.array(AgendaSchema).min(6).max(60),
    questions: z
      .array(z.object({ seat: SeatSchema.optional(), text: text(400), source: SourceSchema }).strict())
      .max(40)
      .default([]),
  })
  .strict();

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** The action ids a seat's menu may legally hold. */
export function actionsAllowedFor(seat: Seat): string[] {
  return ACTION_IDS.filter((a) => (ACTIONS[a].seats as readonly Seat[]).includes(seat));
}
