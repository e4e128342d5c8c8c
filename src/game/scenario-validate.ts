/**
 * Parse-then-validate for scenarios: the schema first, then the checks a schema cannot express. Every problem names
 * the field path and what was expected; nothing here throws on any input.
 */
import type { z } from 'zod';
import { ACTIONS, isActionId } from './catalog';
import { LADDER, SEATS, type Seat } from './vocabulary';
import {
  type Condition,
  type Effect,
  type GameEvent,
  type Scenario,
  ScenarioSchema,
} from './scenario-schema';

export interface Problem {
  /** Dotted path into the scenario, e.g. `events.3.effects.0.project`; empty for the whole scenario. */
  path: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Largest scenario accepted, in characters of JSON. */
export const MAX_SCENARIO_CHARS = 2_000_000;

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: pathOf(issue.path), message: describeIssue(issue) }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}${issue.input === undefined ? ' (missing)' : `, got ${typeName(issue.input)}`}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed shape (check "type" or "kind")';
    default:
      return issue.message;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** Validates an already-parsed JSON value as a scenario. */
export function parseScenario(input: unknown): ScenarioResult {
  const parsed = ScenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = semanticProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Parses scenario JSON text. Refuses empty, oversized or non-JSON text with a problem, never an exception. */
export function parseScenarioText(textInput: string): ScenarioResult {
  if (textInput.trim() === '') return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  if (textInput.length > MAX_SCENARIO_CHARS) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `the file is too large (${textInput.length} characters; at most ${MAX_SCENARIO_CHARS})`,
        },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(textInput);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: [{ path: '', message: `expected a JSON object, got ${typeName(json)}` }] };
  }
  return parseScenario(json);
}

function semanticProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (s.endYear < s.startYear) add('endYear', `must not be before startYear (${s.startYear})`);
  if (s.endYear - s.startYear > 40) add('endYear', 'an era spans at most 40 years');
  const inEra = (y: number) => y >= s.startYear && y <= s.endYear;

  for (const seat of SEATS) {
    const leaders = s.leaders[seat];
    if (leaders[0].from > s.startYear)
      add(`leaders.${seat}.0.from`, `the first leader must be in office by ${s.startYear}`);
    leaders.forEach((l, i) => {
      if (i > 0 && l.from <= leaders[i - 1].from)
        add(`leaders.${seat}.${i}.from`, 'leaders must be listed in order of year');
    });
    for (const action of Object.keys(s.menus.weights[seat])) {
      if (!isActionId(action)) continue;
      if (!(ACTIONS[action].seats as readonly Seat[]).includes(seat)) {
        add(`menus.weights.${seat}.${action}`, `"${action}" is not an action of ${seat}`);
      }
    }
    if (!s.agendas.some((a) => a.seat === seat)) add('agendas', `no secret agenda for ${seat}`);
    const historical = s.agendas.filter((a) => a.seat === seat && a.historical).map((a) => a.id);
    if (historical.length > 1)
      add(
        'agendas',
        `${seat} has ${historical.length} agendas marked historical (${historical.join(', ')}): mark one`,
      );
  }

  s.trust.entries.forEach((e, i) => {
    if (e.from === e.to) add(`trust.entries.${i}`, 'a seat does not rate its own trust');
  });
  const trustPairs = new Set<string>();
  s.trust.entries.forEach((e, i) => {
    const key = `${e.from}>${e.to}`;
    if (trustPairs.has(key)) add(`trust.entries.${i}`, `duplicate trust entry ${e.from} → ${e.to}`);
    trustPairs.add(key);
  });
  const rapportPairs = new Set<string>();
  s.rapport.entries.forEach((e, i) => {
    if (e.a === e.b) add(`rapport.entries.${i}`, 'rapport is between two different seats');
    const key = [e.a, e.b].sort().join('-');
    if (rapportPairs.has(key)) add(`rapport.entries.${i}`, `duplicate rapport entry ${key}`);
    rapportPairs.add(key);
  });

  const projectIds = new Set<string>();
  s.projects.forEach((p, i) => {
    if (projectIds.has(p.id)) add(`projects.${i}.id`, `duplicate project id "${p.id}"`);
    projectIds.add(p.id);
    const total = Object.values(p.stakes).reduce((a, b) => a + (b ?? 0), 0);
    if (total > 100) add(`projects.${i}.stakes`, `stakes add up to ${total}%, more than 100%`);
    if (p.stakes.russia !== undefined)
      add(`projects.${i}.stakes.russia`, 'Russia holds the remainder; list investors only');
  });

  // A floor the era opens with must hold at the start: Russia's offer at or above it, Japan's demand at or below it.
  const rungOf = (r: (typeof LADDER)[number]) => LADDER.indexOf(r);
  if (s.floors?.russia && rungOf(s.positions.russia.value) < rungOf(s.floors.russia.value)) {
    add(
      'floors.russia',
      `Russia's starting offer "${s.positions.russia.value}" is below its floor "${s.floors.russia.value}"`,
    );
  }
  if (s.floors?.japan && rungOf(s.positions.japan.value) > rungOf(s.floors.japan.value)) {
    add(
      'floors.japan',
      `Japan's starting demand "${s.positions.japan.value}" is above its floor "${s.floors.japan.value}"`,
    );
  }

  if (s.wildcards.draws.min > s.wildcards.draws.max) add('wildcards.draws', 'min must not exceed max');

  const eventIds = new Set<string>();
  const checkEvent = (e: GameEvent, path: string, scheduled: boolean) => {
    if (eventIds.has(e.id)) add(`${path}.id`, `duplicate event id "${e.id}"`);
    eventIds.add(e.id);
    if (scheduled && 'year' in e && !inEra(e.year))
      add(`${path}.year`, `${e.year} is outside the era ${s.startYear}–${s.endYear}`);
    if ('from' in e && e.from !== undefined && !inEra(e.from))
      add(`${path}.from`, `${e.from} is outside the era`);
    if ('to' in e && e.to !== undefined && !inEra(e.to)) add(`${path}.to`, `${e.to} is outside the era`);
    if ('from' in e && e.from !== undefined && e.to !== undefined && e.to < e.from)
      add(`${path}.to`, 'must not be before "from"');
    if (e.incident && e.incident.wronged === e.incident.offender)
      add(`${path}.incident`, 'an incident is between two different seats');
    e.effects.forEach((effect, j) => checkEffect(effect, `${path}.effects.${j}`));
    e.conditions.forEach((c, j) => checkCondition(c, `${path}.conditions.${j}`));
    if (e.decision) {
      const ids = e.decision.options.map((o) => o.id);
      if (new Set(ids).size !== ids.length) add(`${path}.decision.options`, 'option ids must be unique');
      if (!ids.includes(e.decision.default))
        add(`${path}.decision.default`, `"${e.decision.default}" is not one of the options`);
      e.decision.options.forEach((o, j) =>
        o.effects.forEach((effect, k) => checkEffect(effect, `${path}.decision.options.${j}.effects.${k}`)),
      );
    }
  };
  const checkEffect = (effect: Effect, path: string) => {
    if ('project' in effect && !projectIds.has(effect.project))
      add(`${path}.project`, `unknown project "${effect.project}"`);
    if (effect.type === 'trust' && effect.from === effect.to)
      add(path, 'trust is between two different seats');
    if (effect.type === 'rapport' && effect.a === effect.b)
      add(path, 'rapport is between two different seats');
    if (effect.type === 'project-stake' && effect.seat === 'russia')
      add(`${path}.seat`, 'Russia holds the remainder of every project');
  };
  const checkCondition = (c: Condition, path: string) => {
    if ('project' in c && !projectIds.has(c.project))
      add(`${path}.project`, `unknown project "${c.project}"`);
  };

  s.events.forEach((e, i) => checkEvent(e, `events.${i}`, true));
  s.wildcards.deck.forEach((e, i) => checkEvent(e, `wildcards.deck.${i}`, false));

  const agendaIds = new Set<string>();
  s.agendas.forEach((a, i) => {
    if (agendaIds.has(a.id)) add(`agendas.${i}.id`, `duplicate agenda id "${a.id}"`);
    agendaIds.add(a.id);
    a.conditions.forEach((c, j) => checkCondition(c, `agendas.${i}.conditions.${j}`));
  });
  return problems;
}
