/**
 * The distance from history: for each era, the recorded level of the territorial positions, key alignment levers
 * and energy projects year by year, each with its source, and how far a match or a batch of matches strays from it.
 *
 * A level is a band on the game's own scale. Ladder rungs and project stages are the record itself (a rung or a
 * stage either matches what the governments did or not); alignment levels are 0-100 game scales the paper only
 * qualifies ("honeymoon", "rift"), so their bands are marked `design`. Only levels with a source are listed: an era
 * without a recorded level for an indicator and year is simply not measured there.
 */
import type { GameState, Snapshot } from '../game/state';
import type { Source } from '../game/scenario-schema';
import type { MatchRecord } from './batch';

/** A measured indicator: a snapshot lever, or `stage:<project id>` (index into PROJECT_STAGES). */
export type HistoryIndicator =
  'russiaRung' | 'japanRung' | 'sanctions' | 'sinoRussian' | 'usJapanAlliance' | `stage:${string}`;

/** One recorded level: from `from` to `to` (years, inclusive) the indicator lay within [min, max]. */
export interface RecordedLevel {
  indicator: HistoryIndicator;
  from: number;
  to: number;
  min: number;
  max: number;
  /** `record` where the scale is the record (ladder rungs, project stages); `design` where it is the game's. */
  band: 'record' | 'design';
  source: Source;
}

/** A value of every measured indicator at the end of one year. */
export interface YearLevels {
  year: number;
  values: Partial<Record<HistoryIndicator, number>>;
}

const paper = (section: string, lines: string, quote: string): Source => ({
  kind: 'paper',
  section,
  lines,
  quote,
});
const external = (reference: string, note?: string): Source =>
  note === undefined ? { kind: 'external', reference } : { kind: 'external', reference, note };

// Ladder: 0 no dispute, 1 acknowledged, 2 two islands, 3 joint development, 4 four islands.
// Stages: 0 proposed, 1 negotiating, 2 financed, 3 producing.
const DEV = 'DEVELOPMENT (FROM POST WORLD WAR II TO PRE-GORBACHEYV)';
const STALEMATE_JAPAN = paper(
  'IMPLICATIONS OF RUSSO-JAPANESE STALEMATE',
  '934–935',
  'Japan cannot ever surrender over any type of negotiation with Russia over these controversial islands',
);
const ALLIANCE = paper(
  'INTRODUCTION',
  '42–44',
  'not favorable to each other because of both Japan- the United States military alliance and Kuril Issues',
);
const COMMUNIQUE_1991 = external(
  'Japan–Soviet Joint Communiqué, Tokyo, 18 April 1991 (Ministry of Foreign Affairs of Japan)',
  'the first Soviet document to name the four islands as the territorial question: before it Moscow admitted none',
);

/** The recorded levels of each era, by scenario id. */
export const RECORDED_LEVELS: Readonly<Record<string, readonly RecordedLevel[]>> = {
  'brezhnev-1972': [
    {
      indicator: 'russiaRung',
      from: 1972,
      to: 1982,
      min: 0,
      max: 0,
      band: 'record',
      source: paper(
        DEV,
        '247–248',
        'there was even no official mention of the Kurils in Soviet diplomacy toward Japan',
      ),
    },
    {
      indicator: 'japanRung',
      from: 1972,
      to: 1982,
      min: 4,
      max: 4,
      band: 'record',
      source: paper(
        DEV,
        '253–255',
        'Since the Japanese Prime Minister Tanaka insisted that, however, all four islands belonged to Japan',
      ),
    },
    {
      indicator: 'sinoRussian',
      from: 1972,
      to: 1982,
      min: 0,
      max: 35,
      band: 'design',
      source: paper(
        'CHINA FACTOR',
        '725–726',
        'China had to support Japanese claim over Kuril Islands during that time',
      ),
    },
    {
      indicator: 'usJapanAlliance',
      from: 1972,
      to: 1982,
      min: 60,
      max: 100,
      band: 'design',
      source: ALLIANCE,
    },
    {
      indicator: 'sanctions',
      from: 1982,
      to: 1982,
      min: 15,
      max: 100,
      band: 'design',
      source: paper(
        DEV,
        '265–266',
        'trade sanctions enacted against the USSR after martial law was imposed in Poland',
      ),
    },
    {
      indicator: 'stage:sakhalin-shelf',
      from: 1972,
      to: 1982,
      min: 0,
      max: 2,
      band: 'record',
      source: paper(
        DEV,
        '280–281',
        'failure to secure effective Japanese participation in Siberian development',
      ),
    },
  ],
  'gorbachev-1985': [
    {
      indicator: 'russiaRung',
      from: 1985,
      to: 1990,
      min: 0,
      max: 0,
      band: 'record',
      source: COMMUNIQUE_1991,
    },
    {
      indicator: 'russiaRung',
      from: 1991,
      to: 1991,
      min: 1,
      max: 1,
      band: 'record',
      source: paper(
        'GORBACHEV AND JAPAN',
        '336–337',
        "nothing but lip service with no substantial difference from Moscow's previous position",
      ),
    },
    {
      indicator: 'japanRung',
      from: 1985,
      to: 1991,
      min: 4,
      max: 4,
      band: 'record',
      source: paper(
        'GORBACHEV AND JAPAN',
        '310–312',
        "Japan's main reason of signing a peace treaty with Russia was to attain the Northern Territories",
      ),
    },
    {
      indicator: 'sinoRussian',
      from: 1989,
      to: 1991,
      min: 40,
      max: 100,
      band: 'design',
      source: external('Gorbachev–Deng Xiaoping summit, Beijing, 16 May 1989: Sino-Soviet normalisation'),
    },
    {
      indicator: 'usJapanAlliance',
      from: 1985,
      to: 1991,
      min: 60,
      max: 100,
      band: 'design',
      source: ALLIANCE,
    },
    {
      indicator: 'stage:sakhalin-shelf',
      from: 1985,
      to: 1991,
      min: 0,
      max: 2,
      band: 'record',
      source: external(
        'Sakhalin-2 first oil, Vityaz complex, July 1999',
        'no oil came ashore from the Sakhalin shelf for Japan before it',
      ),
    },
  ],
  'yeltsin-1992': [
    {
      indicator: 'russiaRung',
      from: 1992,
      to: 1999,
      min: 1,
      max: 1,
      band: 'record',
      source: paper(
        'YELTSIN AND JAPAN › Analysis of major obstacles',
        '513–515',
        'Yeltsin just could not give up these four island under any circumstances as a national leader',
      ),
    },
    { indicator: 'japanRung', from: 1992, to: 1999, min: 4, max: 4, band: 'record', source: STALEMATE_JAPAN },
    {
      indicator: 'sanctions',
      from: 1992,
      to: 1999,
      min: 0,
      max: 20,
      band: 'design',
      source: paper(
        'INTRODUCTION',
        '25–26',
        'There is no direct severe conflict of ideologies or a military clash between Moscow and Washington',
      ),
    },
    {
      indicator: 'usJapanAlliance',
      from: 1992,
      to: 1999,
      min: 60,
      max: 100,
      band: 'design',
      source: ALLIANCE,
    },
    ...stages('sakhalin-2', [
      [1992, 1993, 0, 1, external('Sakhalin-2 production sharing agreement, 22 June 1994')],
      [1994, 1998, 2, 2, external('Sakhalin-2 first oil, Vityaz complex, July 1999')],
      [1999, 1999, 3, 3, external('Sakhalin-2 first oil, Vityaz complex, July 1999')],
    ]),
    ...stages('sakhalin-1', [
      [1992, 1994, 0, 1, external('Sakhalin-1 production sharing agreement, 30 June 1995')],
      [1995, 1999, 2, 2, external('Sakhalin-1 first oil, October 2005')],
    ]),
    ...stages('east-siberian-oil-gas', [
      [
        1992,
        1999,
        0,
        1,
        external(
          'Eastern Siberia–Pacific Ocean pipeline: construction from April 2006, first oil December 2009',
        ),
      ],
    ]),
  ],
  'abe-2013': [
    {
      indicator: 'russiaRung',
      from: 2013,
      to: 2020,
      min: 1,
      max: 2,
      band: 'record',
      source: external(
        'Irkutsk Statement, 25 March 2001, and the Japan–Russia summit in Singapore, 14 November 2018 (Ministry of Foreign Affairs of Japan)',
        'Moscow affirms the 1956 Joint Declaration (two islands) as the basis of talks and never offers more',
      ),
    },
    { indicator: 'japanRung', from: 2013, to: 2017, min: 4, max: 4, band: 'record', source: STALEMATE_JAPAN },
    {
      indicator: 'japanRung',
      from: 2018,
      to: 2020,
      min: 2,
      max: 2,
      band: 'record',
      source: paper(
        'PROSPECTS AND POLICY IMPLICATIONS',
        '957–959',
        'Japan would most likely settle for confirmation of the 1956 Japan- Russia joint declaration',
      ),
    },
    {
      indicator: 'sanctions',
      from: 2013,
      to: 2013,
      min: 0,
      max: 20,
      band: 'design',
      source: { kind: 'design', note: 'before Crimea: no sanctions on Russia to speak of' },
    },
    {
      indicator: 'sanctions',
      from: 2014,
      to: 2020,
      min: 20,
      max: 100,
      band: 'design',
      source: paper(
        'PUTIN AND JAPAN',
        '636–638',
        'despite some conflict over UN led sanctions toward Russia following Ukrainian crisis and Crimean issues',
      ),
    },
    {
      indicator: 'sinoRussian',
      from: 2013,
      to: 2020,
      min: 60,
      max: 100,
      band: 'design',
      source: paper(
        'CHINA FACTOR',
        '700–701',
        'nothing seems to interfere in this unusually long lasting honeymoon relations at this moment',
      ),
    },
    {
      indicator: 'usJapanAlliance',
      from: 2013,
      to: 2020,
      min: 60,
      max: 100,
      band: 'design',
      source: paper(
        'CHINA FACTOR',
        '813–814',
        'Japan is very actively participating in the U.S. led Indo Pacific Strategy',
      ),
    },
    ...stages('yamal-lng', [
      [2013, 2016, 2, 2, external('Yamal LNG first cargo, 8 December 2017 (Novatek)')],
      [2017, 2020, 3, 3, external('Yamal LNG first cargo, 8 December 2017 (Novatek)')],
    ]),
    ...stages('power-of-siberia', [
      [2013, 2013, 1, 1, external('Gazprom–CNPC Power of Siberia supply contract, Shanghai, 21 May 2014')],
      [2014, 2018, 2, 2, external('Power of Siberia first gas to China, 2 December 2019')],
      [2019, 2020, 3, 3, external('Power of Siberia first gas to China, 2 December 2019')],
    ]),
    ...stages('arctic-lng-2', [
      [2013, 2018, 0, 1, external('Arctic LNG 2 final investment decision, 5 September 2019 (Novatek)')],
      [2019, 2020, 2, 2, external('Arctic LNG 2 first LNG, December 2023 (Novatek)')],
    ]),
  ],
};

/** Stage bands of one project: [from, to, min, max, source] rows. */
function stages(project: string, rows: [number, number, number, number, Source][]): RecordedLevel[] {
  return rows.map(([from, to, min, max, source]) => ({
    indicator: `stage:${project}`,
    from,
    to,
    min,
    max,
    band: 'record',
    source,
  }));
}

/** The recorded levels of an era (none for an era without a table, e.g. a custom scenario). */
export function recordedLevels(scenarioId: string): readonly RecordedLevel[] {
  return RECORDED_LEVELS[scenarioId] ?? [];
}

/** The measured indicators at each year's end, from the match's yearly snapshots. */
export function yearLevels(history: readonly Snapshot[]): YearLevels[] {
  return history.map((h) => {
    const values: Partial<Record<HistoryIndicator, number>> = {
      russiaRung: h.russiaRung,
      japanRung: h.japanRung,
      sanctions: h.sanctions,
      sinoRussian: h.sinoRussian,
      usJapanAlliance: h.usJapanAlliance,
    };
    for (const [project, stage] of Object.entries(h.stages ?? {})) values[`stage:${project}`] = stage;
    return { year: h.year, values };
  });
}

/** One year-indicator of the record against a match or a batch. */
export interface HistoryCell {
  year: number;
  indicator: HistoryIndicator;
  min: number;
  max: number;
  band: RecordedLevel['band'];
  source: Source;
  /** The match's value, or the batch's median over the runs that reached the year. */
  value: number;
  inBand: boolean;
  /** Runs measured (1 for a single match). */
  runs: number;
  /** Share of those runs within the band, 0-1. */
  runsInBand: number;
}

/** How far a batch (or one match) stays from the recorded levels of its era. */
export interface HistoryDistance {
  scenario: string;
  cells: HistoryCell[];
  /** Year-indicators whose median lies in the band, of all measured. */
  inBand: number;
  total: number;
  /** inBand / total, 0-1; 1 when nothing is measured. */
  share: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The distance from history of a set of runs of one era, each given as its yearly levels: per recorded year and
 * indicator, whether the runs' median lies within the recorded band, and the share of year-indicators that do.
 * Years no run reached are left out.
 */
export function distanceFromHistory(
  scenarioId: string,
  runs: readonly (readonly YearLevels[])[],
): HistoryDistance {
  const cells: HistoryCell[] = [];
  for (const level of recordedLevels(scenarioId)) {
    for (let year = level.from; year <= level.to; year++) {
      const values: number[] = [];
      for (const run of runs) {
        const v = run.find((y) => y.year === year)?.values[level.indicator];
        if (v !== undefined) values.push(v);
      }
      if (values.length === 0) continue;
      const value = median(values);
      const within = (v: number) => v >= level.min && v <= level.max;
      cells.push({
        year,
        indicator: level.indicator,
        min: level.min,
        max: level.max,
        band: level.band,
        source: level.source,
        value,
        inBand: within(value),
        runs: values.length,
        runsInBand: values.filter(within).length / values.length,
      });
    }
  }
  cells.sort((a, b) => a.year - b.year || a.indicator.localeCompare(b.indicator));
  const inBand = cells.filter((c) => c.inBand).length;
  return {
    scenario: scenarioId,
    cells,
    inBand,
    total: cells.length,
    share: cells.length ? inBand / cells.length : 1,
  };
}

/**
 * The distance from history of a batch's records (`runBatch`), for `validate` and `sim`. Records need `levels`
 * (every record `runMatchRecord` makes has them).
 */
export function batchDistanceFromHistory(
  scenarioId: string,
  records: readonly MatchRecord[],
): HistoryDistance {
  return distanceFromHistory(
    scenarioId,
    records.map((r) => r.levels ?? []),
  );
}

/** The distance from history of one match (its final state): the debrief lists the cells out of band. */
export function matchDistanceFromHistory(G: GameState): HistoryDistance {
  return distanceFromHistory(G.scenarioId, [yearLevels(G.history)]);
}
