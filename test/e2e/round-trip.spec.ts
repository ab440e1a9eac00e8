/**
 * The browser build's plumbing end to end: the page asks the simulator (in a Web Worker) for its
 * version, runs a scenario file the user opens through it and shows the answer; the site works from
 * a sub-folder of a server; built-in data sets come from the site's data folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const small = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'assets', 'scenarios', 'small.json'), 'utf8')) as { name: string; demand: Record<string, unknown> };

async function openFile(page: Page, name: string, content: unknown): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open scenario' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
}

/** Waits for the figures of the scenario now shown. */
async function figuresOf(page: Page, scenarioName: string): Promise<number> {
  await expect(page.getByTestId('scenario-name')).toHaveText(scenarioName);
  const figures = page.getByTestId('key-figures');
  await expect
    .poll(async () => (await figures.getAttribute('data-figures-revision')) === (await figures.getAttribute('data-scenario-revision')), { timeout: 60_000 })
    .toBe(true);
  return Number(await page.getByTestId('calls-offered').getAttribute('data-value'));
}

test('the app shows the simulator version and the figures of a scenario file it opens', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(testInfo.project.use.baseURL!) && !request.url().startsWith('data:')) outside.push(request.url());
  });

  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Response Simulator' })).toBeVisible();
  await expect(page.getByTestId('version'), 'the sim worker answered').toHaveText(/^Simulator \d+\.\d+\.\d+ · app \d+\.\d+\.\d+ · browser, \d+ workers?$/);

  await openFile(page, 'small.json', small);
  const offered = await figuresOf(page, small.name);
  // 240 calls a day, run for the file's own six hours (days 0.25: the horizon follows the scenario): about 60 (Poisson).
  expect(offered, 'calls offered').toBeGreaterThan(35);
  expect(offered).toBeLessThan(90);
  await expect(page.getByTestId('figure-I-mean').locator('td.value'), 'a mean I response as m:ss or h:mm:ss').toHaveText(/^(\d+:)?\d+:\d{2}$/);

  await page.screenshot({ path: 'test-results/e2e-round-trip.png', fullPage: true });
  expect(problems, 'no errors in the page').toEqual([]);
  expect(outside, 'no request left the site').toEqual([]);
});

test('Open scenario clicked before the host side has arrived shows the picker at once and opens the file', async ({ page }) => {
  // A browser shows a file picker only within seconds of the click (5 s in Chromium): the host chunk is held back until 6 s after it.
  let clicked!: () => void;
  const click = new Promise<void>((resolve) => (clicked = resolve));
  let held = 0;
  let released = false;
  await page.route(/\/assets\/web-host-[^/]*\.js$/, async (route) => {
    held += 1;
    await click;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    released = true;
    await route.continue();
  });
  await page.goto('./');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open scenario' }).click();
  clicked();
  const shown = await chooser;
  expect(released, 'the picker was shown before the host side arrived').toBe(false);
  expect(held, 'the host chunk was asked for once').toBe(1);
  await shown.setFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(small)) });
  await figuresOf(page, small.name);
  await expect(page.getByTestId('scenario-file')).toHaveText('small.json');
});

test('a file picked after the page collected its garbage still opens (the input is kept while its picker is open)', async ({ page }, testInfo) => {
  await page.goto('./');
  await expect(page.getByTestId('version'), 'the host side is there').toHaveText(/^Simulator /);
  // The picker answered through the DevTools protocol (as Playwright's file chooser does), with a full collection in between.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Page.enable');
  await cdp.send('Page.setInterceptFileChooserDialog', { enabled: true });
  const opened = new Promise<number | undefined>((resolve) => cdp.once('Page.fileChooserOpened', (event) => resolve(event.backendNodeId)));
  await page.getByRole('button', { name: 'Open scenario' }).click();
  const backendNodeId = await opened;
  expect(backendNodeId, 'the picker names its input').toBeDefined();
  await cdp.send('HeapProfiler.collectGarbage');
  const file = testInfo.outputPath('small.json');
  writeFileSync(file, JSON.stringify(small));
  await cdp.send('DOM.setFileInputFiles', { files: [file], backendNodeId: backendNodeId! });
  await figuresOf(page, small.name);
});

test('the site works from a sub-folder of a server (relative asset paths)', async ({ page, context }, testInfo) => {
  // Every file, the 70 MB of data too, goes through Playwright's routing: a busy machine took 45-60 s.
  test.setTimeout(120_000);
  const base = testInfo.project.use.baseURL!;
  const served: string[] = [];
  // Serve the same files under /some/sub/folder/, as a static host serving dist-web in a sub-folder would.
  await context.route(`${base}some/sub/folder/**`, async (route) => {
    const url = route.request().url().replace(`${base}some/sub/folder/`, base);
    served.push(url.slice(base.length) || '(index)');
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  // Nothing may be asked for at the server's root: that would be an absolute path.
  await context.route(`${base}assets/**`, (route) => route.abort());
  await context.route(`${base}data/**`, (route) => route.abort());
  const misses: string[] = [];
  page.on('requestfailed', (request) => misses.push(`failed ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) misses.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('./some/sub/folder/');
  await openFile(page, 'small.json', small);
  await figuresOf(page, small.name);
  expect(misses, 'every file found relative to the page').toEqual([]);
  expect(served.some((p) => /^assets\/sim\.worker-.*\.js$/.test(p)), `the worker script came from the sub-folder too: ${served.join(', ')}`).toBe(true);
});

test('a scenario naming a built-in data set runs with the data the site carries', async ({ page, request }) => {
  test.skip((await request.get('./data/demand-points.json')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
  const { points: _points, ...demand } = small.demand;
  const scenario = { ...small, name: 'Small on London LSOA points', demand: { ...demand, pointsSource: 'london-lsoa' } };
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/')) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto('./');
  await openFile(page, 'lsoa.json', scenario);
  expect(await figuresOf(page, 'Small on London LSOA points')).toBeGreaterThan(0);
  expect(fetched.filter((f) => f.endsWith('demand-points.json')).length, "the workers fetched the points from the site's data folder").toBeGreaterThan(0);
  expect(fetched.every((f) => f.startsWith('/data/')), `only the data folder: ${fetched.join(', ')}`).toBe(true);
});
