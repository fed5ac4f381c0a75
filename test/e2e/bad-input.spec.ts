import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { connectToSandbox, fillItems, openPopup } from '../support/flows.ts';
import { createRequests } from '../support/sandbox-traffic.ts';

/*
 * Bad form input typed into the real popup: a representative subset of the unit table in
 * test/unit/lib/draft.test.ts, checked where only a browser can check it — the message is the
 * field's accessible description, the typed text stays, and nothing reaches the sandbox.
 */

const URL_FIELDS: readonly string[] = ['Success URL', 'Cancel URL', 'Callback URL'];

interface RefusedInput {
  /** The field's accessible name (PRODUCT.md). */
  readonly field: string;
  readonly input: string;
  /** The whole sentence shown beside the field. */
  readonly message: string;
}

const REFUSED_INPUTS: readonly RefusedInput[] = [
  { field: 'Unit price', input: '', message: 'Enter a price.' },
  { field: 'Unit price', input: '1e3', message: 'Write the price in plain digits, like 1000.' },
  { field: 'Unit price', input: '0.0000001', message: 'Use at most 6 decimals for this currency.' },
  { field: 'Unit price', input: 'NaN', message: 'Enter a price in digits, like 20.50.' },
  { field: 'Unit price', input: '1'.repeat(30), message: 'That price is too large.' },
  { field: 'Quantity', input: '1.5', message: 'Use a whole number.' },
  { field: 'Quantity', input: '10000000', message: 'The quantity can be at most 1000000.' },
  { field: 'Item name', input: '   ', message: 'Enter what the client pays for.' },
  { field: 'Item name', input: 'x'.repeat(500), message: 'Use at most 255 characters.' },
  {
    // A right-to-left override: "Logo ‮gpj.exe" would read as "Logo exe.jpg".
    field: 'Item name',
    input: 'Logo \u202Egpj.exe',
    message: 'the name must show exactly what it says.',
  },
  {
    field: 'Success URL',
    input: 'javascript:alert(1)',
    message: 'Only https:// addresses are allowed.',
  },
  {
    field: 'Cancel URL',
    input: 'data:text/html,hi',
    message: 'Only https:// addresses are allowed.',
  },
  { field: 'Success URL', input: 'example.com/thanks', message: 'Start the address with https://' },
  { field: 'Callback URL', input: 'http://example.com/hook', message: 'Use an https:// address.' },
];

/** The sentence, after the warning sign the stylesheet puts before every field error. */
function endsWith(sentence: string): RegExp {
  return new RegExp(`${sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

function shown(input: string): string {
  return input.length > 40 ? `${input.length} characters` : JSON.stringify(input);
}

async function typeInto(popup: Page, field: string, input: string): Promise<void> {
  if (URL_FIELDS.includes(field)) await popup.getByText('More options').click();
  await popup.getByRole('textbox', { name: field, exact: true }).fill(input);
}

test.beforeEach(async ({ extension, sandbox }) => {
  await connectToSandbox(extension, sandbox);
});

for (const { field, input, message } of REFUSED_INPUTS) {
  test(`${field} ${shown(input)} is refused beside the field, kept as typed, and nothing is sent`, async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillItems(popup, [{ name: 'Consulting', unitPrice: '80', quantity: '2' }]);
    await typeInto(popup, field, input);
    await popup.getByRole('button', { name: 'Create link' }).click();

    const box = popup.getByRole('textbox', { name: field, exact: true });
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription(endsWith(message));
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(input);
    await expect(popup.getByRole('button', { name: 'Create link' })).toBeEnabled();
    expect(createRequests(sandbox)).toHaveLength(0);
  });
}

test('emoji names are sent as typed; hidden characters are refused as the field is left', async ({
  extension,
  sandbox,
}) => {
  const popup = await openPopup(extension);
  const name = popup.getByRole('textbox', { name: 'Item name' });
  for (const tricked of ['Logo \u202Egpj.exe', 'Logo\u200Bdesign']) {
    await name.fill(tricked);
    await popup.keyboard.press('Tab');
    // Said on leaving the field, before any Create link.
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/Remove the invisible characters/);
  }
  const item = 'Dev support 👩🏽‍💻';
  const client = 'Family 👨‍👩‍👧 Bakery 🏳️‍🌈';
  await fillItems(popup, [{ name: item, unitPrice: '80' }]);
  await popup.keyboard.press('Tab');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await popup.getByRole('combobox', { name: 'Client name' }).fill(client);
  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(createRequests(sandbox).map((r) => r.json)).toMatchObject([
    { invoice_items: [{ price_data: { product_data: { name: item } } }] },
  ]);
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(popup.getByText(client).first()).toBeVisible();
});

test('HTML in an item name is sent and shown as plain text, never as markup', async ({
  extension,
  sandbox,
}) => {
  const name = '<b>Bold</b><img src="x" onerror="document.title=\'pwned\'">';
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name, unitPrice: '10' }]);
  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeVisible();

  expect(createRequests(sandbox).map((r) => r.json)).toMatchObject([
    { invoice_items: [{ price_data: { product_data: { name } } }] },
  ]);
  await expect(popup.getByText(name, { exact: true })).toBeVisible();
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(popup.getByText(name, { exact: true }).last()).toBeVisible();
  await expect(popup.locator('b, img[src="x"]')).toHaveCount(0);
  await expect(popup).not.toHaveTitle('pwned');
});

test('a price is checked as its field is left, and typed the way people write prices', async ({
  extension,
  sandbox,
}) => {
  const popup = await openPopup(extension);
  await popup.getByRole('textbox', { name: 'Item name' }).fill('Website');
  const price = popup.getByRole('textbox', { name: 'Unit price' });
  await price.fill('15.000,50');
  await popup.keyboard.press('Tab');
  // Said as the field is left, before any Create link.
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(price).toHaveAccessibleDescription(/Use a point for decimals/);
  await price.fill('$80');
  await popup.keyboard.press('Tab');
  await expect(price).toHaveAccessibleDescription(/“\$” is USD, but this form is in USDT/);

  await price.fill('15,000');
  await popup.keyboard.press('Tab');
  await expect(price).not.toHaveAttribute('aria-invalid', 'true');
  await expect(popup.getByText(/Total/)).toContainText('15,000.00 USDT');
  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(createRequests(sandbox).map((r) => r.json)).toMatchObject([
    { invoice_items: [{ price_data: { unit_amount: '15000' } }] },
  ]);
});

test('full-width digits are read as the number they show and sent in ASCII', async ({
  extension,
  sandbox,
}) => {
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Translation', unitPrice: '２０．５', quantity: '１２' }]);
  await expect(popup.getByText(/Total/)).toContainText('246.00 USDT');
  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('button', { name: 'Copy link' })).toBeVisible();

  expect(createRequests(sandbox).map((r) => r.json)).toMatchObject([
    { invoice_items: [{ price_data: { unit_amount: '20.5' }, quantity: 12 }] },
  ]);
});

test('a 21st line item cannot be added: "Add item" is disabled with the limit beside it', async ({
  extension,
  sandbox,
}) => {
  const popup = await openPopup(extension);
  const add = popup.getByRole('button', { name: 'Add item' });
  for (let count = 1; count < 20; count += 1) await add.click();
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveCount(20);
  await expect(add).toBeDisabled();
  await expect(popup.getByText('Up to 20 items per link.')).toBeVisible();
  expect(sandbox.requests).toHaveLength(0);
});
