import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: {
    // Interim: the element's package still exports its TypeScript source, whose standard decorators
    // Vite 8 (Oxc) does not lower. Use its esbuild-built ES module until the package exports it.
    alias: {
      '@csv-importer/element': fileURLToPath(
        new URL('../../packages/element/dist/csv-importer.js', import.meta.url),
      ),
    },
  },
  plugins: [svelte()],
});
