import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { orderToRequest } from '../../../entrypoints/background/order-to-request.ts';
import { MAX_ITEMS } from '../../../lib/order.ts';
import { renewalOrder } from '../../../lib/renewal.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { readHistory } from '../../../storage/history.ts';
import { readSettings } from '../../../storage/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, createSession, order } from './helpers.ts';

/* The worker's side of tax (lib/tax.ts): what it sends, keeps, renews and refuses. */

const NET_ITEMS = [
  { name: 'Design', description: '', unitAmount: '100', quantity: 1 },
  { name: 'Hosting', description: '', unitAmount: '19.99', quantity: 1 },
];
const TAXED = { taxMode: 'tax', taxRate: '20', taxLabel: 'VAT' };

let sandbox: Sandbox;
let handle: MessageHandler;

function creates(): number {
  return sandbox.requests.filter((request) => request.method === 'POST').length;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  handle = createMessageHandler();
  await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
});

describe('a taxed create', () => {
  it('is answered with Payfect’s gross, and keeps the net items and the tax as sent', async () => {
    const record = await createSession(handle, 'r1', {
      order: order({ items: NET_ITEMS, currency: 'usd', ...TAXED }),
    });
    expect(record.amountTotal).toBe('143.99');
    expect(record.items).toHaveLength(2);
    expect(record).toMatchObject(TAXED);
    expect((await readHistory())[0]).toMatchObject({ ...TAXED, amountTotal: '143.99' });
  });

  it('is renewed with its tax, whose line is derived again', async () => {
    const record = await createSession(handle, 'r1', {
      order: order({ items: NET_ITEMS, currency: 'usd', ...TAXED }),
    });
    const renewed = renewalOrder(record, DEFAULT_SETTINGS);
    if (!renewed.ok) throw new Error(renewed.error);
    expect(renewed.value).toMatchObject(TAXED);
    expect(renewed.value.items).toHaveLength(2);
    expect(orderToRequest(renewed.value).invoice_items.at(-1)?.price_data.unit_amount).toBe('24');
  });

  it('is refused, and nothing sent, for Reverse charge without the client’s tax ID', async () => {
    const answer = await ask(handle, {
      type: 'createCheckout',
      requestId: 'r1',
      order: order({
        items: NET_ITEMS,
        taxMode: 'reverse',
        client: { name: 'Acme', email: '', address: '' },
      }),
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        fields: { clientTaxId: "Reverse charge needs the client's tax ID." },
      },
    });
    expect(creates()).toBe(0);
  });

  it(`is refused, and nothing sent, with ${MAX_ITEMS} items and a tax line`, async () => {
    const items = Array.from({ length: MAX_ITEMS }, (_, index) => ({
      name: `Item ${index + 1}`,
      description: '',
      unitAmount: '1',
      quantity: 1,
    }));
    const answer = await ask(handle, {
      type: 'createCheckout',
      requestId: 'r1',
      order: order({ items, ...TAXED }),
    });
    expect(answer).toMatchObject({ ok: false, error: { fields: { items: expect.any(String) } } });
    expect(creates()).toBe(0);
  });
});

describe('the profile’s tax defaults', () => {
  it('are saved with the rate canonical and an empty label as "Tax"', async () => {
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...(await readSettings()), taxMode: 'tax', taxRate: ' 5.50 % ', taxLabel: ' ' },
    });
    expect(await readSettings()).toMatchObject({ taxMode: 'tax', taxRate: '5.5', taxLabel: 'Tax' });
  });

  it('are refused with Tax and no rate, or a rate past 100', async () => {
    for (const taxRate of ['', '101']) {
      const answer = await ask(handle, {
        type: 'saveSettings',
        settings: { ...(await readSettings()), taxMode: 'tax', taxRate },
      });
      expect(answer).toMatchObject({
        ok: false,
        error: { fields: { taxRate: expect.any(String) } },
      });
    }
    expect(await readSettings()).toMatchObject({ taxMode: 'none' });
  });
});
