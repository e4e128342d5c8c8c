/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
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
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
