import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [erasOnDemand(), preloadPhaser()],
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
