import { createLink, expect, historyRow, saveKey, startSlowCreate, test } from './fixtures.ts';
import { createRequests } from '../support/sandbox-traffic.ts';

/*
 * The Firefox build in real Firefox (Debian's firefox-esr, headless), installed as a temporary
 * add-on and driven over Marionette: the same user steps as the Chromium suite, by the
 * controls' roles, names and labels as Firefox's accessibility engine computes them.
 */

test('options → create → result, copied → History → paid after a refresh', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox);
  const session = await createLink(firefox, sandbox, 'Logo design', '120.5');
  expect(session.amountTotal).toBe('120.50');
  expect(await firefox.text()).toContain(session.url);
  await firefox.waitForText('Link copied');
  expect(await firefox.clipboardText()).toBe(session.url);

  await firefox.click('History', 'tab');
  expect(await historyRow(firefox, 'Logo design')).toContain('Open');
  expect(sandbox.pay(session.id).ok).toBe(true);
  await firefox.click('Refresh statuses');
  await firefox.waitForText('Checked 1 open link · 1 status changed');
  await expect.poll(() => historyRow(firefox, 'Logo design')).toContain('Complete');
  expect(await historyRow(firefox, 'Logo design')).toMatch(/Paid \d/);
});

test('a paid link shows Firefox’s own notification', async ({ firefox, sandbox }) => {
  await saveKey(firefox, sandbox);
  const session = await createLink(firefox, sandbox, 'Logo design', '120.5');
  await firefox.click('History', 'tab');
  expect(await firefox.notifications()).toEqual([]);

  expect(sandbox.pay(session.id).ok).toBe(true);
  await firefox.click('Refresh statuses');
  // It names the invoice (issue 23): the number, then the amount.
  const paid = { title: 'Payment received', text: 'INV-0001 paid — 120.50 USDT' };
  await expect.poll(() => firefox.notifications()).toEqual([paid]);
});

test('the passphrase lock: locked, the popup asks for it; unlocked, links are made, also after the background page restarts', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox, 'correct horse battery');
  await firefox.click('Lock now');
  await firefox.getByRole('status', { hasText: /^Locked/ });
  await firefox.open('popup.html');
  await firefox.fill('Passphrase', 'wrong horse battery');
  await firefox.click('Unlock');
  await firefox.waitForText('That passphrase does not unlock the key.');
  await firefox.fill('Passphrase', 'correct horse battery');
  await firefox.click('Unlock');
  await firefox.fill('Item name', 'Hosting');

  // The unlocked key is in storage.session, which outlives the background page.
  await firefox.stopBackground();
  await createLink(firefox, sandbox, 'Hosting', '9.99');
  expect(createRequests(sandbox).map((r) => r.headers.authorization)).toEqual([
    `Api-Key ${sandbox.keys[0]}`,
  ]);
});

test('the background page stopped mid-create: the outcome is unknown, the form is kept, nothing is sent twice', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox);
  await startSlowCreate(firefox, sandbox);
  await firefox.stopBackground();
  // The answer was lost with the page: only a restarted background page says this.
  await firefox.waitForText('The result of the last attempt is unknown');
  expect(await firefox.value('Item name')).toBe('Logo design');
  // Not sent again by the restarted background page.
  await new Promise((done) => setTimeout(done, 3500));
  expect(createRequests(sandbox)).toHaveLength(1);
});

test('a popup opened after the background page stopped mid-create shows the unknown outcome; the key and History are kept', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox);
  await createLink(firefox, sandbox, 'Hosting', '9.99');
  await startSlowCreate(firefox, sandbox);
  await firefox.open('options.html'); // the popup closes
  await firefox.stopBackground();

  await firefox.open('popup.html');
  await firefox.waitForText('The result of the last attempt is unknown');
  expect(await firefox.value('Item name')).toBe('Logo design');
  await firefox.click('History', 'tab');
  expect(await historyRow(firefox, 'Hosting')).toContain('Open');
  await firefox.click('New link', 'tab');
  await firefox.click('Create link');
  await firefox.waitForText('Link ready');
  expect(createRequests(sandbox)).toHaveLength(3);
  expect(createRequests(sandbox)[2]?.headers.authorization).toBe(`Api-Key ${sandbox.keys[0]}`);
});

test('a History row’s More actions menu draws its items when it opens, and Note saves a note', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox);
  await createLink(firefox, sandbox, 'Logo design', '120.5');
  await firefox.click('History', 'tab');
  await firefox.getByRole('listitem', { hasText: 'Logo design' });
  await firefox.click('More actions');
  await firefox.click('Note', 'menuitem');
  await firefox.getByRole('dialog', { name: /Logo design/ });
  await firefox.fill('Note', 'Sent to Acme on Slack');
  await firefox.click('Save');
  await expect.poll(() => historyRow(firefox, 'Logo design')).toContain('Sent to Acme on Slack');
});
