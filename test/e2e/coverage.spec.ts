/**
 * The road data coverage overlay in Chromium, on the browser build with the London baseline (issue
 * 4 item 3, "the map can show where road data is thin"): off by default; the map's layer control
 * turns it on; its cells are drawn (the far classes east of the meridian), its legend says what they
 * mean, the attribution stays, and the same information is in the map data tables.
 *
 * Screenshots go to test-results/e2e-coverage-*.png. Skipped when the site was built without the
 * London data or without the coverage layer (npm run build:web copies both when ../shared/data is found).
 */
import { expect, test } from '@playwright/test';

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/road-coverage.json')).status() !== 200, 'this site was built without the road data coverage layer (../shared/data not found)');
});

test('the road data coverage overlay shows where road data is thin, with a legend and the same figures as text', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });

  await page.goto('./');
  await expect(page.locator('path.borough'), 'the outlines arrived').toHaveCount(33);
  const toggle = page.getByRole('checkbox', { name: 'Show road data coverage' });
  await expect(toggle, 'the overlay is off by default').not.toBeChecked();
  await expect(page.locator('path.coverage-class')).toHaveCount(0);
  await expect(page.getByTestId('coverage-legend')).toHaveCount(0);

  await toggle.check();
  const cells = page.locator('path.coverage-class');
  await expect(cells, 'one shape per distance class, all six present in London').toHaveCount(6);
  // Each class draws cells; the far classes lie east of the near ones (the east has main roads only).
  const centreX: number[] = [];
  for (let k = 0; k < 6; k++) {
    const shape = page.locator(`path.coverage-class-${k}`);
    expect((await shape.getAttribute('d'))?.length ?? 0, `class ${k} draws cells`).toBeGreaterThan(20);
    const box = (await shape.boundingBox())!;
    centreX.push(box.x + box.width / 2);
  }
  expect(centreX[5], '2 km and more: east of the near cells').toBeGreaterThan(centreX[0]!);
  expect(centreX[4], '1-2 km: east of the near cells').toBeGreaterThan(centreX[0]!);

  const legend = page.getByTestId('coverage-legend');
  await expect(legend).toContainText('Road data coverage: distance from each 500 m cell to the nearest modelled road');
  await expect(legend).toContainText('500 m – 1 km · access leg 1:38 – 3:15');
  await expect(legend).toContainText('East of the Greenwich meridian only main roads');
  expect(Number(await legend.getAttribute('data-cells')), 'about 6,300 cells of 500 m over London').toBeGreaterThan(5800);
  await expect(page.locator('.leaflet-control-attribution'), 'the road data is credited').toContainText('OpenStreetMap');
  await expect(page.locator('.leaflet-control-attribution')).toContainText('OpenMapTiles');

  const table = page.getByRole('table', { name: 'Demand far from a modelled road, by BCU (road data coverage)' });
  await expect(table.locator('tbody tr'), 'one row per BCU').toHaveCount(12);
  expect(Number(await page.getByTestId('coverage-row-EA').getAttribute('data-far-share')), 'most of East Area is far from a modelled road').toBeGreaterThan(50);
  expect(Number(await page.getByTestId('coverage-row-CW').getAttribute('data-far-share')), 'none of Central West').toBe(0);

  // Boroughs under the overlay still answer a click.
  await page.locator('path.borough-E09000016').click({ force: true });
  await expect(page.getByTestId('area-details')).toContainText('Havering');

  await page.screenshot({ path: 'test-results/e2e-coverage-1-overlay.png' });
  await page.screenshot({ path: 'test-results/e2e-coverage-1-overlay-full.png', fullPage: true });
  await page.getByTestId('coverage-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e-coverage-2-table.png' });

  await toggle.uncheck();
  await expect(cells, 'off again').toHaveCount(0);
  expect(problems, 'no errors or warnings in the page').toEqual([]);
});
