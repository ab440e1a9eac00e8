/**
 * `npm start`: runs the app wherever it can.
 *
 * - The desktop window where it can open: the electron package is installed, there is a display
 *   (Linux and other Unix systems: $DISPLAY or $WAYLAND_DISPLAY), and the Electron binary is present
 *   or Electron's own installer can fetch it (the install skips it, as `allowScripts` says). Then it
 *   builds the app (electron-vite) and opens it; extra arguments are passed to the app.
 * - Else one line says why not, and the same app runs in the browser (scripts/start-web.mjs): built
 *   when missing or not current, served on 127.0.0.1, opened in the system's browser when possible.
 *
 * Options: --web (the browser build on purpose), --desktop (the window or a clear failure),
 * --port N (browser build: this port or fail; default 4173, else any free port),
 * --dir FOLDER (browser build: where it is built and served from; default dist-web).
 * Exit codes: 0 (the app closed, or Ctrl+C), 1 (it could not start; one line says why), 2 (bad options).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const WEB_HINT = 'npm start -- --web runs the same app in the browser';

/** Options of this script, and the arguments left for the app. */
export function parseStartArgs(argv) {
  const options = { mode: 'auto', port: null, dir: null, appArgs: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--web' || arg === '--desktop') {
      const mode = arg.slice(2);
      if (options.mode !== 'auto' && options.mode !== mode) return { error: 'choose one of --web and --desktop' };
      options.mode = mode;
    } else if (arg === '--port' || arg === '--dir') {
      const value = argv[i + 1];
      if (value === undefined) return { error: `${arg} needs a value` };
      i += 1;
      if (arg === '--dir') options.dir = path.resolve(value);
      else if (!/^\d+$/.test(value) || Number(value) > 65535) return { error: `--port must be a whole number from 0 to 65535, got ${value}` };
      else options.port = Number(value);
    } else {
      options.appArgs.push(arg);
    }
  }
  return options;
}

/** The Electron executable, or null when it is not installed. */
function electronBinary() {
  try {
    const relative = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const exe = path.join(electronDir, 'dist', relative);
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

/** Why the window cannot open here whatever the binary, or null. */
function noWindowReason(env) {
  if (!existsSync(path.join(electronDir, 'install.js'))) return 'the electron package is not installed (npm ci installs it)';
  const unixDesktop = process.platform !== 'darwin' && process.platform !== 'win32';
  if (unixDesktop && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no display: $DISPLAY is not set';
  return null;
}

/** Runs Electron's installer; on failure, the first line of its output that is not a stack frame. */
function installElectron() {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD; // the installer would skip silently
  const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, env, encoding: 'utf8', timeout: 15 * 60 * 1000 });
  if (run.status === 0 && electronBinary() !== null) return null;
  const lines = `${run.stderr ?? ''}\n${run.stdout ?? ''}`.split('\n').map((l) => l.trim());
  return lines.find((l) => l !== '' && !l.startsWith('at ')) ?? run.error?.message ?? `the installer exited with code ${run.status}`;
}

/**
 * The Electron binary, fetched when missing. Returns { exe } or { failed: text that ends the line }
 * after writing the start of one line to stderr.
 */
function ensureElectron() {
  const exe = electronBinary();
  if (exe !== null) return { exe };
  // One line in the end, whatever happens: the caller finishes the line this starts.
  process.stderr.write('npm start: the Electron binary is not installed; downloading it... ');
  const problem = installElectron();
  const installed = electronBinary();
  if (problem !== null || installed === null) return { failed: `failed (${problem ?? 'no executable after install'})` };
  process.stderr.write('done\n');
  return { exe: installed };
}

function runDesktop(exe, appArgs) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('npm start: the build failed (see above)');
    return 1;
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron a plain Node
  const app = spawn(exe, [root, ...appArgs], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  app.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  return null;
}

async function runWeb(options) {
  const { startWeb } = await import('./start-web.mjs');
  return startWeb({ port: options.port, ...(options.dir ? { dir: options.dir } : {}) });
}

async function main(argv) {
  const options = parseStartArgs(argv);
  if ('error' in options) {
    console.error(`npm start: ${options.error}`);
    return 2;
  }
  if (options.mode === 'web') return runWeb(options);

  const reason = noWindowReason(process.env);
  if (reason !== null) {
    if (options.mode === 'desktop') {
      console.error(`npm start: --desktop: the window cannot open here (${reason}); ${WEB_HINT}`);
      return 1;
    }
    console.error(`npm start: no desktop window here (${reason}); starting the browser build instead`);
    return runWeb(options);
  }
  const electron = ensureElectron();
  if ('failed' in electron) {
    if (options.mode === 'desktop') {
      process.stderr.write(`${electron.failed}; ${WEB_HINT}\n`);
      return 1;
    }
    process.stderr.write(`${electron.failed}; starting the browser build instead\n`);
    return runWeb(options);
  }
  return runDesktop(electron.exe, options.appArgs);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const code = await main(process.argv.slice(2));
    if (code !== null) process.exitCode = code;
  } catch (error) {
    // Not expected; still one line, never a stack trace.
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
