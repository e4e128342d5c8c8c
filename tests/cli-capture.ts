/** Runs a command-line entry point in-process and captures what it prints, for the CLI tests. */
export interface CliResult {
  code: number;
  out: string[];
  err: string[];
}

type Command = (argv: string[], out: (line: string) => void, err: (line: string) => void) => number;

/** A function that runs `command` with the given arguments and returns its exit code and printed lines. */
export function cliOf(command: Command): (...argv: string[]) => CliResult {
  return (...argv) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = command(
      argv,
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out, err };
  };
}
