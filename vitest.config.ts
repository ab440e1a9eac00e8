import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two layers: the simulator and all Node code in a node environment, renderer logic in jsdom.
// End-to-end browser tests are Playwright's (test/e2e, playwright.config.ts), not vitest's.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
