/**
 * `validate`: does the model reproduce the paper, and could it have failed to? For every claim of paper-facts §4
 * the runs are checked three times (issue 10):
 *  (a) historical bots in every seat, on every era the claim is about;
 *  (b) strategist bots (`strategist:easy`, playing for their own score) in the seats the claim is about, historical
 *      bots elsewhere, on fewer seeds;
 *  (c) a control: a named what-if derived from the paper's own logic, under which the claim should NOT hold.
 * A claim passes only if it holds in (a) and (b) and its control flips it; one whose control does not flip is
 * "built in" (the model cannot produce anything else), which counts as a failure of the model, not a pass.
 */
import { perSeat, type Seat } from '../game/vocabulary';
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import { LEVERS } from '../game/levers';
import { pairedDifference, spread, wilson, type Proportion } from './aggregate';
import { runBatch, type MatchRecord } from './batch';
import { applyWhatIfs, describeWhatIf, type WhatIf } from './whatif';
import { batchDistanceFromHistory } from './history';

/** What one arm of a claim showed. */
export interface ArmResult {
  holds: boolean;
  shows: string;
}

/** One row of the validate table (and of `validate --json`). */
export interface ClaimRow {
  id: number;
  claim: string;
  /** The paper's statement, with its paper-facts reference (section and lines). */
  paper: string;
  historical: ArmResult | null;
  strategist: ArmResult | null;
  control: { whatIf: string; shows: string; flipped: boolean } | null;
  /**
   * The distance from history of the claim's historical runs (src/sim/history.ts): year-indicators of its eras whose
   * median lies within the recorded band, of all measured. Null for an untestable claim.
   */
  history: { inBand: number; total: number; share: number } | null;
  status: 'pass' | 'fail' | 'built-in' | 'untestable';
}

export interface ValidateOptions {
  /** Seeds for the historical and control runs. */
  seeds: string[];
  /** Seeds for the strategist runs (fewer: a strategist match costs about fifty historical ones). */
  strategistSeeds: string[];
  workers?: number;
  /** Balance numbers replaced for every batch; none by default. */
  levers?: Record<string, number>;
  /**
   * Balance numbers already set in this thread (a `--sensitivity` set): a batch with overrides of its own runs on
   * fresh threads, which are given these too.
   */
  threadLevers?: Record<string, number>;
  /** Leaves out the strategist arm (sensitivity runs); its column then reads null. */
  skipStrategist?: boolean;
  /** Only these claims (by id); every claim when unset. */
  only?: readonly number[];
  onProgress?: (done: number, total: number) => void;
  /** Runs each batch somewhere else (`validate --queue`: on the job queue); `runBatch` here by default. */
  batchRunner?: typeof runBatch;
}

type Era = (typeof BUILTIN_IDS)[number];
/** Runs per era of one arm; `alt` is the paired counterfactual where the claim compares the two. */
interface Runs {
  base: Partial<Record<Era, MatchRecord[]>>;
  alt: Partial<Record<Era, MatchRecord[]>>;
}

/** A paper claim as a measurement over runs, a control and the seats it is about. */
interface ClaimSpec {
  id: number;
  claim: string;
  paper: string;
  eras: readonly Era[];
  /** The seats strategists take in arm (b). */
  seats: readonly Seat[];
  /**
   * What-ifs of the claim's own runs in arms (a) and (b), when the claim is about a conduct the seats may not choose
   * (claim 5: Russian separation pursued every year); none by default.
   */
  base?: (s: Scenario) => WhatIf[];
  /** Whether the claim compares stalemate with the rapprochement counterfactual (`alt`). */
  paired?: boolean;
  /** The paired counterfactual, when it is not the rapprochement (claim 4: the potential implemented). */
  alt?: (s: Scenario) => WhatIf[];
  control: {
    name: string;
    whatIfs: (s: Scenario) => WhatIf[];
    altWhatIfs?: (s: Scenario) => WhatIf[];
    eras?: readonly Era[];
    /**
     * Strategists in the claim's seats (on the strategist seeds), when the control changes what a seat wants rather
     * than what it does (claim 10); historical bots by default.
     */
    strategists?: boolean;
    /** Balance numbers the control replaces (over any `ValidateOptions.levers`). */
    levers?: Record<string, number>;
  };
  measure: (runs: Runs) => ArmResult;
}

const HISTORICAL: BotSpec = perSeat(() => 'historical');
const STRATEGIST = 'strategist:easy';
const POST_SOVIET: readonly Era[] = ['yeltsin-1992', 'abe-2013'];
const NEGOTIATORS: readonly Seat[] = ['russia', 'japan'];
const OTHERS: readonly Seat[] = ['china', 'rok', 'us', 'dprk'];

/**
 * The rapprochement counterfactual: both sides at the 1956 formula, the linkage dropped, a treaty offered every year,
 * and leaders with the domestic room to ratify it.
 */
export function rapprochementWhatIfs(scenario: Scenario): WhatIf[] {
  const year = scenario.startYear;
  return [
    ...NEGOTIATORS.flatMap((seat): WhatIf[] => [
      { type: 'set', year, lever: `pressure.${seat}` as const, value: 20, once: false },
      { type: 'set', year, lever: `capital.${seat}` as const, value: 90, once: false },
    ]),
    at1956(scenario, 'russia'),
    at1956(scenario, 'japan'),
    { type: 'policy', year, seat: 'russia', force: [], forbid: ['harden-stance'], treaty: 'two-islands' },
    {
      type: 'policy',
      year,
      seat: 'japan',
      force: ['abandon-linkage'],
      forbid: ['restore-linkage', 'territories-campaign'],
      treaty: 'two-islands',
    },
  ];
}

/** The economic potential implemented: no linkage, dear oil, no sanctions, Japan invests every year (claim 4). */
const potential = (s: Scenario): WhatIf[] => [
  hold(s, 'oilPrice', 85),
  hold(s, 'alignment.sanctions', 0),
  policy(s, 'japan', ['abandon-linkage', 'invest-project']),
];

/** Holds a settable lever at a value from the era's start. */
const hold = (s: Scenario, lever: Extract<WhatIf, { type: 'set' }>['lever'], value: number): WhatIf => ({
  type: 'set',
  year: s.startYear,
  lever,
  value,
  once: false,
});
/** A negotiator's position held at the 1956 formula (two islands) from the era's start. */
const at1956 = (s: Scenario, seat: 'russia' | 'japan'): WhatIf => ({
  type: 'position',
  year: s.startYear,
  seat,
  rung: 'two-islands',
  once: false,
});
type Actions = Extract<WhatIf, { type: 'policy' }>['force'];
/** A seat policy from the era's start: forced actions every year, forbidden ones never. */
const policy = (s: Scenario, seat: Seat, force: Actions, forbid: Actions = []): WhatIf => ({
  type: 'policy',
  year: s.startYear,
  seat,
  force,
  forbid,
});
/** Leaders with room to move: low pressure against compromise and high capital on both sides. */
const freeLeaders = (s: Scenario): WhatIf[] =>
  NEGOTIATORS.flatMap((seat) => [hold(s, `pressure.${seat}`, 10), hold(s, `capital.${seat}`, 90)]);
/** Japan at the 1956 formula: demand at two islands, the linkage dropped, a two-island treaty offered every year. */
const japanAt1956 = (s: Scenario): WhatIf[] => [
  at1956(s, 'japan'),
  {
    type: 'policy',
    year: s.startYear,
    seat: 'japan',
    force: ['abandon-linkage'],
    forbid: ['territories-campaign'],
    treaty: 'two-islands',
  },
];
/** Russia without outside options: a Sino-Russian rift, cold Korean ties and cheap oil. */
const noOutsideOptions = (s: Scenario): WhatIf[] => [
  hold(s, 'alignment.sinoRussian', 10),
  hold(s, 'koreaTies.rok.russia', 10),
  hold(s, 'koreaTies.dprk.russia', 10),
  hold(s, 'oilPrice', 15),
];

const pct = (p: Proportion) =>
  `${(p.p * 100).toFixed(1)} % [${(p.low * 100).toFixed(1)}–${(p.high * 100).toFixed(1)}]`;
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const last = (xs: number[]) => xs[xs.length - 1];
const max = (xs: number[]) => Math.max(...xs);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const share = (rs: MatchRecord[], f: (r: MatchRecord) => boolean) => wilson(rs.filter(f).length, rs.length);
const changed = (r: MatchRecord) => r.territorial !== 'none' || r.treaty !== null;
const flat = (m: Partial<Record<Era, MatchRecord[]>>): MatchRecord[] =>
  Object.values(m).flatMap((x) => x ?? []);
const all = (runs: Runs) => flat(runs.base);
const orders = (r: MatchRecord, seat: Seat, action: string) => r.orders[seat][action] ?? 0;
const perYear = (r: MatchRecord, seat: Seat, action: string) =>
  orders(r, seat, action) / Math.max(1, r.years.length);

/** Japan's trust change in incident years minus other years, and the share of incident years where it fell. */
function incidentBite(rs: MatchRecord[]): { gap: number; fell: Proportion; n: number } {
  const inc: number[] = [];
  const other: number[] = [];
  for (const r of rs) {
    const years = new Set(r.incidents.map((i) => i.year));
    const t = r.series.trustJapanRussia;
    for (let k = 1; k < t.length; k++) (years.has(r.years[k]) ? inc : other).push(t[k] - t[k - 1]);
  }
  const incidents = rs.flatMap((r) => r.incidents);
  return {
    gap: mean(inc) - mean(other),
    fell: wilson(incidents.filter((i) => i.after < i.before).length, incidents.length),
    n: incidents.length,
  };
}

/** The last year before the era's first scheduled change of the Russian or Japanese leader (else its end year). */
function tenureEnd(era: Era): number {
  const s = builtinScenario(era) as Scenario;
  const years = s.events
    .filter((e) => e.effects.some((x) => x.type === 'leader' && (x.seat === 'russia' || x.seat === 'japan')))
    .map((e) => e.year ?? s.endYear + 1);
  return Math.min(s.endYear, ...years.map((y) => y - 1));
}

/** Russia's importance to Japan and the ROK at an era's end: energy output, Japan's trust, the ROK's tie. */
const importance = (rs: MatchRecord[]) =>
  mean(
    rs.map((r) => (last(r.series.energy) + r.final.trust.japan.russia + r.final.koreaTies.rok.russia) / 3),
  );

/**
 * Paired score differences, stalemate minus rapprochement (positive: the seat does better in the stalemate). A
 * ratified treaty ends the match, so each pair is compared in the same year, on the public score (agendas are
 * judged only at the end): the rapprochement's last year against the stalemate of the same seed in that year.
 */
function gain(runs: Runs, seat: Seat) {
  const eras = (Object.keys(runs.alt) as Era[]).filter((e) => runs.base[e]);
  const pairs = eras.flatMap((e) =>
    runs.alt[e]!.map((alt, i) => {
      const base = runs.base[e]![i];
      const k = Math.min(alt.scores[seat].length, base.scores[seat].length) - 1;
      return [alt.scores[seat][k], base.scores[seat][k]] as const;
    }),
  );
  return pairedDifference(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}
const signed = (x: number) => `${x >= 0 ? '+' : ''}${fmt(x)}`;

/** How many claims paper-facts §4 lists (numbered 1 to this). */
export const CLAIM_COUNT = 22;

/** The claims of paper-facts §4 that the model can test, each with its control. */
export const CLAIMS: readonly ClaimSpec[] = [
  {
    id: 1,
    claim: 'Stalemate persists',
    paper: 'no island changes hands and no treaty is ratified without a shock (§4.1; CONCLUSION ll. 995–997)',
    eras: BUILTIN_IDS,
    seats: NEGOTIATORS,
    control: {
      name: 'Russia yields the 1956 formula, leaders free to ratify (the paper’s own exception, ll. 995–997)',
      whatIfs: rapprochementWhatIfs,
      eras: POST_SOVIET,
    },
    measure: (runs) => {
      const p = share(all(runs), changed);
      return {
        holds: p.p <= 0.03,
        shows: `islands moved or treaty ratified in ${pct(p)} of ${all(runs).length} runs`,
      };
    },
  },
  {
    id: 2,
    claim: 'Rapport is not sufficient',
    paper: 'even the best rapport (Putin–Abe) could not move the islands (§4.2; PROSPECTS ll. 947–948)',
    eras: BUILTIN_IDS,
    seats: NEGOTIATORS,
    control: {
      name: 'rapport plus free leaders and Japan at the 1956 formula (§2.4: domestic pressure is what rapport cannot beat)',
      whatIfs: (s) => [...freeLeaders(s), ...japanAt1956(s)],
      eras: ['abe-2013'],
    },
    // Wherever rapport comes from, runs that reached high rapport must not resolve more than the rest.
    measure: (runs) => {
      const high = all(runs).filter((r) => max(r.series.rapportRussiaJapan) >= 70);
      const p = share(high, changed);
      return {
        holds: high.length >= 3 && p.p <= 0.03,
        shows: `${high.length} runs reached rapport ≥ 70; of them resolved ${pct(p)}`,
      };
    },
  },
  {
    id: 3,
    claim: 'Energy does not buy territory',
    paper: 'no energy package makes Japan renounce or Russia cede (§4.3; PROSPECTS ll. 984–986)',
    eras: BUILTIN_IDS,
    seats: NEGOTIATORS,
    control: {
      name: 'a Russia without outside options, free to concede, and Japanese money flowing (CONCLUSION ll. 1022–1024)',
      whatIfs: (s) => [
        ...noOutsideOptions(s),
        hold(s, 'pressure.russia', 10),
        hold(s, 'capital.russia', 90),
        policy(s, 'japan', ['abandon-linkage', 'invest-project', 'humanitarian-aid']),
      ],
      eras: POST_SOVIET,
    },
    measure: (runs) => {
      const rs = all(runs);
      const top = [...rs]
        .sort((a, b) => last(b.series.energy) - last(a.series.energy))
        .slice(0, Math.max(1, Math.ceil(rs.length / 4)));
      // Renouncing is giving up the claim itself (below the 1956 two islands); ceding is islands changing hands.
      const yielded = top.filter(
        (r) =>
          changed(r) ||
          last(r.series.japanRung) < Math.min(2, r.series.japanRung[0]) ||
          (last(r.series.russiaRung) >= 2 && r.series.russiaRung[0] < 2),
      );
      return {
        holds: yielded.length <= Math.floor(top.length * 0.03),
        shows: `in the quarter of runs with the most energy, ${yielded.length} of ${top.length} saw a cession, a Russian offer of two islands or more, or a renunciation`,
      };
    },
  },
  {
    id: 4,
    claim: 'Economic ties grow slowly, below potential',
    paper:
      'ties expand "albeit slowly"; the potential is never implemented (§4.4; YELTSIN ll. 443–444, PROSPECTS ll. 942–943)',
    eras: BUILTIN_IDS,
    seats: NEGOTIATORS,
    // The potential is what the model itself yields without the obstacles the paper names (the linkage, sanctions,
    // cheap oil), played on the same seeds: below potential means clearly less output than that counterfactual.
    alt: potential,
    control: {
      name: 'the potential implemented: no linkage, dear oil, no sanctions, Japan invests every year (GORBACHEV ll. 313–315)',
      whatIfs: potential,
      altWhatIfs: potential,
    },
    measure: (runs) => {
      const rs = all(runs);
      const growth = mean(
        rs.map((r) => (last(r.series.energy) - r.series.energy[0]) / Math.max(1, r.series.energy.length - 1)),
      );
      const eras = (Object.keys(runs.alt) as Era[]).filter((e) => runs.base[e]);
      const gap = pairedDifference(
        eras.flatMap((e) => runs.alt[e]!.map((r) => last(r.series.energy))),
        eras.flatMap((e) => runs.base[e]!.map((r) => last(r.series.energy))),
      );
      return {
        holds: gap.high < -5 && growth <= 3,
        shows: `final output ${signed(gap.diff)} points of capacity [${fmt(gap.low)}, ${fmt(gap.high)}] against the potential on the same seeds; ${signed(growth)} points a year`,
      };
    },
  },
  {
    id: 5,
    claim: 'Japan’s linkage wins the argument',
    paper:
      'Russian separation raises energy only marginally while the islands are unresolved (§4.5; IMPLICATIONS ll. 836–839)',
    eras: BUILTIN_IDS,
    seats: NEGOTIATORS,
    // What separation itself buys: Russia separating economics every year, against the same seeds with Russia never
    // separating; Japan plays as its controller chooses. The control drops the linkage in both.
    base: (s) => [policy(s, 'russia', ['separate-economics'])],
    alt: (s) => [policy(s, 'russia', [], ['separate-economics'])],
    control: {
      name: 'Japan drops the linkage (seikei fukabun, IMPLICATIONS ll. 867–869); Russia separating every year against never',
      whatIfs: (s) => [policy(s, 'japan', ['abandon-linkage']), policy(s, 'russia', ['separate-economics'])],
      altWhatIfs: (s) => [
        policy(s, 'japan', ['abandon-linkage']),
        policy(s, 'russia', [], ['separate-economics']),
      ],
    },
    // In unresolved pairs separation added little output (points of capacity at the end) against the same seeds
    // without it; with the linkage dropped it should pay.
    measure: (runs) => {
      const eras = (Object.keys(runs.alt) as Era[]).filter((e) => runs.base[e]);
      const pairs = eras.flatMap((e) =>
        runs.base[e]!.map((r, i) => [r, runs.alt[e]![i]] as const).filter(
          ([r, alt]) => !changed(r) && !changed(alt),
        ),
      );
      const gap = pairedDifference(
        pairs.map(([, alt]) => last(alt.series.energy)),
        pairs.map(([r]) => last(r.series.energy)),
      );
      return {
        holds: pairs.length >= 3 && gap.diff <= 2,
        shows: `${pairs.length} unresolved pairs: separating every year added ${signed(gap.diff)} points of capacity [${fmt(gap.low)}, ${fmt(gap.high)}] by the end against the same seeds without it`,
      };
    },
  },
  {
    id: 6,
    claim: 'Mistrust returns with every incident',
    paper:
      'every incident lowers trust, and incidents, not drift, keep it down (§4.6; PROSPECTS ll. 977–978)',
    eras: BUILTIN_IDS,
    seats: NEGOTIATORS,
    // Incidents bite through the mistrust there is (`incidentBite`): the control builds trust year after year with
    // Russian olive branches and Japanese aid, and no hard line on either side, so incidents find little to revive.
    control: {
      name: 'trust built every year: Russian drawdowns, joint development and energy for Japan, Japanese aid, no hard line (YELTSIN ll. 468–469; PROSPECTS ll. 977–978)',
      whatIfs: (s) => [
        policy(
          s,
          'russia',
          ['drawdown-garrison', 'offer-joint-development', 'energy-card-japan'],
          ['reinforce-garrison', 'border-crackdown', 'harden-stance'],
        ),
        policy(s, 'japan', ['humanitarian-aid'], ['territories-campaign', 'follow-us-line']),
      ],
      // The era that starts with the most trust (Abe's): in the others a century of mistrust is too deep to build
      // past within an era ("can only be enhanced gradually", PROSPECTS ll. 978–979).
      eras: ['abe-2013'],
    },
    // A measurable consequence: Japan's trust moves clearly worse in incident years than in other years.
    measure: (runs) => {
      const b = incidentBite(all(runs));
      return {
        holds: b.n >= 5 && b.fell.p >= 0.9 && b.gap <= -2,
        shows: `Japan's trust fell in ${pct(b.fell)} of ${b.n} incidents; yearly change in incident years minus other years ${signed(b.gap)}`,
      };
    },
  },
  {
    id: 7,
    claim: 'China and the ROK gain from the stalemate',
    paper:
      'their payoffs under stalemate are at least those of a rapprochement (§4.7; CONCLUSION ll. 1020–1022)',
    eras: POST_SOVIET,
    seats: ['china', 'rok'],
    paired: true,
    control: {
      name: 'a Sino-Russian rift: a Japan–Russia deal no longer costs China a partner (CHINA FACTOR ll. 815–817)',
      whatIfs: (s) => [hold(s, 'alignment.sinoRussian', 10)],
      altWhatIfs: (s) => [...rapprochementWhatIfs(s), hold(s, 'alignment.sinoRussian', 10)],
    },
    measure: (runs) => {
      const china = gain(runs, 'china');
      const rok = gain(runs, 'rok');
      return {
        holds: china.diff >= 0 && rok.diff >= 0,
        shows: `stalemate minus rapprochement: China ${signed(china.diff)} [${fmt(china.low)}, ${fmt(china.high)}], ROK ${signed(rok.diff)} [${fmt(rok.low)}, ${fmt(rok.high)}]`,
      };
    },
  },
  {
    id: 8,
    claim: '…but they cannot veto a deal',
    paper: 'neither Seoul nor Beijing can spoil a rapprochement in motion (§4.8; CONCLUSION ll. 1039–1040)',
    eras: POST_SOVIET,
    seats: ['china', 'rok'],
    paired: true,
    // China's channel is Japan's ratification: in a year it encourages the hard line, Japan fails to ratify more
    // often, as far as Tokyo listens to Beijing (`LEVERS.treaty.chinaSway` × Japan–China ties). The control is the
    // Beijing–Tokyo closeness of Mao's years (CHINA FACTOR ll. 752–755) with China pushing the hard line every year.
    control: {
      name: 'Beijing and Tokyo close, as against Moscow in the 1960s–70s (ties held at 90), China pushing Japan’s hard line every year (CHINA FACTOR ll. 710–713, 752–755)',
      whatIfs: (s) => [hold(s, 'alignment.japanChina', 90)],
      altWhatIfs: (s) => [
        ...rapprochementWhatIfs(s),
        hold(s, 'alignment.japanChina', 90),
        policy(s, 'china', ['encourage-hard-line']),
      ],
    },
    // A veto is a signed treaty that fails: of the treaties signed in the rapprochement runs, at least half are ratified.
    measure: (runs) => {
      const alt = flat(runs.alt);
      const signed = alt.reduce(
        (n, r) =>
          n +
          (r.proposals['russia>japan:peace-treaty']?.accepted ?? 0) +
          (r.proposals['japan>russia:peace-treaty']?.accepted ?? 0),
        0,
      );
      const ratified = alt.filter((r) => r.treaty !== null).length;
      const p = wilson(ratified, signed);
      return {
        holds: signed >= 5 && p.p >= 0.5,
        shows: `of ${signed} treaties signed in ${alt.length} rapprochement runs, ${pct(p)} were ratified`,
      };
    },
  },
  {
    id: 9,
    claim: 'Russia’s outside options',
    paper:
      'with China and the ROK as partners Russia declines aid-for-islands trades (§4.9; CONCLUSION ll. 1022–1024)',
    eras: POST_SOVIET,
    seats: NEGOTIATORS,
    control: {
      name: 'outside options gone (rift, cold Korean ties, cheap oil), Japanese aid every year, a free Russian leader',
      whatIfs: (s) => [
        ...noOutsideOptions(s),
        hold(s, 'pressure.russia', 10),
        hold(s, 'capital.russia', 90),
        policy(s, 'japan', ['humanitarian-aid', 'invest-project']),
      ],
    },
    measure: (runs) => {
      const rs = all(runs);
      const p = share(rs, (r) => last(r.series.russiaRung) >= 2 && r.series.russiaRung[0] < 2);
      return {
        holds: p.p <= 0.05,
        shows: `Russia's offer rose to two islands or more in ${pct(p)} of ${rs.length} runs`,
      };
    },
  },
  {
    id: 10,
    claim: 'The West stays passive on the dispute',
    paper: 'the US takes no step toward solving the territorial dispute (§4.10; PROSPECTS ll. 968–970)',
    eras: BUILTIN_IDS,
    seats: ['us'],
    // The step is `back-compromise`: an assurance to Moscow (its fear of the alliance falls) and room for Tokyo,
    // which "without the U.S. permission" had none (DEVELOPMENT ll. 273–275), paid for in alliance points. The
    // paper's reason for passivity is the US's interest, "fearing that it would undermine their positions"
    // (ll. 969–970), so the control changes that interest and lets strategists play the US: a Washington that gains
    // from a settlement and loses nothing by brokering, where a deal is within reach (Moscow holding out the 1956
    // two islands). It flips only if the step really moves a deal in the rules: the strategist backs a compromise
    // only where its playouts show one coming closer.
    control: {
      name: 'a US with a stake in a settlement (2 points a rung) that brokering does not cost, Moscow holding out the 1956 two islands; strategists play the US',
      whatIfs: (s) => [at1956(s, 'russia')],
      eras: ['abe-2013'],
      strategists: true,
      levers: { 'score.usSettlement': 2, 'alignment.brokerCost': 0 },
    },
    measure: (runs) => {
      const rs = all(runs);
      const years = rs.reduce((n, r) => n + r.years.length, 0);
      const steps = wilson(
        rs.reduce((n, r) => n + orders(r, 'us', 'back-compromise'), 0),
        years,
      );
      const deals = share(rs, (r) => r.treaty !== null);
      return {
        holds: steps.p <= 0.05,
        shows: `the US backed a compromise in ${pct(steps)} of ${years} years; a treaty was signed in ${pct(deals)} of ${rs.length} runs`,
      };
    },
  },
  {
    id: 12,
    claim: 'China’s Kuril stance follows Sino-Russian relations',
    paper:
      'China backs Japan’s claim when Sino-Russian relations rupture, as in 1964 (§4.12; CHINA FACTOR ll. 758–759)',
    eras: BUILTIN_IDS,
    seats: ['china'],
    // Under a conditional claim a rupture only exercises the rule; a control that breaks it is a China that breaks
    // with Moscow yet courts it, which the paper's logic says cannot back Japan (it backs Japan *because* of the rift).
    control: {
      name: 'a rupture with China still deepening Russia ties every year',
      whatIfs: (s) => [
        hold(s, 'alignment.sinoRussian', 5),
        policy(s, 'china', ['deepen-russia-ties'], ['back-japan-claim']),
      ],
    },
    // China backs Japan's claim in runs with a rupture and not in the others. The Brezhnev era opens in the
    // Sino-Soviet split, so both groups occur in the historical runs.
    measure: (runs) => {
      const rs = all(runs);
      const backs = (r: MatchRecord) => orders(r, 'china', 'back-japan-claim') > 0;
      const ruptured = (r: MatchRecord) => Math.min(...r.series.sinoRussian) < LEVERS.alignment.riftBelow;
      const rift = share(rs.filter(ruptured), backs);
      const calm = share(
        rs.filter((r) => !ruptured(r)),
        backs,
      );
      return {
        // An empty group says nothing against the claim (an empty share is NaN, which would read as a flip).
        holds: (calm.n === 0 || calm.p <= 0.05) && (rift.n === 0 || rift.p >= 0.5),
        shows: `China backed Japan's claim in ${pct(rift)} of ${rift.n} runs with a rupture, ${pct(calm)} of ${calm.n} without`,
      };
    },
  },
  {
    id: 13,
    claim: 'Brezhnev: the Soviet failures',
    paper:
      'no treaty; the 1978 Sino-Japanese treaty; no Japanese role in Siberia; the alliance intact (§4.13; ll. 278–281)',
    eras: ['brezhnev-1972'],
    seats: NEGOTIATORS,
    control: {
      name: 'Brezhnev turns two islands over and Japan takes them (DEVELOPMENT ll. 252–253)',
      whatIfs: rapprochementWhatIfs,
    },
    measure: (runs) => {
      const bz = all(runs);
      const treaty = share(bz, (r) => r.treaty !== null);
      const sjt = share(bz, (r) => r.flags.includes('sino-japanese-treaty-1978'));
      // An effective role is Japanese-owned output: its stakes times what the projects actually produce.
      const owned = spread(
        bz.map((r) => {
          const ps = Object.values(r.projects);
          return (
            (100 * ps.reduce((sum, p) => sum + (p.japan / 100) * p.output, 0)) /
            Math.max(
              1,
              ps.reduce((sum, p) => sum + p.capacity, 0),
            )
          );
        }),
      );
      const alliance = share(bz, (r) => last(r.series.usJapanAlliance) >= 60);
      return {
        holds: treaty.p === 0 && sjt.p >= 0.9 && owned.p95 <= 10 && alliance.p >= 0.95,
        shows: `treaty ${pct(treaty)}; 1978 treaty ${pct(sjt)}; Japanese-owned output p95 ${fmt(owned.p95)} %; alliance ≥ 60 in ${pct(alliance)}`,
      };
    },
  },
  {
    id: 14,
    claim: 'Gorbachev: words without substance',
    paper:
      'the 1991 summit acknowledges the dispute, visa-free exchange, a drawdown, nothing transferred (§4.14; ll. 336–337)',
    eras: ['gorbachev-1985'],
    seats: NEGOTIATORS,
    control: {
      name: 'Gorbachev yields the 1956 formula with free leaders (the substance the paper says was missing)',
      whatIfs: rapprochementWhatIfs,
    },
    measure: (runs) => {
      const rs = all(runs);
      const ack = share(rs, (r) => last(r.series.russiaRung) >= 1);
      const visa = share(rs, (r) => r.final.visaFree);
      const moved = share(rs, changed);
      return {
        holds: ack.p >= 0.8 && visa.p >= 0.6 && moved.p <= 0.03,
        shows: `acknowledged ${pct(ack)}; visa-free ${pct(visa)}; islands or treaty ${pct(moved)}`,
      };
    },
  },
  {
    id: 15,
    claim: 'Yeltsin: a roller coaster, no net gain',
    paper:
      'trust and rapport swing up and down; the territory ends where it began (§4.15; ll. 397–398, 418–419)',
    eras: ['yeltsin-1992'],
    seats: NEGOTIATORS,
    control: {
      name: 'Yeltsin yields the 1956 formula with free leaders (a net gain)',
      whatIfs: rapprochementWhatIfs,
    },
    measure: (runs) => {
      const ye = all(runs);
      // A roller coaster goes up and down: the share of yearly moves (over half a point) that reverse the last one.
      const reversals = (xs: number[]) => {
        const moves = xs
          .slice(1)
          .map((x, i) => x - xs[i])
          .filter((d) => Math.abs(d) > 0.5);
        let count = 0;
        for (let i = 1; i < moves.length; i++)
          if (Math.sign(moves[i]) !== Math.sign(moves[i - 1])) count += 1;
        return count / Math.max(1, moves.length - 1);
      };
      const swing = mean(
        ye.map((r) => (reversals(r.series.trustJapanRussia) + reversals(r.series.rapportRussiaJapan)) / 2),
      );
      // Territory where it began: both rungs and the islands exactly at their recorded starting levels.
      const same = (xs: number[]) => last(xs) === xs[0];
      const flat = share(
        ye,
        (r) =>
          !changed(r) && same(r.series.russiaRung) && same(r.series.japanRung) && same(r.series.islandsJapan),
      );
      return {
        holds: swing >= 0.3 && flat.p >= 0.9,
        shows: `share of yearly moves that reverse ${fmt(swing, 2)}; territory exactly as recorded at the start in ${pct(flat)}`,
      };
    },
  },
  {
    id: 16,
    claim: 'Abe: close leaders, no islands, Yamal despite sanctions',
    paper:
      'the best relations ever, yet no islands; Japanese money in Yamal despite US sanctions (§4.16; ll. 653–655)',
    eras: ['abe-2013'],
    seats: NEGOTIATORS,
    control: {
      name: 'Putin’s 2018 offer of the 1956 formula taken, with free leaders',
      whatIfs: rapprochementWhatIfs,
    },
    // Not "best era" (a starting value): the leaders keep their rapport up through their common tenure (it decays
    // without summits), and still no islands. The tenure ends the year before Abe's scheduled resignation (2020),
    // which resets rapport by the rules of a leader change.
    measure: (runs) => {
      const abe = all(runs);
      const end = tenureEnd('abe-2013');
      const kept = (r: MatchRecord) => {
        const k = r.years.filter((y) => y <= end).length - 1;
        return r.series.rapportRussiaJapan[Math.max(0, k)];
      };
      const warmer = share(abe, (r) => kept(r) >= 0.9 * r.series.rapportRussiaJapan[0]);
      const ends = `${fmt(mean(abe.map((r) => r.series.rapportRussiaJapan[0])))} → ${fmt(mean(abe.map(kept)))} in ${end}`;
      const moved = share(abe, changed);
      const sanctioned = abe.filter((r) => max(r.series.sanctions) > 10);
      const yamal = share(sanctioned, (r) => r.projects['yamal-lng']?.stage === 'producing');
      const stake = share(abe, (r) => (r.projects['arctic-lng-2']?.japan ?? 0) > 0);
      return {
        holds:
          warmer.p >= 0.8 && moved.p <= 0.03 && sanctioned.length > 0 && yamal.p >= 0.9 && stake.p >= 0.5,
        shows: `rapport (mean ${ends}) kept at 90 % of its start or more ${pct(warmer)}; islands or treaty ${pct(moved)}; Yamal producing under sanctions ${pct(yamal)}; Japanese stake in Arctic LNG 2 ${pct(stake)}`,
      };
    },
  },
  {
    id: 17,
    claim: 'Reform-minded Russian leaders still defer',
    paper: 'any reformer avoids a final territorial concession (§4.17; GORBACHEV ll. 385–387)',
    eras: ['gorbachev-1985', 'yeltsin-1992'],
    seats: ['russia'],
    control: {
      name: 'a reformer with a free hand and no outside options, courted by Japan at the 1956 formula',
      whatIfs: (s) => [...freeLeaders(s), ...noOutsideOptions(s), ...japanAt1956(s)],
    },
    measure: (runs) => {
      const rs = all(runs);
      const p = share(rs, (r) => last(r.series.russiaRung) >= 2 || changed(r));
      return {
        holds: p.p <= 0.05,
        shows: `a reformer offered two islands or more, or settled, in ${pct(p)} of ${rs.length} runs`,
      };
    },
  },
  {
    id: 18,
    claim: 'Japan watches China first',
    paper: 'Japanese policy makers worry more about China than Russia (§4.18; CONCLUSION ll. 1051–1052)',
    eras: ['abe-2013'],
    seats: ['japan'],
    control: {
      name: 'Sino-Japanese détente and a Sino-Russian honeymoon (China friendly, Russia in its camp)',
      whatIfs: (s) => [
        hold(s, 'alignment.japanChina', 95),
        hold(s, 'alignment.sinoRussian', 95),
        policy(s, 'japan', ['court-china']),
      ],
    },
    // Threat as distrust, weighted by alignment for China: Japan's view of China ends darker than of Russia.
    measure: (runs) => {
      const rs = all(runs);
      const chinaView = (r: MatchRecord) => (r.final.trust.japan.china + r.final.alignment.japanChina) / 2;
      const p = share(rs, (r) => chinaView(r) < r.final.trust.japan.russia);
      return {
        holds: p.p >= 0.8,
        shows: `Japan's view of China (trust and alignment) below its trust in Russia in ${pct(p)} of ${rs.length} runs`,
      };
    },
  },
  {
    id: 19,
    claim: 'A rapprochement hurts China, not the US; China courts the Koreas',
    paper:
      'a Japan–Russia rapprochement is detrimental to China, not the US; China courts both Koreas (§4.19; ll. 805–817)',
    eras: POST_SOVIET,
    seats: ['china', 'us'],
    paired: true,
    control: {
      name: 'a rapprochement that takes China in: Sino-Russian and Japan–China honeymoons (no encirclement)',
      whatIfs: (s) => [hold(s, 'alignment.sinoRussian', 95), hold(s, 'alignment.japanChina', 90)],
      altWhatIfs: (s) => [
        ...rapprochementWhatIfs(s),
        hold(s, 'alignment.sinoRussian', 95),
        hold(s, 'alignment.japanChina', 90),
      ],
    },
    measure: (runs) => {
      const china = gain(runs, 'china');
      const us = gain(runs, 'us');
      const courting = (which: 'base' | 'alt') =>
        mean(flat(runs[which]).map((r) => perYear(r, 'china', 'court-koreas')));
      return {
        // Hurts: more than a point of score lost, with confidence; not the US: a point at most. China's courting of
        // the Koreas is shown, not judged: a ratified treaty ends the match in the year of the deal, so the runs hold
        // no year of China's reaction to observe.
        holds: china.low > 1 && us.diff <= 1,
        shows: `stalemate minus rapprochement: China ${signed(china.diff)} [${fmt(china.low)}, ${fmt(china.high)}], US ${signed(us.diff)}; China courts Koreas ${fmt(courting('alt'), 2)} vs ${fmt(courting('base'), 2)} a year`,
      };
    },
  },
  {
    id: 20,
    claim: 'The DPRK looks to Washington; the ROK no longer plays Moscow',
    paper: 'Pyongyang weighs Washington above Moscow (§4.20; CONCLUSION ll. 1056–1058)',
    eras: ['abe-2013'],
    seats: ['dprk', 'rok'],
    control: {
      name: 'Washington closed to Pyongyang, Moscow its patron (ties held: US 0, Russia 90)',
      whatIfs: (s) => [
        hold(s, 'koreaTies.dprk.us', 0),
        hold(s, 'koreaTies.dprk.russia', 90),
        hold(s, 'koreaTies.rok.russia', 80),
      ],
    },
    measure: (runs) => {
      const rs = all(runs);
      const toUs = mean(rs.map((r) => orders(r, 'dprk', 'seek-patron:us')));
      const toRu = mean(rs.map((r) => orders(r, 'dprk', 'seek-patron:russia')));
      const rokMoscow = mean(rs.map((r) => perYear(r, 'rok', 'outreach-moscow')));
      return {
        holds: toUs > toRu && rokMoscow <= 0.5,
        shows: `DPRK seeks the US ${fmt(toUs)} vs Russia ${fmt(toRu)} times a match; ROK outreach to Moscow ${fmt(rokMoscow, 2)} a year`,
      };
    },
  },
  {
    id: 21,
    claim: 'Russia’s importance varies by era',
    paper:
      'Gorbachev’s USSR mattered more than Yeltsin’s Russia; Putin’s rises again (§4.21; CONCLUSION ll. 1047–1050)',
    eras: ['gorbachev-1985', 'yeltsin-1992', 'abe-2013'],
    seats: ['japan', 'rok'],
    control: {
      name: 'Yeltsin’s Russia with Putin’s resources: dear oil, Japanese and Korean money (CONCLUSION ll. 1049–1050)',
      whatIfs: (s) =>
        s.id === 'yeltsin-1992'
          ? [
              hold(s, 'oilPrice', 90),
              policy(s, 'japan', ['abandon-linkage', 'invest-project']),
              policy(s, 'rok', ['outreach-moscow', 'energy-imports']),
            ]
          : [],
    },
    measure: (runs) => {
      const [g, y, a] = (['gorbachev-1985', 'yeltsin-1992', 'abe-2013'] as const).map((e) =>
        importance(runs.base[e] ?? []),
      );
      return {
        holds: g > y && a > y,
        shows: `importance (energy, Japan's trust, the ROK's tie) Gorbachev ${fmt(g)}, Yeltsin ${fmt(y)}, Abe ${fmt(a)}`,
      };
    },
  },
];

/** Claims the model cannot test, and why (the README repeats this). */
export const UNTESTABLE: readonly { id: number; claim: string; paper: string; why: string }[] = [
  {
    id: 11,
    claim: 'No war',
    paper: 'a military clash over the Kurils is about zero (§4.11; CONCLUSION ll. 1014–1019)',
    why: 'the rules have no military clash: no action or event can start one, so "no war" holds by construction',
  },
  {
    id: 22,
    claim: 'Horizon: decades of stalemate',
    paper: 'the pattern continues for decades (§4.22; CONCLUSION ll. 1000–1002)',
    why: 'eras are separate scenarios of 7–11 years; there is no multi-era campaign to play decades through',
  },
];

type BatchKey = string;

/** The distance from history over several eras' historical runs: their year-indicators pooled. */
export function historyOf(
  eras: readonly (readonly [string, readonly MatchRecord[]])[],
): NonNullable<ClaimRow['history']> {
  let inBand = 0;
  let total = 0;
  for (const [era, records] of eras) {
    const d = batchDistanceFromHistory(era, records);
    inBand += d.inBand;
    total += d.total;
  }
  return { inBand, total, share: total ? inBand / total : 1 };
}

/** Runs every arm of every claim and checks them. Batches shared by several claims run once. */
export async function validateClaims(options: ValidateOptions): Promise<{
  rows: ClaimRow[];
  runs: number;
  strategistRuns: number;
  /** Per era, the distance from history of its plain historical runs (no what-if). */
  history: Record<string, NonNullable<ClaimRow['history']>>;
}> {
  const cache = new Map<BatchKey, MatchRecord[]>();
  interface Job {
    key: BatchKey;
    era: Era;
    bots: BotSpec;
    whatIfs: WhatIf[];
    seeds: string[];
    levers?: Record<string, number>;
  }
  const jobs: Job[] = [];
  const want = (
    era: Era,
    bots: BotSpec,
    whatIfs: WhatIf[],
    seeds: string[],
    levers?: Record<string, number>,
  ): BatchKey => {
    const key = JSON.stringify([era, bots, whatIfs, seeds.length, levers ?? null]);
    if (!jobs.some((j) => j.key === key)) jobs.push({ key, era, bots, whatIfs, seeds, levers });
    return key;
  };
  const strategistIn = (seats: readonly Seat[]): BotSpec =>
    perSeat((s) => (seats.includes(s) ? STRATEGIST : 'historical'));
  // Strategists take the negotiators' seats for claims about Russia or Japan, the other four seats otherwise, so
  // the strategist arm is two configurations, not one per claim.
  const group = (c: ClaimSpec) => (c.seats.some((s) => NEGOTIATORS.includes(s)) ? NEGOTIATORS : OTHERS);
  const scenario = (era: Era) => builtinScenario(era) as Scenario;

  interface Plan {
    a: Record<string, [BatchKey, BatchKey?]>;
    b: Record<string, [BatchKey, BatchKey?]>;
    c: Record<string, [BatchKey, BatchKey?]>;
  }
  const plans = new Map<number, Plan>();
  const claims = CLAIMS.filter((c) => !options.only || options.only.includes(c.id));
  for (const c of claims) {
    const plan: Plan = { a: {}, b: {}, c: {} };
    for (const era of c.eras) {
      const s = scenario(era);
      const alt = c.alt?.(s) ?? (c.paired ? rapprochementWhatIfs(s) : undefined);
      const base = c.base?.(s) ?? [];
      plan.a[era] = [
        want(era, HISTORICAL, base, options.seeds),
        alt && want(era, HISTORICAL, alt, options.seeds),
      ];
      if (!options.skipStrategist) {
        const bots = strategistIn(group(c));
        plan.b[era] = [
          want(era, bots, base, options.strategistSeeds),
          alt && want(era, bots, alt, options.strategistSeeds),
        ];
      }
    }
    const { strategists, levers } = c.control;
    const controlBots = strategists ? strategistIn(group(c)) : HISTORICAL;
    const controlSeeds = strategists ? options.strategistSeeds : options.seeds;
    const controlLevers = levers && { ...options.threadLevers, ...options.levers, ...levers };
    if (strategists && options.strategistSeeds.length === 0)
      throw new Error(`claim ${c.id}'s control is played by strategists: it needs strategist seeds`);
    for (const era of c.control.eras ?? c.eras) {
      const s = scenario(era);
      const altWhatIfs = c.control.altWhatIfs?.(s);
      plan.c[era] = [
        want(era, controlBots, c.control.whatIfs(s), controlSeeds, controlLevers),
        altWhatIfs && want(era, controlBots, altWhatIfs, controlSeeds, controlLevers),
      ];
    }
    plans.set(c.id, plan);
  }

  const total = jobs.reduce((n, j) => n + j.seeds.length, 0);
  // Matches done per batch; local batches run one after another, batches on a queue (`batchRunner`) several at once
  // so every queue worker has work.
  const doneOf: number[] = jobs.map(() => 0);
  const runOne = async (k: number) => {
    const job = jobs[k];
    const base = scenario(job.era);
    const applied = applyWhatIfs(base, job.whatIfs);
    if (!applied.ok) throw new Error(applied.error);
    // Historical matches take milliseconds: worker threads (a second each to start) pay only for strategists or
    // long batches.
    const heavy = Object.values(job.bots).includes(STRATEGIST) || job.seeds.length >= 100;
    const records = await (options.batchRunner ?? runBatch)(
      {
        scenario: applied.value,
        seeds: job.seeds,
        bots: job.bots,
        whatIfs: job.whatIfs,
        levers: job.levers ?? options.levers,
      },
      {
        workers: heavy ? options.workers : 1,
        onProgress: (done) => {
          doneOf[k] = done;
          options.onProgress?.(
            doneOf.reduce((n, d) => n + d, 0),
            total,
          );
        },
      },
    );
    cache.set(job.key, records);
  };
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await runOne(next++);
  };
  await Promise.all(Array.from({ length: options.batchRunner ? Math.min(8, jobs.length) : 1 }, lane));

  const runsOf = (arm: Record<string, [BatchKey, BatchKey?]>): Runs => {
    const runs: Runs = { base: {}, alt: {} };
    for (const [era, [b, a]] of Object.entries(arm) as [Era, [BatchKey, BatchKey?]][]) {
      runs.base[era] = cache.get(b)!;
      if (a) runs.alt[era] = cache.get(a)!;
    }
    return runs;
  };
  const rows: ClaimRow[] = [];
  for (const c of claims) {
    const plan = plans.get(c.id)!;
    const historical = c.measure(runsOf(plan.a));
    const strategist = options.skipStrategist ? null : c.measure(runsOf(plan.b));
    const controlled = c.measure(runsOf(plan.c));
    const control = { whatIf: c.control.name, shows: controlled.shows, flipped: !controlled.holds };
    const holds = historical.holds && (strategist?.holds ?? true);
    const status: ClaimRow['status'] = !holds ? 'fail' : control.flipped ? 'pass' : 'built-in';
    const history = historyOf(Object.entries(plan.a).map(([era, [key]]) => [era, cache.get(key)!] as const));
    rows.push({ id: c.id, claim: c.claim, paper: c.paper, historical, strategist, control, history, status });
  }
  for (const u of UNTESTABLE.filter((x) => !options.only || options.only.includes(x.id)))
    rows.push({
      id: u.id,
      claim: u.claim,
      paper: `${u.paper}; untestable: ${u.why}`,
      historical: null,
      strategist: null,
      control: null,
      history: null,
      status: 'untestable',
    });
  rows.sort((a, b) => a.id - b.id);
  const strategistRuns = jobs
    .filter((j) => Object.values(j.bots).includes(STRATEGIST))
    .reduce((n, j) => n + j.seeds.length, 0);
  const history: Record<string, NonNullable<ClaimRow['history']>> = {};
  for (const job of jobs)
    if (job.whatIfs.length === 0 && job.bots === HISTORICAL)
      history[job.era] = historyOf([[job.era, cache.get(job.key)!]]);
  return { rows, runs: total, strategistRuns, history };
}

/** The control's interventions for one claim and era, described (for the README and `--json`). */
export function describeControl(id: number, era: Era): string[] {
  const c = CLAIMS.find((x) => x.id === id);
  return c ? c.control.whatIfs(builtinScenario(era) as Scenario).map(describeWhatIf) : [];
}

/** The history column: the share of year-indicators within the recorded band. */
const historyCell = (h: ClaimRow['history']) =>
  h === null ? '—' : `${(h.share * 100).toFixed(0)} % (${h.inBand}/${h.total})`;

const mark = (a: ArmResult | null) => (a === null ? '—' : `${a.holds ? 'holds' : 'FAILS'}: ${a.shows}`);

/** The claims table as text. */
export function formatClaims(rows: readonly ClaimRow[]): string[] {
  const lines = ['claim | historical | strategist | control | history | status', '---|---|---|---|---|---'];
  for (const r of rows) {
    const control = r.control
      ? `${r.control.whatIf} → ${r.control.flipped ? 'flips' : 'DOES NOT FLIP'}: ${r.control.shows}`
      : '—';
    lines.push(
      `${r.id}. ${r.claim} | ${mark(r.historical)} | ${mark(r.strategist)} | ${control} | ${historyCell(r.history)} | ${r.status.toUpperCase()}`,
    );
  }
  return lines;
}
