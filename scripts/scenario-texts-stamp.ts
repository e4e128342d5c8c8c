/**
 * Records which English each translation was made from: `npm run texts:stamp -- scenarios/i18n/<id>.<lang>.json
 * [--key KEY]... [--all]`. Writes the `from` hash (src/scenario/texts-check.ts `textHash`) of the scenario's current
 * English for every translated key that has none yet; `--key` re-stamps a key whose translation was just brought up
 * to date with a changed English, `--all` every key. A stale translation is never re-stamped without being named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builtinScenario } from '../src/scenario/builtin';
import { scenarioTextKeys } from '../src/scenario/texts';
import { parseTextFile, stampFrom } from '../src/scenario/texts-check';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: 'string', multiple: true }, all: { type: 'boolean' } },
});
let failed = false;
for (const file of positionals) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    failed = true;
    continue;
  }
  const parsed = parseTextFile(text);
  if (!parsed.ok) {
    for (const p of parsed.problems) console.error(`${file}: ${p.key || '(file)'}: ${p.message}`);
    failed = true;
    continue;
  }
  const scenario = builtinScenario(parsed.file.scenario);
  if (!scenario || parsed.file.lang === 'en') {
    console.error(`${file}: not a translation of a built-in scenario`);
    failed = true;
    continue;
  }
  const restamp = values.all ? 'all' : new Set(values.key ?? []);
  for (const key of values.key ?? []) {
    if (!(key in parsed.file.texts)) console.error(`${file}: --key ${key}: no such text in this file`);
  }
  const { from, changed } = stampFrom(parsed.file, scenarioTextKeys(scenario), restamp);
  fs.writeFileSync(file, `${JSON.stringify({ ...parsed.file, from }, null, 2)}\n`);
  console.log(`${path.basename(file)}: ${changed} hash(es) written or changed`);
}
process.exitCode = failed ? 1 : 0;
