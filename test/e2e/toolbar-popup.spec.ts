import { test as base, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium.ts';
import { connectToSandbox, createLink, fillItems } from '../support/flows.ts';
import { seedHistory } from '../bench/seed.ts';
import { openToolbarPopup, popupFit, type ToolbarPopup } from '../support/toolbar-popup.ts';

/*
 * The real toolbar popup — the small window a click on the icon or the shortcut opens, at
 * most 800×600 px, closed when it loses focus — rather than popup.html in a tab, as every
 * other spec uses. Opened with chrome.action.openPopup() from the worker, reached over a
 * second DevTools connection.
 */

const test = base.extend<{ extension: ExtensionBrowser; sandbox: Sandbox }>({
  extension: async ({}, use) => {
    const extension = await launchWithExtension({ remoteDebugging: true });
    await use(extension);
    await extension.close();
  },
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, quiet: true });
    await use(sandbox);
    await sandbox.close();
  },
});

/** Nothing scrolls sideways, and the window is within what Chrome gives a popup. */
async function expectFits(popup: ToolbarPopup, what: string): Promise<void> {
  const fit = await popupFit(popup.page);
  expect(fit.scrollWidth, `${what}: sideways scrolling`).toBeLessThanOrEqual(fit.clientWidth);
  expect(fit.width, `${what}: width`).toBeLessThanOrEqual(800);
  expect(fit.height, `${what}: height`).toBeLessThanOrEqual(600);
}

test('focus lands in Open settings without a key, and in Item name with one', async ({
  extension,
  sandbox,
}) => {
  const first = await openToolbarPopup(extension);
  await expect(first.page.getByRole('button', { name: 'Open settings' })).toBeFocused();
  await first.disconnect();

  await connectToSandbox(extension, sandbox);
  const popup = await openToolbarPopup(extension);
  await expect(popup.page.getByRole('textbox', { name: 'Item name' })).toBeFocused();
  await expectFits(popup, 'the empty form');
  await popup.disconnect();
});

test('Enter creates the link and copies it, and every view fits the popup window', async ({
  extension,
  sandbox,
}) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
  const popup = await openToolbarPopup(extension);
  const { page } = popup;
  for (let i = 1; i < 20; i += 1) await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('textbox', { name: 'Item name' })).toHaveCount(20);
  await expectFits(popup, '20 items');
  for (let i = 1; i < 20; i += 1) {
    await page.getByRole('button', { name: 'Remove item' }).last().click();
  }
  await fillItems(page, [{ name: 'Logo design', unitPrice: '120.5' }]);
  await page.getByRole('textbox', { name: 'Unit price' }).press('Enter');
  const link = page.getByRole('link', { name: /^http/ });
  await expect(link).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await link.textContent())?.trim());
  await expectFits(popup, 'the result with its QR code');

  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('listitem').first().getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'QR code' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectFits(popup, 'the QR code dialog');
  // Escape closes the dialog, not the popup.
  await popup.pressEscape();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await popup.isOpen()).toBe(true);

  await page.getByRole('listitem').first().getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Note' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectFits(popup, 'the Note dialog');
  await popup.pressEscape();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await popup.isOpen()).toBe(true);
  await popup.disconnect();
});

test('History with 100 links fits the popup window', async ({ extension, sandbox }) => {
  await connectToSandbox(extension, sandbox);
  const helper = await extension.context.newPage();
  await helper.goto(extension.url('options.html'));
  await seedHistory(helper, 100, sandbox.apiBaseUrl);
  const popup = await openToolbarPopup(extension);
  await popup.page.getByRole('tab', { name: 'History' }).click();
  await expect(popup.page.getByRole('listitem').first()).toBeVisible();
  await expectFits(popup, 'History with 100 links');
  await popup.disconnect();
});

test('Escape in the Saved items list closes the list, not the popup', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openToolbarPopup(extension);
  const { page } = popup;
  await fillItems(page, [{ name: 'Logo design', unitPrice: '80' }]);
  await page.getByRole('button', { name: 'Save items' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Logo');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const picker = page.getByRole('combobox', { name: 'Saved items' });
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  const list = page.getByRole('listbox', { name: 'Saved items' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await popup.pressEscape();
  await expect(list).toBeHidden();
  expect(await popup.isOpen()).toBe(true);
  await expect(picker).toBeFocused();
  await popup.disconnect();
});

test('after Open link, the popup opened again brings the result back', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openToolbarPopup(extension);
  await fillItems(popup.page, [{ name: 'Logo design', unitPrice: '80' }]);
  const link = await createLink(popup.page);
  const tab = extension.context.waitForEvent('page');
  await popup.page.getByRole('button', { name: 'Open link' }).click();
  await expect(await tab).toHaveURL(link);
  await popup.disconnect();

  // Opened again (a new popup, or the same one if it stayed): the link is one click away.
  const again = await openToolbarPopup(extension);
  const last = again.page.getByRole('button', { name: /^Last link/ });
  const shown = again.page.getByRole('link', { name: link });
  await expect(last.or(shown)).toBeVisible();
  if (await last.isVisible()) await last.click();
  await expect(shown).toBeVisible();
  await again.disconnect();
});

test('Download PNG keeps the popup on the result; opened again, the link is one click away', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openToolbarPopup(extension);
  await fillItems(popup.page, [{ name: 'Website audit', unitPrice: '75' }]);
  const link = await createLink(popup.page);

  const downloading = popup.page.waitForEvent('download');
  await popup.page.getByRole('button', { name: 'Download PNG' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('payfect-qr.png');
  const file = await readFile(await download.path());
  expect(file.subarray(1, 4).toString()).toBe('PNG');
  expect(await popup.isOpen(), 'the popup stays open after the download').toBe(true);
  await expect(popup.page.getByRole('link', { name: link })).toBeVisible();

  // Closed now (Escape on the result), the next popup brings the link back in one click.
  await popup.pressEscape();
  await expect.poll(() => popup.isOpen()).toBe(false);
  await popup.disconnect();
  const again = await openToolbarPopup(extension);
  await again.page.getByRole('button', { name: /^Last link: 75\.00 USDT/ }).click();
  await expect(again.page.getByRole('link', { name: link })).toBeVisible();
  await again.disconnect();
});
