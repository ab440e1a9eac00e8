/**
 * `npm run web`: serves the browser build (dist-web/, made by `npm run build:web`) on 127.0.0.1 and
 * prints its address. A plain static server with no dependencies; the Playwright tests use it too.
 *
 * Options: --port N (default $PORT or 4173; 0 = any free port), --dir FOLDER (default dist-web),
 * --no-isolation (leave out the cross-origin isolation headers: see `ISOLATION_HEADERS`).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
};

/**
 * Cross-origin isolation: the page may share memory with its sim workers (a `SharedArrayBuffer`
 * cancel board, src/host/cancel-board.ts), so a run cancelled by a changed number stops at once and
 * its worker keeps the world it built. `credentialless` rather than `require-corp`: the optional
 * online tile layer loads map tiles from another site, which send no Cross-Origin-Resource-Policy;
 * credentialless lets them load (without cookies). Everything else the page loads is its own.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

function option(argv, name, fallback) {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
}

/** The file under `root` for a request path, or null when it is outside `root` or not a file. */
export function fileFor(root, urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Listens on host:port and serves the files under `root`. While `ready()` is false (a build still
 * being written into `root`) every request is answered 503. Rejects with the listen error (its `code`,
 * e.g. EADDRINUSE). `isolation: false` leaves out `ISOLATION_HEADERS`.
 */
export function serve(root, port, host = '127.0.0.1', ready = () => true, { isolation = true } = {}) {
  const isolating = isolation ? ISOLATION_HEADERS : {};
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!ready()) {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' }).end('building; reload in a moment\n');
      return;
    }
    const file = fileFor(root, request.url ?? '/');
    if (file === null) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      ...isolating,
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(option(argv, '--dir', path.join(here, '..', 'dist-web')));
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`npm run web: ${root} has no index.html; run npm run build:web first`);
    return 1;
  }
  const port = Number(option(argv, '--port', process.env.PORT ?? '4173'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`npm run web: --port must be a whole number from 0 to 65535, got ${option(argv, '--port', process.env.PORT)}`);
    return 2;
  }
  try {
    const server = await serve(root, port, '127.0.0.1', () => true, { isolation: !argv.includes('--no-isolation') });
    const address = server.address();
    console.log(`Response Simulator (browser build): http://127.0.0.1:${address.port}/  (Ctrl+C to stop)`);
    return null;
  } catch (error) {
    console.error(`npm run web: cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  if (code !== null) process.exitCode = code;
}
