/**
 * English loaded with the module, for Node (the server, the command line, the tests), which has no chunks to wait
 * for. The browser build swaps this module for `eager-en-browser.ts` (vite.config.ts), so English is a chunk of its
 * own there, loaded like every other language.
 */
export { default } from './locales/en';
