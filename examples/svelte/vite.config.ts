import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: {
    // In this repository the workspace packages export their TypeScript sources (for the
    // project's own tests); an application installs the built packages. Resolve the builds, as an
    // application does: `npm run build` writes them, package.json and exports map included.
    alias: {
      '@csv-importer/core': fileURLToPath(new URL('../../packages/core/dist', import.meta.url)),
      '@csv-importer/element': fileURLToPath(new URL('../../packages/element/dist', import.meta.url)),
    },
  },
  plugins: [svelte()],
});
