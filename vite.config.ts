import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { DEFERRED_PREFIX, precompile, splitDeferred } from './src/i18n/precompile.ts';

const BUILTIN = fileURLToPath(new URL('./src/scenario/builtin.ts', import.meta.url));
const BUILTIN_BROWSER = fileURLToPath(new URL('./src/scenario/builtin-browser.ts', import.meta.url));

/**
 * The browser gets `src/scenario/builtin-browser.ts` wherever code imports `src/scenario/builtin.ts`: the same
 * exports, but one chunk per era downloaded when a match needs it, instead of all four eras (about 46 kB gzip) in
 * every page. Node (server, command line, tests) keeps the synchronous module.
 */
function erasOnDemand(): Plugin {
  return {
    name: 'oil-and-water:eras-on-demand',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/(^|\/)builtin(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === BUILTIN ? BUILTIN_BROWSER : resolved;
    },
  };
}

const EAGER_EN = fileURLToPath(new URL('./src/i18n/eager-en.ts', import.meta.url));
const EAGER_EN_BROWSER = fileURLToPath(new URL('./src/i18n/eager-en-browser.ts', import.meta.url));
const LOCALE = /[\\/]src[\\/]i18n[\\/]locales[\\/][a-z]+\.ts$/;
/**
 * The browser's languages without a message parser (about 10 kB gzip): each catalogue in src/i18n/locales becomes,
 * at build time, JSON whose ICU messages are already parsed (intl-messageformat formats an AST as it formats a
 * string), and intl-messageformat's parser is replaced by the package's own `no-parser` build. English leaves the
 * main bundle too: `eager-en.ts` becomes `eager-en-browser.ts`, and the page loads its language's chunk, English
 * like the others. Node (server, command line, tests) keeps the source catalogues and the parser.
 */
function precompiledMessages(): Plugin[] {
  const deferredParts = new Map<string, object>();
  return [
    {
      name: 'oil-and-water:no-message-parser',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (source === '@formatjs/icu-messageformat-parser') {
          return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, {
            ...options,
            skipSelf: true,
          });
        }
        if (source.startsWith(DEFERRED_PREFIX)) return `\0${source}`;
        if (!importer || !/(^|\/)eager-en(\.ts)?$/.test(source)) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved?.id === EAGER_EN ? EAGER_EN_BROWSER : resolved;
      },
      load(id) {
        if (!id.startsWith(`\0${DEFERRED_PREFIX}`)) return null;
        const part = deferredParts.get(id.slice(DEFERRED_PREFIX.length + 1));
        if (!part) throw new Error(`${id}: its catalogue was not transformed first`);
        return `export default ${JSON.stringify(part)};\n`;
      },
    },
    {
      name: 'oil-and-water:precompiled-messages',
      enforce: 'post',
      async transform(code, id) {
        if (!LOCALE.test(id)) return null;
        // By now the catalogue is plain JavaScript (types stripped, no imports left): evaluate it and print it back.
        const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
        const messages = ((await import(url)) as { default: Record<string, unknown> }).default;
        const { core, deferred } = splitDeferred(messages);
        const lang = /([a-z]+)\.ts$/.exec(id)?.[1] ?? '';
        deferredParts.set(lang, precompile(deferred, id) as object);
        const out = [
          `export default ${JSON.stringify(precompile(core, id))};`,
          `export const deferred = () => import(${JSON.stringify(DEFERRED_PREFIX + lang)});`,
        ];
        return { code: out.join('\n'), map: null };
      },
    },
  ];
}

/**
 * Fetches the Phaser chunk with the game page's own scripts (a modulepreload link) instead of after them: the map
 * needs it at once, and it is the largest download. The classroom page never loads Phaser and gets no link.
 */
function preloadPhaser(): Plugin {
  return {
    name: 'oil-and-water:preload-phaser',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('index.html') || !ctx.bundle) return html;
        const phaser = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.name === 'phaser');
        if (!phaser) return html;
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${phaser.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [erasOnDemand(), ...precompiledMessages(), preloadPhaser()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    // Phaser alone is about 1.4 MB: the warning would only repeat that.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The classroom pages (server issue) are a second page next to the game.
      input: { index: 'index.html', classroom: 'classroom.html' },
      output: {
        // Phaser in a chunk of its own, so the app's own code stays small and caches apart from the engine.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
});
