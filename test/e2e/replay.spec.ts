/**
 * "Demand from incident log" in the browser build (issue 17 item 6): a malformed log is refused naming its
 * line and column; a good one re-runs London with exactly its calls (the web worker parses it), the
 * run status says so, and "Random demand" returns to random arrivals.
 */
import { expect, test } from '@playwright/test';
import { figuresUpToDate } from './figures';

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/areas-display.geojson')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
});

const LOG = ['time,longitude,latitude,grade', '600,-0.1357,51.5152,I', '1800,-0.0877,51.5155,S', '3600,-0.1246,51.5007,S', '7200,-0.0195,51.5048,E', '9000,-0.2100,51.4600,R', '43200,-0.1419,51.5014,I', ''].join('\n');

test('replays an incident log: errors with line and column, then exactly its calls, then random demand again', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('./');
  const file = page.getByTestId('replay-file');
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('time,longitude,latitude,grade\n600,-0.13,51.5,Q\n') });
  await expect(page.getByTestId('replay-error')).toContainText('bad.csv: line 2, column 4 (grade): expected a grade I, S, E, R, got "Q"');

  await file.setInputFiles({ name: 'log.csv', mimeType: 'text/csv', buffer: Buffer.from(LOG) });
  await expect(page.getByTestId('run-demand')).toHaveText(', demand replayed from log.csv (6 calls)');
  await figuresUpToDate(page);
  await expect(page.getByTestId('calls-offered')).toHaveText('6 calls offered');

  await page.getByRole('button', { name: 'Random demand' }).click();
  await expect(page.getByTestId('run-demand')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Demand from incident log' })).toBeVisible();
});
