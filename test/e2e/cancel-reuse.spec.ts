/**
 * A run cancelled by a changed number keeps its worker (issue 14, aim 4): the page is cross-origin
 * isolated (scripts/serve-web.mjs), so each sim worker reads a cancel board in shared memory
 * (src/host/cancel-board.ts) and stops at the run's next cancel check; the same worker, with the
 * world it built, runs the new scenario. Seen here as no new sim worker and no second fetch of the
 * road graph after a number changed while a run was going.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { figuresUpToDate } from './figures';

/** The page expression measure-app times (scripts/app-probes.mjs), loaded by Node itself: Playwright's transform would make the ES module CommonJS. */
async function changeDuringRun(id: string, first: number, second: number): Promise<string> {
  const probes = (await import(pathToFileURL(path.join(__dirname, '..', '..', 'scripts', 'app-probes.mjs')).href)) as typeof import('../../scripts/app-probes.mjs');
  return probes.CHANGE_DURING_RUN(id, first, second);
}

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/areas-display.geojson')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
});

test('a number changed while a run is going: the run is cancelled, its worker and world serve the new run', async ({ page }) => {
  test.setTimeout(300_000);
  let graphFetches = 0;
  let workers = 0;
  page.context().on('request', (request) => {
    if (request.url().endsWith('/london-roads.graph')) graphFetches++;
  });
  page.on('worker', () => workers++);
  await page.goto('/');
  expect(await page.evaluate('crossOriginIsolated'), 'the page is cross-origin isolated').toBe(true);
  await page.getByRole('combobox', { name: 'Run for' }).selectOption('1');
  await figuresUpToDate(page);
  // The live session (a worker of its own) opens after the figures; let it load its graph too.
  await expect
    .poll(async () => {
      const tS = await page.getByTestId('clock').getAttribute('data-ts');
      return tS !== null && tS !== '' && Number(tS) >= 0;
    }, { timeout: 180_000, message: 'the live session is ready (past its warm-up)' })
    .toBe(true);
  const before = { graphFetches, workers };
  expect(before.graphFetches, 'each worker fetched the graph once').toBeGreaterThanOrEqual(1);

  const id = 'units-CW-early';
  const original = Number(await page.getByTestId(id).inputValue());
  let outcome: { ms: number; missed: boolean } = { ms: NaN, missed: true };
  // A one-day run lasts a fraction of a second: if one ends before it was seen going, try again.
  for (let attempt = 0; attempt < 4 && outcome.missed; attempt++) {
    outcome = await page.evaluate(await changeDuringRun(id, original + 1 + 2 * attempt, original + 2 + 2 * attempt));
  }
  expect(outcome.missed, 'a change landed while the run was going').toBe(false);
  await figuresUpToDate(page);
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'done');
  expect(workers, 'no sim worker was started in place of the cancelled one').toBe(before.workers);
  expect(graphFetches, 'the road graph was not fetched again').toBe(before.graphFetches);
});
