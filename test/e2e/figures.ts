/** Helpers the end-to-end specs share. */
import { expect, type Page } from '@playwright/test';

/** Waits until the key figures are those of the scenario as it now stands (its latest revision). */
export async function figuresUpToDate(page: Page, timeout = 60_000): Promise<void> {
  const figures = page.getByTestId('key-figures');
  await expect(figures.getByRole('heading', { name: 'Key figures' })).toBeVisible();
  await expect
    .poll(async () => {
      const [done, shown, wanted] = await Promise.all([
        page.getByTestId('run').getAttribute('data-status'),
        figures.getAttribute('data-figures-revision'),
        figures.getAttribute('data-scenario-revision'),
      ]);
      return done === 'done' && shown !== '' && shown === wanted;
    }, { timeout, message: 'the figures of the current scenario arrived' })
    .toBe(true);
}
