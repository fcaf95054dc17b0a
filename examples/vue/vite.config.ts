import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
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
  plugins: [
    vue({
      // <csv-importer> is a custom element: Vue renders it as-is instead of resolving a component.
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'csv-importer' } },
    }),
  ],
});
