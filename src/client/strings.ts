/**
 * Every string the browser shows, looked up in the current language (src/i18n: English in src/i18n/locales/en.ts,
 * the others beside it, each loaded when first chosen). The tables and `S`, `W` keep their English-era names and
 * shapes; they are rebuilt when the language changes (`onLanguageChange`), so read them at render time, not once at
 * module load. Scenario text (briefings, events, quotes) comes from the scenario data (see src/client/scenario-text.ts).
 */
import type { ActionId, ProposalKind } from '../game/catalog';
import { describeLogEntry, type LogCatalogue } from '../game/log';
import type { Scenario } from '../game/scenario-schema';
import type { LogEntry, Message } from '../game/state';
import type { BotReply, Reason } from '../game/reasons';
import { reasonText, replyWords } from '../bots/reason-text';
import type { Lever } from '../game/preview';
import type { ScoreTerm } from '../game/scoring';
import type { AlignmentKey, Island, ProjectStage, Rung, Seat, TreatyFormula } from '../game/vocabulary';
import type { Indicator } from '../sim/indicators';
import { logCatalogue } from '../sim/log-words';
import { catalogue, formatList, loadDeferredMessages, onLanguageChange, onMessagesLoaded, t } from '../i18n';
import type { Messages } from '../i18n/locales/en';

/**
 * A section of the catalogue that follows the language: `const P = live(() => S.classroomPages)` at module level
 * reads the current language's words at each use (a plain `const P = S.classroomPages` would keep the first).
 */
export function live<T extends object>(section: () => T): T {
  return new Proxy({} as T, { get: (_target, key) => Reflect.get(section(), key) });
}

/** A message's argument: ICU formats numbers and inserts strings as they are. */
type Arg = string | number;

/** A table of one catalogue section in the current language, keyed as in English. */
function table<K extends string>(section: keyof Messages): Record<K, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(catalogue()[section])) out[key] = t(`${section}.${key}`);
  return out as Record<K, string>;
}

/** A list of the catalogue in the current language. */
function list(key: string, length: number): string[] {
  return Array.from({ length }, (_, i) => t(`${key}.${i}`));
}

/** m:ss for a countdown. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

// Rebuilt on a language switch (below): ES modules' live bindings give every importer the new tables.
export let SEAT_LABEL: Record<Seat, string> = table('seat');
export let ISLAND_LABEL: Record<Island, string> = table('island');
export let CITY_LABEL: Record<string, string> = table('city');
export let STAGE_LABEL: Record<ProjectStage, string> = table('stage');
export let RUNG_LABEL: Record<Rung, string> = table('rung');
export let FORMULA_LABEL: Record<TreatyFormula, string> = table('formula');
/** The actions' names (the report's English stays in src/sim/log-text.ts for the command line). */
export let ACTION_LABEL: Record<ActionId, string> = table('action');
export let PROPOSAL_LABEL: Record<ProposalKind, string> = table('proposal');
export let PHASE_LABEL: Record<string, string> = table('phase');
export let ALIGNMENT_LABEL: Record<AlignmentKey, string> = table('alignment');
/** Bot kinds' names (`historical`, `strategist`, `random`) and the strategist's strengths. */
export let BOT_KIND: Record<string, string> = table('botKind');
export let BOT_STRENGTH: Record<string, string> = table('botStrength');
/** What a bot kind plays like, one line each, for the start screen and the fork panel. */
export let BOT_DESCRIPTION: Record<string, string> = table('botDescription');
/** Interface strings. Functions build the ones that carry numbers or names. */
export let S = buildS();
/** The strings of the way in: the seat's briefing, the commit check, bots' replies, the tutorial. */
export let W = buildW();
/**
 * Each seat's role as the paper gives it (paper-facts §1; the sources per seat: russia INTRODUCTION ll. 20–21, 48–49;
 * IMPLICATIONS ll. 849–850, 871–872; Progress ll. 473–474; CONCLUSION ll. 1027–1028 · japan GORBACHEV AND JAPAN
 * ll. 310–312; PUTIN AND JAPAN ll. 643–646, 632–634; IMPLICATIONS ll. 867–869 · china CHINA FACTOR ll. 711–712,
 * 725–726, 773–775, 797–798, 815–817 · us INTRODUCTION ll. 42–44; DEVELOPMENT ll. 270–272; PROSPECTS ll. 968–970;
 * PUTIN AND JAPAN ll. 662–664 · rok CONCLUSION ll. 1020–1021, 1027–1028, 1033–1035, 1039–1040, 1052–1054 · dprk
 * INTRODUCTION ll. 30–31; CONCLUSION ll. 1054–1061). Only what the paper says each country wanted, feared and would
 * not do; the eras' differences for Russia are in `ROLE_BY_ERA`.
 */
export let SEAT_ROLE: Record<Seat, SeatRole> = buildRoles();
/**
 * Russia's aims changed with its leaders (paper, DEVELOPMENT ll. 250–253; GORBACHEV ll. 305–306; YELTSIN › Analysis
 * ll. 511–513; PUTIN AND JAPAN ll. 651–652): the era's first interest, shown before the seat's own.
 */
export let ROLE_BY_ERA: Record<string, Partial<Record<Seat, string>>> = buildRoleByEra();
/** What raises a seat's public score, in words from the rules (src/game/scoring.ts `publicScore`). */
export let SCORE_TERMS: Record<Seat, string[]> = buildScoreTerms();
/** The log's words: one sentence per kind of entry, with this catalogue's names for seats, islands, formulas, stages. */
export let LOG_TEXT: LogCatalogue = buildLog();

/** Rebuilds every table: on a language switch, and when a deferred part of the catalogue arrives. */
function rebuild(): void {
  SEAT_LABEL = table('seat');
  ISLAND_LABEL = table('island');
  CITY_LABEL = table('city');
  STAGE_LABEL = table('stage');
  RUNG_LABEL = table('rung');
  FORMULA_LABEL = table('formula');
  ACTION_LABEL = table('action');
  PROPOSAL_LABEL = table('proposal');
  PHASE_LABEL = table('phase');
  ALIGNMENT_LABEL = table('alignment');
  BOT_KIND = table('botKind');
  BOT_STRENGTH = table('botStrength');
  BOT_DESCRIPTION = table('botDescription');
  S = buildS();
  W = buildW();
  SEAT_ROLE = buildRoles();
  ROLE_BY_ERA = buildRoleByEra();
  SCORE_TERMS = buildScoreTerms();
  LOG_TEXT = buildLog();
}
onLanguageChange(rebuild);
onMessagesLoaded(rebuild);

function buildLog(): LogCatalogue {
  return logCatalogue(t, {
    names: {
      seat: (seat) => SEAT_LABEL[seat],
      island: (island) => ISLAND_LABEL[island],
      formula: (formula) => FORMULA_LABEL[formula],
      stage: (stage) => STAGE_LABEL[stage],
    },
    terms: (terms) => terms,
  });
}

/** A log entry in the catalogue's words, with the scenario's names for its events and projects. */
export function logLine(entry: LogEntry, scenario: Scenario): string {
  return describeLogEntry(entry, LOG_TEXT, scenario);
}

/** A lever of a preview in words; `project` names a project by its id (the scenario's name). */
export function leverLabel(lever: Lever, project: (id: string) => string): string {
  switch (lever.type) {
    case 'trust':
      return t('lever.trust', { a: SEAT_LABEL[lever.a], b: SEAT_LABEL[lever.b] });
    case 'rapport':
      return t('lever.rapport', { a: SEAT_LABEL[lever.a], b: SEAT_LABEL[lever.b] });
    case 'position':
      return lever.seat === 'russia' ? t('lever.russiaOffer') : t('lever.japanDemand');
    case 'garrison':
      return t('lever.garrison', { island: ISLAND_LABEL[lever.island] });
    case 'joint-activities':
      return t('lever.jointActivities', { island: ISLAND_LABEL[lever.island] });
    case 'visa-free':
      return t('lever.visaFree');
    case 'linkage':
      return t('lever.linkage');
    case 'fishing-tension':
      return t('lever.fishingTension');
    case 'pressure':
      return t('lever.pressure', { seat: SEAT_LABEL[lever.seat] });
    case 'capital':
      return t('lever.capital', { seat: SEAT_LABEL[lever.seat] });
    case 'strain':
      return t('lever.strain', { seat: SEAT_LABEL[lever.seat] });
    case 'alignment':
      return ALIGNMENT_LABEL[lever.key];
    case 'korea-ties':
      return t('lever.koreaTies', { korea: SEAT_LABEL[lever.korea], partner: SEAT_LABEL[lever.partner] });
    case 'economy':
      return t('lever.economy', { seat: SEAT_LABEL[lever.seat] });
    case 'project':
      return t('lever.project', { project: project(lever.project) });
    case 'stake':
      return t('lever.stake', { seat: SEAT_LABEL[lever.seat], project: project(lever.project) });
  }
}

function buildS() {
  return {
    title: t('S.title'),
    subtitle: t('S.subtitle'),
    start: {
      heading: t('S.start.heading'),
      scenario: t('S.start.scenario'),
      seed: t('S.start.seed'),
      seedHelp: t('S.start.seedHelp'),
      newSeed: t('S.start.newSeed'),
      seats: t('S.start.seats'),
      human: t('S.start.human'),
      bot: (kind: Arg) => t('S.start.bot', { kind }),
      play: t('S.start.play'),
      openReplay: t('S.start.openReplay'),
      needHuman: t('S.start.needHuman'),
      badSeed: t('S.start.badSeed'),
      years: (from: Arg, to: Arg) => t('S.start.years', { from, to }),
    },
    pass: {
      heading: (seat: Arg) => t('S.pass.heading', { seat }),
      body: t('S.pass.body'),
      ready: (seat: Arg) => t('S.pass.ready', { seat }),
    },
    top: {
      year: (year: Arg) => t('S.top.year', { year }),
      round: (round: Arg, total: Arg) => t('S.top.round', { round, total }),
      phase: (phase: Arg) => t('S.top.phase', { phase }),
      youAre: (seat: Arg, leader: Arg) => t('S.top.youAre', { seat, leader }),
      saveReplay: t('S.top.saveReplay'),
      forkOf: (year: Arg) => t('S.top.forkOf', { year }),
    },
    seat: {
      heading: t('S.seat.heading'),
      agenda: t('S.seat.agenda'),
      agendaNone: t('S.seat.agendaNone'),
      briefing: t('S.seat.briefing'),
      readyBriefing: t('S.seat.readyBriefing'),
      decisions: t('S.seat.decisions'),
      proposalsIn: t('S.seat.proposalsIn'),
      proposalsOut: t('S.seat.proposalsOut'),
      noProposalsIn: t('S.seat.noProposalsIn'),
      accept: t('S.seat.accept'),
      reject: t('S.seat.reject'),
      withdraw: t('S.seat.withdraw'),
      send: t('S.seat.send'),
      newProposal: t('S.seat.newProposal'),
      kind: t('S.seat.kind'),
      to: t('S.seat.to'),
      terms: t('S.seat.terms'),
      noTerms: t('S.seat.noTerms'),
      noneLegal: t('S.seat.noneLegal'),
      endDiplomacy: t('S.seat.endDiplomacy'),
      actions: t('S.seat.actions'),
      pointsLeft: (left: Arg, total: Arg) => t('S.seat.pointsLeft', { left, total }),
      add: t('S.seat.add'),
      remove: t('S.seat.remove'),
      cost: (n: Arg) => t('S.seat.cost', { n }),
      chosen: t('S.seat.chosen'),
      noOrders: t('S.seat.noOrders'),
      commit: t('S.seat.commit'),
      committed: t('S.seat.committed'),
      waitingFor: t('S.seat.waitingFor'),
      nobody: t('S.seat.nobody'),
      message: t('S.seat.message'),
      messageTo: t('S.seat.messageTo'),
      everyone: t('S.seat.everyone'),
      sendMessage: t('S.seat.sendMessage'),
      refused: t('S.seat.refused'),
      status: {
        open: t('S.seat.status.open'),
        accepted: t('S.seat.status.accepted'),
        rejected: t('S.seat.status.rejected'),
        withdrawn: t('S.seat.status.withdrawn'),
        expired: t('S.seat.status.expired'),
      } as Record<string, string>,
    },
    agenda: {
      choose: t('S.agenda.choose'),
      dealtHelp: t('S.agenda.dealtHelp'),
      chosenHelp: t('S.agenda.chosenHelp'),
      stakes: (bonus: Arg, cost: Arg) => t('S.agenda.stakes', { bonus, cost }),
      metNow: t('S.agenda.metNow'),
      notMetNow: t('S.agenda.notMetNow'),
      take: t('S.agenda.take'),
      takeLabel: (title: Arg) => t('S.agenda.takeLabel', { title }),
      current: t('S.agenda.current'),
      currentLabel: (title: Arg) => t('S.agenda.currentLabel', { title }),
      endMet: (points: Arg) => t('S.agenda.endMet', { points }),
      endMissed: (points: Arg) => t('S.agenda.endMissed', { points }),
      column: t('S.agenda.column'),
      final: t('S.agenda.final'),
    },
    terms: {
      amount: (n: Arg) => t('S.terms.amount', { n }),
      share: (project: Arg, share: Arg) => t('S.terms.share', { project, share }),
      island: (island: Arg) => t('S.terms.island', { island }),
      formula: (formula: Arg) => t('S.terms.formula', { formula }),
    },
    feed: {
      news: t('S.feed.news'),
      log: t('S.feed.log'),
      logEntry: (year: Arg, line: Arg) => t('S.feed.logEntry', { year, line }),
      messages: t('S.feed.messages'),
      source: t('S.feed.source'),
      paperSource: (section: Arg, lines: Arg) => t('S.feed.paperSource', { section, lines }),
      externalSource: (reference: Arg) => t('S.feed.externalSource', { reference }),
      designSource: (note: Arg) => t('S.feed.designSource', { note }),
      kind: {
        scheduled: t('S.feed.kind.scheduled'),
        wildcard: t('S.feed.kind.wildcard'),
        injected: t('S.feed.kind.injected'),
        outcome: t('S.feed.kind.outcome'),
      } as Record<string, string>,
      privateTo: (seat: Arg) => t('S.feed.privateTo', { seat }),
      publicTag: t('S.feed.publicTag'),
      empty: t('S.feed.empty'),
      pinLabel: (n: Arg) => t('S.feed.pinLabel', { n }),
    },
    charts: {
      heading: t('S.charts.heading'),
      trust: t('S.charts.trust'),
      energy: t('S.charts.energy'),
      territory: t('S.charts.territory'),
      scores: t('S.charts.scores'),
      series: {
        trustJapanRussia: t('S.charts.series.trustJapanRussia'),
        trustRussiaJapan: t('S.charts.series.trustRussiaJapan'),
        rapportRussiaJapan: t('S.charts.series.rapportRussiaJapan'),
        energy: t('S.charts.series.energy'),
        oilPrice: t('S.charts.series.oilPrice'),
        russiaRung: t('S.charts.series.russiaRung'),
        japanRung: t('S.charts.series.japanRung'),
        islandsJapan: t('S.charts.series.islandsJapan'),
        garrison: t('S.charts.series.garrison'),
        jointActivities: t('S.charts.series.jointActivities'),
        fishingTension: t('S.charts.series.fishingTension'),
        sinoRussian: t('S.charts.series.sinoRussian'),
        usJapanAlliance: t('S.charts.series.usJapanAlliance'),
        sanctions: t('S.charts.series.sanctions'),
      } satisfies Record<Indicator, string>,
      point: (series: Arg, year: Arg, value: Arg) => t('S.charts.point', { series, year, value }),
      latest: (series: Arg, value: Arg) => t('S.charts.latest', { series, value }),
      year: t('S.charts.year'),
    },
    map: {
      washington: t('S.map.washington'),
      insetTitle: t('S.map.insetTitle'),
      fishing: t('S.map.fishing'),
      legendTrust: t('S.map.legendTrust'),
      features: t('S.map.features'),
      allTrust: t('S.map.allTrust'),
      newsPin: (n: Arg, title: Arg) => t('S.map.newsPin', { n, title }),
      newsPins: t('S.map.newsPins'),
      eventAt: (title: Arg) => t('S.map.eventAt', { title }),
      administrator: (seat: Arg) => t('S.map.administrator', { seat }),
      garrison: (n: Arg) => t('S.map.garrison', { n }),
      joint: (n: Arg) => t('S.map.joint', { n }),
      visaFree: t('S.map.visaFree'),
      trustTooltip: (a: Arg, b: Arg, value: Arg) => t('S.map.trustTooltip', { a, b, value }),
      projectTooltip: (name: Arg, stage: Arg) => t('S.map.projectTooltip', { name, stage }),
    },
    detail: {
      close: t('S.detail.close'),
      numbers: t('S.detail.numbers'),
      sources: t('S.detail.sources'),
      none: t('S.detail.none'),
      administrator: t('S.detail.administrator'),
      garrison: t('S.detail.garrison'),
      joint: t('S.detail.joint'),
      visaFree: t('S.detail.visaFree'),
      yes: t('S.detail.yes'),
      no: t('S.detail.no'),
      leader: t('S.detail.leader'),
      score: t('S.detail.score'),
      economy: t('S.detail.economy'),
      pressure: t('S.detail.pressure'),
      capital: t('S.detail.capital'),
      actionPoints: t('S.detail.actionPoints'),
      trustIn: (seat: Arg) => t('S.detail.trustIn', { seat }),
      trustFrom: (seat: Arg) => t('S.detail.trustFrom', { seat }),
      position: t('S.detail.position'),
      stage: t('S.detail.stage'),
      progress: t('S.detail.progress'),
      output: t('S.detail.output'),
      stakes: t('S.detail.stakes'),
      buyers: t('S.detail.buyers'),
      region: t('S.detail.region'),
      trust: t('S.detail.trust'),
      baseline: t('S.detail.baseline'),
      rapport: t('S.detail.rapport'),
      reverse: t('S.detail.reverse'),
      fishingTension: t('S.detail.fishingTension'),
      linkage: t('S.detail.linkage'),
      city: t('S.detail.city'),
    },
    scoreBreakdown: {
      heading: t('S.scoreBreakdown.heading'),
      note: t('S.scoreBreakdown.note'),
      year: t('S.scoreBreakdown.year'),
      seat: t('S.scoreBreakdown.seat'),
      total: t('S.scoreBreakdown.total'),
      term: {
        economy: t('S.scoreBreakdown.term.economy'),
        energy: t('S.scoreBreakdown.term.energy'),
        islands: t('S.scoreBreakdown.term.islands'),
        alignment: t('S.scoreBreakdown.term.alignment'),
        trust: t('S.scoreBreakdown.term.trust'),
        balance: t('S.scoreBreakdown.term.balance'),
        treaty: t('S.scoreBreakdown.term.treaty'),
        korea: t('S.scoreBreakdown.term.korea'),
        capital: t('S.scoreBreakdown.term.capital'),
        settlement: t('S.scoreBreakdown.term.settlement'),
      } satisfies Record<ScoreTerm, string>,
    },
    end: {
      heading: t('S.end.heading'),
      reason: {
        'era-end': t('S.end.reason.era-end'),
        treaty: t('S.end.reason.treaty'),
        facilitator: t('S.end.reason.facilitator'),
      } as Record<string, string>,
      territorial: (outcome: Arg) => t('S.end.territorial', { outcome }),
      rank: t('S.end.rank'),
      seat: t('S.end.seat'),
      score: t('S.end.score'),
      agenda: t('S.end.agenda'),
      history: t('S.end.history'),
      versus: t('S.end.versus'),
      met: t('S.end.met'),
      notMet: t('S.end.notMet'),
      seed: (seed: Arg) => t('S.end.seed', { seed }),
      save: t('S.end.save'),
      debrief: t('S.end.debrief'),
      again: t('S.end.again'),
      baselineNote: t('S.end.baselineNote'),
      baselineComputing: t('S.end.baselineComputing'),
      baselineFrom: (source: Arg) => t('S.end.baselineFrom', { source }),
      baselineMeasured: (runs: Arg) => t('S.end.baselineMeasured', { runs }),
      baselineShipped: (bots: Arg, runs: Arg) => t('S.end.baselineShipped', { bots, runs }),
      human: t('S.end.human'),
    },
    replay: {
      heading: t('S.replay.heading'),
      intro: t('S.replay.intro'),
      file: t('S.replay.file'),
      fromServer: t('S.replay.fromServer'),
      matchID: t('S.replay.matchID'),
      token: t('S.replay.token'),
      load: t('S.replay.load'),
      loading: t('S.replay.loading'),
      back: t('S.replay.back'),
      openAnother: t('S.replay.openAnother'),
      badFile: (error: Arg) => t('S.replay.badFile', { error }),
      badMatchID: t('S.replay.badMatchID'),
      serverError: (status: Arg, error: Arg) => t('S.replay.serverError', { status, error }),
      networkError: (error: Arg) => t('S.replay.networkError', { error }),
      unreadable: (error: Arg) => t('S.replay.unreadable', { error }),
      timeline: t('S.replay.timeline'),
      scrubber: t('S.replay.scrubber'),
      position: (year: Arg, phase: Arg) => t('S.replay.position', { year, phase }),
      positionOf: (n: Arg, total: Arg) => t('S.replay.positionOf', { n, total }),
      first: t('S.replay.first'),
      previous: t('S.replay.previous'),
      next: t('S.replay.next'),
      last: t('S.replay.last'),
      play: t('S.replay.play'),
      pause: t('S.replay.pause'),
      speed: t('S.replay.speed'),
      speedOption: (perSecond: Arg) => t('S.replay.speedOption', { perSecond }),
      jumpYear: t('S.replay.jumpYear'),
      phaseBriefing: t('S.replay.phaseBriefing'),
      phaseDiplomacy: t('S.replay.phaseDiplomacy'),
      phasePolicy: t('S.replay.phasePolicy'),
      phaseOver: t('S.replay.phaseOver'),
      lens: t('S.replay.lens'),
      everything: t('S.replay.everything'),
      seatSaw: (seat: Arg) => t('S.replay.seatSaw', { seat }),
      about: (scenario: Arg, seed: Arg, actions: Arg, verified: Arg) =>
        t('S.replay.about', { scenario, seed, actions, verified }),
      verified: t('S.replay.verified'),
      unfinished: t('S.replay.unfinished'),
      forkedFrom: (year: Arg, hash: Arg) => t('S.replay.forkedFrom', { year, hash }),
      secrets: t('S.replay.secrets'),
      agendas: t('S.replay.agendas'),
      agendaHidden: t('S.replay.agendaHidden'),
      agendaNotDealt: t('S.replay.agendaNotDealt'),
      ordersOf: (year: Arg) => t('S.replay.ordersOf', { year }),
      noOrdersYet: t('S.replay.noOrdersYet'),
      noOrders: t('S.replay.noOrders'),
      diplomacyOf: (year: Arg) => t('S.replay.diplomacyOf', { year }),
      noDiplomacyYet: t('S.replay.noDiplomacyYet'),
      decision: (prompt: Arg, chosen: Arg) => t('S.replay.decision', { prompt, chosen }),
      undecided: t('S.replay.undecided'),
      because: (reason: Arg) => t('S.replay.because', { reason }),
      privateOf: (year: Arg) => t('S.replay.privateOf', { year }),
      noPrivate: t('S.replay.noPrivate'),
      seatOrders: (seat: Arg) => t('S.replay.seatOrders', { seat }),
      download: t('S.replay.download'),
      debrief: t('S.replay.debrief'),
      fork: t('S.replay.fork'),
      forkHelp: (year: Arg) => t('S.replay.forkHelp', { year }),
      forkSeat: t('S.replay.forkSeat'),
      forkBots: t('S.replay.forkBots'),
      forkSeed: t('S.replay.forkSeed'),
      forkStart: (year: Arg) => t('S.replay.forkStart', { year }),
      forkFailed: (error: Arg) => t('S.replay.forkFailed', { error }),
    },
    debrief: {
      heading: t('S.debrief.heading'),
      print: t('S.debrief.print'),
      save: t('S.debrief.save'),
      close: t('S.debrief.close'),
      frameTitle: t('S.debrief.frameTitle'),
      building: t('S.debrief.building'),
      measuring: (done: Arg, runs: Arg) => t('S.debrief.measuring', { done, runs }),
      failed: (error: Arg) => t('S.debrief.failed', { error }),
    },
    tooltip: {
      country: (name: Arg, score: Arg) => t('S.tooltip.country', { name, score }),
    },
    classroom: {
      connecting: t('S.classroom.connecting'),
      noSeat: t('S.classroom.noSeat'),
      joinPage: t('S.classroom.joinPage'),
      failed: (error: Arg) => t('S.classroom.failed', { error }),
      paused: t('S.classroom.paused'),
      endsIn: (clock: Arg) => t('S.classroom.endsIn', { clock }),
      offline: t('S.classroom.offline'),
      over: t('S.classroom.over'),
      debrief: t('S.classroom.debrief'),
      back: t('S.classroom.back'),
    },
    classroomPages: {
      title: t('S.classroomPages.title'),
      newMatch: t('S.classroomPages.newMatch'),
      studentsJoinAt: (link: Arg) => t('S.classroomPages.studentsJoinAt', { link }),
      scenario: t('S.classroomPages.scenario'),
      seed: t('S.classroomPages.seed'),
      seedHint: t('S.classroomPages.seedHint'),
      botSeats: t('S.classroomPages.botSeats'),
      lesson: t('S.classroomPages.lesson'),
      preset: (minutes: Arg) => t('S.classroomPages.preset', { minutes }),
      wholeEra: t('S.classroomPages.wholeEra'),
      endYear: t('S.classroomPages.endYear'),
      briefingSeconds: t('S.classroomPages.briefingSeconds'),
      diplomacySeconds: t('S.classroomPages.diplomacySeconds'),
      policySeconds: t('S.classroomPages.policySeconds'),
      estimate: (years: Arg, first: Arg, last: Arg, play: Arg, lesson: Arg) =>
        t('S.classroomPages.estimate', { years, first, last, play, lesson }),
      noEstimate: t('S.classroomPages.noEstimate'),
      create: t('S.classroomPages.create'),
      join: t('S.classroomPages.join'),
      code: t('S.classroomPages.code'),
      name: t('S.classroomPages.name'),
      joinButton: t('S.classroomPages.joinButton'),
      console: t('S.classroomPages.console'),
      projector: t('S.classroomPages.projector'),
      projectorLink: t('S.classroomPages.projectorLink'),
      roster: t('S.classroomPages.roster'),
      seat: t('S.classroomPages.seat'),
      leader: t('S.classroomPages.leader'),
      students: t('S.classroomPages.students'),
      playedBy: t('S.classroomPages.playedBy'),
      human: (online: Arg) => t('S.classroomPages.human', { online }),
      standIn: t('S.classroomPages.standIn'),
      bot: (kind: Arg) => t('S.classroomPages.bot', { kind }),
      botSeat: t('S.classroomPages.botSeat'),
      phaseState: t('S.classroomPages.phaseState'),
      ready: t('S.classroomPages.ready'),
      committed: t('S.classroomPages.committed'),
      working: t('S.classroomPages.working'),
      idle: (seconds: Arg) => t('S.classroomPages.idle', { seconds }),
      joinCode: t('S.classroomPages.joinCode'),
      nobody: t('S.classroomPages.nobody'),
      clock: (phase: Arg, year: Arg, left: Arg) => t('S.classroomPages.clock', { phase, year, left }),
      secondsLeft: (seconds: number) => t('S.classroomPages.secondsLeft', { clock: clock(seconds) }),
      noLimit: t('S.classroomPages.noLimit'),
      paused: t('S.classroomPages.paused'),
      over: t('S.classroomPages.over'),
      lessonEnds: (year: Arg) => t('S.classroomPages.lessonEnds', { year }),
      controls: t('S.classroomPages.controls'),
      start: t('S.classroomPages.start'),
      pause: t('S.classroomPages.pause'),
      extend: t('S.classroomPages.extend'),
      skip: t('S.classroomPages.skip'),
      advanceIdle: t('S.classroomPages.advanceIdle'),
      inject: t('S.classroomPages.inject'),
      injectButton: t('S.classroomPages.injectButton'),
      injectNow: t('S.classroomPages.injectNow'),
      injectAt: (year: Arg) => t('S.classroomPages.injectAt', { year }),
      queue: t('S.classroomPages.queue'),
      queueEmpty: t('S.classroomPages.queueEmpty'),
      endMatch: t('S.classroomPages.endMatch'),
      downloadReflections: t('S.classroomPages.downloadReflections'),
      confirmEnd: t('S.classroomPages.confirmEnd'),
      debrief: t('S.classroomPages.debrief'),
      download: t('S.classroomPages.download'),
      secrets: t('S.classroomPages.secrets'),
      agendaLine: (seat: Arg, agenda: Arg, orders: Arg, ready: boolean) =>
        t('S.classroomPages.agendaLine', { seat, agenda, orders, ready: ready ? 'yes' : 'no' }),
      noOrders: t('S.classroomPages.noOrders'),
      orders: (n: Arg) => t('S.classroomPages.orders', { n }),
      joinLinks: t('S.classroomPages.joinLinks'),
      printCards: t('S.classroomPages.printCards'),
      cardCode: (code: Arg) => t('S.classroomPages.cardCode', { code }),
      cardScan: t('S.classroomPages.cardScan'),
      qrFailed: t('S.classroomPages.qrFailed'),
      news: t('S.classroomPages.news'),
      noNews: t('S.classroomPages.noNews'),
      indicators: t('S.classroomPages.indicators'),
      ladder: t('S.classroomPages.ladder'),
      ladderSeat: (seat: Arg, rung: Arg) => t('S.classroomPages.ladderSeat', { seat, rung }),
      ranking: t('S.classroomPages.ranking'),
      questions: t('S.classroomPages.questions'),
      connecting: t('S.classroomPages.connecting'),
    },
    classroomNotices: {
      broadcast: t('S.classroomNotices.broadcast'),
      broadcastPlaceholder: t('S.classroomNotices.broadcastPlaceholder'),
      broadcastButton: t('S.classroomNotices.broadcastButton'),
      fromFacilitator: (text: Arg) => t('S.classroomNotices.fromFacilitator', { text }),
      debriefPrivate: t('S.classroomNotices.debriefPrivate'),
      debriefPrivateHint: t('S.classroomNotices.debriefPrivateHint'),
      yearInReview: (year: Arg) => t('S.classroomNotices.yearInReview', { year }),
      noChange: t('S.classroomNotices.noChange'),
      change: (label: Arg, from: Arg, to: Arg) => t('S.classroomNotices.change', { label, from, to }),
      ladderMoved: (seat: Arg, from: Arg, to: Arg) => t('S.classroomNotices.ladderMoved', { seat, from, to }),
      history: t('S.classroomNotices.history'),
      historyShare: (inBand: Arg, total: Arg) => t('S.classroomNotices.historyShare', { inBand, total }),
      historyNone: t('S.classroomNotices.historyNone'),
      historyOut: (year: Arg, label: Arg, value: Arg, min: Arg, max: Arg) =>
        t('S.classroomNotices.historyOut', { year, label, value, min, max }),
    },
    classGroups: {
      groups: t('S.classGroups.groups'),
      oneMatch: t('S.classGroups.oneMatch'),
      groupsOption: (n: Arg) => t('S.classGroups.groupsOption', { n }),
      reflectionPrompt: t('S.classGroups.reflectionPrompt'),
      title: (era: Arg) => t('S.classGroups.title', { era }),
      group: (n: Arg) => t('S.classGroups.group', { n }),
      console: t('S.classGroups.console'),
      projector: t('S.classGroups.projector'),
      deleted: t('S.classGroups.deleted'),
      finished: t('S.classGroups.finished'),
      playing: (year: Arg, phase: Arg) => t('S.classGroups.playing', { year, phase }),
      codes: t('S.classGroups.codes'),
      compare: t('S.classGroups.compare'),
      comparison: t('S.classGroups.comparison'),
      refresh: t('S.classGroups.refresh'),
      outcome: t('S.classGroups.outcome'),
      treaty: t('S.classGroups.treaty'),
      noTreaty: t('S.classGroups.noTreaty'),
      treatyRatified: (formula: Arg) => t('S.classGroups.treatyRatified', { formula }),
      treatySigned: t('S.classGroups.treatySigned'),
      treatyCollapsed: t('S.classGroups.treatyCollapsed'),
      islands: {
        none: t('S.classGroups.islands.none'),
        partial: t('S.classGroups.islands.partial'),
        full: t('S.classGroups.islands.full'),
      },
      notFinished: (year: Arg) => t('S.classGroups.notFinished', { year }),
      history: t('S.classGroups.history'),
      historyOutcome: t('S.classGroups.historyOutcome'),
      simulator: t('S.classGroups.simulator'),
      simulatorPending: t('S.classGroups.simulatorPending'),
      simulatorFailed: (error: Arg) => t('S.classGroups.simulatorFailed', { error }),
      simulatorRuns: (runs: Arg, bots: Arg, seeds: Arg) =>
        t('S.classGroups.simulatorRuns', { runs, bots, seeds }),
      territorialCounts: (none: Arg, partial: Arg, full: Arg) =>
        t('S.classGroups.territorialCounts', { none, partial, full }),
      treaties: (n: Arg) => t('S.classGroups.treaties', { n }),
      median: (p50: Arg, p25: Arg, p75: Arg) => t('S.classGroups.median', { p50, p25, p75 }),
      scores: t('S.classGroups.scores'),
      percentile: (p: Arg) => t('S.classGroups.percentile', { p }),
      inBand: (inBand: Arg, total: Arg) => t('S.classGroups.inBand', { inBand, total }),
      band: (min: Arg, max: Arg) => t('S.classGroups.band', { min, max }),
      indicators: t('S.classGroups.indicators'),
      reflectTitle: (year: Arg) => t('S.classGroups.reflectTitle', { year }),
      reflectHint: t('S.classGroups.reflectHint'),
      reflectSend: t('S.classGroups.reflectSend'),
      reflectSaved: t('S.classGroups.reflectSaved'),
      reflectLater: t('S.classGroups.reflectLater'),
    },
    preview: {
      expected: t('S.preview.expected'),
      nothing: t('S.preview.nothing'),
      change: (lever: Arg, delta: Arg, from: Arg, to: Arg) =>
        t('S.preview.change', { lever, delta, from, to }),
      switches: (lever: Arg, from: Arg, to: Arg) => t('S.preview.switches', { lever, from, to }),
      ratification: (ratifies: Arg, russia: Arg, japan: Arg) =>
        t('S.preview.ratification', { ratifies, russia, japan }),
      backlash: (seat: Arg, chance: Arg) => t('S.preview.backlash', { seat, chance }),
      percent: (p: number) => t('S.preview.percent', { p: Math.round(p * 100) }),
      on: t('S.preview.on'),
      off: t('S.preview.off'),
      others: t('S.preview.others'),
    },
    refusal: {
      russiaShort: (offer: Arg, needs: Arg) => t('S.refusal.russiaShort', { offer, needs }),
      japanShort: (demand: Arg, needs: Arg) => t('S.refusal.japanShort', { demand, needs }),
      noFormula: t('S.refusal.noFormula'),
      treatySigned: t('S.refusal.treatySigned'),
      visaFree: t('S.refusal.visaFree'),
      jointFull: t('S.refusal.jointFull'),
      cannotAccept: (reason: Arg) => t('S.refusal.cannotAccept', { reason }),
      willBeRefused: (seat: Arg, reason: Arg) => t('S.refusal.willBeRefused', { seat, reason }),
      declined: (seat: Arg) => t('S.refusal.declined', { seat }),
      rejectedBecause: (reason: Arg) => t('S.refusal.rejectedBecause', { reason }),
    },
    recap: {
      heading: (year: Arg) => t('S.recap.heading', { year }),
      yours: t('S.recap.yours'),
      noOrders: t('S.recap.noOrders'),
      moved: t('S.recap.moved'),
      nothingMoved: t('S.recap.nothingMoved'),
      why: t('S.recap.why'),
      quiet: t('S.recap.quiet'),
      drift: t('S.recap.drift'),
      news: t('S.recap.news'),
      others: t('S.recap.others'),
      moments: t('S.recap.moments'),
      close: t('S.recap.close'),
      moment: {
        signed: (a: Arg, b: Arg, formula: Arg) => t('S.recap.moment.signed', { a, b, formula }),
        ratified: (formula: Arg) => t('S.recap.moment.ratified', { formula }),
        failed: (formula: Arg, seats: Arg) => t('S.recap.moment.failed', { formula, seats }),
        leaderFell: (seat: Arg, leader: Arg) => t('S.recap.moment.leaderFell', { seat, leader }),
        backlash: (seat: Arg) => t('S.recap.moment.backlash', { seat }),
        islands: (from: Arg, to: Arg) => t('S.recap.moment.islands', { from, to }),
      },
      and: (items: string[]) => formatList(items),
    },
    ladder: {
      heading: t('S.ladder.heading'),
      russia: (rung: Arg) => t('S.ladder.russia', { rung }),
      japan: (rung: Arg) => t('S.ladder.japan', { rung }),
      russiaMark: t('S.ladder.russiaMark'),
      japanMark: t('S.ladder.japanMark'),
      russiaFloor: t('S.ladder.russiaFloor'),
      japanCeiling: t('S.ladder.japanCeiling'),
      fits: (formula: Arg) => t('S.ladder.fits', { formula }),
      gap: (rungs: Arg) => t('S.ladder.gap', { rungs }),
    },
    islands: {
      noTreaty: t('S.islands.noTreaty'),
      ratified: (formula: Arg, year: Arg, held: Arg) => t('S.islands.ratified', { formula, year, held }),
      notRatified: (formula: Arg, year: Arg, failed: Arg) =>
        t('S.islands.notRatified', { formula, year, failed }),
      backlash: (seats: Arg) => t('S.islands.backlash', { seats }),
      signed: (formula: Arg, year: Arg) => t('S.islands.signed', { formula, year }),
    },
    errors: {
      noWebGL: t('S.errors.noWebGL'),
    },
  };
}

function buildW() {
  return {
    briefing: {
      heading: (seat: Arg) => t('W.briefing.heading', { seat }),
      show: t('W.briefing.show'),
      interests: t('W.briefing.interests'),
      redLines: t('W.briefing.redLines'),
      domestic: t('W.briefing.domestic'),
      scores: t('W.briefing.scores'),
      scoresLead: t('W.briefing.scoresLead'),
      agenda: t('W.briefing.agenda'),
      menu: t('W.briefing.menu'),
      proposals: t('W.briefing.proposals'),
    },
    commit: {
      confirm: (n: Arg) => t('W.commit.confirm', { n }),
      yes: t('W.commit.yes'),
      no: t('W.commit.no'),
    },
    start: {
      tutorial: t('W.start.tutorial'),
      tutorialHelp: t('W.start.tutorialHelp'),
    },
    tutorial: {
      heading: (n: Arg, total: Arg) => t('W.tutorial.heading', { n, total }),
      next: t('W.tutorial.next'),
      skip: t('W.tutorial.skip'),
      finish: t('W.tutorial.finish'),
      steps: {
        briefing: t('W.tutorial.steps.briefing'),
        agenda: t('W.tutorial.steps.agenda'),
        proposal: t('W.tutorial.steps.proposal'),
        answer: t('W.tutorial.steps.answer'),
        message: t('W.tutorial.steps.message'),
        diplomacyDone: t('W.tutorial.steps.diplomacyDone'),
        orders: t('W.tutorial.steps.orders'),
        recap: t('W.tutorial.steps.recap'),
        charts: t('W.tutorial.steps.charts'),
      },
    },
    fork: {
      parentBots: t('W.fork.parentBots'),
    },
    charts: {
      opening: (year: Arg) => t('W.charts.opening', { year }),
      openingTick: t('W.charts.openingTick'),
    },
  };
}

/** The phase in words; "the end" once the match is over. */
export function phaseLabel(session: { phase(): string; over(): boolean }): string {
  if (session.over()) return PHASE_LABEL.over;
  return PHASE_LABEL[session.phase()] ?? session.phase();
}

/** A bot spec entry in words: `strategist:hard` → "strategist (hard)" in the current language. */
export function botName(entry: string): string {
  const [kind, option] = entry.split(':');
  const name = BOT_KIND[kind] ?? kind;
  return option ? `${name} (${BOT_STRENGTH[option] ?? option})` : name;
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

function buildRoles(): Record<Seat, SeatRole> {
  const out = {} as Record<Seat, SeatRole>;
  for (const [seat, role] of Object.entries(catalogue().seatRole) as [Seat, Messages['seatRole'][Seat]][]) {
    out[seat] = {
      interests: list(`seatRole.${seat}.interests`, role.interests.length),
      redLines: list(`seatRole.${seat}.redLines`, role.redLines.length),
      domestic: list(`seatRole.${seat}.domestic`, role.domestic.length),
    };
  }
  return out;
}

function buildRoleByEra(): Record<string, Partial<Record<Seat, string>>> {
  const out: Record<string, Partial<Record<Seat, string>>> = {};
  for (const [era, seats] of Object.entries(catalogue().roleByEra)) {
    out[era] = {};
    for (const seat of Object.keys(seats) as Seat[]) out[era][seat] = t(`roleByEra.${era}.${seat}`);
  }
  return out;
}

function buildScoreTerms(): Record<Seat, string[]> {
  const out = {} as Record<Seat, string[]>;
  for (const [seat, terms] of Object.entries(catalogue().scoreTerms) as [Seat, readonly string[]][]) {
    out[seat] = list(`scoreTerms.${seat}`, terms.length);
  }
  return out;
}

/**
 * A bot's reply to a private message in words, in the language shown (src/bots/replies.ts chooses; the catalogue
 * words it). The reasons' words are a deferred part of the catalogue (src/i18n/precompile.ts): the first reply shown
 * asks for them, and quotes its reason as "…" until they arrive and the screen is drawn again (src/client/app.ts).
 */
export function replyText(reply: BotReply): string {
  if (reasonsLoaded()) return replyWords(t, reply);
  void loadDeferredMessages();
  return replyWords((key, values) => (key.startsWith('reason.') ? '…' : t(key, values)), reply);
}

/** Whether the language shown has its reasons' words (Node has the whole catalogue; the browser loads them late). */
function reasonsLoaded(): boolean {
  return (
    typeof (catalogue() as { reason?: Record<string, unknown> }).reason?.['historical-choice'] === 'string'
  );
}

/** A bot's reason (src/game/reasons.ts) in words, in the language shown. */
export function reasonWords(reason: Reason): string {
  return reasonText(t, reason);
}

/** A message as shown: what the seat typed, or a bot's reply worded in the language shown. */
export function messageText(m: Pick<Message, 'text' | 'reply'>): string {
  return m.reply ? replyText(m.reply) : m.text;
}
