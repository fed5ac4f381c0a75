import type { Locator, Page } from '@playwright/test';
import { connectToSandbox, fillItems, idOf, openPopup, type SampleItem } from '../support/flows.ts';
import { printedPdf } from '../support/pdf.ts';
import { createRequests } from '../support/sandbox-traffic.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from './fixtures.ts';

/*
 * Invoices as a freelancer makes them: business details once in Settings, a client on the
 * form, Invoice from the result or History — a page printed to PDF exactly as Chrome's "Save
 * as PDF" does — and a Receipt once the link is paid.
 */

interface Words {
  readonly save: RegExp;
  readonly saved: RegExp;
  readonly create: string;
  readonly history: string;
  readonly refresh: string;
  readonly invoice: string;
  readonly receipt: string;
  readonly more: string;
}

const EN: Words = {
  save: /^Save$/,
  saved: /^Saved/,
  create: 'Create link',
  history: 'History',
  refresh: 'Refresh statuses',
  invoice: 'Invoice',
  receipt: 'Receipt',
  more: 'More options',
};

const ZH: Words = {
  save: /^儲存$/,
  saved: /^已儲存/,
  create: '建立連結',
  history: '紀錄',
  refresh: '重新整理狀態',
  invoice: '請款單',
  receipt: '收據',
  more: '更多選項',
};

interface BusinessFields {
  readonly name: string;
  readonly address: string;
  readonly taxId: string;
  readonly email: string;
}

/** Fills "Business name" and the rest in Settings and saves, as a user would. */
async function saveBusiness(
  extension: ExtensionBrowser,
  business: BusinessFields,
  names: Record<keyof BusinessFields, string>,
  words: Words,
): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  for (const field of ['name', 'address', 'taxId', 'email'] as const) {
    await page.getByRole('textbox', { name: names[field], exact: true }).fill(business[field]);
  }
  await page.getByRole('button', { name: words.save }).click();
  await expect(page.getByRole('status').filter({ hasText: words.saved })).toBeVisible();
  await page.close();
}

const EN_FIELDS = {
  name: 'Business name',
  address: 'Business address',
  taxId: 'Tax ID',
  email: 'Business email',
};

/** Presses Create link and waits for the result; the link as shown. */
async function create(popup: Page, words: Words): Promise<string> {
  await popup.getByRole('button', { name: words.create }).click();
  const link = popup.getByRole('link', { name: /^https?:\/\// });
  await expect(link).toBeVisible({ timeout: 15_000 });
  return (await link.textContent())?.trim() ?? '';
}

/** Follows a link named `name` that opens a tab, and waits for the document to be drawn. */
async function openDocument(popup: Page, scope: Page | Locator, name: string): Promise<Page> {
  const opened = popup.context().waitForEvent('page');
  await scope.getByRole('link', { name, exact: true }).click();
  const page = await opened;
  await page.waitForLoadState();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page;
}

const ITEMS: readonly SampleItem[] = [
  { name: 'Logo design', description: 'Three concepts, two revisions', unitPrice: '120.5' },
  { name: 'Hosting', unitPrice: '9.99', quantity: '12' },
];

test('an invoice and then a receipt for a link with two items and a client', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  await saveBusiness(
    extension,
    {
      name: 'Lin Studio',
      address: '12 Harbour Road\nKaohsiung 806',
      taxId: '12345678',
      email: 'billing@lin.example',
    },
    EN_FIELDS,
    EN,
  );
  const popup = await openPopup(extension);
  await fillItems(popup, ITEMS);
  await popup.getByRole('combobox', { name: 'Client name' }).fill('ACME Trading Ltd');
  await popup.getByText(EN.more).click();
  await popup.getByRole('textbox', { name: 'Client email' }).fill('ap@acme.example');
  await popup.getByRole('textbox', { name: 'Client address' }).fill('1 Main Street\nTaipei');
  const link = await create(popup, EN);

  // The invoice number stands in for the empty Reference, and never reaches Payfect otherwise.
  const [request] = createRequests(sandbox).map((sent) => sent.json as Record<string, unknown>);
  expect(request?.client_reference_id).toBe('INV-0001');
  expect(JSON.stringify(request)).not.toContain('ACME');
  await expect(popup.getByText('INV-0001')).toBeVisible();

  const invoice = await openDocument(popup, popup, EN.invoice);
  await expect(invoice).toHaveTitle('INV-0001');
  const pdf = await printedPdf(invoice);
  for (const expected of [
    'Lin Studio',
    'Kaohsiung 806',
    '12345678',
    'ACME Trading Ltd',
    'ap@acme.example',
    'Logo design',
    'Three concepts, two revisions',
    'Hosting',
    '119.88',
    '240.38',
    'USDT',
    'INV-0001',
    link,
  ]) {
    expect(pdf.text, expected).toContain(expected);
  }
  expect(pdf.qr).toBe(link);
  await invoice.close();

  expect(sandbox.pay(idOf(link)).ok).toBe(true);
  await popup.getByRole('tab', { name: EN.history }).click();
  await popup.getByRole('button', { name: EN.refresh }).click();
  const row = popup.getByRole('listitem').filter({ hasText: 'INV-0001' });
  await expect(row).toContainText('Complete');
  // Searchable by the client.
  await popup.getByRole('searchbox').fill('acme');
  await expect(popup.getByRole('listitem')).toHaveCount(1);

  const receipt = await openDocument(popup, row, EN.receipt);
  const paid = await printedPdf(receipt);
  expect(paid.text).toContain('Paid');
  expect(paid.text).toContain('INV-0001');
  expect(paid.text).toContain('240.38');
  await receipt.close();

  // The next form suggests the client, and picking it fills what was typed for it.
  await popup.getByRole('tab', { name: 'New link' }).click();
  await popup.getByRole('combobox', { name: 'Client name' }).fill('acme');
  await popup.getByRole('option', { name: 'ACME Trading Ltd' }).click();
  await expect(popup.getByRole('combobox', { name: 'Client name' })).toHaveValue(
    'ACME Trading Ltd',
  );
  await popup.getByText(EN.more).click();
  await expect(popup.getByRole('textbox', { name: 'Client email' })).toHaveValue('ap@acme.example');
  await expect(popup.getByRole('textbox', { name: 'Reference' })).toHaveAttribute(
    'placeholder',
    'INV-0002',
  );
});

test('a PO number typed under More options is printed on the invoice and found in History', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, ITEMS.slice(0, 1));
  await popup.getByText(EN.more).click();
  await popup.getByRole('textbox', { name: 'PO number' }).fill('PO-7781');
  await create(popup, EN);
  const [request] = createRequests(sandbox).map((sent) => JSON.stringify(sent.json));
  expect(request).not.toContain('PO-7781');

  const invoice = await openDocument(popup, popup, EN.invoice);
  const pdf = await printedPdf(invoice);
  expect(pdf.text).toMatch(/PO number\s+PO-7781/);
  await invoice.close();

  await popup.getByRole('tab', { name: EN.history }).click();
  await popup.getByRole('searchbox').fill('po-7781');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await popup.getByRole('searchbox').fill('po-7782');
  await expect(popup.getByRole('listitem')).toHaveCount(0);
});

test.describe('in Traditional Chinese', () => {
  test.use({ locale: 'zh-TW' });

  test('the invoice keeps Chinese names, items and addresses intact', async ({
    extension,
    sandbox,
  }) => {
    await connectToSandbox(extension, sandbox);
    await saveBusiness(
      extension,
      {
        name: '林氏設計工作室',
        address: '高雄市前鎮區成功二路 12 號',
        taxId: '12345678',
        email: 'billing@lin.example',
      },
      { name: '公司名稱', address: '公司地址', taxId: '統一編號', email: '公司電子郵件' },
      ZH,
    );
    const popup = await openPopup(extension);
    await popup.getByRole('textbox', { name: '品項名稱' }).fill('品牌識別設計');
    await popup.getByRole('textbox', { name: '單價' }).fill('1500');
    await popup.getByRole('combobox', { name: '客戶名稱' }).fill('王小明有限公司');
    const link = await create(popup, ZH);

    const invoice = await openDocument(popup, popup, ZH.invoice);
    const pdf = await printedPdf(invoice);
    for (const expected of [
      '林氏設計工作室',
      '高雄市前鎮區成功二路',
      '王小明有限公司',
      '品牌識別設計',
      '1,500',
      'INV-0001',
      link,
    ]) {
      expect(pdf.text, expected).toContain(expected);
    }
    expect(pdf.qr).toBe(link);
  });
});

test('two popups creating at once get two invoice numbers, and a refused create takes none', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  // A create Payfect refuses comes first: it gives its number back.
  sandbox.faults.add({
    match: 'create',
    respond: { status: 400, body: JSON.stringify({ detail: 'Invalid request.' }) },
  });
  const refused = await openPopup(extension);
  await fillItems(refused, [{ name: 'Refused', unitPrice: '1' }]);
  await refused.getByRole('button', { name: EN.create }).click();
  await expect(refused.getByRole('alert')).toBeVisible();
  await refused.close();

  // Both requests in flight together: neither is answered before the other is sent.
  sandbox.faults.add({ match: 'create', latencyMs: 600, times: 2 });
  const popups = [await openPopup(extension), await openPopup(extension)];
  for (const [index, popup] of popups.entries()) {
    await fillItems(popup, [{ name: `Job ${index + 1}`, unitPrice: '10' }]);
  }
  await Promise.all(popups.map((popup) => create(popup, EN)));
  const numbers = await Promise.all(
    popups.map(
      async (popup) => (await popup.locator('.result-invoice .reference').textContent()) ?? '',
    ),
  );
  expect(numbers.sort()).toEqual(['INV-0001', 'INV-0002']);
  const references = createRequests(sandbox)
    .slice(1)
    .map((sent) => (sent.json as Record<string, unknown>).client_reference_id);
  expect(references.sort()).toEqual(['INV-0001', 'INV-0002']);
});

test('after its link expires, New payment link keeps INV-0001, and the invoice gives the new link', async ({
  extension,
  sandbox,
}) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, ITEMS);
  const first = await create(popup, EN);
  expect(sandbox.expire(idOf(first)).ok).toBe(true);

  await popup.getByRole('tab', { name: EN.history }).click();
  await popup.getByRole('button', { name: EN.refresh }).click();
  const row = popup.getByRole('listitem').filter({ hasText: 'INV-0001' });
  await expect(row).toContainText('Expired');
  await row.getByRole('button', { name: 'New payment link' }).click();
  await expect(row).toContainText('Open');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  const [, second] = createRequests(sandbox).map(
    (sent) => (sent.json as Record<string, unknown>).client_reference_id,
  );
  expect(second).toBe('INV-0001');
  const renewed = [...sandbox.sessions.keys()].find((id) => id !== idOf(first)) ?? '';
  const link = sandbox.sessions.get(renewed)?.url ?? '';
  expect(link).not.toBe('');

  // From the row, and from the expired link's own address (a bookmark, an old tab): the
  // invoice is INV-0001, and its text and QR code give the link that can still be paid.
  const fromRow = await openDocument(popup, row, EN.invoice);
  const oldAddress = fromRow.url().replace(renewed, idOf(first));
  for (const page of [fromRow, await reopened(fromRow, oldAddress)]) {
    await expect(page).toHaveTitle('INV-0001');
    const pdf = await printedPdf(page);
    expect(pdf.text).toContain('INV-0001');
    expect(pdf.text).not.toContain('INV-0002');
    expect(pdf.text).not.toMatch(/Replaces/);
    expect(pdf.text).toContain(link);
    expect(pdf.text).not.toContain(first);
    expect(pdf.qr).toBe(link);
  }

  // No number was issued for it: the next link is INV-0002.
  await popup.getByRole('tab', { name: 'New link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Reference' })).toHaveAttribute(
    'placeholder',
    'INV-0002',
  );
});

/** The same tab at another address, its document drawn. */
async function reopened(page: Page, address: string): Promise<Page> {
  await page.goto(address);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page;
}

test('an invoice without a business name says so and opens Settings', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '80' }]);
  await create(popup, EN);
  const invoice = await openDocument(popup, popup, EN.invoice);
  await expect(invoice.getByText(/Your business name is missing/)).toBeVisible();
  await expect(invoice.getByRole('button', { name: 'Save as PDF' })).toBeFocused();
  const settings = extension.context.waitForEvent('page');
  await invoice.getByRole('button', { name: 'Open settings' }).click();
  await expect(await settings).toHaveURL(/options\.html/);
  // Printed, the page is the invoice alone: the toolbar is for the screen.
  const pdf = await printedPdf(invoice);
  expect(pdf.text).not.toContain('Save as PDF');
  expect(pdf.text).not.toContain('business name is missing');
  expect(pdf.pages).toBe(1);
});
