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
  ...['fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'events'].map(
    (name) => ({ group: [name, `${name}/*`], message: 'src/game is pure rules: no Node modules.' }),
  ),
  { group: ['**/client/**', '**/server/**', '**/cli/**', '**/sim/**'], message: 'src/game may not import the layers built on it.' },
];

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
      'import-x/no-cycle': 'error',
    },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
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
