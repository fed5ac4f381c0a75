/**
 * Correcting an Unpaid invoice's client from History (issue 23, item 10): the number is
 * kept, the printed invoice carries the corrected client and says when it was corrected,
 * and a paid invoice offers no correction.
 */
import type { Locator, Page } from '@playwright/test';
import { connectToSandbox, createLink, fillItems, openPopup } from '../support/flows.ts';
import { printedPdf } from '../support/pdf.ts';
import { expect, test } from './fixtures.ts';

async function openDocument(popup: Page, scope: Locator, name: string): Promise<Page> {
  const opened = popup.context().waitForEvent('page');
  await scope.getByRole('link', { name, exact: true }).click();
  const page = await opened;
  await page.waitForLoadState();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page;
}

test('an Unpaid invoice’s client is corrected from History, its number kept and the change dated', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '120.5' }]);
  await popup.getByRole('combobox', { name: 'Client name' }).fill('Acm');
  const link = await createLink(popup);

  await popup.getByRole('tab', { name: 'History' }).click();
  const row = popup.getByRole('listitem').filter({ hasText: 'INV-0001' });
  await row.getByRole('button', { name: 'More actions' }).click();
  await popup.getByRole('menuitem', { name: 'Correct details' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Correct INV-0001' });
  const name = dialog.getByRole('textbox', { name: 'Client name' });
  await expect(name).toHaveValue('Acm');
  await dialog.getByRole('textbox', { name: 'Client email' }).fill('not an email');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Client email' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await name.fill('Acme Robotics Ltd');
  await dialog.getByRole('textbox', { name: 'Client email' }).fill('ap@acme-robotics.test');
  await dialog.getByRole('textbox', { name: 'PO number' }).fill('PO-7781');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(popup.getByRole('status').filter({ hasText: 'Details corrected' })).toBeVisible();

  const invoice = await openDocument(popup, row, 'Invoice');
  await expect(invoice).toHaveTitle('INV-0001');
  const pdf = await printedPdf(invoice);
  for (const expected of ['INV-0001', 'Corrected on', 'Acme Robotics Ltd', 'PO-7781', link]) {
    expect(pdf.text, expected).toContain(expected);
  }
  await invoice.close();

  // Paid, it stays as it was issued.
  expect(sandbox.pay(new URL(link).pathname.split('/').pop() ?? '').ok).toBe(true);
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  await expect(row).toContainText('Complete');
  await row.getByRole('button', { name: 'More actions' }).click();
  await expect(popup.getByRole('menuitem', { name: 'Note' })).toBeVisible();
  await expect(popup.getByRole('menuitem', { name: 'Correct details' })).toHaveCount(0);
});
