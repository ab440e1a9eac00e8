/**
 * A short scripted exercise end to end in Chromium on the browser build with the London baseline
 * (issue 17): load an exercise script, run it (the session opens at the script's start, after the
 * warm-up), play until its first inject, jump to the next inject, export the log as CSV and the
 * summary as HTML, save the session as a script, and replay it from a chosen moment for review.
 * Screenshot: test-results/e2e-exercise.png.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download } from '@playwright/test';

const SHOTS = 'test-results';

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/areas-display.geojson')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
});

const script = {
  kind: 'exercise',
  schemaVersion: 1,
  name: 'E2E short exercise',
  scenario: 'london',
  startS: 0,
  timeline: [
    { atS: 20, kind: 'message', text: 'Exercise starts: Trafalgar Square' },
    { atS: 60, kind: 'inject', place: { lon: -0.128, lat: 51.508 }, grade: 'I', type: 'robbery', description: 'Robbery in progress', unitsRequired: 2 },
    { atS: 3600, kind: 'inject', area: 'E09000033', grade: 'S', type: 'burglary' },
  ],
};

const text = async (d: Promise<Download>) => readFileSync((await (await d).path())!, 'utf8');

test('load a short exercise script, play it, jump to the next inject, export the log', async ({ page }) => {
  test.setTimeout(420_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => (m.type() === 'error' ? problems.push(`console: ${m.text()}`) : undefined));
  await page.goto('./');
  const canvas = page.locator('canvas.live-layer');
  await expect(canvas, 'the live session opened').toHaveAttribute('data-units', /^[1-9]\d*$/, { timeout: 150_000 });

  const panel = page.getByTestId('exercise');
  await panel.getByLabel('Load exercise').setInputFiles({ name: 'short.exercise.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": "exercise"}') });
  await expect(page.getByTestId('exercise-errors'), 'a bad file names the path').toContainText('short.exercise.json: schemaVersion:');
  await panel.getByLabel('Load exercise').setInputFiles({ name: 'short.exercise.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(script)) });
  await expect(page.getByTestId('exercise-loaded')).toContainText('E2E short exercise: 3 items');
  await panel.getByRole('button', { name: 'Run exercise' }).click();

  const status = page.getByTestId('exercise-status');
  await expect(status, 'opened at the start, the first inject ahead').toHaveAttribute('data-next', '60', { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status, 'playing reaches the first inject').toHaveAttribute('data-injects', '1', { timeout: 60_000 });
  await expect(page.getByTestId('exercise-message')).toContainText('Exercise starts: Trafalgar Square');
  await expect(status).toHaveAttribute('data-next', '3600');

  await panel.getByRole('button', { name: 'Next inject' }).click();
  await expect(status, 'the jump ran to the next inject').toHaveAttribute('data-injects', '2', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Play' }), 'and paused there').toBeVisible();
  await expect(page.getByTestId('clock')).toHaveAttribute('data-ts', '3600');
  await expect(status).toHaveAttribute('data-next', '');

  const csv = await text(Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export log (CSV)' }).click()]).then(([d]) => d));
  const rows = csv.trim().split('\n');
  expect(rows[0]).toBe('tS,clock,kind,by,incident,unit,grade,lon,lat,etaS,responseS,targetS,withinTarget,left,text');
  expect(rows.filter((r) => r.includes(',inject,script,')), 'both injects logged').toHaveLength(2);
  expect(csv).toContain('Exercise starts: Trafalgar Square');
  const html = await text(Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export summary (HTML)' }).click()]).then(([d]) => d));
  expect(html).toContain('<h1>E2E short exercise: exercise summary</h1>');
  expect(html).toContain('Responses against target');
  const saved = JSON.parse(await text(Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Save exercise' }).click()]).then(([d]) => d))) as { kind: string; timeline: { kind: string; atS: number }[] };
  expect(saved.kind).toBe('exercise');
  expect(saved.timeline.filter((i) => i.kind === 'inject').map((i) => i.atS)).toEqual([60, 3600]);

  // After-action review: replay the recorded session up to a moment before the second inject.
  const slider = panel.getByLabel('Review time');
  await slider.fill('1800');
  await expect(page.getByTestId('review-time')).not.toHaveText('');
  await panel.getByRole('button', { name: 'Review from here' }).click();
  await expect(page.getByTestId('exercise-reviewing')).toBeVisible();
  await expect(page.getByTestId('clock'), 'the review opened at that moment').toHaveAttribute('data-ts', '1800', { timeout: 120_000 });
  await expect(status, 'the recording is kept as it was').toHaveAttribute('data-injects', '2');
  await page.screenshot({ path: `${SHOTS}/e2e-exercise.png` });
  expect(problems, 'no errors in the page').toEqual([]);
});
