import type { Page } from '@playwright/test';
import { POLL_ALARM } from '../../lib/polling-policy.ts';
import { startSandbox } from '../sandbox/server.ts';
import {
  connectToSandbox,
  createLink,
  fillItems,
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

function idOf(link: string): string {
  return new URL(link).pathname.split('/').pop() ?? '';
}

async function readDownload(popup: Page, button: string): Promise<string> {
  const download = popup.waitForEvent('download');
  await popup.getByRole('button', { name: button }).click();
  let text = '';
  for await (const chunk of await (await download).createReadStream()) text += String(chunk);
  return text;
}

test('an expired link is renewed in one click with the same items and the reference -R2', async ({
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
  await expired.getByRole('button', { name: 'Renew' }).click();

  await expect(
    popup.getByRole('status').filter({ hasText: 'Renewed — new link copied' }),
  ).toBeVisible();
  const requests = createRequests(sandbox);
  expect(requests).toHaveLength(2);
  const [original, renewal] = requests.map((request) => request.json);
  expect(renewal).toEqual({ ...(original as object), client_reference_id: 'INV-77-R2' });
  const copied = await clipboardText(popup);
  expect(copied).not.toBe(first);
  expect(sandbox.sessions.get(idOf(copied))?.status).toBe('open');

  // Newest first: the renewal, open; then the original, marked and without a second Renew.
  const rows = popup.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('INV-77-R2');
  await expect(rows.first()).toContainText('Open');
  await expect(rows.nth(1)).toContainText('Renewed');
  await expect(rows.nth(1).getByRole('button', { name: 'Renew' })).toHaveCount(0);
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
  expect(
    header.endsWith(
      ',note,tags,profile,invoice_number,client_name,client_email,client_address,po_number',
    ),
  ).toBe(true);
  expect(row).toContain('Logo design');
  // Then the profile that made the link, its invoice number, and no client nor PO number.
  expect(
    row.endsWith(',"Paid half upfront\nRest on delivery","acme; retainer",Default,INV-0001,,,,'),
  ).toBe(true);
});

test('an open link close to expiry raises one reminder and offers Renew', async ({ extension }) => {
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
    await expect(row.getByRole('button', { name: 'Renew' })).toBeVisible();
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
