import { test as base, expect } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { launchFirefox, type FirefoxExtension } from '../support/firefox.ts';
import { createRequests } from '../support/sandbox-traffic.ts';

/*
 * The Firefox build in real Firefox (Debian's firefox-esr, headless), installed as a temporary
 * add-on and driven over Marionette: the same user steps as the Chromium suite, by the
 * controls' labels and names.
 */

const test = base.extend<{ firefox: FirefoxExtension; sandbox: Sandbox }>({
  firefox: async ({}, use) => {
    const firefox = await launchFirefox();
    await use(firefox);
    await firefox.close();
  },
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, quiet: true });
    await use(sandbox);
    await sandbox.close();
  },
});

async function saveKey(firefox: FirefoxExtension, sandbox: Sandbox, passphrase = '') {
  await firefox.open('options.html');
  await firefox.fill('API key', sandbox.keys[0] ?? '');
  await firefox.fill('API base URL', sandbox.apiBaseUrl);
  if (passphrase !== '') await firefox.fill('Lock with a passphrase (optional)', passphrase);
  await firefox.click('Save');
  await firefox.waitForText('Saved');
}

test('options → create → result → History → paid after a refresh', async ({ firefox, sandbox }) => {
  await saveKey(firefox, sandbox);
  await firefox.open('popup.html');
  await firefox.fill('Item name', 'Logo design');
  await firefox.fill('Unit price', '120.5');
  await firefox.click('Create link');
  await firefox.waitForText('Link ready');
  const [session] = [...sandbox.sessions.values()];
  expect(session?.amountTotal).toBe('120.50');
  expect(await firefox.text()).toContain(session?.url ?? 'missing');

  await firefox.click('History', 'tab');
  await firefox.waitForText('Open');
  expect(sandbox.pay(session?.id ?? 'missing').ok).toBe(true);
  await firefox.click('Refresh statuses');
  await firefox.waitForText('Complete');
  await firefox.waitForText(/Paid \d/);
});

test('the passphrase lock: locked, the popup asks for it; unlocked, links are made', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox, 'correct horse battery');
  await firefox.click('Lock now');
  await firefox.waitForText('Locked');
  await firefox.open('popup.html');
  await firefox.fill('Passphrase', 'correct horse battery');
  await firefox.click('Unlock');
  await firefox.fill('Item name', 'Hosting');
  await firefox.fill('Unit price', '9.99');
  await firefox.click('Create link');
  await firefox.waitForText('Link ready');
  expect(sandbox.sessions.size).toBe(1);
});

test('the background page stopped mid-create: the outcome is unknown, the form is kept, nothing is sent twice', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox);
  // Payfect answers slowly: the request is still on its way when the page stops.
  sandbox.faults.add({ match: 'create', latencyMs: 3000 });
  await firefox.open('popup.html');
  await firefox.fill('Item name', 'Logo design');
  await firefox.fill('Unit price', '80');
  await firefox.click('Create link');
  await expect.poll(() => createRequests(sandbox).length).toBe(1);
  await firefox.stopBackground();
  await firefox.waitForText('The result of the last attempt is unknown');
  expect(await firefox.value('Item name')).toBe('Logo design');
  // Not sent again by the restarted background page.
  await new Promise((done) => setTimeout(done, 3500));
  expect(createRequests(sandbox)).toHaveLength(1);
});
