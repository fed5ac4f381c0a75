import type { Locator, Page } from '@playwright/test';
import {
  connectToSandbox,
  createLink,
  fillItems,
  idOf,
  openPopup,
  setDueDate,
} from '../support/flows.ts';
import { printedPdf } from '../support/pdf.ts';
import { clipboardText } from '../support/sandbox-traffic.ts';
import { expect, test } from './fixtures.ts';

/*
 * An invoice past its due date: History says Overdue and its filter finds it; Copy reminder
 * hands the client a link that can still be paid; Void invoice asks why and prints it.
 */

async function moreAction(row: Locator, name: string) {
  await row.getByRole('button', { name: 'More actions' }).click();
  await row.page().getByRole('menuitem', { name }).click();
}

async function openInvoice(popup: Page, row: Locator): Promise<Page> {
  const opened = popup.context().waitForEvent('page');
  await row.getByRole('link', { name: 'Invoice', exact: true }).click();
  const page = await opened;
  await page.waitForLoadState();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  return page;
}

test('an overdue invoice is found by the filter, reminded with an open link, then voided', async ({
  extension,
  sandbox,
}) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '80' }]);
  const first = await createLink(popup);
  await popup.getByRole('tab', { name: 'New link' }).click();
  await fillItems(popup, [{ name: 'Hosting', unitPrice: '9' }]);
  await createLink(popup);
  await setDueDate(extension, idOf(first), '2020-01-15');
  // Its link has run out too: a reminder must not send it.
  expect(sandbox.expire(idOf(first)).ok).toBe(true);

  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  const overdue = popup.getByRole('listitem').filter({ hasText: 'Logo design' });
  await expect(overdue.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(overdue.getByText('Expired', { exact: true })).toBeVisible();
  await expect(
    popup.getByRole('listitem').filter({ hasText: 'Hosting' }).getByText('Overdue'),
  ).toHaveCount(0);

  await popup.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Overdue' });
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await expect(popup.getByRole('listitem')).toContainText('Logo design');

  await moreAction(popup.getByRole('listitem'), 'Copy reminder');
  await expect(popup.getByRole('status').filter({ hasText: /reminder copied/ })).toBeVisible();
  const reminder = await clipboardText(popup);
  expect(reminder).toContain('due 15 January 2020');
  const link = /https?:\/\/\S+/.exec(reminder)?.[0] ?? '';
  expect(link).not.toBe(first);
  // Asked of the sandbox itself: the link in the message can still be paid.
  expect(sandbox.sessions.get(idOf(link))?.status).toBe('open');

  await popup.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
  const current = popup.getByRole('listitem').filter({ hasText: 'Logo design' }).first();
  await moreAction(current, 'Void invoice');
  const dialog = popup.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Void invoice' }).click();
  await expect(dialog.getByText(/Say why it is voided/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Client cancelled the order');
  await dialog.getByRole('button', { name: 'Void invoice' }).click();
  await expect(dialog).toBeHidden();
  await expect(current.getByText('Void', { exact: true })).toBeVisible();
  await expect(current.getByRole('button', { name: 'Copy link' })).toHaveCount(0);

  await popup.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Void' });
  await expect(popup.getByRole('listitem')).toHaveCount(1);

  const invoice = await openInvoice(popup, popup.getByRole('listitem'));
  const pdf = await printedPdf(invoice);
  expect(pdf.text).toContain('VOID');
  expect(pdf.text).toMatch(/Voided on \d{1,2} \w+ \d{4}: Client cancelled the order/);
});
