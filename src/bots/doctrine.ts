/**
 * Each actor's doctrine as the paper ascribes it (paper-facts §1), as rules over a seat's view: how much to favour
 * or refuse each policy action and proposal on top of the era's menu weights (scenario `menus`), and the one-line
 * reason a person reads. The historical bot samples from these; the strategist uses them to model the other seats.
 */
import type { ActionId, ProposalKind } from '../game/catalog';
import { FORMULA_RUNG, LADDER, type Seat } from '../game/vocabulary';
import { LEVERS } from '../game/levers';
import { rapport } from '../game/effects';
import { allianceFear, energyInterdependence, russiaOutsideOptions } from '../game/resolution';
import { chinaThreat } from '../game/scoring';
import { scenarioOf, type GameState, type Proposal, type ProposalTerms } from '../game/state';

/** A multiplier on the menu weight (0 forbids) and the reason shown when the action is chosen. */
export interface Stance {
  factor: number;
  reason: string;
}

const FORBID = (reason: string): Stance => ({ factor: 0, reason });
const keep = (reason: string, factor = 1): Stance => ({ factor, reason });

/**
 * Japan's historical demand: the rung the era starts from, or the lower rung a declaration has since set (Singapore
 * 2018: talks on the 1956 basis). It softens only when an event or a declaration says so, and never walks a
 * declaration back.
 */
export function historicalJapanRung(view: GameState): number {
  return Math.min(LADDER.indexOf(scenarioOf(view).positions.japan.value), view.floors.japan);
}

/**
 * Whom each government gave economic aid to in the eras played; any other aid is one no government of the era gave.
 * Japan to Russia (paper, YELTSIN AND JAPAN › Progress, ll. 410–411: "a potential source of aid and investment") and
 * to China (Japanese ODA to China from 1979, Ministry of Foreign Affairs of Japan, ODA White Paper); the US to Russia
 * (FREEDOM Support Act, 1992); the ROK to the USSR (the $3 billion credit agreed in January 1991); China and
 * Russia to the DPRK, its patrons (paper, INTRODUCTION, ll. 30–31: "Kim Jong Un's closest ally was Putin, not Xi").
 */
const AID_RECIPIENTS: Readonly<Record<Seat, readonly Seat[]>> = {
  japan: ['russia', 'china'],
  us: ['russia'],
  rok: ['russia'],
  china: ['dprk'],
  russia: ['dprk'],
  dprk: [],
};

/**
 * Ties with Moscow (0-100, the game's scale) at which the ROK bot would take a first small stake in a Russian project:
 * no Seoul government did in the eras played (Yamal LNG, Arctic LNG 2, Sakhalin-1 and -2 have no Korean
 * shareholder), so only ties beyond any era's level are an in-game reason. Design.
 */
export const ROK_STAKE_TIES = 75;

/** The ROK's stance on a stake in a Russian project: only one it holds, or a small first one under exceptional ties. */
function rokStake(view: GameState, project: string | undefined, share: number): Stance {
  if (!buyerOf(view, 'rok', project)) return FORBID('no stake where it buys nothing');
  if (project && (view.projects[project]?.stakes.rok ?? 0) > 0)
    return keep('adds to a stake it already holds');
  const ties = view.koreaTies.rok.russia;
  if (ties >= ROK_STAKE_TIES && share <= 5)
    return keep(`a first small stake: ties with Moscow at ${ties}, beyond any era's`, 0.5);
  return FORBID('imports Russian energy, takes no stake: no Seoul government bought into a Russian project');
}

const INCIDENT_EVENTS = new WeakMap<object, Set<string>>();

/** Ids of the era's events and wildcards that are Russo-Japanese incidents (cached per scenario object). */
function incidentEvents(view: GameState): Set<string> {
  const s = scenarioOf(view);
  let ids = INCIDENT_EVENTS.get(s);
  if (!ids) {
    ids = new Set(
      [...s.events, ...s.wildcards.deck]
        .filter(
          (e) =>
            e.incident &&
            [e.incident.wronged, e.incident.offender].includes('russia') &&
            [e.incident.wronged, e.incident.offender].includes('japan'),
        )
        .map((e) => e.id),
    );
    INCIDENT_EVENTS.set(s, ids);
  }
  return ids;
}

/** Whether a bilateral incident (a shooting, a cancelled visit, a collapsed treaty) hit Russo-Japanese ties lately. */
export function recentIncident(view: GameState): boolean {
  const since = view.round - 1;
  const ids = incidentEvents(view);
  for (let i = view.news.length - 1; i >= 0 && view.news[i].round >= since; i--) {
    if (ids.has(view.news[i].eventId)) return true;
  }
  for (let i = view.log.length - 1; i >= 0 && view.log[i].round >= since; i--) {
    const kind = view.log[i].kind;
    if (kind === 'fishing-incident' || kind === 'treaty-not-ratified') return true;
  }
  return false;
}

/**
 * How ready a side is to concede, as the paper's conditions add up (0 is about each era's recorded conditions):
 * the leader's room at home (capital over pressure, §2.4), trust in the other side and leader rapport (§2.1, §2.6),
 * and for Russia its outside options (weak ones raise it: §2.5, CONCLUSION ll. 1022–1024), its fear of the US–Japan
 * alliance (INTRODUCTION ll. 42–44) and Japan's economic engagement (energy it buys, the linkage dropped: §2.2); for Japan a Russian offer of the 1956 two islands, which
 * it "would most likely settle for" (PROSPECTS ll. 957–959). Each term is on a -1..1 scale.
 */
export function concessionReadiness(view: GameState, seat: 'russia' | 'japan'): number {
  const other = seat === 'russia' ? 'japan' : 'russia';
  const d = view.domestic[seat];
  // Rapport counts half: the best rapport ever "could not move forward" alone (PROSPECTS ll. 947–948).
  let r =
    (d.capital - d.pressure) / 100 +
    (view.trust[seat][other] - 50) / 100 +
    (rapport(view, 'russia', 'japan') - 50) / 200;
  if (seat === 'russia')
    r +=
      READINESS.optionsNeutral -
      russiaOutsideOptions(view) -
      (LEVERS.alignment.allianceFear * allianceFear(view)) / 100 +
      energyInterdependence(view) / 2 +
      (view.linkage ? 0 : 0.25);
  else r += view.positions.russia >= FORMULA_RUNG['two-islands'] ? 0.5 : -0.25;
  return r;
}

/**
 * The DPRK's ties with Washington at which the door counts as open: any contact at all (every era starts at 10, no
 * relations but talks possible; a door held shut is below). Design.
 */
export const DPRK_US_DOOR = 5;

/**
 * How steeply readiness turns a rare concession into a likely one: the doctrine's stance on raising the offer (or
 * softening the demand) is its historical factor × e^(slope × readiness), and hardening the reverse. With the
 * recorded conditions (readiness about -0.2 to 0.3) a step stays rare; a free leader without outside options, or
 * one courted at the 1956 formula (readiness 1 or more), takes it most years. Design (paper-facts §6 Q5).
 */
export const READINESS = { slope: 3, optionsNeutral: 0.45, raiseOffer: 0.15, softenDemand: 0.25 } as const;

const readinessFactor = (view: GameState, seat: 'russia' | 'japan') =>
  Math.exp(READINESS.slope * concessionReadiness(view, seat));

/** Japan links aid and stakes to the islands unless Russia offers at least the 1956 two islands. */
export function linkageHolds(view: GameState): boolean {
  return view.linkage && view.positions.russia < FORMULA_RUNG['two-islands'];
}

/**
 * Leader rapport at which Japan invests in energy it buys even while the linkage holds: Abe's "new approach", under
 * which Japanese money reached Yamal despite sanctions (paper-facts §4 claim 16), the islands still on the table.
 */
export const NEW_APPROACH_RAPPORT = 60;

function newApproach(view: GameState, project: string | undefined): boolean {
  return rapport(view, 'russia', 'japan') >= NEW_APPROACH_RAPPORT && buyerOf(view, 'japan', project);
}

function japanHolds(view: GameState, project: string | undefined): boolean {
  return !!project && (view.projects[project]?.stakes.japan ?? 0) > 0;
}

function buyerOf(view: GameState, seat: Seat, project: string | undefined): boolean {
  return !!project && scenarioOf(view).projects.some((p) => p.id === project && p.buyers.includes(seat));
}

/** The doctrine's stance on one policy order for a seat in the current view. */
export function orderStance(view: GameState, seat: Seat, action: ActionId, target?: string): Stance {
  const rift = view.alignment.sinoRussian < LEVERS.alignment.riftBelow;
  switch (seat) {
    case 'japan':
      switch (action) {
        case 'abandon-linkage':
          return FORBID('never abandons seikei fukabun');
        case 'soften-demand':
          if (view.positions.japan > historicalJapanRung(view))
            return keep('returns to its historical demand');
          // Below its historical demand only toward an offer on the table: the 1956 two islands, never less.
          return view.positions.russia >= FORMULA_RUNG['two-islands'] &&
            view.positions.japan > FORMULA_RUNG['two-islands']
            ? keep(
                'would settle for the 1956 declaration, with room at home to do so',
                READINESS.softenDemand * readinessFactor(view, 'japan'),
              )
            : FORBID('never softens below its historical demand without the 1956 islands on offer');
        case 'territories-campaign':
          return keep(
            'keeps the Northern Territories claim alive',
            view.positions.russia >= FORMULA_RUNG['two-islands'] ? 1 / readinessFactor(view, 'japan') : 1,
          );
        case 'restore-linkage':
          return keep('restores the linkage: seikei fukabun', 6);
        case 'invest-project':
          if (!linkageHolds(view))
            return keep(
              'invests now that Russia offers the 1956 islands',
              buyerOf(view, 'japan', target) ? 1.5 : 0.5,
            );
          if (newApproach(view, target))
            return keep("energy first under the leaders' rapport, the islands still on the table", 0.6);
          return japanHolds(view, target)
            ? keep('small stake in a project it already holds', 0.6)
            : FORBID('links aid to the islands: seikei fukabun');
        case 'humanitarian-aid':
          return keep('humanitarian aid, kept apart from the dispute', linkageHolds(view) ? 0.5 : 1);
        case 'follow-us-line':
          return keep('follows the US line: the alliance first');
        case 'court-china':
          return keep('watches China first; keeps ties open');
        case 'court-rok':
          return keep('mends ties with Seoul');
        default:
          return keep(`${action} by doctrine`);
      }
    case 'russia':
      switch (action) {
        case 'separate-economics':
          return keep('separates economics from politics', 1.3);
        case 'energy-card-japan':
          return keep('plays the energy card toward Japan: capital without land', 1.2);
        case 'energy-card-china':
          return keep('plays the energy card toward China: the outside option', 1.2);
        case 'court-koreas':
          return keep('courts the Koreas: another outside option', 1.2);
        case 'raise-offer':
          // A preference, not a wall: rare under the recorded conditions, likely when the conditions are met.
          return recentIncident(view)
            ? FORBID('no concession after an incident')
            : keep(
                readinessFactor(view, 'russia') > 1
                  ? 'a step up the ladder: room at home, few outside options'
                  : 'a rare step up the ladder',
                READINESS.raiseOffer * readinessFactor(view, 'russia'),
              );
        case 'harden-stance':
          return recentIncident(view)
            ? keep('hardens after the incident', 3)
            : keep(
                'red line: Japan should drop its claim',
                (view.positions.russia > LADDER.indexOf(scenarioOf(view).positions.russia.value)
                  ? 1.5
                  : 0.4) / readinessFactor(view, 'russia'),
              );
        case 'drawdown-garrison':
          return recentIncident(view)
            ? FORBID('no olive branch after an incident')
            : keep('an olive branch: troop drawdown');
        case 'reinforce-garrison':
          return keep('the islands are war compensation, not territory', recentIncident(view) ? 2 : 1);
        case 'offer-joint-development':
          return keep('develop the Kurils jointly, keep sovereignty');
        case 'border-crackdown':
          return keep('border guards enforce the sea frontier', recentIncident(view) ? 1.5 : 1);
        default:
          return keep(`${action} by doctrine`);
      }
    case 'china':
      switch (action) {
        case 'back-japan-claim':
          return rift
            ? keep("in a rift with Moscow, backs Japan's claim as in 1964", 1.5)
            : FORBID('backs Japan only in a rift');
        case 'deepen-russia-ties':
          return keep('deepens ties with Russia', rift ? 0.3 : 1.2);
        case 'encourage-hard-line':
          return keep("encourages Japan's hard line: the stalemate serves China");
        case 'court-koreas':
          // With a Russo-Japanese deal within reach China courts both Koreas, as far as the deal threatens it
          // (CHINA FACTOR ll. 805–806: "China is going to court to both South and North Korea").
          return view.positions.russia >= view.positions.japan
            ? keep('courts both Koreas against a Russo-Japanese deal', 1 + chinaThreat(view))
            : keep('courts both Koreas');
        case 'invest-project':
          return buyerOf(view, 'china', target)
            ? keep('competes for Russian energy')
            : FORBID('no stake where it buys nothing');
        case 'court-japan':
          return keep('keeps Tokyo close to balance Moscow', rift ? 1.5 : 1);
        default:
          return keep(`${action} by doctrine`);
      }
    case 'us':
      switch (action) {
        case 'alliance-reassurance':
          return keep('reassures the alliance', 1.3);
        case 'impose-sanctions':
          return keep('sanctions where the era has them');
        case 'ease-sanctions':
          return keep('eases sanctions in a thaw', 0.5);
        case 'press-japan':
          return keep('presses Tokyo to follow the US line');
        case 'engage-russia':
          return keep('engages Moscow, passive on the islands');
        default:
          return keep(`${action} by doctrine`);
      }
    case 'rok':
      switch (action) {
        case 'outreach-moscow':
          // Seoul no longer sees Moscow as a lever on Pyongyang (CONCLUSION ll. 1052–1054); under Western
          // sanctions courting it costs ties with Washington (the order's own effect), so the doctrine holds back.
          return view.alignment.sanctions >= 20
            ? keep('keeps its distance from a sanctioned Moscow', 0.5)
            : keep('outreach to Moscow: an alternative partner', 1.2);
        case 'energy-imports':
          return keep('imports Russian energy', 1.2);
        case 'alliance-with-us':
          return keep('the alliance with Washington first', 1.2);
        case 'invest-project':
          return rokStake(view, target, 0);
        case 'court-china':
          return keep('keeps Beijing close');
        case 'mediation':
          return keep('mediates with the North');
        default:
          return keep(`${action} by doctrine`);
      }
    case 'dprk':
      switch (action) {
        case 'seek-patron': {
          // Pyongyang puts more weight on Washington than on Moscow (CONCLUSION ll. 1056–1058) while the door is
          // open (ties with the US at DPRK_US_DOOR or more); with it shut it leans on its closest patron.
          const ties = view.koreaTies.dprk;
          const best = ties.russia >= ties.china ? 'russia' : 'china';
          const open = ties.us >= DPRK_US_DOOR;
          if (target === 'us')
            return open
              ? keep('seeks Washington first: relief from isolation', 2.5)
              : keep('Washington is shut: a long shot', 0.2);
          if (target === best) return keep(`seeks its closest patron (${best})`, open ? 1 : 2);
          return keep(`seeks a patron in ${target ?? 'another capital'}`, open ? 0.5 : 1);
        }
        case 'provocation':
          return keep('a provocation to be noticed');
        case 'illicit-energy-trade':
          return keep('illicit energy trade to survive');
        default:
          return keep(`${action} by doctrine`);
      }
  }
}

/** The doctrine's stance on making a proposal (the menu weight of its kind is applied by the caller). */
export function proposalStance(
  view: GameState,
  seat: Seat,
  to: Seat,
  kind: ProposalKind,
  terms: ProposalTerms,
): Stance {
  if (kind === 'aid' && seat === 'dprk') return FORBID('asks for aid, never gives it');
  if (kind === 'aid' && !AID_RECIPIENTS[seat].includes(to))
    return FORBID(`no aid to ${to}: no government of the era gave it`);
  if (kind === 'peace-treaty') {
    const rung = FORMULA_RUNG[terms.formula ?? 'none'];
    if (seat === 'russia') {
      if (rung > view.positions.russia) return FORBID('never offers beyond its rung');
      return keep(
        rung <= 1 ? 'a peace treaty first, the islands later' : 'offers a treaty on its own terms',
        1,
      );
    }
    if (seat === 'japan') {
      if (rung < view.positions.japan) return FORBID('no treaty without the islands');
      return rung <= view.positions.russia
        ? keep('a treaty that returns the islands', 3)
        : FORBID('Moscow would not sign it');
    }
  }
  switch (seat) {
    case 'japan':
      if (to === 'russia' && (kind === 'aid' || kind === 'energy-stake')) {
        if (!linkageHolds(view)) return keep('economic ties now that the islands are on the table');
        if (
          kind === 'energy-stake' &&
          (japanHolds(view, terms.project) || newApproach(view, terms.project)) &&
          (terms.share ?? 0) <= 5
        ) {
          return keep('small stake in energy it buys, the islands still on the table', 0.5);
        }
        return FORBID('links aid to the islands: seikei fukabun');
      }
      if (kind === 'summit')
        return keep(
          to === 'russia' ? 'talks, the islands on the table' : 'a summit with a partner',
          to === 'russia' ? 1 : 0.3,
        );
      if (kind === 'alliance-reassurance') return keep('the alliance first');
      if (kind === 'fishing-agreement')
        return keep('safety for its fishermen', view.fishingTension > 40 ? 2 : 0.5);
      if (kind === 'joint-activities') return keep('joint activities under a special framework', 0.6);
      if (kind === 'visa-free') return keep('visits for former islanders');
      if (kind === 'energy-stake') return keep('energy security');
      return keep(`${kind} by doctrine`);
    case 'russia':
      if (kind === 'energy-stake') {
        if (to === 'japan') return keep('Japanese capital without a territorial price', 1.2);
        return keep('keeps China and the ROK as outside options', 1.2);
      }
      if (kind === 'summit')
        return keep(
          to === 'japan' ? 'talks, but the islands are not for sale' : 'courts a neighbour',
          to === 'japan' || to === 'china' ? 1 : 0.5,
        );
      if (kind === 'joint-activities' || kind === 'visa-free') {
        return recentIncident(view)
          ? FORBID('no gesture after an incident')
          : keep('develop the Kurils jointly, keep sovereignty');
      }
      if (kind === 'aid') return keep('credit to a neighbour', to === 'dprk' ? 1 : 0.3);
      if (kind === 'fishing-agreement') return keep('fishing rules on its terms');
      return keep(`${kind} by doctrine`);
    case 'china':
      if (kind === 'summit')
        return keep(
          to === 'russia' ? 'a summit with its strategic partner' : 'courts a neighbour',
          to === 'russia' ? 1.5 : 0.4,
        );
      if (kind === 'energy-stake')
        return buyerOf(view, 'china', terms.project)
          ? keep('competes for Russian energy')
          : FORBID('buys nothing there');
      if (kind === 'aid') return keep('aid to a client', to === 'dprk' ? 1 : 0.2);
      return keep(`${kind} by doctrine`);
    case 'us':
      if (kind === 'sanctions-coordination') {
        return scenarioOf(view).menus.weights.us['impose-sanctions']
          ? keep('coordinates sanctions with allies')
          : FORBID('no sanctions in this era');
      }
      if (kind === 'alliance-reassurance') return keep('reassures an ally', to === 'japan' ? 1.2 : 1);
      if (kind === 'summit') return keep('summitry, passive on the dispute', to === 'russia' ? 1 : 0.4);
      if (kind === 'aid') return keep('aid to a transition', to === 'russia' ? 1 : 0.2);
      return keep(`${kind} by doctrine`);
    case 'rok':
      if (kind === 'summit')
        return keep(
          to === 'russia' ? 'outreach to Moscow' : 'a summit with a neighbour',
          to === 'russia' ? 1.2 : 0.5,
        );
      if (kind === 'energy-stake') return rokStake(view, terms.project, terms.share ?? 0);
      if (kind === 'alliance-reassurance') return keep('the alliance with Washington');
      if (kind === 'aid') return keep('economic help', to === 'russia' ? 1 : 0.3);
      return keep(`${kind} by doctrine`);
    case 'dprk':
      if (kind === 'summit')
        return keep('seeks a patron', to === 'russia' || to === 'china' ? 1 : to === 'us' ? 0.5 : 0.1);
      return keep(`${kind} by doctrine`);
  }
}

/** The doctrine's answer to a proposal: accept with this probability, for this reason. Legality is the caller's. */
export function responseStance(view: GameState, seat: Seat, p: Proposal): { p: number; reason: string } {
  const from = p.from;
  const trust = view.trust[seat][from];
  switch (p.kind) {
    case 'peace-treaty': {
      const rung = FORMULA_RUNG[p.terms.formula ?? 'none'];
      if (seat === 'japan') {
        return rung >= view.positions.japan
          ? { p: 1, reason: 'the treaty returns what Japan demands' }
          : { p: 0, reason: 'no treaty without the islands' };
      }
      if (seat === 'russia') {
        return rung <= view.positions.russia
          ? { p: 1, reason: 'within its offer' }
          : { p: 0, reason: 'beyond its red line' };
      }
      return { p: 0, reason: 'not a party' };
    }
    case 'aid':
      return { p: 1, reason: 'accepts the aid' };
    case 'summit':
      if (seat === 'japan' && from === 'russia')
        return { p: 0.8, reason: 'meets, the islands on the agenda' };
      if (seat === 'russia' && from === 'japan')
        return { p: 0.8, reason: 'meets, but the islands are not for sale' };
      return {
        p: trust >= 30 ? 0.8 : 0.4,
        reason: trust >= 30 ? 'a summit with a partner' : 'little to gain from a summit',
      };
    case 'energy-stake':
      if (seat === 'russia') return { p: 0.9, reason: 'capital without a territorial price' };
      if (seat === 'japan') {
        if (!linkageHolds(view))
          return { p: 0.8, reason: 'energy ties now that the islands are on the table' };
        return (japanHolds(view, p.terms.project) || newApproach(view, p.terms.project)) &&
          (p.terms.share ?? 0) <= 10
          ? { p: 0.6, reason: 'small stake in energy it buys, the islands still on the table' }
          : { p: 0, reason: 'links aid to the islands: seikei fukabun' };
      }
      if (seat === 'rok') {
        const stance = rokStake(view, p.terms.project, p.terms.share ?? 0);
        return { p: stance.factor > 0 ? 0.6 : 0, reason: stance.reason };
      }
      return buyerOf(view, seat, p.terms.project)
        ? { p: 0.8, reason: 'secures Russian energy' }
        : { p: 0.2, reason: 'little use for that stake' };
    case 'joint-activities':
      if (seat === 'russia')
        return recentIncident(view)
          ? { p: 0.1, reason: 'no gesture after an incident' }
          : { p: 0.6, reason: 'joint development, sovereignty kept' };
      return { p: 0.5, reason: 'joint activities without prejudice to the claim' };
    case 'visa-free':
      return { p: 0.6, reason: 'exchange for former islanders' };
    case 'fishing-agreement':
      return { p: 0.8, reason: 'safer waters for fishermen' };
    case 'sanctions-coordination':
      return seat === 'japan'
        ? { p: 0.7, reason: 'follows the US line' }
        : { p: 0.6, reason: 'coordinates with Washington' };
    case 'alliance-reassurance':
      return { p: 0.95, reason: 'the alliance first' };
  }
}

/** The historical choice of an event decision: its `default`. */
export const HISTORICAL_DECISION_REASON = 'the historical choice';
