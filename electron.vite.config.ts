/**
 * `npm run build` (electron-vite build): out/main (main process + the sim worker entry, CommonJS
 * for Node), out/preload (one sandboxable CommonJS file), out/renderer (the React app). The folder
 * names are electron-vite's defaults, so `--outDir` moves all three (test/main/electron-build.test.ts).
 * The package stays CommonJS on purpose: an ESM preload (.mjs) cannot run sandboxed.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          // A worker_threads entry beside the main bundle: out/main/sim-worker.js.
          'sim-worker': resolve(root, 'src/node/sim-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
