import { defineConfig, type Plugin } from 'vite';

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
  plugins: [preloadPhaser()],
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
