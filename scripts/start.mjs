/**
 * `npm start`: builds the app (electron-vite), makes sure the Electron binary is present (running
 * Electron's own installer when the install skipped it, as `allowScripts` does here), and opens the
 * app. When the binary cannot be had it says so in one line, pointing to the browser build, and
 * exits with code 1. Extra arguments are passed to the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const BROWSER_HINT = 'use the browser build instead: npm run build:web && npm run web';

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

/** Runs Electron's installer; on failure, the first line of its output that is not a stack frame. */
function installElectron() {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD; // the installer would skip silently
  const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, env, encoding: 'utf8', timeout: 15 * 60 * 1000 });
  if (run.status === 0 && electronBinary() !== null) return null;
  const lines = `${run.stderr ?? ''}\n${run.stdout ?? ''}`.split('\n').map((l) => l.trim());
  return lines.find((l) => l !== '' && !l.startsWith('at ')) ?? run.error?.message ?? `the installer exited with code ${run.status}`;
}

function main() {
  if (!existsSync(path.join(electronDir, 'install.js'))) {
    console.error(`npm start: the electron package is not installed (run npm ci first); or ${BROWSER_HINT}`);
    return 1;
  }
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('npm start: the build failed (see above)');
    return 1;
  }
  let exe = electronBinary();
  if (exe === null) {
    // One line in the end, whatever happens: the outcome finishes the line this starts.
    process.stderr.write('npm start: the Electron binary is not installed; downloading it... ');
    const problem = installElectron();
    exe = electronBinary();
    if (problem !== null || exe === null) {
      process.stderr.write(`failed (${problem ?? 'no executable after install'}); ${BROWSER_HINT}\n`);
      return 1;
    }
    process.stderr.write('done\n');
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron a plain Node
  const app = spawn(exe, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  app.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  return null;
}

const code = main();
if (code !== null) process.exitCode = code;
