/**
 * The browser's stand-in for `eager-en.ts` (swapped in by vite.config.ts): no language is in the main bundle;
 * `initLanguage` loads the page's one, English included.
 */
import type { Messages } from './locales/en';

const none: Messages | undefined = undefined;
export default none;
