import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
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
  plugins: [
    vue({
      // <csv-importer> is a custom element: Vue renders it as-is instead of resolving a component.
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'csv-importer' } },
    }),
  ],
});
