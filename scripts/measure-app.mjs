/**
 * Measures the browser build's two speed figures of issue 14 (aim 4) in Chromium, on a build that
 * exists already (`npm run build:web` first; `bench/ui.bench.ts` builds its own):
 *
 * - first figures: from the page's navigation to the key figures of the London baseline's run (its
 *   default horizon, the scenario's own 7 days) on the screen (each load in a fresh browser
 *   context: nothing cached); and to the first figures of any kind, the provisional figures of
 *   the first day (the key figures' `data-provisional-revision`) or those of the run;
 * - changed number: from a resourcing number typed (one BCU's early cars, one more each time: a value
 *   not run before) to the key figures of the new one-day run on the screen, in the page; and once
 *   Undo, back to a scenario run before (the page keeps what it ran);
 * - changed number while a run is going: a number typed, and typed again once that one-day run is
 *   5 % done (cancelling it), to the key figures of the second run on the screen; the cancelled
 *   run's worker stops and is used again where the page is cross-origin isolated (a cancel board in
 *   shared memory, src/host/cancel-board.ts), else it is terminated and a fresh one fetches the
 *   graph and builds its world again;
 * - a step and a jump after the page settled (its figures in, the live session reopened, and where the page
 *   speculates, src/renderer/sim-client/speculate.ts, its runs of the changed number's neighbours done, else
 *   4 s): a step (+1: the value one more than the last change, which speculation covers) and a jump (+5: a
 *   value nothing ran), in turn, each to the key figures of its one-day run on the screen: the step's
 *   figure is speculation's hit, never the general one; and where the page speculates, a jump (+5) made
 *   while a speculative run is going (100 ms into it), which cancels it;
 * - live ready: from the page's navigation to the live session's first frame past its warm-up
 *   (the map populated, ready to play); and, on each load but the last, Play pressed then, to the
 *   clock moving on (a first frame made with the site shows before the worker has the session).
 *
 * Prints each sample, then the median of each figure and the machine's load (`uptime`). Timing is
 * never asserted anywhere: this only prints.
 *
 * Usage: node scripts/measure-app.mjs [--dir dist-web] [--loads 3] [--changes 7 (0: loads only)] [--timeout 120 (seconds a step may take)]
 *   [--no-isolation (serve without the cross-origin isolation headers, as before they were sent)]
 *   [--timeline (after each load, the performance marks of the page and its sim workers: src/web/timeline.ts)]
 *   [--settle (after each load, wait until the first worker has checked the prebuilt figures, src/web/prebuilt.ts,
 *    and so built its world and run a day, before the changes: the changes then meet a warm worker, as they met
 *    one after the run of the scenario's week before the figures were prebuilt)]
 * Chromium: $CHROMIUM_PATH, else /usr/bin/chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ANY_FIGURES, CHANGE_DURING_RUN, CHANGE_TO_FIGURES, FIGURES_CURRENT, serveWeb } from './app-probes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(argv, name, fallback) {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
}

/** In the page: the live session's clock is past the warm-up (simulated time 0 or later). */
const LIVE_READY = `(() => {
  const clock = document.querySelector('[data-testid="clock"]');
  const tS = clock ? clock.getAttribute('data-ts') : '';
  return tS !== '' && tS !== null && Number(tS) >= 0;
})()`;

/** In the page: the live session's clock has moved past 0 (it plays). */
const LIVE_PLAYS = `(() => {
  const clock = document.querySelector('[data-testid="clock"]');
  return !!clock && Number(clock.getAttribute('data-ts')) > 0;
})()`;

/** In the page: clicks Undo; resolves with the ms until the figures of the scenario it brings back show. */
const UNDO_TO_FIGURES = CHANGE_TO_FIGURES('', '').replace(
  /Object\.getOwnPropertyDescriptor[^\n]*\n[^\n]*dispatchEvent[^\n]*/,
  "[...document.querySelectorAll('button')].find((b) => (b.textContent || '').startsWith('Undo')).click();",
);

/** Polls `expression` in the page (its CSP forbids waitForFunction's eval) until true; ms since `t0`. */
let defaultTimeoutMs = 120_000;

async function until(page, expression, t0, timeoutMs = defaultTimeoutMs) {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`measure-app: not true within ${timeoutMs} ms: ${expression.slice(0, 80)}`);
    await page.waitForTimeout(10);
  }
  return performance.now() - t0;
}

const MARKS = `performance.getEntriesByType('mark').filter((m) => m.name.startsWith('rs:')).map((m) => [m.name.slice(3), m.startTime])`;

/**
 * The performance marks of the page and of each sim worker (src/web/timeline.ts), in ms since the
 * page's navigation, as lines: a `name:start`/`name:end` pair as one span.
 */
async function timeline(page) {
  const pageOrigin = await page.evaluate('performance.timeOrigin');
  const sources = [['page', 0, await page.evaluate(MARKS)]];
  let n = 0;
  for (const worker of page.workers()) {
    // The sim workers numbered in the order they started; a fetch worker (fetch.worker.*: s11-live 7e2f72f, reverted) by name.
    const who = /fetch\.worker/.test(worker.url()) ? 'fetch worker' : `worker ${++n}`;
    try {
      const [origin, marks] = await worker.evaluate(`[performance.timeOrigin, ${MARKS}]`);
      sources.push([who, origin - pageOrigin, marks]);
    } catch {
      // a worker ended meanwhile
    }
  }
  const lines = [];
  for (const [who, offset, marks] of sources) {
    const open = new Map();
    for (const [name, t] of marks) {
      const at = t + offset;
      if (name.endsWith(':start')) open.set(name.slice(0, -6), at);
      else if (name.endsWith(':end') && open.has(name.slice(0, -4))) {
        const from = open.get(name.slice(0, -4));
        open.delete(name.slice(0, -4));
        lines.push([from, `${who}: ${name.slice(0, -4)} ${round(from)}-${round(at)} ms (${round(at - from)} ms)`]);
      } else lines.push([at, `${who}: ${name} at ${round(at)} ms`]);
    }
    for (const [name, from] of open) lines.push([from, `${who}: ${name} from ${round(from)} ms (not ended)`]);
  }
  return lines.sort((a, b) => a[0] - b[0]).map(([, line]) => line);
}

/** In the page: the first worker has checked the prebuilt figures (src/web/web-api.ts), or the site has none. */
const SETTLED = `!document.querySelector('link[rel="preload"][href$="prebuilt.json"]') || performance.getEntriesByName('rs:prebuilt-check:end').length > 0`;

/** In the page: figures current, the live session past its warm-up, and the speculative runs started and ended so far. */
const SETTLE_STATE = `({
  figures: ${FIGURES_CURRENT},
  live: ${LIVE_READY},
  starts: performance.getEntriesByName('rs:speculate:start').length,
  ends: performance.getEntriesByName('rs:speculate:end').length,
})`;

/**
 * Waits until the page has settled after a change: figures current, the live session ready, and
 * the speculative runs of this change done (two started since `before`, the count of starts before
 * the change, and all ended), or none started for 4 s (a page that does not speculate, a field at the
 * end of its range); then 1 s more of nothing new, so that a change never meets what a run just left
 * behind (its worker's garbage) in one build and not in the other.
 */
async function settle(page, before) {
  const end = performance.now() + defaultTimeoutMs;
  let since = null;
  let marks = '';
  for (;;) {
    const state = await page.evaluate(SETTLE_STATE);
    const now = `${state.starts}/${state.ends}`;
    if (!(state.figures && state.live) || now !== marks) since = null;
    else since ??= performance.now();
    marks = now;
    const still = since === null ? 0 : performance.now() - since;
    if (state.starts === state.ends && ((state.starts >= before + 2 && still > 1000) || still > 4000)) return;
    if (performance.now() > end) throw new Error('measure-app: the page did not settle');
    await page.waitForTimeout(20);
  }
}

/**
 * Waits until a speculative run is going (its live session ready, a run started, not ended) for
 * 100 ms; false when none starts within 4 s of the page being ready (a page that does not speculate).
 */
async function speculating(page) {
  const end = performance.now() + defaultTimeoutMs;
  let ready = null;
  let going = null;
  for (;;) {
    const state = await page.evaluate(SETTLE_STATE);
    if (state.figures && state.live) ready ??= performance.now();
    if (ready !== null && state.starts > state.ends) going ??= performance.now();
    else going = null;
    if (going !== null && performance.now() - going > 100) return true;
    if ((ready !== null && going === null && performance.now() - ready > 4000) || performance.now() > end) return false;
    await page.waitForTimeout(10);
  }
}

const STARTS = `performance.getEntriesByName('rs:speculate:start').length`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x);

async function main(argv) {
  const dir = path.resolve(option(argv, '--dir', path.join(root, 'dist-web')));
  const loads = Number(option(argv, '--loads', '3'));
  const changes = Number(option(argv, '--changes', '7'));
  defaultTimeoutMs = Number(option(argv, '--timeout', '120')) * 1000;
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`measure-app: ${dir} has no index.html; run npm run build:web first`);
  if (!existsSync(path.join(dir, 'data', 'london-roads.graph'))) throw new Error(`measure-app: ${dir} was built without the London data`);
  const isolation = !argv.includes('--no-isolation');
  const server = await serveWeb(dir, { isolation });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const first = [];
  const early = [];
  const ready = [];
  const playing = [];
  const changed = [];
  const during = [];
  const steps = [];
  const jumps = [];
  const cancelling = [];
  let back = NaN;
  let isolated = null;
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(server.url, { waitUntil: 'commit' });
      const any = await until(page, ANY_FIGURES, t0);
      const figures = await until(page, FIGURES_CURRENT, t0);
      // Before issue 17 item 2 the session started 24 simulated hours before 0, paused: never ready.
      const live = await until(page, LIVE_READY, t0, 30_000).catch(() => NaN);
      first.push(figures);
      early.push(any);
      ready.push(live);
      console.log(`load ${i + 1}: first figures (provisional or final) ${round(any)} ms, the run's figures ${round(figures)} ms, live session ready ${round(live)} ms`);
      if (i < loads - 1 && Number.isFinite(live)) {
        // Play pressed as soon as the session shows (a prebuilt first frame shows before its worker has
        // opened the session: src/web/prebuilt.ts), until its clock has moved on.
        await page.getByRole('button', { name: 'Play' }).click();
        const plays = await until(page, LIVE_PLAYS, t0, 60_000).catch(() => NaN);
        playing.push(plays);
        console.log(`load ${i + 1}: live session plays (Play pressed once ready) ${round(plays)} ms`);
      }
      if (argv.includes('--settle')) {
        // The prebuilt figures come before the first worker has its world: let it check them (and warm up) first.
        const settled = await until(page, SETTLED, t0, 60_000).catch(() => NaN);
        console.log(`load ${i + 1}: first worker warm (the prebuilt figures checked) ${round(settled)} ms`);
      }
      if (argv.includes('--timeline')) for (const line of await timeline(page)) console.log(`  ${line}`);
      if (i === loads - 1 && changes > 0) {
        // One-day runs, as the aim says (the app's default horizon is the scenario's own week).
        await page.getByRole('combobox', { name: 'Run for' }).selectOption('1');
        await until(page, FIGURES_CURRENT, performance.now());
        const id = 'units-CW-early';
        const original = Number(await page.getByTestId(id).inputValue());
        // A value not run before each time (one more unit each time): the page keeps the outcomes of
        // what it ran (src/renderer/sim-client/run.ts), so a value changed back is measured apart.
        for (let c = 0; c < changes; c++) {
          const { ms } = await page.evaluate(CHANGE_TO_FIGURES(id, original + 1 + c));
          changed.push(ms);
          console.log(`change ${c + 1}: new figures ${round(ms)} ms`);
        }
        back = (await page.evaluate(UNDO_TO_FIGURES)).ms;
        console.log(`Undo (back to a scenario run before): figures ${round(back)} ms`);
        isolated = await page.evaluate('crossOriginIsolated');
        if (argv.includes('--timeline')) {
          console.log('  after the changes:');
          for (const line of (await timeline(page)).filter((l) => /run-|auto-run|page-live|live-open|world/.test(l)).slice(-30)) console.log(`  ${line}`);
        }
        for (let c = 0; c < changes; c++) {
          const value = original + 1 + changes + 2 * c;
          const { ms, missed } = await page.evaluate(CHANGE_DURING_RUN(id, value, value + 1));
          if (!missed) during.push(ms);
          console.log(`change during a run ${c + 1}: ${missed ? 'missed (the first run ended before it was seen going)' : `new figures ${round(ms)} ms`}`);
        }
        // Step and jump in turn, after the page settled, from values no run met before.
        let value = original + 4 * changes + 10;
        let before = await page.evaluate(STARTS);
        await page.evaluate(CHANGE_TO_FIGURES(id, value));
        await settle(page, before);
        for (let c = 0; c < changes; c++) {
          for (const [kind, by, into] of [['step (+1)', 1, steps], ['jump (+5)', 5, jumps]]) {
            value += by;
            before = await page.evaluate(STARTS);
            const { ms } = await page.evaluate(CHANGE_TO_FIGURES(id, value));
            into.push(ms);
            console.log(`${kind} ${c + 1} after the page settled: new figures ${round(ms)} ms`);
            if (by === 1) await settle(page, before);
          }
          // The jump's speculative runs: a jump (+5) while one is going (it cancels it).
          if (await speculating(page)) {
            value += 5;
            const { ms } = await page.evaluate(CHANGE_TO_FIGURES(id, value));
            cancelling.push(ms);
            // How long the cancelled speculative run held on after the change's run was asked for.
            const held = await page.evaluate(`(() => {
              const asked = performance.getEntriesByName('rs:auto-run').at(-1).startTime;
              const ended = performance.getEntriesByName('rs:speculate:end').find((m) => m.startTime >= asked);
              return ended ? ended.startTime - asked : NaN;
            })()`);
            console.log(`jump (+5) while a speculative run is going ${c + 1}: new figures ${round(ms)} ms (the speculative run ended ${round(held)} ms after the change's run was asked for)`);
          } else console.log(`jump (+5) while a speculative run is going ${c + 1}: none seen going`);
          before = await page.evaluate(STARTS);
          await settle(page, before);
        }
        const speculated = await page.evaluate(`performance.getEntriesByName('rs:speculate:end').length`);
        console.log(`speculative runs in this page: ${speculated}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`app first figures after page load, provisional or final, median of ${loads}: ${round(median(early))} ms`);
  console.log(`app first figures after page load (London, default horizon), median of ${loads}: ${round(median(first))} ms`);
  console.log(`app live session ready after page load, median of ${loads}: ${round(median(ready))} ms`);
  if (playing.length > 0) console.log(`app live session playing after page load (Play pressed once ready), median of ${playing.length}: ${round(median(playing))} ms`);
  console.log(`app changed number to new one-day figures, median of ${changes}: ${round(median(changed))} ms (slowest ${round(Math.max(...changed))} ms)`);
  console.log(`app Undo of a changed number (a scenario run before: the page keeps what it ran), figures: ${round(back)} ms`);
  console.log(
    `app changed number while a one-day run is going, to the new figures, median of ${during.length}: ${round(median(during))} ms (slowest ${round(Math.max(...during))} ms; page cross-origin isolated: ${isolated})`,
  );
  if (steps.length > 0) {
    console.log(`app step change (+1) after the page settled, to new one-day figures (speculation's hit where the page speculates), median of ${steps.length}: ${round(median(steps))} ms (slowest ${round(Math.max(...steps))} ms)`);
    console.log(`app jump change (+5, a value nothing ran) after the page settled, to new one-day figures, median of ${jumps.length}: ${round(median(jumps))} ms (slowest ${round(Math.max(...jumps))} ms)`);
  }
  if (cancelling.length > 0) {
    console.log(`app jump change (+5) while a speculative run is going (cancelled), to new one-day figures, median of ${cancelling.length}: ${round(median(cancelling))} ms (slowest ${round(Math.max(...cancelling))} ms)`);
  }
  console.log(`load: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
