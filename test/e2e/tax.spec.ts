import type { Page } from '@playwright/test';
import { connectToSandbox, createLink, fillItems, openPopup } from '../support/flows.ts';
import { printedPdf } from '../support/pdf.ts';
import { createRequests } from '../support/sandbox-traffic.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from './fixtures.ts';

/*
 * Tax on an invoice (issue 23, item 6), as a freelancer sets it: a default in Settings →
 * Invoices, a choice per invoice under More options, the tax sent to Payfect as its own line,
 * and the printed PDF read back.
 */

const ITEMS = [
  { name: 'Design', unitPrice: '100.00' },
  { name: 'Hosting', unitPrice: '19.99' },
];

/** Opens the document the result view links to, drawn and ready to print. */
async function openInvoice(popup: Page): Promise<Page> {
  const opened = popup.context().waitForEvent('page');
  await popup.getByRole('link', { name: 'Invoice', exact: true }).click();
  const page = await opened;
  await page.waitForLoadState();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page;
}

async function saveTaxDefaults(extension: ExtensionBrowser): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  await page.getByRole('combobox', { name: 'Tax', exact: true }).selectOption({ label: 'Tax' });
  await page.getByRole('textbox', { name: 'Tax rate' }).fill('20');
  await page.getByRole('textbox', { name: 'Tax label' }).fill('VAT');
  await page.getByRole('button', { name: /^Save$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await page.close();
}

/** What Payfect's lines add up to, in cents: the sandbox's request, read back exactly. */
function requestTotalCents(json: unknown): number {
  const { invoice_items: items } = json as {
    invoice_items: { quantity: number; price_data: { unit_amount: string } }[];
  };
  return items.reduce((total, item) => {
    const [whole = '0', fraction = ''] = item.price_data.unit_amount.split('.');
    return total + (Number(whole) * 100 + Number(fraction.padEnd(2, '0'))) * item.quantity;
  }, 0);
}

test('Tax 20 % on 100.00 + 19.99 is sent and printed as 119.99 net, 24.00 tax, 143.99 total', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  await saveTaxDefaults(extension);
  const popup = await openPopup(extension);
  await fillItems(popup, ITEMS);
  await popup.getByRole('combobox', { name: 'Currency' }).selectOption('usd');
  await popup.getByText('More options').click();
  // The form starts from the profile's default.
  await expect(popup.getByRole('combobox', { name: 'Tax', exact: true })).toHaveValue('tax');
  await expect(popup.getByRole('textbox', { name: 'Tax rate' })).toHaveValue('20');
  await expect(popup.locator('.total')).toContainText('Net 119.99 · VAT 20% 24.00 · Total 143.99');
  await createLink(popup);

  const [request] = createRequests(sandbox);
  const items = (request?.json as { invoice_items: { price_data: unknown }[] }).invoice_items;
  expect(items).toHaveLength(3);
  expect(items[2]?.price_data).toMatchObject({
    product_data: { name: 'VAT 20%' },
    unit_amount: '24',
  });
  expect(requestTotalCents(request?.json)).toBe(14_399);

  const invoice = await openInvoice(popup);
  const { text } = await printedPdf(invoice);
  for (const expected of ['Subtotal', '119.99', 'VAT 20%', '24.00', '143.99']) {
    expect(text, expected).toContain(expected);
  }
  await invoice.close();
});

test('Reverse charge is refused without a Client tax ID, then prints the statement and the ID', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, ITEMS);
  await popup.getByRole('combobox', { name: 'Currency' }).selectOption('usd');
  await popup.getByRole('combobox', { name: 'Client name' }).fill('Acme GmbH');
  await popup.getByText('More options').click();
  await popup.getByRole('combobox', { name: 'Tax', exact: true }).selectOption({
    label: 'Reverse charge',
  });
  await popup.getByRole('textbox', { name: 'Tax label' }).fill('VAT');
  await popup.getByRole('button', { name: 'Create link' }).click();
  const taxId = popup.getByRole('textbox', { name: 'Client tax ID' });
  await expect(taxId).toHaveAccessibleDescription(/Reverse charge needs the client's tax ID/);
  expect(createRequests(sandbox)).toHaveLength(0);

  await taxId.fill('DE123456789');
  await createLink(popup);
  const [request] = createRequests(sandbox);
  expect(requestTotalCents(request?.json)).toBe(11_999);

  const invoice = await openInvoice(popup);
  const { text } = await printedPdf(invoice);
  for (const expected of [
    'Reverse charge: VAT to be accounted for by the recipient',
    'VAT 0%',
    'DE123456789',
    '119.99',
  ]) {
    expect(text, expected).toContain(expected);
  }
  await invoice.close();
});
