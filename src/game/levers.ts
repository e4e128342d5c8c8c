/**
 * The balance table: the rates, caps, steps and thresholds by which the levers move. Scenario files hold the
 * historical levels; what each policy action and accepted proposal does lives beside this, as data, in
 * `action-effects.ts` (its one-off numbers written in the table, the shared ones taken from here). Golden tests pin
 * both: tests/golden.test.ts the resolution formulas, tests/golden-table.test.ts every action and proposal kind, so a
 * change shows as a reviewable diff of numbers.
 *
 * Directions follow the paper (paper-facts §2 "what raises it / what lowers it"); magnitudes are game design, since
 * the paper gives no scales (paper-facts §6 Q5).
 */
export const LEVERS = {
  trust: {
    /** Share of the gap to the era's baseline closed each year (GAME.md: trust drifts toward the baseline). */
    drift: 0.12,
    /** Most trust one seat can gain in another within one round: "it rises only gradually" (§6 Q3). */
    riseCapPerRound: 6,
    /** An incident's severity hits the wronged side fully and the other side by this share. */
    incidentEcho: 0.6,
  },
  rapport: {
    decay: 0.05,
    summit: 12,
    /** Rapport of a pair falls to this share of itself when one of the leaders changes, unless the event says. */
    leaderChangeKept: 0.35,
  },
  fishing: {
    baseline: 30,
    drift: 0.1,
    crackdown: 15,
    agreement: -20,
    /** Above this tension a shooting incident may happen each year (paper: border guards fired "many times"). */
    incidentAbove: 55,
    incidentSeverity: 8,
  },
  projects: {
    /** Progress each year from Russia's own effort, before multipliers. */
    baseProgress: 4,
    investProgress: 14,
    investStake: 5,
    energyCardProgress: 10,
    separationProgress: 8,
    /** Japanese contributions are multiplied by this while the linkage holds and Russia offers less than two islands. */
    linkageFactor: 0.4,
    /** Output moves this share of the way to its target each year once producing. */
    rampUp: 0.25,
    /** Output target is capacity × (floor + buyers' mean trust in Russia / 100), at most capacity. */
    outputFloor: 0.35,
    /** Investment progress is multiplied by 1 − sanctions / this, for every investor but China. */
    sanctionsDragScale: 250,
  },
  oil: { drift: 0.15, noise: 6 },
  economy: {
    energyRevenue: 0.05,
    energyBuyer: 0.025,
    tradePerTrust: 0.01,
    sanctionsOnRussia: 0.03,
    oilExporter: 0.02,
    oilImporter: 0.01,
    drift: 0.05,
  },
  domestic: {
    capitalRecovery: 3,
    capitalTarget: 60,
    pressureDrift: 0.1,
    /** Backlash chance = (strain × pressure / 50 − capital × share) / scale, clamped. */
    backlashCapitalShare: 0.5,
    backlashScale: 40,
    backlashMax: 0.9,
    backlashCapitalLoss: 15,
    backlashPressureGain: 5,
    /** Below this capital after a backlash, the leader falls. */
    leaderFallsBelow: 12,
    newLeaderCapital: 50,
  },
  concession: {
    raiseOffer: 18,
    softenDemand: 18,
    abandonLinkage: 20,
    abandonLinkagePressure: 15,
    drawdown: 6,
    jointActivities: 6,
    visaFree: 5,
    /** Strain per ladder rung of a signed treaty formula, on both sides. */
    treatyPerRung: 12,
  },
  treaty: {
    /** Chance that one side fails to ratify = base + (pressure − capital) / 100, clamped to [min, max]. */
    ratifyFailBase: 0.35,
    ratifyFailMin: 0.1,
    ratifyFailMax: 0.95,
    collapseSeverity: 12,
  },
  alignment: {
    drift: 0.06,
    /** Below this Sino-Russian level China backs Japan's claim, as in 1964 (paper-facts §4 claim 12). */
    riftBelow: 25,
    /** China may back Japan's claim (an order) while Sino-Russian stands less than this above the rift. */
    backClaimMargin: 10,
    step: 8,
  },
  koreaTies: { drift: 0.05, step: 8 },
  proposals: {
    maxOpenPerSeat: 4,
    maxPerSeatPerRound: 8,
    /** Economy moved per unit of aid (1–3 units). */
    aidUnit: 2,
    /** Trust the recipient gains per unit of aid. */
    aidTrust: 3,
    /** Japanese aid to Russia while the linkage binds buys only this share of the trust (and eases the pressure). */
    aidLinkedTrustShare: 0.5,
    aidLinkedPressure: -2,
    stakeMin: 5,
    stakeMax: 25,
    /** Buying a stake costs the investor's economy the share bought / this, and adds share / revenue to Russia's. */
    stakeCostDivisor: 5,
    stakeRevenueDivisor: 10,
  },
  messages: { maxPerSeatPerRound: 30, privateMaxChars: 500, statementMaxChars: 280 },
  score: {
    islandRussia: 4,
    islandJapan: 8,
    energyShare: 0.3,
    energyBuyer: 0.1,
    economy: 0.25,
  },
} as const;
