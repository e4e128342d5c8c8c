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
    /**
     * Points the Russo-Japanese trust baselines rise, both ways, when all of the era's energy capacity flows to
     * Japan (scaled by the share that does): interdependence builds confidence slowly (design; paper-facts §2.1
     * "what raises it" and §2.2, YELTSIN › Progress ll. 443–444: ties "continued to expand ..., albeit slowly").
     */
    interdependence: 10,
    /**
     * An incident costs its full severity while the wronged side's trust is at or below this, less above it, and
     * nothing once trust reaches `incidentHealedAt`: the mistrust "will continue to haunt in every conflict" (PROSPECTS
     * ll. 977–978), so a conflict bites through the mistrust there is, and trust built gradually blunts it (design).
     */
    incidentFullBelow: 25,
    incidentHealedAt: 55,
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
    /**
     * Yearly progress Japanese business adds to each project Japan buys once Tokyo drops the linkage, at Japan's
     * trust in Russia of 50 (resolution.ts `japaneseBusinessFlow`; IMPLICATIONS ll. 867–869). Design.
     */
    japaneseBusiness: 10,
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
    /**
     * Points of pressure against compromise that each point of trust above the era's baseline, and each point of
     * leader rapport above 50, take off the level pressure drifts back to: goodwill gives a leader room at home,
     * but little (paper-facts §2.4 and §2.6; PROSPECTS ll. 947–948: rapport alone "could not move forward").
     */
    goodwillRoom: 0.15,
  },
  outsideOptions: {
    /**
     * Russia's outside options (Sino-Russian alignment, ties with Seoul, the oil price, averaged 0-1) at which they
     * neither add to nor take from the domestic cost of conceding (design: between the Yeltsin and Abe levels).
     */
    neutral: 0.45,
    /**
     * Points of Russian pressure against a concession per point (0-100 scale) of outside options above neutral:
     * with China and the ROK as partners, yielding islands for Japanese money costs more at home (paper-facts §2.5
     * and §4 claim 9, CONCLUSION ll. 1022–1024; oil: §2.2, GORBACHEV ll. 313–315).
     */
    pressure: 0.5,
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
    /**
     * Added to Japan's chance of failing to ratify, at Japan–China ties of 100, in a year China encourages Japan's
     * hard line: Beijing wanted no Japanese compromise over the Kurils (CHINA FACTOR ll. 710–713, 763–765), and it is
     * heard in Tokyo as far as Tokyo is close to Beijing (ll. 752–755, Beijing–Tokyo collaboration). Design.
     */
    chinaSway: 0.6,
  },
  alignment: {
    drift: 0.06,
    /** Below this Sino-Russian level China backs Japan's claim, as in 1964 (paper-facts §4 claim 12). */
    riftBelow: 25,
    /** China may back Japan's claim (an order) while Sino-Russian stands less than this above the rift. */
    backClaimMargin: 10,
    step: 8,
    /**
     * Points of Russian pressure against a concession at the strongest US–Japan alliance and no Russian trust in
     * Washington: islands returned to an ally of the US could host its forces (INTRODUCTION ll. 42–44: relations
     * "not favorable ... because of both Japan- the United States military alliance and Kuril Issues"). Design.
     */
    allianceFear: 15,
    /**
     * A US that backs a compromise on the islands (`back-compromise`), the "positive step" the paper says the West
     * will not take (PROSPECTS ll. 968–970): Moscow's trust in Washington gained by its assurance, which lowers its
     * fear of the alliance; the pressure on Tokyo it lifts, Japan having had "no enough space ... to approach to
     * Russia without the U.S. permission" (DEVELOPMENT ll. 273–275); and the alliance points it costs, the US
     * "fearing that it would undermine their positions" (ll. 969–970). Design.
     */
    brokerAssurance: 6,
    brokerRoom: 8,
    brokerCost: 8,
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
    /** Share of an island's worth Russia's score loses while its standing offer promises it (scoring.ts). */
    offerShare: 0.5,
    islandJapan: 8,
    energyShare: 0.3,
    energyBuyer: 0.1,
    economy: 0.25,
    /** The most a Russo-Japanese rapprochement can threaten China, in multiples of its threat at 1 (scoring.ts). */
    chinaThreatCap: 2,
    /** Japan–China ties at which Beijing no longer fears encirclement by a Russo-Japanese deal (scoring.ts). */
    chinaDetente: 80,
    /** What backing Japan's claim is worth to China at the deepest Sino-Russian rupture (scoring.ts). */
    chinaRiftLeverage: 6,
    /**
     * A secret agenda missed at the end costs this share of its bonus (scoring.ts `agendaScore`): ambition is a bet,
     * so a seat that aims high and fails ends below one that chose a goal within reach.
     */
    agendaMissShare: 0.5,
    /**
     * The US's stake per ladder rung by which Japan's demand and Russia's offer have come closer than at the start
     * (scoring.ts): 0, since the paper gives it none either way (a deal hurts China, "not the U.S.", CHINA FACTOR
     * ll. 815–817); claim 10's control gives it one.
     */
    usSettlement: 0,
  },
} as const;

/** A plausible range for one balance number: low, high, and why (`validate --sensitivity` samples within it). */
export type LeverRange = readonly [low: number, high: number, reason: string];

/**
 * Every number of LEVERS with the range the paper leaves open (it gives directions, never magnitudes: paper-facts
 * §6 Q5). A range of one value marks an interface limit, not a balance number; sensitivity runs keep it fixed.
 * tests/lever-ranges.test.ts checks every numeric leaf has a range that contains its value.
 */
export const LEVER_RANGES: Readonly<Record<string, LeverRange>> = {
  'trust.drift': [0.06, 0.2, 'mistrust is "genetic": baselines pull back within 4–15 years'],
  'trust.riseCapPerRound': [3, 10, 'trust "rises only gradually": a few points a year, never a jump'],
  'trust.incidentEcho': [0.3, 0.9, 'the wrongdoer also cools, but less than the wronged side'],
  'trust.interdependence': [0, 20, 'energy ties raise confidence slowly, never to "high" (claim 6)'],
  'trust.incidentFullBelow': [
    15,
    35,
    'at the mistrust of the Soviet and Yeltsin years an incident bites in full',
  ],
  'trust.incidentHealedAt': [
    45,
    70,
    'trust above the best era’s level (Abe’s, about 40) shrugs an incident off',
  ],
  'rapport.decay': [0.02, 0.1, 'personal ties fade over a decade unless renewed by summits'],
  'rapport.summit': [6, 20, 'one summit moves rapport noticeably; a handful reach Putin–Abe levels'],
  'rapport.leaderChangeKept': [
    0.15,
    0.6,
    'a successor inherits some, never most, of a predecessor’s rapport',
  ],
  'fishing.baseline': [20, 40, 'tension in quiet years: incidents are rare but recurring'],
  'fishing.drift': [0.05, 0.2, 'tension relaxes within a few years after a crackdown'],
  'fishing.crackdown': [8, 25, 'a crackdown raises tension into incident range within one to three years'],
  'fishing.agreement': [-30, -10, 'a fishing agreement calms but does not end the shootings'],
  'fishing.incidentAbove': [45, 65, 'border guards fired "many times": incidents above moderate tension'],
  'fishing.incidentSeverity': [4, 12, 'a shooting hurts trust about as much as a cancelled visit'],
  'projects.baseProgress': [2, 7, 'Russia alone developed Siberia slowly in every era'],
  'projects.investProgress': [8, 20, 'a foreign investor speeds a project several-fold'],
  'projects.investStake': [3, 8, 'one year’s investment buys a minority share'],
  'projects.energyCardProgress': [5, 15, 'an energy card is a promise: less than real money'],
  'projects.separationProgress': [4, 12, 'separation helps the economy "albeit slowly"'],
  'projects.linkageFactor': [0.2, 0.6, 'the linkage blocks most, not all, Japanese money'],
  'projects.rampUp': [0.15, 0.4, 'a field reaches plateau output in three to six years'],
  'projects.outputFloor': [0.2, 0.5, 'output flows even to buyers who distrust the seller'],
  'projects.sanctionsDragScale': [150, 400, 'sanctions "neither tough nor rigid enough" to stop Yamal'],
  'projects.japaneseBusiness': [
    5,
    16,
    'freed from the linkage, Japanese firms speed a project as an investor would',
  ],
  'oil.drift': [0.08, 0.25, 'oil prices return to normal within a few years'],
  'oil.noise': [3, 10, 'yearly oil swings of a few to ten index points'],
  'economy.energyRevenue': [0.03, 0.08, 'energy revenue matters to Russia but is not all of its economy'],
  'economy.energyBuyer': [0.01, 0.04, 'energy imports help a buyer less than they help the seller'],
  'economy.tradePerTrust': [0.005, 0.02, 'trade follows trust, weakly'],
  'economy.sanctionsOnRussia': [0.015, 0.05, 'sanctions cost Russia, without crippling it'],
  'economy.oilExporter': [0.01, 0.03, 'an oil exporter gains from dear oil'],
  'economy.oilImporter': [0.005, 0.02, 'an importer loses less from dear oil than the exporter gains'],
  'economy.drift': [0.03, 0.08, 'economies return toward trend within a decade'],
  'domestic.capitalRecovery': [1, 5, 'a leader rebuilds capital over a few years'],
  'domestic.capitalTarget': [50, 70, 'a leader’s normal standing: more than half the room to act'],
  'domestic.pressureDrift': [0.05, 0.15, 'nationalist pressure fades slowly after a concession'],
  'domestic.backlashCapitalShare': [0.3, 0.7, 'capital shields a leader from backlash, partly'],
  'domestic.backlashScale': [25, 60, 'a concession under pressure often, not always, brings a backlash'],
  'domestic.backlashMax': [0.75, 0.95, 'no concession is certain to be reversed'],
  'domestic.backlashCapitalLoss': [8, 22, 'a backlash costs a leader a large part of his capital'],
  'domestic.backlashPressureGain': [2, 8, 'a backlash emboldens the hardliners'],
  'domestic.leaderFallsBelow': [6, 18, 'leaders fall only after several backlashes'],
  'domestic.newLeaderCapital': [40, 60, 'a new leader starts with a normal mandate'],
  'domestic.goodwillRoom': [
    0,
    0.3,
    'goodwill eases the hardliners a little; rapport alone is not sufficient',
  ],
  'outsideOptions.neutral': [
    0.35,
    0.55,
    'outside options as strong as in the 1990s neither help nor hurt a deal',
  ],
  'outsideOptions.pressure': [
    0.2,
    0.8,
    'partners in Beijing and Seoul make yielding for Japanese money dearer',
  ],
  'concession.raiseOffer': [10, 26, 'raising the offer is the costliest Russian concession at home'],
  'concession.softenDemand': [10, 26, 'softening the demand strains as much as raising the offer'],
  'concession.abandonLinkage': [12, 28, 'dropping seikei fukabun is a major Japanese concession'],
  'concession.abandonLinkagePressure': [8, 22, 'dropping the linkage enrages the territorial lobby'],
  'concession.drawdown': [3, 10, 'a troop drawdown is an olive branch, a modest strain'],
  'concession.jointActivities': [3, 10, 'joint activities are a modest strain on both sides'],
  'concession.visaFree': [2, 8, 'visa-free exchange is a small concession'],
  'concession.treatyPerRung': [8, 18, 'every rung a treaty gives up strains both sides more'],
  'treaty.ratifyFailBase': [0.2, 0.5, 'a signed treaty faces a real, not certain, risk of rejection'],
  'treaty.ratifyFailMin': [0.05, 0.2, 'even a strong leader may fail to ratify'],
  'treaty.ratifyFailMax': [0.85, 0.99, 'even a weak leader may get a treaty through'],
  'treaty.collapseSeverity': [6, 18, 'a collapsed treaty hurts trust like a major incident'],
  'treaty.chinaSway': [
    0.3,
    0.8,
    'Beijing’s encouragement weighs on a Diet vote only as far as Tokyo listens',
  ],
  'alignment.drift': [0.03, 0.1, 'alignments return to the era’s pattern within a decade or two'],
  'alignment.riftBelow': [15, 35, 'a Sino-Russian "rupture" as in 1964 is far below normal relations'],
  'alignment.backClaimMargin': [5, 15, 'China backs Japan only close to a rupture'],
  'alignment.step': [5, 12, 'one year’s diplomacy moves an alignment a little'],
  'alignment.allianceFear': [
    5,
    25,
    'the alliance weighs on Moscow’s price, but less than its own hardliners and outside options',
  ],
  'koreaTies.drift': [0.03, 0.1, 'Korean ties return to the era’s pattern slowly'],
  'koreaTies.step': [5, 12, 'one year’s outreach moves a Korean tie a little'],
  'proposals.maxOpenPerSeat': [4, 4, 'an interface limit, not a balance number'],
  'proposals.maxPerSeatPerRound': [8, 8, 'an interface limit, not a balance number'],
  'proposals.aidUnit': [1, 3, 'aid helps the recipient’s economy modestly'],
  'proposals.aidTrust': [1.5, 5, 'aid buys some gratitude'],
  'proposals.aidLinkedTrustShare': [0.25, 0.75, 'aid tied to the islands buys less gratitude'],
  'proposals.aidLinkedPressure': [-4, -1, 'linked aid reassures the territorial lobby a little'],
  'proposals.stakeMin': [5, 5, 'a rule of the stake proposal (whole percent), not a balance number'],
  'proposals.stakeMax': [25, 25, 'a rule of the stake proposal (whole percent), not a balance number'],
  'proposals.stakeCostDivisor': [3, 8, 'a stake costs the investor a modest share of its economy'],
  'proposals.stakeRevenueDivisor': [6, 15, 'Russia gains less from a sale than the buyer pays in the model'],
  'messages.maxPerSeatPerRound': [30, 30, 'an interface limit, not a balance number'],
  'messages.privateMaxChars': [500, 500, 'an interface limit, not a balance number'],
  'messages.statementMaxChars': [280, 280, 'an interface limit, not a balance number'],
  'score.islandRussia': [2, 6, 'an island is worth less to Russia than to Japan ("not vitally necessary")'],
  'score.offerShare': [0.25, 0.75, 'Russian opinion counts an island on offer as partly given away'],
  'score.islandJapan': [5, 12, 'the islands are Japan’s national cause'],
  'score.energyShare': [0.15, 0.45, 'an energy stake is a real but secondary interest'],
  'score.energyBuyer': [0.05, 0.2, 'secure supply matters less than ownership'],
  'score.economy': [0.15, 0.35, 'the economy weighs in every seat’s national interest'],
  'score.chinaThreatCap': [1.5, 3, 'isolation is China’s gravest loss, but a bounded one: the Koreas remain'],
  'score.chinaDetente': [70, 90, 'a Japan friendly to Beijing leaves China nothing to fear from a deal'],
  'score.chinaRiftLeverage': [
    3,
    10,
    'in a rupture, pressure on Moscow through Tokyo is a real but bounded gain',
  ],
  'alignment.brokerAssurance': [
    3,
    10,
    'an assurance over the islands eases Moscow, but a century of mistrust less so',
  ],
  'alignment.brokerRoom': [4, 12, 'Washington’s blessing gives Tokyo room, not a mandate'],
  'alignment.brokerCost': [
    4,
    12,
    'Tokyo would read a US push to compromise as a weaker ally, not a broken alliance',
  ],
  'score.usSettlement': [
    -0.5,
    0.5,
    'the paper gives the US no stake in a deal either way (CHINA FACTOR ll. 815–817)',
  ],
  'score.agendaMissShare': [0.25, 0.75, 'a missed goal costs face at home, but less than meeting it gains'],
};
