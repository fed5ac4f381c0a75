import { test as base, expect } from '@playwright/test';
import type { SandboxOptions } from '../sandbox/config.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { launchFirefox, type FirefoxExtension } from '../support/firefox.ts';
import { createRequests } from '../support/sandbox-traffic.ts';

export { expect };

/*
 * What every Firefox spec shares: a Firefox with the add-on installed, the sandbox, and the
 * user steps the specs repeat (save a key, make a link, read a History row).
 */

interface Fixtures {
  firefox: FirefoxExtension;
  sandbox: Sandbox;
  /** More options for that sandbox (`test.use({ sandboxOptions: { liveKeys: [key] } })`). */
  sandboxOptions: SandboxOptions;
}

export const test = base.extend<Fixtures>({
  firefox: async ({}, use) => {
    const firefox = await launchFirefox();
    await use(firefox);
    await firefox.close();
  },
  sandboxOptions: [{}, { option: true }],
  sandbox: async ({ sandboxOptions }, use) => {
    const sandbox = await startSandbox({ ...sandboxOptions, port: 0, quiet: true });
    await use(sandbox);
    await sandbox.close();
  },
});

export async function saveKey(firefox: FirefoxExtension, sandbox: Sandbox, passphrase = '') {
  await firefox.open('options.html');
  await firefox.fill('API key', sandbox.keys[0] ?? '');
  await firefox.fill('API base URL', sandbox.apiBaseUrl);
  if (passphrase !== '') await firefox.fill('Lock with a passphrase (optional)', passphrase);
  await firefox.click('Save');
  // Its status, not the page's text: the Saved items section is there from the start.
  await firefox.getByRole('status', { hasText: /^Saved/ });
}

/** Fills the popup's form and creates the link; its session at the sandbox. */
export async function createLink(
  firefox: FirefoxExtension,
  sandbox: Sandbox,
  name: string,
  price: string,
) {
  await firefox.open('popup.html');
  await firefox.fill('Item name', name);
  await firefox.fill('Unit price', price);
  await firefox.click('Create link');
  await firefox.waitForText('Link ready');
  const session = [...sandbox.sessions.values()].at(-1);
  if (session === undefined) throw new Error('The sandbox made no session');
  return session;
}

export async function historyRow(firefox: FirefoxExtension, name: string) {
  return firefox.textOf(await firefox.getByRole('listitem', { hasText: name }));
}

/** Starts a create that Payfect answers only after 3 s, and waits until it is on its way. */
export async function startSlowCreate(firefox: FirefoxExtension, sandbox: Sandbox) {
  const before = createRequests(sandbox).length;
  sandbox.faults.add({ match: 'create', latencyMs: 3000 });
  await firefox.open('popup.html');
  await firefox.fill('Item name', 'Logo design');
  await firefox.fill('Unit price', '80');
  await firefox.click('Create link');
  await expect.poll(() => createRequests(sandbox).length).toBeGreaterThan(before);
}
