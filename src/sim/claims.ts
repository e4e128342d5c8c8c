/**
 * `validate`: does the model reproduce the paper? Historical bots in every seat play every era on the same seeds,
 * plus a rapprochement counterfactual (Russia offers and Japan accepts the 1956 two islands) for claim 7; then the
 * paper's conclusions (paper-facts §4) are checked against the runs. Each row says what the paper says, what the
 * runs show, and whether they agree.
 */
import { perSeat, type Seat } from '../game/vocabulary';
import type { BotSpec } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import { pairedDifference, spread, wilson, type Proportion } from './aggregate';
import { runBatch, type MatchRecord } from './batch';
import { applyWhatIfs, type WhatIf } from './whatif';

export interface ClaimRow {
  id: number;
  claim: string;
  paper: string;
  shows: string;
  pass: boolean;
}

export interface ValidateOptions {
  seeds: string[];
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

const HISTORICAL: BotSpec = perSeat(() => 'historical');

/**
 * The rapprochement counterfactual of claim 7: both sides at the 1956 formula, the linkage dropped, a treaty offered
 * every year, and leaders with the domestic room to ratify it.
 */
export function rapprochementWhatIfs(scenario: Scenario): WhatIf[] {
  const year = scenario.startYear;
  return [
    ...(['russia', 'japan'] as const).flatMap((seat): WhatIf[] => [
      { type: 'set', year, lever: `pressure.${seat}`, value: 20, once: false },
      { type: 'set', year, lever: `capital.${seat}`, value: 90, once: false },
    ]),
    { type: 'position', year, seat: 'russia', rung: 'two-islands', once: false },
    { type: 'position', year, seat: 'japan', rung: 'two-islands', once: false },
    { type: 'policy', year, seat: 'russia', force: [], forbid: ['harden-stance'], treaty: 'two-islands' },
    { type: 'policy', year, seat: 'japan', force: ['abandon-linkage'], forbid: ['restore-linkage', 'territories-campaign'], treaty: 'two-islands' },
  ];
}

const pct = (p: Proportion) => `${(p.p * 100).toFixed(1)} % [${(p.low * 100).toFixed(1)}–${(p.high * 100).toFixed(1)}]`;
const fmt = (x: number, d = 1) => x.toFixed(d);
const last = (xs: number[]) => xs[xs.length - 1];
const max = (xs: number[]) => Math.max(...xs);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Runs the baselines (and the counterfactual) and checks the claims. */
export async function validateClaims(options: ValidateOptions): Promise<{ rows: ClaimRow[]; runs: number }> {
  const eras = BUILTIN_IDS;
  const base: Record<string, MatchRecord[]> = {};
  const counter: Record<string, MatchRecord[]> = {};
  const counterEras = ['yeltsin-1992', 'abe-2013'];
  const total = options.seeds.length * (eras.length + counterEras.length);
  let doneBefore = 0;
  const progress = (done: number) => options.onProgress?.(doneBefore + done, total);
  for (const id of eras) {
    const scenario = builtinScenario(id) as Scenario;
    base[id] = await runBatch({ scenario, seeds: options.seeds, bots: HISTORICAL, whatIfs: [] }, { workers: options.workers, onProgress: progress });
    doneBefore += options.seeds.length;
  }
  for (const id of counterEras) {
    const scenario = builtinScenario(id) as Scenario;
    const whatIfs = rapprochementWhatIfs(scenario);
    const applied = applyWhatIfs(scenario, whatIfs);
    if (!applied.ok) throw new Error(applied.error);
    counter[id] = await runBatch({ scenario: applied.value, seeds: options.seeds, bots: HISTORICAL, whatIfs }, { workers: options.workers, onProgress: progress });
    doneBefore += options.seeds.length;
  }

  const all = eras.flatMap((id) => base[id]);
  const n = all.length;
  const rows: ClaimRow[] = [];
  const changed = (r: MatchRecord) => r.territorial !== 'none' || r.treaty !== null;

  // 1. Stalemate persists.
  const resolved = wilson(all.filter(changed).length, n);
  rows.push({
    id: 1,
    claim: 'Stalemate persists',
    paper: 'no island changes hands and no treaty is ratified without a shock',
    shows: `islands moved or treaty ratified in ${pct(resolved)} of ${n} runs over ${eras.length} eras`,
    pass: resolved.p <= 0.02,
  });

  // 2. Rapport is not sufficient.
  const abe = base['abe-2013'];
  const peak = (id: string) => mean(base[id].map((r) => max(r.series.rapportRussiaJapan)));
  const abePeak = peak('abe-2013');
  const abeResolved = wilson(abe.filter(changed).length, abe.length);
  const bestEra = eras.every((id) => id === 'abe-2013' || peak(id) <= abePeak);
  rows.push({
    id: 2,
    claim: 'Rapport is not sufficient',
    paper: 'even Putin and Abe, the best rapport, could not move the islands',
    shows: `Abe-era peak rapport ${fmt(abePeak)} (highest era: ${bestEra ? 'yes' : 'no'}); resolved in ${pct(abeResolved)}`,
    pass: bestEra && abeResolved.p <= 0.02,
  });

  // 3. Energy does not buy territory: the runs with the most energy still see no cession or renunciation.
  const byEnergy = [...all].sort((a, b) => last(b.series.energy) - last(a.series.energy)).slice(0, Math.max(1, Math.ceil(n / 4)));
  const startRung = (r: MatchRecord) => r.series.japanRung[0];
  // Renouncing is giving up the claim itself (below the 1956 two islands); ceding is islands changing hands.
  const yielded = byEnergy.filter((r) => changed(r) || last(r.series.japanRung) < Math.min(2, startRung(r)));
  rows.push({
    id: 3,
    claim: 'Energy does not buy territory',
    paper: 'no energy package makes Japan renounce or Russia cede',
    shows: `in the quarter of runs with the most energy output, ${yielded.length} of ${byEnergy.length} saw a cession or a Japan that renounced its claim`,
    pass: yielded.length <= Math.floor(byEnergy.length * 0.02),
  });

  // 4. Economic ties grow slowly and stay below potential.
  const finalEnergy = spread(all.map((r) => last(r.series.energy)));
  const growth = mean(all.map((r) => (last(r.series.energy) - r.series.energy[0]) / Math.max(1, r.series.energy.length - 1)));
  rows.push({
    id: 4,
    claim: 'Economic ties grow slowly, below potential',
    paper: 'ties expand "albeit slowly"; the potential is never implemented',
    shows: `energy output at the end: median ${fmt(finalEnergy.p50)} %, 95th percentile ${fmt(finalEnergy.p95)} % of capacity; mean growth ${fmt(growth, 2)} points a year`,
    pass: finalEnergy.p95 < 85 && growth <= 5,
  });

  // 6. Mistrust comes back with every incident; Japan's trust never gets high.
  const incidents = all.flatMap((r) => r.incidents);
  const lowered = wilson(incidents.filter((i) => i.after < i.before).length, incidents.length);
  const trustPeak = max(all.map((r) => max(r.series.trustJapanRussia)));
  rows.push({
    id: 6,
    claim: 'Mistrust returns with every incident',
    paper: 'every incident lowers trust; Japanese trust never climbs high',
    shows: `Japan's trust fell in ${pct(lowered)} of ${incidents.length} incident years; its highest level in any run ${fmt(trustPeak)} (high = 60)`,
    pass: incidents.length > 0 && lowered.p >= 0.95 && trustPeak < 60,
  });

  // 7. China and the ROK do at least as well under stalemate as in a rapprochement.
  // "At least as well": no era where the rapprochement is clearly (95 %) better for them, and no loss on average.
  const parts: string[] = [];
  let ok7 = true;
  for (const seat of ['china', 'rok'] as Seat[]) {
    const pooled = pairedDifference(
      counterEras.flatMap((id) => counter[id].map((r) => r.finalScores[seat])),
      counterEras.flatMap((id) => base[id].map((r) => r.finalScores[seat])),
    );
    ok7 &&= pooled.diff >= 0;
    parts.push(`${seat} overall ${pooled.diff >= 0 ? '+' : ''}${fmt(pooled.diff)} [${fmt(pooled.low)}, ${fmt(pooled.high)}]`);
  }
  for (const id of counterEras) {
    const treaties = wilson(counter[id].filter((r) => r.treaty !== null).length, counter[id].length);
    for (const seat of ['china', 'rok'] as Seat[]) {
      const d = pairedDifference(
        counter[id].map((r) => r.finalScores[seat]),
        base[id].map((r) => r.finalScores[seat]),
      );
      ok7 &&= d.high >= 0;
      parts.push(`${id} ${seat} ${d.diff >= 0 ? '+' : ''}${fmt(d.diff)} [${fmt(d.low)}, ${fmt(d.high)}]`);
    }
    parts.push(`(treaty in ${pct(treaties)} of ${id} counterfactual runs)`);
  }
  rows.push({
    id: 7,
    claim: 'China and the ROK gain from the stalemate',
    paper: 'their payoffs under stalemate are at least those of a rapprochement',
    shows: `stalemate minus rapprochement: ${parts.join('; ')}`,
    pass: ok7,
  });

  // 13. The Brezhnev baseline reproduces the Soviet failures.
  const bz = base['brezhnev-1972'];
  const bzTreaty = wilson(bz.filter((r) => r.treaty !== null).length, bz.length);
  const sjt = wilson(bz.filter((r) => r.flags.includes('sino-japanese-treaty-1978')).length, bz.length);
  const siberia = mean(bz.map((r) => r.japanStake));
  // An effective role is Japanese-owned output: its stakes times what the projects actually produce.
  const effective = spread(
    bz.map((r) => {
      const ps = Object.values(r.projects);
      return (100 * ps.reduce((sum, p) => sum + (p.japan / 100) * p.output, 0)) / Math.max(1, ps.reduce((sum, p) => sum + p.capacity, 0));
    }),
  );
  const alliance = wilson(bz.filter((r) => last(r.series.usJapanAlliance) >= 60).length, bz.length);
  rows.push({
    id: 13,
    claim: 'Brezhnev: the Soviet failures',
    paper: 'no peace treaty; the 1978 Sino-Japanese treaty; no Japanese role in Siberia; the alliance intact',
    shows: `treaty ${pct(bzTreaty)}; 1978 treaty ${pct(sjt)}; Japanese-owned output: median ${fmt(effective.p50)} %, 95th percentile ${fmt(effective.p95)} % of capacity (mean stake ${fmt(siberia)} %); alliance ≥ 60 in ${pct(alliance)}`,
    pass: bzTreaty.p === 0 && sjt.p >= 0.9 && effective.p95 <= 10 && alliance.p >= 0.95,
  });

  // 15. The Yeltsin baseline is a roller coaster with no net gain.
  // A roller coaster goes up and down: the share of yearly moves (over half a point) that reverse the last one.
  const reversals = (xs: number[]) => {
    const moves = xs.slice(1).map((x, i) => x - xs[i]).filter((d) => Math.abs(d) > 0.5);
    let count = 0;
    for (let i = 1; i < moves.length; i++) if (Math.sign(moves[i]) !== Math.sign(moves[i - 1])) count += 1;
    return count / Math.max(1, moves.length - 1);
  };
  const swing = (id: string) =>
    mean(base[id].map((r) => (reversals(r.series.trustJapanRussia) + reversals(r.series.rapportRussiaJapan)) / 2));
  const yeltsinSwing = swing('yeltsin-1992');
  const swingsMost = eras.every((id) => id === 'yeltsin-1992' || swing(id) <= yeltsinSwing);
  const ye = base['yeltsin-1992'];
  const flat = wilson(ye.filter((r) => !changed(r) && last(r.series.russiaRung) <= r.series.russiaRung[0] + 0).length, ye.length);
  rows.push({
    id: 15,
    claim: 'Yeltsin: a roller coaster, no net gain',
    paper: 'trust and rapport swing up and down; the territory ends where it began',
    shows: `share of yearly moves that reverse ${fmt(yeltsinSwing, 2)} (${eras.map((id) => `${id.split('-')[0]} ${fmt(swing(id), 2)}`).join(', ')}); territory unchanged in ${pct(flat)}`,
    pass: swingsMost && flat.p >= 0.9,
  });

  // 16. The Abe baseline: the best relationship, yet no islands; Yamal goes ahead despite sanctions.
  const trustMean = (id: string) => mean(base[id].map((r) => mean(r.series.trustJapanRussia)));
  const bestTrust = eras.every((id) => id === 'abe-2013' || trustMean(id) <= trustMean('abe-2013'));
  const yamal = wilson(abe.filter((r) => r.projects['yamal-lng']?.stage === 'producing').length, abe.length);
  // Japan held no equity in Yamal LNG (JBIC loans and offtake); its stake is Arctic LNG 2 (Mitsui and JOGMEC, 2019).
  const arcticJapan = wilson(abe.filter((r) => (r.projects['arctic-lng-2']?.japan ?? 0) > 0).length, abe.length);
  const sanctions = mean(abe.map((r) => max(r.series.sanctions)));
  rows.push({
    id: 16,
    claim: 'Abe: best relationship, no islands, Yamal despite sanctions',
    paper: 'the best relations ever, yet no islands; Japanese money in Yamal despite US sanctions',
    shows: `mean JP→RU trust ${fmt(trustMean('abe-2013'))} (best era: ${bestTrust ? 'yes' : 'no'}); resolved ${pct(abeResolved)}; Yamal producing ${pct(yamal)}, Japanese stake in Arctic LNG 2 in ${pct(arcticJapan)}; peak sanctions ${fmt(sanctions)}`,
    pass: bestTrust && abeResolved.p <= 0.02 && yamal.p >= 0.9 && arcticJapan.p >= 0.5 && sanctions > 10,
  });

  return { rows, runs: total };
}

/** The claims table as text. */
export function formatClaims(rows: readonly ClaimRow[]): string[] {
  const lines = ['claim | the paper | the runs | result', '---|---|---|---'];
  for (const r of rows) lines.push(`${r.id}. ${r.claim} | ${r.paper} | ${r.shows} | ${r.pass ? 'PASS' : 'FAIL'}`);
  return lines;
}
