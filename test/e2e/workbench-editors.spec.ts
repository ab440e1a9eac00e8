/**
 * The workbench's editors end to end in Chromium, on the browser build with the London baseline
 * (issue 15 items 2-5, 7, 8 and 9): "Add base" then a click on the map adds a base, given units in
 * the table of bases; "Add demand event" then a click adds an event; a dispatch rule (the S reserve)
 * is changed; each change reaches the key figures and "What changed" says it in words. The map is
 * one Tab stop; axe-core finds no serious or critical violation on the batch view, the live view
 * and the editors. Screenshots: test-results/e2e-workbench-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { figuresUpToDate } from './figures';

const SHOTS = 'test-results';

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/areas-display.geojson')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
});

const figure = async (page: Page, id: string) => Number(await page.getByTestId(`figure-${id}`).getAttribute('data-value'));

/** Serious and critical axe violations inside `selector` (or the page), as "id: target" lines. */
async function axeProblems(page: Page, selector?: string): Promise<string[]> {
  // label-content-name-mismatch (off by default in axe): an accessible name must contain the visible text.
  let builder = new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (selector) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'label-content-name-mismatch').flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${v.help}`));
}

test('add a base and a demand event on the map, change the S reserve: the figures follow and What changed says so', async ({ page }) => {
  test.setTimeout(3_000_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto('./');
  await expect(page.locator('path.borough')).toHaveCount(33);
  await figuresUpToDate(page);
  await expect(page.getByTestId('what-changed')).toContainText('Nothing yet');

  // Add base: arm, Esc cancels, arm again, click the map; give it 6 units on every shift in the table.
  const bases = page.getByTestId('bases-editor');
  await bases.getByRole('button', { name: 'Add base' }).click();
  await expect(page.getByTestId('workbench-placing-hint')).toContainText('Click the map to place the new base');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('workbench-placing-hint')).toHaveCount(0);
  await bases.getByRole('button', { name: 'Add base' }).click();
  const map = page.locator('.leaflet-container');
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.62, y: box.height * 0.62 } });
  await expect(page.locator('.base-marker'), 'one more base on the map').toHaveCount(50);
  await expect(bases.getByText('Table of bases (50)'), 'the new base opened the table').toBeVisible();
  const row = bases.getByRole('row').filter({ has: page.getByRole('textbox', { name: 'Name of base New base 1' }) });
  await expect(row).toHaveCount(1);
  const before = { iMean: await figure(page, 'I-mean'), util: await figure(page, 'utilisation'), sWithin: await figure(page, 'S-within') };
  for (const shift of ['early', 'late', 'night']) await row.getByRole('spinbutton', { name: `Units, New base 1, ${shift}` }).fill('6');
  await figuresUpToDate(page);
  const withBase = { iMean: await figure(page, 'I-mean'), util: await figure(page, 'utilisation') };
  expect(withBase.iMean, 'more units: I mean response changes').not.toBe(before.iMean);
  await expect(page.getByTestId('what-changed')).toContainText(/New base 1 added in \w/);
  await expect(page.getByTestId('what-changed')).toContainText('6 more IRVs on the late shift');
  // The new base is shown where it lies on the road network (the host snaps it on the run's roads).
  const moveStatus = bases.getByTestId('base-move');
  await expect(moveStatus).toContainText(/^New base 1 added at 51\.\d{5}, -?0\.\d{5}; on the road network at 51\.\d{5}, -?0\.\d{5}/, { timeout: 120_000 });
  await expect(page.getByRole('button', { name: /^Undo\b/ })).toHaveText('Undo: Units of New base 1, night shift');

  // Drag it on the map: the distance moved, and the new position on the road network.
  await map.scrollIntoViewIfNeeded();
  const marker = page.locator('.base-marker.selected');
  const at = (await marker.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(at.x + at.width / 2 + k * 10, at.y + at.height / 2 - k * 2);
  await page.mouse.up();
  await expect(moveStatus).toContainText(/^New base 1 moved [\d.]+ k?m (east|north-east); on the road network at 51\.\d{5}, -?0\.\d{5}/, { timeout: 120_000 });
  await expect(page.getByRole('button', { name: /^Undo\b/ })).toHaveText('Undo: Move base New base 1');
  await expect(page.locator('.snap-tooltip'), 'the road position is drawn on the map with the words').toContainText('New base 1 moved');
  await page.locator('.map-box').screenshot({ path: `${SHOTS}/e2e-workbench-snapped.png` });
  await page.getByTestId('bases-editor').screenshot({ path: `${SHOTS}/e2e-workbench-bases.png` });

  // Add demand event: click the map; the event is listed, drawn, and demand (utilisation) rises.
  const demand = page.getByTestId('demand-editor');
  await demand.getByRole('button', { name: 'Add demand event' }).click();
  await map.scrollIntoViewIfNeeded();
  await map.click({ position: { x: box.width * 0.5, y: box.height * 0.45 } });
  const events = page.getByTestId('events-table');
  await expect(events.getByRole('textbox', { name: 'Name of event Event 1' })).toHaveValue('Event 1');
  await events.getByRole('spinbutton', { name: 'Demand (x) of Event 1' }).fill('4');
  await events.getByRole('spinbutton', { name: 'Radius (m) of Event 1' }).fill('3000');
  await figuresUpToDate(page);
  expect(await figure(page, 'utilisation'), 'an event x4 on central London for an evening: units busier').toBeGreaterThan(withBase.util);
  await expect(page.getByTestId('what-changed')).toContainText(/Event 1 added, Mon 18:00-23:00, x4 within 3\.0 km of a point in /);
  await expect(page.getByTestId('what-changed')).not.toContainText('Event Event');

  // Extra calls an hour with a grade mix of their own (all I): the figures follow and What changed says it.
  const busier = await figure(page, 'utilisation');
  await events.getByRole('spinbutton', { name: 'Extra calls an hour of Event 1' }).fill('120');
  await events.getByRole('spinbutton', { name: 'I % of the extra calls of Event 1' }).fill('100');
  await figuresUpToDate(page);
  await expect(page.getByTestId('what-changed')).toContainText(/Event 1 added, Mon 18:00-23:00, x4 and \+120 calls an hour \(100 % I\) within 3\.0 km/);
  expect(await figure(page, 'utilisation'), '600 more I calls in an evening: the units are busier still').not.toBe(busier);
  await expect(page.getByRole('button', { name: /^Undo\b/ })).toHaveText('Undo: Grade I share of Event 1');

  // An event over a polygon drawn corner by corner: three clicks, then Finish polygon.
  await demand.getByRole('button', { name: 'Draw event area' }).click();
  await map.scrollIntoViewIfNeeded();
  for (const [x, y] of [[0.3, 0.3], [0.4, 0.3], [0.35, 0.4]] as const) await map.click({ position: { x: box.width * x, y: box.height * y } });
  await demand.getByRole('button', { name: 'Finish polygon (3 corners)' }).click();
  await expect(events.getByRole('textbox', { name: 'Name of event Event 2' })).toHaveValue('Event 2');
  await expect(page.getByTestId('what-changed')).toContainText(/Event 2 added, Mon 18:00-23:00, x2 in a 3-corner area/);
  await demand.screenshot({ path: `${SHOTS}/e2e-workbench-demand.png` });
  await page.locator('.map-box').screenshot({ path: `${SHOTS}/e2e-workbench-map.png` });

  // A dispatch rule: no S reserve. S within 60 min rises (the baseline holds 8 units per BCU from S).
  const dispatch = page.getByTestId('dispatch-editor');
  const sBefore = await figure(page, 'S-within');
  await dispatch.getByRole('spinbutton', { name: 'Reserve from S work, per BCU' }).fill('0');
  await figuresUpToDate(page);
  expect(await figure(page, 'S-within'), 'without the reserve more S work is reached in time').toBeGreaterThan(sBefore);
  await expect(page.getByTestId('what-changed')).toContainText('Reserve kept from S work: 0 units per BCU (was 8)');
  // A reserve of its own for one BCU, in the Reserve by BCU table.
  await dispatch.getByText(/^Reserve by BCU/).click();
  await dispatch.getByRole('spinbutton', { name: 'Reserve from S work, Central South' }).fill('4');
  await expect(page.getByTestId('what-changed')).toContainText('Reserve kept from S work in Central South BCU: 4 units (was 8)');
  await expect(dispatch.getByRole('button', { name: 'Use London-wide reserve in Central South' })).toBeVisible();
  await figuresUpToDate(page);
  await dispatch.screenshot({ path: `${SHOTS}/e2e-workbench-dispatch.png` });

  // Shift patterns: start the late shift an hour later: a gap and an overlap, with their hours.
  const shifts = page.getByTestId('shifts-editor');
  await shifts.getByLabel('Start of the late shift').fill('16:00');
  await expect(shifts.getByTestId('cover-warnings')).toContainText('Gap: no shift on duty 15:00-16:00 (1 h)');
  await expect(shifts.getByTestId('cover-warnings')).toContainText('Overlap: late and night both on duty 23:00-00:00 (1 h)');
  await shifts.screenshot({ path: `${SHOTS}/e2e-workbench-shifts.png` });
  await page.getByTestId('what-changed').screenshot({ path: `${SHOTS}/e2e-workbench-what-changed.png` });

  // The editors pass axe.
  expect(await axeProblems(page, '.workbench'), 'no serious or critical violation in the editors').toEqual([]);
  expect(problems).toEqual([]);
});

test('the map is one Tab stop, and the batch and live views pass axe', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.locator('path.borough')).toHaveCount(33);
  await figuresUpToDate(page);
  const focusable = await page.locator('.leaflet-container').evaluate((el) => {
    // Runs in the page (the test's compiler has no DOM types).
    type Focusable = { tabIndex: number };
    const root = el as unknown as Focusable & { querySelectorAll(selector: string): ArrayLike<Focusable> };
    const inside = Array.from(root.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')).filter((e) => e.tabIndex >= 0);
    return { container: root.tabIndex, inside: inside.length };
  });
  expect(focusable, 'the map container is the one Tab stop; nothing inside it takes one').toEqual({ container: 0, inside: 0 });
  await page.screenshot({ path: `${SHOTS}/e2e-workbench-batch.png`, fullPage: true });
  expect(await axeProblems(page), 'batch view').toEqual([]);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(await axeProblems(page), 'live view').toEqual([]);
});
