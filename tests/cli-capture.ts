/** Runs a command-line entry point in-process and captures what it prints, for the CLI tests. */
export interface CliResult {
  code: number;
  out: string[];
  err: string[];
}

type Print = (line: string) => void;
type Command = (argv: string[], out: Print, err: Print) => number;
type AsyncCommand = (argv: string[], out: Print, err: Print) => Promise<number>;

/** The lines a run prints to out and to err, and the two print functions that collect them. */
function capture(): { out: string[]; err: string[]; toOut: Print; toErr: Print } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, toOut: (l) => out.push(l), toErr: (l) => err.push(l) };
}

/** A function that runs `command` with the given arguments and returns its exit code and printed lines. */
export function cliOf(command: Command): (...argv: string[]) => CliResult {
  return (...argv) => {
    const { out, err, toOut, toErr } = capture();
    return { code: command(argv, toOut, toErr), out, err };
  };
}

/** `cliOf` for a command that finishes asynchronously (the simulator's `runSimCli`). */
export function asyncCliOf(command: AsyncCommand): (...argv: string[]) => Promise<CliResult> {
  return async (...argv) => {
    const { out, err, toOut, toErr } = capture();
    return { code: await command(argv, toOut, toErr), out, err };
  };
}
