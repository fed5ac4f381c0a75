import type { Locator, Page } from '@playwright/test';
import { connectToSandbox, fillItems, idOf, openPopup, type SampleItem } from '../support/flows.ts';
import { printedPdf } from '../support/pdf.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from './fixtures.ts';

/*
 * The invoice reads like one (issue 23, items 7–9), checked in the PDF Chromium prints: its
 * words per language, one amount format, a fiat price's USDT total and rate, the TEST mark of
 * a test link, the receipt's own note, and pages that break between rows, each carrying the
 * number and "Page n of m".
 */

/** Types into Settings' textboxes by their names and saves, as a user would. */
async function saveSettings(
  extension: ExtensionBrowser,
  fields: Readonly<Record<string, string>>,
  save = /^Save$/,
): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  for (const [name, value] of Object.entries(fields)) {
    await page.getByRole('textbox', { name, exact: true }).fill(value);
  }
  await page.getByRole('button', { name: save }).click();
  await expect(page.getByRole('status').filter({ hasText: /^(Saved|已儲存)/ })).toBeVisible();
  await page.close();
}

async function create(popup: Page, name = 'Create link'): Promise<string> {
  await popup.getByRole('button', { name }).click();
  const link = popup.getByRole('link', { name: /^https?:\/\// });
  await expect(link).toBeVisible({ timeout: 15_000 });
  return (await link.textContent())?.trim() ?? '';
}

async function openDocument(popup: Page, scope: Page | Locator, name: string): Promise<Page> {
  const opened = popup.context().waitForEvent('page');
  await scope.getByRole('link', { name, exact: true }).click();
  const page = await opened;
  await page.waitForLoadState();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page;
}

/** Pays the link at the sandbox and opens the receipt from its History row. */
async function receiptOf(
  popup: Page,
  link: string,
  pay: (id: string) => void,
  words = { history: 'History', refresh: 'Refresh statuses', receipt: 'Receipt' },
): Promise<Page> {
  pay(idOf(link));
  await popup.getByRole('tab', { name: words.history }).click();
  await popup.getByRole('button', { name: words.refresh }).click();
  const row = popup.getByRole('listitem').filter({ hasText: 'INV-0001' });
  return openDocument(popup, row, words.receipt);
}

const PRICED: readonly SampleItem[] = [
  { name: 'Design', unitPrice: '1250' },
  { name: 'Support', unitPrice: '85.5', quantity: '4' },
  { name: 'Hosting', unitPrice: '34.38' },
];

test('a test link prints TEST, one amount format, its labels, and the receipt its own note', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  await saveSettings(extension, {
    'Business name': 'Lin Studio',
    'Tax ID': 'GB123456789',
    'Tax ID label': 'VAT number',
    'Footer note': 'Payment due within 7 days',
    'Receipt note': 'Thank you for your payment',
  });
  const popup = await openPopup(extension);
  await fillItems(popup, PRICED);
  const link = await create(popup);

  const invoice = await openDocument(popup, popup, 'Invoice');
  await expect(invoice.getByRole('note')).toContainText('TEST — not payable');
  const pdf = await printedPdf(invoice);
  expect(pdf.text).toContain('TEST — not payable');
  expect(pdf.text).toContain('VAT number: GB123456789');
  expect(pdf.text).not.toContain('Tax ID');
  expect(pdf.text).toMatch(/Design\s+1\s+1,250\.00\s+1,250\.00/);
  expect(pdf.text).toMatch(/Support\s+4\s+85\.50\s+342\.00/);
  expect(pdf.text).toContain('1,626.38 USDT');
  expect(pdf.text).toContain('Payment due within 7 days');
  expect(pdf.text).toContain('INV-0001 · Page 1 of 1');
  await invoice.close();

  const receipt = await receiptOf(popup, link, (id) => {
    expect(sandbox.pay(id).ok).toBe(true);
  });
  const paid = await printedPdf(receipt);
  expect(paid.text).toContain('TEST — not payable');
  expect(paid.text).toContain('1,626.38 USDT');
  expect(paid.text).toContain('Thank you for your payment');
  expect(paid.text).not.toContain('Payment due within 7 days');
});

test('a 20-item invoice breaks between rows, and each page carries its number and page count', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  await saveSettings(extension, {
    'Business name': 'Lin Studio',
    'Footer note': 'Payment due within 7 days',
  });
  const long = 'Portal screen: design, states, copy, review';
  const items = Array.from({ length: 20 }, (_, index) => ({
    name: `Screen ${index + 1}`,
    description: `${long} #${index + 1}`,
    unitPrice: '100',
  }));
  const popup = await openPopup(extension);
  await fillItems(popup, items);
  await create(popup);

  const invoice = await openDocument(popup, popup, 'Invoice');
  const pdf = await printedPdf(invoice);
  expect(pdf.pages).toBe(2);
  for (const [index, text] of pdf.pageTexts.entries()) {
    expect(text).toContain(`INV-0001 · Page ${index + 1} of ${pdf.pages}`);
    // No page holds only the footer note (and the margins).
    expect(text, `page ${index + 1}`).toMatch(/Screen \d+/);
  }
  // A row is never split: each item's name and the end of its description share a page.
  for (const [index, item] of items.entries()) {
    const page = pdf.pageTexts.find((text) => new RegExp(`${item.name}\\b`).test(text));
    expect(page, item.name).toContain(`review #${index + 1}`);
  }
  expect(pdf.pageTexts.at(-1)).toContain('2,000.00');
  expect(pdf.pageTexts.at(-1)).toContain('Payment due within 7 days');
});

test.describe('a TWD price answered in USDT', () => {
  test.use({ sandboxOptions: { quoteUsdt: '0.0312' } });

  test('prints both totals and the rate they imply, with when it was quoted', async ({
    extension,
    sandbox,
  }) => {
    await connectToSandbox(extension, sandbox);
    const popup = await openPopup(extension);
    await popup.getByRole('combobox', { name: 'Currency' }).selectOption({ label: 'TWD (NT$)' });
    await fillItems(popup, [{ name: 'Logo design', unitPrice: '12000' }]);
    await create(popup);

    const pdf = await printedPdf(await openDocument(popup, popup, 'Invoice'));
    expect(pdf.text).toContain('12,000.00 TWD');
    expect(pdf.text).toContain('374.40 USDT');
    expect(pdf.text).toMatch(
      /Rate: 1 TWD = 0\.0312 USDT \(rounded to 6 significant digits\), as Payfect quoted it on \d{1,2} \w+ 20\d\d/,
    );
    expect(pdf.text).not.toContain('when the client opens the link');
  });
});

test('a TWD price Payfect echoes says the USDT amount is set when the client opens the link', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await popup.getByRole('combobox', { name: 'Currency' }).selectOption({ label: 'TWD (NT$)' });
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '12000' }]);
  await create(popup);

  const pdf = await printedPdf(await openDocument(popup, popup, 'Invoice'));
  expect(pdf.text).toContain('12,000.00 TWD');
  expect(pdf.text).toContain('Payfect sets the USDT amount when the client opens the link');
  expect(pdf.text).not.toContain('Rate:');
});

test.describe('in Traditional Chinese', () => {
  test.use({ locale: 'zh-TW' });

  test('the document is 請款單 with 單號, then 收據 once paid, and never 發票', async ({
    extension,
    sandbox,
  }) => {
    await connectToSandbox(extension, sandbox);
    await saveSettings(extension, { 公司名稱: '林氏設計工作室', 統一編號: '12345678' }, /^儲存$/);
    const popup = await openPopup(extension);
    await popup.getByRole('textbox', { name: '品項名稱' }).fill('品牌識別設計');
    await popup.getByRole('textbox', { name: '單價' }).fill('1500');
    const link = await create(popup, '建立連結');

    const invoice = await openDocument(popup, popup, '請款單');
    const pdf = await printedPdf(invoice);
    for (const expected of [
      '請款單',
      '單號',
      'INV-0001',
      '統一編號：12345678',
      '1,500.00',
      'TEST',
    ]) {
      expect(pdf.text, expected).toContain(expected);
    }
    expect(pdf.text).not.toContain('發票');
    await invoice.close();

    const receipt = await receiptOf(
      popup,
      link,
      (id) => {
        expect(sandbox.pay(id).ok).toBe(true);
      },
      { history: '紀錄', refresh: '重新整理狀態', receipt: '收據' },
    );
    const paid = await printedPdf(receipt);
    expect(paid.text).toContain('收據');
    expect(paid.text).not.toContain('發票');
  });
});
