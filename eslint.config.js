// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/** Modules the rules may never reach: the renderer, the DOM and Node. */
const rendererAndNode = [
  { group: ['phaser', 'phaser/*'], message: 'src/game is pure rules: no renderer.' },
  { group: ['node:*'], message: 'src/game is pure rules: no Node modules.' },
  ...[
    'fs',
    'path',
    'os',
    'http',
    'https',
    'net',
    'crypto',
    'child_process',
    'worker_threads',
    'url',
    'util',
    'stream',
    'events',
  ].map((name) => ({ group: [name, `${name}/*`], message: 'src/game is pure rules: no Node modules.' })),
];

/**
 * The layers, bottom to top: each may import only the layers below it (README "Layout").
 *   game      pure rules and the scenario data model
 *   scenario  the built-in scenario files (loads game's schema)
 *   match     the engine every runner shares: drivers, bot phase, replays, forks
 *   protocol  what crosses the wire: socket event maps, status, schemas, the socket class
 *   bots      a seat's view in, an action with its reason out
 *   sim       headless analysis: batches, what-if, validate, reports, debrief
 *   server | client   never each other
 *   cli       the command line over all of it (never the browser client)
 */
const LAYERS = ['game', 'scenario', 'match', 'protocol', 'bots', 'sim', 'server', 'client', 'cli'];
const ABOVE = {
  game: LAYERS.slice(1),
  scenario: LAYERS.slice(2),
  match: LAYERS.slice(3),
  protocol: ['match', ...LAYERS.slice(4)],
  bots: LAYERS.slice(5).concat('protocol'),
  sim: ['protocol', 'server', 'client', 'cli'],
  server: ['client', 'cli'],
  client: ['server', 'cli'],
  cli: ['client'],
};
const layerZones = Object.entries(ABOVE).flatMap(([layer, forbidden]) =>
  forbidden.map((above) => ({
    target: `./src/${layer}`,
    from: `./src/${above}`,
    message: `src/${layer} sits below src/${above}: it may not import it (see the layers in eslint.config.js).`,
  })),
);

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'assets', 'data', 'out', 'test-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // ignoreExternal: cycles live in the project's own files; following every import into node_modules (Phaser, zod,
      // boardgame.io) made this rule most of the lint step's time on a fresh clone.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
  },
  {
    // boardgame.io's internals have one door, so an upgrade is fixed in one file (src/game has its own ban list below).
    files: ['**/*.ts'],
    ignores: ['src/match/bgio.ts', 'src/game/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['boardgame.io/internal', 'boardgame.io/master', 'boardgame.io/dist/*'],
              message: 'Import boardgame.io internals from src/match/bgio.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/game/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: rendererAndNode }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/game is pure rules: no DOM.' },
        { name: 'document', message: 'src/game is pure rules: no DOM.' },
        { name: 'process', message: 'src/game is pure rules: no Node.' },
        { name: 'require', message: 'src/game is pure rules: no Node.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the match PRNG in G (src/game/rng.ts).' },
        { object: 'Date', property: 'now', message: 'The rules may not read the clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The rules may not read the clock.' },
      ],
    },
  },
);
