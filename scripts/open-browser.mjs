/**
 * Opening an address in the system's browser for `npm start`, without ever waiting on it.
 *
 * Not tried (and the reason given) when $RESPONSE_SIM_NO_BROWSER is set (tests set it), under CI
 * ($CI), or on Linux and other Unix systems without a display ($DISPLAY / $WAYLAND_DISPLAY unset).
 */
import { spawn } from 'node:child_process';

/** Env variable that keeps `npm start` from opening a browser (any value but "" or "0"). */
export const NO_BROWSER_ENV = 'RESPONSE_SIM_NO_BROWSER';

const set = (value) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';

/** The command that opens `url` here, or the reason not to try: { command, args } | { reason }. */
export function browserCommand(url, env = process.env, platform = process.platform) {
  if (set(env[NO_BROWSER_ENV])) return { reason: `$${NO_BROWSER_ENV} is set` };
  if (set(env.CI)) return { reason: 'running under CI' };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'no display: $DISPLAY is not set' };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens `url` in a detached process and says what happened through `say` (one line now, and one more
 * later only if the opener turns out to fail). Returns at once.
 */
export function openInBrowser(url, { env = process.env, platform = process.platform, say }) {
  const how = browserCommand(url, env, platform);
  if ('reason' in how) {
    say(`Not opening a browser (${how.reason}); open the address yourself.`);
    return;
  }
  let child;
  try {
    child = spawn(how.command, how.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: platform === 'win32' });
  } catch (error) {
    say(`Could not open a browser (${how.command}: ${error.code ?? error.message}); open the address yourself.`);
    return;
  }
  child.on('spawn', () => say(`Opening it in your browser (${how.command}).`));
  child.on('error', (error) => say(`Could not open a browser (${how.command}: ${error.code ?? error.message}); open the address yourself.`));
  child.on('exit', (code) => {
    if (code !== null && code !== 0) say(`${how.command} could not open a browser (exit code ${code}); open the address yourself.`);
  });
  child.unref();
}
