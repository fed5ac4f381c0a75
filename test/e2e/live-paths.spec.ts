import type { Locator, Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { prefillFromSelection } from '../../lib/prefill.ts';
import {
  configureExtension,
  connectToSandbox,
  createLink,
  fillItems,
  idOf,
  openPopup,
  setDueDate,
} from '../support/flows.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { createRequests } from '../support/sandbox-traffic.ts';
import { order } from '../unit/factories.ts';
import { expect, test } from './fixtures.ts';

// Chromium's extension APIs, in the worker and in the extension's pages.
declare const chrome: {
  storage: {
    local: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/*
 * "This creates a real payment link" on every path that makes a link, enforced by the worker
 * (lib/live-question.ts): a renewed, a reminded, a context-menu and a second-popup create with
 * a key known to be live each ask first, and the sandbox receives nothing before the answer.
 * A message crafted on an extension page, without the answer, is refused.
 */

const LIVE = 'sandbox-live-key-0000-0000-000000000031';
const QUESTION = /This profile’s key is a live key: your client pays real USDT\./;

test.use({ sandboxOptions: { liveKeys: [LIVE] } });

/** Saves the live key in Settings, then marks it as Test connection leaves a live key. */
async function useLiveKey(extension: ExtensionBrowser, apiBaseUrl: string) {
  await configureExtension(extension, { apiKey: LIVE, baseUrl: apiBaseUrl });
  await extension.worker.evaluate(() => chrome.storage.local.set({ keyMode: 'live' }));
}

/** A link made with the test key, run out at the sandbox, and the live key saved since. */
async function expiredTestLink(extension: ExtensionBrowser, sandbox: Sandbox): Promise<string> {
  await connectToSandbox(extension, sandbox);
  const popup = await openPopup(extension);
  await fillItems(popup, [{ name: 'Logo design', unitPrice: '80' }]);
  const link = await createLink(popup);
  await popup.close();
  expect(sandbox.expire(idOf(link)).ok).toBe(true);
  await useLiveKey(extension, sandbox.apiBaseUrl);
  return link;
}

async function historyRow(extension: ExtensionBrowser, text: string): Promise<Locator> {
  const popup = await openPopup(extension);
  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  const row = popup.getByRole('listitem').filter({ hasText: text });
  await expect(row.getByText('Expired', { exact: true })).toBeVisible();
  return row;
}

/** The question as History puts it: a dialog named by it, its sentence, its answer focused. */
async function expectLiveDialog(popup: Page): Promise<Locator> {
  const dialog = popup.getByRole('dialog', { name: 'This creates a real payment link.' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(QUESTION);
  await expect(dialog.getByRole('button', { name: 'Create real link' })).toBeFocused();
  return dialog;
}

test('New payment link with a live key asks first; Escape sends nothing, Enter makes it', async ({
  extension,
  sandbox,
}) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expiredTestLink(extension, sandbox);
  const row = await historyRow(extension, 'Logo design');
  const popup = row.page();

  await row.getByRole('button', { name: 'New payment link' }).click();
  await expectLiveDialog(popup);
  expect(createRequests(sandbox)).toHaveLength(1);
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('dialog')).toHaveCount(0);
  expect(createRequests(sandbox)).toHaveLength(1);
  await expect(row.getByRole('button', { name: 'New payment link' })).toBeFocused();

  await row.getByRole('button', { name: 'New payment link' }).click();
  await expectLiveDialog(popup);
  await popup.keyboard.press('Enter');
  await expect(
    popup.getByRole('status').filter({ hasText: 'New payment link copied' }),
  ).toBeVisible();
  expect(createRequests(sandbox)).toHaveLength(2);
});

test('Copy reminder of an overdue invoice whose link expired asks before its new link', async ({
  extension,
  sandbox,
}) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await expiredTestLink(extension, sandbox);
  await setDueDate(extension, idOf(link), '2020-01-15');
  const row = await historyRow(extension, 'Logo design');
  const popup = row.page();
  await expect(row.getByText('Overdue', { exact: true })).toBeVisible();

  const remind = async () => {
    await row.getByRole('button', { name: 'More actions' }).click();
    await popup.getByRole('menuitem', { name: 'Copy reminder' }).click();
  };
  await remind();
  const dialog = await expectLiveDialog(popup);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(createRequests(sandbox)).toHaveLength(1);

  await remind();
  await (await expectLiveDialog(popup)).getByRole('button', { name: 'Create real link' }).click();
  await expect(popup.getByRole('status').filter({ hasText: /reminder copied/ })).toBeVisible();
  expect(createRequests(sandbox)).toHaveLength(2);
});

test('the form the context menu fills asks before its link', async ({ extension, sandbox }) => {
  await useLiveKey(extension, sandbox.apiBaseUrl);
  // What the menu's click stores (its handler is covered by test/unit/background/menus.test.ts).
  const prefill = prefillFromSelection({
    text: 'Logo design — 80 USDT',
    pageTitle: 'Acme logo brief',
    now: Date.now(),
  });
  await extension.worker.evaluate((value) => chrome.storage.local.set({ prefill: value }), prefill);
  const popup = await openPopup(extension);
  await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue('Acme logo brief');

  await popup.getByRole('button', { name: 'Create link' }).click();
  const confirm = popup.getByRole('button', { name: 'Create real link' });
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveAccessibleDescription(QUESTION);
  expect(createRequests(sandbox)).toHaveLength(0);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('link', { name: /^https?:\/\// })).toBeVisible();
  expect(createRequests(sandbox)).toHaveLength(1);
});

test('a second popup asks on its own, and one opened before the key was live is asked by the worker', async ({
  extension,
  sandbox,
}) => {
  // Opened while the key was known to be a test key: this popup sees no question to ask.
  await connectToSandbox(extension, sandbox);
  await extension.worker.evaluate(() => chrome.storage.local.set({ keyMode: 'test' }));
  const stale = await openPopup(extension);
  await fillItems(stale, [{ name: 'Hosting', unitPrice: '9' }]);

  await useLiveKey(extension, sandbox.apiBaseUrl);
  const first = await openPopup(extension);
  const second = await openPopup(extension);
  await fillItems(first, [{ name: 'Logo design', unitPrice: '80' }]);
  await fillItems(second, [{ name: 'Support', unitPrice: '5' }]);
  await first.getByRole('button', { name: 'Create link' }).click();
  await expect(first.getByRole('button', { name: 'Create real link' })).toBeFocused();
  await second.getByRole('button', { name: 'Create link' }).click();
  await expect(second.getByRole('button', { name: 'Create real link' })).toBeFocused();

  // The worker asks where the popup did not know to.
  await stale.getByRole('button', { name: 'Create link' }).click();
  const asked = stale.getByRole('button', { name: 'Create real link' });
  await expect(asked).toBeFocused();
  await expect(asked).toHaveAccessibleDescription(QUESTION);
  expect(createRequests(sandbox)).toHaveLength(0);

  await stale.keyboard.press('Enter');
  await expect(stale.getByRole('link', { name: /^https?:\/\// })).toBeVisible();
  expect(createRequests(sandbox)).toHaveLength(1);
});

test('a createCheckout crafted on an extension page without the answer is refused', async ({
  extension,
  sandbox,
}) => {
  await useLiveKey(extension, sandbox.apiBaseUrl);
  const page = await openPopup(extension);
  const answer = await page.evaluate(
    (sent) =>
      chrome.runtime.sendMessage({ type: 'createCheckout', requestId: 'crafted-1', order: sent }),
    order(),
  );
  expect(answer).toMatchObject({ ok: false, error: { kind: 'live_unconfirmed' } });
  const confirmed = await page.evaluate(
    (sent) =>
      chrome.runtime.sendMessage({
        type: 'createCheckout',
        requestId: 'crafted-2',
        order: sent,
        liveConfirmed: true,
      }),
    order(),
  );
  expect(confirmed).toMatchObject({ ok: true });
  expect(createRequests(sandbox)).toHaveLength(1);
});
