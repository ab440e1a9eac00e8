/**
 * What the two app timers (scripts/measure-app.mjs and bench/ui.bench.ts) share: the static server
 * of the browser build, and the expressions they run in the page. The expressions are text: the
 * page's CSP forbids waitForFunction's eval, and code compiled for Node would bring its helpers.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts scripts/serve-web.mjs on a free port for the site in `dir` (`isolation: false`: without the
 * cross-origin isolation headers); resolves with its address and a stop function.
 */
export function serveWeb(dir, { isolation = true } = {}) {
  return new Promise((resolve, reject) => {
    const args = [path.join(root, 'scripts', 'serve-web.mjs'), '--dir', dir, '--port', '0', ...(isolation ? [] : ['--no-isolation'])];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (match) resolve({ url: match[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`the static server exited (${code}) before it listened: ${text}`)));
  });
}

/** In the page: are the key figures those of the scenario as it now stands? */
export const FIGURES_CURRENT = `(() => {
  const figures = document.querySelector('[data-testid="key-figures"]');
  const run = document.querySelector('[data-testid="run"]');
  const shown = figures && figures.getAttribute('data-figures-revision');
  return !!run && run.getAttribute('data-status') === 'done' && !!shown && shown === figures.getAttribute('data-scenario-revision');
})()`;

/** In the page: figures of the scenario as it now stands, provisional (a first day) or not. */
export const ANY_FIGURES = `(() => {
  const figures = document.querySelector('[data-testid="key-figures"]');
  return !!figures && figures.getAttribute('data-provisional-revision') === figures.getAttribute('data-scenario-revision');
})() || ${FIGURES_CURRENT}`;

/**
 * In the page: sets input ID to VALUE as typing would; resolves with `ms`, the milliseconds until
 * the key figures show the run of the new scenario revision, and `runMs`, that run's own wall time.
 */
export const CHANGE_TO_FIGURES = (id, value) => `new Promise((resolve) => {
  const input = document.querySelector('[data-testid="${id}"]');
  const figures = document.querySelector('[data-testid="key-figures"]');
  const before = figures.getAttribute('data-scenario-revision');
  const started = performance.now();
  const observer = new MutationObserver(() => {
    const wanted = figures.getAttribute('data-scenario-revision');
    const run = document.querySelector('[data-testid="run"]');
    if (wanted !== before && figures.getAttribute('data-figures-revision') === wanted && run && run.getAttribute('data-status') === 'done') {
      observer.disconnect();
      const done = /done in ([\\d,]+) ms/.exec(run.textContent || '');
      resolve({ ms: performance.now() - started, runMs: done ? Number(done[1].replace(/,/g, '')) : NaN });
    }
  });
  observer.observe(document.body, { subtree: true, attributes: true, childList: true });
  // React listens for the native input event; set the value through the prototype's setter.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '${value}');
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

/**
 * In the page: sets input ID to FIRST as typing would and, once that run is going (its progress at
 * 5 % or more), to SECOND; resolves with `ms`, the milliseconds from the second change until the key
 * figures show the run of SECOND (`missed`: the first run ended before it was seen going).
 */
export const CHANGE_DURING_RUN = (id, first, second) => `new Promise((resolve) => {
  const input = document.querySelector('[data-testid="${id}"]');
  const figures = document.querySelector('[data-testid="key-figures"]');
  const set = (value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const before = figures.getAttribute('data-scenario-revision');
  let firstRevision = null;
  let started = NaN;
  const observer = new MutationObserver(() => {
    const run = document.querySelector('[data-testid="run"]');
    const wanted = figures.getAttribute('data-scenario-revision');
    const status = run ? run.getAttribute('data-status') : '';
    const current = figures.getAttribute('data-figures-revision') === wanted && status === 'done';
    if (firstRevision === null) {
      if (wanted === before) return;
      const pct = run ? Number((run.querySelector('.run-pct') || { textContent: '0' }).textContent.replace('%', '')) : 0;
      if (status === 'running' && run.getAttribute('data-revision') === wanted && pct >= 5) {
        firstRevision = wanted;
        started = performance.now();
        set('${second}');
      } else if (current) {
        observer.disconnect();
        resolve({ ms: NaN, missed: true });
      }
      return;
    }
    if (wanted !== firstRevision && current) {
      observer.disconnect();
      resolve({ ms: performance.now() - started, missed: false });
    }
  });
  observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  set('${first}');
})`;
