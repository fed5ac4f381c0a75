import { startSandbox } from '../sandbox/server.ts';
import { configureExtension, connectToSandbox, fillItems, openPopup } from '../support/flows.ts';
import { expect, test } from './fixtures.ts';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

/*
 * Live money is never a surprise: the header says Test or Live once the key has answered,
 * and the first live link of a profile is asked about once — Enter, Enter.
 */

test('the header says Test once a test key has made a link', async ({ extension, sandbox }) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  // Not known before the key has answered: nothing is claimed.
  await expect(popup.getByText('Test', { exact: true })).toHaveCount(0);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '80' }]);
  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('link', { name: /^http/ })).toBeVisible();
  await expect(popup.getByRole('banner').getByText('Test', { exact: true })).toBeVisible();
  await popup.reload();
  await expect(popup.getByRole('banner').getByText('Test', { exact: true })).toBeVisible();
});

test('the first live link asks once, Enter confirms, and the next links do not ask', async ({
  extension,
}) => {
  const live = 'sandbox-live-key-0000-0000-000000000001';
  const sandbox = await startSandbox({ port: 0, quiet: true, liveKeys: [live] });
  try {
    await configureExtension(extension, { apiKey: live, baseUrl: sandbox.apiBaseUrl });
    // As Test connection leaves it for a live key: known to be live, no link made yet.
    await extension.worker.evaluate(() => chrome.storage.local.set({ keyMode: 'live' }));
    const popup = await openPopup(extension);
    await expect(popup.getByRole('banner').getByText('Live', { exact: true })).toBeVisible();

    await fillItems(popup, [{ name: 'Logo design', unitPrice: '80' }]);
    await popup.getByRole('textbox', { name: 'Unit price' }).press('Enter');
    const confirm = popup.getByRole('button', { name: 'Create real link' });
    await expect(confirm).toBeFocused();
    await expect(confirm).toHaveAccessibleDescription(/This creates a real payment link\./);
    expect(sandbox.sessions.size).toBe(0);
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('link', { name: /^http/ })).toBeVisible();
    expect(sandbox.sessions.size).toBe(1);

    // Asked once: the next link, in this popup or a new one, is made at once.
    await popup.getByRole('tab', { name: 'New link' }).click();
    await fillItems(popup, [{ name: 'Hosting', unitPrice: '9' }]);
    await popup.getByRole('textbox', { name: 'Unit price' }).press('Enter');
    await expect(popup.getByRole('link', { name: /^http/ })).toBeVisible();
    const again = await openPopup(extension);
    await fillItems(again, [{ name: 'Support', unitPrice: '5' }]);
    await again.getByRole('textbox', { name: 'Unit price' }).press('Enter');
    await expect(again.getByRole('link', { name: /^http/ })).toBeVisible();
    await expect(again.getByRole('button', { name: 'Create real link' })).toHaveCount(0);
    expect(sandbox.sessions.size).toBe(3);
  } finally {
    await sandbox.close();
  }
});

test('Cancel leaves the form as typed and sends nothing', async ({ extension }) => {
  const live = 'sandbox-live-key-0000-0000-000000000002';
  const sandbox = await startSandbox({ port: 0, quiet: true, liveKeys: [live] });
  try {
    await configureExtension(extension, { apiKey: live, baseUrl: sandbox.apiBaseUrl });
    await extension.worker.evaluate(() => chrome.storage.local.set({ keyMode: 'live' }));
    const popup = await openPopup(extension);
    await fillItems(popup, [{ name: 'Logo design', unitPrice: '80' }]);
    await popup.getByRole('button', { name: 'Create link' }).click();
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect(popup.getByRole('button', { name: 'Create real link' })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Create link' })).toBeFocused();
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue('Logo design');
    expect(sandbox.sessions.size).toBe(0);
  } finally {
    await sandbox.close();
  }
});

test('with a passphrase lock, Lock after is an hour by default and is saved with Save', async ({
  extension,
  sandbox,
}) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  await page.getByRole('textbox', { name: 'API key' }).fill(sandbox.keys[0] ?? '');
  await page.getByRole('textbox', { name: 'API base URL' }).fill(sandbox.apiBaseUrl);
  // Without a lock there is nothing to lock again.
  await expect(page.getByRole('combobox', { name: 'Lock after' })).toHaveCount(0);
  await page
    .getByRole('textbox', { name: 'Lock with a passphrase (optional)' })
    .fill('correct horse battery');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();

  const lockAfter = page.getByRole('combobox', { name: 'Lock after' });
  await expect(lockAfter).toHaveValue('60');
  expect(await lockAfter.locator('option').allTextContents()).toEqual([
    'Never (until the browser closes)',
    '15 minutes',
    '1 hour',
    '4 hours',
  ]);
  await lockAfter.selectOption({ label: '15 minutes' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Lock after' })).toHaveValue('15');

  // The lock screen says when the passphrase is asked again, as Lock after has it.
  await page.getByRole('button', { name: 'Lock now' }).click();
  const popup = await openPopup(extension);
  await expect(popup.getByRole('textbox', { name: 'Passphrase' })).toHaveAccessibleDescription(
    'Asked again after 15 minutes without use, and each time the browser starts.',
  );
});
