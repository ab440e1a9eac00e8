/**
 * `npm run build:web`: the same renderer as a static site in dist-web/, with the Web Worker
 * implementation of the API (src/web). Relative asset paths, so any static file server (or a
 * sub-folder of one) can serve it. The Content-Security-Policy goes in a meta tag; the built-in data
 * files are copied into dist-web/data/ afterwards by scripts/copy-web-data.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/csp';

const root = __dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/** Puts the CSP first in <head>, before any script; the dev server's needs only in `serve`. */
function cspMeta(): Plugin {
  let dev = false;
  return {
    name: 'response-sim:csp-meta',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true, dev }) },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

export default defineConfig({
  root: resolve(root, 'src/web'),
  base: './',
  publicDir: false,
  plugins: [react(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(version), __WEB_SPACES__: JSON.stringify(process.env.RESPONSE_SIM_WEB_SPACES === '1') },
  build: {
    outDir: resolve(root, 'dist-web'),
    emptyOutDir: true,
    // src/web/sim.worker.ts finds the site's data/ folder as ../data/ from here.
    assetsDir: 'assets',
    target: 'es2022',
    // Browsers without <link rel="modulepreload"> (Safari before 17) fetch the chunks when asked,
    // without the polyfill's ~0.7 kB in the main chunk (issue 14 aim 6: under 300 kB).
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});
