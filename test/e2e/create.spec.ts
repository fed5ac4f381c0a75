import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from '@playwright/test';
// Chromium's extension API inside the service worker, for reading what the extension stored.
declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
import type { Sandbox } from '../sandbox/server.ts';
import { expect, test } from './fixtures.ts';
import { clipboardText } from '../support/sandbox-traffic.ts';
import {
  configureExtension,
  connectToSandbox,
  createLink,
  fillItems,
  openPopup,
  SAMPLE_ITEMS,
} from '../support/flows.ts';

async function decodeQr(qr: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await qr.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

function createRequests(sandbox: Sandbox) {
  return sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/checkouts/');
}

test.describe('with a key saved', () => {
  test.beforeEach(async ({ extension, sandbox }) => {
    await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await connectToSandbox(extension, sandbox);
  });

  test('a two-item link is created, copied, and shown as a QR code', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillItems(popup, SAMPLE_ITEMS);
    await expect(popup.getByText(/Total/)).toContainText('240.38');
    await popup.getByRole('combobox', { name: 'Network' }).selectOption('tron');
    await popup.getByRole('textbox', { name: 'Reference' }).fill('INV-2026-042');
    const link = await createLink(popup);

    const [request] = createRequests(sandbox);
    expect(createRequests(sandbox)).toHaveLength(1);
    expect(request?.headers.authorization).toBe(`Api-Key ${sandbox.keys[0]}`);
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.json).toEqual({
      client_reference_id: 'INV-2026-042',
      currency: 'usdt',
      invoice_items: [
        {
          price_data: {
            product_data: { name: 'Logo design', description: 'Three concepts, two revisions' },
            currency: 'usdt',
            unit_amount: '120.5',
          },
          quantity: 1,
        },
        {
          price_data: { product_data: { name: 'Hosting' }, currency: 'usdt', unit_amount: '9.99' },
          quantity: 12,
        },
      ],
      payment_method_data: {
        type: 'cryptopaymentmethoddetail',
        paymentMethodDetail: { currency: 'usdt', network: 'tron' },
      },
    });

    const [session] = [...sandbox.sessions.values()];
    expect(link).toBe(session?.url);
    await expect(popup.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await clipboardText(popup)).toBe(link);
    expect(await decodeQr(popup.getByRole('img', { name: 'QR code' }))).toBe(link);
    await expect(popup.getByText('240.38 USDT')).toBeVisible();
    await expect(popup.getByText(/Test mode/)).toBeVisible();

    await popup.getByRole('button', { name: 'Copy message' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Message copied' })).toBeVisible();
    // The expiry is written in the browser's own locale and time zone: only its place is fixed.
    const message = await clipboardText(popup);
    expect(message.startsWith(`Logo design + 1 more — 240.38 USDT: ${link} · `)).toBe(true);
    expect(message).toMatch(/ · Pay in USDT on Tron \(TRC20\) only · Valid until \S.*\d:\d\d\b/);
    await expect(popup.getByRole('button', { name: 'Open link' })).toBeVisible();
  });

  test('a link priced in TWD is sent in TWD, paid in USDT, and shows the total Payfect returned', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillItems(popup, [{ name: 'Translation', unitPrice: '600', quantity: '2' }]);
    await popup.getByRole('combobox', { name: 'Currency' }).selectOption({ label: 'TWD (NT$)' });
    // Grouped as the browser's language (en-US here) writes numbers.
    await expect(popup.getByText(/Total/)).toContainText('1,200.00 TWD');
    await createLink(popup);

    const [request] = createRequests(sandbox);
    expect(request?.json).toMatchObject({
      currency: 'twd',
      invoice_items: [{ price_data: { currency: 'twd', unit_amount: '600' }, quantity: 2 }],
      payment_method_data: { paymentMethodDetail: { currency: 'usdt', network: 'tron' } },
    });
    const [session] = [...sandbox.sessions.values()];
    expect(session?.amountTotal).toBe('1200.00');
    await expect(popup.getByText('1,200.00 TWD')).toBeVisible();
    await expect(
      popup.getByText('Paid in USDT — Payfect converts the TWD amount at checkout.'),
    ).toBeVisible();

    await popup.getByRole('button', { name: 'Copy message' }).click();
    expect(await clipboardText(popup)).toContain(
      '· Pay in USDT on Tron (TRC20) only — the TWD amount is converted to USDT on Payfect’s checkout page ·',
    );
  });

  test('once a link was seen, the next popup is a new form in its currency, the link one click away', async ({
    extension,
  }) => {
    const popup = await openPopup(extension);
    await fillItems(popup, [{ name: 'Translation', unitPrice: '600' }]);
    await popup.getByRole('combobox', { name: 'Currency' }).selectOption({ label: 'TWD (NT$)' });
    const link = await createLink(popup);
    await popup.close();

    const again = await openPopup(extension);
    await expect(again.getByRole('textbox', { name: 'Item name' })).toHaveValue('');
    await expect(again.getByRole('combobox', { name: 'Currency' })).toHaveValue('twd');
    await again.getByRole('button', { name: 'Last link: 600.00 TWD' }).click();
    await expect(again.getByRole('link', { name: link })).toBeVisible();

    // "New link" again: the new form keeps TWD; a price typed replaces "Last link" by the total.
    await again.getByRole('tab', { name: 'New link' }).click();
    await expect(again.getByRole('combobox', { name: 'Currency' })).toHaveValue('twd');
    await again.getByRole('textbox', { name: 'Unit price' }).fill('75');
    await expect(again.getByRole('button', { name: /^Last link/ })).toHaveCount(0);
    await expect(again.getByText(/Total/)).toContainText('75.00 TWD');
  });

  test('the price field names the currency, and a form not in the usual one says so before Create link', async ({
    extension,
  }) => {
    const popup = await openPopup(extension);
    const price = popup.getByRole('textbox', { name: 'Unit price' });
    const notUsual = popup.getByText(/not your usual/);
    await expect(price).toHaveAccessibleDescription('USDT');
    await expect(notUsual).toHaveCount(0);
    await fillItems(popup, [{ name: 'Hosting', unitPrice: '75' }]);
    await popup.getByRole('combobox', { name: 'Currency' }).selectOption('usd');
    await createLink(popup);
    await popup.close();

    // Friday's first link, typed by keyboard: Thursday's USD carried over, and it shows.
    const friday = await openPopup(extension);
    const fridayPrice = friday.getByRole('textbox', { name: 'Unit price' });
    await expect(fridayPrice).toHaveAccessibleDescription('USD');
    await expect(friday.locator('.field-suffix')).toHaveText('USD');
    await expect(friday.getByText('This link is in USD, not your usual USDT.')).toBeVisible();
    await expect(friday.getByRole('button', { name: 'Create link' })).toHaveAccessibleDescription(
      'This link is in USD, not your usual USDT.',
    );
    // Its name stays the one PRODUCT.md fixes.
    await expect(friday.getByRole('textbox', { name: 'Unit price', exact: true })).toHaveCount(1);
  });

  test('a half-typed form survives closing and reopening the popup', async ({ extension }) => {
    const popup = await openPopup(extension);
    await popup.getByRole('textbox', { name: 'Item name' }).fill('Website audit');
    await popup.getByRole('textbox', { name: 'Unit price' }).fill('75');
    await popup.close();

    const again = await openPopup(extension);
    await expect(again.getByRole('textbox', { name: 'Item name' })).toHaveValue('Website audit');
    await expect(again.getByRole('textbox', { name: 'Unit price' })).toHaveValue('75');
  });

  test('closing the popup right after "Create link" still records the session', async ({
    extension,
    sandbox,
  }) => {
    sandbox.faults.add({ match: 'create', latencyMs: 1_500 });
    const popup = await openPopup(extension);
    await fillItems(popup, SAMPLE_ITEMS.slice(0, 1));
    await popup.getByRole('button', { name: 'Create link' }).click();
    await expect.poll(() => createRequests(sandbox).length).toBe(1);
    await popup.close();

    await expect.poll(() => sandbox.sessions.size).toBe(1);
    const [session] = [...sandbox.sessions.values()];
    const again = await openPopup(extension);
    await expect(again.getByRole('link', { name: session?.url ?? '' })).toBeVisible();
    const stored = await extension.worker.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).toContain(session?.id ?? 'missing');
  });

  test('a double click and Enter spam create exactly one session', async ({
    extension,
    sandbox,
  }) => {
    sandbox.faults.add({ match: 'create', latencyMs: 500 });
    const popup = await openPopup(extension);
    await fillItems(popup, SAMPLE_ITEMS.slice(0, 1));
    await popup.getByRole('button', { name: 'Create link' }).dblclick();
    await popup
      .getByRole('textbox', { name: 'Item name' })
      .press('Enter')
      .catch(() => undefined);
    await expect(popup.getByRole('link', { name: /^http/ })).toBeVisible();
    expect(createRequests(sandbox)).toHaveLength(1);
  });

  test('a removed item leaves the total and the request', async ({ extension, sandbox }) => {
    const popup = await openPopup(extension);
    await fillItems(popup, SAMPLE_ITEMS);
    await expect(popup.getByText(/Total/)).toContainText('240.38');
    await popup.getByRole('button', { name: 'Remove item' }).first().click();
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveCount(1);
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toHaveValue('Hosting');
    await expect(popup.getByText(/Total/)).toContainText('119.88');
    // With one item left there is nothing to remove.
    await expect(popup.getByRole('button', { name: 'Remove item' })).toHaveCount(0);
    await createLink(popup);
    expect(createRequests(sandbox)[0]?.json).toMatchObject({
      invoice_items: [{ price_data: { product_data: { name: 'Hosting' } }, quantity: 12 }],
    });
  });

  test('an invalid price is explained beside its field and nothing is sent', async ({
    extension,
    sandbox,
  }) => {
    const popup = await openPopup(extension);
    await fillItems(popup, [{ name: 'Consulting', unitPrice: '1.000,50' }]);
    await popup.getByRole('button', { name: 'Create link' }).click();
    const price = popup.getByRole('textbox', { name: 'Unit price' });
    await expect(price).toHaveAttribute('aria-invalid', 'true');
    await expect(price).toHaveAccessibleDescription(/Use a point for decimals/);
    await expect(price).toBeFocused();
    expect(createRequests(sandbox)).toHaveLength(0);
  });
});

test('without a key the popup says so and sends nothing', async ({ extension, sandbox }) => {
  const popup = await openPopup(extension);
  await expect(popup.getByText('Add your Payfect API key to start.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Create link' })).toHaveCount(0);
  expect(sandbox.requests).toHaveLength(0);
});

test('a wrong key is reported and the form stays filled', async ({ extension, sandbox }) => {
  await configureExtension(extension, { apiKey: 'not-the-key', baseUrl: sandbox.apiBaseUrl });
  const popup = await openPopup(extension);
  await fillItems(popup, SAMPLE_ITEMS);
  await popup.getByRole('button', { name: 'Create link' }).click();
  await expect(popup.getByRole('alert')).toContainText('Payfect rejected the API key');
  await expect(popup.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Item name' }).first()).toHaveValue(
    'Logo design',
  );
  await expect(popup.getByRole('textbox', { name: 'Unit price' }).nth(1)).toHaveValue('9.99');
});
