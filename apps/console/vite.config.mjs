// The console is built from the installed packages into apps/console/dist: no CDN, no web
// fonts, nothing fetched at run time, so it works on an intranet with no internet at all.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'web'),
  base: './',
  plugins: [react()],
  // Import-free files of libs the browser shares with the server (also in web/tsconfig.json);
  // never a lib's index, which would pull its Node dependencies into the bundle.
  resolve: {
    alias: { '@partybuild/csv/formula-guard': path.join(here, '..', '..', 'libs', 'csv', 'src', 'formula-guard.ts') },
  },
  logLevel: 'warn',
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    // Charts and spreadsheets are large; loading them apart keeps the first page quick.
    rolldownOptions: {
      // React's compiler runtime marks its files "use no memo"; the bundler's note that it drops
      // the directive says nothing a person starting the platform can act on.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
      // The console, and the developers' explorer (not served in production).
      input: { console: path.join(here, 'web', 'index.html'), explorer: path.join(here, 'web', 'explorer.html') },
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'exceljs', test: /node_modules[\\/]exceljs/ },
          ],
        },
      },
    },
  },
});
