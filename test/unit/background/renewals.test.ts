import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { updateSession } from '../../../entrypoints/background/history-store.ts';
import { readHistory } from '../../../storage/history.ts';
import { ResponseSchemas } from '../../../lib/messages.ts';
import type { Order } from '../../../lib/order.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, createSession, order } from './helpers.ts';

let sandbox: Sandbox;
let handle: MessageHandler;
/** The worker's clock; undefined follows the real one. */
let clock: number | undefined;
let created: number;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  clock = undefined;
  created = 0;
  handle = createMessageHandler({ now: () => clock ?? Date.now() });
  await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
});

function createLink(overrides: Partial<Order> = {}): Promise<SessionRecord> {
  return createSession(handle, `create-${(created += 1)}`, { order: order(overrides) });
}

async function renew(sessionId: string, requestId = 'renew-1') {
  return z.parse(
    ResponseSchemas.renewCheckout,
    await ask(handle, { type: 'renewCheckout', requestId, sessionId }),
  );
}

function createBodies(): unknown[] {
  return sandbox.requests
    .filter((request) => request.method === 'POST' && request.path.endsWith('/checkouts/'))
    .map((request) => request.json);
}

async function stored(id: string): Promise<SessionRecord | undefined> {
  return (await readHistory()).find((record) => record.id === id);
}

describe('renewCheckout', () => {
  it('sends the expired link’s order again for the same invoice: same reference and number, linked', async () => {
    const callbackUrl = `${sandbox.origin}/hook`;
    const old = await createLink({ successUrl: 'https://example.com/thanks', callbackUrl });
    expect(old.invoiceNumber).toBe('INV-0001');
    clock = old.expiresAt + 1;

    const answer = await renew(old.id);

    if (!answer.ok) throw new Error(answer.error.message);
    const [first, second] = createBodies();
    expect(second).toEqual(first);
    expect(second).toMatchObject({
      client_reference_id: 'INV-42',
      success_url: 'https://example.com/thanks',
      callback_url: callbackUrl,
    });
    expect(answer.session).toMatchObject({
      reference: 'INV-42',
      invoiceNumber: 'INV-0001',
      issuedAt: old.createdAt,
      status: 'open',
    });
    expect(answer.session.replacesInvoice).toBeUndefined();
    expect(answer.session.id).not.toBe(old.id);
    expect(await stored(old.id)).toMatchObject({ renewedBy: answer.session.id });
    expect((await readHistory())[0]?.id).toBe(answer.session.id);
  });

  it('issues no number for a new payment link: the next invoice is INV-0002', async () => {
    const old = await createLink();
    clock = old.expiresAt + 1;
    expect(await renew(old.id)).toMatchObject({ ok: true });
    clock = undefined;
    const next = await createLink();
    expect(next.invoiceNumber).toBe('INV-0002');
  });

  it('keeps the number when the reference was left empty, so the number stays the reference', async () => {
    const old = await createLink({ reference: '' });
    expect(old).toMatchObject({ reference: 'INV-0001', invoiceNumber: 'INV-0001' });
    clock = old.expiresAt + 1;
    const answer = await renew(old.id);
    expect(answer).toMatchObject({
      ok: true,
      session: { reference: 'INV-0001', invoiceNumber: 'INV-0001' },
    });
    expect(
      createBodies().map((body) => (body as { client_reference_id: string }).client_reference_id),
    ).toEqual(['INV-0001', 'INV-0001']);
  });

  it('gives a link made before invoice numbers a number of its own', async () => {
    const old = await createLink();
    await browser.storage.local.set({
      'history:chunk:0': [{ ...old, invoiceNumber: undefined }],
    });
    clock = old.expiresAt + 1;
    const answer = await renew(old.id);
    expect(answer).toMatchObject({ ok: true, session: { invoiceNumber: 'INV-0002' } });
  });

  it('renews a TWD link in TWD, whatever the Settings default currency (USDT)', async () => {
    const old = await createLink({ currency: 'twd' });
    expect(old).toMatchObject({ currency: 'twd', itemsCurrency: 'twd' });
    clock = old.expiresAt + 1;

    const answer = await renew(old.id);

    if (!answer.ok) throw new Error(answer.error.message);
    const [, second] = createBodies();
    expect(second).toMatchObject({
      currency: 'twd',
      invoice_items: [{ price_data: { currency: 'twd' } }],
    });
    expect(answer.session.currency).toBe('twd');
  });

  it('makes a third link for the same invoice from the second, still INV-0001 and issued once', async () => {
    const old = await createLink();
    clock = old.expiresAt + 1;
    const second = await renew(old.id, 'renew-1');
    if (!second.ok) throw new Error(second.error.message);
    clock = second.session.expiresAt + 1;
    const third = await renew(second.session.id, 'renew-2');
    expect(third).toMatchObject({
      ok: true,
      session: { reference: 'INV-42', invoiceNumber: 'INV-0001', issuedAt: old.createdAt },
    });
  });

  it('creates nothing more for the same request id, nor for a second click on a renewed row', async () => {
    const old = await createLink();
    clock = old.expiresAt + 1;
    const first = await renew(old.id, 'renew-1');
    const again = await renew(old.id, 'renew-1');
    const otherClick = await renew(old.id, 'renew-2');
    expect(again).toEqual(first);
    expect(otherClick).toEqual(first);
    expect(createBodies()).toHaveLength(2);
  });

  it('carries the note and tags over to the new link', async () => {
    const old = await createLink();
    await ask(handle, {
      type: 'updateSessionNotes',
      sessionId: old.id,
      note: 'Acme, second invoice',
      tags: ['acme'],
    });
    clock = old.expiresAt + 1;
    const answer = await renew(old.id);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(await stored(answer.session.id)).toMatchObject({
      note: 'Acme, second invoice',
      tags: ['acme'],
    });
  });

  it('keeps the invoice’s due date, terms, supply date and client tax ID on the new link', async () => {
    const old = await createLink({
      paymentTerms: '14',
      supplyDate: '2026-11-30',
      client: { name: 'Acme GmbH', email: '', address: '', taxId: 'DE123456789' },
    });
    // Issued days ago: a new link must not give the client longer to pay.
    await updateSession(old.id, { dueDate: '2026-12-01' });
    clock = old.expiresAt + 1;
    const answer = await renew(old.id);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(await stored(answer.session.id)).toMatchObject({
      dueDate: '2026-12-01',
      paymentTerms: '14',
      supplyDate: '2026-11-30',
      client: { taxId: 'DE123456789' },
    });
  });

  it('renews an open link with less than the reminder window left', async () => {
    const old = await createLink();
    clock = old.expiresAt - 30 * 60_000;
    expect(await renew(old.id)).toMatchObject({ ok: true });
  });

  it('refuses an open link with plenty of time left, and a paid one, sending nothing', async () => {
    const open = await createLink();
    const paid = await createLink();
    expect(sandbox.pay(paid.id).ok).toBe(true);
    await ask(handle, { type: 'refreshStatuses', staleOnly: false });

    expect(await renew(open.id, 'renew-1')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect(await renew(paid.id, 'renew-2')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect(createBodies()).toHaveLength(2);
  });

  it('answers not_found for a session History does not hold', async () => {
    expect(await renew('cs_nowhere')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(createBodies()).toHaveLength(0);
  });
});

describe('updateSessionNotes', () => {
  it('stores the note and tags on that session only', async () => {
    const noted = await createLink();
    const other = await createLink();
    const answer = await ask(handle, {
      type: 'updateSessionNotes',
      sessionId: noted.id,
      note: 'Paid half upfront',
      tags: ['acme', 'retainer'],
    });
    expect(answer).toMatchObject({
      ok: true,
      session: { id: noted.id, note: 'Paid half upfront', tags: ['acme', 'retainer'] },
    });
    expect(await stored(noted.id)).toMatchObject({ note: 'Paid half upfront' });
    expect(await stored(other.id)).toEqual(other);
  });

  it.each([
    ['a note over 500 characters', { note: 'x'.repeat(501), tags: [] }],
    ['eleven tags', { note: '', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    ['a tag over 30 characters', { note: '', tags: ['x'.repeat(31)] }],
    ['a tag not lower-cased', { note: '', tags: ['Acme'] }],
    ['a repeated tag', { note: '', tags: ['acme', 'acme'] }],
  ])('refuses %s without writing', async (_name, notes) => {
    const session = await createLink();
    const before = await browser.storage.local.get(null);
    const answer = await ask(handle, {
      type: 'updateSessionNotes',
      sessionId: session.id,
      ...notes,
    });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(await browser.storage.local.get(null)).toEqual(before);
  });

  it('answers not_found for a session History does not hold', async () => {
    expect(
      await ask(handle, { type: 'updateSessionNotes', sessionId: 'cs_x', note: '', tags: [] }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
