import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { readHistory } from '../../../storage/history.ts';
import type { ResponseFor } from '../../../lib/messages.ts';
import { readHighWater } from '../../../storage/invoice-numbers.ts';
import { readRecentClients } from '../../../storage/recent-clients.ts';
import { readSettings } from '../../../storage/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createRequests } from '../../support/sandbox-traffic.ts';
import { ask, configure, order } from './helpers.ts';

type CreateAnswer = ResponseFor<'createCheckout'>;

let sandbox: Sandbox;
let handle: MessageHandler;

function create(requestId: string, overrides = {}): Promise<CreateAnswer> {
  return ask(handle, {
    type: 'createCheckout',
    requestId,
    order: order(overrides),
  }) as Promise<CreateAnswer>;
}

function sentReferences(): unknown[] {
  return createRequests(sandbox).map(
    (request) => (request.json as Record<string, unknown>).client_reference_id,
  );
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

describe('invoice numbers', () => {
  it('gives two creates at once two numbers, and sends each as the empty reference', async () => {
    sandbox.faults.add({ match: 'create', latencyMs: 100, times: 2 });
    const answers = await Promise.all([
      create('a', { reference: '' }),
      create('b', { reference: '' }),
    ]);
    const numbers = answers.map((answer) => (answer.ok ? answer.session.invoiceNumber : '?'));
    expect([...numbers].sort()).toEqual(['INV-0001', 'INV-0002']);
    expect([...sentReferences()].sort()).toEqual(['INV-0001', 'INV-0002']);
    expect((await readSettings()).business).toMatchObject({ nextInvoiceNumber: 3 });
    expect((await readHighWater()).highWater).toEqual({ 'INV-': 2 });
  });

  it('keeps a typed reference and still numbers the invoice', async () => {
    const answer = await create('a', { reference: 'PO-77' });
    expect(answer.ok && answer.session).toMatchObject({
      reference: 'PO-77',
      invoiceNumber: 'INV-0001',
    });
    expect(sentReferences()).toEqual(['PO-77']);
  });

  it('takes no number for a create Payfect refuses', async () => {
    sandbox.faults.add({
      match: 'create',
      respond: { status: 400, body: JSON.stringify({ detail: 'Invalid.' }) },
    });
    expect((await create('refused', { reference: '' })).ok).toBe(false);
    const answer = await create('next', { reference: '' });
    expect(answer.ok && answer.session.invoiceNumber).toBe('INV-0001');
  });

  it('never reuses a number: a lowered Next invoice number is raised past the issued ones', async () => {
    await create('a');
    await create('b');
    const settings = await readSettings();
    const saved = (await ask(handle, {
      type: 'saveSettings',
      settings: { ...settings, business: { ...settings.business, nextInvoiceNumber: 1 } },
    })) as ResponseFor<'saveSettings'>;
    expect(saved.ok && saved.settings.business.nextInvoiceNumber).toBe(3);
    // Even once the links are gone from History.
    const stored = await browser.storage.local.get(null);
    await browser.storage.local.remove(
      Object.keys(stored).filter((key) => key.startsWith('history')),
    );
    expect(await readHistory()).toEqual([]);
    const third = await create('c');
    expect(third.ok && third.session.invoiceNumber).toBe('INV-0003');
  });

  it('refuses a create once 999,999,999 is issued, sending nothing and keeping the profile', async () => {
    const settings = await readSettings();
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...settings, business: { ...settings.business, nextInvoiceNumber: 999_999_999 } },
    });
    const last = await create('last', { reference: '' });
    expect(last.ok && last.session.invoiceNumber).toBe('INV-999999999');
    const refused = await create('past', { reference: '' });
    expect(refused).toEqual({
      ok: false,
      error: {
        kind: 'invalid_request',
        message:
          'Every invoice number under the prefix “INV-” is used up. Choose another Invoice prefix in Settings → Invoices.',
      },
    });
    expect(createRequests(sandbox)).toHaveLength(1);
    // The profile is intact (its key and all), and Save keeps it storable.
    const after = await readSettings();
    expect((await readHighWater()).highWater).toEqual({ 'INV-': 999_999_999 });
    const saved = (await ask(handle, {
      type: 'saveSettings',
      settings: after,
    })) as ResponseFor<'saveSettings'>;
    expect(saved.ok && saved.settings.business.nextInvoiceNumber).toBe(999_999_999);
    expect((await create('again', { reference: '' })).ok).toBe(false);
    // Another prefix starts anew.
    await ask(handle, {
      type: 'saveSettings',
      settings: {
        ...after,
        business: { ...after.business, invoicePrefix: 'B-', nextInvoiceNumber: 1 },
      },
    });
    const next = await create('next', { reference: '' });
    expect(next.ok && next.session.invoiceNumber).toBe('B-0001');
  });

  it('keeps the client with the session and suggests it next time, never sending it', async () => {
    const client = { name: 'ACME Ltd', email: 'ap@acme.example', address: '1 Main St' };
    const answer = await create('a', { client });
    expect(answer.ok && answer.session.client).toEqual(client);
    expect((await readHistory())[0]?.client).toEqual(client);
    expect(await readRecentClients()).toEqual([client]);
    expect(JSON.stringify(createRequests(sandbox).map((request) => request.json))).not.toContain(
      'ACME',
    );
  });
});
