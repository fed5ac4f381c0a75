import type { Page } from '@playwright/test';
import { POLL_ALARM } from '../../lib/polling-policy.ts';
import { startSandbox } from '../sandbox/server.ts';
import { connectToSandbox, createLink, fillItems, openPopup } from '../support/flows.ts';
import { expect, test } from './fixtures.ts';

// Chromium's extension APIs inside the service worker: what the tests read back or fire.
declare const chrome: {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<object | undefined>;
  };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  action: { getBadgeText(details: object): Promise<string> };
};

async function createOne(popup: Page, name: string, unitPrice: string): Promise<string> {
  await popup.getByRole('tab', { name: 'New link' }).click();
  await fillItems(popup, [{ name, unitPrice }]);
  const link = await createLink(popup);
  return new URL(link).pathname.split('/').pop() ?? '';
}

function row(popup: Page, name: string) {
  return popup.getByRole('listitem').filter({ hasText: name });
}

test('Refresh statuses shows which links were paid, which expired and which are open', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  const paid = await createOne(popup, 'Logo design', '120.5');
  const expired = await createOne(popup, 'Hosting', '9.99');
  await createOne(popup, 'Website audit', '75');
  expect(sandbox.pay(paid).ok).toBe(true);
  expect(sandbox.expire(expired).ok).toBe(true);

  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  await expect(row(popup, 'Logo design')).toContainText('Complete');
  await expect(row(popup, 'Hosting')).toContainText('Expired');
  await expect(row(popup, 'Website audit')).toContainText('Open');
  await expect(row(popup, 'Logo design')).toContainText('120.50 USDT');
  await expect(row(popup, 'Logo design')).toContainText('Test');
  // When it was seen paid; and a settled link is not handed out again (it takes no money).
  await expect(row(popup, 'Logo design')).toContainText(/Paid \d+ \w{3}, \d+:\d\d/);
  // One action in view per row, fitting its state; the rest behind "More actions".
  await expect(
    row(popup, 'Hosting').getByRole('button', { name: 'New payment link' }),
  ).toBeVisible();
  await expect(
    row(popup, 'Website audit').getByRole('button', { name: 'Copy link' }),
  ).toBeVisible();
  const menuOf = async (name: string) => {
    await row(popup, name).getByRole('button', { name: 'More actions' }).click();
    const menu = popup.getByRole('menu', { name: 'More actions' });
    await expect(menu).toBeVisible();
    const items = await menu.getByRole('menuitem').allTextContents();
    await popup.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    return items;
  };
  for (const settled of ['Logo design', 'Hosting']) {
    await expect(row(popup, settled).getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  }
  // Paid: nothing to ask for, nothing to change. Unpaid: its invoice can be chased, corrected, voided.
  expect(await menuOf('Logo design')).toEqual(['Open link', 'Note']);
  const invoiceActions = ['Correct details', 'Void invoice', 'Note'];
  expect(await menuOf('Hosting')).toEqual(['Copy reminder', 'Open link', ...invoiceActions]);
  expect(await menuOf('Website audit')).toEqual([
    'Copy message',
    'QR code',
    'Copy reminder',
    'Open link',
    ...invoiceActions,
  ]);

  // Newest first.
  await expect(popup.getByRole('listitem').first()).toContainText('Website audit');

  await popup.getByRole('searchbox', { name: 'Search' }).fill('hosting');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await popup.getByRole('searchbox', { name: 'Search' }).fill('');
  await popup.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Open' });
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await expect(popup.getByRole('listitem')).toContainText('Website audit');

  const download = popup.waitForEvent('download');
  await popup.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += String(chunk);
  expect(text).toContain('id,url,status,amount_total');
  expect(text).toContain('Website audit');
  expect(text).not.toContain('Hosting');
  expect(text).toContain(',paid_at,');
});

test('a link made after an earlier one was paid is followed too: Complete, notified, counted', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  const worker = extension.worker;
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
  const notified = async () =>
    Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).toSorted();
  const polling = () =>
    worker.evaluate(async (name) => (await chrome.alarms.get(name)) !== undefined, POLL_ALARM);

  const first = await createOne(popup, 'Logo design', '120.5');
  await expect.poll(badge).toBe('1');
  expect(sandbox.pay(first).ok).toBe(true);
  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  await expect(row(popup, 'Logo design')).toContainText('Complete');
  await expect.poll(badge).toBe('');
  expect(await notified()).toEqual([first]);

  // Before the fix, this link went into the chunk the first status check had marked settled:
  // no badge, no alarm, no notification, and Open in History for ever.
  const second = await createOne(popup, 'Hosting', '9.99');
  await expect.poll(badge).toBe('1');
  expect(await polling()).toBe(true);
  expect(sandbox.pay(second).ok).toBe(true);
  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  await expect(row(popup, 'Hosting')).toContainText('Complete');
  await expect(row(popup, 'Logo design')).toContainText('Complete');
  await expect.poll(badge).toBe('');
  expect(await notified()).toEqual([first, second].toSorted());
  expect(await polling()).toBe(false);
});

test('a link paid while the popup is closed raises a notification and lowers the badge', async ({
  extension,
  sandbox,
}) => {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Standard Plan', unitPrice: '20.5' }]);
  const link = await createLink(popup);
  await popup.close();
  const id = new URL(link).pathname.split('/').pop() ?? '';

  const worker = extension.worker;
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  expect(sandbox.pay(id).ok).toBe(true);
  // Fire the poll now rather than wait a minute for the periodic alarm.
  await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), POLL_ALARM);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  const notifications = await worker.evaluate(() => chrome.notifications.getAll());
  expect(Object.keys(notifications)).toHaveLength(1);
});

test('an open link past its expiry shows Expired even when Payfect cannot be reached', async ({
  extension,
}) => {
  const shortLived = await startSandbox({ port: 0, quiet: true, lifetimeMs: 1_500 });
  await connectToSandbox(extension, shortLived);
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Quick fix', unitPrice: '5' }]);
  await createLink(popup);
  await shortLived.close();
  await popup.waitForTimeout(2_000);

  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(row(popup, 'Quick fix')).toContainText('Expired');
});
