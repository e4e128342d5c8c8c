// The era index the browser lists eras from (src/scenario/eras.ts) against the shipped scenario files, and the
// browser's on-demand module (src/scenario/builtin-browser.ts) against the bundled one it replaces in the build.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as bundled from '../src/scenario/builtin';
import * as onDemand from '../src/scenario/builtin-browser';
import { BUILTIN_ERAS, builtinName } from '../src/scenario/eras';

const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.json'));

describe('the era index', () => {
  it('names every shipped scenario file, in era order, with the name the file gives', () => {
    const shipped = FILES.map(
      (f) => JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as Record<string, unknown>,
    )
      .sort((a, b) => Number(a.startYear) - Number(b.startYear))
      .map((doc) => ({ id: doc.id, name: doc.name }));
    expect(BUILTIN_ERAS.map((era) => ({ ...era }))).toEqual(shipped);
    expect(builtinName('no-such-era')).toBeUndefined();
  });
});

describe('the browser module that downloads eras on demand', () => {
  it('has the exports of the bundled module, less the bundled documents', () => {
    const names = (m: object) => Object.keys(m).sort();
    expect(names(onDemand)).toEqual(names(bundled).filter((n) => n !== 'BUILTIN_DOCUMENTS'));
  });

  it('refuses a synchronous read before the era is loaded, then gives the same scenario as the bundled module', async () => {
    expect(() => onDemand.builtinScenario('abe-2013')).toThrow(/abe-2013 is not loaded yet/);
    const loaded = await onDemand.loadBuiltinScenario('abe-2013');
    expect(loaded).toEqual(bundled.builtinScenario('abe-2013'));
    expect(onDemand.builtinScenario('abe-2013')).toBe(loaded);
    expect(await onDemand.loadBuiltinScenario('no-such-era')).toBeUndefined();
    expect(onDemand.builtinScenario('no-such-era')).toBeUndefined();
  });

  it('loads every era once, however many ask at the same time', async () => {
    const [a, b] = await Promise.all([
      onDemand.loadBuiltinScenario('yeltsin-1992'),
      onDemand.loadBuiltinScenario('yeltsin-1992'),
    ]);
    expect(a).toBe(b);
    const all = await onDemand.loadBuiltinScenarios();
    expect(all.map((s) => s.id)).toEqual(bundled.BUILTIN_IDS);
  });
});
