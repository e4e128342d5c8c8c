/**
 * The built-in eras as a small index: ids in era order and their names, without the scenarios themselves (tens of
 * kilobytes each). The browser lists the eras from this and downloads only the one a match is played in
 * (`builtin-browser.ts`); tests/builtin-eras.test.ts checks the index against the shipped files.
 */
export const BUILTIN_ERAS = [
  { id: 'brezhnev-1972', name: 'Brezhnev: the Kuril card (1972–1982)' },
  { id: 'gorbachev-1985', name: 'Gorbachev: new thinking (1985–1991)' },
  { id: 'yeltsin-1992', name: 'Yeltsin: the roller coaster (1992–1999)' },
  { id: 'abe-2013', name: 'Abe and Putin: the best ever (2013–2020)' },
] as const;

/** A built-in era's id. */
export type BuiltinId = (typeof BUILTIN_ERAS)[number]['id'];

/** Built-in scenario ids, in era order. */
export const BUILTIN_IDS: readonly string[] = BUILTIN_ERAS.map((era) => era.id);

/** Whether `id` names a built-in era. */
export function isBuiltinId(id: string): id is BuiltinId {
  return BUILTIN_IDS.includes(id);
}

/** A built-in era's name, from the index (no download); undefined for an unknown id. */
export function builtinName(id: string): string | undefined {
  return BUILTIN_ERAS.find((era) => era.id === id)?.name;
}
