/**
 * `npm run cli -- replay verify|fork|report`: check a replay, fork it at a year and play the fork with bots, or write
 * its after-action report. Every failure is one line naming the file and the problem, and an exit code (1 for a bad
 * file, 2 for bad usage); never a stack trace.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { perSeat } from '../game/vocabulary';
import { botKinds, parseBotSpec, makeBots } from '../bots/registry';
import { type Baseline, MAX_BASELINE_CHARS, buildDebrief, parseBaselineText } from '../sim/debrief';
import { renderDebriefHtml } from '../sim/debrief-html';
import { buildForkReplay, forkReplay, playFork } from '../match/fork';
import {
  MAX_REPLAY_CHARS,
  type Replay,
  type ReplayCheck,
  parseReplayText,
  serializeReplay,
  verifyReplay,
} from '../match/replay';
import { CliError, readTextFile, reportFailure, writeTextFile } from './io';

type Out = (line: string) => void;

export const REPLAY_USAGE = `  replay verify FILE                          re-run a replay and check every round's hash
  replay fork FILE --year Y [--seed S] [--bots SPEC] --out FILE [--json]
                                              start a new match at the start of year Y of a replay (a new PRNG
                                              seed S from there if given), play it with bots, write its replay
  replay report FILE --html OUT [--baseline FILE] [--reference FILE]
                                              write the after-action report: timeline beside the era's history,
                                              indicator charts, each seat's decisions, score against a baseline
                                              (JSON: {scenario, scores: {seat: [final scores]}}), class questions`;

function loadReplay(file: string): Replay {
  const parsed = parseReplayText(readTextFile(file, MAX_REPLAY_CHARS, 'replay'));
  if (!parsed.ok) throw new CliError(`${file}: ${parsed.error}`);
  return parsed.replay;
}

function verified(file: string, replay: Replay): Extract<ReplayCheck, { ok: true }> {
  const result = verifyReplay(replay);
  if (!result.ok) throw new CliError(`${file}: ${result.error}`);
  return result;
}

function cmdVerify(args: string[], out: Out): number {
  const [file, ...rest] = args;
  if (!file || rest.length) throw new CliError('usage: replay verify FILE', 2);
  const result = verified(file, loadReplay(file));
  const fork =
    result.replay.parent?.prefixLength !== undefined ? `, a fork at ${result.replay.parent.year}` : '';
  out(
    `${file}: ok — ${result.scenario.id}, seed ${result.replay.seed}${fork}, ${result.rounds} rounds verified, final hash ${result.replay.finalHash}`,
  );
  return 0;
}

function cmdFork(args: string[], out: Out): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      year: { type: 'string' },
      seed: { type: 'string' },
      bots: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    throw new CliError('usage: replay fork FILE --year Y [--seed S] [--bots SPEC] --out FILE', 2);
  if (!values.year) throw new CliError('replay fork: --year Y is required', 2);
  if (!/^\d{4}$/.test(values.year))
    throw new CliError(`replay fork: --year must be a year such as 1995, not "${values.year}"`, 2);
  if (!values.out) throw new CliError('replay fork: --out FILE is required', 2);
  const bots = parseBotSpec(values.bots ?? 'random');
  if (!bots.ok) throw new CliError(`--bots: ${bots.error}`, 2);
  const parent = loadReplay(file);
  const year = Number(values.year);
  const result = forkReplay(parent, values.seed === undefined ? { year } : { year, seed: values.seed });
  if (!result.ok) throw new CliError(`${file}: ${result.error}`);
  const { fork } = result;
  const startHash = fork.parent.prefixHash;
  playFork(fork, makeBots(bots.spec));
  const seats = perSeat((s) => `bot:${bots.spec[s]}`);
  const replay = buildForkReplay(fork, { seats, createdBy: 'cli-fork' });
  writeTextFile(values.out, serializeReplay(replay));
  const outcome = fork.driver.G.outcome;
  if (values.json) {
    out(
      JSON.stringify({
        parent: file,
        year: fork.year,
        round: fork.round,
        reseed: values.seed ?? null,
        parentStateHash: startHash,
        rounds: fork.driver.G.round,
        outcome,
        finalHash: replay.finalHash,
        replay: values.out,
      }),
    );
  } else {
    out(
      `forked ${file} at the start of ${fork.year} (round ${fork.round}, parent state ${startHash})` +
        `${values.seed !== undefined ? `, reseeded with "${values.seed}"` : ", keeping the parent's PRNG"}`,
    );
    if (outcome)
      out(
        `the fork ended ${outcome.year} (${outcome.reason}); territory: ${outcome.territorial}; treaty: ${outcome.treaty ?? 'none'}`,
      );
    out(`final hash ${replay.finalHash}; replay written to ${values.out}`);
  }
  return 0;
}

function loadBaseline(file: string): Baseline {
  const parsed = parseBaselineText(readTextFile(file, MAX_BASELINE_CHARS, 'baseline file'));
  if (!parsed.ok) throw new CliError(`${file}: ${parsed.error}`);
  return parsed.baseline;
}

function cmdReport(args: string[], out: Out): number {
  const { values, positionals } = parseArgs({
    args,
    options: { html: { type: 'string' }, baseline: { type: 'string' }, reference: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    throw new CliError('usage: replay report FILE --html OUT [--baseline FILE] [--reference FILE]', 2);
  if (!values.html) throw new CliError('replay report: --html OUT is required', 2);
  const check = verified(file, loadReplay(file));
  const baseline = values.baseline ? loadBaseline(values.baseline) : undefined;
  if (baseline && baseline.scenario !== check.scenario.id) {
    throw new CliError(
      `${values.baseline}: the baseline is for scenario "${baseline.scenario}", the replay plays "${check.scenario.id}"`,
    );
  }
  let reference;
  if (values.reference) {
    const ref = verified(values.reference, loadReplay(values.reference));
    if (ref.scenario.id !== check.scenario.id) {
      throw new CliError(
        `${values.reference}: the reference run plays "${ref.scenario.id}", the replay plays "${check.scenario.id}"`,
      );
    }
    reference = {
      label: `${path.basename(values.reference)}, seed ${ref.replay.seed}`,
      history: ref.driver.G.history,
    };
  }
  const debrief = buildDebrief({
    replay: check.replay,
    scenario: check.scenario,
    G: check.driver.G,
    baseline,
    reference,
  });
  writeTextFile(values.html, renderDebriefHtml(debrief));
  out(
    `${values.html}: after-action report of ${file} — ${debrief.years.length} years, ${debrief.drift.length} departures from history` +
      `${debrief.firstDriftYear !== null ? ` (first in ${debrief.firstDriftYear})` : ''}${baseline ? `, baseline of ${debrief.baseline?.runs} runs` : ''}`,
  );
  return 0;
}

/** Runs `replay <sub> ...`; returns the exit code. Errors go to `err` as one line each. */
export function runReplay(argv: string[], out: Out = console.log, err: Out = console.error): number {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'verify':
        return cmdVerify(rest, out);
      case 'fork':
        return cmdFork(rest, out);
      case 'report':
        return cmdReport(rest, out);
      default:
        err(
          `replay: unknown subcommand ${sub === undefined ? '(none)' : `"${sub}"`}\n\n${REPLAY_USAGE}\n\n--bots kinds: ${botKinds().join(', ')}`,
        );
        return 2;
    }
  } catch (error) {
    return reportFailure(error, err, REPLAY_USAGE, `replay ${sub}: `);
  }
}
