/**
 * Issue 17's trainer's controls end to end in Chromium on the browser build with the London
 * baseline: an inject outside London refused with the reason; an incident's dispatch decision record
 * (why it waits, then the rule that sent a unit); finding a busy unit by name and diverting it after
 * a question naming the incident it leaves; standing it down; the presenter view (Escape leaves).
 * Screenshots: test-results/e2e-trainer-controls.png, test-results/e2e-presenter.png.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';

// A busy machine (a London session opens in a Web Worker): waits are long; nothing here times anything.
const expect = baseExpect.configure({ timeout: 30_000 });

const SHOTS = 'test-results';

test.beforeEach(async ({ request }) => {
  test.skip((await request.get('./data/areas-display.geojson')).status() !== 200, 'this site was built without the London data (../shared/data not found)');
});

async function injectAt(page: Page, fx: number, fy: number): Promise<string> {
  const trainer = page.getByTestId('trainer');
  await trainer.getByRole('button', { name: 'Inject incident' }).click();
  const map = page.locator('.leaflet-container');
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * fx, y: box.height * fy } });
  await expect(page.getByTestId('trainer-message')).not.toHaveText('');
  return (await page.getByTestId('trainer-message').textContent()) ?? '';
}

test('refuse an inject outside London, explain dispatch, divert a busy unit after a question, stand it down, present', async ({ page }) => {
  test.setTimeout(420_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => (m.type() === 'error' ? problems.push(`console: ${m.text()}`) : undefined));
  await page.goto('./');
  const canvas = page.locator('canvas.live-layer');
  await expect(canvas, 'the live session opened').toHaveAttribute('data-units', /^[1-9]\d*$/, { timeout: 240_000 });

  // The map's top-left corner at zoom 10 lies outside London's boundary.
  expect(await injectAt(page, 0.01, 0.02)).toMatch(/^Not injected: the place is outside the modelled area \(-?[\d.]+, [\d.]+ is outside the modelled area: it lies in none of the scenario's 33 areas\)\.$/);

  const first = await injectAt(page, 0.55, 0.45);
  expect(first).toMatch(/^Incident \d+ injected\.$/);
  const a = Number(first.match(/\d+/)![0]);
  const decision = page.getByTestId('dispatch-decision');
  await expect(decision.getByTestId('waiting-reason'), 'paused before the dispatch pass: why it waits').toContainText('Waits:');

  // One Step runs the dispatch pass: the policy sends a unit; selecting again shows why that one.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('selected-incident')).toHaveAttribute('data-state', 'assigned');
  const details = page.getByTestId('selected-incident');
  await details.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId(`incident-row-${a}`).getByRole('button', { name: `Incident ${a}` }).click();
  await expect(decision.getByTestId('decision-rule')).toContainText(/^nearest-eta: the smallest ETA among \d+ free units?/);
  const sent = (await decision.locator('tr[data-verdict="chosen"] th').textContent())!;
  await expect(page.getByTestId('incident-units')).toContainText(sent);

  // A second incident; find the first one's unit by name and send it: a question first.
  const second = await injectAt(page, 0.6, 0.5);
  const b = Number(second.match(/\d+/)![0]);
  await expect(page.getByRole('combobox', { name: 'Assign unit' })).toBeEnabled();
  await expect(page.getByTestId('units-listed'), 'every unit on duty, not 25').toHaveText(/^(\d+) of \1 units on duty/);
  const listed = Number((await page.getByTestId('units-listed').textContent())!.match(/^\d+/)![0]);
  expect(listed, 'more than the old 25').toBeGreaterThan(25);
  await page.getByRole('searchbox', { name: 'Find unit' }).fill(sent);
  await page.getByRole('combobox', { name: 'Assign unit' }).selectOption(sent);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText(new RegExp(`^Divert ${sent} from incident ${a} to incident ${b}\\? ${sent} is on its way to it; incident ${a} \\(grade I\\) goes back to waiting for a unit\\.`));
  await page.screenshot({ path: `${SHOTS}/e2e-trainer-divert.png` });
  await question.getByRole('button', { name: 'Divert' }).click();
  await expect(page.getByTestId('trainer-message')).toHaveText(new RegExp(`^Unit ${sent} assigned to incident ${b}, arriving in [\\d.]+ min\\.$`));
  await expect(decision.getByTestId('decision-rule')).toContainText("sent by the trainer's hand; the policy would have sent");

  // Stand it down: the incident it was the only unit of is closed.
  await page.getByRole('button', { name: `Stand down ${sent}` }).click();
  await expect(page.getByTestId('trainer-message')).toHaveText(`Unit ${sent} stood down from incident ${b}, which is now closed.`);
  await page.getByTestId(`incident-row-${a}`).getByRole('button', { name: `Incident ${a}` }).click();
  await expect(decision, 'the first incident notes the diversion').toContainText(`${sent} diverted by the trainer to incident ${b}`);
  await page.screenshot({ path: `${SHOTS}/e2e-trainer-controls.png`, fullPage: true });

  await page.getByRole('button', { name: 'Presenter view' }).click();
  const presenter = page.getByRole('region', { name: 'Presenter view' });
  await expect(presenter.getByTestId('presenter-clock')).toContainText(/\d\d:\d\d:\d\d/);
  await expect(presenter).toContainText('Incidents waiting');
  const mapBox = (await page.locator('.leaflet-container').boundingBox())!;
  expect(mapBox.width, 'the map fills the window').toBeGreaterThan(1200);
  expect(mapBox.height).toBeGreaterThan(700);
  await page.screenshot({ path: `${SHOTS}/e2e-presenter.png` });
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  expect(problems, 'no errors in the page').toEqual([]);
});
