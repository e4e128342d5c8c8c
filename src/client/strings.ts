/**
 * Every string the browser shows, in one catalogue (English), so the game can be translated by replacing this
 * module. Scenario text (briefings, events, quotes) comes from the scenario data and is shown as it is.
 */
import type { ActionId, ProposalKind } from '../game/catalog';
import { describeLogEntry, type LogCatalogue } from '../game/log';
import type { Scenario } from '../game/scenario-schema';
import type { LogEntry } from '../game/state';
import type { Lever } from '../game/preview';
import type { ScoreTerm } from '../game/scoring';
import type { AlignmentKey, Island, ProjectStage, Rung, Seat, TreatyFormula } from '../game/vocabulary';
import { INDICATOR_LABELS } from '../sim/indicators';
import { ACTION_EN, LOG_EN, RUNG_EN } from '../sim/log-text';

export const SEAT_LABEL: Record<Seat, string> = {
  russia: 'Russia',
  japan: 'Japan',
  china: 'China',
  us: 'United States',
  rok: 'South Korea',
  dprk: 'North Korea',
};

export const ISLAND_LABEL: Record<Island, string> = {
  habomai: 'Habomai',
  shikotan: 'Shikotan',
  kunashiri: 'Kunashiri (Kunashir)',
  etorofu: 'Etorofu (Iturup)',
};

export const CITY_LABEL: Record<string, string> = {
  tokyo: 'Tokyo',
  beijing: 'Beijing',
  seoul: 'Seoul',
  pyongyang: 'Pyongyang',
  vladivostok: 'Vladivostok',
  sapporo: 'Sapporo',
  khabarovsk: 'Khabarovsk',
  yuzhnoSakhalinsk: 'Yuzhno-Sakhalinsk',
  moscow: 'Moscow',
  sabetta: 'Sabetta (Yamal)',
};

export const STAGE_LABEL: Record<ProjectStage, string> = {
  proposed: 'proposed',
  negotiating: 'negotiating',
  financed: 'financed',
  producing: 'producing',
};

export const RUNG_LABEL: Record<Rung, string> = RUNG_EN;

export const FORMULA_LABEL: Record<TreatyFormula, string> = {
  none: 'no territorial clause',
  'two-islands': 'two islands (1956)',
  'joint-development': 'joint development',
  'four-islands': 'all four islands',
};

/** The actions' names: the report's English (src/sim/log-text.ts), one table for both. */
export const ACTION_LABEL: Record<ActionId, string> = ACTION_EN;

export const PROPOSAL_LABEL: Record<ProposalKind, string> = {
  summit: 'Summit',
  aid: 'Aid or credit',
  'energy-stake': 'Energy stake',
  'joint-activities': 'Joint activities on an island',
  'visa-free': 'Visa-free exchange',
  'fishing-agreement': 'Fishing agreement',
  'sanctions-coordination': 'Sanctions coordination',
  'alliance-reassurance': 'Alliance reassurance',
  'peace-treaty': 'Peace treaty',
};

/**
 * The log's words: the report's English sentences (src/sim/log-text.ts, one sentence per kind of entry) with this
 * catalogue's names for seats, islands, formulas and stages.
 */
export const LOG_TEXT: LogCatalogue = {
  ...LOG_EN,
  seat: (seat) => SEAT_LABEL[seat],
  island: (island) => ISLAND_LABEL[island],
  formula: (formula) => FORMULA_LABEL[formula],
  stage: (stage) => STAGE_LABEL[stage],
};

/** A log entry in the catalogue's words, with the scenario's names for its events and projects. */
export function logLine(entry: LogEntry, scenario: Scenario): string {
  return describeLogEntry(entry, LOG_TEXT, scenario);
}

export const PHASE_LABEL: Record<string, string> = {
  briefing: 'Briefing',
  diplomacy: 'Diplomacy',
  policy: 'Policy',
  over: 'The end',
};

export const ALIGNMENT_LABEL: Record<AlignmentKey, string> = {
  usJapanAlliance: 'US–Japan alliance',
  sanctions: 'Sanctions on Russia',
  sinoRussian: 'Sino-Russian relations',
  japanChina: 'Japan–China relations',
  japanRok: 'Japan–South Korea relations',
};

/** A lever of a preview in words; `project` names a project by its id (the scenario's name). */
export function leverLabel(lever: Lever, project: (id: string) => string): string {
  switch (lever.type) {
    case 'trust':
      return `${SEAT_LABEL[lever.a]}’s trust in ${SEAT_LABEL[lever.b]}`;
    case 'rapport':
      return `Rapport of the ${SEAT_LABEL[lever.a]} and ${SEAT_LABEL[lever.b]} leaders`;
    case 'position':
      return lever.seat === 'russia' ? 'Russia’s offer' : 'Japan’s demand';
    case 'garrison':
      return `Garrison on ${ISLAND_LABEL[lever.island]}`;
    case 'joint-activities':
      return `Joint activities on ${ISLAND_LABEL[lever.island]}`;
    case 'visa-free':
      return 'Visa-free exchange';
    case 'linkage':
      return 'Japan links aid to the islands';
    case 'fishing-tension':
      return 'Fishing tension';
    case 'pressure':
      return `Domestic pressure in ${SEAT_LABEL[lever.seat]}`;
    case 'capital':
      return `Political capital in ${SEAT_LABEL[lever.seat]}`;
    case 'strain':
      return `Concessions made by ${SEAT_LABEL[lever.seat]} this year`;
    case 'alignment':
      return ALIGNMENT_LABEL[lever.key];
    case 'korea-ties':
      return `${SEAT_LABEL[lever.korea]}’s ties with ${SEAT_LABEL[lever.partner]}`;
    case 'economy':
      return `${SEAT_LABEL[lever.seat]}’s economy`;
    case 'project':
      return `Progress of ${project(lever.project)}`;
    case 'stake':
      return `${SEAT_LABEL[lever.seat]}’s stake in ${project(lever.project)}`;
  }
}

/** The outcome's territorial result in words (the rules' `none`, `partial`, `full`). */
const S_TERRITORIAL: Record<string, string> = {
  none: 'no island changed hands',
  partial: 'a partial settlement (some islands to Japan)',
  full: 'full resolution (all four islands to Japan)',
};

/** Interface strings. Functions build the few that carry numbers or names. */
export const S = {
  title: 'Oil & Water',
  subtitle: 'Russia, Japan and their neighbours over the Kuril Islands',
  start: {
    heading: 'New match',
    scenario: 'Era',
    seed: 'Seed',
    seedHelp: 'The same era, seed and choices replay the same match.',
    newSeed: 'New seed',
    seats: 'Who plays each country',
    human: 'Human',
    bot: (kind: string) => `Bot: ${kind}`,
    play: 'Start the match',
    openReplay: 'Open a replay',
    needHuman: 'Choose at least one human seat.',
    badSeed: 'The seed must be 1 to 64 characters.',
    years: (from: number, to: number) => `${from}–${to}`,
  },
  pass: {
    heading: (seat: string) => `Pass the device to ${seat}`,
    body: 'The screen is hidden so no one sees another country’s secrets.',
    ready: (seat: string) => `I am ${seat}: show my seat`,
  },
  top: {
    year: (year: number) => `${year}`,
    round: (round: number, total: number) => `Round ${round} of ${total}`,
    phase: (phase: string) => `Phase: ${phase}`,
    youAre: (seat: string, leader: string) => `You are ${seat} (${leader})`,
    saveReplay: 'Save the replay so far',
    forkOf: (year: number) => `Fork from ${year}`,
  },
  seat: {
    heading: 'Your seat',
    agenda: 'Secret agenda',
    agendaNone: 'Dealt when the first year begins.',
    agendaBonus: (bonus: number) => `+${bonus} points if met at the end`,
    briefing: 'The era',
    readyBriefing: 'I have read the briefing',
    decisions: 'Decisions',
    proposalsIn: 'Proposals received',
    proposalsOut: 'Proposals sent',
    noProposalsIn: 'None this year.',
    accept: 'Accept',
    reject: 'Reject',
    withdraw: 'Withdraw',
    send: 'Send proposal',
    newProposal: 'Propose',
    kind: 'Kind',
    to: 'To',
    terms: 'Terms',
    noTerms: '—',
    noneLegal: 'No proposal of this kind is possible now.',
    endDiplomacy: 'Done with diplomacy',
    actions: 'Policy orders',
    pointsLeft: (left: number, total: number) => `Action points left: ${left} of ${total}`,
    add: 'Add',
    remove: 'Remove',
    cost: (n: number) => `${n} AP`,
    chosen: 'Orders this year',
    noOrders: 'No orders yet.',
    commit: 'Commit orders',
    committed: 'Orders committed. Waiting for the others.',
    waitingFor: 'Waiting for',
    nobody: 'nobody',
    message: 'Message',
    messageTo: 'Send to',
    everyone: 'Everyone (public statement)',
    sendMessage: 'Send',
    refused: 'The rules refused that move.',
    status: {
      open: 'open',
      accepted: 'accepted',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
      expired: 'expired',
    } as Record<string, string>,
  },
  terms: {
    amount: (n: number) => `amount ${n}`,
    share: (project: string, share: number) => `${share}% of ${project}`,
    island: (island: string) => island,
    formula: (formula: string) => formula,
  },
  feed: {
    news: 'News',
    log: 'What happened',
    logEntry: (year: number, line: string) => `${year}: ${line}`,
    messages: 'Messages',
    source: 'Source',
    paperSource: (section: string, lines: string) => `the paper, ${section}, lines ${lines}`,
    externalSource: (reference: string) => reference,
    designSource: (note: string) => `game design: ${note}`,
    kind: {
      scheduled: 'scheduled',
      wildcard: 'wildcard',
      injected: 'injected',
      outcome: 'outcome',
    } as Record<string, string>,
    privateTo: (seat: string) => `to ${seat}`,
    publicTag: 'public',
    empty: 'Nothing yet.',
    /** The number of the map pin that marks a news item, read out in full by a screen reader. */
    pinLabel: (n: number) => `Pin ${n} on the map`,
  },
  charts: {
    heading: 'Charts by year',
    trust: 'Trust and rapport',
    energy: 'Energy and oil',
    territory: 'Territory',
    scores: 'Scores',
    // The one table of indicator labels (the debrief and the simulator's reports use it too).
    series: INDICATOR_LABELS,
    /** A chart point's hover text. */
    point: (series: string, year: number | string, value: string) => `${series}, ${year}: ${value}`,
    /** A legend entry with the series' latest value. */
    latest: (series: string, value: string) => `${series} ${value}`,
    year: 'year',
  },
  map: {
    washington: 'Washington / Pacific forces',
    insetTitle: 'Moscow and the Arctic',
    fishing: 'Fishing grounds',
    legendTrust: 'Trust: low → high (arrow points to the trusted)',
    features: 'Map features',
    allTrust: "Show every seat's trust lines (not only yours)",
    /** A news pin's hover and focus text. */
    newsPin: (n: number, title: string) => `${n}. ${title}`,
    newsPins: 'News of the year on the map',
    eventAt: (title: string) => title,
    administrator: (seat: string) => `held by ${seat}`,
    garrison: (n: number) => `garrison ${n}`,
    joint: (n: number) => `joint activities ${n}`,
    visaFree: 'visa-free exchange',
    trustTooltip: (a: string, b: string, value: number) => `${a} trusts ${b}: ${value}`,
    projectTooltip: (name: string, stage: string) => `${name}: ${stage}`,
  },
  detail: {
    close: 'Close',
    numbers: 'Numbers',
    sources: 'Behind the numbers',
    none: 'Click a country, island, project or trust line on the map.',
    administrator: 'Administered by',
    garrison: 'Garrison (0–10)',
    joint: 'Joint activities (0–3)',
    visaFree: 'Visa-free exchange',
    yes: 'yes',
    no: 'no',
    leader: 'Leader',
    score: 'Score',
    economy: 'Economy index',
    pressure: 'Domestic pressure',
    capital: 'Political capital',
    actionPoints: 'Action points',
    trustIn: (seat: string) => `Trust in ${seat}`,
    trustFrom: (seat: string) => `${seat}’s trust`,
    position: 'Negotiating position',
    stage: 'Stage',
    progress: 'Progress in stage',
    output: 'Output / capacity',
    stakes: 'Stakes',
    buyers: 'Markets',
    region: 'Region',
    trust: 'Trust (0–100)',
    baseline: 'Era baseline',
    rapport: 'Leaders’ rapport',
    reverse: 'The other way',
    fishingTension: 'Fishing tension',
    linkage: 'Japan links aid to the islands',
    city: 'City',
  },
  /** The public score term by term (scoreBreakdown in the rules), per seat and year. */
  scoreBreakdown: {
    heading: 'Where the scores come from',
    note: 'Each public score is the sum of these terms; an agenda met adds its bonus only at the end.',
    year: 'Year',
    seat: 'Country',
    total: 'Score',
    term: {
      economy: 'Economy',
      energy: 'Energy',
      islands: 'Islands held',
      alignment: 'Alliances',
      trust: 'Japan’s trust',
      balance: 'Balance of power',
      treaty: 'Peace treaty',
      korea: 'Korean ties',
      capital: 'Political capital',
    } satisfies Record<ScoreTerm, string>,
  },
  end: {
    heading: 'The end of the match',
    reason: {
      'era-end': 'The era is over.',
      treaty: 'A ratified treaty moved the islands.',
      facilitator: 'The facilitator ended the match.',
    } as Record<string, string>,
    territorial: (t: string) => `Territorial result: ${S_TERRITORIAL[t] ?? t}.`,
    rank: 'Rank',
    seat: 'Country',
    score: 'Final score',
    agenda: 'Agenda',
    history: 'Historical baseline',
    versus: 'Against history',
    met: 'met',
    notMet: 'not met',
    seed: (seed: string) => `Seed: ${seed} (enter it on the start screen to replay this match)`,
    save: 'Save the replay file',
    debrief: 'Debrief (after-action report)',
    again: 'New match',
    baselineNote: 'No historical baseline for this era yet: scores are shown alone.',
    baselineComputing: 'Computing the historical baseline with historical bots…',
    baselineFrom: (source: string) => `Historical baseline: ${source}`,
    baselineMeasured: (runs: number) => `historical bots, ${runs} seeds, measured in this browser`,
    baselineShipped: (bots: string, runs: number) => `${bots} bots, ${runs} runs`,
    human: 'human',
  },
  replay: {
    heading: 'Replay viewer',
    intro:
      'Open a replay file saved at the end of a match (or during one), a fork, or a finished classroom match. ' +
      'Every action is re-played on the rules and checked against the hashes in the file.',
    file: 'Replay file',
    fromServer: 'A finished match on this server',
    matchID: 'Match ID',
    token: 'Facilitator token (only before the match is over)',
    load: 'Load from the server',
    loading: 'Re-playing and checking the replay…',
    back: 'Back to the start screen',
    openAnother: 'Open another replay',
    badFile: (error: string) => `This replay cannot be shown: ${error}`,
    badMatchID: 'A match ID is 6 to 40 letters, digits, _ or -.',
    serverError: (status: number, error: string) => `The server refused (${status}): ${error}`,
    networkError: (error: string) => `The server could not be reached: ${error}`,
    unreadable: (error: string) => `The file could not be read: ${error}`,
    timeline: 'Timeline',
    scrubber: 'Position in the match',
    position: (year: number, phase: string) => `${year} · ${phase}`,
    positionOf: (n: number, total: number) => `position ${n} of ${total}`,
    first: 'First position',
    previous: 'Step back',
    next: 'Step forward',
    last: 'Last position',
    play: 'Play',
    pause: 'Pause',
    speed: 'Speed',
    speedOption: (perSecond: number) => `${perSecond} per second`,
    jumpYear: 'Jump to the start of',
    phaseBriefing: 'Briefing',
    phaseDiplomacy: 'Diplomacy (after the News)',
    phasePolicy: 'Policy (diplomacy done)',
    phaseOver: 'The end (after the last Resolution)',
    lens: 'Secrets shown',
    everything: 'Everything (every secret is open)',
    seatSaw: (seat: string) => `What ${seat} saw at the time`,
    about: (scenario: string, seed: string, actions: number, verified: string) =>
      `${scenario}, seed ${seed}: ${actions} actions re-played, ${verified}`,
    verified: 'every round hash checked',
    unfinished: 'The match in this file is unfinished.',
    forkedFrom: (year: number, hash: string) => `A fork of a match (final hash ${hash}) at ${year}.`,
    secrets: 'Secrets',
    agendas: 'Secret agendas',
    agendaHidden: 'hidden from this seat',
    agendaNotDealt: 'not dealt yet',
    ordersOf: (year: number) => `Orders of ${year} (revealed at its Resolution)`,
    noOrdersYet: 'No orders revealed yet.',
    noOrders: 'no orders',
    diplomacyOf: (year: number) => `Diplomacy of ${year}`,
    noDiplomacyYet: 'No diplomacy yet at this position.',
    decision: (prompt: string, chosen: string) => `${prompt} → ${chosen}`,
    undecided: 'not yet answered',
    because: (reason: string) => `because: ${reason}`,
    privateOf: (year: number) => `Private messages of ${year}`,
    noPrivate: 'None.',
    seatOrders: (seat: string) => seat,
    download: 'Save this replay',
    debrief: 'Debrief (after-action report)',
    fork: 'Fork',
    forkHelp: (year: number) =>
      `Start a new match from the start of ${year}, with this match's history up to then. Bots play the other seats.`,
    forkSeat: 'Play as',
    forkBots: 'Bots for the others',
    forkSeed: 'New seed from the fork on (empty: keep the match’s dice)',
    forkStart: (year: number) => `Fork from ${year} and play`,
    forkFailed: (error: string) => `The fork could not start: ${error}`,
  },
  debrief: {
    heading: 'After-action report',
    print: 'Print',
    save: 'Save the report (HTML)',
    close: 'Close',
    frameTitle: 'The after-action report',
    building: 'Re-playing the match for the report…',
    measuring: (done: number, runs: number) =>
      `Measuring the historical baseline with historical bots (${done} of ${runs} runs)…`,
    failed: (error: string) => `The report could not be built: ${error}`,
  },
  tooltip: {
    country: (name: string, score: number) => `${name} — score ${score}`,
  },
  classroom: {
    connecting: 'Connecting to the class match…',
    noSeat: 'This browser has not joined that class match. Join it again with your code.',
    joinPage: 'Join a class match',
    failed: (error: string) => `Could not open the class match: ${error}`,
    paused: 'Paused by the facilitator',
    endsIn: (clock: string) => `Phase ends in ${clock}`,
    offline: 'Connection lost: reconnecting…',
    over: 'The class match is over',
    debrief: 'Open the replay and debrief',
    back: 'Back to the classroom page',
  },
  /** The classroom pages: the teacher's form, the join page, the facilitator console, the projector, seat cards. */
  classroomPages: {
    title: 'Oil & Water — classroom',
    newMatch: 'New class match',
    studentsJoinAt: (link: string) => `Students join at ${link}`,
    scenario: 'Era',
    seed: 'Seed',
    seedHint: 'random',
    botSeats: 'Seats played by bots',
    lesson: 'Lesson',
    preset: (minutes: number) => `${minutes}-minute lesson`,
    wholeEra: 'The whole era',
    endYear: 'Play until (last year)',
    briefingSeconds: 'Briefing seconds',
    diplomacySeconds: 'Diplomacy seconds',
    policySeconds: 'Policy seconds',
    estimate: (years: number, first: number, last: number, play: number, lesson: number) =>
      `${years} year${years === 1 ? '' : 's'} (${first}–${last}): at most ${play} min of play; about ${lesson} min with the debrief`,
    noEstimate: 'A phase without a time limit (0) has no estimate: the class sets the pace.',
    create: 'Create',
    join: 'Join your class',
    code: 'Join code',
    name: 'Your name',
    joinButton: 'Join',
    console: 'Facilitator console',
    projector: 'Projector',
    projectorLink: 'Projector view (public)',
    roster: 'Seats',
    seat: 'Country',
    leader: 'Leader',
    students: 'Students',
    playedBy: 'Played by',
    human: (online: number) => `students · ${online} online`,
    standIn: 'students · nobody online: stand-in bot',
    bot: (kind: string) => `bot (${kind})`,
    botSeat: 'bot',
    phaseState: 'This phase',
    ready: 'ready',
    committed: 'orders committed',
    working: 'working',
    idle: (seconds: number) => `idle ${seconds} s`,
    joinCode: 'Join code',
    nobody: '—',
    clock: (phase: string, year: number, left: string) => `${year} · ${phase} · ${left}`,
    secondsLeft: (seconds: number) =>
      `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left`,
    noLimit: 'no time limit',
    paused: 'PAUSED',
    over: 'The match is over',
    lessonEnds: (year: number) => `This lesson ends after ${year}.`,
    controls: 'Clock',
    start: 'Start / resume',
    pause: 'Pause',
    extend: '+60 s',
    skip: 'Skip phase',
    advanceIdle: 'Advance idle seats',
    inject: 'Inject an event',
    injectButton: 'Inject',
    injectNow: 'Appears now (diplomacy is open).',
    injectAt: (year: number) => `Appears with the news of ${year}.`,
    queue: 'Queued events',
    queueEmpty: 'No event queued.',
    endMatch: 'End the match…',
    confirmEnd: 'End the match now for everyone? Scores are final and the debrief opens.',
    debrief: 'Open the replay and the debrief',
    download: 'Download the replay file',
    secrets: 'Hidden state (facilitator only)',
    agendaLine: (seat: string, agenda: string, orders: string, ready: boolean) =>
      `${seat}: agenda ${agenda}; ${orders}; ${ready ? 'ready' : 'not ready'}`,
    noOrders: 'no orders yet',
    orders: (n: number) => `${n} orders`,
    joinLinks: 'Joining',
    printCards: 'Print seat cards',
    cardCode: (code: string) => `Join code: ${code}`,
    cardScan: 'Scan to join, or open the link and type the code.',
    qrFailed: 'QR code unavailable: use the link and the code.',
    news: 'News',
    noNews: 'No news yet.',
    indicators: 'Indicators',
    ladder: 'Territorial ladder',
    ladderSeat: (seat: string, rung: string) => `${seat}: ${rung}`,
    ranking: 'Ranking',
    questions: 'For discussion',
    connecting: 'Connecting…',
  },
  /** The facilitator's notices to the class, the debrief's privacy choice, and the projector's year in review. */
  classroomNotices: {
    broadcast: 'Message to the whole class',
    broadcastPlaceholder: 'e.g. Five minutes left: agree or walk away.',
    broadcastButton: 'Send to every seat',
    fromFacilitator: (text: string) => `Facilitator: ${text}`,
    debriefPrivate: 'Show private messages in the debrief',
    debriefPrivateHint: 'Off: the debrief leaves out every private message (public statements stay).',
    yearInReview: (year: number) => `${year} in review`,
    noChange: 'No public indicator moved.',
    change: (label: string, from: number, to: number) => `${label}: ${from} → ${to}`,
    ladderMoved: (seat: string, from: string, to: string) => `${seat}: ${from} → ${to}`,
    history: 'Where the class left history',
    historyShare: (inBand: number, total: number) =>
      `${inBand} of ${total} recorded year-indicators stayed within history’s bands`,
    historyNone: 'This era has no recorded levels to compare with.',
    historyOut: (year: number, label: string, value: number, min: number, max: number) =>
      `${year} · ${label}: ${value} (history ${min}–${max})`,
  },
  /** Classes of several groups (classroom/class-page.ts) and the seats' yearly reflections (classroom/reflection.ts). */
  classGroups: {
    groups: 'Groups',
    oneMatch: 'One match',
    groupsOption: (n: number) => `A class of ${n} groups (one match each)`,
    reflectionPrompt: 'Ask students for a short reflection after each year',
    title: (era: string) => `Class: ${era}`,
    group: (n: number) => `Group ${n}`,
    console: 'Open console',
    projector: 'Projector',
    deleted: 'deleted',
    finished: 'finished',
    playing: (year: number, phase: string) => `${year} · ${phase}`,
    codes: 'Join codes',
    compare: 'Compare outcomes',
    comparison: 'Comparison',
    refresh: 'Refresh',
    outcome: 'Outcome',
    treaty: 'Treaty',
    noTreaty: 'none',
    islands: {
      none: 'no islands transferred',
      partial: 'some islands transferred',
      full: 'all four islands transferred',
    },
    notFinished: (year: number) => `still playing (${year})`,
    history: 'History',
    historyOutcome: 'no treaty, no islands transferred',
    simulator: 'Simulator',
    simulatorPending: 'The simulator’s runs of this era are still playing: refresh in a moment.',
    simulatorFailed: (error: string) => `The simulator’s runs failed: ${error}`,
    simulatorRuns: (runs: number, bots: string, seeds: string) =>
      `${runs} runs of ${bots} bots (seeds ${seeds})`,
    territorialCounts: (none: number, partial: number, full: number) =>
      `islands: none ${none}, some ${partial}, all ${full}`,
    treaties: (n: number) => `${n} ratified treaties`,
    median: (p50: number, p25: number, p75: number) => `${p50} (${p25}–${p75})`,
    scores: 'Final scores',
    percentile: (p: number) => `${p}th pct`,
    inBand: (inBand: number, total: number) => `${inBand}/${total} recorded levels`,
    band: (min: number, max: number) => `${min}–${max}`,
    indicators: 'Key indicators at the end',
    reflectTitle: (year: number) => `Your reflection on ${year} (optional)`,
    reflectHint:
      'Why did you accept or reject? What would you do differently? Only your teacher sees it during the match.',
    reflectSend: 'Save reflection',
    reflectSaved: 'Saved. You may change it until the next year is over.',
    reflectLater: 'Not now',
  },
  preview: {
    /** Before an order or a proposal: what it is expected to move. */
    expected: 'Expected',
    nothing: 'no lever moves at once',
    /** A lever that rises or falls, with its value before and after. */
    change: (lever: string, delta: string, from: string, to: string) => `${lever} ${delta} (${from} → ${to})`,
    /** A lever that switches (a rung, a yes/no). */
    switches: (lever: string, from: string, to: string) => `${lever}: ${from} → ${to}`,
    ratification: (ratifies: string, russia: string, japan: string) =>
      `ratified at this year's Resolution: ${ratifies} (Russia fails ${russia}, Japan fails ${japan})`,
    backlash: (seat: string, chance: string) => `risk of backlash in ${seat}: ${chance}`,
    percent: (p: number) => `${Math.round(p * 100)} %`,
    on: 'yes',
    off: 'no',
    others: "Other seats' orders, ratification, incidents and drift come at Resolution.",
  },
  refusal: {
    /** Russia's offer and Japan's demand measured against a formula's rung. */
    russiaShort: (offer: string, needs: string) =>
      `Russia's offer is “${offer}”; this formula needs “${needs}” or more`,
    japanShort: (demand: string, needs: string) =>
      `Japan's demand is “${demand}”; this formula needs it at “${needs}” or less`,
    noFormula: 'a peace treaty needs a territorial formula',
    treatySigned: 'a treaty is already signed',
    visaFree: 'visa-free exchange is already in force',
    jointFull: 'joint activities there are at their fullest',
    /** Why Accept is disabled, or why a proposal can only be refused. */
    cannotAccept: (reason: string) => `The rules refuse this now: ${reason}.`,
    willBeRefused: (seat: string, reason: string) => `${seat} cannot accept this now: ${reason}.`,
    /** A rejection the rules did not force: the other side chose it. */
    declined: (seat: string) => `${seat} chose to decline: the rules would have allowed it.`,
    rejectedBecause: (reason: string) => `Rejected because ${reason}.`,
  },
  recap: {
    heading: (year: number) => `The year ${year}: what happened`,
    yours: 'Your orders',
    noOrders: 'none',
    moved: 'What moved',
    nothingMoved: 'Nothing on the charts moved.',
    why: 'Why',
    quiet: 'No incident, backlash or agreement: the levers drifted.',
    drift:
      "Every year trust drifts back toward the era's level, rapport fades and domestic pressure returns toward its " +
      'level, so an effect left alone wears off.',
    news: 'News of the year',
    others: "The others' orders (revealed)",
    moments: 'The moment',
    close: 'Continue',
    moment: {
      signed: (a: string, b: string, formula: string) =>
        `${a} and ${b} signed a peace treaty: ${formula}. It faces ratification.`,
      ratified: (formula: string) => `The peace treaty (${formula}) was ratified.`,
      failed: (formula: string, seats: string) =>
        `The peace treaty (${formula}) failed to ratify in ${seats}: it collapsed.`,
      leaderFell: (seat: string, leader: string) => `${leader} of ${seat} fell after a backlash.`,
      backlash: (seat: string) =>
        `Backlash in ${seat}: hardliners reversed the year's concession; the leader lost political capital.`,
      islands: (from: number, to: number) => `Japan now holds ${to} of the four islands (was ${from}).`,
    },
    and: (items: string[]) => items.join(' and '),
  },
  ladder: {
    heading: 'The territorial ladder',
    russia: (rung: string) => `Russia offers: ${rung}`,
    japan: (rung: string) => `Japan demands: ${rung}`,
    russiaMark: 'Russia',
    japanMark: 'Japan',
    /** A declaration's floor under Russia's offer, and its ceiling over Japan's demand. */
    russiaFloor: 'Russia’s floor (a declaration)',
    japanCeiling: 'Japan’s ceiling (a declaration)',
    fits: (formula: string) => `A treaty fits: up to ${formula}.`,
    gap: (rungs: number) => `No treaty fits: ${rungs} rung${rungs === 1 ? '' : 's'} apart.`,
  },
  islands: {
    noTreaty: 'No peace treaty was signed; the islands stayed as they were.',
    ratified: (formula: string, year: number, held: number) =>
      `The peace treaty (${formula}) was signed and ratified in ${year}: Japan holds ${held} of the four islands.`,
    notRatified: (formula: string, year: number, failed: string) =>
      `A peace treaty (${formula}) was signed in ${year} but not ratified: ${failed} refused it and it collapsed.`,
    backlash: (seats: string) => `Backlash followed in ${seats}.`,
    signed: (formula: string, year: number) =>
      `A peace treaty (${formula}) was signed in ${year}; the match ended before ratification.`,
  },
  errors: {
    noWebGL: 'This browser cannot draw the map (WebGL is unavailable).',
  },
} as const;

/** The phase in words; "the end" once the match is over. */
export function phaseLabel(session: { phase(): string; over(): boolean }): string {
  if (session.over()) return PHASE_LABEL.over;
  return PHASE_LABEL[session.phase()] ?? session.phase();
}

/** A seat's display name. */
export function seatLabel(seat: Seat): string {
  return SEAT_LABEL[seat];
}

/** A seat's role in words: what it wants, what it will not do, what holds it back at home. */
export interface SeatRole {
  interests: string[];
  redLines: string[];
  domestic: string[];
}

/**
 * Each seat's role as the paper gives it (paper-facts §1, the paper's sections and lines in the comments). Only
 * what the paper says each country wanted, feared and would not do; the eras' differences for Russia are in
 * `ROLE_BY_ERA`.
 */
export const SEAT_ROLE: Record<Seat, SeatRole> = {
  russia: {
    // INTRODUCTION ll. 20–21, 48–49; IMPLICATIONS ll. 849–850, 871–872; Progress ll. 473–474; CONCLUSION ll. 1027–1028.
    interests: [
      'Japanese technology and investment, which every Russian leader has wanted.',
      'Selling energy to Asia: your energy cards are your way into the region.',
      'Outside options: China and South Korea can give you what Japan withholds.',
    ],
    redLines: [
      'The islands are war compensation, not a territorial question: you offer joint development, and Japan should stop its claim.',
      'Keep economics apart from politics: trade and energy should not wait for the islands.',
    ],
    domestic: [
      'Hardliners and public opinion accuse any leader who trades territory for investment (Gorbachev feared exactly that).',
      'A concession to Japan could invite similar claims from other neighbours (the "domino" fear).',
    ],
  },
  japan: {
    // GORBACHEV AND JAPAN ll. 310–312; PUTIN AND JAPAN ll. 643–646, 632–634; IMPLICATIONS ll. 867–869.
    interests: [
      'The Northern Territories: they are the main reason to sign a peace treaty with Russia at all.',
      'Energy: Sakhalin has been a priority since the 1960s; East Siberia and Yamal LNG rose under Abe.',
      'The alliance with the United States, and Russia as a counterweight to China and the Koreas.',
    ],
    redLines: [
      'Seikei fukabun: economics and politics are not separated; aid and investment wait on the islands.',
      'A peace treaty must bring islands back: at the least, the paper judges, the 1956 declaration’s two.',
    ],
    domestic: [
      'Distrust of Russia runs deep: the Soviet entry into the war in 1945, cancelled visits, shootings at fishermen.',
      'Factions at home punish a soft line; softening the demand or dropping the linkage costs political capital.',
    ],
  },
  china: {
    // CHINA FACTOR ll. 711–712, 725–726, 773–775, 797–798, 815–817.
    interests: [
      'Close ties with Russia, your strategic partner; losing it would leave Beijing isolated.',
      'Influence in both Koreas.',
      'The stalemate: a Russo-Japanese rapprochement would hurt China, not the United States.',
    ],
    redLines: [
      "Keep the status quo: encourage Japan's hard line against Russia.",
      "Back Japan's claim to the islands only in a rift with Moscow (as in 1964).",
    ],
    domestic: ['Low confidence in Russia, learnt from the Cold War: the partnership depends on the leaders.'],
  },
  us: {
    // INTRODUCTION ll. 42–44; DEVELOPMENT ll. 270–272; PROSPECTS ll. 968–970; PUTIN AND JAPAN ll. 662–664.
    interests: [
      'The alliance with Japan: it is the structural barrier between Moscow and Tokyo.',
      'Ties with South Korea, and keeping North Korea from its patrons.',
    ],
    redLines: [
      'Stay out of the territorial dispute: taking a side would undermine your position in both countries.',
      'Sanctions on Moscow where the era has them, and Japan should follow the US line.',
    ],
    domestic: [
      'Sanctions have been applied loosely: Japanese investors did not give up Yamal because of them.',
    ],
  },
  rok: {
    // CONCLUSION ll. 1020–1021, 1027–1028, 1033–1035, 1039–1040, 1052–1054.
    interests: [
      'An alternative economic partner for Russia: Moscow can turn to Seoul for what Japan withholds.',
      'Russian energy imports, and good ties with Washington and Beijing.',
      'The stalemate between Russia and Japan benefits you, with China.',
    ],
    redLines: ['You cannot spoil a Russo-Japanese rapprochement, only make yourself the better partner.'],
    domestic: [
      'Protocol and prestige matter: Seoul was pleased to be the first Asian capital Yeltsin visited in 1992.',
    ],
  },
  dprk: {
    // INTRODUCTION ll. 30–31; CONCLUSION ll. 1054–1061.
    interests: [
      "A patron: Moscow or Beijing (in recent years Putin, not Xi, was Kim Jong Un's closest ally).",
      'Better relations with Washington, which Pyongyang still weighs above Moscow.',
      'Energy from Russia, legal or illicit.',
    ],
    redLines: ["You share the region's dislike of Russia: a patron is a means, not a friend."],
    domestic: ["The leader's hold on power (political capital) counts in your score."],
  },
};

/**
 * Russia's aims changed with its leaders (paper, DEVELOPMENT ll. 250–253; GORBACHEV ll. 305–306; YELTSIN › Analysis
 * ll. 511–513; PUTIN AND JAPAN ll. 651–652): the era's first interest, shown before the seat's own.
 */
export const ROLE_BY_ERA: Record<string, Partial<Record<Seat, string>>> = {
  'brezhnev-1972': {
    russia:
      'Brezhnev plays the Kuril card to check Sino-Japanese ties, and offers Siberian development as a carrot.',
  },
  'gorbachev-1985': {
    russia: 'Gorbachev wants Japanese advanced technology and capital investment for his reforms.',
  },
  'yeltsin-1992': { russia: 'Yeltsin puts state sovereignty and territorial integrity first.' },
  'abe-2013': { russia: "Putin needs Japan's finance and technology to become a leading LNG producer." },
};

/** What raises a seat's public score, in words from the rules (src/game/scoring.ts `publicScore`). */
export const SCORE_TERMS: Record<Seat, string[]> = {
  russia: [
    'islands you hold',
    'Sino-Russian relations',
    'a weaker US–Japan alliance',
    'fewer sanctions on Russia',
    'Japan’s trust in Russia',
  ],
  japan: [
    'islands you hold (the largest term)',
    'the US–Japan alliance',
    'Japan’s relations with China and South Korea',
  ],
  china: [
    'Sino-Russian relations',
    'no Russo-Japanese rapprochement (their trust and their leaders’ rapport)',
    'both Koreas’ ties with Beijing',
    'no ratified peace treaty (one costs 10 points)',
  ],
  us: [
    'the US–Japan alliance',
    'South Korea’s ties with Washington',
    'North Korea kept from Moscow and Beijing',
  ],
  rok: [
    'your ties with Moscow and Washington',
    'your ties with Beijing',
    'North Korea’s trust in Seoul',
    'no Russo-Japanese rapprochement',
  ],
  dprk: [
    'ties with your closer patron (Moscow or Beijing)',
    'ties with Washington',
    'your leader’s political capital',
  ],
};

/** What a bot kind plays like, one line each, for the start screen and the fork panel. */
export const BOT_DESCRIPTION: Record<string, string> = {
  historical: 'Plays what the paper says each country did: the history as it happened, varied a little.',
  strategist: 'Searches for its own best score: may play against history.',
  random: 'Any legal move: for testing, not for learning.',
};

/** The strings of the way in: the seat's briefing, the commit check, bots' replies, the tutorial. */
export const W = {
  briefing: {
    heading: (seat: string) => `Your role: ${seat}`,
    show: 'Your role',
    interests: 'What you want',
    redLines: 'What you will not do',
    domestic: 'What holds you back at home',
    scores: 'What scores',
    scoresLead: 'Your public score rises with your economy, the energy you own or buy, and:',
    agenda: 'Plus a secret agenda, dealt when the first year begins, worth a bonus if met at the end.',
    menu: 'Your orders (policy)',
    proposals: 'What you can propose',
  },
  commit: {
    confirm: (n: number) => `You have ${n} AP left: commit anyway?`,
    yes: 'Commit anyway',
    no: 'Keep choosing',
  },
  start: {
    tutorial: 'Guided first match',
    tutorialHelp:
      'A short year as Japan: the briefing, a proposal, an answer, orders, the recap and the charts.',
  },
  tutorial: {
    heading: (n: number, total: number) => `Guided match — step ${n} of ${total}`,
    next: 'Next',
    skip: 'Skip the guide',
    finish: 'Finish',
    steps: {
      briefing:
        'This is your role as Japan: what you want, your red lines, what scores. Read it, then press “I have read the briefing”.',
      proposal: 'Diplomacy: choose a proposal (for example a summit with Russia) and press “Send proposal”.',
      answer: 'The other side answers at once: see “Proposals sent”. A rejection says why. Press Next.',
      message:
        'Write Russia a private message (choose Russia under “Send to”) and press Send: its bot answers.',
      diplomacyDone: 'Press “Done with diplomacy” to move to the year’s orders.',
      orders: 'Add orders from your menu (each shows what it should move), then press “Commit orders”.',
      recap: 'The recap shows what your orders and the others’ did, and why. Read it, then press Next.',
      charts:
        'The charts follow trust, energy, territory and scores year by year. That is the whole loop: press Finish.',
    },
  },
  reply: {
    /** A bot's reply: a verdict on the topic, then its reason (the doctrine's own words). */
    text: (verdict: string, topic: string, reason: string) => `${verdict} ${topic}: ${reason}.`,
    verdict: {
      no: ['No, not', 'We cannot move on', 'Our answer is no on'],
      wary: ['Perhaps, but not now, on', 'We are cautious about', 'Not yet on'],
      yes: ['We are open to talks on', 'We can work with you on', 'Yes, in principle, on'],
    },
    topic: {
      islands: 'the islands',
      economy: 'trade and energy',
      security: 'security',
      general: 'our relations',
    },
  },
  fork: { parentBots: 'As in the match (each seat keeps its bot)' },
  charts: {
    /** The opening point: the levels on 1 January of the era's first year. */
    opening: (year: number) => `start of ${year}`,
    /** The opening point's tick on the year axis (it is not a year of the era: the levels before its first). */
    openingTick: 'start',
  },
} as const;

/** A bot's reply to a private message in words (src/bots/replies.ts chooses; the catalogue words it). */
export function replyText(reply: {
  topic: keyof typeof W.reply.topic;
  verdict: keyof typeof W.reply.verdict;
  reason: string;
  variant: number;
}): string {
  const phrasings = W.reply.verdict[reply.verdict];
  return W.reply.text(phrasings[reply.variant % phrasings.length], W.reply.topic[reply.topic], reply.reason);
}
