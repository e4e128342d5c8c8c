/**
 * Generates MODEL.md's tables from the code (`npm run model:tables`): the balance numbers with their ranges
 * (LEVERS, LEVER_RANGES), every policy action and proposal as its effect rows (ORDER_EFFECTS, PROPOSAL_EFFECTS), the
 * four eras' starting values with the kind of their sources, the era menus, scheduled events, wildcards and agendas.
 * Each table sits between `<!-- generated: NAME -->` and `<!-- /generated -->` in MODEL.md; the text around them is
 * written by hand and left alone. `--check` writes nothing and exits 1 when a table is out of date.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ORDER_EFFECTS, PROPOSAL_EFFECTS, type TableEffect, type Test } from '../src/game/action-effects';
import { ACTIONS, ACTION_IDS, PROPOSAL_KINDS } from '../src/game/catalog';
import { LEVERS, LEVER_RANGES } from '../src/game/levers';
import type { Condition, Effect, GameEvent, Scenario, Source } from '../src/game/scenario-schema';
import { ALIGNMENT_KEYS, ISLANDS, KOREAS, KOREA_PARTNERS, SEATS, type Seat } from '../src/game/vocabulary';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';

const MODEL_MD = fileURLToPath(new URL('../MODEL.md', import.meta.url));

const ERAS: Scenario[] = BUILTIN_IDS.map((id) => {
  const s = builtinScenario(id);
  if (!s) throw new Error(`no built-in scenario ${id}`);
  return s;
});

/** A table cell: pipes escaped, line breaks flattened. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A number as written in the tables: at most three decimals. */
const n = (value: number) => String(Math.round(value * 1000) / 1000);
/** A change, signed. */
const d = (value: unknown) => {
  const v = Number(value);
  return v > 0 ? `+${n(v)}` : n(v);
};

// --- levers ---

function leverLeaves(node: unknown, path: string[] = []): [string, number][] {
  if (typeof node === 'number') return [[path.join('.'), node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => leverLeaves(value, [...path, key]));
}

function leversTable(): string {
  const rows = leverLeaves(LEVERS).map(([path, value]) => {
    const range = LEVER_RANGES[path];
    if (!range) return [`\`${path}\``, n(value), '**no range**', ''];
    const [low, high, why] = range;
    return [`\`${path}\``, n(value), low === high ? `${n(low)} (fixed)` : `${n(low)} – ${n(high)}`, why];
  });
  return table(['number', 'value', 'plausible range', 'why (LEVER_RANGES)'], rows);
}

// --- effects ---

type Loose = Record<string, unknown>;

function condition(c: Condition): string {
  const x = c as Loose;
  switch (c.type) {
    case 'trust':
      return `trust ${c.from}→${c.to} ${c.op} ${c.value}`;
    case 'rapport':
      return `rapport ${c.a}–${c.b} ${c.op} ${c.value}`;
    case 'alignment':
      return `${c.key} ${c.op} ${c.value}`;
    case 'position':
      return `${c.seat} rung ${c.op} ${c.rung}`;
    case 'korea-ties':
      return `ties ${c.korea}–${c.partner} ${c.op} ${c.value}`;
    case 'islands-held':
      return `islands held by ${c.seat} ${c.op} ${c.value}`;
    case 'project-stage':
      return `${c.project} ${c.op} ${c.stage}`;
    case 'treaty':
      return c.ratified ? 'a treaty ratified' : 'no treaty ratified';
    case 'flag':
      return `flag ${c.flag} = ${String(c.value)}`;
    case 'chance':
      return `chance ${c.p}`;
    case 'pressure':
    case 'economy':
      return `${c.type} ${c.seat} ${c.op} ${c.value}`;
    default:
      return `${c.type} ${String(x.op)} ${String(x.value)}`;
  }
}

function test(t: Test<string>): string {
  if (t === 'linkage') return 'the linkage holds';
  if (t === 'no-linkage') return 'the linkage is abandoned';
  if (t === 'linkage-binds') return 'the linkage binds (linkage and Russia below two islands)';
  if ('any' in t) return `(${t.any.map(test).join(' or ')})`;
  if ('all' in t) return `(${t.all.map(test).join(' and ')})`;
  if ('boughtBy' in t) return `${t.boughtBy} buys from ${t.project}`;
  if ('role' in t) return `${t.role} is ${t.is}`;
  return condition(t);
}

const P = LEVERS.projects;
const PR = LEVERS.proposals;

function effect(e: TableEffect<string> | Effect): string {
  const x = e as Loose;
  switch (e.type) {
    case 'trust':
      return `trust ${String(x.from)}→${String(x.to)} ${d(x.delta)}`;
    case 'rapport':
      return `rapport ${String(x.a)}–${String(x.b)} ${d(x.delta)}`;
    case 'oil-price':
      return `oil price ${d(x.delta)}`;
    case 'project-progress':
      return `progress ${String(x.project)} ${d(x.delta)}`;
    case 'project-stage':
      return `${String(x.project)} stage → ${String(x.stage)}`;
    case 'project-stake':
      return `stake ${String(x.seat)} in ${String(x.project)} ${d(x.delta)}`;
    case 'position':
      return x.rung !== undefined
        ? `${String(x.seat)} rung → ${String(x.rung)}`
        : `${String(x.seat)} rung ${d(x.delta)}`;
    case 'floor':
      return `${String(x.side)} floor → ${String(x.rung)}`;
    case 'garrison':
      return `garrison ${String(x.island)} ${d(x.delta)}`;
    case 'garrison-set':
      return `garrison ${String(x.island)} = ${String(x.level)}`;
    case 'visa-free':
      return `visa-free ${x.value ? 'on' : 'off'}`;
    case 'joint-activities':
      return `joint activities ${String(x.island)} ${d(x.delta)}`;
    case 'fishing-tension':
      return `fishing tension ${d(x.delta)}`;
    case 'pressure':
    case 'capital':
    case 'strain':
    case 'economy':
      return `${e.type} ${String(x.seat)} ${d(x.delta)}`;
    case 'alignment':
      return `${String(x.key)} ${d(x.delta)}`;
    case 'korea-ties':
      return `ties ${String(x.korea)}–${String(x.partner)} ${d(x.delta)}`;
    case 'leader':
      return `new ${String(x.seat)} leader ${String(x.name)} (rapport kept ×${String(x.rapportKept)})`;
    case 'linkage':
      return `linkage ${x.value ? 'on' : 'off'}`;
    case 'flag':
      return `flag ${String(x.flag)} = ${String(x.value)}`;
    case 'if': {
      const branch = e as Extract<TableEffect<string>, { type: 'if' }>;
      const otherwise = branch.else?.length ? ` else [${branch.else.map(effect).join('; ')}]` : '';
      return `if ${test(branch.test)} then [${branch.then.map(effect).join('; ')}]${otherwise}`;
    }
    case 'buyer-projects':
      return `progress ${d(x.delta)} on every project ${String(x.buyer)} buys from or holds`;
    case 'investment':
      return (
        `progress ${d(x.delta)} in ${String(x.project)} × ${P.linkageFactor} for Japan while the linkage binds` +
        ` × (1 − sanctions/${P.sanctionsDragScale}) for all but China`
      );
    case 'per-amount': {
      const inner = (e as Extract<TableEffect<string>, { type: 'per-amount' }>).effects;
      return `per aid unit (1–3): [${inner.map(effect).join('; ')}]`;
    }
    case 'stake-purchase':
      return (
        `the investor buys the share (as far as the project has room); progress + share (× ${P.linkageFactor} for Japan` +
        ` while the linkage binds); economy investor − share/${PR.stakeCostDivisor}, russia + share/${PR.stakeRevenueDivisor}`
      );
    case 'treaty-signed':
      return `treaty signed (ratified or not at Resolution); strain russia and japan + rung × ${LEVERS.concession.treatyPerRung}`;
    default:
      return JSON.stringify(e);
  }
}

function actionsTable(): string {
  const rows = ACTION_IDS.map((id) => {
    const spec = ACTIONS[id];
    const target = 'target' in spec ? spec.target : '—';
    return [
      `\`${id}\``,
      spec.seats.join(', '),
      String(spec.cost),
      target,
      String(spec.maxPerRound),
      ORDER_EFFECTS[id].map(effect).join('; '),
    ];
  });
  return table(['action', 'seats', 'AP', 'target', 'max/yr', 'effect rows (ORDER_EFFECTS), in order'], rows);
}

function proposalsTable(): string {
  const rows = PROPOSAL_KINDS.map((kind) => [`\`${kind}\``, PROPOSAL_EFFECTS[kind].map(effect).join('; ')]);
  return table(['proposal', 'effect rows on acceptance (PROPOSAL_EFFECTS), in order'], rows);
}

// --- scenarios ---

interface Sourced<T> {
  value: T;
  source: Source;
}

const KIND: Record<Source['kind'], string> = { paper: 'P', external: 'E', design: 'D' };

function kinds(source: Source | readonly Source[]): string {
  return [...new Set(toList(source).map((s) => KIND[s.kind]))].join('+');
}

const v = <T>(s: Sourced<T> | undefined, show: (value: T) => string = String) =>
  s === undefined ? '—' : `${show(s.value)} (${kinds(s.source)})`;

function paperRef(s: Source): string {
  return s.kind === 'paper' ? `${s.section}, ll. ${s.lines}` : s.kind;
}

function sourcesShort(source: Source | readonly Source[]): string {
  const list = toList(source);
  const papers = list.filter((s) => s.kind === 'paper').map(paperRef);
  const others = (['external', 'design'] as const)
    .map((k) => [k, list.filter((s) => s.kind === k).length] as const)
    .filter(([, count]) => count > 0)
    .map(([k, count]) => (count > 1 ? `${k} ×${count}` : k));
  return [...papers, ...others].join('; ');
}

function trustEntry(s: Scenario, from: Seat, to: Seat): string {
  const e = s.trust.entries.find((t) => t.from === from && t.to === to);
  return e ? `${e.value} (${KIND[e.source.kind]})` : `${s.trust.default.value} (default)`;
}

function rapportEntry(s: Scenario, a: Seat, b: Seat): string {
  const e = s.rapport.entries.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a));
  return e ? `${e.value} (${KIND[e.source.kind]})` : `${s.rapport.default.value} (default)`;
}

function leaderAtStart(s: Scenario, seat: Seat): string {
  let name = s.leaders[seat][0].name;
  for (const l of s.leaders[seat]) if (l.from <= s.startYear) name = l.name;
  const later = s.leaders[seat].filter((l) => l.from > s.startYear).map((l) => `${l.name} ${l.from}`);
  return later.length ? `${name}; then ${later.join(', ')}` : name;
}

function initialTable(): string {
  const row = (label: string, make: (s: Scenario) => string) => [label, ...ERAS.map(make)];
  const rows: string[][] = [
    row(
      'years (one round = one year)',
      (s) => `${s.startYear}–${s.endYear} (${s.endYear - s.startYear + 1} rounds)`,
    ),
    ...SEATS.map((seat) => row(`leader: ${seat}`, (s) => leaderAtStart(s, seat))),
    row(
      'action points R/J/C/US/ROK/DPRK',
      (s) => `${SEATS.map((x) => s.actionPoints.values[x]).join('/')} (${kinds(s.actionPoints.source)})`,
    ),
    row('trust, unlisted pairs', (s) => v(s.trust.default)),
    row('trust japan→russia', (s) => trustEntry(s, 'japan', 'russia')),
    row('trust russia→japan', (s) => trustEntry(s, 'russia', 'japan')),
    row('trust china→russia', (s) => trustEntry(s, 'china', 'russia')),
    row('trust japan→china', (s) => trustEntry(s, 'japan', 'china')),
    row('trust japan→us', (s) => trustEntry(s, 'japan', 'us')),
    row('trust dprk→russia', (s) => trustEntry(s, 'dprk', 'russia')),
    row('rapport, unlisted pairs', (s) => v(s.rapport.default)),
    row('rapport russia–japan', (s) => rapportEntry(s, 'russia', 'japan')),
    row('rapport russia–china', (s) => rapportEntry(s, 'russia', 'china')),
    row('oil price at start / baseline', (s) => `${v(s.oilPrice.start)} / ${v(s.oilPrice.baseline)}`),
    row("positions: Russia's offer", (s) => v(s.positions.russia)),
    row("positions: Japan's demand", (s) => v(s.positions.japan)),
    row('floors russia / japan', (s) => `${v(s.floors?.russia)} / ${v(s.floors?.japan)}`),
    row('linkage (seikei fukabun)', (s) => v(s.linkage)),
    row('visa-free exchange', (s) => v(s.visaFree, (x) => (x ? 'yes' : 'no'))),
    row(
      'garrison H/S/K/E (0–10)',
      (s) =>
        `${ISLANDS.map((i) => s.islands[i].garrison).join('/')} (${kinds(ISLANDS.flatMap((i) => toList(s.islands[i].source)))})`,
    ),
    row('joint activities H/S/K/E (0–3)', (s) => ISLANDS.map((i) => s.islands[i].jointActivities).join('/')),
    row('fishing tension', (s) => v(s.fishingTension)),
    ...SEATS.map((seat) =>
      row(
        `domestic ${seat}: pressure / capital`,
        (s) => `${v(s.domestic[seat].pressure)} / ${v(s.domestic[seat].capital)}`,
      ),
    ),
    ...ALIGNMENT_KEYS.map((key) => row(`alignment ${key}`, (s) => v(s.alignment[key]))),
    ...KOREAS.flatMap((k) =>
      KOREA_PARTNERS.map((p) => row(`Korea ties ${k}–${p}`, (s) => v(s.koreaTies[k][p]))),
    ),
    row('economy (all seats)', (s) => {
      const values = [...new Set(SEATS.map((x) => s.economy[x].value))];
      return `${values.join('/')} (${kinds(SEATS.map((x) => s.economy[x].source))})`;
    }),
    row('energy projects: stage, capacity, stakes', (s) =>
      s.projects
        .map((p) => {
          const stakes = Object.entries(p.stakes).map(([seat, share]) => `${seat} ${share}%`);
          return `${p.id}: ${p.stage}, cap ${p.capacity.value}${stakes.length ? `, ${stakes.join(', ')}` : ''}`;
        })
        .join('; '),
    ),
    row(
      'scheduled events / wildcards / agendas',
      (s) => `${s.events.length} / ${s.wildcards.deck.length} / ${s.agendas.length}`,
    ),
    row(
      'wildcards drawn a year',
      (s) => `${s.wildcards.draws.min}–${s.wildcards.draws.max} (${kinds(s.wildcards.source)})`,
    ),
  ];
  return table(['variable', ...ERAS.map((s) => `\`${s.id}\``)], rows);
}

function toList(source: Source | readonly Source[]): Source[] {
  return Array.isArray(source) ? [...(source as readonly Source[])] : [source as Source];
}

/** Every sourced starting value of a scenario (levels, positions, islands, projects, leaders), by path. */
function sourcedValues(
  node: unknown,
  path: string,
  out: { path: string; value: string; sources: Source[] }[],
): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => sourcedValues(item, `${path}[${i}]`, out));
    return;
  }
  const o = node as Loose;
  if ('source' in o && o.source !== undefined && path !== '' && !path.endsWith('menus')) {
    const value =
      'value' in o
        ? String(o.value)
        : 'name' in o
          ? String(o.name)
          : 'administrator' in o
            ? `${String(o.administrator)}, garrison ${String(o.garrison)}`
            : 'values' in o
              ? Object.values(o.values as Loose).join('/')
              : 'capacity' in o
                ? `${String(o.stage)}`
                : '';
    const label =
      'from' in o && 'to' in o
        ? `${path} ${String(o.from)}→${String(o.to)}`
        : 'a' in o
          ? `${path} ${String(o.a)}–${String(o.b)}`
          : path;
    out.push({ path: label, value, sources: toList(o.source as Source | Source[]) });
  }
  for (const [key, child] of Object.entries(o)) {
    if (['source', 'events', 'wildcards', 'agendas', 'questions', 'menus', 'briefing'].includes(key))
      continue;
    sourcedValues(child, path ? `${path}.${key}` : key, out);
  }
}

function sourceCountTable(): string {
  const rows = ERAS.map((s) => {
    const out: { path: string; value: string; sources: Source[] }[] = [];
    sourcedValues(s, '', out);
    const count = (kind: Source['kind']) =>
      out.filter((x) => x.sources.some((src) => src.kind === kind)).length;
    return [
      `\`${s.id}\``,
      String(out.length),
      String(count('paper')),
      String(count('external')),
      String(count('design')),
    ];
  });
  return table(
    [
      'era',
      'sourced starting values',
      'with a paper source',
      'with an external source',
      'with a design note',
    ],
    rows,
  );
}

function paperSourcesTable(): string {
  const rows: string[][] = [];
  for (const s of ERAS) {
    const out: { path: string; value: string; sources: Source[] }[] = [];
    sourcedValues(s, '', out);
    for (const x of out) {
      const papers = x.sources.filter((src) => src.kind === 'paper');
      if (papers.length === 0) continue;
      const path = x.path.replace(/\.(value|capacity)$/, '').replace(/\.entries\[\d+\]/, '');
      rows.push([s.id, path, x.value, papers.map(paperRef).join('; ')]);
    }
  }
  return table(['era', 'starting value', 'value', 'paper source (paper-facts section, lines)'], rows);
}

function menusTable(): string {
  const rows: string[][] = [];
  for (const seat of SEATS) {
    const ids = ACTION_IDS.filter((id) => ERAS.some((s) => id in s.menus.weights[seat]));
    for (const id of ids) {
      rows.push([seat, `\`${id}\``, ...ERAS.map((s) => String((s.menus.weights[seat] as Loose)[id] ?? '—'))]);
    }
  }
  return table(['seat', 'action', ...ERAS.map((s) => `\`${s.id}\``)], rows);
}

function proposalMenusTable(): string {
  const rows: string[][] = [];
  for (const seat of SEATS) {
    const kindsOf = PROPOSAL_KINDS.filter((k) => ERAS.some((s) => k in s.menus.proposals[seat]));
    for (const k of kindsOf) {
      rows.push([seat, `\`${k}\``, ...ERAS.map((s) => String((s.menus.proposals[seat] as Loose)[k] ?? '—'))]);
    }
  }
  return table(['seat', 'proposal', ...ERAS.map((s) => `\`${s.id}\``)], rows);
}

function does(e: GameEvent): string {
  const parts = e.effects.map(effect);
  if (e.incident)
    parts.push(
      `incident: ${e.incident.wronged} wronged by ${e.incident.offender}, severity ${e.incident.severity}`,
    );
  if (e.decision) {
    const options = e.decision.options.map(
      (o) => `${o.id}${o.id === e.decision!.default ? '*' : ''} [${o.effects.map(effect).join('; ')}]`,
    );
    parts.push(`decision for ${e.decision.seat}: ${options.join(' / ')}`);
  }
  return parts.join('; ') || '—';
}

function eventsTable(): string {
  const rows = ERAS.flatMap((s) =>
    s.events.map((e) => [
      s.id,
      String(e.year),
      `\`${e.id}\` ${e.title}`,
      e.conditions.map(condition).join(' and ') || '—',
      does(e),
      sourcesShort(e.source),
    ]),
  );
  return table(['era', 'year', 'event', 'fires if', 'does (* = historical default)', 'sources'], rows);
}

function wildcardsTable(): string {
  const rows = ERAS.flatMap((s) =>
    s.wildcards.deck.map((c) => [
      s.id,
      `${c.from ?? s.startYear}–${c.to ?? s.endYear}`,
      n(c.weight),
      `\`${c.id}\` ${c.title}`,
      c.conditions.map(condition).join(' and ') || '—',
      does(c),
      sourcesShort(c.source),
    ]),
  );
  return table(['era', 'window', 'weight', 'wildcard', 'takes effect if', 'does', 'sources'], rows);
}

function agendasTable(): string {
  const rows = ERAS.flatMap((s) =>
    s.agendas.map((a) => [
      s.id,
      a.seat,
      `\`${a.id}\` ${a.title}`,
      String(a.bonus),
      a.conditions.map(condition).join(' and '),
      sourcesShort(a.source),
    ]),
  );
  return table(['era', 'seat', 'agenda', 'bonus', 'met when (at the end)', 'sources'], rows);
}

const TABLES: Record<string, () => string> = {
  levers: leversTable,
  actions: actionsTable,
  proposals: proposalsTable,
  initial: initialTable,
  'source-counts': sourceCountTable,
  'paper-sources': paperSourcesTable,
  menus: menusTable,
  'proposal-menus': proposalMenusTable,
  events: eventsTable,
  wildcards: wildcardsTable,
  agendas: agendasTable,
};

/** MODEL.md with every generated block filled from the code; fails on an unknown or unclosed block. */
export function fillModel(text: string): string {
  return text.replace(
    /<!-- generated: ([a-z-]+) -->\n[\s\S]*?<!-- \/generated -->/g,
    (_match, name: string) => {
      const make = TABLES[name];
      if (!make)
        throw new Error(
          `MODEL.md: unknown generated block "${name}" (known: ${Object.keys(TABLES).join(', ')})`,
        );
      return `<!-- generated: ${name} -->\n${make()}\n<!-- /generated -->`;
    },
  );
}

const check = process.argv.includes('--check');
const before = fs.readFileSync(MODEL_MD, 'utf8');
const after = fillModel(before);
if (check) {
  if (after !== before) {
    process.stderr.write('MODEL.md: generated tables are out of date; run `npm run model:tables`\n');
    process.exit(1);
  }
  process.stdout.write('MODEL.md: generated tables are up to date\n');
} else {
  fs.writeFileSync(MODEL_MD, after);
  const blocks = [...after.matchAll(/<!-- generated: ([a-z-]+) -->/g)].map((m) => m[1]);
  process.stdout.write(`MODEL.md: ${blocks.length} generated tables written (${blocks.join(', ')})\n`);
}
