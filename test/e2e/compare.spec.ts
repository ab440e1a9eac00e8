/**
 * Compare in the app, end to end in Chromium on the browser build (issue 16 items 1 and 2): the
 * "Compare" button opens the panel; the London baseline against itself gives "no detectable
 * difference" on every figure; North Area without units, against the document as opened, is
 * longer on I response with NA's I within target lower in the BCU table and on the diverging map; a comparison by
 * the stopping rule shows the interval narrowing and Cancel keeps what finished.
 *
 * Screenshots go to test-results/e2e-compare-*.png. Skipped without the London data in the site.
 */
import { expect, test, type Page } from '@playwright/test';

const SHOTS = 'test-results';

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/areas-display.geojson')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
});

/** Opens the panel and sets a one-day horizon and a fixed number of replications. */
async function setUp(page: Page, replications: number): Promise<ReturnType<Page['getByTestId']>> {
  const panel = page.getByTestId('compare-panel');
  if (!(await panel.isVisible().catch(() => false))) await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'Compare scenarios' })).toBeVisible();
  await panel.getByLabel('Horizon, days').fill('1');
  await panel.getByLabel('Replications of each scenario').fill(String(replications));
  return panel;
}

// One test, one page: every London day simulated costs a minute on a busy machine, so the steps share
// the page (and its workers' world) rather than each loading London again. Timeouts are generous; no timing is asserted.
test('Compare: identical gives no detectable difference; North Area without units is worse in the table and on the map; the interval narrows; Cancel keeps what finished', async ({ page }) => {
  test.setTimeout(1_200_000);
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Run for' }).selectOption('1');

  // 1. The London baseline against itself.
  let panel = await setUp(page, 2);
  await expect(panel.getByRole('combobox', { name: 'Baseline' }), 'the baseline defaults to London (the document is unchanged)').toHaveValue('london');
  await panel.getByRole('button', { name: 'Run comparison' }).click();
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/e2e-compare-1-running.png` });
  const results = panel.getByTestId('compare-results');
  await expect(results).toBeVisible({ timeout: 600_000 });
  await expect(results).toContainText('2 paired replications of 1 day each');
  const verdicts = await results.getByTestId('verdict').allTextContents();
  expect(verdicts.length, 'one verdict per key figure').toBe(11);
  for (const v of verdicts) expect(['no detectable difference', 'not measured']).toContain(v);
  expect(verdicts.filter((v) => v === 'no detectable difference').length).toBeGreaterThanOrEqual(9);
  await page.screenshot({ path: `${SHOTS}/e2e-compare-2-identical.png` });
  await panel.getByRole('button', { name: 'Close comparison' }).click();

  // 2. North Area without units, against the document as opened.
  for (const shift of ['early', 'late', 'night']) await page.getByTestId(`units-NA-${shift}`).fill('0');
  await expect(page.getByTestId('modified').first()).toBeVisible();
  panel = await setUp(page, 2);
  await panel.getByRole('button', { name: 'Reset the form' }).click();
  await panel.getByLabel('Horizon, days').fill('1');
  await panel.getByLabel('Replications of each scenario').fill('2');
  await expect(panel.getByRole('combobox', { name: 'Baseline' }), 'the baseline defaults to the document as opened').toHaveValue('original');
  await panel.getByRole('button', { name: 'Run comparison' }).click();
  await expect(results).toBeVisible({ timeout: 600_000 });
  // London-wide, two replications may not separate a change in one BCU (t with 1 df is 12.7); North Area's own figure does.
  await expect(results.locator('tr[data-figure="I.meanResponseS"] td').nth(2), 'I mean response longer without NA units').toHaveText(/^\+/);
  const bcuTable = results.getByRole('table', { name: 'Per BCU: I within target' });
  // Two replications leave a wide interval (t with 1 df); the direction holds: NA's I within target falls.
  await expect(bcuTable.getByRole('row', { name: /^NA / }).getByRole('cell').nth(2), 'NA: variant − baseline below zero').toHaveText(/^−/);
  await expect(results.getByRole('list', { name: 'Map legend' })).toContainText('Blue: better than the baseline');
  await expect(results.locator('.compare-map path.leaflet-interactive'), 'every borough on the diverging map').toHaveCount(33);
  await expect(results.locator('.compare-chart canvas').first(), 'the distributions overlaid').toBeVisible();
  await results.getByRole('table', { name: 'Key figures compared' }).screenshot({ path: `${SHOTS}/e2e-compare-3-key-figures.png` });
  await results.locator('.compare-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/e2e-compare-4-map.png` });
  await results.locator('.compare-charts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/e2e-compare-5-charts.png` });

  // 3. The stopping rule with a width it cannot reach soon: the interval shown as replications arrive; Cancel keeps them.
  await panel.getByRole('radio', { name: /Until the 95 % interval/ }).check();
  await panel.getByLabel('N, points').fill('0.1');
  await panel.getByLabel('At most, replications').fill('30');
  await panel.getByRole('button', { name: 'Run comparison' }).click();
  const progress = panel.getByTestId('compare-progress');
  await expect(progress.getByRole('table', { name: /Interval of the difference in I within target/ }).getByRole('row'), 'a row per replication finished in both').toHaveCount(3, { timeout: 600_000 });
  await expect(progress.getByRole('status')).toContainText(/of at most 30 replications/);
  await page.screenshot({ path: `${SHOTS}/e2e-compare-6-narrowing.png` });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(results).toBeVisible({ timeout: 120_000 });
  await expect(results).toContainText('cancelled; the replications every scenario finished are kept');
  await page.screenshot({ path: `${SHOTS}/e2e-compare-7-cancelled.png` });
});
