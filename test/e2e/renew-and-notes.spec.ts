import type { Page } from '@playwright/test';
import { POLL_ALARM } from '../../lib/polling-policy.ts';
import { startSandbox } from '../sandbox/server.ts';
import {
  connectToSandbox,
  createLink,
  fillItems,
  idOf,
  openPopup,
  SAMPLE_ITEMS,
} from '../support/flows.ts';
import { clipboardText, createRequests } from '../support/sandbox-traffic.ts';
import { expect, test } from './fixtures.ts';

// Chromium's extension APIs inside the service worker: what the tests read back or fire.
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  notifications: {
    getAll(): Promise<Record<string, unknown>>;
    clear(id: string): Promise<boolean>;
  };
};

async function readDownload(popup: Page, button: string): Promise<string> {
  const download = popup.waitForEvent('download');
  await popup.getByRole('button', { name: button }).click();
  let text = '';
  for await (const chunk of await (await download).createReadStream()) text += String(chunk);
  return text;
}

test('an expired link gets a new payment link in one click: same items, reference and invoice, one row', async ({
  extension,
  sandbox,
}) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, SAMPLE_ITEMS);
  await popup.getByRole('textbox', { name: 'Reference' }).fill('INV-77');
  const first = await createLink(popup);
  expect(sandbox.expire(idOf(first)).ok).toBe(true);

  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  const expired = popup.getByRole('listitem').filter({ hasText: 'INV-77' });
  await expect(expired).toContainText('Expired');
  await expired.getByRole('button', { name: 'New payment link' }).click();

  await expect(
    popup.getByRole('status').filter({ hasText: 'New payment link copied' }),
  ).toBeVisible();
  const requests = createRequests(sandbox);
  expect(requests).toHaveLength(2);
  const [original, renewal] = requests.map((request) => request.json);
  // The very same order: the reference is the invoice's, with no "-R2".
  expect(renewal).toEqual(original);
  const copied = await clipboardText(popup);
  expect(copied).not.toBe(first);
  expect(sandbox.sessions.get(idOf(copied))?.status).toBe('open');

  // One row for the invoice: its new link, open, under the same number; no second button.
  const rows = popup.getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('INV-77');
  await expect(rows.first()).toContainText('Open');
  await expect(rows.first().getByRole('button', { name: 'New payment link' })).toHaveCount(0);
  await expect(popup.getByText('1 link', { exact: true })).toBeVisible();

  // The earlier link is in its details, with its status.
  await rows.first().getByRole('button', { name: 'More actions' }).click();
  await popup.getByRole('menuitem', { name: 'Earlier links (1)' }).click();
  const details = popup.getByRole('dialog', { name: /Earlier links of INV-0001/ });
  const earlier = details.getByRole('listitem');
  await expect(earlier).toHaveCount(1);
  await expect(earlier).toContainText('Expired');
  await expect(earlier).toContainText(first);
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toBeHidden();

  // Searching or filtering never brings the replaced link back as a row of its own.
  await popup.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Expired' });
  await expect(popup.getByText('No links match.')).toBeVisible();
  await popup.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
  await popup.getByRole('searchbox', { name: 'Search' }).fill('inv-77');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
});

test('a note and tags are saved on a link, found by search and exported', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '120.5' }]);
  await createLink(popup);
  await popup.getByRole('tab', { name: 'New link' }).click();
  await fillItems(popup, [{ name: 'Hosting', unitPrice: '9.99' }]);
  await createLink(popup);

  await popup.getByRole('tab', { name: 'History' }).click();
  const logo = popup.getByRole('listitem').filter({ hasText: 'Logo design' });
  await logo.getByRole('button', { name: 'More actions' }).click();
  await popup.getByRole('menuitem', { name: 'Note' }).click();
  const dialog = popup.getByRole('dialog', { name: /Logo design/ });
  await dialog.getByRole('textbox', { name: 'Tags' }).fill('x'.repeat(31));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Tags' })).toHaveAccessibleDescription(
    /30 characters/,
  );
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Paid half upfront\nRest on delivery');
  await dialog.getByRole('textbox', { name: 'Tags' }).fill('Acme, Retainer, acme');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(logo).toContainText('acme');
  await expect(logo).toContainText('retainer');
  await expect(logo).toContainText('Paid half upfront');
  await expect(logo).not.toContainText('Rest on delivery');

  await popup.getByRole('searchbox', { name: 'Search' }).fill('retainer');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await expect(popup.getByRole('listitem')).toContainText('Logo design');

  const csv = await readDownload(popup, 'Export CSV');
  const [header = '', row = ''] = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toContain(
    ',note,tags,profile,invoice_number,client_name,client_email,client_address,client_tax_id,po_number,payment_terms_days,supply_date,',
  );
  // One row per invoice: its own columns come last, so the link's keep their places.
  expect(
    header.endsWith(
      ',invoice_status,issue_date,due_date,paid_date,net,tax,gross,items_currency,links',
    ),
  ).toBe(true);
  expect(row).toContain('Logo design');
  // Then the profile that made the link, its invoice number, no client nor PO number, Net 30.
  expect(row).toContain(
    ',"Paid half upfront\nRest on delivery","acme; retainer",Default,INV-0001,,,,,,30,',
  );
  expect(row).toMatch(/,unpaid,[\d-]{10},[\d-]{10},,[\d.]+,0\.00,[\d.]+,USDT,1$/u);
});

test('an open link close to expiry raises one reminder and offers New payment link', async ({
  extension,
}) => {
  // Every link on this sandbox lives 30 minutes: inside the default one-hour reminder.
  const sandbox = await startSandbox({ port: 0, quiet: true, lifetimeMs: 30 * 60_000 });
  try {
    await connectToSandbox(extension, sandbox);
    const popup = await openPopup(extension);
    await fillItems(popup, [{ name: 'Logo design', unitPrice: '20.5' }]);
    const id = idOf(await createLink(popup));

    const worker = extension.worker;
    const reminder = `reminder:${id}`;
    await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), POLL_ALARM);
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())))
      .toEqual([reminder]);

    // Once only: after it is dismissed, a later check does not raise it again.
    await worker.evaluate((name) => chrome.notifications.clear(name), reminder);
    await popup.getByRole('tab', { name: 'History' }).click();
    await popup.getByRole('button', { name: 'Refresh statuses' }).click();
    await expect(
      popup.getByRole('status').filter({ hasText: 'Checked 1 open link' }),
    ).toBeVisible();
    expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({});

    const row = popup.getByRole('listitem').filter({ hasText: 'Logo design' });
    await expect(row).toContainText('Open');
    await expect(row).toContainText(/\d+ min left/);
    await expect(row.getByRole('button', { name: 'New payment link' })).toBeVisible();
  } finally {
    await sandbox.close();
  }
});

test('the reminder time is set in Settings and checked like the other fields', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('options.html'));
  const field = page.getByRole('spinbutton', { name: 'Remind before expiry (minutes)' });
  await expect(field).toHaveValue('60');
  await field.fill('2000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(field).toHaveAccessibleDescription(/from 0 to 1,440/);
  await expect(field).toBeFocused();
  await field.fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(field).toHaveValue('0');
});
