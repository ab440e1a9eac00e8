/**
 * Export report end to end in Chromium (issue 16 items 3 and 6), on the browser build with the
 * London baseline run for a day: "Export report" offers the report as an HTML download with the
 * scenario file beside it and opens the print dialog (stubbed here), whose print stylesheet puts
 * only the report on paper. The downloaded report is then opened with every network request
 * refused, looked at (screenshots), and printed to PDF, whose pages are rendered to PNG with
 * pdftoppm (poppler-utils; .ci/run installs it) to be looked at too.
 *
 * Screenshots: test-results/e2e-report-*.png. Without the London data in the site it is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { figuresUpToDate } from './figures';

const SHOTS = 'test-results';
/** The page's globals the test stubs: print() only counts. */
type PrintGlobals = { printed: number; print: () => void };
const OUT = path.join(SHOTS, 'e2e-report');

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/areas-display.geojson')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
});

function hasPdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
}

/** Renders each page of `pdf` to `<prefix>-N.png` at 60 dpi; returns the files. */
function pdfPages(pdf: string, prefix: string): string[] {
  const r = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, prefix], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const dir = path.dirname(prefix);
  return readdirSync(dir).filter((f) => f.startsWith(path.basename(prefix) + '-') && f.endsWith('.png')).sort().map((f) => path.join(dir, f));
}

test('Export report: an HTML download and the scenario file, the print dialog; the report loads nothing and prints to PDF', async ({ page, browser }) => {
  // A day of London in the browser: minutes on a busy machine (no timing is asserted, only waited for).
  test.setTimeout(720_000);
  mkdirSync(OUT, { recursive: true });
  await page.addInitScript(() => {
    const page = globalThis as unknown as PrintGlobals;
    page.printed = 0;
    page.print = () => void page.printed++;
  });
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Run for' }).selectOption('1');
  await figuresUpToDate(page, 480_000);

  const downloads: { name: string; file: string }[] = [];
  page.on('download', (d) => {
    const file = path.join(OUT, d.suggestedFilename());
    downloads.push({ name: d.suggestedFilename(), file });
    void d.saveAs(file);
  });
  await page.getByRole('button', { name: 'Export report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Report written' })).toContainText('London baseline report.html, London baseline report.scenario.json');
  await expect.poll(() => downloads.length).toBe(2);
  expect(await page.evaluate(() => (globalThis as unknown as PrintGlobals).printed), 'the print dialog was asked for').toBe(1);
  await page.screenshot({ path: `${SHOTS}/e2e-report-1-exported.png` });

  // What the print dialog prints: only the report, through the app's print stylesheet.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#report-print h1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export report' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/e2e-report-2-app-print.png`, fullPage: true });
  const appPdf = path.join(OUT, 'app-print.pdf');
  writeFileSync(appPdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });

  await expect.poll(() => { try { return readFileSync(path.join(OUT, 'London baseline report.html'), 'utf8').length; } catch { return 0; } }).toBeGreaterThan(1000);
  const html = readFileSync(path.join(OUT, 'London baseline report.html'), 'utf8');
  const scenario = JSON.parse(readFileSync(path.join(OUT, 'London baseline report.scenario.json'), 'utf8')) as { name: string };
  expect(scenario.name).toBe('London baseline');
  for (const h of ['Assumptions', 'Response against targets', 'Map', 'Response-time distributions', 'By area', 'How this was made', 'Data sources']) expect(html).toContain(`<h2>${h}</h2>`);
  expect(html, 'the command names the scenario file downloaded beside it').toMatch(/npm run sim -- report &#39;London baseline report\.scenario\.json&#39; --seed \d+ --days 1 --replications \d+ --out report\.html/);
  expect(html).toContain('DfT Major Road Network');
  expect(html).toContain('contains OS data © Crown copyright and database right');
  expect(html).toMatch(/<td>data boundaries\/london_boroughs\.geojson \(sha256\)<\/td><td>[0-9a-f]{64}<\/td>/);
  expect(html, 'no raw JSON').not.toMatch(/\{&quot;|\{"/);

  // The report on its own, every request but the page itself refused: it must need none.
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  await context.route('**/*', (route) => (route.request().url() === 'http://report.invalid/' ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort()));
  const report = await context.newPage();
  report.on('request', (r) => requests.push(r.url()));
  const failed: string[] = [];
  report.on('requestfailed', (r) => failed.push(r.url()));
  await report.goto('http://report.invalid/');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('London baseline');
  await expect(report.getByRole('img', { name: 'Grade I incidents reached within target, by area' })).toBeVisible();
  await expect(report.getByRole('img', { name: 'Grade I: share of incidents reached within the time' })).toBeVisible();
  expect(requests, 'the report asks for nothing beyond itself').toEqual(['http://report.invalid/']);
  expect(failed).toEqual([]);
  await report.screenshot({ path: `${SHOTS}/e2e-report-3-report.png` });
  await report.screenshot({ path: `${SHOTS}/e2e-report-4-report-full.png`, fullPage: true });
  const reportPdf = path.join(OUT, 'report.pdf');
  writeFileSync(reportPdf, await report.pdf({ preferCSSPageSize: true, printBackground: true }));
  await context.close();

  test.skip(!hasPdftoppm(), 'pdftoppm (poppler-utils) is not installed: the PDF pages are not rendered');
  for (const [pdf, prefix] of [[reportPdf, 'e2e-report-5-pdf'], [appPdf, 'e2e-report-6-app-pdf']] as const) {
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPages(pdf, path.join(SHOTS, prefix));
    expect(pages.length, `${prefix}: a report of several pages`).toBeGreaterThan(2);
  }
});
