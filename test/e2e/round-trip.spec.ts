/**
 * The browser build end to end: the page asks the simulator (in a Web Worker) for its version, runs
 * the small built-in scenario through it, and shows the answer. No page error, no CSP violation, no
 * request leaves the site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('the app shows the simulator version and the results of the small scenario', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(testInfo.project.use.baseURL!)) outside.push(request.url());
  });

  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Response Simulator' })).toBeVisible();
  await expect(page.getByTestId('version'), 'the sim worker answered').toHaveText(/^Simulator \d+\.\d+\.\d+ · app \d+\.\d+\.\d+ · browser, \d+ workers?$/);

  await page.getByTestId('run-small').click();
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const offered = Number((await page.getByTestId('calls-offered').textContent())!.replace(/,/g, ''));
  // 240 calls a day for six hours: about 60 (Poisson, so a wide band).
  expect(offered, 'calls offered').toBeGreaterThan(25);
  expect(offered).toBeLessThan(110);
  await expect(page.getByTestId('mean-response-I'), 'a mean I response as m:ss or h:mm:ss').toHaveText(/^(\d+:)?\d+:\d{2}$/);

  await page.screenshot({ path: 'test-results/e2e-round-trip.png', fullPage: true });
  expect(problems, 'no errors or warnings in the page').toEqual([]);
  expect(outside, 'no request left the site').toEqual([]);
});

test('an invalid scenario shows every problem with its path', async ({ page }) => {
  await page.goto('./');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open scenario…' }).click();
  await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, demand: {} })) });
  await page.getByTestId('run-opened').click();
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'failed');
  const errors = page.getByTestId('run-error');
  await expect(errors).toContainText('The scenario has');
  await expect(errors.locator('code').first()).toBeVisible();
  await expect(errors).toContainText('demand.streams');
});

test('the site works from a sub-folder of a server (relative asset paths)', async ({ page, context }, testInfo) => {
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
  const misses: string[] = [];
  page.on('requestfailed', (request) => misses.push(`failed ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) misses.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('./some/sub/folder/');
  await page.getByTestId('run-small').click();
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(misses, 'every file found relative to the page').toEqual([]);
  expect(served.some((p) => /^assets\/sim\.worker-.*\.js$/.test(p)), `the worker script came from the sub-folder too: ${served.join(', ')}`).toBe(true);
});

test('a scenario naming a built-in data set runs with the data the site carries', async ({ page, request }) => {
  test.skip((await request.get('./data/demand-points.json')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
  const small = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'assets', 'scenarios', 'small.json'), 'utf8')) as { demand: Record<string, unknown> };
  const { points: _points, ...demand } = small.demand;
  const scenario = { ...small, name: 'Small on London LSOA points', demand: { ...demand, pointsSource: 'london-lsoa' } };
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/')) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto('./');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open scenario…' }).click();
  await (await chooser).setFiles({ name: 'lsoa.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.getByTestId('run-opened').click();
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(fetched, 'the worker fetched the points from the site\'s data folder').toEqual(['/data/demand-points.json']);
  expect(Number((await page.getByTestId('calls-offered').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
});
