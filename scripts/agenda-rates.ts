/**
 * Prints how often each era's secret agendas are met (src/sim/agenda-rates.ts):
 * `npm run sim:agendas -- [--seeds N] [--bots historical] [era ...]`. Figures, not assertions.
 */
import { parseBotSpec } from '../src/bots/registry';
import { agendaRates } from '../src/sim/agenda-rates';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';

const args = process.argv.slice(2);
let seeds = 100;
let bots = 'historical';
const eras: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--seeds') seeds = Number(args[++i]);
  else if (args[i] === '--bots') bots = args[++i];
  else eras.push(args[i]);
}
const spec = parseBotSpec(bots);
if (!spec.ok || !Number.isInteger(seeds) || seeds < 1) {
  console.error(spec.ok ? '--seeds takes a whole number of matches' : spec.error);
  process.exit(1);
}
const pct = (k: number, n: number) => (n ? `${Math.round((100 * k) / n)} %` : '–');
for (const era of eras.length ? eras : BUILTIN_IDS) {
  const scenario = builtinScenario(era);
  if (!scenario) {
    console.error(`unknown era "${era}" (eras: ${BUILTIN_IDS.join(', ')})`);
    process.exit(1);
  }
  const list = Array.from({ length: seeds }, (_, i) => String(i + 1));
  const r = agendaRates(scenario, list, spec.spec);
  console.log(`\n${era}: ${r.matches} matches, bots ${bots}`);
  console.log(
    'seat    agenda                        bonus  hist  at start  met (any holder)  held  met when held',
  );
  for (const a of r.agendas) {
    const cells = [
      a.seat.padEnd(6),
      a.id.padEnd(28),
      String(a.bonus).padStart(5),
      a.historical ? ' yes' : '    ',
      (a.metAtStart ? 'met' : '-').padStart(8),
      pct(a.met, r.matches).padStart(16),
      String(a.held).padStart(4),
      pct(a.heldMet, a.held).padStart(13),
    ];
    console.log(cells.join('  '));
  }
  console.log(
    `seats meeting the agenda they held: ${Object.entries(r.seatMet)
      .map(([s, k]) => `${s} ${pct(k, r.matches)}`)
      .join(', ')}`,
  );
}
