import type { Page } from '@playwright/test';
import { prefillFromSelection, type Prefill } from '../../lib/prefill.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { connectToSandbox, fillItems, openPopup } from '../support/flows.ts';
import { expect, test } from './fixtures.ts';

// Chromium's extension API inside the service worker.
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  contextMenus: { update(id: string, properties: object): Promise<void> };
};

/*
 * Playwright cannot open or click Chromium's native context menu, so the click itself
 * (selection and tab → stored prefill → popup, or a window when the popup cannot open) is
 * covered by test/unit/background/menus.test.ts. Here: the menu entry exists in the real
 * browser, and the popup turns what that click stores into the form a user sees.
 */

const MENU_ID = 'create-link-from-selection';

/** A page as a user would have it open, and the text they selected on it. */
async function selectOnPage(extension: ExtensionBrowser) {
  const page = await extension.context.newPage();
  await page.setContent(
    '<title>Acme logo brief</title><p id="offer">Logo design — NT$600</p><p>Thanks!</p>',
  );
  const selection = await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('offer') ?? document.body);
    window.getSelection()?.addRange(range);
    return window.getSelection()?.toString() ?? '';
  });
  return { page, title: await page.title(), selection };
}

/**
 * What the menu's click stores: the handler's own pure step (lib/prefill.ts) over the title
 * and selection Chromium reports, written to the item the handler writes.
 */
async function storePrefill(
  extension: ExtensionBrowser,
  selected: { title: string; selection: string },
): Promise<Prefill> {
  const prefill = prefillFromSelection({
    text: selected.selection,
    pageTitle: selected.title,
    now: Date.now(),
  });
  await extension.worker.evaluate((value) => chrome.storage.local.set({ prefill: value }), prefill);
  return prefill;
}

async function itemValues(popup: Page, index: number) {
  return {
    name: await popup.getByRole('textbox', { name: 'Item name' }).nth(index).inputValue(),
    description: await popup.getByRole('textbox', { name: 'Description' }).nth(index).inputValue(),
    unitPrice: await popup.getByRole('textbox', { name: 'Unit price' }).nth(index).inputValue(),
    quantity: await popup.getByRole('textbox', { name: 'Quantity' }).nth(index).inputValue(),
  };
}

test.beforeEach(async ({ extension, sandbox }) => {
  await connectToSandbox(extension, sandbox);
});

test('the selection menu entry is registered when the extension is installed', async ({
  extension,
}) => {
  // Chromium has no way to list menu entries; update() fails for an id it does not know.
  const exists = () =>
    extension.worker.evaluate(
      (id) =>
        chrome.contextMenus.update(id, {}).then(
          () => true,
          () => false,
        ),
      MENU_ID,
    );
  await expect.poll(exists).toBe(true);
  const unknown = await extension.worker.evaluate(() =>
    chrome.contextMenus.update('no-such-entry', {}).then(
      () => true,
      () => false,
    ),
  );
  expect(unknown).toBe(false);
});

test('selected text with an amount opens the form filled, and the link is priced in it', async ({
  extension,
  sandbox,
}) => {
  const selected = await selectOnPage(extension);
  expect(selected.selection).toBe('Logo design — NT$600');
  expect(await storePrefill(extension, selected)).toMatchObject({
    unitPrice: '600',
    currency: 'twd',
  });

  const popup = await openPopup(extension);
  await expect(popup.getByRole('status').filter({ hasText: 'selected text' })).toBeVisible();
  expect(await itemValues(popup, 0)).toEqual({
    name: 'Acme logo brief',
    description: 'Logo design — NT$600',
    unitPrice: '600',
    quantity: '1',
  });
  await expect(popup.getByRole('combobox', { name: 'Currency' })).toHaveValue('twd');

  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible();
  const creates = sandbox.requests.filter((r) => r.method === 'POST');
  expect(creates).toHaveLength(1);
  expect(creates[0]?.json).toMatchObject({
    currency: 'twd',
    invoice_items: [
      {
        price_data: {
          product_data: { name: 'Acme logo brief', description: 'Logo design — NT$600' },
          currency: 'twd',
          unit_amount: '600',
        },
        quantity: 1,
      },
    ],
  });

  // Used once: the next popup opens on what the user does next, not on the selection again.
  await popup.getByRole('tab', { name: 'New link' }).click();
  const again = await openPopup(extension);
  await expect(again.getByRole('textbox', { name: 'Item name' })).toHaveValue('');
});

test('a half-typed form keeps its item and gets the selection as a second one, never NT$600 as 600 USDT', async ({
  extension,
}) => {
  const first = await openPopup(extension);
  await fillItems(first, [{ name: 'Hosting', unitPrice: '9.99', quantity: '12' }]);
  await first.close();

  await storePrefill(extension, await selectOnPage(extension));
  const popup = await openPopup(extension);
  await expect(
    popup.getByRole('status').filter({ hasText: 'Added the selected text as item 2' }),
  ).toContainText('Its price, 600 TWD, was left out: the prices on this link are in USDT');
  expect(await itemValues(popup, 0)).toEqual({
    name: 'Hosting',
    description: '',
    unitPrice: '9.99',
    quantity: '12',
  });
  // Not 600 USDT, thirty times the price: the price waits to be typed in USDT.
  expect(await itemValues(popup, 1)).toMatchObject({ name: 'Acme logo brief', unitPrice: '' });
  await expect(popup.getByRole('combobox', { name: 'Currency' })).toHaveValue('usdt');

  // Taken into the saved draft: closing the popup at once loses neither item.
  await popup.close();
  const reopened = await openPopup(extension);
  await expect(reopened.getByRole('textbox', { name: 'Item name' })).toHaveCount(2);
  await expect(reopened.getByRole('status').filter({ hasText: 'selected text' })).toHaveCount(0);
});
