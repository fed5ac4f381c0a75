import { defineConfig } from '@playwright/test';

/**
 * The Firefox suite (`npm run test:e2e:firefox`): the Firefox build in Debian's firefox-esr,
 * driven over Marionette (test/support/firefox.ts); Playwright is only the test runner here.
 */
export default defineConfig({
  testDir: 'test/e2e-firefox',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
});
