import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: {
    // In this repository the element's workspace package exports its TypeScript source (for the
    // project's own tests); an application installs the built package. Resolve the build, as an
    // application does: `npm run build` writes it, package.json and exports map included.
    alias: {
      '@csv-importer/element': fileURLToPath(new URL('../../packages/element/dist', import.meta.url)),
    },
  },
  plugins: [react()],
});
