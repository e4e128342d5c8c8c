/**
 * Lever mutations shared by events, proposals and policy actions, and the condition checks of events and agendas.
 * Every change goes through these helpers so ranges hold and the trust rules (gradual rises, incidents in jumps)
 * apply everywhere.
 */
import type { Condition, Effect } from './scenario-schema';
import { LEVERS } from './levers';
import { chance } from './rng';
import { FORMULA_RUNG, ISLANDS, LADDER, PROJECT_STAGES, SEATS, type Island, type Seat } from './vocabulary';
import { clamp, type GameState, rapportKey, round1 } from './state';

/** Changes `a`'s trust in `b`. Rises are capped per round; falls apply in full. */
export function addTrust(G: GameState, a: Seat, b: Seat, delta: number): void {
  if (a === b || delta === 0) return;
  if (delta > 0) {
    const key = `${a}>${b}`;
    const gained = G.trustGain[key] ?? 0;
    const allowed = Math.max(0, LEVERS.trust.riseCapPerRound - gained);
    delta = Math.min(delta, allowed);
    if (delta <= 0) return;
    G.trustGain[key] = round1(gained + delta);
  }
  G.trust[a][b] = round1(clamp(G.trust[a][b] + delta));
}

/**
 * The share of an incident's severity that `a`'s trust in `b` lets through: 1 at or below
 * `LEVERS.trust.incidentFullBelow`, falling linearly to 0 at `incidentHealedAt`. An incident revives the mistrust
 * there is ("will continue to haunt in every conflict", PROSPECTS ll. 977–978); trust built gradually blunts it.
 */
export function incidentBite(G: GameState, a: Seat, b: Seat): number {
  const T = LEVERS.trust;
  return clamp((T.incidentHealedAt - G.trust[a][b]) / (T.incidentHealedAt - T.incidentFullBelow), 0, 1);
}

/**
 * A bilateral incident: trust falls both ways in a jump (paper-facts §4 claim 6), rapport suffers too, each by the
 * share of the severity that the side's mistrust lets through (`incidentBite`).
 */
export function incident(G: GameState, wronged: Seat, offender: Seat, severity: number): void {
  const bite = incidentBite(G, wronged, offender);
  const echo = incidentBite(G, offender, wronged);
  addTrust(G, wronged, offender, -severity * bite);
  addTrust(G, offender, wronged, -severity * LEVERS.trust.incidentEcho * echo);
  addRapport(G, wronged, offender, (-severity / 2) * bite);
}

export function addRapport(G: GameState, a: Seat, b: Seat, delta: number): void {
  if (a === b) return;
  const key = rapportKey(a, b);
  G.rapport[key] = round1(clamp(G.rapport[key] + delta));
}

export function rapport(G: GameState, a: Seat, b: Seat): number {
  return G.rapport[rapportKey(a, b)];
}

export function addPressure(G: GameState, seat: Seat, delta: number): void {
  G.domestic[seat].pressure = round1(clamp(G.domestic[seat].pressure + delta));
}

export function addCapital(G: GameState, seat: Seat, delta: number): void {
  G.domestic[seat].capital = round1(clamp(G.domestic[seat].capital + delta));
}

export function addStrain(G: GameState, seat: Seat, delta: number): void {
  G.domestic[seat].strain = round1(G.domestic[seat].strain + delta);
}

export function addEconomy(G: GameState, seat: Seat, delta: number): void {
  G.economy[seat] = round1(clamp(G.economy[seat] + delta, 10, 300));
}

/** Japanese money toward Russia is held back while the linkage holds and Russia offers less than two islands. */
export function linkageBinds(G: GameState): boolean {
  return G.linkage && G.positions.russia < FORMULA_RUNG['two-islands'];
}

export function setPosition(G: GameState, seat: 'russia' | 'japan', rung: number): void {
  G.positions[seat] = clamp(Math.round(rung), 0, LADDER.length - 1);
}

/**
 * The rung `seat` would reach moving toward `rung`, held at the declarations' floor: Russia's offer no lower than
 * `floors.russia`, Japan's demand no higher than `floors.japan`. A position already beyond the floor (set there by a
 * scheduled event, e.g. a what-if) may still move back toward it, never further away.
 */
export function withinFloor(G: GameState, seat: 'russia' | 'japan', rung: number): number {
  const current = G.positions[seat];
  if (seat === 'russia')
    return rung < G.floors.russia ? Math.max(rung, Math.min(current, G.floors.russia)) : rung;
  return rung > G.floors.japan ? Math.min(rung, Math.max(current, G.floors.japan)) : rung;
}

/** Moves a position by a government's own act (an order, a backlash, a failed ratification): floors hold. */
export function movePosition(G: GameState, seat: 'russia' | 'japan', rung: number): void {
  setPosition(G, seat, withinFloor(G, seat, Math.round(rung)));
}

/** A new leader takes office: rapport with every other leader keeps only a share (the honeymoon "cannot be guaranteed"). */
export function changeLeader(G: GameState, seat: Seat, name: string, rapportKept: number): void {
  G.leaders[seat] = name;
  for (const other of SEATS) {
    if (other === seat) continue;
    const key = rapportKey(seat, other);
    G.rapport[key] = round1(clamp(G.rapport[key] * rapportKept));
  }
  G.domestic[seat].capital = LEVERS.domestic.newLeaderCapital;
  G.domestic[seat].strain = 0;
}

function islandsOf(target: Island | 'all'): readonly Island[] {
  return target === 'all' ? ISLANDS : [target];
}

export function addProjectProgress(G: GameState, projectId: string, delta: number): void {
  const p = G.projects[projectId];
  if (!p || p.stage === 'producing') return;
  p.progress = round1(p.progress + delta);
  while (p.progress >= 100 && p.stage !== 'producing') {
    p.stage = PROJECT_STAGES[PROJECT_STAGES.indexOf(p.stage) + 1];
    p.progress = p.stage === 'producing' ? 0 : round1(p.progress - 100);
  }
  if (p.progress < 0) p.progress = 0;
}

export function addStake(G: GameState, projectId: string, seat: Seat, delta: number): number {
  const p = G.projects[projectId];
  if (!p || seat === 'russia') return 0;
  const others = Object.entries(p.stakes).reduce((sum, [s, v]) => (s === seat ? sum : sum + (v ?? 0)), 0);
  const current = p.stakes[seat] ?? 0;
  const next = clamp(current + delta, 0, 100 - others);
  p.stakes[seat] = round1(next);
  return next - current;
}

export function applyEffect(G: GameState, e: Effect): void {
  switch (e.type) {
    case 'trust':
      addTrust(G, e.from, e.to, e.delta);
      return;
    case 'rapport':
      addRapport(G, e.a, e.b, e.delta);
      return;
    case 'oil-price':
      G.oilPrice = round1(clamp(G.oilPrice + e.delta));
      return;
    case 'project-progress':
      addProjectProgress(G, e.project, e.delta);
      return;
    case 'project-stage': {
      const p = G.projects[e.project];
      if (p) {
        p.stage = e.stage;
        p.progress = 0;
      }
      return;
    }
    case 'project-stake':
      addStake(G, e.project, e.seat, e.delta);
      return;
    case 'position':
      setPosition(
        G,
        e.seat,
        e.rung !== undefined ? LADDER.indexOf(e.rung) : G.positions[e.seat] + (e.delta ?? 0),
      );
      return;
    case 'floor':
      // Scheduled events set positions freely (history may move them); a floor only binds later orders.
      G.floors[e.side] = LADDER.indexOf(e.rung);
      return;
    case 'garrison':
      for (const i of islandsOf(e.island))
        G.islands[i].garrison = clamp(G.islands[i].garrison + e.delta, 0, 10);
      return;
    case 'garrison-set':
      for (const i of islandsOf(e.island)) G.islands[i].garrison = e.level;
      return;
    case 'visa-free':
      G.visaFree = e.value;
      return;
    case 'joint-activities':
      for (const i of islandsOf(e.island)) {
        G.islands[i].jointActivities = clamp(G.islands[i].jointActivities + e.delta, 0, 3);
      }
      return;
    case 'fishing-tension':
      G.fishingTension = round1(clamp(G.fishingTension + e.delta));
      return;
    case 'pressure':
      addPressure(G, e.seat, e.delta);
      return;
    case 'capital':
      addCapital(G, e.seat, e.delta);
      return;
    case 'strain':
      addStrain(G, e.seat, e.delta);
      return;
    case 'alignment':
      G.alignment[e.key] = round1(clamp(G.alignment[e.key] + e.delta));
      return;
    case 'korea-ties':
      G.koreaTies[e.korea][e.partner] = round1(clamp(G.koreaTies[e.korea][e.partner] + e.delta));
      return;
    case 'economy':
      addEconomy(G, e.seat, e.delta);
      return;
    case 'leader':
      changeLeader(G, e.seat, e.name, e.rapportKept);
      return;
    case 'linkage':
      G.linkage = e.value;
      return;
    case 'flag':
      G.flags[e.flag] = e.value;
      return;
  }
}

function compare(a: number, op: '<' | '<=' | '>' | '>=', b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

export function islandsHeld(G: GameState, seat: 'russia' | 'japan'): number {
  return ISLANDS.filter((i) => G.islands[i].administrator === seat).length;
}

/** Whether a condition holds. A `chance` condition draws from the match PRNG. */
export function conditionHolds(G: GameState, c: Condition): boolean {
  switch (c.type) {
    case 'flag':
      return (G.flags[c.flag] ?? false) === c.value;
    case 'trust':
      return compare(G.trust[c.from][c.to], c.op, c.value);
    case 'rapport':
      return compare(rapport(G, c.a, c.b), c.op, c.value);
    case 'alignment':
      return compare(G.alignment[c.key], c.op, c.value);
    case 'position':
      return compare(G.positions[c.seat], c.op, LADDER.indexOf(c.rung));
    case 'pressure':
      return compare(G.domestic[c.seat].pressure, c.op, c.value);
    case 'economy':
      return compare(G.economy[c.seat], c.op, c.value);
    case 'oil-price':
      return compare(G.oilPrice, c.op, c.value);
    case 'fishing-tension':
      return compare(G.fishingTension, c.op, c.value);
    case 'korea-ties':
      return compare(G.koreaTies[c.korea][c.partner], c.op, c.value);
    case 'treaty':
      return (G.treaty?.status === 'ratified') === c.ratified;
    case 'islands-held':
      return compare(islandsHeld(G, c.seat), c.op, c.value);
    case 'project-stage': {
      const p = G.projects[c.project];
      return !!p && compare(PROJECT_STAGES.indexOf(p.stage), c.op, PROJECT_STAGES.indexOf(c.stage));
    }
    case 'project-stake': {
      const p = G.projects[c.project];
      return !!p && compare(p.stakes[c.seat] ?? 0, c.op, c.value);
    }
    case 'linkage':
      return G.linkage === c.value;
    case 'chance':
      return chance(G) < c.p;
  }
}

/** All conditions hold. Deterministic conditions are checked first so a failed one spends no random draw. */
export function allHold(G: GameState, conditions: readonly Condition[]): boolean {
  const ordered = [
    ...conditions.filter((c) => c.type !== 'chance'),
    ...conditions.filter((c) => c.type === 'chance'),
  ];
  return ordered.every((c) => conditionHolds(G, c));
}

/** Conditions judged without drawing (agendas at the end: a `chance` there counts as met). */
export function allHoldWithoutDraw(G: GameState, conditions: readonly Condition[]): boolean {
  return conditions.every((c) => c.type === 'chance' || conditionHolds(G, c));
}
