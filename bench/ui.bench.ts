/**
 * The app's two performance targets (ARCHITECTURE.md "Performance targets"), measured in Chromium
 * (Playwright driving /usr/bin/chromium, or $CHROMIUM_PATH) on the browser build with the London
 * baseline:
 *
 * - frames drawn per second by the map's live layer while the baseline plays at 60x, with every
 *   unit of the fleet on the map (aim: 60);
 * - time from a changed resourcing number (one BCU's units on one shift) to the key figures of the
 *   new one-day London run on the screen (aim: under 1 s). Measured in the page, from the input
 *   event to the figures' update; includes the 60 ms the app waits for more typing. The run's own
 *   wall time (as the run reports it) is printed beside it. Each change is to a value not run
 *   before (the page keeps the outcomes of what it ran, and would show those at once).
 *
 * The site is built afresh into a temporary folder (vite build + the data copy), so the figures
 * are of the code as it is. Skipped, with one line saying why, without Chromium or the London data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Report } from './run';
import { ANY_FIGURES, CHANGE_TO_FIGURES, FIGURES_CURRENT, serveWeb } from '../scripts/app-probes.mjs';
import { repoRoot } from '../src/node/data/paths';

// The checkout, from source (bench/) and from the bundle (out/node/bench/) alike.
const root = repoRoot();
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHANGES = 5;
const FPS_SECONDS = 5;

function buildSite(out: string): boolean {
  execFileSync(bin('vite'), ['build', '--config', 'vite.web.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  execFileSync(bin('tsx'), ['scripts/copy-web-data.ts', '--out', path.join(out, 'data')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return existsSync(path.join(out, 'data', 'areas-display.geojson'));
}

async function figuresCurrent(page: Page, timeoutMs = 120_000, expression = FIGURES_CURRENT): Promise<void> {
  // Polled from here: waitForFunction would compile the text in the page, which its CSP forbids.
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`ui bench: no figures within ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

async function changeToFigures(page: Page, testId: string, value: number): Promise<{ ms: number; runMs: number }> {
  return page.evaluate(CHANGE_TO_FIGURES(testId, value)) as Promise<{ ms: number; runMs: number }>;
}

export default async function uiBench(report: Report): Promise<void> {
  if (!existsSync(chromiumPath)) {
    console.log(`ui: skipped (no Chromium at ${chromiumPath}; set CHROMIUM_PATH)`);
    return;
  }
  const site = mkdtempSync(path.join(tmpdir(), 'rs-ui-bench-'));
  let server: { url: string; stop: () => void } | null = null;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    if (!buildSite(site)) {
      console.log('ui: skipped (the site was built without the London data: ../shared/data not found)');
      return;
    }
    server = await serveWeb(site);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const loadStart = performance.now();
    await page.goto(server.url);
    await figuresCurrent(page, 120_000, ANY_FIGURES);
    report('ui first figures after page load, provisional (a first day) or final', Math.round(performance.now() - loadStart), 'ms');
    await figuresCurrent(page);
    report('ui first figures after page load (one-day London)', Math.round(performance.now() - loadStart), 'ms');

    // Frame rate while the baseline plays at 60x with the whole fleet drawn.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('60');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1500);
    const samples: number[] = [];
    for (let s = 0; s < FPS_SECONDS; s++) {
      await page.waitForTimeout(1000);
      samples.push(Number(await page.locator('canvas.live-layer').getAttribute('data-fps')));
    }
    const units = Number(await page.locator('canvas.live-layer').getAttribute('data-units'));
    report('ui live frame rate at 60x (London baseline)', samples.reduce((a, b) => a + b, 0) / samples.length, 'fps');
    report('ui live frame rate at 60x, worst second', Math.min(...samples), 'fps');
    report('ui live units drawn per frame', units, 'units');
    await page.getByRole('button', { name: 'Pause' }).click();

    // Changed number -> figures, a few times (alternating one BCU's early units down and back).
    const testId = 'units-CW-early';
    const original = Number(await page.getByTestId(testId).inputValue());
    const times: number[] = [];
    const runs: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const { ms, runMs } = await changeToFigures(page, testId, original + 1 + i);
      times.push(ms);
      runs.push(runMs);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    report('ui changed number to updated figures (one-day London), median', Math.round(median(times)), 'ms');
    report('ui changed number to updated figures, slowest', Math.round(Math.max(...times)), 'ms');
    report('ui one-day London batch run inside that, median', Math.round(median(runs)), 'ms');
  } finally {
    await browser.close();
    server?.stop();
    rmSync(site, { recursive: true, force: true });
  }
}
