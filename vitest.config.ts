import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    // browser.i18n over locales/*.yml (fakeBrowser has none); English unless a test asks.
    setupFiles: ['test/unit/setup.ts'],
    // The sandbox conformance tests open real loopback sockets; keep runs predictable
    // on a 2-core machine.
    pool: 'threads',
    testTimeout: 15_000,
  },
});
