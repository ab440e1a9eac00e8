/** Helpers the end-to-end specs share. */
import { expect, type Page } from '@playwright/test';

/** Waits until the key figures are those of the scenario as it now stands (its latest revision); a London week takes minutes on a busy shared machine, so the wait is long. */
export async function figuresUpToDate(page: Page, timeout = 600_000): Promise<void> {
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
