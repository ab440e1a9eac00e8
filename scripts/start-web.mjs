/**
 * The browser half of `npm start` (scripts/start.mjs): builds the browser build when it is missing
 * or not current (scripts/web-build.mjs), serves it on 127.0.0.1, prints the address, opens it in
 * the system's browser when there is one (scripts/open-browser.mjs), and serves until SIGINT or
 * SIGTERM (Ctrl+C), then exits 0.
 *
 * The port is taken before building, so a port in use is reported at once. Every failure (no London
 * data, port in use, failed build) is one line on stderr that says what to do, and exit code 1.
 */
import path from 'node:path';
import { openInBrowser } from './open-browser.mjs';
import { serve } from './serve-web.mjs';
import { DEFAULT_DIR, buildWeb, isCurrent, webInputs } from './web-build.mjs';

/** The port tried first when none is chosen; when it is taken, any free port. */
export const DEFAULT_PORT = 4173;

const status = (line) => process.stderr.write(`npm start: ${line}\n`);

async function listen(dir, port, ready) {
  try {
    return await serve(dir, port ?? DEFAULT_PORT, '127.0.0.1', ready);
  } catch (error) {
    if (port !== null || error.code !== 'EADDRINUSE') throw error;
    return serve(dir, 0, '127.0.0.1', ready);
  }
}

function listenProblem(error, port) {
  if (error.code === 'EADDRINUSE') {
    return `port ${port} on 127.0.0.1 is in use; stop what is using it, or choose another with --port N (leave --port out to take a free one)`;
  }
  if (error.code === 'EACCES') return `not allowed to listen on port ${port}; choose a port above 1023 with --port N`;
  return `cannot listen on 127.0.0.1:${port ?? DEFAULT_PORT} (${error.code ?? error.message}); choose another port with --port N`;
}

/**
 * Serves the browser build from `dir`; `port` null means 4173, else any free port. Resolves with an
 * exit code when it could not start, or null once it is serving (the process then lives until a
 * signal).
 */
export async function startWeb({ port = null, dir = DEFAULT_DIR, env = process.env } = {}) {
  const { stamp, dataProblem } = await webInputs();
  if (dataProblem !== null) {
    status(
      `the browser build needs the London data: ${dataProblem} Point $RESPONSE_SIM_DATA at the London data folder, ` +
        'or put it beside the checkout as ../shared/data (README.md, "Data").',
    );
    return 1;
  }
  const current = isCurrent(dir, stamp);
  let building = !current;
  let server;
  try {
    server = await listen(dir, port, () => !building);
  } catch (error) {
    status(listenProblem(error, port));
    return 1;
  }
  const abort = new AbortController();
  const stop = () => {
    abort.abort();
    server.close();
    server.closeAllConnections();
    process.exitCode = 0;
    // Whatever else is still pending (a browser opener) must not keep us.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  if (building) {
    const relative = path.relative(process.cwd(), dir);
    const where = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
    status(`building the browser build into ${where} (its sources or data changed, or there is none yet)...`);
    const started = performance.now();
    const problem = await buildWeb({ dir, stamp, quiet: true, signal: abort.signal });
    if (abort.signal.aborted) return null;
    if (problem !== null) {
      status(`building the browser build failed: ${problem}; \`npm run build:web\` shows the whole output`);
      server.close();
      return 1;
    }
    status(`built in ${Math.round((performance.now() - started) / 1000)} s`);
    building = false;
  }
  const url = `http://127.0.0.1:${server.address().port}/`;
  console.log(`Response Simulator (browser build): ${url}  (Ctrl+C to stop)`);
  openInBrowser(url, { env, say: (line) => console.log(line) });
  return null;
}
