/**
 * Each actor's doctrine as the paper ascribes it (paper-facts §1), as rules over a seat's view: how much to favour
 * or refuse each policy action and proposal on top of the era's menu weights (scenario `menus`), and the one-line
 * reason a person reads. The historical bot samples from these; the strategist uses them to model the other seats.
 */
import type { ActionId, ProposalKind } from '../game/catalog';
import { FORMULA_RUNG, LADDER, isSeat, type Seat } from '../game/vocabulary';
import { LEVERS } from '../game/levers';
import { rapport } from '../game/effects';
import {
  allianceFear,
  energyInterdependence,
  ordersRevealedSince,
  russiaOutsideOptions,
} from '../game/resolution';
import { chinaThreat } from '../game/scoring';
import { scenarioOf, type GameState, type Proposal, type ProposalTerms } from '../game/state';
import { reason, type Reason, type ReasonArgs, type ReasonCode } from '../game/reasons';

/**
 * A multiplier on the menu weight (0 forbids) and the reason shown when the action is chosen: a code of
 * src/game/reasons.ts, worded from the catalogue's `reason.` keys where it is shown.
 */
export interface Stance {
  factor: number;
  reason: Reason;
}

const FORBID = (code: ReasonCode, args?: ReasonArgs): Stance => ({ factor: 0, reason: reason(code, args) });
const keep = (code: ReasonCode, factor = 1, args?: ReasonArgs): Stance => ({
  factor,
  reason: reason(code, args),
});

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
  if (!buyerOf(view, 'rok', project)) return FORBID('no-stake-buys-nothing');
  if (project && (view.projects[project]?.stakes.rok ?? 0) > 0) return keep('adds-to-stake');
  const ties = view.koreaTies.rok.russia;
  if (ties >= ROK_STAKE_TIES && share <= 5) return keep('rok-first-stake', 0.5, { ties: Math.round(ties) });
  return FORBID('rok-no-stake');
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
  else
    r +=
      (view.positions.russia >= FORMULA_RUNG['two-islands'] ? 0.5 : -0.25) +
      (usBackedCompromise(view) ? READINESS.usPermission : 0);
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
export const READINESS = {
  slope: 3,
  optionsNeutral: 0.45,
  raiseOffer: 0.15,
  softenDemand: 0.25,
  /**
   * Japan's readiness in a year after Washington backed a compromise: Tokyo had "no enough space ... to approach to
   * Russia without the U.S. permission" (DEVELOPMENT ll. 273–275). Design.
   */
  usPermission: 0.5,
} as const;

/** Whether the US ordered `back-compromise` in the last revealed year, this one or the one before. */
export function usBackedCompromise(view: GameState): boolean {
  return ordersRevealedSince(view, view.round - 1)?.us.some((o) => o.action === 'back-compromise') ?? false;
}

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
          return FORBID('never-abandons-linkage');
        case 'soften-demand':
          if (view.positions.japan > historicalJapanRung(view)) return keep('returns-to-demand');
          // Below its historical demand only toward an offer on the table: the 1956 two islands, never less.
          return view.positions.russia >= FORMULA_RUNG['two-islands'] &&
            view.positions.japan > FORMULA_RUNG['two-islands']
            ? keep('would-settle-1956', READINESS.softenDemand * readinessFactor(view, 'japan'))
            : FORBID('never-softens');
        case 'territories-campaign':
          return keep(
            'keeps-claim-alive',
            view.positions.russia >= FORMULA_RUNG['two-islands'] ? 1 / readinessFactor(view, 'japan') : 1,
          );
        case 'restore-linkage':
          return keep('restores-linkage', 6);
        case 'invest-project':
          if (!linkageHolds(view))
            return keep('invests-1956-offered', buyerOf(view, 'japan', target) ? 1.5 : 0.5);
          if (newApproach(view, target)) return keep('energy-first-rapport', 0.6);
          return japanHolds(view, target) ? keep('small-stake-held', 0.6) : FORBID('links-aid');
        case 'humanitarian-aid':
          return keep('humanitarian-aid', linkageHolds(view) ? 0.5 : 1);
        case 'follow-us-line':
          return keep('follows-us-line-alliance');
        case 'court-china':
          return keep('watches-china');
        case 'court-rok':
          return keep('mends-ties-seoul');
        default:
          return keep('by-doctrine', 1, { action });
      }
    case 'russia':
      switch (action) {
        case 'separate-economics':
          return keep('separates-economics', 1.3);
        case 'energy-card-japan':
          return keep('energy-card-japan', 1.2);
        case 'energy-card-china':
          return keep('energy-card-china', 1.2);
        case 'court-koreas':
          return keep('courts-koreas-option', 1.2);
        case 'raise-offer':
          // A preference, not a wall: rare under the recorded conditions, likely when the conditions are met.
          return recentIncident(view)
            ? FORBID('no-concession-incident')
            : keep(
                readinessFactor(view, 'russia') > 1 ? 'step-up-room' : 'step-up-rare',
                READINESS.raiseOffer * readinessFactor(view, 'russia'),
              );
        case 'harden-stance':
          return recentIncident(view)
            ? keep('hardens-incident', 3)
            : keep(
                'red-line',
                (view.positions.russia > LADDER.indexOf(scenarioOf(view).positions.russia.value)
                  ? 1.5
                  : 0.4) / readinessFactor(view, 'russia'),
              );
        case 'drawdown-garrison':
          return recentIncident(view) ? FORBID('no-olive-branch') : keep('olive-branch');
        case 'reinforce-garrison':
          return keep('war-compensation', recentIncident(view) ? 2 : 1);
        case 'offer-joint-development':
          return keep('develop-jointly');
        case 'border-crackdown':
          return keep('border-guards', recentIncident(view) ? 1.5 : 1);
        default:
          return keep('by-doctrine', 1, { action });
      }
    case 'china':
      switch (action) {
        case 'back-japan-claim':
          return rift ? keep('backs-japan-rift', 1.5) : FORBID('backs-japan-only-rift');
        case 'deepen-russia-ties':
          return keep('deepens-russia-ties', rift ? 0.3 : 1.2);
        case 'encourage-hard-line':
          return keep('encourages-hard-line');
        case 'court-koreas':
          // With a Russo-Japanese deal within reach China courts both Koreas, as far as the deal threatens it
          // (CHINA FACTOR ll. 805–806: "China is going to court to both South and North Korea").
          return view.positions.russia >= view.positions.japan
            ? keep('courts-koreas-against-deal', 1 + chinaThreat(view))
            : keep('courts-both-koreas');
        case 'invest-project':
          return buyerOf(view, 'china', target) ? keep('competes-energy') : FORBID('no-stake-buys-nothing');
        case 'court-japan':
          return keep('keeps-tokyo-close', rift ? 1.5 : 1);
        default:
          return keep('by-doctrine', 1, { action });
      }
    case 'us':
      switch (action) {
        case 'alliance-reassurance':
          return keep('reassures-alliance', 1.3);
        case 'impose-sanctions':
          return keep('sanctions-era');
        case 'ease-sanctions':
          return keep('eases-sanctions', 0.5);
        case 'press-japan':
          return keep('presses-tokyo');
        case 'engage-russia':
          return keep('engages-moscow');
        default:
          return keep('by-doctrine', 1, { action });
      }
    case 'rok':
      switch (action) {
        case 'outreach-moscow':
          // Seoul no longer sees Moscow as a lever on Pyongyang (CONCLUSION ll. 1052–1054); under Western
          // sanctions courting it costs ties with Washington (the order's own effect), so the doctrine holds back.
          return view.alignment.sanctions >= 20
            ? keep('distance-sanctioned-moscow', 0.5)
            : keep('outreach-moscow-partner', 1.2);
        case 'energy-imports':
          return keep('imports-energy', 1.2);
        case 'alliance-with-us':
          return keep('alliance-washington-first', 1.2);
        case 'invest-project':
          return rokStake(view, target, 0);
        case 'court-china':
          return keep('keeps-beijing-close');
        case 'mediation':
          return keep('mediates-north');
        default:
          return keep('by-doctrine', 1, { action });
      }
    case 'dprk':
      switch (action) {
        case 'seek-patron': {
          // Pyongyang puts more weight on Washington than on Moscow (CONCLUSION ll. 1056–1058) while the door is
          // open (ties with the US at DPRK_US_DOOR or more); with it shut it leans on its closest patron.
          const ties = view.koreaTies.dprk;
          const best = ties.russia >= ties.china ? 'russia' : 'china';
          const open = ties.us >= DPRK_US_DOOR;
          if (target === 'us') return open ? keep('seeks-washington', 2.5) : keep('washington-shut', 0.2);
          if (target === best) return keep('seeks-closest-patron', open ? 1 : 2, { seat: best });
          return isSeat(target)
            ? keep('seeks-patron-in', open ? 0.5 : 1, { seat: target })
            : keep('seeks-patron-elsewhere', open ? 0.5 : 1);
        }
        case 'provocation':
          return keep('provocation');
        case 'illicit-energy-trade':
          return keep('illicit-trade');
        default:
          return keep('by-doctrine', 1, { action });
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
  if (kind === 'aid' && seat === 'dprk') return FORBID('asks-aid-never-gives');
  if (kind === 'aid' && !AID_RECIPIENTS[seat].includes(to)) return FORBID('no-aid-to', { seat: to });
  if (kind === 'peace-treaty') {
    const rung = FORMULA_RUNG[terms.formula ?? 'none'];
    if (seat === 'russia') {
      if (rung > view.positions.russia) return FORBID('never-beyond-rung');
      return keep(rung <= 1 ? 'treaty-first' : 'treaty-own-terms', 1);
    }
    if (seat === 'japan') {
      if (rung < view.positions.japan) return FORBID('no-treaty-without-islands');
      return rung <= view.positions.russia
        ? keep('treaty-returns-islands', 3)
        : FORBID('moscow-would-not-sign');
    }
  }
  switch (seat) {
    case 'japan':
      if (to === 'russia' && (kind === 'aid' || kind === 'energy-stake')) {
        if (!linkageHolds(view)) return keep('economic-ties-islands-on-table');
        if (
          kind === 'energy-stake' &&
          (japanHolds(view, terms.project) || newApproach(view, terms.project)) &&
          (terms.share ?? 0) <= 5
        ) {
          return keep('small-stake-energy', 0.5);
        }
        return FORBID('links-aid');
      }
      if (kind === 'summit')
        return keep(to === 'russia' ? 'talks-islands-on-table' : 'summit-partner', to === 'russia' ? 1 : 0.3);
      if (kind === 'alliance-reassurance') return keep('alliance-first');
      if (kind === 'fishing-agreement') return keep('fishermen-safety', view.fishingTension > 40 ? 2 : 0.5);
      if (kind === 'joint-activities') return keep('joint-special-framework', 0.6);
      if (kind === 'visa-free') return keep('former-islanders');
      if (kind === 'energy-stake') return keep('energy-security');
      return keep('proposal-by-doctrine', 1, { kind });
    case 'russia':
      if (kind === 'energy-stake') {
        if (to === 'japan') return keep('japanese-capital', 1.2);
        return keep('outside-options', 1.2);
      }
      if (kind === 'summit')
        return keep(
          to === 'japan' ? 'talks-not-for-sale' : 'courts-neighbour',
          to === 'japan' || to === 'china' ? 1 : 0.5,
        );
      if (kind === 'joint-activities' || kind === 'visa-free') {
        return recentIncident(view) ? FORBID('no-gesture-incident') : keep('develop-jointly');
      }
      if (kind === 'aid') return keep('credit-neighbour', to === 'dprk' ? 1 : 0.3);
      if (kind === 'fishing-agreement') return keep('fishing-own-terms');
      return keep('proposal-by-doctrine', 1, { kind });
    case 'china':
      if (kind === 'summit')
        return keep(
          to === 'russia' ? 'summit-strategic-partner' : 'courts-neighbour',
          to === 'russia' ? 1.5 : 0.4,
        );
      if (kind === 'energy-stake')
        return buyerOf(view, 'china', terms.project)
          ? keep('competes-energy')
          : FORBID('no-stake-buys-nothing');
      if (kind === 'aid') return keep('aid-client', to === 'dprk' ? 1 : 0.2);
      return keep('proposal-by-doctrine', 1, { kind });
    case 'us':
      if (kind === 'sanctions-coordination') {
        return scenarioOf(view).menus.weights.us['impose-sanctions']
          ? keep('coordinates-sanctions')
          : FORBID('no-sanctions-era');
      }
      if (kind === 'alliance-reassurance') return keep('reassures-ally', to === 'japan' ? 1.2 : 1);
      if (kind === 'summit') return keep('summitry-passive', to === 'russia' ? 1 : 0.4);
      if (kind === 'aid') return keep('aid-transition', to === 'russia' ? 1 : 0.2);
      return keep('proposal-by-doctrine', 1, { kind });
    case 'rok':
      if (kind === 'summit')
        return keep(to === 'russia' ? 'outreach-moscow' : 'summit-neighbour', to === 'russia' ? 1.2 : 0.5);
      if (kind === 'energy-stake') return rokStake(view, terms.project, terms.share ?? 0);
      if (kind === 'alliance-reassurance') return keep('alliance-washington');
      if (kind === 'aid') return keep('economic-help', to === 'russia' ? 1 : 0.3);
      return keep('proposal-by-doctrine', 1, { kind });
    case 'dprk':
      if (kind === 'summit')
        return keep('seeks-patron', to === 'russia' || to === 'china' ? 1 : to === 'us' ? 0.5 : 0.1);
      return keep('proposal-by-doctrine', 1, { kind });
  }
}

/** The doctrine's answer to a proposal: accept with this probability, for this reason. Legality is the caller's. */
export function responseStance(view: GameState, seat: Seat, p: Proposal): { p: number; reason: Reason } {
  const from = p.from;
  const trust = view.trust[seat][from];
  switch (p.kind) {
    case 'peace-treaty': {
      const rung = FORMULA_RUNG[p.terms.formula ?? 'none'];
      if (seat === 'japan') {
        return rung >= view.positions.japan
          ? { p: 1, reason: { code: 'treaty-meets-demand' } }
          : { p: 0, reason: { code: 'no-treaty-without-islands' } };
      }
      if (seat === 'russia') {
        return rung <= view.positions.russia
          ? { p: 1, reason: { code: 'within-offer' } }
          : { p: 0, reason: { code: 'beyond-red-line' } };
      }
      return { p: 0, reason: { code: 'not-a-party' } };
    }
    case 'aid':
      return { p: 1, reason: { code: 'accepts-aid' } };
    case 'summit':
      if (seat === 'japan' && from === 'russia') return { p: 0.8, reason: { code: 'meets-islands-agenda' } };
      if (seat === 'russia' && from === 'japan') return { p: 0.8, reason: { code: 'meets-not-for-sale' } };
      return {
        p: trust >= 30 ? 0.8 : 0.4,
        reason: { code: trust >= 30 ? 'summit-partner' : 'little-gain-summit' },
      };
    case 'energy-stake':
      if (seat === 'russia') return { p: 0.9, reason: { code: 'japanese-capital' } };
      if (seat === 'japan') {
        if (!linkageHolds(view)) return { p: 0.8, reason: { code: 'economic-ties-islands-on-table' } };
        return (japanHolds(view, p.terms.project) || newApproach(view, p.terms.project)) &&
          (p.terms.share ?? 0) <= 10
          ? { p: 0.6, reason: { code: 'small-stake-energy' } }
          : { p: 0, reason: { code: 'links-aid' } };
      }
      if (seat === 'rok') {
        const stance = rokStake(view, p.terms.project, p.terms.share ?? 0);
        return { p: stance.factor > 0 ? 0.6 : 0, reason: stance.reason };
      }
      return buyerOf(view, seat, p.terms.project)
        ? { p: 0.8, reason: { code: 'secures-energy' } }
        : { p: 0.2, reason: { code: 'little-use-stake' } };
    case 'joint-activities':
      if (seat === 'russia')
        return recentIncident(view)
          ? { p: 0.1, reason: { code: 'no-gesture-incident' } }
          : { p: 0.6, reason: { code: 'develop-jointly' } };
      return { p: 0.5, reason: { code: 'joint-without-prejudice' } };
    case 'visa-free':
      return { p: 0.6, reason: { code: 'former-islanders' } };
    case 'fishing-agreement':
      return { p: 0.8, reason: { code: 'fishermen-safety' } };
    case 'sanctions-coordination':
      return seat === 'japan'
        ? { p: 0.7, reason: { code: 'follows-us-line' } }
        : { p: 0.6, reason: { code: 'coordinates-washington' } };
    case 'alliance-reassurance':
      return { p: 0.95, reason: { code: 'alliance-first' } };
  }
}

/** The historical choice of an event decision: its `default`. */
export const HISTORICAL_DECISION_REASON: Reason = { code: 'historical-choice' };
