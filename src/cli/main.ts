/**
 * The command line: `npm run cli -- <command>`. Every failure is one clear line (or one per problem) and an exit
 * code; never a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { perSeat } from '../game/vocabulary';
import { SEAT_EN } from '../sim/log-text';
import { parseBotSpec, type BotSpec, makeBots } from '../bots/registry';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import { SCENARIO_TEXT_LANGS } from '../scenario/texts';
import {
  checkScenarioTexts,
  MAX_TEXTS_FILE_CHARS,
  parseTextFile,
  type TextProblem,
} from '../scenario/texts-check';
import type { Scenario } from '../game/scenario-schema';
import { MAX_SCENARIO_CHARS, parseScenarioText } from '../game/scenario-validate';
import { CliError, loadScenario, readTextFile, reportFailure, writeTextFile } from './io';
import { playMatch } from '../match/match';
import { buildReplay, serializeReplay } from '../match/replay';
import { REPLAY_USAGE, runReplay } from './replay';
import { SIM_USAGE, startSimCli } from './sim';
import { WORKER_USAGE, startWorkerCli } from './worker';

const USAGE = `Oil & Water command line

  scenarios                                   list the built-in era scenarios
  check FILE...                               validate scenario files and their texts (i18n/<id>.<lang>.json)
  play --scenario ID|FILE --seed S [--bots SPEC] [--out FILE] [--json]
                                              play a whole match headless and write its replay
${REPLAY_USAGE}
${SIM_USAGE}
${WORKER_USAGE}
  demo                                        play one match and print how the levers moved

--bots: one kind for all seats (random, historical, strategist[:easy|normal|hard]) or per seat
(japan=strategist:hard,russia=historical,*=random).`;

type Out = (line: string) => void;

function botSpec(text: string | undefined): BotSpec {
  const parsed = parseBotSpec(text ?? 'random');
  if (!parsed.ok) throw new CliError(`--bots: ${parsed.error}`, 2);
  return parsed.spec;
}

function cmdScenarios(out: Out): number {
  for (const id of BUILTIN_IDS) {
    const s = builtinScenario(id) as Scenario;
    out(
      `${id.padEnd(16)} ${String(s.startYear)}–${s.endYear}  ${s.name}  (${s.events.length} events, ${s.wildcards.deck.length} wildcards)`,
    );
  }
  return 0;
}

function cmdCheck(files: string[], out: Out): number {
  if (files.length === 0) throw new CliError('check: name at least one scenario file', 2);
  let failed = 0;
  for (const file of files) {
    try {
      const result = parseScenarioText(readTextFile(file, MAX_SCENARIO_CHARS));
      if (result.ok) {
        const s = result.scenario;
        const texts = checkTextsBeside(file, s, out);
        if (texts.ok) out(`${file}: ok (${s.id}, ${s.startYear}–${s.endYear}; ${texts.summary})`);
        else {
          failed += 1;
          out(`${file}: the scenario is valid; its texts are not (${texts.summary})`);
        }
      } else {
        failed += 1;
        for (const p of result.problems) out(`${file}: ${p.path || '(document)'}: ${p.message}`);
      }
    } catch (error) {
      failed += 1;
      out(error instanceof CliError ? error.message : `${file}: ${(error as Error).message}`);
    }
  }
  return failed ? 1 : 0;
}

/**
 * Checks the scenario's texts in every language (`i18n/<id>.<lang>.json` beside the scenario file), printing one line
 * per problem naming the texts file and the key. A built-in scenario must have every language; another scenario may
 * have none (English only).
 */
function checkTextsBeside(file: string, scenario: Scenario, out: Out): { ok: boolean; summary: string } {
  const dir = path.join(path.dirname(file), 'i18n');
  const required = BUILTIN_IDS.includes(scenario.id);
  const langs = required
    ? [...SCENARIO_TEXT_LANGS]
    : SCENARIO_TEXT_LANGS.filter((lang) => fs.existsSync(path.join(dir, `${scenario.id}.${lang}.json`)));
  if (langs.length === 0) return { ok: true, summary: 'English only' };
  let count = 0;
  for (const lang of langs) {
    const textsFile = path.join(dir, `${scenario.id}.${lang}.json`);
    let problems: TextProblem[];
    try {
      const parsed = parseTextFile(readTextFile(textsFile, MAX_TEXTS_FILE_CHARS, 'scenario-texts file'));
      problems = parsed.ok ? checkScenarioTexts(scenario, parsed.file, lang) : parsed.problems;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems = [{ key: '', message: message.replace(`${textsFile}: `, '') }];
    }
    for (const p of problems) out(`${textsFile}: ${p.key || '(file)'}: ${p.message}`);
    count += problems.length;
  }
  return count
    ? { ok: false, summary: `${count} problem${count > 1 ? 's' : ''} in ${dir}` }
    : { ok: true, summary: `texts ${langs.join(', ')}` };
}

function cmdPlay(argv: string[], out: Out): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      bots: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.scenario) throw new CliError('play: --scenario ID|FILE is required', 2);
  if (!values.seed) throw new CliError('play: --seed S is required', 2);
  const scenario = loadScenario(values.scenario);
  const bots = botSpec(values.bots);
  const started = performance.now();
  const { driver, finalHash } = playMatch({ scenario, seed: values.seed, bots: makeBots(bots) });
  const ms = performance.now() - started;
  const replay = buildReplay({
    scenario,
    seed: values.seed,
    seats: perSeat((s) => `bot:${bots[s]}`),
    driver,
    createdBy: 'cli',
  });
  if (values.out) writeTextFile(values.out, serializeReplay(replay));
  const outcome = driver.G.outcome;
  if (values.json) {
    out(
      JSON.stringify({
        scenario: scenario.id,
        seed: values.seed,
        bots,
        rounds: driver.G.round,
        actions: driver.actions.length,
        outcome,
        finalHash,
        replay: values.out ?? null,
      }),
    );
  } else {
    out(
      `${scenario.name}, seed ${values.seed}: ${driver.G.round} rounds, ${driver.actions.length} actions in ${ms.toFixed(0)} ms`,
    );
    if (outcome) {
      out(
        `ended ${outcome.year} (${outcome.reason}); territory: ${outcome.territorial}; treaty: ${outcome.treaty ?? 'none'}`,
      );
      outcome.ranking.forEach((s, i) =>
        out(`  ${i + 1}. ${SEAT_EN[s].padEnd(14)} ${outcome.finalScores[s]}`),
      );
    }
    out(`final hash ${finalHash}${values.out ? `; replay written to ${values.out}` : ''}`);
  }
  return 0;
}

function cmdDemo(out: Out): number {
  const scenario = builtinScenario('yeltsin-1992') as Scenario;
  const { driver } = playMatch({ scenario, seed: '7', bots: makeBots(botSpec('random')) });
  out(`${scenario.name} — seed 7, random bots in every seat`);
  out('year  trust JP→RU  trust RU→JP  rapport  energy  oil  Russia offers     Japan demands');
  for (const h of driver.G.history) {
    out(
      `${h.year}  ${String(h.trustJapanRussia).padStart(11)}  ${String(h.trustRussiaJapan).padStart(11)}  ` +
        `${String(h.rapportRussiaJapan).padStart(7)}  ${String(h.energy).padStart(6)}  ${String(h.oilPrice).padStart(3)}  ` +
        `${rungName(h.russiaRung).padEnd(17)} ${rungName(h.japanRung)}`,
    );
  }
  const o = driver.G.outcome;
  if (o) out(`Outcome: territory ${o.territorial}; winner ${SEAT_EN[o.ranking[0]]}.`);
  return 0;
}

function rungName(rung: number): string {
  return (
    ['no dispute', 'acknowledged', 'two islands', 'joint development', 'four islands'][rung] ?? String(rung)
  );
}

/** Runs one command line; returns the exit code. */
export function run(argv: string[], out: Out = console.log, err: Out = console.error): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scenarios':
        return cmdScenarios(out);
      case 'check':
        return cmdCheck(rest, out);
      case 'play':
        return cmdPlay(rest, out);
      case 'replay':
        return runReplay(rest, out, err);
      case 'demo':
        return cmdDemo(out);
      case 'sim':
      case 'validate':
        return startSimCli(argv, out, err);
      case 'worker':
        return startWorkerCli(rest, out, err);
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    return reportFailure(error, err, USAGE);
  }
}

const isMain =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) process.exitCode = run(process.argv.slice(2));
