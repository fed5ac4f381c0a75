import type { Page } from '@playwright/test';
import { connectToSandbox, fillItems, openPopup } from '../support/flows.ts';
import { printedPdf } from '../support/pdf.ts';
import { expect, test } from './fixtures.ts';

/*
 * Payment terms as a freelancer sets them: a default in Settings → Invoices, changed for one
 * invoice under More options; the printed invoice says when it is due — a day, counted from
 * its issue date, with no clock time — and, apart from it, until when its link works.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "7 December 2026" → that day, as a UTC date for calendar arithmetic. */
function parsedDay(text: string): Date {
  const match = /(\d{1,2}) ([A-Z][a-z]+) (\d{4})/u.exec(text);
  if (match === null) throw new Error(`No date in “${text}”`);
  return new Date(Date.UTC(Number(match[3]), MONTHS.indexOf(match[2] ?? ''), Number(match[1])));
}

function writtenDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The PDF text line that holds `label`, and the line after it (a value may wrap under it). */
function lineOf(text: string, label: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.includes(label));
  if (at < 0) throw new Error(`No “${label}” in the PDF:\n${text}`);
  return `${lines[at]}\n${lines[at + 1] ?? ''}`;
}

async function chooseDefaultTerms(page: Page, terms: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Payment terms' }).selectOption({ label: terms });
  await page.getByRole('button', { name: /^Save$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
}

test('a Net 30 invoice prints a due date 30 days after its issue date, with no clock time', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const settings = await extension.context.newPage();
  await settings.goto(extension.url('options.html'));
  await settings
    .getByRole('textbox', { name: 'Business email', exact: true })
    .fill('ada@lin.example');
  await chooseDefaultTerms(settings, 'Net 14');
  await settings.close();

  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '120' }]);
  await popup.getByRole('combobox', { name: 'Client name' }).fill('Acme GmbH');
  await popup.getByText('More options').click();
  const terms = popup.getByRole('combobox', { name: 'Payment terms' });
  // The profile's terms, until changed for this invoice.
  await expect(terms).toHaveValue('14');
  await terms.selectOption({ label: 'Net 30' });
  await popup.getByRole('textbox', { name: 'Client tax ID' }).fill('DE123456789');
  await popup.getByRole('button', { name: 'Create link' }).click();
  const link = popup.getByRole('link', { name: /^https?:\/\// });
  await expect(link).toBeVisible({ timeout: 15_000 });

  const opened = popup.context().waitForEvent('page');
  await popup.getByRole('link', { name: 'Invoice', exact: true }).click();
  const invoice = await opened;
  await expect(invoice.locator('[data-ready="true"]')).toBeVisible();
  const { text } = await printedPdf(invoice);

  const issued = parsedDay(lineOf(text, 'Issue date'));
  const due = lineOf(text, 'Due');
  const thirtyDaysLater = new Date(issued.getTime());
  thirtyDaysLater.setUTCDate(issued.getUTCDate() + 30);
  expect(due).toContain(writtenDay(thirtyDaysLater));
  expect(due).not.toMatch(/UTC|GMT|\d{1,2}:\d{2}/u);
  expect(text).toContain('Net 30');
  expect(text).toContain('Date of supply');
  expect(text).toContain('Tax ID: DE123456789');
  // The link's own validity, apart from the due date, with whom to ask for a new one.
  expect(text.replace(/\s+/gu, ' ')).toMatch(
    /This payment link works until .+; after that, ask for a new one at ada@lin\.example\./u,
  );
});
