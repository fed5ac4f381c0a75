import { test as base, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium.ts';
import type { SandboxOptions } from '../sandbox/config.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';

interface Fixtures {
  /** Real Chromium with the built extension loaded, in a fresh profile per test. */
  extension: ExtensionBrowser;
  /** A Payfect sandbox on a random loopback port, private to the test. */
  sandbox: Sandbox;
  /** More options for that sandbox (`test.use({ sandboxOptions: { quoteUsdt: '0.0312' } })`). */
  sandboxOptions: SandboxOptions;
}

export const test = base.extend<Fixtures>({
  // Playwright's own `locale` option (`test.use({ locale: 'zh-TW' })`) sets the browser's
  // UI language, which the extension's strings follow; en-US unless a test asks.
  extension: async ({ locale }, use) => {
    const browser = await launchWithExtension(locale === undefined ? {} : { locale });
    await use(browser);
    await browser.close();
  },
  sandboxOptions: [{}, { option: true }],
  sandbox: async ({ sandboxOptions }, use) => {
    const sandbox = await startSandbox({ ...sandboxOptions, port: 0, quiet: true });
    await use(sandbox);
    await sandbox.close();
  },
  context: async ({ extension }, use) => {
    await use(extension.context);
  },
});

export { expect };
