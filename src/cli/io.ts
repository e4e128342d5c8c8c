/**
 * What every command of the command line shares: its error type, bounded file reading, writing, loading a
 * scenario by id or path, and turning a failure into one message and an exit code (never a stack trace).
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_IDS, builtinScenario } from '../scenario/builtin';
import type { Scenario } from '../game/scenario-schema';
import { MAX_SCENARIO_CHARS, parseScenarioText } from '../game/scenario-validate';

/** A failure to report as it is: exit code 1 for bad input, 2 for a usage mistake. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

/**
 * Reads a text file of at most `maxChars` characters; errors name the file and what went wrong. A file larger
 * than 4 bytes a character cannot fit and is refused before it is read; `kind` names what the limit is for.
 */
export function readTextFile(file: string, maxChars: number, kind?: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (!stat.isFile()) throw new CliError(`${file}: not a regular file`);
  if (stat.size > maxChars * 4) {
    throw new CliError(
      `${file}: too large (${stat.size} bytes${kind ? `; a ${kind} is at most ${maxChars} characters` : ''})`,
    );
  }
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Writes a file, making its folder; a failure names the file. */
export function writeTextFile(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new CliError(
      `${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/** A built-in scenario by id, or a scenario file by path; `unknownCode` is the exit code for neither. */
export function loadScenario(idOrFile: string, unknownCode = 1): Scenario {
  const builtin = builtinScenario(idOrFile);
  if (builtin) return builtin;
  if (!fs.existsSync(idOrFile)) {
    throw new CliError(
      `unknown scenario "${idOrFile}": not a built-in id (${BUILTIN_IDS.join(', ')}) nor a file`,
      unknownCode,
    );
  }
  const result = parseScenarioText(readTextFile(idOrFile, MAX_SCENARIO_CHARS, 'scenario'));
  if (!result.ok) {
    throw new CliError(
      result.problems.map((p) => `${idOrFile}: ${p.path || '(document)'}: ${p.message}`).join('\n'),
    );
  }
  return result.scenario;
}

/**
 * Reports a command's failure on `err` and returns its exit code: a CliError as it is, a flag that `parseArgs`
 * refused (exit 2) with the usage, anything else as one line (exit 1).
 */
export function reportFailure(
  error: unknown,
  err: (line: string) => void,
  usage: string,
  prefix = '',
): number {
  if (error instanceof CliError) {
    err(error.message);
    return error.code;
  }
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    err(`${prefix}${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  err(`${prefix || 'error: '}${(error as Error).message}`);
  return 1;
}
