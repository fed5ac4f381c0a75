import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import {
  connectToSandbox,
  createLink,
  fillItems,
  openPopup,
  SAMPLE_ITEMS,
} from '../support/flows.ts';
import { createRequests } from '../support/sandbox-traffic.ts';
import { seriousFindings } from '../support/axe.ts';

const SAMPLE_INVOICE_ITEMS = [
  {
    price_data: {
      product_data: { name: 'Logo design', description: 'Three concepts, two revisions' },
      currency: 'usdt',
      unit_amount: '120.5',
    },
    quantity: 1,
  },
  {
    price_data: { product_data: { name: 'Hosting' }, currency: 'usdt', unit_amount: '9.99' },
    quantity: 12,
  },
];

/** Saves the form's items under `name` with "Save items", as a user would. */
async function saveItemsAs(popup: Page, name: string): Promise<void> {
  await popup.getByRole('button', { name: 'Save items' }).click();
  const nameBox = popup.getByRole('textbox', { name: 'Template name' });
  await expect(nameBox).toBeFocused();
  await nameBox.fill(name);
  await nameBox.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: `Saved “${name}”` })).toBeVisible();
}

test.beforeEach(async ({ extension, sandbox }) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
});

test('items saved as a template are picked by typing and Enter, and Enter creates the link', async ({
  extension,
  sandbox,
}) => {
  const popup = await openPopup(extension);
  await fillItems(popup, SAMPLE_ITEMS);
  await popup.getByRole('button', { name: 'Save items' }).click();
  // The first item's name is offered as the template's name.
  await expect(popup.getByRole('textbox', { name: 'Template name' })).toHaveValue('Logo design');
  await popup.getByRole('textbox', { name: 'Template name' }).fill('Website package');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    popup.getByRole('status').filter({ hasText: 'Saved “Website package”' }),
  ).toBeVisible();
  await createLink(popup);

  // A new, empty form; from here on the keyboard alone.
  await popup.getByRole('tab', { name: 'New link' }).click();
  const itemName = popup.getByRole('textbox', { name: 'Item name' });
  await expect(itemName).toBeFocused();
  await expect(itemName).toHaveValue('');
  const picker = popup.getByRole('combobox', { name: 'Saved items' });
  await popup.keyboard.press('Shift+Tab');
  await popup.keyboard.press('Shift+Tab');
  await expect(picker).toBeFocused();
  await popup.keyboard.type('PACK');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await expect(popup.getByRole('option', { name: /Website package/ })).toContainText(
    '2 items · 240.38 USDT',
  );
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveCount(2);
  await expect(popup.getByRole('textbox', { name: 'Unit price' }).nth(1)).toHaveValue('9.99');
  await expect(popup.getByRole('textbox', { name: 'Quantity' }).nth(1)).toHaveValue('12');
  await expect(popup.getByRole('button', { name: 'Create link' })).toBeFocused();
  await popup.keyboard.press('Enter');

  await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible({
    timeout: 15_000,
  });
  const requests = createRequests(sandbox);
  expect(requests).toHaveLength(2);
  expect(requests[1]?.json).toMatchObject({ invoice_items: SAMPLE_INVOICE_ITEMS });
});

test('one click on a saved item adds it after the items already typed', async ({ extension }) => {
  const popup = await openPopup(extension);
  await fillItems(popup, [SAMPLE_ITEMS[1] ?? { name: 'Hosting', unitPrice: '9.99' }]);
  await saveItemsAs(popup, 'Hosting');
  await popup.getByRole('textbox', { name: 'Item name' }).fill('Consulting');

  const picker = popup.getByRole('combobox', { name: 'Saved items' });
  await picker.click();
  await popup.getByRole('option', { name: /Hosting/ }).click();
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveCount(2);
  await expect(popup.getByRole('textbox', { name: 'Item name' }).first()).toHaveValue('Consulting');
  await expect(popup.getByRole('textbox', { name: 'Item name' }).nth(1)).toHaveValue('Hosting');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
});

/** A popup that fetches the picker's chunk only once the picker is used (no idle prefetch). */
async function openPopupWithoutPrefetch(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  return openPopup(extension, page);
}

test('what is typed into the picker before its code is in is kept, and Enter picks', async ({
  extension,
}) => {
  await extension.worker.evaluate(
    (savedItems) => chrome.storage.local.set({ savedItems }),
    [template('Hosting', [{ name: 'Hosting', unitPrice: '9.99' }], 'usdt')],
  );
  const popup = await openPopupWithoutPrefetch(extension);
  const picker = popup.getByRole('combobox', { name: 'Saved items' });
  await picker.focus();
  await popup.keyboard.type('host');
  await expect(picker).toHaveValue('host');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Unit price' })).toHaveValue('9.99');
  await expect(popup.getByRole('button', { name: 'Create link' })).toBeFocused();
  await expect(popup.getByRole('status').filter({ hasText: 'Added “Hosting”' })).toBeVisible();
});

test('arrows and Enter pressed at once in the picker are not lost', async ({ extension }) => {
  await extension.worker.evaluate(
    (savedItems) => chrome.storage.local.set({ savedItems }),
    [template('Audit', [{ name: 'Audit', unitPrice: '50' }], 'usdt')],
  );
  const popup = await openPopupWithoutPrefetch(extension);
  const picker = popup.getByRole('combobox', { name: 'Saved items' });
  await picker.focus();
  await popup.keyboard.press('ArrowDown');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  const list = popup.getByRole('listbox', { name: 'Saved items' });
  await expect(list.getByRole('option', { selected: true })).toContainText('Audit');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue('Audit');
});

test('a click on the picker as the popup opens shows the saved items', async ({ extension }) => {
  await extension.worker.evaluate(
    (savedItems) => chrome.storage.local.set({ savedItems }),
    [template('Audit', [{ name: 'Audit', unitPrice: '50' }], 'usdt')],
  );
  const popup = await openPopupWithoutPrefetch(extension);
  await popup.getByRole('combobox', { name: 'Saved items' }).click();
  const list = popup.getByRole('listbox', { name: 'Saved items' });
  await expect(list.getByRole('option')).toHaveText([/Audit/]);
});

test('"Save items" clicked before the picker is in names the template', async ({ extension }) => {
  const popup = await openPopupWithoutPrefetch(extension);
  await fillItems(popup, [{ name: 'Consulting', unitPrice: '80' }]);
  await saveItemsAs(popup, 'Consulting');
  const picker = popup.getByRole('combobox', { name: 'Saved items' });
  await picker.click();
  await expect(popup.getByRole('option', { name: /Consulting/ })).toBeVisible();
});

test('the keyboard moves through the list, Escape closes it, and a missing item is said so', async ({
  extension,
}) => {
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Audit', unitPrice: '50' }]);
  await saveItemsAs(popup, 'Audit');
  await fillItems(popup, [{ name: 'Branding', unitPrice: '70' }]);
  await saveItemsAs(popup, 'Branding');

  const picker = popup.getByRole('combobox', { name: 'Saved items' });
  await picker.focus();
  await popup.keyboard.press('ArrowDown');
  const list = popup.getByRole('listbox', { name: 'Saved items' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option', { selected: true })).toContainText('Audit');
  await popup.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toContainText('Branding');
  await popup.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toContainText('Audit');
  await popup.keyboard.press('ArrowUp');
  await expect(list.getByRole('option', { selected: true })).toContainText('Branding');
  await popup.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(picker).toHaveAttribute('aria-expanded', 'false');

  await popup.keyboard.type('zzz');
  await expect(
    popup.getByRole('status').filter({ hasText: 'No saved item matches “zzz”' }),
  ).toBeVisible();
  await popup.keyboard.press('Enter');
  // Enter picked nothing and created nothing: the form still holds the one item.
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveCount(1);
  await expect(popup.getByRole('button', { name: 'Create link' })).toBeVisible();
});

test('"Save items" marks an item without a price instead of saving it', async ({ extension }) => {
  const popup = await openPopup(extension);
  await popup.getByRole('textbox', { name: 'Item name' }).fill('Logo design');
  await popup.getByRole('button', { name: 'Save items' }).click();
  const price = popup.getByRole('textbox', { name: 'Unit price' });
  await expect(price).toBeFocused();
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.getByRole('textbox', { name: 'Template name' })).toHaveCount(0);
  await expect(popup.getByRole('status').filter({ hasText: 'Fix the marked items' })).toBeVisible();
});

// Chromium's extension API inside the service worker, to store templates as a popup would.
declare const chrome: {
  storage: {
    local: {
      set(items: object): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
};

/**
 * A stored template; without `currency` as version 1 stored it (no field, no version
 * mark), which the extension migrates when it first reads the list.
 */
function template(
  name: string,
  items: readonly { name: string; unitPrice: string }[],
  currency?: string,
) {
  return {
    id: `id-${name}`,
    name,
    items: items.map((item) => ({ ...item, description: '', quantity: 1 })),
    ...(currency === undefined ? {} : { currency }),
    createdAt: 1_780_000_000_000,
  };
}

const WEBSITE_ITEMS = [
  { name: 'Website design', unitPrice: '9000' },
  { name: 'Website build', unitPrice: '3000' },
];

async function storedTemplates(extension: ExtensionBrowser): Promise<unknown> {
  return extension.worker.evaluate(
    async () => (await chrome.storage.local.get('savedItems')).savedItems,
  );
}

test.describe('currency', () => {
  test('a TWD template picked on a fresh USDT form makes a TWD link of 12,000, never 12,000 USDT', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillItems(popup, WEBSITE_ITEMS);
    const currency = popup.getByRole('combobox', { name: 'Currency' });
    await currency.selectOption('twd');
    await saveItemsAs(popup, 'Website');
    await createLink(popup);

    // A fresh form keeps the last link's TWD; back to USDT, as a form of another currency.
    await popup.getByRole('tab', { name: 'New link' }).click();
    await expect(currency).toHaveValue('twd');
    await currency.selectOption('usdt');
    const picker = popup.getByRole('combobox', { name: 'Saved items' });
    await picker.fill('web');
    await expect(popup.getByRole('option', { name: /Website/ })).toContainText(
      '2 items · 12,000.00 TWD',
    );
    await picker.press('Enter');

    await expect(currency).toHaveValue('twd');
    await expect(currency).toHaveAccessibleDescription(
      'Currency changed to TWD to match “Website”.',
    );
    await expect(popup.getByText(/^Total\s+12,000\.00 TWD$/)).toBeVisible();
    await expect(
      popup.getByRole('status').filter({ hasText: 'changed the currency to TWD' }),
    ).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Create link' })).toBeFocused();
    await popup.keyboard.press('Enter');

    await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible({
      timeout: 15_000,
    });
    const requests = createRequests(sandbox);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.json).toMatchObject({
      currency: 'twd',
      invoice_items: [
        { price_data: { currency: 'twd', unit_amount: '9000' }, quantity: 1 },
        { price_data: { currency: 'twd', unit_amount: '3000' }, quantity: 1 },
      ],
    });
  });

  test('a TWD template is refused on a form that has USDT prices, and nothing is added', async ({
    extension,
  }) => {
    await extension.worker.evaluate(
      (savedItems) => chrome.storage.local.set({ savedItems }),
      [template('Website', WEBSITE_ITEMS, 'twd')],
    );
    const popup = await openPopup(extension);
    await fillItems(popup, [{ name: 'Hosting', unitPrice: '9.99' }]);
    const picker = popup.getByRole('combobox', { name: 'Saved items' });
    await picker.fill('web');
    await picker.press('Enter');
    await expect(
      popup.getByRole('status').filter({
        hasText: '“Website” is priced in TWD, but the prices on this form are in USDT',
      }),
    ).toBeVisible();
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveCount(1);
    await expect(popup.getByRole('combobox', { name: 'Currency' })).toHaveValue('usdt');
  });

  test('a template saved without a currency asks which one, stores the answer, and is picked in it', async ({
    extension,
  }) => {
    await extension.worker.evaluate(
      (savedItems) => chrome.storage.local.set({ savedItems }),
      [template('Website', WEBSITE_ITEMS)],
    );
    const popup = await openPopup(extension);
    const picker = popup.getByRole('combobox', { name: 'Saved items' });
    await picker.fill('web');
    await expect(popup.getByRole('option', { name: /Website/ })).toContainText(
      '2 items · 12,000.00 · currency not set',
    );
    await picker.press('Enter');

    // Nothing is put in the form until the user names the currency.
    const asked = popup.getByRole('combobox', { name: 'Template currency' });
    await expect(asked).toBeFocused();
    await expect(asked).toHaveAccessibleDescription(/Which currency are its prices in\?/);
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue('');
    expect(await seriousFindings(popup), 'popup question').toEqual([]);
    // Escape asks again later: nothing was stored or put in the form.
    await asked.press('Escape');
    await expect(picker).toBeFocused();
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue('');
    await picker.fill('web');
    await picker.press('Enter');
    await expect(asked).toBeFocused();
    await asked.selectOption('twd');
    await popup.getByRole('button', { name: 'Use this currency' }).click();

    await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveCount(2);
    await expect(popup.getByRole('combobox', { name: 'Currency' })).toHaveValue('twd');
    await expect(popup.getByText(/^Total\s+12,000\.00 TWD$/)).toBeVisible();
    expect(await storedTemplates(extension)).toMatchObject([{ name: 'Website', currency: 'twd' }]);
  });
});

async function openOptionsWith(
  extension: ExtensionBrowser,
  templates: readonly ReturnType<typeof template>[],
): Promise<Page> {
  await extension.worker.evaluate(
    (savedItems) => chrome.storage.local.set({ savedItems }),
    [...templates],
  );
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  return page;
}

function templateRows(page: Page) {
  return page.getByRole('list', { name: 'Templates' }).getByRole('listitem');
}

test.describe('in Settings', () => {
  test('templates are listed, renamed by keyboard, deleted, and a delete is undone', async ({
    extension,
  }) => {
    const page = await openOptionsWith(extension, [
      template('Logo package', [
        { name: 'Logo design', unitPrice: '120.5' },
        { name: 'Hosting', unitPrice: '9.99' },
      ]),
      template('Audit', [{ name: 'Website audit', unitPrice: '75' }]),
    ]);
    const rows = templateRows(page);
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Logo design, Hosting');
    await expect(rows.first()).toContainText('2 items · 130.49 · currency not set');

    await rows.first().getByRole('button', { name: 'Rename' }).focus();
    await page.keyboard.press('Enter');
    const nameBox = page.getByRole('textbox', { name: 'Template name' });
    await expect(nameBox).toBeFocused();
    await nameBox.fill('audit');
    await page.keyboard.press('Enter');
    await expect(nameBox).toHaveAccessibleDescription(/Another saved item already has this name/);
    await nameBox.fill('Brand kit');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Renamed to “Brand kit”' }),
    ).toBeVisible();
    await expect(rows.first().getByRole('button', { name: 'Rename' })).toBeFocused();
    await expect(rows.first()).toContainText('Brand kit');

    await rows.filter({ hasText: 'Audit' }).getByRole('button', { name: 'Delete' }).click();
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Audit');

    await rows.filter({ hasText: 'Audit' }).getByRole('button', { name: 'Delete' }).click();
    await page.reload();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Brand kit');
  });

  test('an exported file imports back: added first, unchanged the second time', async ({
    extension,
  }) => {
    const page = await openOptionsWith(extension, [
      template('Logo package', [{ name: 'Logo design', unitPrice: '120.5' }], 'usdt'),
      template('Audit', [{ name: 'Website audit', unitPrice: '75' }], 'twd'),
    ]);
    const rows = templateRows(page);
    await expect(rows).toHaveCount(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export templates' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('payfect-saved-items.json');
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      version: number;
      items: { name: string; currency: string }[];
    };
    expect(exported).toMatchObject({
      format: 'payfect-quick-links/saved-items',
      version: 2,
      items: [
        { name: 'Logo package', currency: 'usdt' },
        { name: 'Audit', currency: 'twd' },
      ],
    });

    for (const name of ['Logo package', 'Audit']) {
      await rows.filter({ hasText: name }).getByRole('button', { name: 'Delete' }).click();
    }
    await expect(page.getByText('No saved items yet.')).toBeVisible();

    const importer = page.getByRole('button', { name: 'Import templates' });
    await importer.setInputFiles(file);
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported: 2 added, 0 replaced, 0 unchanged.' }),
    ).toBeVisible();
    await expect(rows).toHaveCount(2);
    await importer.setInputFiles(file);
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported: 0 added, 0 replaced, 2 unchanged.' }),
    ).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Audit' })).toContainText('1 item · 75.00 TWD');
  });

  test('a version 1 file, which has no currency, imports with its templates marked currency not set', async ({
    extension,
  }) => {
    const page = await openOptionsWith(extension, []);
    const v1 = {
      format: 'payfect-quick-links/saved-items',
      version: 1,
      items: [
        {
          name: 'Website',
          items: WEBSITE_ITEMS.map((item) => ({ ...item, description: '', quantity: 1 })),
        },
      ],
    };
    await page.getByRole('button', { name: 'Import templates' }).setInputFiles({
      name: 'saved-v1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(v1)),
    });
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported: 1 added, 0 replaced, 0 unchanged.' }),
    ).toBeVisible();
    await expect(templateRows(page)).toHaveCount(1);
    await expect(templateRows(page).first()).toContainText(
      '2 items · 12,000.00 · currency not set',
    );
    expect(await storedTemplates(extension)).toMatchObject([{ name: 'Website', currency: null }]);
  });

  test('a broken file is refused with what is wrong, and nothing is imported', async ({
    extension,
  }) => {
    const page = await openOptionsWith(extension, [
      template('Audit', [{ name: 'Website audit', unitPrice: '75' }]),
    ]);
    const importer = page.getByRole('button', { name: 'Import templates' });
    await importer.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ this is not json'),
    });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Nothing was imported');
    await expect(alert).toContainText('The file is not JSON.');

    const broken = {
      format: 'payfect-quick-links/saved-items',
      version: 1,
      items: [
        { name: 'Fine', items: [{ name: 'A', description: '', unitPrice: '5', quantity: 1 }] },
        { name: 'Dots', items: [{ name: 'B', description: '', unitPrice: '1.2.3', quantity: 1 }] },
      ],
    };
    await importer.setInputFiles({
      name: 'saved.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect(alert).toContainText('Template 2 (“Dots”): item 1 needs a price above 0');
    await expect(alert).not.toContainText('Template 1');
    await expect(templateRows(page)).toHaveCount(1);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the saved items controls have no serious accessibility issue (${scheme})`, async ({
    extension,
  }) => {
    const options = await openOptionsWith(extension, [
      template('Logo package', [{ name: 'Logo design', unitPrice: '120.5' }]),
      template('Audit', [{ name: 'Website audit', unitPrice: '75' }]),
    ]);
    await options.emulateMedia({ colorScheme: scheme });
    await expect(templateRows(options)).toHaveCount(2);
    await templateRows(options).first().getByRole('button', { name: 'Delete' }).click();
    await expect(options.getByRole('button', { name: 'Undo' })).toBeVisible();
    await options.getByRole('button', { name: 'Import templates' }).setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('[]'),
    });
    await expect(options.getByRole('alert')).toContainText('not a saved items file');
    expect(await seriousFindings(options), 'options').toEqual([]);

    const popup = await extension.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await openPopup(extension, popup);
    await popup.getByRole('combobox', { name: 'Saved items' }).click();
    await expect(popup.getByRole('listbox', { name: 'Saved items' })).toBeVisible();
    expect(await seriousFindings(popup), 'popup list').toEqual([]);
    await popup.getByRole('textbox', { name: 'Item name' }).fill('Logo');
    await popup.getByRole('textbox', { name: 'Unit price' }).fill('5');
    await popup.getByRole('button', { name: 'Save items' }).click();
    await popup.getByRole('textbox', { name: 'Template name' }).fill('');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('textbox', { name: 'Template name' })).toHaveAccessibleDescription(
      'Enter a name.',
    );
    expect(await seriousFindings(popup), 'popup naming').toEqual([]);
  });
}

test.describe('in Traditional Chinese', () => {
  test.use({ locale: 'zh-TW' });

  test('the picker and the Settings section speak zh-TW', async ({ extension }) => {
    const options = await openOptionsWith(extension, [
      template('Audit', [{ name: 'Website audit', unitPrice: '75' }], 'usdt'),
    ]);
    await expect(options.getByRole('heading', { name: '常用品項' })).toBeVisible();
    await expect(options.getByRole('button', { name: '匯出範本' })).toBeVisible();
    await expect(templateRows(options)).toHaveCount(0);
    await expect(options.getByRole('list', { name: '範本' }).getByRole('listitem')).toContainText(
      '1 個品項 · 75.00 USDT',
    );

    const popup = await openPopup(extension);
    await popup.getByRole('combobox', { name: '常用品項' }).fill('aud');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('status').filter({ hasText: '已加入「Audit」' })).toBeVisible();
  });
});
